package io.openoms.adapters.broker.zerodha;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.port.out.BrokerRateLimits;
import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.port.out.FamilyLimits;
import java.math.BigDecimal;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Kite Connect adapter's settings. Every value is checked when the record is built; a bad one
 * is refused with a message naming its key (and its environment variable where it has one).
 * Secrets (api secret, access token) never appear in {@link #toString()} or in any message.
 *
 * <p>Facts that the reference marks unconfirmed are settings, with the safer reading as default:
 * the per-minute order cap ({@code ordersPerMinute}, 200 rather than 400), whether modifications
 * and cancellations draw on the order budget ({@code modificationsCountAsOrders}), the AMO windows
 * ({@code amoWindows}), whether {@code LAPSED} is terminal ({@code lapsedIsTerminal}) and the
 * exchange-registered {@code algoId} (sent only when set).
 *
 * @param apiKey the Kite Connect app's api key ({@code OMS_KITE_API_KEY})
 * @param apiSecret the app's secret ({@code OMS_KITE_API_SECRET}); needed to exchange a request
 *     token and to verify postbacks, not to trade with an access token
 * @param accessToken the day's access token ({@code OMS_KITE_ACCESS_TOKEN}), when not read from
 *     the token store
 * @param apiUrl REST root ({@code OMS_KITE_API_URL})
 * @param wsUrl WebSocket root ({@code OMS_KITE_WS_URL})
 * @param loginUrl the browser login page
 * @param connectTimeout TCP/TLS connect timeout of every call
 * @param readTimeout socket read timeout of every call
 * @param writeTimeout socket write timeout of every call
 * @param callTimeout the whole call's deadline (0 = none)
 * @param marketProtection {@code market_protection} sent with MARKET and SL-M orders: -1 (Kite's
 *     automatic protection) or a percentage in (0, 100]; 0 is refused because Zerodha rejects API
 *     market orders without protection since April 2026
 * @param amoOutsideMarketHours place orders as {@code amo} inside the exchange's AMO window and on
 *     non-trading days
 * @param amoWindows per exchange, when AMOs are accepted (the reference's sources disagree)
 * @param sessions per exchange, the trading session (instruments, TTL and AMO decisions)
 * @param icebergTagPrefix an order whose tag is this prefix plus a leg count (2-50) is placed as
 *     an iceberg order
 * @param ordersPerSecond order placements per second
 * @param ordersPerMinute order placements per minute
 * @param ordersPerDay order placements per day
 * @param queriesPerSecond other REST calls per second
 * @param quotesPerSecond quote calls per second
 * @param maxModificationsPerOrder Kite's cap on modifications of one order
 * @param modificationsCountAsOrders whether modifications and cancellations draw on the order budget
 * @param rateLimitBackoff how long a family is held back after a 429 without {@code Retry-After}
 * @param quotesMaxWait how long a price refresh waits for a quotes permit before skipping
 * @param streamInitialBackoff first reconnect delay of the order stream
 * @param streamMaxBackoff cap of the reconnect delay
 * @param streamIdleTimeout no frame (heartbeats included) for this long means the stream is dead
 * @param tokenExpiry the IST time of day at which every access token expires (06:00)
 * @param lapsedIsTerminal map Kite's undocumented {@code LAPSED} to {@code EXPIRED} (else in flight)
 * @param algoId the exchange-registered algo id sent as {@code algo_id}, when set
 */
public record KiteConfig(
        String apiKey,
        Optional<String> apiSecret,
        Optional<String> accessToken,
        URI apiUrl,
        URI wsUrl,
        URI loginUrl,
        Duration connectTimeout,
        Duration readTimeout,
        Duration writeTimeout,
        Duration callTimeout,
        BigDecimal marketProtection,
        boolean amoOutsideMarketHours,
        Map<String, AmoWindow> amoWindows,
        Map<String, TradingSession> sessions,
        String icebergTagPrefix,
        int ordersPerSecond,
        int ordersPerMinute,
        int ordersPerDay,
        int queriesPerSecond,
        int quotesPerSecond,
        int maxModificationsPerOrder,
        boolean modificationsCountAsOrders,
        Duration rateLimitBackoff,
        Duration quotesMaxWait,
        Duration streamInitialBackoff,
        Duration streamMaxBackoff,
        Duration streamIdleTimeout,
        LocalTime tokenExpiry,
        boolean lapsedIsTerminal,
        Optional<String> algoId) {

    public static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    public static final URI DEFAULT_API_URL = URI.create("https://api.kite.trade");
    public static final URI DEFAULT_WS_URL = URI.create("wss://ws.kite.trade");
    public static final URI DEFAULT_LOGIN_URL = URI.create("https://kite.zerodha.com/connect/login");
    public static final String ENV_API_KEY = "OMS_KITE_API_KEY";
    public static final String ENV_API_SECRET = "OMS_KITE_API_SECRET";
    public static final String ENV_ACCESS_TOKEN = "OMS_KITE_ACCESS_TOKEN";
    public static final String ENV_API_URL = "OMS_KITE_API_URL";
    public static final String ENV_WS_URL = "OMS_KITE_WS_URL";

    private static final Pattern API_KEY = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Pattern ALGO_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public KiteConfig {
        requireNonNull(apiKey, "apiKey (" + ENV_API_KEY + ") is missing");
        if (!API_KEY.matcher(apiKey).matches()) {
            throw new IllegalArgumentException(
                    "apiKey (" + ENV_API_KEY + ") must be 1-64 letters or digits, got " + apiKey.length() + " chars");
        }
        requireNonNull(apiSecret, "apiSecret is null");
        requireNonNull(accessToken, "accessToken is null");
        apiSecret = apiSecret.filter(secret -> !secret.isBlank());
        accessToken = accessToken.filter(token -> !token.isBlank());
        httpUrl("apiUrl (" + ENV_API_URL + ")", apiUrl, "http", "https");
        httpUrl("wsUrl (" + ENV_WS_URL + ")", wsUrl, "ws", "wss");
        httpUrl("loginUrl", loginUrl, "http", "https");
        positive("connectTimeout", connectTimeout);
        positive("readTimeout", readTimeout);
        positive("writeTimeout", writeTimeout);
        notNegative("callTimeout", callTimeout);
        requireNonNull(marketProtection, "marketProtection is null");
        if (!(marketProtection.compareTo(BigDecimal.ONE.negate()) == 0
                || (marketProtection.signum() > 0 && marketProtection.compareTo(HUNDRED) <= 0))) {
            throw new IllegalArgumentException(
                    "marketProtection must be -1 (automatic) or a percentage in (0, 100], got "
                            + marketProtection.toPlainString()
                            + " (Zerodha rejects API MARKET and SL-M orders without market protection)");
        }
        amoWindows = upperKeys(requireNonNull(amoWindows, "amoWindows is null"));
        sessions = upperKeys(requireNonNull(sessions, "sessions is null"));
        requireNonNull(icebergTagPrefix, "icebergTagPrefix is null");
        if (icebergTagPrefix.isBlank()) {
            throw new IllegalArgumentException("icebergTagPrefix must not be blank");
        }
        atLeast("ordersPerSecond", ordersPerSecond, 0);
        atLeast("ordersPerMinute", ordersPerMinute, 0);
        atLeast("ordersPerDay", ordersPerDay, 0);
        atLeast("queriesPerSecond", queriesPerSecond, 0);
        atLeast("quotesPerSecond", quotesPerSecond, 0);
        atLeast("maxModificationsPerOrder", maxModificationsPerOrder, 0);
        positive("rateLimitBackoff", rateLimitBackoff);
        notNegative("quotesMaxWait", quotesMaxWait);
        positive("streamInitialBackoff", streamInitialBackoff);
        positive("streamMaxBackoff", streamMaxBackoff);
        if (streamMaxBackoff.compareTo(streamInitialBackoff) < 0) {
            throw new IllegalArgumentException("streamMaxBackoff " + streamMaxBackoff
                    + " must not be below streamInitialBackoff " + streamInitialBackoff);
        }
        positive("streamIdleTimeout", streamIdleTimeout);
        requireNonNull(tokenExpiry, "tokenExpiry is null");
        requireNonNull(algoId, "algoId is null");
        if (algoId.isPresent() && !ALGO_ID.matcher(algoId.get()).matches()) {
            throw new IllegalArgumentException("algoId must be 1-64 letters, digits, _ or -");
        }
    }

    public static Builder builder(String apiKey) {
        return new Builder(apiKey);
    }

    /**
     * The defaults with the {@code OMS_KITE_*} variables of {@code environment} applied: api key
     * (required), api secret, access token, api url and ws url.
     */
    public static Builder fromEnvironment(Map<String, String> environment) {
        requireNonNull(environment, "environment is null");
        String apiKey = environment.get(ENV_API_KEY);
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey (" + ENV_API_KEY + ") is missing");
        }
        Builder builder = builder(apiKey.strip());
        Optional.ofNullable(environment.get(ENV_API_SECRET)).map(String::strip).ifPresent(builder::apiSecret);
        Optional.ofNullable(environment.get(ENV_ACCESS_TOKEN))
                .map(String::strip)
                .ifPresent(builder::accessToken);
        Optional.ofNullable(environment.get(ENV_API_URL))
                .filter(url -> !url.isBlank())
                .ifPresent(url -> builder.apiUrl(uri("apiUrl (" + ENV_API_URL + ")", url)));
        Optional.ofNullable(environment.get(ENV_WS_URL))
                .filter(url -> !url.isBlank())
                .ifPresent(url -> builder.wsUrl(uri("wsUrl (" + ENV_WS_URL + ")", url)));
        return builder;
    }

    /** Kite's limits as this configuration states them, for the rate-limit guard under {@code zerodha}. */
    public BrokerRateLimits rateLimits() {
        Map<EndpointFamily, FamilyLimits> families = new EnumMap<>(EndpointFamily.class);
        families.put(EndpointFamily.ORDERS, new FamilyLimits(ordersPerSecond, ordersPerMinute, ordersPerDay));
        families.put(EndpointFamily.QUERIES, FamilyLimits.perSecond(queriesPerSecond));
        families.put(EndpointFamily.QUOTES, FamilyLimits.perSecond(quotesPerSecond));
        Map<EndpointFamily, EndpointFamily> shared = Map.of();
        if (modificationsCountAsOrders) {
            shared = Map.of(EndpointFamily.MODIFICATIONS, EndpointFamily.ORDERS);
        } else {
            families.put(EndpointFamily.MODIFICATIONS, FamilyLimits.perSecond(ordersPerSecond));
        }
        return new BrokerRateLimits(families, shared, maxModificationsPerOrder, IST);
    }

    /** The session of {@code exchange}, if configured. */
    public Optional<TradingSession> session(String exchange) {
        return Optional.ofNullable(sessions.get(exchange.toUpperCase(Locale.ROOT)));
    }

    /** The AMO window of {@code exchange}, if configured. */
    public Optional<AmoWindow> amoWindow(String exchange) {
        return Optional.ofNullable(amoWindows.get(exchange.toUpperCase(Locale.ROOT)));
    }

    /** NSE/BSE cash and F&amp;O 09:15-15:30, currency 09:00-17:00, MCX 09:00-23:30; no holidays. */
    public static Map<String, TradingSession> defaultSessions() {
        TradingSession equities = TradingSession.indianEquities(Set.of());
        Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        TradingSession currency = new TradingSession(IST, LocalTime.of(9, 0), LocalTime.of(17, 0), weekdays, Set.of());
        TradingSession commodity =
                new TradingSession(IST, LocalTime.of(9, 0), LocalTime.of(23, 30), weekdays, Set.of());
        Map<String, TradingSession> sessions = new LinkedHashMap<>();
        for (String exchange : new String[] {"NSE", "BSE", "NFO", "BFO"}) {
            sessions.put(exchange, equities);
        }
        sessions.put("CDS", currency);
        sessions.put("BCD", currency);
        sessions.put("MCX", commodity);
        return sessions;
    }

    /**
     * The AMO windows of Zerodha's current support article: equity 16:00-08:58, currency
     * 17:00-08:59, F&amp;O 15:45-09:10, MCX 23:30-08:58. An older article says equity 15:45-08:57.
     */
    public static Map<String, AmoWindow> defaultAmoWindows() {
        Map<String, AmoWindow> windows = new LinkedHashMap<>();
        windows.put("NSE", AmoWindow.of("16:00", "08:58"));
        windows.put("BSE", AmoWindow.of("16:00", "08:58"));
        windows.put("CDS", AmoWindow.of("17:00", "08:59"));
        windows.put("BCD", AmoWindow.of("17:00", "08:59"));
        windows.put("NFO", AmoWindow.of("15:45", "09:10"));
        windows.put("BFO", AmoWindow.of("15:45", "09:10"));
        windows.put("MCX", AmoWindow.of("23:30", "08:58"));
        return windows;
    }

    @Override
    public String toString() {
        return "KiteConfig{apiKey=" + apiKey
                + ", apiSecret=" + apiSecret.map(secret -> "***").orElse("<none>")
                + ", accessToken=" + accessToken.map(token -> "***").orElse("<none>")
                + ", apiUrl=" + apiUrl + ", wsUrl=" + wsUrl + ", loginUrl=" + loginUrl
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", writeTimeout=" + writeTimeout + ", callTimeout=" + callTimeout
                + ", marketProtection=" + marketProtection.toPlainString()
                + ", amoOutsideMarketHours=" + amoOutsideMarketHours + ", amoWindows=" + amoWindows
                + ", sessions=" + sessions.keySet() + ", icebergTagPrefix=" + icebergTagPrefix
                + ", ordersPerSecond=" + ordersPerSecond + ", ordersPerMinute=" + ordersPerMinute
                + ", ordersPerDay=" + ordersPerDay + ", queriesPerSecond=" + queriesPerSecond
                + ", quotesPerSecond=" + quotesPerSecond + ", maxModificationsPerOrder=" + maxModificationsPerOrder
                + ", modificationsCountAsOrders=" + modificationsCountAsOrders
                + ", rateLimitBackoff=" + rateLimitBackoff + ", quotesMaxWait=" + quotesMaxWait
                + ", streamInitialBackoff=" + streamInitialBackoff + ", streamMaxBackoff=" + streamMaxBackoff
                + ", streamIdleTimeout=" + streamIdleTimeout + ", tokenExpiry=" + tokenExpiry
                + ", lapsedIsTerminal=" + lapsedIsTerminal + ", algoId=" + algoId.orElse("<none>") + "}";
    }

    private static <V> Map<String, V> upperKeys(Map<String, V> map) {
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(
                requireNonNull(key, "exchange is null").toUpperCase(Locale.ROOT),
                requireNonNull(value, "value of " + key + " is null")));
        return Map.copyOf(copy);
    }

    private static URI uri(String key, String text) {
        try {
            return URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " is not a URL: " + e.getMessage(), e);
        }
    }

    private static void httpUrl(String key, URI url, String plain, String secure) {
        requireNonNull(url, key + " is null");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals(plain) || scheme.equals(secure)) || url.getHost() == null) {
            throw new IllegalArgumentException(key + " must be a " + plain + " or " + secure + " URL, got " + url);
        }
        if (url.getRawQuery() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(key + " must carry no query or credentials");
        }
    }

    private static void atLeast(String key, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(key + " must be at least " + minimum + ", got " + value);
        }
    }

    private static void notNegative(String key, Duration value) {
        requireNonNull(value, key + " is null");
        if (value.isNegative()) {
            throw new IllegalArgumentException(key + " must not be negative, got " + value);
        }
    }

    private static void positive(String key, Duration value) {
        notNegative(key, value);
        if (value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }

    /** Builds a {@link KiteConfig} from the defaults; {@link #build()} validates. */
    public static final class Builder {
        private final String apiKey;
        private String apiSecret;
        private String accessToken;
        private URI apiUrl = DEFAULT_API_URL;
        private URI wsUrl = DEFAULT_WS_URL;
        private URI loginUrl = DEFAULT_LOGIN_URL;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(7);
        private Duration writeTimeout = Duration.ofSeconds(7);
        private Duration callTimeout = Duration.ofSeconds(15);
        private BigDecimal marketProtection = BigDecimal.ONE.negate();
        private boolean amoOutsideMarketHours;
        private Map<String, AmoWindow> amoWindows = defaultAmoWindows();
        private Map<String, TradingSession> sessions = defaultSessions();
        private String icebergTagPrefix = "iceberg:";
        private int ordersPerSecond = 10;
        private int ordersPerMinute = 200;
        private int ordersPerDay = 5_000;
        private int queriesPerSecond = 10;
        private int quotesPerSecond = 1;
        private int maxModificationsPerOrder = 25;
        private boolean modificationsCountAsOrders = true;
        private Duration rateLimitBackoff = Duration.ofSeconds(1);
        private Duration quotesMaxWait = Duration.ZERO;
        private Duration streamInitialBackoff = Duration.ofSeconds(2);
        private Duration streamMaxBackoff = Duration.ofSeconds(60);
        private Duration streamIdleTimeout = Duration.ofSeconds(10);
        private LocalTime tokenExpiry = LocalTime.of(6, 0);
        private boolean lapsedIsTerminal = true;
        private String algoId;

        private Builder(String apiKey) {
            this.apiKey = apiKey;
        }

        public Builder apiSecret(String apiSecret) {
            this.apiSecret = apiSecret;
            return this;
        }

        public Builder accessToken(String accessToken) {
            this.accessToken = accessToken;
            return this;
        }

        public Builder apiUrl(URI apiUrl) {
            this.apiUrl = apiUrl;
            return this;
        }

        public Builder wsUrl(URI wsUrl) {
            this.wsUrl = wsUrl;
            return this;
        }

        public Builder loginUrl(URI loginUrl) {
            this.loginUrl = loginUrl;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        public Builder writeTimeout(Duration writeTimeout) {
            this.writeTimeout = writeTimeout;
            return this;
        }

        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
            return this;
        }

        public Builder marketProtection(BigDecimal marketProtection) {
            this.marketProtection = marketProtection;
            return this;
        }

        public Builder amoOutsideMarketHours(boolean amoOutsideMarketHours) {
            this.amoOutsideMarketHours = amoOutsideMarketHours;
            return this;
        }

        public Builder amoWindows(Map<String, AmoWindow> amoWindows) {
            this.amoWindows = amoWindows;
            return this;
        }

        public Builder sessions(Map<String, TradingSession> sessions) {
            this.sessions = sessions;
            return this;
        }

        public Builder icebergTagPrefix(String icebergTagPrefix) {
            this.icebergTagPrefix = icebergTagPrefix;
            return this;
        }

        public Builder ordersPerSecond(int ordersPerSecond) {
            this.ordersPerSecond = ordersPerSecond;
            return this;
        }

        public Builder ordersPerMinute(int ordersPerMinute) {
            this.ordersPerMinute = ordersPerMinute;
            return this;
        }

        public Builder ordersPerDay(int ordersPerDay) {
            this.ordersPerDay = ordersPerDay;
            return this;
        }

        public Builder queriesPerSecond(int queriesPerSecond) {
            this.queriesPerSecond = queriesPerSecond;
            return this;
        }

        public Builder quotesPerSecond(int quotesPerSecond) {
            this.quotesPerSecond = quotesPerSecond;
            return this;
        }

        public Builder maxModificationsPerOrder(int maxModificationsPerOrder) {
            this.maxModificationsPerOrder = maxModificationsPerOrder;
            return this;
        }

        public Builder modificationsCountAsOrders(boolean modificationsCountAsOrders) {
            this.modificationsCountAsOrders = modificationsCountAsOrders;
            return this;
        }

        public Builder rateLimitBackoff(Duration rateLimitBackoff) {
            this.rateLimitBackoff = rateLimitBackoff;
            return this;
        }

        public Builder quotesMaxWait(Duration quotesMaxWait) {
            this.quotesMaxWait = quotesMaxWait;
            return this;
        }

        public Builder streamInitialBackoff(Duration streamInitialBackoff) {
            this.streamInitialBackoff = streamInitialBackoff;
            return this;
        }

        public Builder streamMaxBackoff(Duration streamMaxBackoff) {
            this.streamMaxBackoff = streamMaxBackoff;
            return this;
        }

        public Builder streamIdleTimeout(Duration streamIdleTimeout) {
            this.streamIdleTimeout = streamIdleTimeout;
            return this;
        }

        public Builder tokenExpiry(LocalTime tokenExpiry) {
            this.tokenExpiry = tokenExpiry;
            return this;
        }

        public Builder lapsedIsTerminal(boolean lapsedIsTerminal) {
            this.lapsedIsTerminal = lapsedIsTerminal;
            return this;
        }

        public Builder algoId(String algoId) {
            this.algoId = algoId;
            return this;
        }

        public KiteConfig build() {
            return new KiteConfig(
                    apiKey,
                    Optional.ofNullable(apiSecret),
                    Optional.ofNullable(accessToken),
                    apiUrl,
                    wsUrl,
                    loginUrl,
                    connectTimeout,
                    readTimeout,
                    writeTimeout,
                    callTimeout,
                    marketProtection,
                    amoOutsideMarketHours,
                    amoWindows,
                    sessions,
                    icebergTagPrefix,
                    ordersPerSecond,
                    ordersPerMinute,
                    ordersPerDay,
                    queriesPerSecond,
                    quotesPerSecond,
                    maxModificationsPerOrder,
                    modificationsCountAsOrders,
                    rateLimitBackoff,
                    quotesMaxWait,
                    streamInitialBackoff,
                    streamMaxBackoff,
                    streamIdleTimeout,
                    tokenExpiry,
                    lapsedIsTerminal,
                    Optional.ofNullable(algoId));
        }
    }
}
