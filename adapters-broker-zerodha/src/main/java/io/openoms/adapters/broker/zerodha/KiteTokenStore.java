package io.openoms.adapters.broker.zerodha;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the day's access token on disk so a restart needs no new login: the file
 * {@code <data dir>/kite/access-token}, readable and writable by the owner only (POSIX mode 600,
 * its directory 700). It is written to a temporary file created with those permissions and moved
 * into place atomically, so the token is never readable by others, not even for a moment. On a
 * file system without POSIX permissions the store refuses to write rather than leave the token
 * readable by others.
 *
 * <p>Format: three lines, {@code user_id}, {@code login_time} (ISO instant) and the token.
 * Thread safety: callers serialise writes (the CLI and start-up use it once).
 */
public final class KiteTokenStore {
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path directory;
    private final Path file;

    public KiteTokenStore(Path dataDirectory) {
        this.directory = requireNonNull(dataDirectory, "dataDirectory is null").resolve("kite");
        this.file = directory.resolve("access-token");
    }

    public Path file() {
        return file;
    }

    public void save(KiteAccessGrant grant) throws IOException {
        requireNonNull(grant, "grant is null");
        if (!Files.getFileStore(existingAncestor(directory)).supportsFileAttributeView("posix")) {
            throw new IOException("the file system of " + directory
                    + " has no POSIX permissions; refusing to store the access token where others could read it");
        }
        FileAttribute<Set<PosixFilePermission>> dirPermissions = PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR);
        if (!Files.isDirectory(directory)) {
            try {
                Files.createDirectories(directory, dirPermissions);
            } catch (FileAlreadyExistsException e) {
                throw new IOException(directory + " exists and is not a directory", e);
            }
        }
        Files.setPosixFilePermissions(directory, OWNER_ONLY_DIR);
        Path temporary = Files.createTempFile(
                directory, "access-token", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        try {
            String content = grant.userId() + "\n" + grant.loginTime() + "\n" + grant.accessToken() + "\n";
            Files.writeString(temporary, content, UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The stored grant, empty when there is none; a damaged file is an error naming the file. */
    public Optional<KiteAccessGrant> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, UTF_8);
        if (lines.size() < 3) {
            throw new IOException(file + " is damaged: expected user id, login time and token on three lines");
        }
        try {
            return Optional.of(new KiteAccessGrant(
                    lines.get(0).strip(),
                    lines.get(2).strip(),
                    Instant.parse(lines.get(1).strip())));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IOException(file + " is damaged: " + e.getClass().getSimpleName(), e);
        }
    }

    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    private static Path existingAncestor(Path path) {
        Path current = path.toAbsolutePath();
        while (current != null && !Files.exists(current)) {
            current = current.getParent();
        }
        return current == null ? path.toAbsolutePath().getRoot() : current;
    }
}
