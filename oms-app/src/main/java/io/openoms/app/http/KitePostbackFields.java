package io.openoms.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openoms.application.intake.StrictValues;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The strict reading of a Kite postback body, before its checksum is even computed: the same rules as
 * every other input the app takes (ASCII digits, enums exactly as Kite writes them, no control
 * characters), because a postback reaches the engine like a broker's own answer. Kite's documented
 * payload (reference/kite-connect.md §4, §9) passes; fields the app does not read are only checked for
 * control characters. A postback refused here is not lost: the order monitor still asks Kite for the order.
 */
final class KitePostbackFields {
    private static final Pattern ORDER_ID = Pattern.compile("[0-9]{1,32}");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}");
    private static final Pattern CHECKSUM = Pattern.compile("[0-9a-f]{64}");

    private static final Set<String> QUANTITIES = Set.of(
            "quantity",
            "filled_quantity",
            "pending_quantity",
            "cancelled_quantity",
            "unfilled_quantity",
            "disclosed_quantity");
    private static final Set<String> PRICES = Set.of("price", "trigger_price", "average_price");
    private static final Map<String, Set<String>> ENUMS = Map.of(
            "status",
            Set.of(
                    "PUT ORDER REQ RECEIVED",
                    "PUT ORDER REQUEST RECEIVED",
                    "AMO REQ RECEIVED",
                    "VALIDATION PENDING",
                    "OPEN PENDING",
                    "OPEN",
                    "TRIGGER PENDING",
                    "MODIFIED",
                    "MODIFY VALIDATION PENDING",
                    "MODIFY PENDING",
                    "CANCEL PENDING",
                    "COMPLETE",
                    "CANCELLED",
                    "CANCELLED AMO",
                    "REJECTED",
                    "LAPSED",
                    "UPDATE"),
            "transaction_type",
            Set.of("BUY", "SELL"),
            "order_type",
            Set.of("MARKET", "LIMIT", "SL", "SL-M"),
            "validity",
            Set.of("DAY", "IOC", "TTL"),
            "product",
            Set.of("CNC", "NRML", "MIS", "MTF", "CO", "BO"),
            "variety",
            Set.of("regular", "amo", "co", "iceberg", "auction", "bo"),
            "exchange",
            Set.of("NSE", "BSE", "NFO", "BFO", "CDS", "BCD", "MCX"));

    private KitePostbackFields() {}

    /** Each refused field with its problem, in the body's order; empty when the body may be verified and applied. */
    static Map<String, String> problems(ObjectNode body) {
        Map<String, String> problems = new LinkedHashMap<>();
        required(body, "order_id", ORDER_ID, "must be Kite's order id: 1 to 32 digits 0-9", problems);
        required(body, "order_timestamp", TIMESTAMP, "must be written yyyy-MM-dd HH:mm:ss with digits 0-9", problems);
        required(body, "checksum", CHECKSUM, "must be 64 lowercase hex digits (SHA-256)", problems);
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            Optional<String> badName = StrictValues.textProblem(name);
            if (badName.isPresent()) {
                problems.put(StrictValues.printable(name), "a field name " + badName.get());
            } else if (!problems.containsKey(name)) {
                problem(name, value).ifPresent(problem -> problems.put(name, problem));
            }
        }
        return problems;
    }

    private static Optional<String> problem(String name, JsonNode value) {
        Optional<String> text = textProblem(value);
        if (text.isPresent() || value.isNull()) {
            return text;
        }
        if (QUANTITIES.contains(name) || PRICES.contains(name)) {
            if (!value.isNumber() && !value.isTextual()) {
                return Optional.of("must be a number");
            }
            String written = value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
            return QUANTITIES.contains(name)
                    ? StrictValues.wholeNumberProblem(written)
                    : StrictValues.decimalProblem(written, false);
        }
        Set<String> allowed = ENUMS.get(name);
        if (allowed != null && !(value.isTextual() && allowed.contains(value.asText()))) {
            return Optional.of("'" + StrictValues.printable(value.asText()) + "' is not one of Kite's values, exactly"
                    + " as written: "
                    + String.join(", ", allowed.stream().sorted().toList()));
        }
        return Optional.empty();
    }

    private static void required(
            ObjectNode body, String name, Pattern pattern, String rule, Map<String, String> problems) {
        JsonNode value = body.get(name);
        if (value == null || !value.isTextual()) {
            problems.put(name, "is required and " + rule);
        } else if (!pattern.matcher(value.asText()).matches()) {
            problems.put(name, rule + ", got '" + StrictValues.printable(value.asText()) + "'");
        }
    }

    /** Control characters anywhere in the value, nested objects and arrays included. */
    private static Optional<String> textProblem(JsonNode value) {
        if (value.isTextual()) {
            return StrictValues.textProblem(value.asText());
        }
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Optional<String> problem =
                        StrictValues.textProblem(field.getKey()).or(() -> textProblem(field.getValue()));
                if (problem.isPresent()) {
                    return problem;
                }
            }
        } else if (value.isArray()) {
            for (JsonNode element : value) {
                Optional<String> problem = textProblem(element);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }
}
