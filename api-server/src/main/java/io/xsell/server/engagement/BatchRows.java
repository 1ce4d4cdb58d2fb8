package io.xsell.server.engagement;

import com.fasterxml.jackson.databind.JsonNode;
import io.xsell.core.engagement.BatchKind;
import io.xsell.core.engagement.RejectedBatchException;
import io.xsell.core.engagement.RowError;
import io.xsell.core.model.Bounds;
import io.xsell.core.model.Campaign;
import io.xsell.core.model.InvalidFieldException;
import io.xsell.core.model.Touchpoint;
import io.xsell.core.model.UsageEvent;
import io.xsell.core.port.in.RecordEngagementCommand;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Turns the JSON array of a batch into model rows, checking every row and collecting every
 * problem with its index and field: a client fixes all of them in one round. The model's own
 * rules (non-negative cost, count >= 1, ...) are applied by its constructors and reported the same way.
 */
final class BatchRows {
    private static final Set<String> CAMPAIGN_FIELDS = Set.of("campaign_id", "name", "channel", "cost", "currency",
            "start_date", "end_date", "target_product_line");
    private static final Set<String> TOUCHPOINT_FIELDS = Set.of("customer_id", "campaign_id", "date");
    private static final Set<String> USAGE_FIELDS = Set.of("customer_id", "feature", "date", "count");

    /** Like an import's, a batch's error list has a cap, so that its answer stays small. */
    static final int MAX_ERRORS = 1000;

    private final List<RowError> errors = new ArrayList<>();
    private long omitted;
    private int index;
    private final Set<String> failedFields = new java.util.HashSet<>();
    private boolean rowFailed;

    private BatchRows() {
    }

    /**
     * The rows of {@code body}'s array named after the kind.
     *
     * @throws RejectedBatchException listing every problem; nothing is stored then
     */
    static List<?> read(BatchKind kind, JsonNode body) {
        BatchRows rows = new BatchRows();
        String name = kind.code();
        if (body == null || !body.isObject()) {
            throw rejected(-1, name, "the body must be a JSON object with an array '" + name + "'");
        }
        JsonNode array = body.get(name);
        if (array == null || !array.isArray()) {
            throw rejected(-1, name, "the body must hold an array '" + name + "'");
        }
        if (array.isEmpty() || array.size() > RecordEngagementCommand.MAX_ROWS) {
            throw rejected(-1, name, "a batch holds 1 to " + RecordEngagementCommand.MAX_ROWS + " rows, this one "
                    + array.size());
        }
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String other = names.next();
            if (!other.equals(name)) {
                rows.fail(-1, Bounds.cut(other), "unknown field " + Bounds.quote(other));
            }
        }
        List<Object> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            Object row = rows.row(kind, i, array.get(i));
            if (row != null) {
                result.add(row);
            }
        }
        if (!rows.errors.isEmpty()) {
            if (rows.omitted > 0) {
                rows.errors.add(new RowError(-1, null, "at least " + rows.omitted + " more error(s) were omitted; only "
                        + "the first " + MAX_ERRORS + " are listed"));
            }
            throw new RejectedBatchException(rows.errors);
        }
        return result;
    }

    private static RejectedBatchException rejected(int index, String field, String message) {
        return new RejectedBatchException(List.of(new RowError(index, field, message)));
    }

    private Object row(BatchKind kind, int i, JsonNode node) {
        index = i;
        rowFailed = false;
        failedFields.clear();
        if (!node.isObject()) {
            fail(i, null, "row must be a JSON object");
            return null;
        }
        Set<String> known = switch (kind) {
            case CAMPAIGNS -> CAMPAIGN_FIELDS;
            case TOUCHPOINTS -> TOUCHPOINT_FIELDS;
            case USAGE_EVENTS -> USAGE_FIELDS;
        };
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!known.contains(field)) {
                fail(i, Bounds.cut(field), "unknown field " + Bounds.quote(field) + " (expected " + String.join(", ", known.stream().sorted().toList())
                        + ")");
            }
        }
        try {
            Object row = switch (kind) {
                case CAMPAIGNS -> campaign(node);
                case TOUCHPOINTS -> new Touchpoint(text(node, "customer_id"), text(node, "campaign_id"),
                        date(node, "date"));
                case USAGE_EVENTS -> new UsageEvent(text(node, "customer_id"), text(node, "feature"),
                        date(node, "date"), count(node));
            };
            return rowFailed ? null : row;
        } catch (InvalidFieldException e) {
            // a field already reported (null here) trips the model's own check: say it once
            if (!failedFields.contains(e.field())) {
                fail(i, e.field(), e.getMessage());
            }
            return null;
        }
    }

    private Campaign campaign(JsonNode node) {
        return new Campaign(text(node, "campaign_id"), text(node, "name"), text(node, "channel"), decimal(node, "cost"),
                text(node, "currency"), date(node, "start_date"), date(node, "end_date"),
                text(node, "target_product_line"));
    }

    private void fail(int row, String field, String message) {
        rowFailed = true;
        failedFields.add(field);
        if (errors.size() < MAX_ERRORS) {
            errors.add(new RowError(row, field, message));
        } else {
            omitted++;
        }
    }

    /** Null for an absent or null member; a non-string is reported. */
    private String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            fail(index, field, field + " must be a string");
            return null;
        }
        return value.asText();
    }

    private LocalDate date(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        fail(index, field, Bounds.quote(text) + " is not a valid date; expected YYYY-MM-DD");
        return null;
    }

    private BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            fail(index, field, field + " must be a number in the currency's major unit, e.g. 1200.50");
            return null;
        }
        try {
            // read as a decimal (never a double), so 1e200000000 arrives as a short BigDecimal: the bound
            // judges it by precision and scale without writing it out
            return Bounds.wireDecimal(value.decimalValue(), field);
        } catch (InvalidFieldException e) {
            fail(index, field, e.getMessage());
        } catch (NumberFormatException e) {
            fail(index, field, field + " is out of range");
        }
        return null;
    }

    private int count(JsonNode node) {
        JsonNode value = node.get("count");
        if (value == null || value.isNull()) {
            return 1;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            fail(index, "count", "count must be a whole number >= 1");
            return 1;
        }
        return value.intValue();
    }
}
