package io.openoms.app.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.openoms.domain.value.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The one mapper that reads and writes configuration: kebab-case keys, unknown keys refused, no
 * silent coercion of fractions to integers, decimals and amounts ({@link Money}) kept exact, enums in
 * lower case (read in any case), durations as {@code 250ms}/{@code 1s}/{@code 5m}, and {@link Secret}s written masked.
 */
final class ConfigJson {
    private ConfigJson() {}

    static ObjectMapper mapper() {
        YAMLFactory factory = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build();
        return YAMLMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .addModule(new Jdk8Module())
                .addModule(valuesModule())
                .build();
    }

    private static SimpleModule valuesModule() {
        SimpleModule module = new SimpleModule("openoms-config");
        text(module, Duration.class, Durations::parse, Durations::format);
        text(module, LocalTime.class, ConfigJson::time, LocalTime::toString);
        text(module, LocalDate.class, ConfigJson::date, LocalDate::toString);
        text(module, ZoneId.class, ConfigJson::zone, ZoneId::getId);
        module.addSerializer(Money.class, new JsonSerializer<>() {
            @Override
            public void serialize(Money value, JsonGenerator generator, SerializerProvider provider)
                    throws IOException {
                generator.writeNumber(value.amount());
            }
        });
        module.addDeserializer(Money.class, new JsonDeserializer<>() {
            @Override
            public Money deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (parser.currentToken().isNumeric()) {
                    return Money.of(parser.getDecimalValue());
                }
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                    return (Money) context.handleUnexpectedToken(Money.class, parser);
                }
                try {
                    return Money.of(new BigDecimal(parser.getText().trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + parser.getText() + "' is not an amount: use a number");
                }
            }
        });
        module.addSerializer(Secret.class, new JsonSerializer<>() {
            @Override
            public void serialize(Secret value, JsonGenerator generator, SerializerProvider provider)
                    throws IOException {
                if (value.isSet()) {
                    generator.writeString("***");
                } else {
                    generator.writeNull();
                }
            }
        });
        module.addDeserializer(Secret.class, new JsonDeserializer<>() {
            @Override
            public Secret deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (!parser.currentToken().isScalarValue()) {
                    return (Secret) context.handleUnexpectedToken(Secret.class, parser);
                }
                return Secret.of(parser.getText());
            }

            @Override
            public Secret getNullValue(DeserializationContext context) {
                return Secret.NONE;
            }
        });
        return module;
    }

    private static <T> void text(
            SimpleModule module, Class<T> type, Function<String, T> parse, Function<T, String> format) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(format.apply(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (parser.currentToken() != JsonToken.VALUE_STRING
                        && !parser.currentToken().isNumeric()) {
                    @SuppressWarnings("unchecked")
                    T refused = (T) context.handleUnexpectedToken(type, parser);
                    return refused;
                }
                return parse.apply(parser.getText());
            }
        });
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time of day: use HH:mm, e.g. 09:15");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date: use yyyy-MM-dd, e.g. 2025-10-02");
        }
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time zone: use a region such as Asia/Kolkata");
        }
    }
}
