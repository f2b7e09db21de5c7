package io.openoms.application.reconciliation;

import static java.util.Objects.requireNonNull;

import io.openoms.application.engine.AccountSettings;
import io.openoms.application.engine.EngineConfig;
import io.openoms.application.engine.EngineControl;
import io.openoms.application.events.OmsEventPublisher;
import io.openoms.application.killswitch.KillSwitchSignals;
import io.openoms.application.routing.OrderRouter;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.in.Reconciliation;
import io.openoms.domain.port.in.ReconciliationReport;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.port.out.ReconciliationLog;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.value.AccountId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares, per configured account, OpenOMS's orders, the day's fills and positions with the
 * broker's ({@code orders()}, {@code trades()}, {@code positions()}), and acts on each difference by
 * the account's {@link ReconciliationPolicy}. One {@link #runNow()} is one run (the schedule, at
 * start-up and every {@code interval}, lives in oms-app).
 *
 * <p>A run goes through an account in steps, each on the engine's state after the previous one's
 * fixes: (1) orders at the broker we do not know — carrying our tag ({@code UNKNOWN_ORDER}) or not
 * ({@code FOREIGN_ORDER}) — are adopted through the engine's snapshot hook (as orders of strategy
 * {@code external}, so their fills reach positions; terminal ones without fills and rejected ones
 * carry nothing and are skipped); (2) broker trades our orders lack are {@code MISSING_FILL}s,
 * handed to the engine (a late fill for a closed order is applied, not dropped); (3) orders we
 * think open that the broker closed get the broker's final state ({@code ORDER_CLOSED_AT_BROKER});
 * quantity disagreements ({@code ORDER_QUANTITY_MISMATCH}) and orders closed here but live at the
 * broker are reported only; open orders the broker does not list ({@code ORDER_MISSING_AT_BROKER})
 * are closed by the order monitor under {@code TRUST_BROKER}, and by this run's fix (proposed, or
 * alerted) under the other policies; (4) our net position per instrument and product, summed over strategies, is compared with
 * the broker's: {@code POSITION_MISMATCH}, {@code PHANTOM_POSITION}, {@code UNKNOWN_POSITION}.
 * Positions are never "fixed" by inventing fills: they are reported, and the kill switch is told;
 * when fills were missing, applying them (at once under {@code TRUST_BROKER}, before the position
 * step; on approval under {@code PROPOSE}) resolves the difference, which the next run confirms.
 *
 * <p>Every finding goes to the {@link ReconciliationLog} with expected, actual and the action, and
 * is published as {@link OmsEvent.ReconciliationFound}. Under {@code PROPOSE} a fix waits for
 * {@link #approve}/{@link #dismiss} of its finding id {@code runId:index}; while it waits, later
 * runs that find the same difference point to it rather than propose it again, and a proposal whose
 * difference is no longer found is dropped. Proposals are kept in memory: a restart drops them and
 * the next run proposes again. Approvals and dismissals are logged under the finding's run.
 *
 * <p>Idempotent: every fix goes through the engine, which applies a trade once per trade id and an
 * order view idempotently, so running twice applies nothing twice; a second run finds nothing
 * where the first fixed everything. An account whose broker could not be read completely is left
 * for the next run. The engine itself also logs adoptions (run id {@code engine}).
 *
 * <p>Thread safety: runs are serialized and run on the caller's thread (the returned future is
 * complete); approve and dismiss are safe from any thread.
 */
