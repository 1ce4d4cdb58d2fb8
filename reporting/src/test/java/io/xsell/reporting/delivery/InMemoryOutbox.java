package io.xsell.reporting.delivery;

import io.xsell.reporting.mail.EmailMessage;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The outbox contract on a map, to test the dispatcher's decisions without a database. */
final class InMemoryOutbox implements SummaryOutboxPort {
    static final class Entry {
        final String id;
        final EmailMessage message;
        DeliveryState state = DeliveryState.PENDING;
        int attempts;
        Instant nextAttemptAt;
        Instant claimedAt;
        String error;

        Entry(String id, EmailMessage message, Instant due) {
            this.id = id;
            this.message = message;
            this.nextAttemptAt = due;
        }
    }

    final Map<String, Entry> entries = new LinkedHashMap<>();

    void add(String id, EmailMessage message, Instant due) {
        entries.put(id, new Entry(id, message, due));
    }

    @Override
    public synchronized Optional<Delivery> claimDue(Instant now) {
        return entries.values().stream()
                .filter(e -> e.state == DeliveryState.PENDING && !e.nextAttemptAt.isAfter(now))
                .min(Comparator.comparing(e -> e.nextAttemptAt))
                .map(e -> {
                    e.state = DeliveryState.SENDING;
                    e.attempts++;
                    e.claimedAt = now;
                    return new Delivery(e.id, e.attempts, e.message);
                });
    }

    private Entry sending(String id) {
        Entry e = entries.get(id);
        if (e.state != DeliveryState.SENDING) {
            throw new IllegalStateException(id + " is " + e.state);
        }
        return e;
    }

    @Override
    public synchronized void markSent(String id, Instant at) {
        sending(id).state = DeliveryState.SENT;
    }

    @Override
    public synchronized void retryLater(String id, Instant nextAttemptAt, String error) {
        Entry e = sending(id);
        e.state = DeliveryState.PENDING;
        e.nextAttemptAt = nextAttemptAt;
        e.error = error;
    }

    @Override
    public synchronized void markFailed(String id, Instant at, String error) {
        Entry e = sending(id);
        e.state = DeliveryState.FAILED;
        e.error = error;
    }

    @Override
    public synchronized int failInterrupted(Instant claimedBefore, Instant now, String error) {
        int n = 0;
        for (Entry e : entries.values()) {
            if (e.state == DeliveryState.SENDING && e.claimedAt.isBefore(claimedBefore)) {
                e.state = DeliveryState.FAILED;
                e.error = error;
                n++;
            }
        }
        return n;
    }
}
