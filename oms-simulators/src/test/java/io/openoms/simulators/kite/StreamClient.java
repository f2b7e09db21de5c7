package io.openoms.simulators.kite;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JDK WebSocket client on the simulator's stream that queues what arrives, in order. */
final class StreamClient implements WebSocket.Listener, AutoCloseable {
    private static final long WAIT_SECONDS = 10;

    /** One thing that arrived: a text frame, a binary frame's bytes, a pong, or the end of the connection. */
    record Message(String kind, String text, byte[] bytes) {
        JsonNode json() {
            try {
                return KiteSimulatorFixture.JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text, e);
            }
        }
    }

    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    final WebSocket socket;

    private StreamClient(URI uri) {
        this.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, this)
                .orTimeout(WAIT_SECONDS, TimeUnit.SECONDS)
                .join();
    }

    static StreamClient connect(KiteSimulator simulator, String accessToken) {
        return new StreamClient(URI.create(
                simulator.streamUrl() + "?api_key=" + simulator.config().apiKey() + "&access_token=" + accessToken));
    }

    static CompletableFuture<WebSocket> attempt(KiteSimulator simulator, String apiKey, String accessToken) {
        return HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(
                        URI.create(simulator.streamUrl() + "?api_key=" + apiKey + "&access_token=" + accessToken),
                        new WebSocket.Listener() {});
    }

    Message next() {
        try {
            Message message = messages.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("nothing arrived on the stream within " + WAIT_SECONDS + " s");
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next text frame parsed, skipping heartbeats. */
    JsonNode nextOrderFrame() {
        while (true) {
            Message message = next();
            if (message.kind().equals("text")) {
                return message.json();
            }
            if (message.kind().equals("closed")) {
                throw new AssertionError("the stream closed while an order frame was awaited");
            }
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(new Message("text", partial.toString(), null));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        messages.add(new Message("binary", null, bytes));
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        messages.add(new Message("pong", null, null));
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        messages.add(new Message("closed", reason, null));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        messages.add(new Message("closed", String.valueOf(error), null));
    }

    @Override
    public void close() {
        socket.abort();
    }
}
