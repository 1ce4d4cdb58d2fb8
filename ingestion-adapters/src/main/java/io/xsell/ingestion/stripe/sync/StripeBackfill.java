package io.xsell.ingestion.stripe.sync;

import io.xsell.ingestion.provider.SyncProgress;
import com.google.gson.JsonObject;
import io.xsell.ingestion.stripe.api.StripeApi;
import io.xsell.ingestion.stripe.api.StripePage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a whole Stripe account into a {@link BackfillStore}. Stripe lists are cursor-paged, so a
 * single list can only be read one page after another; to use the rate limit rather than wait on
 * latency, the large lists are cut into {@code created} ranges read in parallel (every object of
 * those lists belongs to a customer, so none predates the oldest customer). Each stored page moves
 * its slice's checkpoint in the same transaction: a backfill stopped anywhere resumes where it
 * stopped with nothing lost or doubled.
 */
public final class StripeBackfill {
    /** Stripe's launch: no account has objects before. */
    private static final long STRIPE_EPOCH = LocalDate.of(2010, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    private static final long DAY = 86_400;

    private final StripeApi api;
    private final BackfillStore store;
    private final int workers;
    private final int slicesPerList;
    private final Clock clock;

    /**
     * @param workers       requests in flight at once; enough to fill the rate limit despite latency
     *                      (rate x latency, plus some)
     * @param slicesPerList {@code created} ranges per large list
     */
    public StripeBackfill(StripeApi api, BackfillStore store, int workers, int slicesPerList, Clock clock) {
        this.api = api;
        this.store = store;
        this.workers = workers;
        this.slicesPerList = slicesPerList;
        this.clock = clock;
    }

    /**
     * Runs (or resumes) the backfill to its end.
     *
     * @return the plan read, whose event cursor incremental sync continues from
     * @throws io.xsell.ingestion.stripe.api.StripeCallFailedException when a call fails for good; the
     *                                                                  checkpoints keep what was done
     */
    public BackfillPlan run(SyncProgress progress) throws InterruptedException {
        BackfillStore.ResumePoint resume = store.resumePoint().orElse(null);
        BackfillPlan plan;
        List<SliceState> states;
        if (resume == null) {
            plan = plan();
            store.startPlan(plan);
            states = plan.slices().stream().map(SliceState::fresh).toList();
        } else {
            plan = resume.plan();
            states = resume.slices();
        }
        AtomicLong total = new AtomicLong(states.stream().mapToLong(SliceState::objects).sum());
        List<SliceState> pending = new ArrayList<>(states.stream().filter(s -> !s.done()).toList());
        // the biggest lists first and, within a list, the newest ranges (an account grows, so they
        // are the largest): the long reads start early and the small ones fill the gaps at the end
        pending.sort(Comparator.comparingInt((SliceState s) -> weight(s.slice().list()))
                .thenComparing(s -> s.slice().createdFrom() == null ? Long.MIN_VALUE : s.slice().createdFrom(),
                        Comparator.reverseOrder()));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(workers, pending.size())), r -> {
            Thread thread = new Thread(r, "stripe-backfill");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SliceState state : pending) {
                futures.add(pool.submit(() -> {
                    readSlice(state, progress, total);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(true));
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return plan;
    }

    private static int weight(StripeList list) {
        return switch (list) {
            case INVOICES -> 0;
            case SUBSCRIPTIONS -> 1;
            case CUSTOMERS -> 2;
            case INVOICE_ITEMS -> 3;
            default -> 4;
        };
    }

    private void readSlice(SliceState start, SyncProgress progress, AtomicLong total) {
        SliceState state = start;
        while (!state.done()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException(new InterruptedException("backfill interrupted"));
            }
            StripeList list = state.slice().list();
            StripePage page = api.list(list.path(), list.query(state.slice(), state.cursor()));
            long version = clock.instant().getEpochSecond();
            List<StripeRecord> records = new ArrayList<>(page.size());
            for (int i = 0; i < page.size(); i++) {
                JsonObject object = page.object(i);
                if (list == StripeList.INVOICES) {
                    InvoiceLines.complete(api, object);
                }
                records.addAll(StripeRecords.of(list.type(), object, version));
            }
            boolean done = !page.hasMore() || page.isEmpty();
            state = state.after(page.isEmpty() ? state.cursor() : page.lastId(), done, page.size());
            store.savePage(state, records);
            progress.pageStored(list.type().wireName(), page.size(), total.addAndGet(page.size()));
        }
    }

    /** Slices for every list, and the event cursor: incremental sync continues after that event. */
    BackfillPlan plan() {
        long now = clock.instant().getEpochSecond();
        StripePage latestEvent = api.list("/v1/events", Map.of("limit", "1"));
        String eventCursor = latestEvent.isEmpty() ? null : latestEvent.firstId();
        long eventCreated = latestEvent.isEmpty() ? now : latestEvent.object(0).get("created").getAsLong();
        Long oldest = oldestCustomer(now);
        List<Slice> slices = new ArrayList<>();
        for (StripeList list : StripeList.values()) {
            if (!list.sliced() || oldest == null || slicesPerList <= 1) {
                slices.add(new Slice(list, null, null));
                continue;
            }
            long span = Math.max(DAY, now - oldest);
            long step = Math.max(DAY, span / slicesPerList);
            Long from = null;
            for (long bound = oldest + step; bound < now; bound += step) {
                slices.add(new Slice(list, from, bound));
                from = bound;
            }
            // open above: objects created while the backfill runs are read too
            slices.add(new Slice(list, from, null));
        }
        return new BackfillPlan(slices, eventCursor, eventCreated);
    }

    /** The creation time of the oldest customer, to the day, by bisection; null for an account with none. */
    private Long oldestCustomer(long now) {
        if (!exists(now + DAY)) {
            return null;
        }
        long lo = STRIPE_EPOCH;
        long hi = now + DAY;
        // invariant: no customer created before lo; some created before hi
        while (hi - lo > DAY) {
            long mid = lo + (hi - lo) / 2;
            if (exists(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return lo;
    }

    private boolean exists(long createdBefore) {
        return !api.list(StripeList.CUSTOMERS.path(), Map.of("limit", "1", "created[lt]", Long.toString(createdBefore)))
                .isEmpty();
    }
}
