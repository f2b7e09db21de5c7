package io.openoms.app.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the configuration: the defaults ({@link OmsConfig#defaults()}), then {@code oms.yaml} if one
 * is given ({@code --config} or {@code OMS_CONFIG}), then the environment variables of {@link
 * #ENVIRONMENT}, each winning over the one before. An environment variable set to the empty string
 * counts as unset. A section the file gives is merged key by key over the defaults; a list the file
 * gives ({@code accounts}, {@code instruments}) replaces the default list, each entry filled from
 * that list's entry defaults. Unknown keys and invalid values are refused with a {@link
 * ConfigException} naming the key, the environment variable that set it if one did, and what is
 * allowed.
 */
public final class ConfigLoader {
    /** The environment variables read, and the key each one sets. */
    public static final Map<String, String> ENVIRONMENT = environment();

    public static final String CONFIG_FILE_VARIABLE = "OMS_CONFIG";

    private static final Pattern KEY_PREFIX = Pattern.compile("^([a-z][a-z0-9-]*(?:, [a-z][a-z0-9-]*)*): (.*)$");
    private static final Map<String, ObjectNode> ENTRY_DEFAULTS = entryDefaults();

    private final ObjectMapper mapper = ConfigJson.mapper();
    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    }

    /** The file named by {@code option}, else by {@code OMS_CONFIG}, else none. */
    public Optional<Path> configFile(Optional<Path> option) {
        requireNonNull(option, "option is null");
        return option.or(() -> variable(CONFIG_FILE_VARIABLE).map(Path::of));
    }

    /** Loads the configuration from {@code file} (if any) and the environment. */
    public OmsConfig load(Optional<Path> file) {
        requireNonNull(file, "file is null");
        if (file.isEmpty()) {
            return parse("", "defaults");
        }
        Path path = file.get();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file " + path + " does not exist (given by --config or "
                    + CONFIG_FILE_VARIABLE + ")");
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + path + ": " + e.getMessage(), e);
        }
        return parse(text, path.toString());
    }

    /** Parses {@code yaml} (named {@code source} in messages) over the defaults, then applies the environment. */
    public OmsConfig parse(String yaml, String source) {
        requireNonNull(yaml, "yaml is null");
        requireNonNull(source, "source is null");
        ObjectNode user = readTree(yaml, source);
        Map<String, String> fromEnvironment = new LinkedHashMap<>();
        ENVIRONMENT.forEach((name, key) -> variable(name).ifPresent(value -> {
            set(user, key, value);
            fromEnvironment.put(key, name);
        }));
        JsonNode merged = merge(mapper.valueToTree(OmsConfig.defaults()), user, "");
        try {
            flattenMockVenue(merged);
            return mapper.treeToValue(merged, OmsConfig.class);
        } catch (ConfigException e) {
            throw e;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ConfigException(describe(e, fromEnvironment, source), e);
        }
    }

    /** The configuration as YAML, secrets masked: what {@code oms config} prints. */
    public static String render(OmsConfig config) {
        ObjectMapper mapper = ConfigJson.mapper();
        try {
            JsonNode tree = mapper.valueToTree(config);
            redactUrls(tree);
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the configuration", e);
        }
    }

    /** Credentials inside URLs ({@code ?password=…}) are masked like every other secret. */
    private static void redactUrls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    field.setValue(
                            TextNode.valueOf(Secret.redactUrl(field.getValue().asText())));
                } else {
                    redactUrls(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(ConfigLoader::redactUrls);
        }
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isEmpty());
    }

    private ObjectNode readTree(String yaml, String source) {
        if (yaml.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where =
                    e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            throw new ConfigException(source + where + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new ConfigException(source + ": must be a mapping of sections (http:, database:, broker:, …)");
        }
        return object;
    }

    private static void set(ObjectNode root, String key, String value) {
        String[] parts = key.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], TextNode.valueOf(value));
    }

    private static JsonNode merge(JsonNode defaults, JsonNode user, String path) {
        boolean empty = user == null
                || user.isNull()
                || (user.isTextual() && user.asText().isEmpty());
        if (user == null || (empty && defaults != null && defaults.isObject())) {
            return defaults;
        }
        if (user.isObject() && defaults != null && defaults.isObject()) {
            ObjectNode merged = ((ObjectNode) defaults).deepCopy();
            Iterator<Map.Entry<String, JsonNode>> fields = user.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                merged.set(field.getKey(), merge(merged.get(field.getKey()), field.getValue(), childPath));
            }
            return merged;
        }
        ObjectNode entryDefaults = ENTRY_DEFAULTS.get(path);
        if (user.isArray() && entryDefaults != null) {
            var entries = JsonNodeFactory.instance.arrayNode();
            for (JsonNode entry : user) {
                entries.add(entry.isObject() ? merge(entryDefaults, entry, path + "[]") : entry);
            }
            return entries;
        }
        return user;
    }

    /** {@code broker.mock} is the venue's own key space: nested keys become dotted ones ({@code fees.basis-points}). */
    private static void flattenMockVenue(JsonNode merged) {
        JsonNode broker = merged.get("broker");
        if (broker == null
                || !broker.isObject()
                || broker.get("mock") == null
                || broker.get("mock").isNull()) {
            if (broker instanceof ObjectNode object) {
                object.putObject("mock");
            }
            return;
        }
        JsonNode mock = broker.get("mock");
        if (!mock.isObject()) {
            throw new ConfigException("broker.mock: must be a mapping of the simulated venue's keys (seed:, fees:, …)");
        }
        Map<String, String> flat = new TreeMap<>();
        flatten(mock, "", flat);
        ObjectNode replaced = ((ObjectNode) broker).putObject("mock");
        flat.forEach(replaced::put);
    }

    private static void flatten(JsonNode node, String prefix, Map<String, String> into) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(value, key + ".", into);
            } else if (value.isValueNode() && !value.isNull()) {
                into.put(key, value.asText());
            } else {
                throw new ConfigException("broker.mock." + key + ": must be a single value");
            }
        }
    }

    private static String describe(Exception e, Map<String, String> fromEnvironment, String source) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String key = path(unknown);
            String parent = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : "the top level";
            return withSource(
                    "unknown key '" + key + "'; allowed under " + parent + ": " + names(unknown.getKnownPropertyIds()),
                    source);
        }
        if (e instanceof InvalidFormatException invalid) {
            String key = path(invalid);
            Class<?> target = invalid.getTargetType();
            String allowed = target != null && target.isEnum()
                    ? "allowed: "
                            + Arrays.stream(target.getEnumConstants())
                                    .map(constant -> constant.toString().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.joining(", "))
                    : "expected " + typeName(target);
            return withSource(
                    key + origin(key, fromEnvironment) + ": invalid value '" + invalid.getValue() + "'; " + allowed,
                    source);
        }
        if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            Throwable cause = instantiation.getCause();
            if (cause instanceof ConfigException config) {
                return config.getMessage();
            }
            return keyed(path(instantiation), String.valueOf(cause.getMessage()), fromEnvironment, source);
        }
        if (e instanceof JsonMappingException mapping) {
            String key = path(mapping);
            Throwable cause = mapping.getCause();
            if (cause instanceof ConfigException config) {
                return config.getMessage();
            }
            if (cause instanceof IllegalArgumentException) {
                return withSource(key + origin(key, fromEnvironment) + ": " + cause.getMessage(), source);
            }
            if (mapping instanceof MismatchedInputException mismatched) {
                return withSource(
                        key + origin(key, fromEnvironment) + ": expected " + typeName(mismatched.getTargetType()),
                        source);
            }
            return withSource(key + ": " + mapping.getOriginalMessage(), source);
        }
        return withSource(String.valueOf(e.getMessage()), source);
    }

    /** A constructor's "key: problem" under {@code parent}, as "parent.key: problem". */
    private static String keyed(String parent, String message, Map<String, String> fromEnvironment, String source) {
        Matcher matcher = KEY_PREFIX.matcher(message);
        if (!matcher.matches()) {
            return withSource((parent.isEmpty() ? "" : parent + ": ") + message, source);
        }
        String keys = Arrays.stream(matcher.group(1).split(", "))
                .map(key -> parent.isEmpty() ? key : parent + "." + key)
                .collect(Collectors.joining(", "));
        return withSource(keys + origin(keys, fromEnvironment) + ": " + matcher.group(2), source);
    }

    private static String origin(String key, Map<String, String> fromEnvironment) {
        String variable = fromEnvironment.get(key);
        return variable == null ? "" : " (from " + variable + ")";
    }

    private static String withSource(String message, String source) {
        return message + " [" + source + "]";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String names(Collection<Object> ids) {
        return ids == null
                ? "(none)"
                : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "a mapping of keys";
        }
        return "a " + type.getSimpleName();
    }

    private static Map<String, String> environment() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("OMS_DATA_DIR", "data-dir");
        keys.put("OMS_HTTP_HOST", "http.host");
        keys.put("OMS_HTTP_PORT", "http.port");
        keys.put("OMS_DB_URL", "database.url");
        keys.put("OMS_DB_USER", "database.user");
        keys.put("OMS_DB_PASSWORD", "database.password");
        keys.put("OMS_BROKER", "broker.type");
        keys.put("OMS_ADMIN_API_KEY", "security.admin-api-key");
        keys.put("OMS_KITE_API_KEY", "broker.zerodha.api-key");
        keys.put("OMS_KITE_API_SECRET", "broker.zerodha.api-secret");
        keys.put("OMS_KITE_ACCESS_TOKEN", "broker.zerodha.access-token");
        keys.put("OMS_KITE_API_URL", "broker.zerodha.api-url");
        keys.put("OMS_KITE_WS_URL", "broker.zerodha.ws-url");
        keys.put("OMS_ALPACA_KEY_ID", "broker.alpaca.key-id");
        keys.put("OMS_ALPACA_SECRET_KEY", "broker.alpaca.secret-key");
        keys.put("OMS_ALPACA_API_URL", "broker.alpaca.api-url");
        keys.put("OMS_ALPACA_STREAM_URL", "broker.alpaca.stream-url");
        keys.put("OMS_SIGNALS_REDIS_URL", "signals.redis.url");
        return java.util.Collections.unmodifiableMap(keys);
    }

    private static Map<String, ObjectNode> entryDefaults() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode account = nodes.objectNode().put("accounting-method", "average_cost");
        ObjectNode instrument = nodes.objectNode()
                .put("tick-size", new java.math.BigDecimal("0.05"))
                .put("lot-size", java.math.BigDecimal.ONE)
                .put("currency", "INR");
        return Map.of("accounts", account, "instruments", instrument);
    }
}
