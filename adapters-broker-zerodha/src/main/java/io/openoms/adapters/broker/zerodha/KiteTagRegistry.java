package io.openoms.adapters.broker.zerodha;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.ClientOrderId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which client order id each of our Kite tags stands for. A broker order is ours only when the
 * registry knows its tag: an order someone tagged by hand in Kite is never mistaken for ours.
 *
 * <p>{@link #remember} records a tag before the placement is sent. With a file the mapping is
 * appended and forced to disk first, so it survives a restart; the file has one
 * {@code tag client-order-id} pair per line. Without a file the app must seed the registry from
 * its order store at start-up ({@link #remember} for each order of the trading day).
 *
 * <p>Thread safety: safe from any thread.
 */
public final class KiteTagRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(KiteTagRegistry.class);

    private final Optional<Path> file;
    private final Map<String, ClientOrderId> byTag = new HashMap<>();

    private KiteTagRegistry(Optional<Path> file) {
        this.file = file;
    }

    public static KiteTagRegistry inMemory() {
        return new KiteTagRegistry(Optional.empty());
    }

    /** A registry kept in {@code file} (created on first use), with the mappings already in it. */
    public static KiteTagRegistry persistent(Path file) throws IOException {
        requireNonNull(file, "file is null");
        KiteTagRegistry registry = new KiteTagRegistry(Optional.of(file));
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, UTF_8);
            for (String line : lines) {
                String[] parts = line.strip().split(" ");
                if (parts.length != 2 || !KiteTag.isWellFormed(parts[0])) {
                    if (!line.isBlank()) {
                        LOG.warn("ignoring a damaged line of the Kite tag file {}", file);
                    }
                    continue;
                }
                try {
                    registry.byTag.put(parts[0], ClientOrderId.of(parts[1]));
                } catch (IllegalArgumentException e) {
                    LOG.warn("ignoring a damaged line of the Kite tag file {}: {}", file, e.getMessage());
                }
            }
        }
        return registry;
    }

    /**
     * The tag of {@code id}, recorded (and made durable) before it is returned.
     *
     * @throws IOException when the mapping cannot be written: the order must not be sent
     * @throws IllegalStateException when the tag already stands for another client order id
     */
    public synchronized String remember(ClientOrderId id) throws IOException {
        requireNonNull(id, "id is null");
        String tag = KiteTag.of(id);
        ClientOrderId known = byTag.get(tag);
        if (known != null) {
            if (!known.equals(id)) {
                throw new IllegalStateException(
                        "Kite tag " + tag + " of " + id + " already stands for client order " + known);
            }
            return tag;
        }
        if (file.isPresent()) {
            append(file.get(), tag + " " + id.value() + "\n");
        }
        byTag.put(tag, id);
        return tag;
    }

    /** The client order id {@code tag} stands for, empty when the tag is not ours. */
    public synchronized Optional<ClientOrderId> clientOrderId(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byTag.get(tag.strip()));
    }

    private static void append(Path path, String line) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (FileChannel channel = FileChannel.open(
                path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }
}
