package io.openoms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.app.config.OmsConfig;
import io.openoms.app.runtime.OmsRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code oms demo} run once through picocli in-process, with an environment that points at a
 * database, a data directory and a broker the demo must ignore; each test reads one aspect of its
 * output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCommandIT {
    private static final Function<OmsConfig, OmsRuntime> NO_RUNTIME = config -> {
        throw new AssertionError("the demo composes its own application");
    };
    private static final Pattern PROGRESS = Pattern.compile("^oms demo: \\[\\s*(\\d+)/(\\d+)] (.+) -> (.+)$");

    private Path configuredDataDir;
    private int exit;
    private String out;
    private List<String> err;
    private List<List<String>> orders;
    private List<List<String>> positions;
    private List<String> totals;

    @BeforeAll
    void runTheDemo(@TempDir Path dataDir) {
        configuredDataDir = dataDir;
        Map<String, String> environment = new HashMap<>();
        environment.put("OMS_DATA_DIR", configuredDataDir.toString());
        environment.put("OMS_DB_URL", "jdbc:postgresql://127.0.0.1:1/not-for-the-demo?connectTimeout=1");
        environment.put("OMS_BROKER", "zerodha");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        exit = Cli.execute(
                new String[] {"demo"}, environment, NO_RUNTIME, new PrintWriter(stdout), new PrintWriter(stderr));
        out = stdout.toString();
        err = stderr.toString().lines().toList();
        orders = table("Orders");
        positions = table("Positions (account PAPER, strategy demo)");
        List<List<String>> pnl = table("P&L (account PAPER)");
        totals = pnl.isEmpty() ? List.of() : pnl.get(0);
    }

    @Test
    void the_demo_exits_0_and_says_the_session_behaved_as_expected() {
        assertThat(exit).as("exit code; stderr:%n%s", String.join("\n", err)).isZero();
        assertThat(err).last().asString().startsWith("oms demo: the session behaved as expected");
        assertThat(err).noneMatch(line -> line.contains("did not behave"));
    }

    @Test
    void every_step_prints_one_numbered_progress_line_on_stderr_and_none_on_stdout() {
        List<Matcher> steps =
                err.stream().map(PROGRESS::matcher).filter(Matcher::matches).toList();

        assertThat(steps).hasSizeGreaterThanOrEqualTo(20);
        for (int i = 0; i < steps.size(); i++) {
            assertThat(Integer.parseInt(steps.get(i).group(1))).isEqualTo(i + 1);
            assertThat(Integer.parseInt(steps.get(i).group(2))).isEqualTo(steps.size());
        }
        assertThat(out).doesNotContain("oms demo:");
    }

    @Test
    void the_orders_table_shows_a_filled_order_of_every_type() {
        for (String type : List.of("MARKET", "LIMIT", "STOP", "STOP_LIMIT")) {
            assertThat(orders).as("a FILLED %s order", type).anySatisfy(row -> {
                assertThat(row.get(3)).isEqualTo(type);
                assertThat(row.get(9)).isEqualTo("FILLED");
                assertThat(row.get(7)).isEqualTo(row.get(4));
            });
        }
        assertThat(orders).isNotEmpty();
        assertThat(orders.get(0).subList(1, 10))
                .as("the first order, a market buy")
                .containsExactly("NSE:INFY", "BUY", "MARKET", "40", "-", "-", "40", "1500", "FILLED");
    }

    @Test
    void a_partially_filled_order_is_cancelled_with_its_fill_kept() {
        assertThat(orders).anySatisfy(row -> assertThat(row.subList(1, 10))
                .containsExactly("NSE:TCS", "BUY", "LIMIT", "80", "3400", "-", "50", "3400", "CANCELLED"));
        assertThat(err)
                .anyMatch(line -> line.matches(
                        "oms demo: \\[.*] LIMIT BUY 80 NSE:TCS @ 3400 -> PARTIALLY_FILLED 50 of 80" + " @ 3400.*"));
    }

    @Test
    void a_resting_order_is_cancelled_and_a_modified_one_fills_at_its_new_price() {
        assertThat(orders).anySatisfy(row -> assertThat(row.subList(1, 10))
                .containsExactly("NSE:SBIN", "BUY", "LIMIT", "20", "790", "-", "0", "-", "CANCELLED"));
        assertThat(orders).anySatisfy(row -> assertThat(row.subList(1, 10))
                .containsExactly("NSE:INFY", "SELL", "LIMIT", "10", "1510", "-", "10", "1510", "FILLED"));
        assertThat(err).anyMatch(line -> line.contains("modify its limit price to 1510 -> ACCEPTED, limit now 1510"));
    }

    @Test
    void a_risk_rejection_shows_the_check_and_its_reason() {
        assertThat(orders).anySatisfy(row -> {
            assertThat(row.subList(1, 10))
                    .containsExactly("NSE:TCS", "BUY", "LIMIT", "10", "3800", "-", "0", "-", "REJECTED");
            assertThat(row.get(10)).startsWith("PRICE_BAND: limit price 3800 is outside priceBandPercent 10");
        });
    }

    @Test
    void the_kill_switch_refuses_a_new_order_lets_a_reduce_only_exit_through_and_trading_resumes() {
        assertThat(orders).anySatisfy(row -> {
            assertThat(row.subList(1, 10))
                    .containsExactly("NSE:SBIN", "BUY", "MARKET", "10", "-", "-", "0", "-", "REJECTED");
            assertThat(row.get(10)).startsWith("TRADING_STATE: account PAPER is HALTED");
        });
        assertThat(err).anyMatch(line -> line.contains("halt account PAPER -> PAPER is HALTED"));
        assertThat(err)
                .anyMatch(
                        line -> line.contains("reduce-only MARKET SELL 10 NSE:INFY while halted -> FILLED 10 @ 1495"));
        assertThat(err).anyMatch(line -> line.contains("resume trading on account PAPER -> PAPER is ACTIVE"));
        assertThat(orders).anySatisfy(row -> assertThat(row.subList(1, 10))
                .containsExactly("NSE:RELIANCE", "BUY", "MARKET", "10", "-", "-", "10", "1400", "FILLED"));
    }

    @Test
    void each_position_is_the_filled_buys_minus_the_filled_sells_of_its_instrument() {
        Map<String, BigDecimal> fromOrders = new HashMap<>();
        for (List<String> row : orders) {
            BigDecimal filled = new BigDecimal(row.get(7));
            fromOrders.merge(row.get(1), row.get(2).equals("BUY") ? filled : filled.negate(), BigDecimal::add);
        }
        fromOrders.values().removeIf(quantity -> quantity.signum() == 0);
        Map<String, BigDecimal> held = new HashMap<>();
        for (List<String> row : positions) {
            held.merge(row.get(0), new BigDecimal(row.get(1)), BigDecimal::add);
        }
        held.values().removeIf(quantity -> quantity.signum() == 0);

        assertThat(held).hasSize(4).isEqualTo(fromOrders);
        assertThat(held)
                .containsEntry("NSE:TCS", new BigDecimal("100"))
                .containsEntry("NSE:INFY", new BigDecimal("10"));
    }

    @Test
    void the_pnl_totals_are_the_sums_of_the_positions_and_exact() {
        BigDecimal realized = sum(positions, 4);
        BigDecimal unrealized = sum(positions, 5);
        BigDecimal fees = sum(positions, 6);

        assertThat(totals).hasSize(7);
        assertThat(new BigDecimal(totals.get(0))).isEqualByComparingTo(realized);
        assertThat(new BigDecimal(totals.get(1))).isEqualByComparingTo(unrealized);
        assertThat(new BigDecimal(totals.get(2))).isEqualByComparingTo(realized.add(unrealized));
        assertThat(new BigDecimal(totals.get(3))).isEqualByComparingTo(fees);
        // 3 basis points of the fills' notional, exact to the tenth of a paisa; realized is net of them
        assertThat(totals.subList(0, 4)).containsExactly("-145.095", "1650", "1504.905", "145.095");
        assertThat(totals.get(6)).isEqualTo("4");
    }

    @Test
    void the_columns_of_each_table_are_aligned() {
        List<String> lines = out.lines().toList();
        int header = lines.indexOf("Orders") + 1;
        String heading = lines.get(header);
        int statusColumn = heading.indexOf("status");
        for (String line : lines.subList(header + 1, header + 1 + orders.size())) {
            assertThat(line.substring(statusColumn)).matches("(FILLED|CANCELLED|REJECTED|ACCEPTED)\\b.*");
        }
    }

    @Test
    void the_demo_ignores_the_configured_database_and_data_directory_and_deletes_its_own() throws IOException {
        try (Stream<Path> files = Files.list(configuredDataDir)) {
            assertThat(files).isEmpty();
        }
        String started = err.stream()
                .filter(line -> line.startsWith("oms demo: started; the database is in "))
                .findFirst()
                .orElseThrow();
        Path temporary = Path.of(started.substring(
                "oms demo: started; the database is in ".length(), started.indexOf(", deleted at the end")));
        assertThat(temporary.getFileName().toString()).startsWith("oms-demo-");
        assertThat(temporary).doesNotExist();
    }

    /** The rows of the table under {@code title}: cells split on runs of two or more spaces. */
    private List<List<String>> table(String title) {
        List<String> lines = out.lines().toList();
        int start = lines.indexOf(title);
        List<List<String>> rows = new ArrayList<>();
        if (start < 0) {
            return rows;
        }
        for (String line : lines.subList(start + 2, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            rows.add(Arrays.asList(line.strip().split("\\s{2,}")));
        }
        return rows;
    }

    private static BigDecimal sum(List<List<String>> rows, int column) {
        return rows.stream().map(row -> new BigDecimal(row.get(column))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
