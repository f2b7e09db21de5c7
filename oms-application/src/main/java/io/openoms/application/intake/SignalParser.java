package io.openoms.application.intake;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.InvalidOrderRequestException;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.port.in.SubmitOrder;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import io.openoms.domain.value.StrategyId;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a trade signal strictly, the same way at every way in: {@code POST /api/v1/signals}, the Redis
 * stream and channel, and webhooks. A signal is the seed's {@code {"symbol","side","qty","reason"}}
 * plus optional {@code id} (becomes the order's {@code clientOrderId}, so a repeated signal never
 * places a second order; {@code clientOrderId} is accepted as its older name), {@code account}
 * (default: the only configured account), {@code strategy} (default {@code signal}), {@code product},
 * {@code type} ({@code MARKET}, the default, or {@code LIMIT}) and {@code price} (a {@code LIMIT}'s
 * limit price).
 *
 * <p>The {@code reason} is kept in short in the order's {@code tag} (see {@link #signalTag(String)}).
 * Thread safety: immutable, safe from any thread.
 */
public final class SignalParser {
    public static final String DEFAULT_STRATEGY = "signal";
    public static final int MAX_REASON_LENGTH = 500;

    /** The fields a signal may have; any other is refused. */
    public static final Set<String> FIELDS = Set.of(
            "symbol",
            "side",
            "qty",
            "reason",
            "id",
            "clientOrderId",
            "account",
            "strategy",
            "product",
            "type",
            "price");

    private static final Set<OrderType> TYPES = EnumSet.of(OrderType.MARKET, OrderType.LIMIT);
    private static final Set<Side> SIDES = EnumSet.allOf(Side.class);

    private final List<AccountId> accounts;
    private final List<InstrumentId> instruments;

    /**
     * @param accounts the configured accounts: a signal may name only these, and may omit the account
     *     when there is exactly one
     * @param instruments the configured instruments, for bare symbols ({@code INFY} for {@code NSE:INFY})
     */
    public SignalParser(List<AccountId> accounts, List<InstrumentId> instruments) {
        this.accounts = List.copyOf(requireNonNull(accounts, "accounts is null"));
        this.instruments = List.copyOf(requireNonNull(instruments, "instruments is null"));
    }

    /** Reads {@code signal}, its strategy its own or {@code signal}. */
    public ParsedSignal parse(Map<String, ?> signal) {
        return parse(signal, Optional.empty());
    }

