package io.openoms.application.planted.a;

import io.openoms.application.planted.b.CycleB;

/** Half of a planted package cycle. */
public final class CycleA {
    CycleB other;
}
