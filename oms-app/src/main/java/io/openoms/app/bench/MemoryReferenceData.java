package io.openoms.app.bench;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.port.out.InstrumentCatalog;
import io.openoms.domain.port.out.ReconciliationLog;
import io.openoms.domain.port.out.RiskLimitStore;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.TradingStateChange;
import io.openoms.domain.value.AccountId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The benchmark's in-memory instruments, risk limits, trading states and (discarding) reconciliation log. */
final class MemoryReferenceData implements InstrumentCatalog, RiskLimitStore, ReconciliationLog {
    private final Map<InstrumentId, Instrument> instruments = new ConcurrentHashMap<>();
    private final Map<AccountId, RiskLimits> limits = new ConcurrentHashMap<>();
    private final Map<AccountId, TradingStateChange> states = new ConcurrentHashMap<>();

    MemoryReferenceData(List<Instrument> instruments) {
        instruments.forEach(instrument -> this.instruments.put(instrument.id(), instrument));
    }

    @Override
    public Optional<Instrument> find(InstrumentId id) {
        return Optional.ofNullable(instruments.get(id));
    }

    @Override
    public Collection<Instrument> all() {
        return List.copyOf(instruments.values());
    }

    @Override
    public Optional<RiskLimits> limits(AccountId account) {
        return Optional.ofNullable(limits.get(account));
    }

    @Override
    public Map<AccountId, RiskLimits> allLimits() {
        return Map.copyOf(limits);
    }

    @Override
    public void saveLimits(AccountId account, RiskLimits newLimits) {
        limits.put(account, newLimits);
    }

    @Override
    public Optional<TradingStateChange> tradingState(AccountId account) {
        return Optional.ofNullable(states.get(account));
    }

    @Override
    public Map<AccountId, TradingStateChange> allTradingStates() {
        return Map.copyOf(states);
    }

    @Override
    public void saveTradingState(AccountId account, TradingStateChange change) {
        states.put(account, change);
    }

    @Override
    public void append(List<ReconciliationFinding> findings) {}

    @Override
    public List<ReconciliationFinding> latest(int limit) {
        return List.of();
    }

    @Override
    public List<ReconciliationFinding> ofRun(String runId) {
        return List.of();
    }
}
