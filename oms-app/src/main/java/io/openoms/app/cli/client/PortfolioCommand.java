package io.openoms.app.cli.client;

import static io.openoms.app.cli.client.JsonCells.cell;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.text.TextTable;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oms portfolio}: {@code GET /api/v1/portfolio}, per account its totals and its strategies. */
@Command(
        name = "portfolio",
        description = "Show P&L, exposure and open orders per account and strategy (GET /api/v1/portfolio).",
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class PortfolioCommand extends ApiCommand {
    @Option(names = "--account", paramLabel = "ACCOUNT", description = "Only this account.")
    String account;

    PortfolioCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    ClientExitCode run(OmsServer server, PrintWriter out) {
        ServerAnswer answer =
                server.get(OmsServer.path("/api/v1/portfolio", Collections.singletonMap("account", account)));
        JsonNode accounts = answer.orFail().path("accounts");
        if (json()) {
            printJson(out, answer);
            return ClientExitCode.OK;
        }
        boolean first = true;
        for (JsonNode portfolio : accounts) {
            if (!first) {
                out.println();
            }
            first = false;
            print(out, portfolio);
        }
        if (first) {
            out.println("no accounts");
        }
        return ClientExitCode.OK;
    }

    private static void print(PrintWriter out, JsonNode portfolio) {
        JsonNode totals = portfolio.path("totals");
        JsonNode day = portfolio.path("dailyPnl");
        out.println("Account " + cell(portfolio, "account") + ":");
        new TextTable()
                .text("FIELD")
                .number("VALUE")
                .withoutHeader()
                .row("realized P&L", cell(totals, "realizedPnl"))
                .row("unrealized P&L", cell(totals, "unrealizedPnl"))
                .row("total P&L", cell(totals, "totalPnl"))
                .row("fees", cell(totals, "fees"))
                .row("day P&L", cell(day, "pnl"))
                .row("day peak", cell(day, "peak"))
                .row("day drawdown", cell(day, "drawdown"))
                .row("gross exposure", cell(totals, "grossExposure"))
                .row("net exposure", cell(totals, "netExposure"))
                .row("long exposure", cell(totals, "longExposure"))
                .row("short exposure", cell(totals, "shortExposure"))
                .row("open positions", cell(totals, "openPositions"))
                .row("open orders", cell(portfolio, "openOrders"))
                .print(out);
        JsonNode strategies = portfolio.path("strategies");
        if (strategies.isEmpty()) {
            return;
        }
        out.println();
        TextTable table = new TextTable()
                .text("STRATEGY")
                .number("REALIZED P&L")
                .number("UNREALIZED P&L")
                .number("TOTAL P&L")
                .number("FEES")
                .number("GROSS EXPOSURE")
                .number("NET EXPOSURE")
                .number("OPEN POSITIONS");
        for (JsonNode strategy : strategies) {
            JsonNode t = strategy.path("totals");
            table.row(
                    cell(strategy, "strategy"),
                    cell(t, "realizedPnl"),
                    cell(t, "unrealizedPnl"),
                    cell(t, "totalPnl"),
                    cell(t, "fees"),
                    cell(t, "grossExposure"),
                    cell(t, "netExposure"),
                    cell(t, "openPositions"));
        }
        table.print(out);
    }
}
