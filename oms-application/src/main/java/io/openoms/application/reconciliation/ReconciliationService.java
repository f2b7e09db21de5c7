package io.openoms.application.reconciliation;

import static java.util.Objects.requireNonNull;

import io.openoms.application.engine.AccountSettings;
import io.openoms.application.engine.EngineConfig;
import io.openoms.application.engine.EngineControl;
import io.openoms.application.engine.EngineSnapshot;
import io.openoms.application.events.OmsEventPublisher;
import io.openoms.application.killswitch.KillSwitchSignals;
import io.openoms.application.routing.OrderRouter;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.Reconciliation;
import io.openoms.domain.port.in.ReconciliationReport;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.port.out.ReconciliationLog;
import io.openoms.domain.position.Position;
import io.openoms.domain.reconciliation.FindingKind;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Product;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
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
    private final Map<String, Proposal> proposals = new ConcurrentHashMap<>();
    private final Map<ProposalKey, String> proposed = new ConcurrentHashMap<>();

    private record Fix(String description, Supplier<CompletableFuture<?>> apply) {}

    private record ProposalKey(AccountId account, FindingKind kind, String subject) {}

    private record Proposal(String findingId, ProposalKey key, ReconciliationFinding finding, Fix fix) {}

    private record PositionSubject(InstrumentId instrument, Product product) {
        @Override
        public String toString() {
            return "position " + instrument + " " + product;
        }
    }

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
        requireNonNull(actor, "actor is null");
        Optional<Proposal> taken = take(findingId);
        if (taken.isEmpty()) {
            return CompletableFuture.failedFuture(noProposal(findingId));
        }
        Proposal proposal = taken.get();
        CompletableFuture<?> applied;
        try {
            applied = proposal.fix().apply().get();
        } catch (RuntimeException e) {
            applied = CompletableFuture.failedFuture(e);
        }
        return applied.handle((ignored, failure) -> {
            if (failure != null) {
                LOG.warn("approved fix {} was not applied; it stays proposed", findingId, failure);
                proposals.put(findingId, proposal);
                proposed.put(proposal.key(), findingId);
                throw new IllegalStateException(
                        "the engine did not apply the fix of " + findingId + "; it stays proposed: " + failure,
                        failure);
            }
            return decide(
                    proposal,
                    "approved by " + actor + ": applied " + proposal.fix().description());
        });
    }

    /** Fails with {@link NoSuchElementException} when no fix waits under that id. */
    @Override
    public CompletableFuture<ReconciliationFinding> dismiss(String findingId, String actor) {
        requireNonNull(actor, "actor is null");
        return take(findingId)
                .map(proposal -> CompletableFuture.completedFuture(decide(
                        proposal,
                        "dismissed by " + actor + ": not applied "
                                + proposal.fix().description())))
                .orElseGet(() -> CompletableFuture.failedFuture(noProposal(findingId)));
    }

    /** The ids of the fixes waiting for approval, oldest first. */
    public List<String> pendingProposals() {
        return proposals.keySet().stream().sorted().toList();
    }

    private Optional<Proposal> take(String findingId) {
        requireNonNull(findingId, "findingId is null");
        Proposal proposal = proposals.remove(findingId);
        if (proposal == null) {
            return Optional.empty();
        }
        proposed.remove(proposal.key(), findingId);
        return Optional.of(proposal);
    }

    private static NoSuchElementException noProposal(String findingId) {
        return new NoSuchElementException("no fix waits for approval under " + findingId
                + " (it was decided, its difference is gone, or OpenOMS restarted: proposals are kept in memory)");
    }

    private ReconciliationFinding decide(Proposal proposal, String action) {
        ReconciliationFinding original = proposal.finding();
        ReconciliationFinding decision = new ReconciliationFinding(
                original.runId(),
                original.account(),
                original.kind(),
                original.subject(),
                original.expected(),
                original.actual(),
                action + " (finding " + proposal.findingId() + ")",
                clock.instant());
        LOG.info("reconciliation {}: {}", proposal.findingId(), decision.action());
        append(List.of(decision));
        return decision;
    }

    private synchronized ReconciliationReport run() {
        Instant startedAt = clock.instant();
        String runId = "rec-" + startedAt.toEpochMilli() + "-" + runs.incrementAndGet();
        Run run = new Run(runId);
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

    /** One run's findings and proposals, in the order found. */
    private final class Run {
        final String runId;
        final List<ReconciliationFinding> findings = new ArrayList<>();
        final List<OmsEvent> alerts = new ArrayList<>();
        final Set<ProposalKey> seen = new HashSet<>();

        Run(String runId) {
            this.runId = runId;
        }

        /** Records a finding with no fix: reported only, under every policy. */
        void report(
                AccountId account, FindingKind kind, String subject, String expected, String actual, String action) {
            findings.add(finding(account, kind, subject, expected, actual, action));
        }

        /** Records a finding and acts on its fix by the account's policy; true when the fix was applied. */
        boolean act(AccountId account, FindingKind kind, String subject, String expected, String actual, Fix fix) {
            ReconciliationPolicy policy = config.policy(account);
            String action;
            boolean applied = false;
            ProposalKey key = new ProposalKey(account, kind, subject);
            switch (policy) {
                case TRUST_BROKER -> {
                    applied = await(fix.apply().get(), subject);
                    action = applied
                            ? "applied: " + fix.description()
                            : "not applied (the engine did not take it; the next run retries): " + fix.description();
                }
                case PROPOSE -> {
                    String waiting = proposed.get(key);
                    if (waiting != null && proposals.containsKey(waiting)) {
                        action = "proposed, awaiting approve or dismiss of " + waiting + ": " + fix.description();
                    } else {
                        String findingId = runId + ":" + findings.size();
                        action = "proposed, approve or dismiss " + findingId + ": " + fix.description();
                        ReconciliationFinding finding = finding(account, kind, subject, expected, actual, action);
                        proposals.put(findingId, new Proposal(findingId, key, finding, fix));
                        proposed.put(key, findingId);
                        findings.add(finding);
                        seen.add(key);
                        return false;
                    }
                }
                case ALERT_ONLY -> action = "alert only, not applied: " + fix.description();
                default -> throw new IllegalStateException("unknown policy " + policy);
            }
            seen.add(key);
            findings.add(finding(account, kind, subject, expected, actual, action));
            return applied;
        }

        private ReconciliationFinding finding(
                AccountId account, FindingKind kind, String subject, String expected, String actual, String action) {
            LOG.warn(
                    "reconciliation {} {} {}: expected {}, broker {}; {}",
                    runId,
                    kind,
                    subject,
                    expected,
                    actual,
                    action);
            return new ReconciliationFinding(runId, account, kind, subject, expected, actual, action, clock.instant());
        }
    }

    private void reconcile(AccountId account, AccountSettings settings, Run run) {
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
        Optional<Ours> ours = Ours.read(this, account);
        if (ours.isEmpty()) {
            return;
        }

        boolean changed = false;
        for (BrokerOrder atBroker : brokerOrders.get()) {
            if (ours.get().match(atBroker).isEmpty() && carriesExposure(atBroker)) {
                changed |= adopt(account, broker, atBroker, run);
            }
        }
        if (changed) {
            ours = Ours.read(this, account);
            if (ours.isEmpty()) {
                return;
            }
            changed = false;
        }
        for (BrokerTrade trade : brokerTrades.get()) {
            changed |= missingFill(account, broker, trade, ours.get(), run);
        }
        if (changed) {
            ours = Ours.read(this, account);
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
                changed |= compareOrder(account, broker, order.get(), atBroker, run);
            }
        }
        for (Order order : ours.get().openOrders()) {
            if (order.brokerOrderId().isPresent()
                    && !listed.contains(order.brokerOrderId().get())) {
                missingAtBroker(account, order, run);
            }
        }
        if (changed) {
            ours = Ours.read(this, account);
            if (ours.isEmpty()) {
                return;
            }
        }
        comparePositions(account, brokerPositions.get(), ours.get(), run);
        proposed.keySet().removeIf(key -> {
            if (key.account().equals(account) && !run.seen.contains(key)) {
                String dropped = proposed.get(key);
                if (dropped != null) {
                    proposals.remove(dropped);
                    LOG.info("reconciliation: proposal {} dropped: its difference is no longer found", dropped);
                }
                return true;
            }
            return false;
        });
    }

    /**
     * Under {@code trust_broker} the order monitor closes an order the broker does not know, on the
     * evidence of its own look-ups by id (stronger than absence from the day's list); under the other
     * policies closing it is this run's fix: proposed for an admin, or an alert each run.
     */
    private void missingAtBroker(AccountId account, Order order, Run run) {
        String subject = "order " + order.id();
        String ourView = order.status() + " as " + order.brokerOrderId().orElseThrow() + ", filled "
                + order.filledQuantity() + " of " + order.quantity();
        String actual = "not among the broker's orders of the day";
        if (config.policy(account) == ReconciliationPolicy.TRUST_BROKER) {
            run.report(
                    account,
                    FindingKind.ORDER_MISSING_AT_BROKER,
                    subject,
                    ourView,
                    actual,
                    "reported: the order monitor closes it once its look-ups keep finding nothing");
            return;
        }
        ClientOrderId id = order.id();
        run.act(
                account,
                FindingKind.ORDER_MISSING_AT_BROKER,
                subject,
                ourView,
                actual,
                new Fix(
                        "close it (CANCELLED if its cancel was asked for, else ERROR): it cannot fill at the broker",
                        () -> engine.closeNotKnownAtBroker(
                                        id, "not among the broker's orders of the day; closing approved by an admin")
                                .thenApply(ReconciliationService::appliedOrFail)));
    }

    private static OrderCommandResult appliedOrFail(OrderCommandResult result) {
        if (result instanceof OrderCommandResult.Failed failed) {
            throw new IllegalStateException(failed.code() + ": " + failed.message());
        }
        return result;
    }

    /** Rejected orders and orders closed without fills carry no exposure: nothing to adopt. */
    private static boolean carriesExposure(BrokerOrder atBroker) {
        return atBroker.status().isOpen() || atBroker.filledQuantity().isPositive();
    }

    private boolean adopt(AccountId account, String broker, BrokerOrder atBroker, Run run) {
        boolean tagged = atBroker.clientOrderId().isPresent();
        return run.act(
                account,
                tagged ? FindingKind.UNKNOWN_ORDER : FindingKind.FOREIGN_ORDER,
                "broker order " + atBroker.brokerOrderId(),
                tagged ? "no order " + atBroker.clientOrderId().get() : "no such order",
                describe(atBroker),
                new Fix(
                        tagged
                                ? "adopt it as order "
                                        + atBroker.clientOrderId().get() + " of strategy "
                                        + EngineControl.EXTERNAL_STRATEGY
                                : "adopt it as an external order of strategy " + EngineControl.EXTERNAL_STRATEGY,
                        () -> engine.applyBrokerSnapshot(broker, atBroker)));
    }

    private boolean missingFill(AccountId account, String broker, BrokerTrade trade, Ours ours, Run run) {
        Optional<Order> order = ours.byBrokerId(trade.brokerOrderId());
        if (order.isPresent() && order.get().hasFill(trade.fill().tradeId())) {
            return false;
        }
        String expected = order.map(o -> "order " + o.id() + " (" + o.status() + ", filled " + o.filledQuantity()
                        + " of " + o.quantity() + ") without it")
                .orElse("no order for broker order " + trade.brokerOrderId());
        return run.act(
                account,
                FindingKind.MISSING_FILL,
                "trade " + trade.fill().tradeId() + " of broker order " + trade.brokerOrderId(),
                expected,
                trade.side() + " " + trade.fill().quantity() + " " + trade.instrument() + " " + trade.product() + " @ "
                        + trade.fill().price() + " at " + trade.fill().executedAt(),
                new Fix(
                        "record the fill"
                                + order.map(o -> " on order " + o.id()).orElse(""),
                        () -> engine.applyBrokerTrade(broker, trade)));
    }

    private boolean compareOrder(AccountId account, String broker, Order order, BrokerOrder atBroker, Run run) {
        String subject = "order " + order.id();
        String ourView = order.status() + ", filled " + order.filledQuantity() + " of " + order.quantity();
        boolean openHere = order.isOpen();
        boolean openThere = atBroker.status().isOpen();
        if (openHere && !openThere) {
            return run.act(
                    account,
                    FindingKind.ORDER_CLOSED_AT_BROKER,
                    subject,
                    ourView,
                    describe(atBroker),
                    new Fix(
                            "apply the broker's final state " + atBroker.status(),
                            () -> engine.applyBrokerSnapshot(broker, atBroker)));
        }
        if (openHere && order.brokerOrderId().isEmpty()) {
            if (order.outcomeUnknown().isPresent()) {
                return run.act(
                        account,
                        FindingKind.UNKNOWN_ORDER,
                        subject,
                        ourView + ", its submit's outcome unknown",
                        describe(atBroker),
                        new Fix(
                                "take the broker's view as the evidence for the unknown submit",
                                () -> engine.applyBrokerSnapshot(broker, atBroker)));
            }
            return false; // the place call's answer is on its way; the monitor covers a lost one
        }
        if (!openHere && openThere) {
            run.report(
                    account,
                    FindingKind.UNKNOWN_ORDER,
                    subject,
                    ourView,
                    describe(atBroker),
                    "alert: closed here but live at the broker; a terminal order cannot be reopened, cancel it at"
                            + " the broker");
            run.alerts.add(new OmsEvent.Alert(
                    "reconciliation",
                    "order " + order.id() + " is " + order.status() + " in OpenOMS but live at broker " + broker
                            + " as " + atBroker.brokerOrderId() + ": cancel it at the broker",
                    Optional.empty()));
            return false;
        }
        if (openHere
                && order.pendingModification().isEmpty()
                && order.quantity().compareTo(atBroker.quantity()) != 0) {
            run.report(
                    account,
                    FindingKind.ORDER_QUANTITY_MISMATCH,
                    subject,
                    "quantity " + order.quantity(),
                    "quantity " + atBroker.quantity() + " (" + describe(atBroker) + ")",
                    "reported: an order's quantity is never changed from the broker's view; modify or cancel it");
        }
        if (atBroker.filledQuantity().isLessThan(order.filledQuantity())) {
            run.report(
                    account,
                    FindingKind.ORDER_QUANTITY_MISMATCH,
                    subject,
                    "filled " + order.filledQuantity(),
                    "filled " + atBroker.filledQuantity() + " (" + describe(atBroker) + ")",
                    "reported: fills are never removed");
        }
        return false;
    }

    private void comparePositions(AccountId account, List<BrokerPosition> atBroker, Ours ours, Run run) {
        Map<String, BigDecimal> ourNet = new TreeMap<>();
        Map<String, BigDecimal> brokerNet = new TreeMap<>();
        for (Position position : ours.positions()) {
            String subject = new PositionSubject(
                            position.key().instrument(), position.key().product())
                    .toString();
            ourNet.merge(subject, position.signedQuantity(), BigDecimal::add);
        }
        for (BrokerPosition position : atBroker) {
            String subject = new PositionSubject(position.instrument(), position.product()).toString();
            brokerNet.merge(subject, position.netQuantity(), BigDecimal::add);
        }
        Set<String> subjects = new TreeSet<>(ourNet.keySet());
        subjects.addAll(brokerNet.keySet());
        long missingFills = run.findings.stream()
                .filter(f -> f.account().equals(account) && f.kind() == FindingKind.MISSING_FILL)
                .filter(f -> !f.action().startsWith("applied"))
                .count();
        String action = "reported: positions change only through fills, never by invented ones"
                + (missingFills > 0
                        ? "; " + missingFills + " missing fill(s) of this account await a decision: applying them may"
                                + " resolve it (the next run tells)"
                        : "");
        List<ReconciliationFinding> mismatches = new ArrayList<>();
        for (String subject : subjects) {
            BigDecimal ourQuantity = ourNet.getOrDefault(subject, BigDecimal.ZERO);
            BigDecimal theirs = brokerNet.getOrDefault(subject, BigDecimal.ZERO);
            if (ourQuantity.compareTo(theirs) == 0) {
                continue;
            }
            FindingKind kind = theirs.signum() == 0
                    ? FindingKind.PHANTOM_POSITION
                    : ourQuantity.signum() == 0 ? FindingKind.UNKNOWN_POSITION : FindingKind.POSITION_MISMATCH;
            run.report(
                    account,
                    kind,
                    subject,
                    "net " + ourQuantity.toPlainString(),
                    "net " + theirs.toPlainString(),
                    action);
            mismatches.add(run.findings.get(run.findings.size() - 1));
        }
        signals.positionsReconciled(account, mismatches);
    }

    private static String describe(BrokerOrder o) {
        return o.side() + " " + o.quantity() + " " + o.instrument() + " " + o.type() + " " + o.product() + ", filled "
                + o.filledQuantity() + ", status " + o.brokerStatus()
                + o.tag().map(t -> ", tag " + t).orElse("");
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

    private boolean await(CompletableFuture<?> future, String what) {
        try {
            future.get(config.engineTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("reconciliation: the engine did not apply the fix of {}: {}", what, e.toString());
        }
        return false;
    }

    /** Our side for one account: the engine's orders and positions, with store look-ups for older orders. */
    private record Ours(
            EngineControl engine,
            AccountId account,
            Map<BrokerOrderId, Order> byBrokerId,
            Map<ClientOrderId, Order> byId,
            List<Position> positions) {

        static Optional<Ours> read(ReconciliationService service, AccountId account) {
            Optional<EngineSnapshot> snapshot = service.snapshot();
            if (snapshot.isEmpty()) {
                return Optional.empty();
            }
            Map<BrokerOrderId, Order> byBrokerId = new HashMap<>();
            Map<ClientOrderId, Order> byId = new HashMap<>();
            for (Order order : snapshot.get().orders()) {
                byId.put(order.id(), order);
                order.brokerOrderId().ifPresent(id -> byBrokerId.put(id, order));
            }
            List<Position> positions = snapshot.get().positions().stream()
                    .filter(p -> p.key().account().equals(account) && p.isOpen())
                    .toList();
            return Optional.of(new Ours(service.engine, account, byBrokerId, byId, positions));
        }

        Optional<Order> byBrokerId(BrokerOrderId id) {
            return Optional.ofNullable(byBrokerId.get(id)).or(() -> engine.orderByBrokerOrderId(id));
        }

        /** Our order for the broker's: by its broker id, else by the client order id its tag carries. */
        Optional<Order> match(BrokerOrder atBroker) {
            return byBrokerId(atBroker.brokerOrderId()).or(() -> atBroker.clientOrderId()
                    .flatMap(id -> Optional.ofNullable(byId.get(id)).or(() -> engine.order(id))));
        }

        List<Order> openOrders() {
            return byId.values().stream()
                    .filter(o -> o.account().equals(account) && o.isOpen())
                    .sorted(Comparator.comparing(o -> o.id().value()))
                    .toList();
        }
    }

    private Optional<EngineSnapshot> snapshot() {
        try {
            return Optional.of(engine.snapshot().get(config.engineTimeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("reconciliation: no snapshot from the engine: {}", e.toString());
        }
        return Optional.empty();
    }
}
