package io.xsell.server.chargebee;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.xsell.ingestion.chargebee.api.ChargebeeApi;
import io.xsell.ingestion.chargebee.api.ChargebeeCallFailedException;
import io.xsell.server.connections.BackgroundRebuilds;
import io.xsell.server.connections.Connection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Chargebee webhook deliveries. Chargebee signs nothing: a delivery is taken only with the HTTP
 * basic-auth credentials stored (sealed) on the connection, compared in constant time, and even
 * then only its event id is used: the event is fetched again from the API and what the API returns
 * is stored in the inbox (once per id) and applied by a rebuild queued on {@link BackgroundRebuilds}.
 * A refused delivery stores nothing.
 */
public class ChargebeeWebhooks {
    /** Chargebee event ids: {@code ev_} and letters, digits, underscores; bounded before any call is made. */
    private static final Pattern EVENT_ID = Pattern.compile("ev_[A-Za-z0-9_-]{1,100}");
    /** Bound of a delivery's body: Chargebee events are a few kilobytes; ours is the id only. */
    public static final int MAX_BODY_CHARS = 1_000_000;

    private final ChargebeeSyncService sync;
    private final BackgroundRebuilds rebuilds;

    public ChargebeeWebhooks(ChargebeeSyncService sync, BackgroundRebuilds rebuilds) {
        this.sync = sync;
        this.rebuilds = rebuilds;
    }

    /** What happened to a delivery. */
    public enum Outcome {
        UNKNOWN_CONNECTION, NO_SECRET, BAD_CREDENTIALS, MALFORMED, UNKNOWN_EVENT, RECEIVED, DUPLICATE, UNAVAILABLE
    }

    public record Delivery(Outcome outcome, String eventId, String detail) {
    }

    public Delivery receive(String connectionId, String payload, String authorization) {
        Optional<Connection> found = sync.connection(connectionId);
        if (found.isEmpty()) {
            return new Delivery(Outcome.UNKNOWN_CONNECTION, null, "no Chargebee connection '" + connectionId + "'");
        }
        Connection connection = found.get();
        Optional<String> expected = sync.webhookCredentials(connection);
        if (expected.isEmpty()) {
            return new Delivery(Outcome.NO_SECRET, null,
                    "the connection has no webhook credentials: give webhook_username and webhook_password when connecting");
        }
        if (!matches(expected.get(), authorization)) {
            return new Delivery(Outcome.BAD_CREDENTIALS, null, "missing or wrong basic-auth credentials");
        }
        String eventId = eventId(payload);
        if (eventId == null) {
            return new Delivery(Outcome.MALFORMED, null, "the body is not a Chargebee event with an id (ev_...)");
        }
        JsonObject event;
        try {
            ChargebeeApi api = sync.api(connection);
            event = api.retrieveEvent(eventId);
        } catch (ChargebeeCallFailedException e) {
            if (e.status() == 404) {
                // Chargebee keeps every event it sent: one it does not know was never sent by it
                return new Delivery(Outcome.UNKNOWN_EVENT, eventId, "Chargebee has no event '" + eventId
                        + "': the delivery is not taken");
            }
            return new Delivery(Outcome.UNAVAILABLE, eventId, "the event could not be fetched from Chargebee: "
                    + e.getMessage());
        }
        int fresh = sync.store().receive(connection.tenant(), connection.id(),
                ChargebeeSyncService.inbox(List.of(event)), "webhook", sync.now(), null, null);
        if (fresh == 0) {
            return new Delivery(Outcome.DUPLICATE, eventId, "already received");
        }
        if (connection.eventCursorCreated() != null) {
            // before the first backfill ends there is nothing whole to rebuild; the backfill does it
            rebuilds.request(connection.id(), () -> sync.rebuild(connection));
        }
        return new Delivery(Outcome.RECEIVED, eventId, "fetched from Chargebee and stored; applied in the background");
    }

    /** Compares {@code Basic base64(user:password)} with the stored pair in time independent of where they differ. */
    static boolean matches(String expected, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given);
    }

    private static String eventId(String payload) {
        if (payload == null || payload.length() > MAX_BODY_CHARS) {
            return null;
        }
        try {
            JsonElement parsed = JsonParser.parseString(payload);
            if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("id")
                    || !parsed.getAsJsonObject().get("id").isJsonPrimitive()) {
                return null;
            }
            String id = parsed.getAsJsonObject().get("id").getAsString();
            return EVENT_ID.matcher(id).matches() ? id : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
