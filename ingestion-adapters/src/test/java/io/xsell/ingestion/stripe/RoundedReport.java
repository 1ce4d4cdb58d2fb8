package io.xsell.ingestion.stripe;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Map;

/** A report as text with every decimal rounded to the cent: two reports equal to the cent print the same. */
public final class RoundedReport {
    private RoundedReport() {
    }

    public static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, "");
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        } else if (value instanceof Collection<?> collection) {
            out.append("[\n");
            for (Object element : collection) {
                out.append(indent).append("  ");
                write(element, out, indent + "  ");
                out.append('\n');
            }
            out.append(indent).append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append(new java.util.TreeMap<>(map));
        } else if (value.getClass().isRecord()) {
            out.append(value.getClass().getSimpleName()).append("{\n");
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                out.append(indent).append("  ").append(component.getName()).append('=');
                try {
                    write(component.getAccessor().invoke(value), out, indent + "  ");
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                out.append('\n');
            }
            out.append(indent).append('}');
        } else {
            out.append(value);
        }
    }
}
