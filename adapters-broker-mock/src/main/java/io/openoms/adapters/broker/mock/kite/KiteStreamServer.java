package io.openoms.adapters.broker.mock.kite;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order-update stream: a minimal RFC 6455 WebSocket server on loopback (the JDK has none). A
 * handshake must carry {@code api_key} and {@code access_token} of a live session in its query,
 * else it is refused with HTTP 403. The server sends unmasked text and binary frames; from the client
 * it reads (and ignores) text and binary frames, answers pings and close frames. Nothing is replayed
 * to a new connection. Each connection writes from its own single thread, in the order frames were
 * handed over, so a slow client never blocks the simulator.
 */
final class KiteStreamServer {
    private static final Logger LOG = LoggerFactory.getLogger(KiteStreamServer.class);
    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;

    private final int configuredPort;
    private final BiPredicate<String, String> authorized;
    private final BooleanSupplier refusing;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private Thread acceptor;
    private volatile boolean running;

    KiteStreamServer(int port, BiPredicate<String, String> authorized, BooleanSupplier refusing) {
        this.configuredPort = port;
        this.authorized = requireNonNull(authorized, "authorized is null");
        this.refusing = requireNonNull(refusing, "refusing is null");
    }

    void start() throws IOException {
        server = new ServerSocket(configuredPort, 50, InetAddress.getLoopbackAddress());
        running = true;
        acceptor = new Thread(this::accept, "kitesim-stream-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.size();
    }

    /** Text frames handed to each open connection so far, oldest connection first. */
    List<Long> textFramesPerConnection() {
        return connections.stream().map(Connection::textFrames).toList();
    }

    void stop() {
        running = false;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            LOG.debug("Closing the stream server socket failed", e);
        }
        dropAll();
    }

    void sendText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        connections.forEach(connection -> connection.send(TEXT, payload));
    }

    void sendBinary(byte[] payload) {
        connections.forEach(connection -> connection.send(BINARY, payload.clone()));
    }

    /** Closes every connection's socket without a close frame, as a network drop does. */
    void dropAll() {
        for (Connection connection : connections) {
            connection.drop();
        }
    }

    private void accept() {
        while (running) {
            try {
                Socket socket = server.accept();
                Thread reader = new Thread(() -> serve(socket), "kitesim-stream-read");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                if (running) {
                    LOG.warn("Accepting a stream connection failed", e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        Connection connection = null;
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            String[] request = readHeaders(in);
            if (request.length == 0) {
                return;
            }
            String key = header(request, "sec-websocket-key");
            URI target = URI.create(request[0].split(" ")[1]);
            KiteForms query = KiteForms.parse(target.getRawQuery());
            if (key == null) {
                refuse(out, 400, "Bad Request");
                return;
            }
            if (refusing.getAsBoolean()) {
                refuse(out, 503, "Service Unavailable");
                return;
            }
            if (!authorized.test(
                    query.get("api_key").orElse(""), query.get("access_token").orElse(""))) {
                refuse(out, 403, "Forbidden");
                return;
            }
            String accept = Base64.getEncoder().encodeToString(sha1(key + WEBSOCKET_GUID));
            connection = new Connection(socket, out);
            // The connection takes frames from before its handshake answer goes out (first, through its
            // writer): a client that sees the stream open has missed nothing sent after that.
            connection.sendRaw(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            connections.add(connection);
            read(new DataInputStream(in), connection);
        } catch (IOException e) {
            LOG.debug("A stream connection ended", e);
        } finally {
            if (connection != null) {
                connections.remove(connection);
                connection.writer.shutdown();
            }
        }
    }

    private static void read(DataInputStream in, Connection connection) throws IOException {
        while (true) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            int opcode = first & 0x0F;
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] mask = new byte[4];
            if ((second & 0x80) != 0) {
                in.readFully(mask);
            }
            if (length > 1 << 20) {
                throw new IOException("client frame of " + length + " bytes is too large");
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            if (opcode == CLOSE) {
                connection.send(CLOSE, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                connection.closeAfterWrites();
                return;
            }
            if (opcode == PING) {
                connection.send(PONG, payload);
            }
        }
    }

    private static void refuse(OutputStream out, int status, String reason) throws IOException {
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String[] readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int matched = 0;
        int next;
        while (matched < 4 && (next = in.read()) != -1) {
            bytes.write(next);
            matched = (next == '\r' || next == '\n') && (matched % 2 == 0) == (next == '\r') ? matched + 1 : 0;
            if (bytes.size() > 16_384) {
                throw new IOException("handshake too large");
            }
        }
        String text = bytes.toString(StandardCharsets.US_ASCII).trim();
        return text.isEmpty() ? new String[0] : text.split("\r\n");
    }

    private static String header(String[] lines, String name) {
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0
                    && lines[i].substring(0, colon)
                            .trim()
                            .toLowerCase(Locale.ROOT)
                            .equals(name)) {
                return lines[i].substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final AtomicLong textFrames = new AtomicLong();
        private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kitesim-stream-write");
            thread.setDaemon(true);
            return thread;
        });

        Connection(Socket socket, OutputStream out) {
            this.socket = socket;
            this.out = out;
        }

        long textFrames() {
            return textFrames.get();
        }

        void sendRaw(byte[] bytes) {
            writer.execute(() -> {
                try {
                    out.write(bytes);
                    out.flush();
                } catch (IOException e) {
                    LOG.debug("Writing the handshake answer failed", e);
                    drop();
                }
            });
        }

        void send(int opcode, byte[] payload) {
            if (opcode == TEXT) {
                textFrames.incrementAndGet();
            }
            try {
                writer.execute(() -> write(opcode, payload));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("Frame for a closed stream connection dropped");
            }
        }

        void closeAfterWrites() {
            try {
                writer.execute(this::drop);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                drop();
            }
        }

        void drop() {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("Closing a stream connection failed", e);
            }
        }

        private void write(int opcode, byte[] payload) {
            try {
                ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 10);
                frame.write(0x80 | opcode);
                if (payload.length < 126) {
                    frame.write(payload.length);
                } else if (payload.length < 65_536) {
                    frame.write(126);
                    frame.write(payload.length >>> 8);
                    frame.write(payload.length & 0xFF);
                } else {
                    frame.write(127);
                    for (int shift = 56; shift >= 0; shift -= 8) {
                        frame.write((int) (((long) payload.length >>> shift) & 0xFF));
                    }
                }
                frame.write(payload);
                out.write(frame.toByteArray());
                out.flush();
            } catch (SocketException e) {
                LOG.debug("Stream connection gone while writing", e);
            } catch (IOException e) {
                LOG.debug("Writing a stream frame failed", e);
                drop();
            }
        }
    }
}
