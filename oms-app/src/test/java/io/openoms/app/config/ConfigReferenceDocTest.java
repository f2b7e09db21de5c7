package io.openoms.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.adapters.broker.mock.MockVenueConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The configuration reference in docs/operations.md lists every key the loader knows, and no other. */
class ConfigReferenceDocTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z][a-z0-9.\\[\\]-]*)` \\|(.*)$");

    @Test
    void every_configuration_key_is_documented_with_its_environment_variable() throws IOException {
        Map<String, String> documented = documentedRows();
        Set<String> known = knownKeys();

        assertThat(documented.keySet())
                .as("keys documented in docs/operations.md")
                .containsAll(known);
        ConfigLoader.ENVIRONMENT.forEach((variable, key) -> assertThat(documented.get(key))
                .as("the row of %s names %s", key, variable)
                .contains("`" + variable + "`"));
    }

    @Test
    void every_documented_key_exists() throws IOException {
        Set<String> known = knownKeys();

        for (String key : documentedRows().keySet()) {
            if (key.startsWith(MockVenueConfig.PREFIX)) {
                assertThat(mockVenueRefusal(key))
                        .as("%s is a key of the simulated venue", key)
                        .doesNotStartWith("unknown configuration key");
            } else {
                assertThat(known).as("documented key %s", key).contains(key);
            }
        }
    }

    /** Why the venue refuses {@code key} with a dummy value ("" when it takes it). */
    private static String mockVenueRefusal(String key) {
        try {
            MockVenueConfig.fromProperties(Map.of(key, "0"));
            return "";
        } catch (IllegalArgumentException e) {
            return String.valueOf(e.getMessage());
        }
    }

    /** Every key of the defaults, dotted; list entries as {@code accounts[].id}; maps and scalar lists whole. */
    private static Set<String> knownKeys() {
        JsonNode tree = ConfigJson.mapper().valueToTree(OmsConfig.defaults());
        Set<String> keys = new TreeSet<>();
        flatten(tree, "", keys);
        return keys;
    }

    private static void flatten(JsonNode node, String path, Set<String> into) {
        if (node.isObject() && !node.isEmpty()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), into);
            }
        } else if (node.isArray() && node.size() > 0 && node.get(0).isObject()) {
            node.forEach(entry -> flatten(entry, path + "[]", into));
        } else {
            into.add(path);
        }
    }

    /** Key to the rest of its table row, from the "Configuration reference" section. */
    private static Map<String, String> documentedRows() throws IOException {
        Path doc = Path.of("..", "docs", "operations.md");
        if (!Files.exists(doc)) {
            doc = Path.of("docs", "operations.md");
        }
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int start = text.indexOf("\n## Configuration reference");
        assertThat(start)
                .as("docs/operations.md has a Configuration reference section")
                .isPositive();
        int end = text.indexOf("\n## ", start + 1);
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : text.substring(start, end < 0 ? text.length() : end).split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                rows.put(row.group(1), row.group(2));
            }
        }
        return rows;
    }
}
