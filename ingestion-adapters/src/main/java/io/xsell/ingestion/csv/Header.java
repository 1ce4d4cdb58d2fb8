package io.xsell.ingestion.csv;

import io.xsell.core.model.Bounds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header row of one file. Names are trimmed; a column with an empty name is ignored (spreadsheet
 * exports often end rows with a separator). Missing required and duplicate names are reported on line 1.
 */
final class Header {
    private static final int HEADER_LINE = 1;

    private final ImportFile file;
    private final ErrorCollector errors;
    private final int cellCount;
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final String[] nameByIndex;
    private final List<String> namesInOrder = new ArrayList<>();
    private boolean complete = true;

    Header(ImportFile file, Row record, ErrorCollector errors) {
        this.file = file;
        this.errors = errors;
        this.cellCount = record.size();
        this.nameByIndex = new String[cellCount];
        for (int i = 0; i < record.size(); i++) {
            String name = record.raw(i).trim();
            nameByIndex[i] = name.isEmpty() ? null : name;
            if (name.isEmpty()) {
                continue;
            }
            if (name.length() > Bounds.ATTRIBUTE_NAME_MAX) {
                errors.add(file, HEADER_LINE, name, "a column name has at most " + Bounds.ATTRIBUTE_NAME_MAX
                        + " characters, this one " + name.length());
                complete = false;
                continue;
            }
            Integer first = indexByName.putIfAbsent(name, i);
            if (first != null) {
                errors.add(file, HEADER_LINE, name, "column " + Bounds.quote(name) + " appears twice in the header (columns "
                        + (first + 1) + " and " + (i + 1) + ")");
                complete = false;
            } else {
                namesInOrder.add(name);
            }
        }
    }

    Col required(String name) {
        Col col = optional(name);
        if (!col.present()) {
            errors.add(file, HEADER_LINE, name, "required column " + Bounds.quote(name) + " is missing from the header");
            complete = false;
        }
        return col;
    }

    Col optional(String name) {
        Integer index = indexByName.get(name);
        return new Col(name, index == null ? -1 : index);
    }

    /** Every named column not in {@code known}, in header order. */
    List<Col> othersThan(Set<String> known) {
        List<Col> others = new ArrayList<>();
        for (String name : namesInOrder) {
            if (!known.contains(name)) {
                others.add(new Col(name, indexByName.get(name)));
            }
        }
        return others;
    }

    /** The name of the column at {@code index}, or null for an unnamed one. */
    String nameAt(int index) {
        return index < nameByIndex.length ? nameByIndex[index] : null;
    }

    /** Number of cells in the header row, empty names included: every data row must have as many. */
    int cellCount() {
        return cellCount;
    }

    /** False when a required column is missing or a name repeats; the rows are then not worth reading. */
    boolean complete() {
        return complete;
    }
}
