package io.openoms.adapters.persistence.planted.a;

import io.openoms.adapters.persistence.planted.b.CycleB;

/** Half of a planted package cycle. */
public final class CycleA {
    CycleB other;
}
