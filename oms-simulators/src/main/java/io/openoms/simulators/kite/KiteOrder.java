package io.openoms.simulators.kite;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One order as Kite shows it: what the request said that the venue does not keep (variety,
 * validity, tag …), its history rows, and the last venue snapshot they were built from. Mutable;
 * only touched under the book's lock.
 */
final class KiteOrder {
    String orderId;
    Optional<BrokerOrderId> venueId = Optional.empty();
    ClientOrderId venueClientOrderId;
    final String variety;
    final InstrumentId instrument;
    final String transactionType;
    String orderType;
    final String product;
    String validity;
    int validityTtl;
    Quantity quantity;
    Optional<Price> price;
    Optional<Price> triggerPrice;
    int disclosedQuantity;
    int marketProtection;
    final Optional<String> tag;
    final String placedBy;
    final Map<String, Object> meta;
    final String guid;
    Instant orderTimestamp;
    String exchangeOrderId;
    Instant exchangeTimestamp;
    boolean modified;
    /** An after-market order still waiting for the market to open. */
    boolean awaitingRelease;

    boolean modifyApplied;
    Optional<BrokerOrder> lastSeen = Optional.empty();
    boolean acknowledgementStreamed;
    final List<Map<String, Object>> history = new ArrayList<>();

    KiteOrder(
            String variety,
            InstrumentId instrument,
            String transactionType,
            String orderType,
            String product,
            Quantity quantity,
            Optional<Price> price,
            Optional<Price> triggerPrice,
            Optional<String> tag,
            String placedBy,
            Map<String, Object> meta,
            String guid,
            Instant orderTimestamp) {
        this.variety = variety;
        this.instrument = instrument;
        this.transactionType = transactionType;
        this.orderType = orderType;
        this.product = product;
        this.validity = "DAY";
        this.quantity = quantity;
        this.price = price;
        this.triggerPrice = triggerPrice;
        this.tag = tag;
        this.placedBy = placedBy;
        this.meta = meta;
        this.guid = guid;
        this.orderTimestamp = orderTimestamp;
    }

    Map<String, Object> current() {
        return history.get(history.size() - 1);
    }

    String status() {
        return (String) current().get("status");
    }

    boolean isTerminal() {
        String status = status();
        return status.equals("COMPLETE") || status.equals("CANCELLED") || status.equals("REJECTED");
    }
}
