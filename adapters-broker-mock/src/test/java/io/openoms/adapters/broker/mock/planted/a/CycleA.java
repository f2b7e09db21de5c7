package io.openoms.adapters.broker.mock.planted.a;

import io.openoms.adapters.broker.mock.planted.b.CycleB;

/** Half of a planted package cycle. */
public final class CycleA {
    CycleB other;
}
