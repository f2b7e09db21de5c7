package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import io.openoms.app.config.AccountConfig;
import io.openoms.app.config.InstrumentConfig;
import io.openoms.app.config.OmsConfig;
import io.openoms.application.intake.SignalParser;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.port.out.InstrumentCatalog;
import io.openoms.domain.value.AccountId;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured accounts and instruments, for defaults and for refusing what does not exist: a
 * request that names no account uses the only configured account (and is refused when there are
 * several); an account that is not configured is refused (400 in a body, 404 in a query); a signal's
 * bare symbol names the configured instrument with that symbol.
 */
public final class ApiAccounts {
    private final List<AccountId> accounts;
    private final List<InstrumentId> instruments;
    private final InstrumentCatalog catalog;
    private final SignalParser signals;

    @Inject
    public ApiAccounts(OmsConfig config, InstrumentCatalog catalog) {
        requireNonNull(config, "config is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.accounts = config.accounts().stream().map(AccountConfig::accountId).toList();
        this.instruments = config.instruments().stream()
                .map(InstrumentConfig::instrumentId)
                .toList();
        this.signals = new SignalParser(accounts, instruments);
    }

    /** Reads signals against the configured accounts and instruments. */
    SignalParser signals() {
        return signals;
    }

    List<AccountId> accounts() {
        return accounts;
    }

    /** The account named, else the only configured one; records a problem on {@code fields} when neither. */
    Optional<AccountId> resolve(RequestFields fields, Optional<String> named) {
        if (named.isPresent()) {
            return fields.attempt("account", () -> known(AccountId.of(named.get())));
        }
        if (accounts.size() == 1) {
            return Optional.of(accounts.get(0));
        }
        fields.problem("account", "is required: several accounts are configured (" + accounts + ")");
        return Optional.empty();
    }

    /** The account of a query parameter, else the only configured one; 400 when neither, 404 when not configured. */
    AccountId resolve(String queryParameter) {
        if (queryParameter != null && !queryParameter.isEmpty()) {
            AccountId account;
            try {
                account = AccountId.of(queryParameter);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("account", e.getMessage());
            }
            if (!accounts.contains(account)) {
                throw new ApiException(404, "NOT_FOUND", unknownAccount(account), Map.of("account", account.value()));
            }
            return account;
        }
        if (accounts.size() == 1) {
            return accounts.get(0);
        }
        throw ApiException.invalidField("account", "is required: several accounts are configured " + accounts);
    }

    /** {@code account} when it is configured, else an {@link IllegalArgumentException} saying so. */
    private AccountId known(AccountId account) {
        if (!accounts.contains(account)) {
            throw new IllegalArgumentException(unknownAccount(account));
        }
        return account;
    }

    private String unknownAccount(AccountId account) {
        return "no account " + account.value() + " is configured (configured: "
                + String.join(", ", accounts.stream().map(AccountId::value).toList()) + ")";
    }

    /** {@code instrument} when the instrument catalog knows it, else an {@link IllegalArgumentException}. */
    InstrumentId knownInstrument(InstrumentId instrument) {
        if (catalog.find(instrument).isEmpty()) {
            throw new IllegalArgumentException("no instrument " + instrument + " is known");
        }
        return instrument;
    }

    /** {@code EXCHANGE:SYMBOL}, or a bare symbol that exactly one configured instrument has. */
    InstrumentId instrument(String text) {
        return signals.instrument(text);
    }
}
