package io.openoms.adapters.broker.mock;

import io.openoms.domain.port.in.BrokerUpdates;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerTrade;
import java.util.ArrayList;
import java.util.List;

/** Remembers every update pushed into the core, in order. */
final class RecordingBrokerUpdates implements BrokerUpdates {
    sealed interface Received {}

    record OrderReceived(String broker, BrokerOrder order) implements Received {}

    record TradeReceived(String broker, BrokerTrade trade) implements Received {}

    record MalformedReceived(String broker, String rawPayload, String problem) implements Received {}

    record ReconnectReceived(String broker) implements Received {}

    private final List<Received> received = new ArrayList<>();

    @Override
    public synchronized void orderUpdated(String broker, BrokerOrder order) {
        received.add(new OrderReceived(broker, order));
    }

    @Override
    public synchronized void tradeReported(String broker, BrokerTrade trade) {
        received.add(new TradeReceived(broker, trade));
    }

    @Override
    public synchronized void malformedPayload(String broker, String rawPayload, String problem) {
        received.add(new MalformedReceived(broker, rawPayload, problem));
    }

    @Override
    public synchronized void streamReconnected(String broker) {
        received.add(new ReconnectReceived(broker));
    }

    synchronized List<Received> all() {
        return List.copyOf(received);
    }

    synchronized List<BrokerOrder> orders() {
        return received.stream()
                .filter(OrderReceived.class::isInstance)
                .map(r -> ((OrderReceived) r).order())
                .toList();
    }

    synchronized List<BrokerTrade> trades() {
        return received.stream()
                .filter(TradeReceived.class::isInstance)
                .map(r -> ((TradeReceived) r).trade())
                .toList();
    }

    synchronized List<MalformedReceived> malformed() {
        return received.stream()
                .filter(MalformedReceived.class::isInstance)
                .map(MalformedReceived.class::cast)
                .toList();
    }

    synchronized long reconnects() {
        return received.stream().filter(ReconnectReceived.class::isInstance).count();
    }

    /** The broker statuses pushed, in order, e.g. {@code OPEN, COMPLETE}. */
    synchronized List<String> statuses() {
        return orders().stream().map(BrokerOrder::brokerStatus).toList();
    }

    synchronized BrokerOrder lastOrder() {
        List<BrokerOrder> orders = orders();
        return orders.get(orders.size() - 1);
    }

    synchronized void clear() {
        received.clear();
    }
}
