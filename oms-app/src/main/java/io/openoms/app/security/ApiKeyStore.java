package io.openoms.app.security;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.openoms.app.config.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API keys: those in {@code api-keys.json} in the data directory, plus the admin key given by
 * {@code security.admin-api-key} ({@code OMS_ADMIN_API_KEY}) when set.
 *
 * <p>Only the SHA-256 of each key is stored. A key is 32 bytes from {@link SecureRandom} (256 bits),
 * so a fast hash is enough: slow password hashes (bcrypt, scrypt, Argon2) exist to make guessing
 * low-entropy human passwords expensive, and nobody can enumerate a 2^256 space, fast hash or not;
 * a slow hash would only add tens of milliseconds to every request. A presented key is compared
 * with every stored digest in constant time ({@link MessageDigest#isEqual}), without stopping at the
 * first match. Keys are never logged.
 *
 * <p>The file is written owner-only ({@code rw-------}) where the file system has POSIX permissions,
 * always whole, through a temporary file renamed over it, under an exclusive lock on {@code
 * api-keys.json.lock} so that two processes ({@code oms api-keys} and a server) never lose each other's
 * changes. It is re-read when it changes (another file, modification time or size), checked on every
 * authentication, so keys created or revoked with {@code oms api-keys} take effect on a running server at
 * its next request, without a restart. Thread safety: safe from any thread.
 */
public final class ApiKeyStore {
    public static final String FILE_NAME = "api-keys.json";
    /** Webhook tokens live in a store of their own, so that one is never taken for an API key. */
    public static final String WEBHOOK_FILE_NAME = "webhook-tokens.json";

    public static final String ENVIRONMENT_ADMIN_NAME = "admin (OMS_ADMIN_API_KEY)";

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyStore.class);
    private static final String KEY_PREFIX = "oms_";
    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Object WRITERS = new Object();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");

    private final Path file;
    private final String kind;
    private final String prefix;
    private final Optional<byte[]> environmentAdminDigest;
    private final Clock clock;
    private final SecureRandom random;
    private final ObjectMapper mapper;
    private final Object lock = new Object();
    private List<StoredApiKey> keys;
    private FileState loaded;

    private ApiKeyStore(Path file, String kind, String prefix, Secret adminApiKey, Clock clock, SecureRandom random) {
        this.file = requireNonNull(file, "file is null");
        this.kind = requireNonNull(kind, "kind is null");
        this.prefix = requireNonNull(prefix, "prefix is null");
        requireNonNull(adminApiKey, "adminApiKey is null");
        this.environmentAdminDigest =
                adminApiKey.isSet() ? Optional.of(sha256(adminApiKey.reveal())) : Optional.empty();
        this.clock = requireNonNull(clock, "clock is null");
        this.random = requireNonNull(random, "random is null");
        this.mapper = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The keys of {@code dataDirectory} (none when it has no key file yet) and the configured admin key. */
    public static ApiKeyStore open(Path dataDirectory, Secret adminApiKey, Clock clock) {
        requireNonNull(dataDirectory, "dataDirectory is null");
        return open(new ApiKeyStore(
                dataDirectory.resolve(FILE_NAME), "API key", KEY_PREFIX, adminApiKey, clock, new SecureRandom()));
    }

    /**
     * The webhook tokens of {@code dataDirectory} ({@value #WEBHOOK_FILE_NAME}): one per strategy, named
     * by the strategy, with the trader role; the same hashing, file and locking as API keys.
     */
    public static ApiKeyStore openWebhookTokens(Path dataDirectory, Clock clock) {
        requireNonNull(dataDirectory, "dataDirectory is null");
        return open(new ApiKeyStore(
                dataDirectory.resolve(WEBHOOK_FILE_NAME),
                "webhook token",
                "whk_",
                Secret.NONE,
                clock,
                new SecureRandom()));
    }

    private static ApiKeyStore open(ApiKeyStore store) {
        synchronized (store.lock) {
            store.reload();
        }
        return store;
    }

    public Path file() {
        return file;
    }

    /** True when no key exists at all: none in the file and no configured admin key. */
    public boolean isEmpty() {
        synchronized (lock) {
            return environmentAdminDigest.isEmpty() && current().isEmpty();
        }
    }

    /** The stored keys (hashes only). */
    public List<StoredApiKey> keys() {
        synchronized (lock) {
            return current();
        }
    }

    /**
     * Creates a key, stores its hash and returns the key itself: the only time it is ever available.
     * Refuses a name already used.
     */
    public String create(String name, Role role) {
        requireNonNull(name, "name is null");
        requireNonNull(role, "role is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: '" + name
                    + "' is not allowed; use 1-64 letters, digits and _ . @ -, starting with a letter or digit");
        }
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        String key = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        update(current -> {
            if (current.stream().anyMatch(existing -> existing.name().equals(name))) {
                throw new IllegalArgumentException("name: " + (kind.equals("API key") ? "an " : "a ") + kind
                        + " named '" + name + "' exists already");
            }
            List<StoredApiKey> updated = new ArrayList<>(current);
            updated.add(new StoredApiKey(name, role, HexFormat.of().formatHex(sha256(key)), clock.instant()));
            return updated;
        });
        LOG.info("{} '{}' created with role {} (only its hash is stored in {})", kind, name, role.label(), file);
        return key;
    }

    /**
     * Removes the key named {@code name}: requests carrying it are refused (401) from the next one on,
     * by this store and by every server re-reading the file. Returns the removed key; refuses a name
     * no stored key has.
     */
    public StoredApiKey revoke(String name) {
        requireNonNull(name, "name is null");
        StoredApiKey[] revoked = new StoredApiKey[1];
        update(current -> {
            revoked[0] = current.stream()
                    .filter(key -> key.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("name: no " + kind + " is named '" + name + "'; '"
                            + (kind.equals("API key") ? "oms api-keys list" : "oms webhooks list")
                            + "' shows the names"));
            return current.stream().filter(key -> !key.name().equals(name)).toList();
        });
        LOG.info("{} '{}' ({}) revoked", kind, name, revoked[0].role().label());
        return revoked[0];
    }

    /** Read, change, write under the file lock, so a change made meanwhile by another process is kept. */
    private void update(UnaryOperator<List<StoredApiKey>> change) {
        // A file lock is held per process: two stores of one process on one file must take turns first.
        synchronized (WRITERS) {
            synchronized (lock) {
                updateLocked(change);
            }
        }
    }

    private void updateLocked(UnaryOperator<List<StoredApiKey>> change) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file + ": " + e.getMessage(), e);
        }
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            reload();
            List<StoredApiKey> updated = change.apply(keys);
            write(updated);
            keys = List.copyOf(updated);
            loaded = fileState();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the " + kind + " file " + lockFile + ": " + e.getMessage(), e);
        }
    }

    /** Who holds {@code presentedKey}, or empty when it is no key of this store. */
    public Optional<ApiPrincipal> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(presentedKey);
        List<StoredApiKey> stored;
        synchronized (lock) {
            stored = current();
        }
        // Every digest is compared, so the time taken does not say which key, if any, matched.
        ApiPrincipal found = null;
        if (environmentAdminDigest.isPresent() && MessageDigest.isEqual(environmentAdminDigest.get(), presented)) {
            found = new ApiPrincipal(ENVIRONMENT_ADMIN_NAME, Role.ADMIN);
        }
        for (StoredApiKey key : stored) {
            boolean match = MessageDigest.isEqual(HexFormat.of().parseHex(key.sha256()), presented);
            if (match && found == null) {
                found = new ApiPrincipal(key.name(), key.role());
            }
        }
        return Optional.ofNullable(found);
    }

    private List<StoredApiKey> current() {
        if (!Objects.equals(fileState(), loaded)) {
            reload();
        }
        return keys;
    }

    private void reload() {
        FileState state = fileState();
        if (state == null) {
            keys = List.of();
            loaded = null;
            return;
        }
        try {
            KeyFile content = mapper.readValue(Files.readString(file, StandardCharsets.UTF_8), KeyFile.class);
            keys = content.keys() == null
                    ? List.of()
                    : content.keys().stream().map(Entry::toKey).toList();
            loaded = state;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "cannot read the " + kind + " file " + file + ": " + e.getMessage()
                            + " (fix or remove it; removing it creates a new admin key at the next start)",
                    e);
        }
        tightenPermissions();
    }

    private void tightenPermissions() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                LOG.warn(
                        "the {} file {} was readable by others ({}); made it owner-only",
                        kind,
                        file,
                        PosixFilePermissions.toString(permissions));
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException e) {
            LOG.warn("cannot check the permissions of {}: {}", file, e.getMessage());
        }
    }

    /**
     * What tells one version of the file from the next. Every write renames a new file over the old one,
     * so the file key (the inode) changes even when two writes fall in the same modification-time tick.
     */
    private FileState fileState() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileState(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private record FileState(Object fileKey, FileTime modified, long size) {}

    private void write(List<StoredApiKey> updated) {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temporary);
            }
            Files.writeString(
                    temporary,
                    mapper.writeValueAsString(
                            new KeyFile(updated.stream().map(Entry::of).toList())),
                    StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + kind + " file " + file + ": " + e.getMessage(), e);
        }
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The file's shape. */
    record KeyFile(@JsonProperty("keys") List<Entry> keys) {}

    /** One key in the file; the role in lower case, the time in ISO-8601. */
    record Entry(
            @JsonProperty("name") String name,
            @JsonProperty("role") String role,
            @JsonProperty("sha256") String sha256,
            @JsonProperty("createdAt") String createdAt) {
        static Entry of(StoredApiKey key) {
            return new Entry(
                    key.name(),
                    key.role().label(),
                    key.sha256(),
                    key.createdAt().toString());
        }

        StoredApiKey toKey() {
            return new StoredApiKey(name, Role.parse(role), sha256, Instant.parse(createdAt));
        }
    }
}
