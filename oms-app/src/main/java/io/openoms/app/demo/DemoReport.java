package io.openoms.app.demo;

import io.openoms.domain.order.Order;
import io.openoms.domain.order.Rejection;
import io.openoms.domain.position.PortfolioTotals;
import io.openoms.domain.position.Position;
import io.openoms.domain.value.Price;
import java.io.PrintWriter;
import java.util.Optional;

/** The demo's result as tables: its orders, the account's positions, and the P&amp;L totals. Amounts are exact. */
public final class DemoReport {
    private static final String NONE = "-";

    private DemoReport() {}

    public static void print(DemoOutcome outcome, PrintWriter out) {
        TextTable orders = new TextTable(
                        "id",
                        "instrument",
                        "side",
                        "type",
                        "qty",
                        "price",
                        "trigger",
                        "filled",
                        "avg price",
                        "status",
                        "rejection")
                .numeric("qty", "price", "trigger", "filled", "avg price");
        for (Order order : outcome.orders()) {
            orders.row(
                    order.id().value(),
                    order.instrument().toString(),
                    order.side().name(),
                    order.type().name(),
                    order.quantity().toString(),
                    price(order.limitPrice()),
                    price(order.triggerPrice()),
                    order.filledQuantity().toString(),
                    price(order.averageFillPrice()),
                    order.status().name(),
                    order.rejection().map(DemoReport::rejection).orElse(""));
        }
        out.println("Orders");
        orders.print(out);

        TextTable positions = new TextTable("instrument", "qty", "avg price", "mark", "realized", "unrealized", "fees")
                .numeric("qty", "avg price", "mark", "realized", "unrealized", "fees");
        for (Position position : outcome.positions()) {
            positions.row(
                    position.key().instrument().toString(),
                    position.signedQuantity().toPlainString(),
                    price(position.averagePrice()),
                    price(position.lastMark()),
                    position.realizedPnl().toString(),
                    position.unrealizedPnl().toString(),
                    position.fees().toString());
        }
        out.println();
        out.println(
                "Positions (account " + DemoScript.ACCOUNT.value() + ", strategy " + DemoScript.STRATEGY.value() + ")");
        positions.print(out);

        PortfolioTotals totals = outcome.totals();
        out.println();
        out.println("P&L (account " + DemoScript.ACCOUNT.value() + ")");
        new TextTable("realized", "unrealized", "total", "fees", "gross exposure", "net exposure", "open positions")
                .numeric("realized", "unrealized", "total", "fees", "gross exposure", "net exposure", "open positions")
                .row(
                        totals.realizedPnl().toString(),
                        totals.unrealizedPnl().toString(),
                        totals.totalPnl().toString(),
                        totals.fees().toString(),
                        totals.grossExposure().toString(),
                        totals.netExposure().toString(),
                        Integer.toString(totals.openPositions()))
                .print(out);
        out.flush();
    }

    private static String price(Optional<Price> price) {
        return price.map(Price::toString).orElse(NONE);
    }

    private static String rejection(Rejection rejection) {
        return rejection.check().orElse(rejection.source().name()) + ": " + rejection.reason();
    }
}
