package io.openoms.app.text;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An aligned text table for people: a header line, then one line per row, columns two spaces apart,
 * numbers right-aligned. Cells are printed exactly as given, so amounts stay as they were written; an
 * empty cell shows as {@value #ABSENT}. The CLI's client commands and {@code oms demo} print with it.
 */
public final class TextTable {
    public static final String ABSENT = "-";

    private final List<String> headers = new ArrayList<>();
    private final List<Boolean> rightAligned = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private boolean showHeader = true;

    /** A column whose cells are text, aligned left. */
    public TextTable text(String header) {
        headers.add(header);
        rightAligned.add(false);
        return this;
    }

    /** A column whose cells are numbers, aligned right. */
    public TextTable number(String header) {
        headers.add(header);
        rightAligned.add(true);
        return this;
    }

    /** Key-value blocks read better without a header line. */
    public TextTable withoutHeader() {
        showHeader = false;
        return this;
    }

    public TextTable row(String... cells) {
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

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public void print(PrintWriter out) {
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
}
