package io.openoms.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.http.ApiClient.Response;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One round of load through REST from several threads: submits (market orders that fill, limit orders that
 * rest), cancels and modifies of resting orders, and retries of acknowledged submits with the same
 * {@code clientOrderId}. Every 2xx goes into the {@link CrashLedger}; a request the crash cut off is an
 * unknown outcome. Each thread is seeded from the test's seed, so a round's requests repeat for a seed
 * (their timing against the kill does not).
 */
final class CrashLoad {
    private static final String[] INSTRUMENTS = {"NSE:INFY", "NSE:TCS"};
    private static final BigDecimal[] OPENING_PRICES = {new BigDecimal("1500"), new BigDecimal("3400")};
    private static final BigDecimal TICK = new BigDecimal("0.05");
    /** A thread's cap per round, so that a late kill does not make the checks that follow unbounded. */
    private static final int MAX_REQUESTS_PER_THREAD = 300;

    private final ApiClient client;
    private final String key;
    private final CrashLedger ledger;
    private final AtomicBoolean stopped = new AtomicBoolean();

    CrashLoad(ApiClient client, String key, CrashLedger ledger) {
        this.client = client;
        this.key = key;
        this.ledger = ledger;
    }

    /** Starts {@code threads} load threads for {@code round}; they end when the app dies or on {@link #stop()}. */
    List<Thread> start(int round, int threads, long seed) {
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Random random = new Random(seed * 31 + round * 1_000L + t);
            String prefix = "cr" + round + "-t" + t + "-";
            Thread thread = new Thread(() -> run(prefix, random), "crash-load-" + round + "-" + t);
            thread.start();
            started.add(thread);
        }
        return started;
    }

    void stop() {
        stopped.set(true);
    }

    private void run(String prefix, Random random) {
        List<String> mine = new ArrayList<>();
        List<String> resting = new ArrayList<>();
        try {
            for (int n = 0; n < MAX_REQUESTS_PER_THREAD && !stopped.get(); n++) {
                int dice = random.nextInt(100);
                if (dice < 45 || mine.isEmpty()) {
                    submit(prefix + n, random, mine, resting);
                } else if (dice < 60) {
                    retry(mine.get(random.nextInt(mine.size())));
                } else if (dice < 80 && !resting.isEmpty()) {
                    cancel(resting.remove(random.nextInt(resting.size())));
                } else if (!resting.isEmpty()) {
                    modify(resting.get(random.nextInt(resting.size())), random);
                }
            }
        } catch (UncheckedIOException killed) {
            // The app is gone: the request in flight has an unknown outcome (recorded by submit).
        }
    }

    private void submit(String id, Random random, List<String> mine, List<String> resting) {
        int which = random.nextInt(INSTRUMENTS.length);
        String side = random.nextBoolean() ? "BUY" : "SELL";
        int quantity = 1 + random.nextInt(5);
        boolean market = random.nextInt(10) < 3;
        String strategy = "crash-" + random.nextInt(2);
        String price = market ? "" : ",\"price\":\"" + restingPrice(which, side, random) + "\"";
        String body = "{\"instrument\":\"" + INSTRUMENTS[which] + "\",\"side\":\"" + side + "\",\"quantity\":"
                + quantity + ",\"type\":\"" + (market ? "MARKET" : "LIMIT") + "\"" + price
                + ",\"account\":\"PAPER\",\"strategy\":\"" + strategy + "\",\"clientOrderId\":\"" + id + "\"}";
        Response response;
        try {
            response = client.post(key, "/api/v1/orders", body);
        } catch (UncheckedIOException e) {
            ledger.unknown(id, body);
            throw e;
        }
        int status = response.status();
        if (status == 201 || status == 200 || status == 422) {
            JsonNode order = response.json();
            ledger.submitted(id, body, order.path("status").asText());
            mine.add(id);
            if (!market && status != 422) {
                resting.add(id);
            }
        } else if (status >= 500) {
            ledger.unknown(id, body);
        }
    }

    /**
     * The same request again: the stored order back (200, or 422 for a risk rejection), never a new one, and
     * never a 409, even when the order was modified since (the retry repeats the order as first submitted).
     */
    private void retry(String id) {
        CrashLedger.Submit first = ledger.submits().get(id);
        Response response = client.post(key, "/api/v1/orders", first.body());
        checkRetry(ledger, id, first, response);
    }

    static void checkRetry(CrashLedger ledger, String id, CrashLedger.Submit first, Response response) {
        int status = response.status();
        if (status == 200 || status == 422) {
            String answered = response.json().path("id").asText();
            if (!answered.equals(id)) {
                ledger.violation("retry of " + id + " answered another order " + answered);
            }
        } else if (status == 201) {
            ledger.violation("retry of acknowledged " + id + " (first answered " + first.status()
                    + ") created a new order: " + response);
        } else if (status < 500) {
            ledger.violation("retry of " + id + " answered " + response);
        }
    }

    private void cancel(String id) {
        Response response = client.delete(key, "/api/v1/orders/" + id);
        if (response.status() == 202) {
            ledger.changed(id, "cancel", response.json().path("status").asText());
        }
    }

    private void modify(String id, Random random) {
        CrashLedger.Submit submit = ledger.submits().get(id);
        int which = submit.body().contains("NSE:TCS") ? 1 : 0;
        String side = submit.body().contains("\"BUY\"") ? "BUY" : "SELL";
        String body = "{\"price\":\"" + restingPrice(which, side, random) + "\"}";
        Response response = client.patch(key, "/api/v1/orders/" + id, body);
        if (response.status() == 202) {
            ledger.changed(id, "modify", response.json().path("status").asText());
        }
    }

    /** 3-7% away from the opening price on the passive side: rests on the venue, inside the 10% price band. */
    private static String restingPrice(int which, String side, Random random) {
        BigDecimal offset = BigDecimal.valueOf(3 + random.nextInt(5)).movePointLeft(2);
        BigDecimal factor = side.equals("BUY") ? BigDecimal.ONE.subtract(offset) : BigDecimal.ONE.add(offset);
        BigDecimal raw = OPENING_PRICES[which].multiply(factor);
        return raw.divide(TICK, 0, RoundingMode.DOWN).multiply(TICK).toPlainString();
    }
}
