package io.openoms.integration;

import static io.openoms.integration.TradingSystem.ACCOUNT;
import static io.openoms.integration.TradingSystem.buy;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.adapters.broker.zerodha.KiteBrokerGateway;
import io.openoms.adapters.broker.zerodha.KiteSessionState;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.RejectionSource;
import io.openoms.domain.risk.TradingState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenarios on H2 through the real Kite adapter: orders over HTTP to the Kite simulator, updates
 * back over its WebSocket, the simulator running over the same kind of venue as the mock's; and what
 * only Kite has, its session.
 */
class H2KiteTradingScenariosTest extends TradingScenarios {
    @TempDir
    static Path directory;

    @Override
    protected ScenarioDatabase newDatabase(String name) {
        return ScenarioDatabase.h2Networked(directory.resolve(name));
    }

    @Override
    protected BrokerKind brokerKind() {
        return BrokerKind.KITE;
    }

    @Test
    void a_token_refused_during_trading_halts_trading_at_once_nothing_more_is_sent_and_a_relogin_is_asked_for() {
        KiteBroker kite = system.kite().orElseThrow();
        Order resting = system.submitAccepted(buy(10).type(OrderType.LIMIT).limitPrice("1490"));
        system.faults().expireSession();

        Order refused = system.submitAccepted(buy(5));

        Order rejected = system.awaitStatus(refused.id(), OrderStatus.REJECTED);
        assertThat(rejected.rejection().orElseThrow().source()).isEqualTo(RejectionSource.BROKER);
        assertThat(rejected.rejection().orElseThrow().reason()).contains("session");
        assertThat(kite.session().state()).isEqualTo(KiteSessionState.RELOGIN_REQUIRED);
        assertThat(kite.session().health().detail()).contains("log in again");
        system.await(
                "the kill switch halted the account",
                () -> system.engine().tradingState(ACCOUNT).state() == TradingState.HALTED);
        assertThat(system.engine().tradingState(ACCOUNT).changedBy()).isEqualTo("auto:sessionLost");
        assertThat(system.engine().tradingState(ACCOUNT).reason()).contains(KiteBrokerGateway.NAME);

        long sent = kite.requests();
        system.cancel(resting.id());
        system.monitorPass();
        system.reconcile();
        system.step();

        assertThat(kite.requests())
                .as("requests sent to Kite after the refusal")
                .isEqualTo(sent);
        assertThat(system.order(resting.id()).status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(system.venue().orders()).singleElement().satisfies(o -> assertThat(o.status())
                .isEqualTo(OrderStatus.ACCEPTED));
    }
}
