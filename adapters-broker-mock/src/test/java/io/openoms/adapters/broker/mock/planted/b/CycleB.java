package io.openoms.adapters.broker.mock.planted.b;

import io.openoms.adapters.broker.mock.planted.a.CycleA;

/** Half of a planted package cycle. */
public final class CycleB {
    CycleA other;
}
