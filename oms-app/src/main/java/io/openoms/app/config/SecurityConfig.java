package io.openoms.app.config;

/**
 * @param adminApiKey {@code security.admin-api-key}, {@code OMS_ADMIN_API_KEY}: when set, an admin API key
 *     with this value exists (for automation); never printed
 * @param rateLimit {@code security.rate-limit.*}: the request rate limit per API key
 */
public record SecurityConfig(Secret adminApiKey, ApiRateLimitConfig rateLimit) {
    public static final SecurityConfig DEFAULT = new SecurityConfig(Secret.NONE, ApiRateLimitConfig.DEFAULT);

    public SecurityConfig {
        adminApiKey = adminApiKey == null ? Secret.NONE : adminApiKey;
        if (adminApiKey.isSet() && adminApiKey.reveal().length() < 16) {
            throw new IllegalArgumentException("admin-api-key: must be at least 16 characters long");
        }
        if (rateLimit == null) {
            throw new IllegalArgumentException("rate-limit: is required (a mapping of requests-per-second, burst, …)");
        }
    }
}
