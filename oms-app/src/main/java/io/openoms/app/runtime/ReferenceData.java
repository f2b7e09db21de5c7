package io.openoms.app.runtime;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.port.out.InstrumentStore;
import io.openoms.domain.port.out.RiskLimitStore;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.value.AccountId;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the configured reference data before the engine recovers: the instrument definitions
 * (replacing stored ones of the same id) and, for each configured account without stored limits,
 * the configured initial limits. Limits already stored are never overwritten: they may have been
 * edited at runtime, and the edit must survive a restart.
 */
public final class ReferenceData {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceData.class);

    private final List<Instrument> instruments;
    private final Set<AccountId> accounts;
    private final RiskLimits initialLimits;

    public ReferenceData(List<Instrument> instruments, Set<AccountId> accounts, RiskLimits initialLimits) {
        this.instruments = List.copyOf(requireNonNull(instruments, "instruments is null"));
        this.accounts = Set.copyOf(requireNonNull(accounts, "accounts is null"));
        this.initialLimits = requireNonNull(initialLimits, "initialLimits is null");
    }

    public void writeTo(InstrumentStore instrumentStore, RiskLimitStore riskLimitStore) {
        if (!instruments.isEmpty()) {
            instrumentStore.saveAll(instruments);
        }
        for (AccountId account : accounts) {
            if (riskLimitStore.limits(account).isEmpty()) {
                riskLimitStore.saveLimits(account, initialLimits);
                LOG.info("account {}: no stored risk limits; wrote the configured defaults", account);
            }
        }
        LOG.info("reference data: {} instruments, {} accounts", instruments.size(), accounts.size());
    }
}
