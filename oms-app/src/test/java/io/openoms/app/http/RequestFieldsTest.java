package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict reading of request values (issue 10, finding 5): each refusal names the field and says why. */
class RequestFieldsTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The fuzz test's bad decimals: signs, spaces, exponents, other digits, too many digits, not numbers. */
    static List<String> badDecimals() {
        return HostileRequests.BAD_DECIMALS;
    }

    @ParameterizedTest
    @MethodSource("badDecimals")
    void a_quantity_that_is_not_ascii_digits_and_one_point_is_refused_naming_the_field(String text) {
        RequestFields fields = fields(JSON.objectNode().put("quantity", text));

        assertThat(fields.decimal("quantity")).isEmpty();
        assertThatThrownBy(fields::check).isInstanceOfSatisfying(ApiException.class, e -> assertThat(problems(e))
                .containsKey("quantity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "0", "1400.05", "0.00000001", "123456789012345678"})
    void a_plain_decimal_is_read_exactly(String text) {
        RequestFields fields = fields(JSON.objectNode().put("quantity", text));

        assertThat(fields.decimal("quantity")).contains(new BigDecimal(text));
        fields.check();
    }

    @Test
    void a_negative_json_number_is_refused_where_negative_makes_no_sense() {
        RequestFields fields = fields(JSON.objectNode().put("price", new BigDecimal("-1400.05")));

        assertThat(fields.decimal("price")).isEmpty();
        assertThat(fields.hasProblems()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"BUY ", " BUY", "buy", "BUY\u0000", "BUY\n", "", "B\u200bUY"})
    void an_enum_must_match_exactly(String text) {
        RequestFields fields = fields(JSON.objectNode().put("side", text));

        assertThat(fields.enumValue("side", Side.class, true)).isEmpty();
        assertThat(fields.hasProblems()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u2028", "\u202e", "\ud800"})
    void text_with_a_control_character_anywhere_is_refused(String control) {
        Random random = new Random(control.charAt(0));
        String reason = "stop the strategy";
        int at = random.nextInt(reason.length() + 1);
        RequestFields fields =
                fields(JSON.objectNode().put("reason", reason.substring(0, at) + control + reason.substring(at)));

        assertThat(fields.text("reason")).isEmpty();
        assertThatThrownBy(fields::check).isInstanceOfSatisfying(ApiException.class, e -> assertThat(
                        problems(e).get("reason"))
                .containsAnyOf("control characters", "lone surrogate")
                .doesNotContain(control));
    }

    @Test
    void text_in_any_script_without_control_characters_is_kept() {
        RequestFields fields = fields(JSON.objectNode().put("reason", "RSI < 30 — रुपया 😀"));

        assertThat(fields.text("reason")).contains("RSI < 30 — रुपया 😀");
    }

    @Test
    void a_whole_number_refuses_a_point_a_sign_and_other_digits() {
        for (Object value : new Object[] {new BigDecimal("5.5"), "5.0", "+5", "١٢", "-1", " 5"}) {
            ObjectNode body = JSON.objectNode();
            if (value instanceof BigDecimal decimal) {
                body.put("maxOpenOrders", decimal);
            } else {
                body.put("maxOpenOrders", (String) value);
            }
            RequestFields fields = fields(body);
            assertThat(fields.wholeNumber("maxOpenOrders")).as("%s", value).isEmpty();
        }
        assertThat(fields(JSON.objectNode().put("maxOpenOrders", 5)).wholeNumber("maxOpenOrders"))
                .contains(5L);
        assertThat(fields(JSON.objectNode().put("maxOpenOrders", "5")).wholeNumber("maxOpenOrders"))
                .contains(5L);
    }

    private static RequestFields fields(ObjectNode body) {
        return new RequestFields(body, Set.of("quantity", "price", "side", "reason", "maxOpenOrders"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> problems(ApiException e) {
        return (Map<String, String>) e.details().get("fields");
    }
}
