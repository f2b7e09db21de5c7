package io.openoms.app.cli.client;

import static io.openoms.app.cli.client.JsonCells.cell;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.text.TextTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oms positions}: {@code GET /api/v1/positions}. */
@Command(
        name = "positions",
        description = "Show positions (GET /api/v1/positions); quantity is signed, negative for a short.",
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class PositionsCommand extends ApiCommand {
    @Option(names = "--include-closed", description = "Also show closed positions.")
    boolean includeClosed;

    @Option(names = "--account", paramLabel = "ACCOUNT")
    String account;

    @Option(names = "--strategy", paramLabel = "STRATEGY")
    String strategy;

    @Option(names = "--instrument", paramLabel = "INSTRUMENT", description = "NSE:INFY, or a bare symbol.")
    String instrument;

    PositionsCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    ClientExitCode run(OmsServer server, PrintWriter out) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("includeClosed", includeClosed ? "true" : null);
        query.put("account", account);
        query.put("strategy", strategy);
        query.put("instrument", instrument);
        ServerAnswer answer = server.get(OmsServer.path("/api/v1/positions", query));
        JsonNode positions = answer.orFail().path("items");
        if (json()) {
            printJson(out, answer);
            return ClientExitCode.OK;
        }
        if (positions.isEmpty()) {
            out.println(includeClosed ? "no positions" : "no open positions");
            return ClientExitCode.OK;
        }
        TextTable table = new TextTable()
                .text("ACCOUNT")
                .text("STRATEGY")
                .text("INSTRUMENT")
                .text("PRODUCT")
                .text("SIDE")
                .number("QUANTITY")
                .number("AVG PRICE")
                .number("LAST PRICE")
                .number("REALIZED P&L")
                .number("UNREALIZED P&L")
                .number("FEES")
                .text("OPENED");
        if (includeClosed) {
            table.text("CLOSED");
        }
        for (JsonNode position : positions) {
            List<String> cells = new ArrayList<>(List.of(
                    cell(position, "account"),
                    cell(position, "strategy"),
                    cell(position, "instrument"),
                    cell(position, "product"),
                    cell(position, "side"),
                    cell(position, "quantity"),
                    cell(position, "averagePrice"),
                    cell(position, "lastPrice"),
                    cell(position, "realizedPnl"),
                    cell(position, "unrealizedPnl"),
                    cell(position, "fees"),
                    cell(position, "openedAt")));
            if (includeClosed) {
                cells.add(cell(position, "closedAt"));
            }
            table.row(cells.toArray(String[]::new));
        }
        table.print(out);
        return ClientExitCode.OK;
    }
}
