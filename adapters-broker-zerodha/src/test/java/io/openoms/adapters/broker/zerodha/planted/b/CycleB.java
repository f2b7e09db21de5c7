package io.openoms.adapters.broker.zerodha.planted.b;

import io.openoms.adapters.broker.zerodha.planted.a.CycleA;

/** Half of a planted package cycle. */
public final class CycleB {
    CycleA other;
}
