package io.openoms.domain.value;

/** A trading account, as the broker knows it (e.g. a Kite user id) or as configured for paper trading. */
public record AccountId(String value) {
    public AccountId {
        value = Identifiers.require(value, "account");
    }

    public static AccountId of(String value) {
        return new AccountId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
