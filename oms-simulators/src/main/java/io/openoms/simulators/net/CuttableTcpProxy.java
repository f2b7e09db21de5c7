package io.openoms.simulators.net;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP forwarder on the loopback address, so a test can take a server away for real (a database
 * behind the connection pool, the app behind a browser): {@link #cut()} closes every open connection
 * and refuses new ones (they are accepted and closed at once, as when a server goes down),
 * {@link #restore()} lets them through again. Deterministic, and nothing outside the test is touched.
 *
 * <p>Thread safety: safe from any thread.
 */
public final class CuttableTcpProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CuttableTcpProxy.class);

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean cut;
    private volatile boolean closed;

    public CuttableTcpProxy(String targetHost, int targetPort) {
        this.targetHost = requireNonNull(targetHost, "targetHost is null");
        this.targetPort = targetPort;
        try {
            this.server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the proxy", e);
        }
        this.acceptor = new Thread(this::acceptLoop, "tcp-proxy-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The server goes away: open connections die, new ones are dropped. */
    public void cut() {
        cut = true;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
        LOG.info("proxy on {}: connections cut", port());
    }

    /** The server is back. */
    public void restore() {
        cut = false;
        LOG.info("proxy on {}: connections allowed", port());
    }

    public boolean isCut() {
        return cut;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("proxy accept failed", e);
                }
                return;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            Socket target;
            try {
                target = new Socket(targetHost, targetPort);
            } catch (IOException e) {
                closeQuietly(client);
                continue;
            }
            open.add(client);
            open.add(target);
            pump(client, target);
            pump(target, client);
            if (cut) {
                closeQuietly(client);
                closeQuietly(target);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int read;
                        while ((read = in.read(buffer)) >= 0) {
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // the connection ended (or was cut): close both sides below
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        open.remove(from);
                        open.remove(to);
                    }
                },
                "db-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
