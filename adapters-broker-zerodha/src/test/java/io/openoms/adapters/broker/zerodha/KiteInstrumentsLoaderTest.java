package io.openoms.adapters.broker.zerodha;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.value.Quantity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class KiteInstrumentsLoaderTest {
    private final KiteInstrumentsLoader loader =
            new KiteInstrumentsLoader(KiteFixtures.config().build());
    private final String csv = KiteFixtures.resource("instruments.csv");

    @Test
    void rows_become_instruments_keyed_by_exchange_and_symbol() throws IOException {
        KiteInstrumentMaster master = loader.parse(new ByteArrayInputStream(csv.getBytes(UTF_8)));

        Instrument infy = master.find(InstrumentId.parse("NSE:INFY")).orElseThrow();
        Instrument nifty = master.find(InstrumentId.parse("NFO:NIFTY25NOVFUT")).orElseThrow();
        assertThat(infy.tickSize()).isEqualByComparingTo("0.05");
        assertThat(infy.lotSize()).isEqualTo(Quantity.of(1));
        assertThat(infy.currency().getCurrencyCode()).isEqualTo("INR");
        assertThat(infy.session())
                .isEqualTo(KiteFixtures.config().build().session("NSE").orElseThrow());
        assertThat(nifty.lotSize()).isEqualTo(Quantity.of(75));
        assertThat(nifty.tickSize()).isEqualByComparingTo("0.1");
        assertThat(master.find(InstrumentId.parse("NSE:M&M"))).isPresent();
        assertThat(master.find(InstrumentId.parse("MCX:GOLDM25DECFUT"))).isPresent();
        assertThat(master.tokens()).containsEntry(InstrumentId.parse("NSE:INFY"), 408065L);
    }

    @Test
    void indices_and_exchanges_without_a_session_are_skipped() throws IOException {
        KiteInstrumentMaster master = loader.parse(new ByteArrayInputStream(csv.getBytes(UTF_8)));

        assertThat(master.instruments()).hasSize(4);
        assertThat(master.skipped()).isEqualTo(2);
    }

    @Test
    void a_gzipped_file_is_read_the_same() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(csv.getBytes(UTF_8));
        }

        KiteInstrumentMaster master = loader.parse(new ByteArrayInputStream(zipped.toByteArray()));

        assertThat(master.instruments()).hasSize(4);
    }

    @Test
    void a_file_without_the_needed_columns_is_refused() {
        assertThatThrownBy(() -> loader.parse(new ByteArrayInputStream("a,b\n1,2\n".getBytes(UTF_8))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("tradingsymbol");
    }

    @Test
    void quoted_fields_may_hold_commas_and_quotes() {
        assertThat(KiteInstrumentsLoader.fields("1,\"A, \"\"B\"\"\",c")).containsExactly("1", "A, \"B\"", "c");
    }
}
