package io.openoms.adapters.persistence;

import static io.openoms.adapters.persistence.Json.decimal;
import static io.openoms.adapters.persistence.Json.instant;
import static io.openoms.adapters.persistence.Json.put;
import static io.openoms.adapters.persistence.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.position.Lot;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.util.ArrayList;
import java.util.List;

/** The JSON text of a position's open lots (FIFO/LIFO) and of the trade ids applied to it, in order. */
final class PositionCodec {
    private PositionCodec() {}

    static String encodeLots(List<Lot> lots) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Lot lot : lots) {
            ObjectNode node = array.addObject();
            put(node, "quantity", lot.quantity().value());
            put(node, "price", lot.price().value());
            put(node, "openedAt", lot.openedAt());
            node.put("tradeId", lot.tradeId().value());
        }
        return Json.write(array);
    }

    static List<Lot> decodeLots(String text) {
        List<Lot> lots = new ArrayList<>();
        for (JsonNode node : Json.read(text, "position lots")) {
            lots.add(new Lot(
                    Quantity.of(decimal(node, "quantity")),
                    Price.of(decimal(node, "price")),
                    instant(node, "openedAt"),
                    TradeId.of(text(node, "tradeId"))));
        }
        return lots;
    }

    static String encodeTradeIds(List<TradeId> tradeIds) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        tradeIds.forEach(id -> array.add(id.value()));
        return Json.write(array);
    }

    static List<TradeId> decodeTradeIds(String text) {
        List<TradeId> ids = new ArrayList<>();
        for (JsonNode node : Json.read(text, "position trade ids")) {
            ids.add(TradeId.of(node.asText()));
        }
        return ids;
    }
}
