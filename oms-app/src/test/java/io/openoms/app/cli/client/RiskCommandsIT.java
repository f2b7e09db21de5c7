package io.openoms.app.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.cli.client.OmsCommandLine.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The risk and reconciliation commands against a started app over real HTTP; a fresh app per test. */
class RiskCommandsIT {
    @TempDir
    Path data;

    private RunningServer server;
    private OmsCommandLine admin;
    private OmsCommandLine trader;

    @BeforeEach
    void start() {
        server = RunningServer.start(data);
        admin = OmsCommandLine.with(server.url, server.admin);
        trader = OmsCommandLine.with(server.url, server.trader);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void halting_refuses_every_submit_with_a_clear_line_until_trading_resumes() {
        Run halted = admin.run("risk", "halt", "--reason", "runaway strategy");
        assertThat(halted.exit()).as(halted.toString()).isZero();
        assertThat(halted.out()).startsWith("trading state of PAPER: HALTED (runaway strategy; set by admin");

        Run refused = trader.run("orders", "submit", "-i", "NSE:INFY", "-s", "BUY", "-q", "1", "-t", "MARKET");
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(ClientExitCode.REJECTED.code());
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err())
                .startsWith("oms orders submit: order ")
                .contains(" was REJECTED by the risk check TRADING_STATE: account PAPER is HALTED")
                .contains("nothing was sent to the broker")
                .contains("'oms risk resume --reason R'");
        assertThat(refused.err().strip()).doesNotContain("\n");

        Run state = trader.run("risk", "state");
        assertThat(state.out()).startsWith("trading state of PAPER: HALTED (runaway strategy;");

        Run resumed = admin.run("risk", "resume", "--reason", "strategy fixed");
        assertThat(resumed.exit()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).startsWith("trading state of PAPER: ACTIVE (strategy fixed;");

        Run accepted = trader.run("orders", "submit", "-i", "NSE:INFY", "-s", "BUY", "-q", "1", "-t", "MARKET");
        assertThat(accepted.exit()).as(accepted.toString()).isZero();
    }

    @Test
    void reducing_is_set_with_its_reason_and_read_back_as_json() {
        Run reduced = admin.run("risk", "reduce", "--reason", "end of day", "--json");

        assertThat(reduced.exit()).as(reduced.toString()).isZero();
        assertThat(reduced.json().get("state").asText()).isEqualTo("REDUCING");
        JsonNode state = trader.run("risk", "state", "--json").json();
        assertThat(state.get("state").asText()).isEqualTo("REDUCING");
        assertThat(state.get("reason").asText()).isEqualTo("end of day");
    }

