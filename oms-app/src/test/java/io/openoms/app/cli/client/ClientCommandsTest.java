package io.openoms.app.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.openoms.app.cli.client.OmsCommandLine.Run;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client commands against no server, or against a scripted one standing in for answers a healthy
 * test app does not give (busy, not OpenOMS, a bug); and the checks made before anything is sent.
 */
class ClientCommandsTest {
    private static final String KEY = "oms_scripted-key-0123456789";

    private ScriptedServer scripted;

    @AfterEach
    void stop() {
        if (scripted != null) {
            scripted.close();
        }
    }

    @Test
    void without_a_server_one_line_asks_whether_oms_run_is_running_there() {
        String url = "http://127.0.0.1:" + freePort();

        Run run = OmsCommandLine.with(url, KEY).run("orders", "list");

        assertThat(run.exit()).isEqualTo(ClientExitCode.UNREACHABLE.code());
        assertThat(run.err())
                .isEqualTo("oms orders list: cannot reach the OpenOMS server at " + url
                        + " (connection refused); is 'oms run' running at " + url + "? (set --url or OMS_URL)\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void the_url_option_wins_over_OMS_URL_and_the_default_is_the_local_server() {
        String fromEnvironment = "http://127.0.0.1:" + freePort();
        String fromOption = "http://127.0.0.1:" + freePort();

        Run environment = OmsCommandLine.with(fromEnvironment, KEY).run("positions");
        Run option = OmsCommandLine.with(fromEnvironment, KEY).run("positions", "--url", fromOption + "/api/v1/");
        Run neither = OmsCommandLine.withEnvironment(Map.of()).run("positions", "--url", "");

        assertThat(environment.err()).contains("running at " + fromEnvironment + "?");
        assertThat(option.err()).contains("running at " + fromOption + "?");
        assertThat(neither.exit()).isEqualTo(ClientExitCode.USAGE.code());
        assertThat(ServerOptions.baseUri(ServerOptions.DEFAULT_URL)).hasToString("http://127.0.0.1:8080");
        assertThat(ServerOptions.baseUri("https://oms.example.com:8443/base/api/v1/"))
                .hasToString("https://oms.example.com:8443/base");
    }

    @Test
    void an_invalid_url_is_refused_naming_the_option() {
        Run run = OmsCommandLine.with("ftp://somewhere", KEY).run("portfolio");

        assertThat(run.exit()).isEqualTo(ClientExitCode.USAGE.code());
        assertThat(run.err())
                .isEqualTo("oms portfolio: --url / OMS_URL 'ftp://somewhere' is not an http(s) URL such as"
                        + " http://127.0.0.1:8080\n");
    }

    @Test
    void obviously_bad_input_is_refused_before_anything_is_sent() {
        scripted = ScriptedServer.answering(200, "{}");
        OmsCommandLine oms = OmsCommandLine.with(scripted.url(), KEY);
        String[] base = {"orders", "submit", "-i", "NSE:INFY", "-s", "BUY", "-q", "1", "-t", "LIMIT", "-p", "1400"};
        Map<List<String>, String> refused = Map.ofEntries(
                Map.entry(with(base, "-q", "ten"), "--quantity must be a number such as 10 or 1400.05, got 'ten'"),
                Map.entry(with(base, "-q", "-5"), "--quantity must be greater than zero, got '-5'"),
                // The server's rules (issue 10): ASCII digits and one point only, no sign, spaces or exponent.
                Map.entry(with(base, "-q", "+5"), "--quantity must be a number such as 10 or 1400.05, got '+5'"),
                Map.entry(with(base, "-q", " 5"), "--quantity must be a number such as 10 or 1400.05, got ' 5'"),
                Map.entry(with(base, "-q", "١٢"), "--quantity must be a number such as 10 or 1400.05, got '١٢'"),
                Map.entry(with(base, "-p", "1e3"), "--price must be a number such as 10 or 1400.05, got '1e3'"),
                Map.entry(with(base, "-s", "HOLD"), "--side 'HOLD' is not one of BUY, SELL"),
                Map.entry(
                        with(base, "-t", "ICEBERG"), "--type 'ICEBERG' is not one of MARKET, LIMIT, STOP, STOP_LIMIT"),
                Map.entry(with(base, "-p", "1,400"), "--price must be a number such as 10 or 1400.05, got '1,400'"),
                Map.entry(with(base, "--tif", "FOK"), "--time-in-force 'FOK' is not one of DAY, IOC, GTC, GTD"),
                Map.entry(
                        with(base, "--expires", "soon"),
                        "--expires must be an instant such as 2026-01-05T10:00:00Z or a time from now such as 90s, 30m, 2h, 1d, got 'soon'"),
                Map.entry(
                        with(base, "--client-order-id", "a b"),
                        "--client-order-id 'a b' is not an order id (1-64 letters, digits or _ . : @ -)"),
                Map.entry(
                        List.of("orders", "modify", "O1"), "give at least one of --quantity, --price, --trigger-price"),
                Map.entry(
                        List.of("orders", "modify", "O1", "--quantity", "0"),
                        "--quantity must be greater than zero, got '0'"),
                Map.entry(
                        List.of("orders", "cancel", "O1", "--all"),
                        "give an order ID, or --all (with optional filters), not both"),
                Map.entry(List.of("orders", "cancel"), "give an order ID, or --all (with optional filters), not both"),
                Map.entry(
                        List.of("orders", "cancel", "O1", "--strategy", "x"),
                        "--account, --strategy and --instrument filter --all; with an ID leave them out"),
                Map.entry(
                        List.of("orders", "show", "a/b"),
                        "ID 'a/b' is not an order id (1-64 letters, digits or _ . : @ -)"),
                Map.entry(List.of("orders", "list", "--all", "--limit", "5"), "give --all or --limit, not both"),
                Map.entry(
                        List.of("orders", "list", "--limit", "many"),
                        "--limit must be a whole number from 1 to 2147483647, got 'many'"),
                Map.entry(
                        List.of("orders", "list", "--status", "OPEN"),
                        "--status 'OPEN' is not one of CREATED, PENDING_SUBMISSION, SUBMITTED, ACCEPTED, PARTIALLY_FILLED, FILLED, PENDING_CANCEL, PENDING_MODIFY, CANCELLED, REJECTED, EXPIRED, ERROR"),
                Map.entry(
                        List.of("orders", "list", "--from", "yesterday"),
                        "--from must be an instant such as 2026-01-05T09:15:00Z or a date such as 2026-01-05 (UTC), got 'yesterday'"),
                Map.entry(List.of("risk", "halt", "--reason", "  "), "--reason must not be blank"),
                Map.entry(
                        List.of("risk", "limits", "--set", "maxOrderQuantity"),
                        "--set 'maxOrderQuantity' is not KEY=VALUE, e.g. maxOrderQuantity=50"),
                Map.entry(
                        List.of("risk", "limits", "--set", "checkBuyingPower=yes"),
                        "--set checkBuyingPower must be true or false, got 'yes'"),
                Map.entry(
                        List.of("risk", "limits", "--set", "maxOpenOrders=2.5"),
                        "--set maxOpenOrders must be a whole number from 0 to 2147483647, got '2.5'"),
                Map.entry(
                        List.of("risk", "limits", "--set", "NSE:INFY.maxOpenOrders=5"),
                        "--set: 'maxOpenOrders' is not an instrument risk limit; the limits are maxOrderQuantity, maxOrderNotional, maxPositionQuantity, maxPositionValue, priceBandPercent, maxRiskPerTradePercent, minRewardToRisk, enforceMarketHours"),
                Map.entry(List.of("reconcile", "--limit", "5"), "--run-id and --limit go with --show"));

        refused.forEach((args, message) -> {
            Run run = oms.run(args.toArray(String[]::new));
            String command = String.join(
                    " ",
                    args.subList(0, args.get(0).equals("orders") || args.get(0).equals("risk") ? 2 : 1));
            assertThat(run.exit()).as(run.toString()).isEqualTo(ClientExitCode.USAGE.code());
            assertThat(run.err()).as(args.toString()).isEqualTo("oms " + command + ": " + message + "\n");
        });
        assertThat(scripted.requests).isEmpty();
    }

    @Test
    void decimals_are_sent_as_strings_and_printed_exactly_as_the_server_wrote_them() {
        scripted = ScriptedServer.answering(201, order("10.50", "1400.050"));

        Run run = OmsCommandLine.with(scripted.url(), KEY)
                .run(
                        "orders",
                        "submit",
                        "-i",
                        "NSE:INFY",
                        "-s",
                        "buy",
                        "-q",
                        "10.50",
                        "-t",
                        "stop-limit",
                        "-p",
                        "1400.050",
                        "--trigger-price",
                        "1399.9500",
                        "--expires",
                        "90s",
                        "--client-order-id",
                        "c-1");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(scripted.requests).hasSize(1);
        Recorded request = scripted.requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1/orders");
        assertThat(request.apiKey()).isEqualTo(KEY);
        assertThat(request.body())
                .isEqualTo(
                        "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":\"10.50\",\"type\":\"STOP_LIMIT\","
                                + "\"price\":\"1400.050\",\"triggerPrice\":\"1399.9500\",\"expiresInSeconds\":90,"
                                + "\"clientOrderId\":\"c-1\"}");
        assertThat(run.out()).containsPattern("c-1 +ACCEPTED +NSE:INFY +BUY +STOP_LIMIT +10\\.50 +0 +1400\\.050 ");
    }

    @Test
    void list_sends_its_filters_encoded_and_the_page_size() {
        scripted = ScriptedServer.answering(200, "{\"items\":[],\"next\":null}");

        Run run = OmsCommandLine.with(scripted.url(), KEY)
                .run(
                        "orders",
                        "list",
                        "--status",
                        "accepted,partially_filled",
                        "--instrument",
                        "NSE:INFY",
                        "--strategy",
                        "mean reversion",
                        "--from",
                        "2026-01-05",
                        "--limit",
                        "5");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("no orders match\n");
        assertThat(scripted.requests.get(0).path())
                .isEqualTo("/api/v1/orders?status=ACCEPTED%2CPARTIALLY_FILLED&instrument=NSE%3AINFY"
                        + "&strategy=mean+reversion&from=2026-01-05T00%3A00%3A00Z&limit=5");
    }

    @Test
    void a_busy_server_exits_7_with_its_message() {
        scripted = ScriptedServer.answering(
                503, "{\"code\":\"ENGINE_BUSY\",\"message\":\"the engine's command queue is full\",\"details\":{}}");

        Run run = OmsCommandLine.with(scripted.url(), KEY).run("positions");

        assertThat(run.exit()).isEqualTo(ClientExitCode.UNAVAILABLE.code());
        assertThat(run.err())
                .isEqualTo("oms positions: the engine's command queue is full (ENGINE_BUSY); try again in a moment\n");
    }

    @Test
    void a_submit_without_an_answer_in_time_says_the_outcome_is_unknown_and_is_sent_once() {
        scripted = ScriptedServer.stalling();

        Run run = OmsCommandLine.with(scripted.url(), KEY)
                .run("orders", "submit", "-i", "NSE:INFY", "-s", "BUY", "-q", "1", "-t", "MARKET", "--timeout", "1");

        assertThat(run.exit()).isEqualTo(ClientExitCode.UNAVAILABLE.code());
        assertThat(run.err())
                .isEqualTo("oms orders submit: no answer from " + scripted.url() + " within 1 s; the request may or may"
                        + " not have taken effect: check (e.g. 'oms orders show ID' or 'oms orders list') before"
                        + " repeating it; a submit with the same --client-order-id is safe to repeat\n");
        assertThat(scripted.requests).hasSize(1);
    }

    @Test
    void a_server_that_is_not_openoms_is_named_as_such() {
        scripted = ScriptedServer.answering(404, "<html>Not Found</html>");

        Run run = OmsCommandLine.with(scripted.url(), KEY).run("portfolio");

        assertThat(run.exit()).isEqualTo(ClientExitCode.FAILED.code());
        assertThat(run.err())
                .isEqualTo("oms portfolio: HTTP 404 from GET /api/v1/portfolio without the API's error body; is --url"
                        + " the OpenOMS server (not a proxy or another service)?\n");
    }

    @Test
    void a_server_bug_points_to_the_servers_log() {
        scripted = ScriptedServer.answering(
                500, "{\"code\":\"INTERNAL_ERROR\",\"message\":\"NullPointerException\",\"details\":{}}");

        Run run = OmsCommandLine.with(scripted.url(), KEY).run("risk", "state");

        assertThat(run.exit()).isEqualTo(ClientExitCode.FAILED.code());
        assertThat(run.err())
                .isEqualTo("oms risk state: the server failed (HTTP 500 INTERNAL_ERROR: NullPointerException); see the"
                        + " server's log\n");
    }

    @Test
    void without_a_key_the_line_says_where_to_set_one() {
        scripted = ScriptedServer.answering(
                401,
                "{\"code\":\"UNAUTHENTICATED\",\"message\":\"this endpoint needs an API key in the X-API-Key header\","
                        + "\"details\":{}}");

        Run run = OmsCommandLine.withEnvironment(Map.of("OMS_URL", scripted.url(), "OMS_API_KEY", " "))
                .run("positions");

        assertThat(run.exit()).isEqualTo(ClientExitCode.NOT_AUTHORIZED.code());
        assertThat(run.err())
                .isEqualTo("oms positions: the server needs an API key (this endpoint needs an API key in the X-API-Key"
                        + " header); set --api-key or OMS_API_KEY to a valid key\n");
        assertThat(scripted.requests.get(0).apiKey()).isNull();
    }

    @Test
    void an_api_key_a_header_cannot_carry_is_refused_without_showing_it() {
        Run run = OmsCommandLine.with("http://127.0.0.1:1", "secret value\n").run("positions");

        assertThat(run.exit()).isEqualTo(ClientExitCode.USAGE.code());
        assertThat(run.err()).contains("the API key has characters").doesNotContain("secret value");
    }

    @Test
    void a_cancel_all_with_refusals_lists_them_and_exits_5() {
        scripted = ScriptedServer.answering(
                202, "{\"requested\":[\"O1\",\"O2\"],\"refused\":{\"O3\":\"order O3 is PENDING_MODIFY\"}}");

        Run run = OmsCommandLine.with(scripted.url(), KEY).run("orders", "cancel", "--all", "--instrument", "NSE:INFY");

        assertThat(run.exit()).isEqualTo(ClientExitCode.REFUSED.code());
        assertThat(run.out())
                .isEqualTo(
                        "cancel requested for 2 order(s): O1, O2\nrefused:\nID  REASON\nO3  order O3 is PENDING_MODIFY\n");
        assertThat(run.err())
                .isEqualTo("oms orders cancel: 1 order(s) could not be cancelled (listed above); check them with 'oms"
                        + " orders show ID'\n");
        assertThat(scripted.requests.get(0).body()).isEqualTo("{\"instrument\":\"NSE:INFY\"}");
    }

    @Test
    void reconcile_approves_a_proposed_fix_by_its_finding_id_and_refuses_a_malformed_one_unsent() {
        scripted = ScriptedServer.answering(
                200,
                "{\"kind\":\"MISSING_FILL\",\"subject\":\"trade T1 of broker order B1\","
                        + "\"action\":\"approved by admin: applied record the fill on order O1\"}");

        Run approved = OmsCommandLine.with(scripted.url(), KEY).run("reconcile", "--approve", "rec-17-1:0");
        Run malformed = OmsCommandLine.with(scripted.url(), KEY).run("reconcile", "--dismiss", "../orders");

        assertThat(approved.exit()).isZero();
        assertThat(approved.out())
                .isEqualTo("finding rec-17-1:0 (MISSING_FILL, trade T1 of broker order B1): approved by admin: applied"
                        + " record the fill on order O1\n");
        assertThat(scripted.requests).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/v1/reconciliation/findings/rec-17-1:0/approve");
        });
        assertThat(malformed.exit()).isEqualTo(ClientExitCode.USAGE.code());
        assertThat(malformed.err()).contains("--dismiss takes a finding id");
    }

    @Test
    void help_lists_the_client_commands_and_a_group_alone_prints_its_usage() {
        Run help = OmsCommandLine.withEnvironment(Map.of()).run("--help");
        Run orders = OmsCommandLine.withEnvironment(Map.of()).run("orders");
        Run submitHelp = OmsCommandLine.withEnvironment(Map.of()).run("orders", "submit", "--help");

        assertThat(help.out()).contains("orders", "positions", "portfolio", "risk", "reconcile");
        assertThat(orders.exit()).isZero();
        assertThat(orders.out()).contains("submit", "list", "show", "modify", "cancel");
        assertThat(submitHelp.out()).contains("--instrument", "--client-order-id", "--url", "--api-key", "--json");
    }

    @Test
    void a_table_aligns_its_columns_numbers_right_and_prints_cells_verbatim() {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);

        new TextTable()
                .text("INSTRUMENT")
                .number("QTY")
                .text("NOTE")
                .row("NSE:INFY", "10.50", null)
                .row("NSE:TCS", "1", "two\nlines")
                .print(out);
        out.flush();

        assertThat(text.toString())
                .isEqualTo("INSTRUMENT    QTY  NOTE\n" + "NSE:INFY    10.50  -\n" + "NSE:TCS         1  two lines\n");
    }

    @Test
    void an_event_detail_flattens_what_it_carries() throws IOException {
        JsonNode event = OmsServer.JSON.readTree("{\"orderId\":\"O1\",\"sequence\":4,\"type\":\"OrderFilled\","
                + "\"occurredAt\":\"t\",\"fill\":{\"tradeId\":\"T-9\",\"quantity\":\"4\",\"price\":\"1400.05\","
                + "\"liquidity\":null}}");

        assertThat(OrderTables.eventDetail(event)).isEqualTo("tradeId=T-9 quantity=4 price=1400.05");
    }

    private static List<String> with(String[] base, String option, String value) {
        List<String> args = new java.util.ArrayList<>(List.of(base));
        int at = args.indexOf(option);
        if (at >= 0) {
            args.set(at + 1, value);
        } else {
            args.add(option);
            args.add(value);
        }
        return List.copyOf(args);
    }

    private static String order(String quantity, String price) {
        return "{\"id\":\"c-1\",\"clientOrderId\":\"c-1\",\"status\":\"ACCEPTED\",\"instrument\":\"NSE:INFY\","
                + "\"side\":\"BUY\",\"type\":\"STOP_LIMIT\",\"quantity\":\"" + quantity + "\",\"filledQuantity\":\"0\","
                + "\"price\":\"" + price + "\",\"triggerPrice\":\"1399.9500\",\"averageFillPrice\":null,"
                + "\"timeInForce\":\"GTD\",\"strategy\":\"manual\",\"createdAt\":\"2026-01-05T04:01:02Z\"}";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Recorded(String method, String path, String apiKey, String body) {}

    /** An HTTP server that records every request and answers each with one scripted status and body. */
    private static final class ScriptedServer implements AutoCloseable {
        final List<Recorded> requests = new CopyOnWriteArrayList<>();
        private final CountDownLatch released = new CountDownLatch(1);
        private final HttpServer http;

        private ScriptedServer(HttpServer http) {
            this.http = http;
        }

        /** A server that takes requests and answers none until it is closed. */
        static ScriptedServer stalling() {
            return answering(-1, "");
        }

        /** A server that answers every request with {@code status} and {@code body}. */
        static ScriptedServer answering(int status, String body) {
            try {
                HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                ScriptedServer server = new ScriptedServer(http);
                http.createContext("/", exchange -> {
                    byte[] received = exchange.getRequestBody().readAllBytes();
                    server.requests.add(new Recorded(
                            exchange.getRequestMethod(),
                            exchange.getRequestURI().getRawPath()
                                    + (exchange.getRequestURI().getRawQuery() == null
                                            ? ""
                                            : "?" + exchange.getRequestURI().getRawQuery()),
                            exchange.getRequestHeaders().getFirst("X-API-Key"),
                            new String(received, StandardCharsets.UTF_8)));
                    if (status < 0) {
                        awaitRelease(server.released);
                        exchange.close();
                        return;
                    }
                    byte[] answer = body.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders()
                            .add("Content-Type", body.startsWith("{") ? "application/json" : "text/html");
                    exchange.sendResponseHeaders(status, answer.length);
                    exchange.getResponseBody().write(answer);
                    exchange.close();
                });
                http.start();
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + http.getAddress().getPort();
        }

        private static void awaitRelease(CountDownLatch released) {
            try {
                released.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            released.countDown();
            http.stop(0);
        }
    }
}
