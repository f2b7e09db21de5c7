package io.openoms.app.cli.client;

import static io.openoms.app.cli.client.JsonCells.cell;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.text.TextTable;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code oms reconcile}: runs reconciliation with the broker now ({@code POST
 * /api/v1/reconciliation/run}, admin) and prints its findings; {@code --show} prints the latest
 * findings instead ({@code GET /api/v1/reconciliation}, viewer); {@code --approve ID} and {@code
 * --dismiss ID} decide a fix the {@code propose} policy left waiting (admin). {@code
 * docs/operations.md} says what each kind of finding means.
 */
@Command(
        name = "reconcile",
        description = "Compare orders, fills and positions with the broker now and print the findings (POST"
                + " /api/v1/reconciliation/run, admin); --show prints the latest findings instead; --approve or"
                + " --dismiss decides a proposed fix (admin).",
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class ReconcileCommand extends ApiCommand {
    @Option(names = "--show", description = "Print the latest findings; run nothing (GET /api/v1/reconciliation).")
    boolean show;

    @Option(names = "--run-id", paramLabel = "RUN", description = "With --show: the findings of this run.")
    String runId;

    @Option(names = "--limit", paramLabel = "N", description = "With --show: at most N findings (1-1000; default 100).")
    String limit;

    @Option(
            names = "--approve",
            paramLabel = "ID",
            description = "Apply the fix proposed under finding ID (runId:index, as its action names it).")
    String approve;

    @Option(names = "--dismiss", paramLabel = "ID", description = "Discard the fix proposed under finding ID.")
    String dismiss;

    ReconcileCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    ClientExitCode run(OmsServer server, PrintWriter out) {
        if (!show && (runId != null || limit != null)) {
            throw ClientFailure.usage("--run-id and --limit go with --show");
        }
        if (approve != null || dismiss != null) {
            if (show || (approve != null && dismiss != null)) {
                throw ClientFailure.usage("give one of --approve, --dismiss or --show");
            }
            return decide(server, out, approve != null ? "approve" : "dismiss", approve != null ? approve : dismiss);
        }
        if (show) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put(
                    "limit", limit == null ? null : Long.toString(ClientInput.wholeNumber("--limit", limit, 1, 1000)));
            query.put("runId", runId);
            ServerAnswer answer = server.get(OmsServer.path("/api/v1/reconciliation", query));
            JsonNode findings = answer.orFail().path("items");
            if (json()) {
                printJson(out, answer);
            } else if (findings.isEmpty()) {
                out.println("no reconciliation findings");
            } else {
                print(out, findings);
            }
            return ClientExitCode.OK;
        }
        ServerAnswer answer = server.send("POST", "/api/v1/reconciliation/run", null);
        JsonNode report = answer.orFail();
        if (json()) {
            printJson(out, answer);
            return ClientExitCode.OK;
        }
        JsonNode findings = report.path("findings");
        out.println("reconciliation run " + cell(report, "runId") + " (" + cell(report, "startedAt") + " to "
                + cell(report, "finishedAt") + "): "
                + (findings.isEmpty() ? "no findings, the broker agrees" : findings.size() + " finding(s)"));
        if (!findings.isEmpty()) {
            print(out, findings);
        }
        return ClientExitCode.OK;
    }

    private ClientExitCode decide(OmsServer server, PrintWriter out, String decision, String id) {
        if (id.isBlank() || !id.matches("[A-Za-z0-9._-]+:\\d+")) {
            throw ClientFailure.usage(
                    "--" + decision + " takes a finding id such as rec-1795280731654-1:0, got '" + id + "'");
        }
        ServerAnswer answer = server.send("POST", "/api/v1/reconciliation/findings/" + id + "/" + decision, null);
        JsonNode finding = answer.orFail();
        if (json()) {
            printJson(out, answer);
        } else {
            out.println("finding " + id + " (" + cell(finding, "kind") + ", " + cell(finding, "subject") + "): "
                    + cell(finding, "action"));
        }
        return ClientExitCode.OK;
    }

    private static void print(PrintWriter out, JsonNode findings) {
        TextTable table = new TextTable()
                .text("FOUND AT")
                .text("RUN")
                .text("ACCOUNT")
                .text("KIND")
                .text("SUBJECT")
                .text("EXPECTED")
                .text("ACTUAL")
                .text("ACTION");
        for (JsonNode finding : findings) {
            table.row(
                    cell(finding, "foundAt"),
                    cell(finding, "runId"),
                    cell(finding, "account"),
                    cell(finding, "kind"),
                    cell(finding, "subject"),
                    cell(finding, "expected"),
                    cell(finding, "actual"),
                    cell(finding, "action"));
        }
        table.print(out);
    }
}
