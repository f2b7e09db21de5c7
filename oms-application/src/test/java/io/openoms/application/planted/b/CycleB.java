package io.openoms.application.planted.b;

import io.openoms.application.planted.a.CycleA;

/** Half of a planted package cycle. */
public final class CycleB {
    CycleA other;
}
