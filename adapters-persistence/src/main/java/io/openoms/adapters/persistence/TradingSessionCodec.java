package io.openoms.adapters.persistence;

import static io.openoms.adapters.persistence.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openoms.domain.instrument.TradingSession;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/** The JSON text of an instrument's {@link TradingSession}: zone, open, close, weekdays, holidays (sorted). */
final class TradingSessionCodec {
    private TradingSessionCodec() {}

    static String encode(TradingSession session) {
        ObjectNode node = Json.object();
        node.put("zone", session.zone().getId());
        node.put("open", session.open().toString());
        node.put("close", session.close().toString());
        ArrayNode days = node.putArray("tradingDays");
        new TreeSet<>(session.tradingDays()).forEach(day -> days.add(day.name()));
        ArrayNode holidays = node.putArray("holidays");
        new TreeSet<>(session.holidays()).forEach(day -> holidays.add(day.toString()));
        return Json.write(node);
    }

    static TradingSession decode(String text) {
        JsonNode node = Json.read(text, "trading session");
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Json.required(node, "tradingDays").forEach(day -> days.add(DayOfWeek.valueOf(day.asText())));
        Set<LocalDate> holidays = new HashSet<>();
        Json.required(node, "holidays").forEach(day -> holidays.add(LocalDate.parse(day.asText())));
        return new TradingSession(
                ZoneId.of(text(node, "zone")),
                LocalTime.parse(text(node, "open")),
                LocalTime.parse(text(node, "close")),
                days,
                holidays);
    }
}
