package io.xsell.server.stripe;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.xsell.ingestion.stripe.api.StripeCallFailedException;
import io.xsell.ingestion.stripe.sync.InvoiceLines;
import io.xsell.server.connections.BackgroundRebuilds;
import java.util.List;
import java.util.Optional;

/**
 * Webhook deliveries: verified with the connection's endpoint secret, stored in the inbox (once
 * per event id) and applied to the mirror in one transaction, then the canonical data is rebuilt
 * in the background ({@link BackgroundRebuilds}). A delivery that fails verification stores nothing.
 * An invoice whose embedded lines Stripe cut short (ten at most, {@code has_more}) is completed from
 * {@code /v1/invoices/{id}/lines} before it is stored; when Stripe cannot be read the answer is
 * {@link Outcome#UNAVAILABLE} (503), nothing is stored, and Stripe delivers the event again later.
 */
public class StripeWebhooks {
    private final StripeSyncService sync;
    private final BackgroundRebuilds rebuilds;

    public StripeWebhooks(StripeSyncService sync, BackgroundRebuilds rebuilds) {
        this.sync = sync;
        this.rebuilds = rebuilds;
    }

    /** What happened to a delivery. */
    public enum Outcome { UNKNOWN_CONNECTION, NO_SECRET, BAD_SIGNATURE, RECEIVED, DUPLICATE, UNAVAILABLE }

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
        JdbiStripeStore.InboxEvent inbox;
        try {
            // only an invoice cut short needs a client: building one per delivery is not free
            inbox = sync.inboxEvent(invoiceCutShort(event) ? sync.api(connection.get()) : null, event);
        } catch (StripeCallFailedException e) {
            return new Delivery(Outcome.UNAVAILABLE, event.get("id").getAsString(),
                    "the invoice's lines could not be read from Stripe: " + e.getMessage());
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

    /** Whether the event's object lists only its first lines, as an invoice in an event does past ten. */
    private static boolean invoiceCutShort(JsonObject event) {
        JsonElement data = event.get("data");
        JsonElement object = data != null && data.isJsonObject() ? data.getAsJsonObject().get("object") : null;
        return object != null && object.isJsonObject() && InvoiceLines.cutShort(object.getAsJsonObject());
    }
}
