package io.openoms.domain.fees;

/** Computes what a fill costs. Implementations are pure and thread-safe. */
public interface FeeModel {
    /** Charges nothing: the broker's own fee on the fill, if any, stands. */
    FeeModel NONE = fill -> FillCharges.NONE;

    FillCharges charges(ChargeableFill fill);
}
