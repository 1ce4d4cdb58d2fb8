package io.xsell.ingestion.stripe.fake;

import io.xsell.ingestion.stripe.StripeObjectType;
import io.xsell.ingestion.stripe.StripeSnapshot;
import io.xsell.ingestion.stripe.sync.BackfillPlan;
import io.xsell.ingestion.stripe.sync.BackfillStore;
import io.xsell.ingestion.stripe.sync.SliceState;
import io.xsell.ingestion.stripe.sync.StripeRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/** A backfill store in memory, with the same all-or-nothing page semantics as the database one. */
public final class InMemoryStripeMirror implements BackfillStore, StripeSnapshot {
    private final Map<StripeObjectType, Map<String, StripeRecord>> objects = new LinkedHashMap<>();
    private final Map<String, SliceState> slices = new LinkedHashMap<>();
    private BackfillPlan plan;
    private long pagesSaved;
    private long objectsWritten;

    @Override
    public synchronized Optional<ResumePoint> resumePoint() {
        return plan == null ? Optional.empty() : Optional.of(new ResumePoint(plan, new ArrayList<>(slices.values())));
    }

    @Override
    public synchronized void startPlan(BackfillPlan plan) {
        this.plan = plan;
        slices.clear();
        plan.slices().forEach(s -> slices.put(s.key(), SliceState.fresh(s)));
    }

    @Override
    public synchronized void savePage(SliceState after, List<StripeRecord> records) {
        apply(records);
        slices.put(after.slice().key(), after);
        pagesSaved++;
        // what Stripe listed; the items and discounts derived from them are not objects of a list
        objectsWritten += records.stream().filter(r -> isListed(r.type())).count();
    }

    /** Stores records as the inbox applies an event: the newest version of each object kept. */
    public synchronized void apply(List<StripeRecord> records) {
        for (StripeRecord record : records) {
            Map<String, StripeRecord> byId = objects.computeIfAbsent(record.type(), t -> new TreeMap<>());
            StripeRecord stored = byId.get(record.id());
            if (stored == null || stored.version() <= record.version()) {
                byId.put(record.id(), record);
            }
        }
    }

    public synchronized long pagesSaved() {
        return pagesSaved;
    }

    /** Listed objects written, rewrites included: more than {@link #size()} when a page was stored twice. */
    public synchronized long objectsWritten() {
        return objectsWritten;
    }

    public synchronized int size() {
        return objects.entrySet().stream().filter(e -> isListed(e.getKey())).mapToInt(e -> e.getValue().size()).sum();
    }

    private static boolean isListed(StripeObjectType type) {
        return java.util.Arrays.stream(io.xsell.ingestion.stripe.sync.StripeList.values())
                .anyMatch(list -> list.type() == type);
    }

    @Override
    public synchronized void forEach(StripeObjectType type, Consumer<String> json) {
        for (StripeRecord record : objects.getOrDefault(type, Map.of()).values()) {
            if (!record.deleted()) {
                json.accept(record.json());
            }
        }
    }
}
