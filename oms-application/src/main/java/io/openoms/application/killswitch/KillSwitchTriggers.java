package io.openoms.application.killswitch;

import static java.util.Objects.requireNonNull;

import io.openoms.application.engine.AccountSettings;
import io.openoms.application.engine.DayPnl;
import io.openoms.application.engine.EngineConfig;
import io.openoms.application.engine.EngineControl;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.RejectionSource;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.in.OmsEventListener;
import io.openoms.domain.port.in.TradingStateResult;
import io.openoms.domain.port.out.MarketData;
import io.openoms.domain.position.Position;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automatic kill switch: moves an account to {@code REDUCING} or {@code HALTED} through {@link
 * io.openoms.domain.port.in.RiskAdministration#setTradingState} with the trigger's reason and the
 * actor {@code auto:<trigger>}; the engine saves the state, so it survives restarts. A trigger
 * never moves an account to {@code ACTIVE} (only an admin resumes) and never to a state below the
 * current one ({@code HALTED} is never downgraded to {@code REDUCING}).
 *
 * <p>Level triggers (daily loss, drawdown, stale market data, and the conditions fed by callbacks:
 * rejection burst, lost session, reconciliation mismatch) trip once per episode: while the
 * condition holds after a trip, the trigger does not trip again, so an admin's resume is respected;
 * once the condition clears, the next occurrence trips again. Episodes are kept in memory: after
 * a restart a condition that still holds trips again.
 *
 * <p>{@link #evaluate} is one pass (the schedule lives in oms-app); broker rejections arrive as
 * events ({@link #onEvent}: subscribe this object to the event bus), lost sessions and
 * reconciliation results through {@link KillSwitchSignals}. Stale market data: {@link MarketData}
 * gives no timestamps, so each pass records when it first saw each instrument's current last price;
 * an instrument with an open position whose price has not changed for {@code staleMarketDataAfter}
 * while the account's session is open (counted from the session open at the earliest) trips. An
 * instrument that genuinely does not trade for that long trips too: choose the threshold for the
 * least liquid instrument held.
 *
 * <p>Thread safety: safe from any thread; callbacks never wait for the engine.
 */
public final class KillSwitchTriggers implements KillSwitchSignals, OmsEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(KillSwitchTriggers.class);

    private final EngineControl engine;
    private final MarketData marketData;
    private final EngineConfig engineConfig;
    private final Clock clock;
    private final KillSwitchConfig config;

    private final Object lock = new Object();
    // Guarded by lock.
    private final Map<AccountId, Deque<Instant>> rejections = new HashMap<>();
    private final Map<String, String> lostSessions = new HashMap<>();
    private final Map<AccountId, String> mismatches = new HashMap<>();
    private final Map<InstrumentId, PriceSeen> prices = new HashMap<>();
    // Also changed by completions of state changes, on the engine's thread.
    private final Set<Episode> tripped = ConcurrentHashMap.newKeySet();
    private final Map<AccountId, TradingState> requested = new ConcurrentHashMap<>();

    private record Episode(AccountId account, KillSwitchTrigger trigger) {}

    private record PriceSeen(Optional<Price> price, Instant since) {}

    private record Condition(AccountId account, KillSwitchTrigger trigger, Optional<String> reason) {}

    private record Requested(KillSwitchTrip trip, CompletableFuture<TradingStateResult> change) {}

    public KillSwitchTriggers(
            EngineControl engine,
            MarketData marketData,
            EngineConfig engineConfig,
            Clock clock,
            KillSwitchConfig config) {
        this.engine = requireNonNull(engine, "engine is null");
        this.marketData = requireNonNull(marketData, "marketData is null");
        this.engineConfig = requireNonNull(engineConfig, "engineConfig is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.config = requireNonNull(config, "config is null");
    }

    /**
     * One pass over every configured account: refreshes the day's P&amp;L (an engine tick), checks
     * every enabled trigger, requests the trips and waits for them. Returns the trips made.
     */
    public List<KillSwitchTrip> evaluate(Instant now) {
        requireNonNull(now, "now is null");
        boolean pnlFresh = true;
        if (config.dailyLossEnabled() || config.drawdownEnabled()) {
            pnlFresh = await(engine.timerTick(), "the engine's tick");
        }
        List<Requested> requests;
        synchronized (lock) {
            List<Condition> conditions = new ArrayList<>();
            Set<InstrumentId> held = new HashSet<>();
            for (AccountId account : sorted(engineConfig.accounts().keySet())) {
                AccountSettings settings = engineConfig.accounts().get(account);
                if (pnlFresh) {
                    conditions.add(new Condition(account, KillSwitchTrigger.DAILY_LOSS, dailyLoss(account)));
                    conditions.add(new Condition(account, KillSwitchTrigger.DRAWDOWN, drawdown(account)));
                }
                conditions.add(new Condition(account, KillSwitchTrigger.REJECTION_BURST, rejectionBurst(account, now)));
                conditions.add(new Condition(account, KillSwitchTrigger.SESSION_LOST, sessionLost(settings)));
                conditions.add(new Condition(
                        account,
                        KillSwitchTrigger.RECONCILIATION_MISMATCH,
                        Optional.ofNullable(mismatches.get(account))));
                conditions.add(new Condition(
                        account, KillSwitchTrigger.STALE_MARKET_DATA, staleMarketData(account, settings, now, held)));
            }
            prices.keySet().retainAll(held);
            requests = settle(conditions);
        }
        List<KillSwitchTrip> trips = new ArrayList<>();
        for (Requested request : requests) {
            if (await(request.change(), "the trading state change")
                    && request.change().join() instanceof TradingStateResult.Changed) {
                trips.add(request.trip());
            }
        }
        return List.copyOf(trips);
    }

    /** Counts broker rejections toward the burst trigger. */
    @Override
    public void onEvent(OmsEvent event) {
        if (event instanceof OmsEvent.OrderUpdated updated
                && updated.event() instanceof OrderEvent.OrderRejected rejected
                && rejected.rejection().source() == RejectionSource.BROKER) {
            brokerRejected(updated.order().account(), rejected.occurredAt());
        }
    }

    /** The broker rejected an order of {@code account} at {@code at}. */
    public void brokerRejected(AccountId account, Instant at) {
        requireNonNull(account, "account is null");
        requireNonNull(at, "at is null");
        synchronized (lock) {
            rejections.computeIfAbsent(account, a -> new ArrayDeque<>()).add(at);
            settle(List.of(new Condition(
                    account, KillSwitchTrigger.REJECTION_BURST, rejectionBurst(account, clock.instant()))));
        }
    }

    @Override
    public void sessionLost(String broker, String reason) {
        requireNonNull(broker, "broker is null");
        requireNonNull(reason, "reason is null");
        synchronized (lock) {
            lostSessions.put(broker, reason);
            List<Condition> conditions = new ArrayList<>();
            accountsOf(broker)
                    .forEach(account -> conditions.add(new Condition(
                            account,
                            KillSwitchTrigger.SESSION_LOST,
                            sessionLost(engineConfig.accounts().get(account)))));
            settle(conditions);
        }
    }

    @Override
    public void sessionRestored(String broker) {
        requireNonNull(broker, "broker is null");
        synchronized (lock) {
            if (lostSessions.remove(broker) != null) {
                LOG.info("the session of broker {} is alive again", broker);
            }
            accountsOf(broker).forEach(account -> tripped.remove(new Episode(account, KillSwitchTrigger.SESSION_LOST)));
        }
    }

    @Override
    public void positionsReconciled(AccountId account, List<ReconciliationFinding> found) {
        requireNonNull(account, "account is null");
        requireNonNull(found, "found is null");
        synchronized (lock) {
            if (found.isEmpty()) {
                mismatches.remove(account);
            } else {
                String shown = found.stream()
                        .limit(3)
                        .map(f -> f.kind() + " " + f.subject() + " (ours " + f.expected() + ", broker " + f.actual()
                                + ")")
                        .collect(Collectors.joining("; "));
                mismatches.put(
                        account,
                        "reconciliation found " + found.size() + " position difference(s) with the broker: " + shown
                                + (found.size() > 3 ? "; …" : ""));
            }
            settle(List.of(new Condition(
                    account, KillSwitchTrigger.RECONCILIATION_MISMATCH, Optional.ofNullable(mismatches.get(account)))));
        }
    }

    private Optional<String> dailyLoss(AccountId account) {
        Optional<Money> limit = config.dailyLossLimit()
                .or(() -> engine.limits(account).dailyLossLimit().filter(Money::isPositive));
        Optional<DayPnl> day = engine.dayPnl(account);
        if (limit.isEmpty() || day.isEmpty()) {
            return Optional.empty();
        }
        Money pnl = day.get().pnl();
        return pnl.isGreaterThan(limit.get().negate())
                ? Optional.empty()
                : Optional.of("the day's P&L " + pnl + " reached the daily loss limit of " + limit.get());
    }

    private Optional<String> drawdown(AccountId account) {
        Optional<DayPnl> day = engine.dayPnl(account);
        if (config.drawdownLimit().isEmpty() || day.isEmpty()) {
            return Optional.empty();
        }
        Money limit = config.drawdownLimit().get();
        DayPnl reading = day.get();
        return reading.drawdown().isLessThan(limit)
                ? Optional.empty()
                : Optional.of("the day's P&L fell by " + reading.drawdown() + " from its peak of " + reading.peak()
                        + " to " + reading.pnl() + ", reaching the drawdown limit of " + limit);
    }

    private Optional<String> rejectionBurst(AccountId account, Instant now) {
        Deque<Instant> times = rejections.get(account);
        if (times == null) {
            return Optional.empty();
        }
        Instant windowStart = now.minus(config.rejectionBurstWindow());
        times.removeIf(at -> at.isBefore(windowStart));
        if (times.isEmpty()) {
            rejections.remove(account);
            return Optional.empty();
        }
        return times.size() < config.rejectionBurstCount()
                ? Optional.empty()
                : Optional.of(times.size() + " broker rejections within " + config.rejectionBurstWindow()
                        + " (the limit is " + config.rejectionBurstCount() + ")");
    }

    private Optional<String> sessionLost(AccountSettings settings) {
        String reason = lostSessions.get(settings.broker());
        return reason == null
                ? Optional.empty()
                : Optional.of("the session of broker " + settings.broker() + " is lost: " + reason);
    }

    private Optional<String> staleMarketData(
            AccountId account, AccountSettings settings, Instant now, Set<InstrumentId> held) {
        Set<InstrumentId> instruments = new TreeSet<>(Comparator.comparing(InstrumentId::toString));
        for (Position position : engine.positions(account, false)) {
            instruments.add(position.key().instrument());
        }
        held.addAll(instruments);
        if (!settings.session().isOpen(now)) {
            return Optional.empty();
        }
        Instant opened = settings.session().openOn(settings.session().localDate(now));
        List<String> stale = new ArrayList<>();
        for (InstrumentId instrument : instruments) {
            Optional<Price> price = marketData.lastPrice(instrument);
            PriceSeen seen = prices.get(instrument);
            if (seen == null || !seen.price().equals(price)) {
                prices.put(instrument, new PriceSeen(price, now));
                continue;
            }
            Instant since = seen.since().isBefore(opened) ? opened : seen.since();
            if (Duration.between(since, now).compareTo(config.staleMarketDataAfter()) >= 0) {
                stale.add(instrument + " (last price "
                        + price.map(Price::toString).orElse("none") + " since " + since + ")");
            }
        }
        return stale.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        "no price change within " + config.staleMarketDataAfter() + " for " + String.join(", ", stale));
    }

    /**
     * Requests a trip for each enabled condition that holds and has not tripped in this episode,
     * the most severe first so that a milder one never lands after it; ends the episodes of the
     * conditions that cleared. Called under the lock; never waits.
     */
    private List<Requested> settle(List<Condition> conditions) {
        List<Condition> holding = new ArrayList<>();
        for (Condition condition : conditions) {
            if (condition.reason().isEmpty()) {
                tripped.remove(new Episode(condition.account(), condition.trigger()));
            } else if (config.enabled(condition.trigger())) {
                holding.add(condition);
            }
        }
        holding.sort(Comparator.comparingInt((Condition c) -> severity(config.state(c.trigger())))
                .reversed());
        List<Requested> requests = new ArrayList<>();
        for (Condition condition : holding) {
            trip(condition.account(), condition.trigger(), condition.reason().orElseThrow())
                    .ifPresent(requests::add);
        }
        return requests;
    }

    private Optional<Requested> trip(AccountId account, KillSwitchTrigger trigger, String reason) {
        Episode episode = new Episode(account, trigger);
        if (tripped.contains(episode)) {
            return Optional.empty();
        }
        TradingState target = config.state(trigger);
        TradingState current = engine.tradingState(account).state();
        TradingState pending = requested.getOrDefault(account, TradingState.ACTIVE);
        if (severity(current) >= severity(target) || severity(pending) >= severity(target)) {
            return Optional.empty();
        }
        tripped.add(episode);
        requested.put(account, target);
        LOG.warn("kill switch {}: moving account {} to {}: {}", trigger.key(), account, target, reason);
        CompletableFuture<TradingStateResult> change = engine.setTradingState(account, target, reason, trigger.actor());
        change.whenComplete((done, failure) -> {
            requested.remove(account, target);
            Optional<String> why = failure != null
                    ? Optional.of(String.valueOf(failure))
                    : done instanceof TradingStateResult.Failed failed
                            ? Optional.of(failed.code() + ": " + failed.message())
                            : Optional.empty();
            why.ifPresent(problem -> {
                tripped.remove(episode);
                LOG.error(
                        "kill switch {} could not move account {} to {} ({}); it retries on the next pass",
                        trigger.key(),
                        account,
                        target,
                        problem);
            });
        });
        return Optional.of(new Requested(new KillSwitchTrip(account, trigger, target, reason), change));
    }

    private List<AccountId> accountsOf(String broker) {
        return engineConfig.accounts().entrySet().stream()
                .filter(e -> e.getValue().broker().equals(broker))
                .map(Map.Entry::getKey)
                .sorted(Comparator.comparing(AccountId::value))
                .toList();
    }

    private static List<AccountId> sorted(Set<AccountId> accounts) {
        return accounts.stream().sorted(Comparator.comparing(AccountId::value)).toList();
    }

    /** ACTIVE &lt; REDUCING &lt; HALTED. */
    private static int severity(TradingState state) {
        return switch (state) {
            case ACTIVE -> 0;
            case REDUCING -> 1;
            case HALTED -> 2;
        };
    }

    /** Waits for the engine; false when it failed or did not answer in time. */
    private boolean await(CompletableFuture<?> future, String what) {
        try {
            future.get(config.stateChangeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("kill switch: {} failed or timed out", what, e);
        }
        return false;
    }
}
