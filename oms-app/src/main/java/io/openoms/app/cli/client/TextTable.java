package io.openoms.app.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An aligned text table for people: a header line, then one line per row, columns two spaces apart,
 * numbers right-aligned. Cells are printed exactly as given, so amounts stay as the server wrote them.
 */
final class TextTable {
    static final String ABSENT = "-";

    private final List<String> headers = new ArrayList<>();
    private final List<Boolean> rightAligned = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private boolean showHeader = true;

    /** A column whose cells are text, aligned left. */
    TextTable text(String header) {
        headers.add(header);
        rightAligned.add(false);
        return this;
    }

    /** A column whose cells are numbers, aligned right. */
    TextTable number(String header) {
        headers.add(header);
        rightAligned.add(true);
        return this;
    }

    /** Key-value blocks read better without a header line. */
    TextTable withoutHeader() {
        showHeader = false;
        return this;
    }

    TextTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(
                    "a row of " + cells.length + " cells in a table of " + headers.size() + " columns");
        }
        String[] copy = Arrays.stream(cells)
                .map(cell -> cell == null || cell.isEmpty() ? ABSENT : cell.replaceAll("[\\r\\n\\t]", " "))
                .toArray(String[]::new);
        rows.add(copy);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = showHeader ? headers.get(i).length() : 0;
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        if (showHeader) {
            printLine(out, headers.toArray(String[]::new), widths);
        }
        for (String[] row : rows) {
            printLine(out, row, widths);
        }
    }

    private void printLine(PrintWriter out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            String cell = cells[i];
            String padding = " ".repeat(widths[i] - cell.length());
            if (rightAligned.get(i)) {
                line.append(padding).append(cell);
            } else {
                line.append(cell).append(padding);
            }
        }
        out.println(line.toString().stripTrailing());
    }

    /** A field of a JSON object as a cell: its text exactly as the server sent it, or absent. */
    static String cell(JsonNode object, String field) {
        JsonNode value = object.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return ABSENT;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
