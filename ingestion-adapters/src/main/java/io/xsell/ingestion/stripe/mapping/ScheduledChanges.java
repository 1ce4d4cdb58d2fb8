package io.xsell.ingestion.stripe.mapping;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a subscription schedule says about its subscription's history: each phase that has begun
 * set its items' prices and quantities on its {@code start_date}
 * (<a href="https://docs.stripe.com/api/subscription_schedules/object">the schedule object</a>,
 * <a href="https://docs.stripe.com/billing/subscriptions/subscription-schedules">phases</a>). The
 * first phase is the subscription's start, which its items' own dates already give. A phase has
 * begun when it is the schedule's {@code current_phase} or an earlier one, or, once the schedule
 * is completed, released or canceled, when it started before that moment.
 */
final class ScheduledChanges {
    /** A phase item: from {@code day}, the subscription's item of this price's product runs at this price and quantity. */
    record Change(String subscription, String priceId, long quantity, LocalDate day) {
    }

    private ScheduledChanges() {
    }

    static List<Change> of(JsonObject schedule) {
        String subscription = string(schedule, "subscription");
        if (subscription == null) {
            subscription = string(schedule, "released_subscription");
        }
        Long begunBy = begunBy(schedule);
        if (subscription == null || begunBy == null || !(schedule.get("phases") instanceof com.google.gson.JsonArray phases)) {
            return List.of();
        }
        List<Change> changes = new ArrayList<>();
        for (int i = 1; i < phases.size(); i++) {
            if (!(phases.get(i) instanceof JsonObject phase) || !phase.has("start_date")
                    || phase.get("start_date").getAsLong() > begunBy
                    || !(phase.get("items") instanceof com.google.gson.JsonArray items)) {
                continue;
            }
            LocalDate day = StripeAmounts.day(phase.get("start_date").getAsLong());
            for (JsonElement element : items) {
                if (!(element instanceof JsonObject item)) {
                    continue;
                }
                JsonElement price = item.get("price");
                String priceId = price instanceof JsonObject expanded ? string(expanded, "id")
                        : price == null || price.isJsonNull() ? null : price.getAsString();
                long quantity = item.has("quantity") && !item.get("quantity").isJsonNull()
                        ? item.get("quantity").getAsLong() : 1;
                if (priceId != null) {
                    changes.add(new Change(subscription, priceId, quantity, day));
                }
            }
        }
        return changes;
    }

    /** The latest moment the schedule's phases have begun by; null when none has (not started). */
    private static Long begunBy(JsonObject schedule) {
        String status = string(schedule, "status");
        String field = switch (status == null ? "" : status) {
            case "completed" -> "completed_at";
            case "released" -> "released_at";
            case "canceled" -> "canceled_at";
            default -> null;
        };
        if (field != null) {
            return schedule.get(field) == null || schedule.get(field).isJsonNull() ? null
                    : schedule.get(field).getAsLong();
        }
        if (schedule.get("current_phase") instanceof JsonObject current && current.has("start_date")) {
            return current.get("start_date").getAsLong();
        }
        return null;
    }

    private static String string(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
