package io.openoms.app.security;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.StrategyId;
import java.util.List;
import java.util.Optional;

/**
 * The webhook tokens: one secret per strategy, 32 random bytes, kept in {@code webhook-tokens.json} as a
 * SHA-256 only (the same store as API keys, in a file of its own). A token is shown once, when created;
 * it is never logged. A running server re-reads the file at the next request, so a created token works
 * and a revoked one is refused without a restart. Thread safety: safe from any thread.
 */
public final class WebhookTokens {
    private final ApiKeyStore store;

    public WebhookTokens(ApiKeyStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /** Creates the token of {@code strategy} and returns it: the only time it is available. */
    public String create(StrategyId strategy) {
        requireNonNull(strategy, "strategy is null");
        try {
            return store.create(strategy.value(), Role.TRADER);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^name: ", "strategy: "), e);
        }
    }

    /** The strategies that have a token, with when it was created (never the token). */
    public List<StoredApiKey> list() {
        return store.keys();
    }

    /** Revokes the token of {@code strategy}; refuses a strategy without one. */
    public StoredApiKey revoke(String strategy) {
        try {
            return store.revoke(strategy);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^name: ", "strategy: "), e);
        }
    }

    /** The strategy whose token {@code token} is, or empty when it is none. */
    public Optional<StrategyId> strategyOf(String token) {
        return store.authenticate(token).map(principal -> StrategyId.of(principal.name()));
    }
}