    /**
     * Reads {@code signal} for {@code strategy} when given (a webhook token belongs to one strategy): a
     * signal naming another strategy is refused.
     */
    public ParsedSignal parse(Map<String, ?> signal, Optional<StrategyId> strategy) {
        requireNonNull(signal, "signal is null");
        requireNonNull(strategy, "strategy is null");
        SignalFieldReader fields = new SignalFieldReader(signal, FIELDS);
        Optional<InstrumentId> instrument = fields.convert("symbol", fields.requiredText("symbol"), this::instrument);
        Optional<Side> side = fields.enumValue("side", Side.class, SIDES, true);
        Optional<Quantity> quantity =
                fields.requiredDecimal("qty").flatMap(q -> fields.attempt("qty", () -> Quantity.of(q)));
        Optional<String> reason = fields.requiredText("reason");
        reason.ifPresent(text -> {
            if (text.isBlank()) {
                fields.problem("reason", "must not be blank");
            } else if (text.length() > MAX_REASON_LENGTH) {
                fields.problem("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
            }
        });
        Optional<ClientOrderId> clientOrderId = clientOrderId(fields);
        Optional<AccountId> account = account(fields);
        Optional<StrategyId> named = fields.convert("strategy", fields.text("strategy"), StrategyId::of);
        if (strategy.isPresent() && named.isPresent() && !named.equals(strategy)) {
            fields.problem(
                    "strategy",
                    "'" + named.get().value() + "' is not this token's strategy ("
                            + strategy.get().value() + ")");
        }
        Optional<Product> product = fields.convert("product", fields.text("product"), Product::of);
        OrderType type = fields.enumValue("type", OrderType.class, TYPES, false).orElse(OrderType.MARKET);
        Optional<BigDecimal> priceValue = fields.decimal("price");
        Optional<Price> price = priceValue.flatMap(p -> fields.attempt("price", () -> Price.of(p)));
        if (fields.hasProblems()) {
            return new ParsedSignal.Invalid(fields.problems());
        }
        try {
            OrderRequest.Builder builder = OrderRequest.builder()
                    .account(account.orElseThrow())
                    .strategy(strategy.or(() -> named).orElse(StrategyId.of(DEFAULT_STRATEGY)))
                    .instrument(instrument.orElseThrow())
                    .side(side.orElseThrow())
                    .type(type)
                    .quantity(quantity.orElseThrow())
                    .tag(signalTag(reason.orElseThrow()));
            product.ifPresent(builder::product);
            price.ifPresent(builder::limitPrice);
            return new ParsedSignal.Valid(new SubmitOrder(builder.build(), clientOrderId), reason.orElseThrow());
        } catch (InvalidOrderRequestException e) {
            String field = e.field().equals("quantity") ? "qty" : e.field();
            String message = e.getMessage().startsWith(e.field() + ": ")
                    ? e.getMessage().substring(e.field().length() + 2)
                    : e.getMessage();
            fields.problem(field, message);
            return new ParsedSignal.Invalid(fields.problems());
        }
    }

    /** {@code EXCHANGE:SYMBOL}, or a bare symbol that exactly one configured instrument has (any case). */
    public InstrumentId instrument(String text) {
        if (text.contains(":")) {
            return InstrumentId.parse(text);
        }
        List<InstrumentId> matches = instruments.stream()
                .filter(instrument -> instrument.symbol().equalsIgnoreCase(text))
                .toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException("'" + StrictValues.printable(text)
                    + "' is not one configured instrument's symbol; write EXCHANGE:SYMBOL, e.g. NSE:INFY");
        }
        return matches.get(0);
    }

    /** The account named, which must be configured, else the only configured one. */
    private Optional<AccountId> account(SignalFieldReader fields) {
        Optional<String> named = fields.text("account");
        if (named.isPresent()) {
            return fields.attempt("account", () -> {
                AccountId account = AccountId.of(named.get());
                if (!accounts.contains(account)) {
                    throw new IllegalArgumentException("no account " + account.value() + " is configured (configured: "
                            + String.join(
                                    ", ",
                                    accounts.stream().map(AccountId::value).toList()) + ")");
                }
                return account;
            });
        }
        if (accounts.size() == 1) {
            return Optional.of(accounts.get(0));
        }
        fields.problem("account", "is required: several accounts are configured (" + accounts + ")");
        return Optional.empty();
    }

    private static Optional<ClientOrderId> clientOrderId(SignalFieldReader fields) {
        Optional<ClientOrderId> id = fields.convert("id", fields.text("id"), ClientOrderId::of);
        Optional<ClientOrderId> older =
                fields.convert("clientOrderId", fields.text("clientOrderId"), ClientOrderId::of);
        if (id.isPresent() && older.isPresent() && !id.equals(older)) {
            fields.problem("id", "give id or clientOrderId (its older name), not two different values");
        }
        return id.or(() -> older);
    }

    /**
     * {@code sig-} and the reason's first words, as far as a tag's 64 characters of letters, digits
     * and {@code _ . : -} allow, so the order says why it was placed.
     */
    public static String signalTag(String reason) {
        String words = reason.trim().replaceAll("[^A-Za-z0-9_.:-]+", "-").replaceAll("-{2,}", "-");
        words = words.replaceAll("^-|-$", "");
        String tag = "sig-" + words;
        if (tag.length() > 64) {
            tag = tag.substring(0, 64);
        }
        return tag.endsWith("-") ? tag.substring(0, tag.length() - 1) : tag;
    }
}
