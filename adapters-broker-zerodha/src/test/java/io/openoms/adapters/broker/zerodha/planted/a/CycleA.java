package io.openoms.adapters.broker.zerodha.planted.a;

import io.openoms.adapters.broker.zerodha.planted.b.CycleB;

/** Half of a planted package cycle. */
public final class CycleA {
    CycleB other;
}
