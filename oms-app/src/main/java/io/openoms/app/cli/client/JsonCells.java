package io.openoms.app.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.text.TextTable;

/** Table cells read from the server's JSON answers. */
final class JsonCells {
    private JsonCells() {}

    /** A field of a JSON object as a cell: its text exactly as the server sent it, or absent. */
    static String cell(JsonNode object, String field) {
        JsonNode value = object.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return TextTable.ABSENT;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
