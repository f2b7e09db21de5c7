package io.openoms.app.cli.client;

import static io.openoms.app.cli.client.JsonCells.cell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openoms.app.http.RiskLimitKeys;
import io.openoms.app.text.TextTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code oms risk limits}: shows an account's limits ({@code GET /api/v1/risk/limits}); with {@code
 * --set key=value} reads them, changes the keys given and writes them all back ({@code PUT}, admin),
 * since a PUT replaces every limit. Values are checked before anything is sent.
 */
@Command(
        name = "limits",
        description = "Show the risk limits (GET /api/v1/risk/limits); with --set change some (PUT, admin).",
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class RiskLimitsCommand extends ApiCommand {
    static final Set<String> COUNT_KEYS = RiskLimitKeys.COUNTS;
    static final Set<String> BOOLEAN_KEYS = RiskLimitKeys.SWITCHES;
    static final List<String> KEYS = RiskLimitKeys.ACCOUNT;
    static final List<String> INSTRUMENT_KEYS = RiskLimitKeys.INSTRUMENT;
    private static final Set<String> OFF = Set.of("off", "none", "null");
    private static final String OVERRIDES = "instrumentOverrides";

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Change one limit (repeatable): maxOrderQuantity=50, priceBandPercent=off (switch it"
                    + " off), checkBuyingPower=true, or an instrument's: NSE:INFY.maxOrderQuantity=5.")
    List<String> changes = new ArrayList<>();

    @Option(names = "--account", paramLabel = "ACCOUNT", description = "Needed when the server has several.")
    String account;

    RiskLimitsCommand(Map<String, String> environment) {
        super(environment);
    }

    /** One {@code --set}: a key of the account or of one instrument, and its value (empty: off). */
    record Change(Optional<String> instrument, String key, Optional<JsonNode> value) {}

    @Override
    ClientExitCode run(OmsServer server, PrintWriter out) {
        List<Change> parsed = changes.stream().map(RiskLimitsCommand::parse).toList();
        String path = OmsServer.path("/api/v1/risk/limits", Collections.singletonMap("account", account));
        ServerAnswer current = server.get(path);
        JsonNode limits = current.orFail();
        if (parsed.isEmpty()) {
            if (json()) {
                printJson(out, current);
            } else {
                print(out, limits);
            }
            return ClientExitCode.OK;
        }
        ObjectNode replacement = limits.deepCopy();
        parsed.forEach(change -> apply(replacement, change));
        ServerAnswer written = server.send("PUT", path, replacement);
        JsonNode stored = written.orFail();
        if (json()) {
            printJson(out, written);
        } else {
            out.println("risk limits of " + cell(stored, "account") + " replaced (" + parsed.size() + " change"
                    + (parsed.size() == 1 ? "" : "s") + "):");
            print(out, stored);
        }
        return ClientExitCode.OK;
    }

    static Change parse(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw ClientFailure.usage("--set '" + text + "' is not KEY=VALUE, e.g. maxOrderQuantity=50");
        }
        String target = text.substring(0, equals).strip();
        String value = text.substring(equals + 1).strip();
        Optional<String> instrument = Optional.empty();
        String key = target;
        List<String> allowed = KEYS;
        if (target.contains(":")) {
            int dot = target.lastIndexOf('.');
            if (dot <= 0 || dot == target.length() - 1) {
                throw ClientFailure.usage("--set '" + text + "': an instrument's limit is EXCHANGE:SYMBOL.KEY=VALUE,"
                        + " e.g. NSE:INFY.maxOrderQuantity=5");
            }
            instrument = Optional.of(target.substring(0, dot));
            key = target.substring(dot + 1);
            allowed = INSTRUMENT_KEYS;
        }
        if (!allowed.contains(key)) {
            throw ClientFailure.usage("--set: '" + key + "' is not a" + (instrument.isPresent() ? "n instrument" : "")
                    + " risk limit; the limits are " + String.join(", ", allowed));
        }
        return new Change(instrument, key, value(key, value));
    }

    private static Optional<JsonNode> value(String key, String text) {
        String option = "--set " + key;
        if (OFF.contains(text.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (BOOLEAN_KEYS.contains(key)) {
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw ClientFailure.usage(option + " must be true or false, got '" + text + "'");
            }
            return Optional.of(OmsServer.JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(text)));
        }
        if (COUNT_KEYS.contains(key)) {
            long count = ClientInput.wholeNumber(option, text, 0, Integer.MAX_VALUE);
            return Optional.of(OmsServer.JSON.getNodeFactory().numberNode(count));
        }
        String decimal = ClientInput.decimal(option, text).toPlainString();
        return Optional.of(OmsServer.JSON.getNodeFactory().textNode(decimal));
    }

    private static void apply(ObjectNode limits, Change change) {
        if (change.instrument().isEmpty()) {
            limits.set(change.key(), change.value().orElse(null));
            return;
        }
        ObjectNode overrides =
                limits.get(OVERRIDES) instanceof ObjectNode existing ? existing : limits.putObject(OVERRIDES);
        String instrument = change.instrument().get();
        ObjectNode override =
                overrides.get(instrument) instanceof ObjectNode existing ? existing : overrides.putObject(instrument);
        if (change.value().isPresent()) {
            override.set(change.key(), change.value().get());
        } else {
            override.remove(change.key());
        }
        if (override.isEmpty()) {
            overrides.remove(instrument);
        }
    }

    private static void print(PrintWriter out, JsonNode limits) {
        out.println("Risk limits of " + cell(limits, "account") + " (off = not checked):");
        TextTable table = new TextTable().text("LIMIT").number("VALUE");
        Iterator<Map.Entry<String, JsonNode>> fields = limits.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("account") && !field.getKey().equals(OVERRIDES)) {
                table.row(field.getKey(), limit(field.getValue()));
            }
        }
        table.print(out);
        JsonNode overrides = limits.path(OVERRIDES);
        if (overrides.isEmpty()) {
            return;
        }
        out.println();
        out.println("Per instrument (instead of the account's):");
        TextTable perInstrument =
                new TextTable().text("INSTRUMENT").text("LIMIT").number("VALUE");
        overrides.fields().forEachRemaining(instrument -> instrument
                .getValue()
                .fields()
                .forEachRemaining(
                        limit -> perInstrument.row(instrument.getKey(), limit.getKey(), limit(limit.getValue()))));
        perInstrument.print(out);
    }

    private static String limit(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "off" : value.asText();
    }
}
