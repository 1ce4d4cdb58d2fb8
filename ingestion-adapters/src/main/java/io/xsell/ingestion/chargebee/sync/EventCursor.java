package io.xsell.ingestion.chargebee.sync;

/**
 * Where the Events API is read from: events that occurred at or after {@code occurredAt}.
 *
 * @param occurredAt  Unix seconds of the last event applied
 * @param lastEventId its id; null before the first event
 */
public record EventCursor(long occurredAt, String lastEventId) {
}
