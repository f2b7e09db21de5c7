package io.openoms.adapters.signal.redis;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.UUID;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The Redis the tests run against: {@code OMS_TEST_REDIS_URL}, default {@code redis://127.0.0.1:6379}.
 * When it does not answer the tests skip, unless {@code OMS_TEST_REDIS_REQUIRED=true} (CI), where they
 * fail. Each test uses keys under its own random prefix.
 */
final class TestRedis {
    static final String URL = System.getenv().getOrDefault("OMS_TEST_REDIS_URL", "redis://127.0.0.1:6379");

    private TestRedis() {}

    static UnifiedJedis connect() {
        UnifiedJedis redis = RedisClient.create(java.net.URI.create(URL));
        try {
            redis.ping();
        } catch (JedisException e) {
            redis.close();
            if ("true".equals(System.getenv("OMS_TEST_REDIS_REQUIRED"))) {
                fail("Redis at " + URL + " does not answer and OMS_TEST_REDIS_REQUIRED=true: " + e);
            }
            assumeTrue(false, "Redis at " + URL + " does not answer: " + e);
        }
        return redis;
    }

    static String prefix() {
        return "oms-test:" + UUID.randomUUID() + ":";
    }
}
