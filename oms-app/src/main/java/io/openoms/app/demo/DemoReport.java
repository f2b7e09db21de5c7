package io.openoms.app.demo;

import io.openoms.app.text.TextTable;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.Rejection;
import io.openoms.domain.position.PortfolioTotals;
import io.openoms.domain.position.Position;
import io.openoms.domain.value.Price;
import java.io.PrintWriter;
import java.util.Optional;

/** The demo's result as tables: its orders, the account's positions, and the P&amp;L totals. Amounts are exact. */
public final class DemoReport {
    private static final String NONE = TextTable.ABSENT;

    private DemoReport() {}

    public static void print(DemoOutcome outcome, PrintWriter out) {
        TextTable orders = new TextTable()
                .text("id")
                .text("instrument")
                .text("side")
                .text("type")
                .number("qty")
                .number("price")
                .number("trigger")
                .number("filled")
                .number("avg price")
                .text("status")
                .text("rejection");
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

        TextTable positions = new TextTable()
                .text("instrument")
                .number("qty")
                .number("avg price")
                .number("mark")
                .number("realized")
                .number("unrealized")
                .number("fees");
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
        new TextTable()
                .number("realized")
                .number("unrealized")
                .number("total")
                .number("fees")
                .number("gross exposure")
                .number("net exposure")
                .number("open positions")
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
