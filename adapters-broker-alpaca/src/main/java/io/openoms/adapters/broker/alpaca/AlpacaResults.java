package io.openoms.adapters.broker.alpaca;

import io.openoms.domain.port.out.BrokerResult;

/** Carrying a {@link BrokerResult}'s failure over to another value type. */
final class AlpacaResults {
    private AlpacaResults() {}

    /** A translation of an Alpaca payload that may find it malformed. */
    @FunctionalInterface
    interface Translation<A, B> {
        B apply(A value) throws AlpacaPayloadException;
    }

    /** {@code result}'s value translated, a malformed payload as an unknown outcome, failures kept. */
    static <A, B> BrokerResult<B> map(BrokerResult<A> result, Translation<A, B> translation) {
        if (result instanceof BrokerResult.Success<A> success) {
            try {
                return BrokerResult.success(translation.apply(success.value()));
            } catch (AlpacaPayloadException | IllegalArgumentException e) {
                return AlpacaErrorClassifier.unparseable(200, e.getMessage());
            }
        }
        return failure(result);
    }

    /** A non-success result as the same failure of another type. */
    static <A, B> BrokerResult<B> failure(BrokerResult<A> result) {
        if (result instanceof BrokerResult.Rejected<A> rejected) {
            return BrokerResult.rejected(rejected.reason());
        }
        if (result instanceof BrokerResult.RateLimited<A> limited) {
            return BrokerResult.rateLimited(limited.retryAfter(), limited.reason());
        }
        if (result instanceof BrokerResult.SessionExpired<A> expired) {
            return BrokerResult.sessionExpired(expired.reason());
        }
        if (result instanceof BrokerResult.OutcomeUnknown<A> unknown) {
            return BrokerResult.outcomeUnknown(unknown.reason());
        }
        throw new IllegalArgumentException("not a failure: " + result);
    }
}
