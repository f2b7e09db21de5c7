package io.openoms.app.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.cli.client.OmsCommandLine.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order, position and portfolio commands against one started app over real HTTP; each test its own strategy. */
class OrderCommandsIT {
    @TempDir
    static Path data;

    private static RunningServer server;
    private static OmsCommandLine trader;
    private static OmsCommandLine viewer;

    @BeforeAll
    static void start() {
        server = RunningServer.start(data);
        trader = OmsCommandLine.with(server.url, server.trader);
        viewer = OmsCommandLine.with(server.url, server.viewer);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_limit_order_is_submitted_listed_shown_modified_and_cancelled() {
        Run submitted = trader.run(
                "orders",
                "submit",
                "-i",
                "NSE:INFY",
                "-s",
                "buy",
                "-q",
                "10",
                "-t",
                "limit",
                "-p",
                "1400.05",
                "--strategy",
                "lifecycle",
                "--client-order-id",
                "cli-limit-1");
        assertThat(submitted.exit()).as(submitted.toString()).isZero();
        assertThat(submitted.out()).startsWith("order cli-limit-1 submitted: ");
        assertThat(submitted.out()).containsPattern("cli-limit-1 +[A-Z_]+ +NSE:INFY +BUY +LIMIT +10 +0 +1400\\.05 ");
        awaitStatus("cli-limit-1", "ACCEPTED");

        Run listed = viewer.run("orders", "list", "--strategy", "lifecycle");
        assertThat(listed.exit()).as(listed.toString()).isZero();
        assertThat(listed.out().lines().toList())
                .hasSize(2)
                .first()
                .asString()
                .startsWith("ID ")
                .contains("STATUS", "INSTRUMENT", "QUANTITY", "PRICE");
        assertThat(listed.out()).containsPattern("cli-limit-1 +ACCEPTED +NSE:INFY +BUY +LIMIT +10 +0 +1400\\.05 ");

        Run shown = viewer.run("orders", "show", "cli-limit-1");
        assertThat(shown.exit()).as(shown.toString()).isZero();
        assertThat(shown.out())
                .containsPattern("(?m)^status +ACCEPTED$")
                .containsPattern("(?m)^price +1400\\.05$")
                .containsPattern("(?m)^remaining +10$")
                .contains("Fills: none")
                .contains("Events:")
                .containsPattern("(?m)^ +1 +OrderCreated ")
                .containsPattern("OrderAccepted .*brokerOrderId=");

        Run modified = trader.run("orders", "modify", "cli-limit-1", "--price", "1399.95");
        assertThat(modified.exit()).as(modified.toString()).isZero();
        assertThat(modified.out()).startsWith("modification of order cli-limit-1 requested: PENDING_MODIFY");
        JsonNode afterModify = awaitStatus("cli-limit-1", "ACCEPTED");
        assertThat(afterModify.get("price").asText()).isEqualTo("1399.95");
        assertThat(afterModify.get("events").findValuesAsText("type")).contains("OrderModified");

        Run cancelled = trader.run("orders", "cancel", "cli-limit-1");
        assertThat(cancelled.exit()).as(cancelled.toString()).isZero();
        assertThat(cancelled.out()).startsWith("cancel of order cli-limit-1 requested: ");
        awaitStatus("cli-limit-1", "CANCELLED");

        Run cancelledOnes = viewer.run("orders", "list", "--status", "cancelled", "--strategy", "lifecycle");
        assertThat(cancelledOnes.out()).containsPattern("cli-limit-1 +CANCELLED +NSE:INFY");
        Run again = trader.run("orders", "cancel", "cli-limit-1");
        assertThat(again.exit()).as(again.toString()).isEqualTo(ClientExitCode.REFUSED.code());
        assertThat(again.err()).startsWith("oms orders cancel: ").contains("VALIDATION_ORDER_NOT_CANCELLABLE");
        assertThat(again.err().strip()).doesNotContain("\n");
    }

    @Test
    void a_filled_market_order_shows_in_positions_and_the_portfolio() {
        Run submitted = trader.run(
                "orders", "submit", "-i", "NSE:TCS", "-s", "BUY", "-q", "3", "-t", "MARKET", "--strategy", "momentum");
        assertThat(submitted.exit()).as(submitted.toString()).isZero();

        JsonNode positions =
                trader.await(json -> json.get("items").size() == 1, "positions", "--strategy", "momentum", "--json");
        JsonNode position = positions.get("items").get(0);
        assertThat(position.get("quantity").asText()).isEqualTo("3");

        Run table = viewer.run("positions", "--strategy", "momentum");
        assertThat(table.exit()).as(table.toString()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow())
                .contains("INSTRUMENT", "QUANTITY", "AVG PRICE", "REALIZED P&L", "UNREALIZED P&L")
                .doesNotContain("CLOSED");
        assertThat(table.out())
                .containsPattern("PAPER +momentum +NSE:TCS +CNC +LONG +3 +"
                        + java.util.regex.Pattern.quote(
                                position.get("averagePrice").asText()) + " ")
                .contains(position.get("fees").asText());

        Run portfolio = viewer.run("portfolio");
        assertThat(portfolio.exit()).as(portfolio.toString()).isZero();
        assertThat(portfolio.out())
                .startsWith("Account PAPER:")
                .containsPattern("(?m)^open positions +[1-9]\\d*$")
                .containsPattern("(?m)^gross exposure +[0-9.]+$")
                .containsPattern("(?m)^momentum +-?[0-9.]+ +-?[0-9.]+ ");
        JsonNode portfolioJson = viewer.run("portfolio", "--json").json();
        assertThat(portfolioJson.get("accounts").get(0).get("strategies").findValuesAsText("strategy"))
                .contains("momentum");
    }

    @Test
    void json_prints_the_servers_answer_and_list_follows_the_cursor_across_pages() {
        List<String> ids = new ArrayList<>();
        for (String price : new String[] {"3300", "3301", "3302"}) {
            Run submitted = trader.run(
                    "orders",
                    "submit",
                    "-i",
                    "NSE:TCS",
                    "-s",
                    "BUY",
                    "-q",
                    "1",
                    "-t",
                    "LIMIT",
                    "-p",
                    price,
                    "--strategy",
                    "paged",
                    "--json");
            assertThat(submitted.exit()).as(submitted.toString()).isZero();
            JsonNode order = submitted.json();
            assertThat(order.get("price").asText()).isEqualTo(price);
            assertThat(order.get("strategy").asText()).isEqualTo("paged");
            ids.add(order.get("id").asText());
        }

        JsonNode all = viewer.run("orders", "list", "--strategy", "paged", "--page-size", "1", "--all", "--json")
                .json();
        assertThat(all.get("items").findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(all.get("next").isNull()).isTrue();

        JsonNode firstTwo = viewer.run(
                        "orders", "list", "--strategy", "paged", "--page-size", "1", "--limit", "2", "--json")
                .json();
        assertThat(firstTwo.get("items")).hasSize(2);
        assertThat(firstTwo.get("next").asText()).isNotBlank();

        Run table = viewer.run("orders", "list", "--strategy", "paged", "--limit", "2");
        assertThat(table.out().lines().filter(line -> line.contains(" paged "))).hasSize(2);
        assertThat(table.out()).contains("(more orders: add --cursor ");

        JsonNode shown = viewer.run("orders", "show", ids.get(0), "--json").json();
        assertThat(shown.get("id").asText()).isEqualTo(ids.get(0));
        assertThat(shown.has("fills")).isTrue();
        assertThat(shown.has("events")).isTrue();

        Run cancelAll = trader.run("orders", "cancel", "--all", "--strategy", "paged");
        assertThat(cancelAll.exit()).as(cancelAll.toString()).isZero();
        assertThat(cancelAll.out()).startsWith("cancel requested for 3 order(s): ");
        for (String id : ids) {
            awaitStatus(id, "CANCELLED");
        }
    }

    @Test
    void a_repeated_client_order_id_places_one_order_and_says_so() {
        String[] submit = {
            "orders",
            "submit",
            "-i",
            "NSE:INFY",
            "-s",
            "SELL",
            "-q",
            "2",
            "-t",
            "LIMIT",
            "-p",
            "1600",
            "--strategy",
            "retry",
            "--client-order-id",
            "cli-retry-1"
        };
        Run first = trader.run(submit);
        Run second = trader.run(submit);

        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(second.out()).startsWith("order cli-retry-1 already existed with this client order id");
        assertThat(viewer.run("orders", "list", "--strategy", "retry", "--json")
                        .json()
                        .get("items"))
                .hasSize(1);
    }

    @Test
    void a_wrong_key_gets_one_line_saying_to_set_the_key_and_never_shows_it() {
        Run run = OmsCommandLine.with(server.url, "oms_not-a-key-that-exists-0123456789")
                .run("orders", "list");

        assertThat(run.exit()).isEqualTo(ClientExitCode.NOT_AUTHORIZED.code());
        assertThat(run.err())
                .startsWith("oms orders list: the server refused the API key")
                .contains("set --api-key or OMS_API_KEY")
                .doesNotContain("oms_not-a-key-that-exists");
        assertThat(run.err().strip()).doesNotContain("\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void the_api_key_option_wins_over_the_environment() {
        Run run = OmsCommandLine.with(server.url, "oms_wrong-key-from-the-environment")
                .run("positions", "--api-key", server.viewer);

        assertThat(run.exit()).as(run.toString()).isZero();
    }

    @Test
    void a_viewer_submitting_is_told_which_role_is_needed() {
        Run run = viewer.run("orders", "submit", "-i", "NSE:INFY", "-s", "BUY", "-q", "1", "-t", "MARKET");

        assertThat(run.exit()).isEqualTo(ClientExitCode.NOT_AUTHORIZED.code());
        assertThat(run.err())
                .startsWith("oms orders submit: ")
                .contains("has the role viewer")
                .contains("needs trader")
                .endsWith("use a key with the trader role\n");
        assertThat(run.err()).doesNotContain(server.viewer);
    }

    @Test
    void a_malformed_order_gets_the_servers_field_errors_and_nothing_is_stored() {
        Run run = trader.run(
                "orders", "submit", "-i", "NSE:INFY", "-s", "BUY", "-q", "1", "-t", "LIMIT", "--strategy", "malformed");

        assertThat(run.exit()).isEqualTo(ClientExitCode.REFUSED.code());
        assertThat(run.err())
                .isEqualTo("oms orders submit: the server refused the request: invalid price (a LIMIT order needs a"
                        + " limit price) (VALIDATION_FAILED)\n");
        assertThat(viewer.run("orders", "list", "--strategy", "malformed").out())
                .isEqualTo("no orders match\n");
    }

    @Test
    void a_malformed_order_with_json_prints_the_servers_error_body_on_stdout() {
        Run run = trader.run(
                "orders",
                "submit",
                "-i",
                "INFY",
                "-s",
                "BUY",
                "-q",
                "1",
                "-t",
                "MARKET",
                "--strategy",
                "malformed",
                "--json");

        assertThat(run.exit()).isEqualTo(ClientExitCode.REFUSED.code());
        JsonNode error = run.json();
        assertThat(error.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.get("details").get("fields").has("instrument")).isTrue();
        assertThat(run.err()).startsWith("oms orders submit: the server refused the request: invalid instrument");
    }

    @Test
    void obviously_bad_input_is_refused_before_anything_is_sent() {
        Run run = trader.run(
                "orders", "submit", "-i", "NSE:INFY", "-s", "BUY", "-q", "ten", "-t", "MARKET", "--strategy", "typo");

        assertThat(run.exit()).isEqualTo(ClientExitCode.USAGE.code());
        assertThat(run.err())
                .isEqualTo("oms orders submit: --quantity must be a number such as 10 or 1400.05, got 'ten'\n");
        assertThat(viewer.run("orders", "list", "--strategy", "typo").out()).isEqualTo("no orders match\n");
    }

    @Test
    void an_unknown_order_is_a_one_line_refusal() {
        Run run = viewer.run("orders", "show", "no-such-order");

        assertThat(run.exit()).isEqualTo(ClientExitCode.REFUSED.code());
        assertThat(run.err()).isEqualTo("oms orders show: no order no-such-order (NOT_FOUND)\n");
    }

    private JsonNode awaitStatus(String id, String status) {
        return viewer.await(json -> json.get("status").asText().equals(status), "orders", "show", id, "--json");
    }
}
