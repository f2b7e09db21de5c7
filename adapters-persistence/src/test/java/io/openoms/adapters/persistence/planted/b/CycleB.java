package io.openoms.adapters.persistence.planted.b;

import io.openoms.adapters.persistence.planted.a.CycleA;

/** Half of a planted package cycle. */
public final class CycleB {
    CycleA other;
}
