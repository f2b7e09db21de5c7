package io.openoms.adapters.broker.mock;

import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.value.Price;

/**
 * Turns an update into what a broken stream message looks like: the Kite-style JSON of the update,
 * cut off half-way, so a parser fails on it.
 */
final class MalformedPayloads {
    static final String PROBLEM = "unexpected end of JSON input";

    private MalformedPayloads() {}

    static VenueUpdate.Malformed of(VenueUpdate update) {
        String json;
        if (update instanceof VenueUpdate.OrderUpdate orderUpdate) {
            json = orderJson(orderUpdate.order());
        } else if (update instanceof VenueUpdate.TradeUpdate tradeUpdate) {
            json = tradeJson(tradeUpdate.trade());
        } else {
            json = "{\"type\":\"heartbeat\"}";
        }
        return new VenueUpdate.Malformed(json.substring(0, json.length() / 2), PROBLEM);
    }

    private static String orderJson(BrokerOrder order) {
        return "{\"type\":\"order\",\"data\":{\"order_id\":\"" + order.brokerOrderId() + "\",\"tag\":"
                + order.tag().map(tag -> "\"" + tag + "\"").orElse("null") + ",\"tradingsymbol\":\""
                + order.instrument().symbol() + "\",\"exchange\":\""
                + order.instrument().exchange()
                + "\",\"transaction_type\":\"" + order.side() + "\",\"status\":\"" + order.brokerStatus()
                + "\",\"quantity\":" + order.quantity() + ",\"filled_quantity\":" + order.filledQuantity()
                + ",\"average_price\":"
                + order.averagePrice().map(Price::toString).orElse("0") + "}}";
    }

    private static String tradeJson(BrokerTrade trade) {
        return "{\"type\":\"trade\",\"data\":{\"trade_id\":\"" + trade.fill().tradeId() + "\",\"order_id\":\""
                + trade.brokerOrderId() + "\",\"tradingsymbol\":\""
                + trade.instrument().symbol()
                + "\",\"quantity\":" + trade.fill().quantity() + ",\"average_price\":"
                + trade.fill().price() + "}}";
    }
}
