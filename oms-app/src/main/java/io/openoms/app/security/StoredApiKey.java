package io.openoms.app.security;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An API key as the key file holds it: never the key, only the hex SHA-256 of it.
 *
 * @param name who the key is for; recorded as the actor of the changes made with it
 * @param role what the key may do
 * @param sha256 the lowercase hex SHA-256 of the key's UTF-8 bytes
 * @param createdAt when the key was created
 */
public record StoredApiKey(String name, Role role, String sha256, Instant createdAt) {
    public StoredApiKey {
        requireNonNull(name, "name is null");
        requireNonNull(role, "role is null");
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(createdAt, "createdAt is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name: is blank");
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256: must be 64 lowercase hex digits");
        }
    }
}
