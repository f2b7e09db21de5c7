package io.openoms.domain.port.in;

import io.openoms.domain.position.AccountPortfolio;
import io.openoms.domain.position.Position;
import io.openoms.domain.value.AccountId;
import java.util.List;

/** Reads positions and portfolio totals. Thread safety: safe from any thread; never blocks the engine. */
public interface PositionQueries {
    List<Position> positions(boolean includeClosed);

    List<Position> positions(AccountId account, boolean includeClosed);

    AccountPortfolio portfolio(AccountId account);
}
