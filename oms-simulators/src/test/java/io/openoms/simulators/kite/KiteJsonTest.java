package io.openoms.simulators.kite;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KiteJsonTest {
    @Test
    void envelopes_are_written_as_kite_writes_them() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("order_id", "1709526600000000001");
        data.put("price", new BigDecimal("100.50"));
        data.put("quantity", new BigDecimal("10"));
        data.put("tag", null);
        data.put("tags", List.of("a\"b"));
        data.put("modified", false);

        assertThat(KiteJson.success(data))
                .isEqualTo("{\"status\":\"success\",\"data\":{\"order_id\":\"1709526600000000001\",\"price\":100.5,"
                        + "\"quantity\":10,\"tag\":null,\"tags\":[\"a\\\"b\"],\"modified\":false}}");
        assertThat(KiteJson.error(KiteError.tooManyRequests()))
                .isEqualTo("{\"status\":\"error\",\"message\":\"Too many requests\",\"data\":null,"
                        + "\"error_type\":\"NetworkException\"}");
        assertThat(KiteJson.write(Arrays.asList("\n\u0001", 1L))).isEqualTo("[\"\\n\\u0001\",1]");
    }

    @Test
    void a_checksum_is_lowercase_hex_sha256() {
        assertThat(KiteBook.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
