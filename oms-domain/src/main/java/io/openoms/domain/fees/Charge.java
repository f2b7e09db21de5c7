package io.openoms.domain.fees;

/** One line of an Indian contract note: what a fill costs beyond its price. */
public enum Charge {
    BROKERAGE,
    /** Securities (or commodities) transaction tax. */
    STT,
    EXCHANGE_TRANSACTION,
    SEBI_TURNOVER,
    STAMP_DUTY,
    /** 18% on brokerage, the exchange's transaction charge and SEBI's fee. */
    GST
}
