package io.openoms.simulators.kite;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the JSON the simulator answers: maps (in their order), lists, strings, numbers, booleans and null. */
final class KiteJson {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().registerModule(new SimpleModule().addSerializer(BigDecimal.class, new PlainDecimal()));

    private KiteJson() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass() + " as JSON", e);
        }
    }

    static String success(Object data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("status", "success");
        envelope.put("data", data);
        return write(envelope);
    }

    static String error(KiteError error) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("status", "error");
        envelope.put("message", error.message());
        envelope.put("data", null);
        envelope.put("error_type", error.errorType());
        return write(envelope);
    }

    /** Kite writes 100.5, not 100.50 or 1.005E+2. */
    private static final class PlainDecimal extends JsonSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator out, SerializerProvider serializers) throws IOException {
            out.writeNumber(value.stripTrailingZeros().toPlainString());
        }
    }
}
