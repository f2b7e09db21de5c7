package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KitePostbackFieldsTest {
    /** Kite's sample postback (reference/kite-connect.md §9), with a well-formed checksum. */
    private static final String KITE_SAMPLE =
            """
            {"user_id": "AB1234", "unfilled_quantity": 0, "app_id": 1234,
             "checksum": "2011845d9348bd6795151bf4258102a03431e3bd12a8d4d6c8d1e0c4a4e3a5ff",
             "placed_by": "AB1234", "order_id": "1953341975595868160", "exchange_order_id": "1300000001887410",
             "parent_order_id": null, "status": "COMPLETE", "status_message": null, "status_message_raw": null,
             "order_timestamp": "2026-11-20 09:16:02", "exchange_update_timestamp": "2026-11-20 09:16:03",
             "exchange_timestamp": "2026-11-20 09:16:02", "variety": "regular", "exchange": "NSE",
             "tradingsymbol": "INFY", "instrument_token": 408065, "order_type": "MARKET", "transaction_type": "BUY",
             "validity": "DAY", "product": "CNC", "quantity": 10, "disclosed_quantity": 0, "price": 0,
             "trigger_price": 0, "average_price": 1450.55, "filled_quantity": 10, "pending_quantity": 0,
             "cancelled_quantity": 0, "market_protection": -1, "meta": {}, "tag": "O000000000001",
             "tags": ["O000000000001", "mktp"], "guid": "84328Xd4EcQfhCxAr"}
            """;

    /** Values no field may carry: padded, signed, non-ASCII digits, exponents, control characters, wrong types. */
    private static final List<JsonNode> HOSTILE = List.of(
            text(" 5"),
            text("5 "),
            text("+5"),
            text("١٢"),
            text("1e3"),
            text("-1"),
            text("5\u0000"),
            text("COMPLETE "),
            text("complete"),
            text("BUY\u0000"),
            text("LIMIT\n"),
            text("\u202Eopen"),
            text(""),
            JsonNodeFactory.instance.numberNode(new BigDecimal("-3")),
            JsonNodeFactory.instance.numberNode(new BigDecimal("1E+400")),
            JsonNodeFactory.instance.numberNode(new BigDecimal("0.000000001")),
            JsonNodeFactory.instance.booleanNode(true),
            JsonNodeFactory.instance.arrayNode().add("x"),
            JsonNodeFactory.instance.objectNode().put("a", "b"));

    private static final List<String> STRICT_FIELDS = List.of(
            "order_id",
            "order_timestamp",
            "checksum",
            "status",
            "transaction_type",
            "order_type",
            "validity",
            "product",
            "variety",
            "exchange",
            "quantity",
            "filled_quantity",
            "pending_quantity",
            "cancelled_quantity",
            "unfilled_quantity",
            "disclosed_quantity",
            "price",
            "trigger_price",
            "average_price");

    private static JsonNode text(String value) {
        return JsonNodeFactory.instance.textNode(value);
    }

    private static ObjectNode sample() throws Exception {
        return (ObjectNode) ApiJson.MAPPER.readTree(KITE_SAMPLE);
    }

    @Test
    void kites_own_sample_postback_passes() throws Exception {
        assertThat(KitePostbackFields.problems(sample())).isEmpty();
    }

    @Test
    void every_hostile_value_in_every_strict_field_is_refused_by_name() throws Exception {
        for (String field : STRICT_FIELDS) {
            for (JsonNode hostile : HOSTILE) {
                ObjectNode body = sample();
                body.set(field, hostile);

                Map<String, String> problems = KitePostbackFields.problems(body);

                assertThat(problems).as(field + " = " + hostile).containsKey(field);
            }
        }
    }

    @Test
    void control_characters_are_refused_in_any_field_and_nested_value() throws Exception {
        Random random = new Random(42);
        List<String> names = List.of("tag", "status_message", "tradingsymbol", "guid", "user_id", "placed_by");
        for (int i = 0; i < 200; i++) {
            String name = names.get(random.nextInt(names.size()));
            char control = random.nextBoolean() ? (char) random.nextInt(0x20) : (char) (0x7f + random.nextInt(0x21));
            ObjectNode body = sample();
            body.put(name, "ab" + control + "cd");
            ObjectNode nested = sample();
            nested.set("meta", JsonNodeFactory.instance.objectNode().put("note", "x" + control));

            assertThat(KitePostbackFields.problems(body))
                    .as("U+%04X in %s", (int) control, name)
                    .containsKey(name);
            assertThat(KitePostbackFields.problems(nested))
                    .as("U+%04X in meta", (int) control)
                    .containsKey("meta");
        }
    }

    @Test
    void the_fields_the_checksum_needs_are_required_and_exact() throws Exception {
        for (String field : List.of("order_id", "order_timestamp", "checksum")) {
            ObjectNode body = sample();
            body.remove(field);
            assertThat(KitePostbackFields.problems(body)).containsKey(field);
        }
        ObjectNode upper = sample();
        upper.put("checksum", upper.get("checksum").asText().toUpperCase());
        ObjectNode isoTime = sample();
        isoTime.put("order_timestamp", "2026-11-20T09:16:02");

        assertThat(KitePostbackFields.problems(upper)).containsKey("checksum");
        assertThat(KitePostbackFields.problems(isoTime)).containsKey("order_timestamp");
    }
}