    @Test
    void a_trader_cannot_halt_trading_and_is_told_the_role_it_needs() {
        Run run = trader.run("risk", "halt", "--reason", "panic");

        assertThat(run.exit()).isEqualTo(ClientExitCode.NOT_AUTHORIZED.code());
        assertThat(run.err()).startsWith("oms risk halt: ").endsWith("use a key with the admin role\n");
        assertThat(trader.run("risk", "state", "--json").json().get("state").asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void risk_limits_are_shown_and_changed_key_by_key_keeping_the_others() {
        Run shown = trader.run("risk", "limits");
        assertThat(shown.exit()).as(shown.toString()).isZero();
        assertThat(shown.out())
                .startsWith("Risk limits of PAPER (off = not checked):")
                .containsPattern("(?m)^maxOrderQuantity +10000$")
                .containsPattern("(?m)^maxPositionQuantity +off$");
        JsonNode before = trader.run("risk", "limits", "--json").json();

        Run changed = admin.run(
                "risk",
                "limits",
                "--set",
                "maxOrderQuantity=50",
                "--set",
                "NSE:INFY.maxOrderQuantity=5",
                "--set",
                "priceBandPercent=off",
                "--set",
                "maxOpenPositions=7");
        assertThat(changed.exit()).as(changed.toString()).isZero();
        assertThat(changed.out())
                .startsWith("risk limits of PAPER replaced (4 changes):")
                .containsPattern("(?m)^maxOrderQuantity +50$")
                .containsPattern("(?m)^NSE:INFY +maxOrderQuantity +5$");

        JsonNode after = trader.run("risk", "limits", "--json").json();
        assertThat(after.get("maxOrderQuantity").asText()).isEqualTo("50");
        assertThat(after.get("priceBandPercent").isNull()).isTrue();
        assertThat(after.get("maxOpenPositions").asInt()).isEqualTo(7);
        assertThat(after.get("instrumentOverrides")
                        .get("NSE:INFY")
                        .get("maxOrderQuantity")
                        .asText())
                .isEqualTo("5");
        for (String untouched : new String[] {"maxOrderNotional", "maxOpenOrders", "checkBuyingPower"}) {
            assertThat(after.get(untouched)).as(untouched).isEqualTo(before.get(untouched));
        }

        Run tooMany =
                trader.run("orders", "submit", "-i", "NSE:INFY", "-s", "BUY", "-q", "6", "-t", "LIMIT", "-p", "1500");
        assertThat(tooMany.exit()).as(tooMany.toString()).isEqualTo(ClientExitCode.REJECTED.code());
        assertThat(tooMany.err()).contains("was REJECTED by the risk check ");

        Run removed = admin.run("risk", "limits", "--set", "NSE:INFY.maxOrderQuantity=off", "--json");
        assertThat(removed.exit()).as(removed.toString()).isZero();
        assertThat(removed.json().get("instrumentOverrides").isEmpty()).isTrue();
    }

    @Test
    void a_bad_limit_is_refused_before_anything_is_written() {
        JsonNode before = trader.run("risk", "limits", "--json").json();

        Run unknownKey = admin.run("risk", "limits", "--set", "maxLeverage=3");
        Run notANumber = admin.run("risk", "limits", "--set", "maxOrderQuantity=50", "--set", "dailyLossLimit=lots");

        assertThat(unknownKey.exit()).isEqualTo(ClientExitCode.USAGE.code());
        assertThat(unknownKey.err())
                .startsWith(
                        "oms risk limits: --set: 'maxLeverage' is not a risk limit; the limits are maxOrderQuantity, ");
        assertThat(notANumber.exit()).isEqualTo(ClientExitCode.USAGE.code());
        assertThat(notANumber.err())
                .isEqualTo(
                        "oms risk limits: --set dailyLossLimit must be a number such as 10 or 1400.05, got 'lots'\n");
        assertThat(trader.run("risk", "limits", "--json").json()).isEqualTo(before);
    }

    @Test
    void a_trader_cannot_change_limits() {
        Run run = trader.run("risk", "limits", "--set", "maxOrderQuantity=1");

        assertThat(run.exit()).isEqualTo(ClientExitCode.NOT_AUTHORIZED.code());
        assertThat(run.err()).contains("needs admin").endsWith("use a key with the admin role\n");
    }

    @Test
    void reconcile_runs_now_and_its_findings_can_be_shown_again() {
        Run filled = trader.run("orders", "submit", "-i", "NSE:TCS", "-s", "BUY", "-q", "2", "-t", "MARKET");
        assertThat(filled.exit()).as(filled.toString()).isZero();
        trader.await(json -> json.get("items").size() == 1, "positions", "--json");

        Run run = admin.run("reconcile");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("reconciliation run ").contains("no findings, the broker agrees");

        JsonNode report = admin.run("reconcile", "--json").json();
        String runId = report.get("runId").asText();
        assertThat(report.get("findings").isArray()).isTrue();
        Run shown = trader.run("reconcile", "--show", "--run-id", runId);
        assertThat(shown.exit()).as(shown.toString()).isZero();
        assertThat(shown.out()).isEqualTo("no reconciliation findings\n");

        Run notAdmin = trader.run("reconcile");
        assertThat(notAdmin.exit()).isEqualTo(ClientExitCode.NOT_AUTHORIZED.code());
        assertThat(notAdmin.err()).endsWith("use a key with the admin role\n");
    }
}
