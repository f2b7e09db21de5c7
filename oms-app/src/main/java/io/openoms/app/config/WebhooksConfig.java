package io.openoms.app.config;

/**
 * Webhooks from charting platforms ({@code signals.webhooks.*}); see docs/webhooks.md.
 *
 * @param requestsPerMinute {@code signals.webhooks.requests-per-minute}: each token's sustained request
 *     rate (1-6000, default 60); beyond it a request is answered 429 and places nothing
 * @param burst {@code signals.webhooks.burst}: how many requests a token may send at once (1-1000, default 20)
 */
public record WebhooksConfig(int requestsPerMinute, int burst) {
    public static final WebhooksConfig DEFAULT = new WebhooksConfig(60, 20);

    public WebhooksConfig {
        if (requestsPerMinute < 1 || requestsPerMinute > 6000) {
            throw new IllegalArgumentException(
                    "requests-per-minute: must be between 1 and 6000, got " + requestsPerMinute);
        }
        if (burst < 1 || burst > 1000) {
            throw new IllegalArgumentException("burst: must be between 1 and 1000, got " + burst);
        }
    }
}
