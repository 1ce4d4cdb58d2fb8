package io.xsell.server.stripe;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.xsell.server.connections.BackgroundRebuilds;
import java.util.List;
import java.util.Optional;

/**
 * Webhook deliveries: verified with the connection's endpoint secret, stored in the inbox (once
 * per event id) and applied to the mirror in one transaction, then the canonical data is rebuilt
 * in the background ({@link BackgroundRebuilds}). A delivery that fails verification stores nothing.
 */
public class StripeWebhooks {
    private final StripeSyncService sync;
    private final BackgroundRebuilds rebuilds;

    public StripeWebhooks(StripeSyncService sync, BackgroundRebuilds rebuilds) {
        this.sync = sync;
        this.rebuilds = rebuilds;
    }

    /** What happened to a delivery. */
    public enum Outcome { UNKNOWN_CONNECTION, NO_SECRET, BAD_SIGNATURE, RECEIVED, DUPLICATE, DEFERRED }

    public record Delivery(Outcome outcome, String eventId, String detail) {
    }

    public Delivery receive(String connectionId, String payload, String signature) {
        Optional<StripeConnection> connection = sync.store().connection(connectionId);
        if (connection.isEmpty()) {
            return new Delivery(Outcome.UNKNOWN_CONNECTION, null, "no Stripe connection '" + connectionId + "'");
        }
        Optional<String> sealed = sync.store().sealedWebhookSecret(connection.get().tenant(), connectionId);
        if (sealed.isEmpty()) {
            return new Delivery(Outcome.NO_SECRET, null,
                    "the connection has no webhook secret: give webhook_secret when connecting");
        }
        String secret = sync.box().open(sealed.get(), connectionId);
        try {
            Webhook.constructEvent(payload == null ? "" : payload, signature,
                    secret, sync.config().getWebhookTolerance().toSeconds());
        } catch (SignatureVerificationException e) {
            return new Delivery(Outcome.BAD_SIGNATURE, null, "Stripe-Signature does not verify: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Delivery(Outcome.BAD_SIGNATURE, null, "the payload is not a Stripe event");
        }
        JsonObject event = JsonParser.parseString(payload).getAsJsonObject();
        JdbiStripeStore.InboxEvent inbox = sync.inboxEvent(null, event);
        if (!inbox.effects().isEmpty() && !inbox.effects().get(0).deleted() && hasMoreLines(inbox.effects().get(0).json())) {
            // an invoice whose lines Stripe cut short: the Events API delivers the same event to the
            // next sync, which completes the lines; storing it here would hide that event as a duplicate
            return new Delivery(Outcome.DEFERRED, inbox.id(), "invoice lines incomplete: applied by the next sync");
        }
        int fresh = sync.store().receive(connection.get().tenant(), connectionId, List.of(inbox), "webhook", sync.now(),
                null, null);
        if (fresh == 0) {
            return new Delivery(Outcome.DUPLICATE, inbox.id(), "already received");
        }
        StripeConnection current = connection.get();
        if (current.eventCursorCreated() != null) {
            // before the first backfill ends there is nothing whole to rebuild; the backfill does it
            rebuilds.request(connectionId, () -> sync.rebuild(current));
        }
        return new Delivery(Outcome.RECEIVED, inbox.id(), "stored and applied");
    }

    private static boolean hasMoreLines(String json) {
        JsonObject object = JsonParser.parseString(json).getAsJsonObject();
        JsonObject lines = object.has("lines") && object.get("lines").isJsonObject() ? object.getAsJsonObject("lines") : null;
        return lines != null && lines.has("has_more") && lines.get("has_more").getAsBoolean();
    }
}