public final class ReconciliationService implements Reconciliation {
    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationService.class);

    private final EngineControl engine;
    private final OrderRouter router;
    private final RateLimitGuard rateLimits;
    private final ReconciliationLog log;
    private final OmsEventPublisher publisher;
    private final KillSwitchSignals signals;
    private final Clock clock;
    private final ReconciliationConfig config;
    private final EngineConfig engineConfig;

    private final AtomicLong runs = new AtomicLong();
    private final ReconciliationProposals proposals;
    private final AccountComparison comparison;

    public ReconciliationService(
            EngineControl engine,
            OrderRouter router,
            RateLimitGuard rateLimits,
            ReconciliationLog log,
            OmsEventPublisher publisher,
            KillSwitchSignals signals,
            Clock clock,
            ReconciliationConfig config,
            EngineConfig engineConfig) {
        this.engine = requireNonNull(engine, "engine is null");
        this.router = requireNonNull(router, "router is null");
        this.rateLimits = requireNonNull(rateLimits, "rateLimits is null");
        this.log = requireNonNull(log, "log is null");
        this.publisher = requireNonNull(publisher, "publisher is null");
        this.signals = requireNonNull(signals, "signals is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.config = requireNonNull(config, "config is null");
        this.engineConfig = requireNonNull(engineConfig, "engineConfig is null");
        this.proposals = new ReconciliationProposals(clock, this::append);
        this.comparison = new AccountComparison(engine, config, signals);
    }

    @Override
    public CompletableFuture<ReconciliationReport> runNow() {
        try {
            return CompletableFuture.completedFuture(run());
        } catch (RuntimeException e) {
            LOG.error("reconciliation run failed", e);
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public List<ReconciliationFinding> latest(int limit) {
        return log.latest(limit);
    }

    @Override
    public List<ReconciliationFinding> ofRun(String runId) {
        return log.ofRun(requireNonNull(runId, "runId is null"));
    }

    /** Fails with {@link NoSuchElementException} when no fix waits under that id. */
    @Override
    public CompletableFuture<ReconciliationFinding> approve(String findingId, String actor) {
        return proposals.approve(findingId, actor);
    }

    /** Fails with {@link NoSuchElementException} when no fix waits under that id. */
    @Override
    public CompletableFuture<ReconciliationFinding> dismiss(String findingId, String actor) {
        return proposals.dismiss(findingId, actor);
    }

    /** The ids of the fixes waiting for approval, oldest first. */
    public List<String> pendingProposals() {
        return proposals.pending();
    }

    private synchronized ReconciliationReport run() {
        Instant startedAt = clock.instant();
        String runId = "rec-" + startedAt.toEpochMilli() + "-" + runs.incrementAndGet();
        ReconciliationRun run = new ReconciliationRun(runId, config, proposals, clock);
        List<AccountId> accounts = engineConfig.accounts().keySet().stream()
                .sorted(Comparator.comparing(AccountId::value))
                .toList();
        for (AccountId account : accounts) {
            reconcile(account, engineConfig.accounts().get(account), run);
        }
        append(run.findings);
        List<OmsEvent> events = new ArrayList<>(run.alerts);
        run.findings.forEach(f -> events.add(new OmsEvent.ReconciliationFound(f)));
        if (!events.isEmpty()) {
            try {
                publisher.publish(events);
            } catch (RuntimeException e) {
                LOG.error("could not publish the findings of {}", runId, e);
            }
        }
        Instant finishedAt = clock.instant();
        LOG.info("reconciliation {}: {} findings", runId, run.findings.size());
        return new ReconciliationReport(runId, startedAt, finishedAt, run.findings);
    }

    private void reconcile(AccountId account, AccountSettings settings, ReconciliationRun run) {
        Optional<BrokerGateway> gateway = router.broker(settings.broker());
        if (gateway.isEmpty()) {
            LOG.warn("reconciliation: broker {} of account {} is not registered", settings.broker(), account);
            return;
        }
        String broker = settings.broker();
        BrokerQueries queries = new BrokerQueries(gateway.get(), rateLimits, signals, config.queryPermitWait());
        Optional<List<BrokerOrder>> brokerOrders = queries.read("the day's orders", gateway.get()::orders);
        Optional<List<BrokerTrade>> brokerTrades =
                brokerOrders.isPresent() ? queries.read("the day's trades", gateway.get()::trades) : Optional.empty();
        Optional<List<BrokerPosition>> brokerPositions =
                brokerTrades.isPresent() ? queries.read("the positions", gateway.get()::positions) : Optional.empty();
        if (brokerPositions.isEmpty()) {
            LOG.warn("reconciliation: account {} left for the next run: broker {} could not be read", account, broker);
            return;
        }
        Optional<AccountView> ours = AccountView.read(engine, config.engineTimeout(), account);
        if (ours.isEmpty()) {
            return;
        }

        boolean changed = false;
        for (BrokerOrder atBroker : brokerOrders.get()) {
            if (ours.get().match(atBroker).isEmpty() && AccountComparison.carriesExposure(atBroker)) {
                changed |= comparison.adopt(account, broker, atBroker, run);
            }
        }
        if (changed) {
            ours = AccountView.read(engine, config.engineTimeout(), account);
            if (ours.isEmpty()) {
                return;
            }
            changed = false;
        }
        for (BrokerTrade trade : brokerTrades.get()) {
            changed |= comparison.missingFill(account, broker, trade, ours.get(), run);
        }
        if (changed) {
            ours = AccountView.read(engine, config.engineTimeout(), account);
            if (ours.isEmpty()) {
                return;
            }
            changed = false;
        }
        Set<BrokerOrderId> listed = new HashSet<>();
        for (BrokerOrder atBroker : brokerOrders.get()) {
            listed.add(atBroker.brokerOrderId());
            Optional<Order> order = ours.get().match(atBroker);
            if (order.isPresent()) {
                changed |= comparison.compareOrder(account, broker, order.get(), atBroker, run);
            }
        }
        for (Order order : ours.get().openOrders()) {
            if (order.brokerOrderId().isPresent()
                    && !listed.contains(order.brokerOrderId().get())) {
                comparison.missingAtBroker(account, order, run);
            }
        }
        if (changed) {
            ours = AccountView.read(engine, config.engineTimeout(), account);
            if (ours.isEmpty()) {
                return;
            }
        }
        comparison.comparePositions(account, brokerPositions.get(), ours.get(), run);
        proposals.dropUnseen(account, run.seen);
    }

    private void append(List<ReconciliationFinding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        try {
            log.append(findings);
        } catch (RuntimeException e) {
            LOG.error("could not write {} findings to the reconciliation log", findings.size(), e);
        }
    }
}
