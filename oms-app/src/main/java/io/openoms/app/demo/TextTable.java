package io.openoms.app.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with aligned columns: text left-aligned, the columns marked numeric
 * right-aligned, two spaces between columns, no padding after the last one.
 */
final class TextTable {
    private final List<String> headers;
    private final boolean[] numeric;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = List.of(headers);
        this.numeric = new boolean[headers.length];
    }

    /** Right-aligns the named columns. */
    TextTable numeric(String... columns) {
        for (String column : columns) {
            int index = headers.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + column + " in " + headers);
            }
            numeric[index] = true;
        }
        return this;
    }

    TextTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(
                    "a row of " + headers.size() + " cells expected, got " + Arrays.asList(cells));
        }
        rows.add(List.of(cells));
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        out.println(line(headers, widths));
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
    }

    private String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            String cell = cells.get(i);
            String padding = " ".repeat(widths[i] - cell.length());
            line.append(numeric[i] ? padding + cell : cell + padding);
        }
        return line.toString().stripTrailing();
    }
}
