package io.xsell.server.connections;

import io.xsell.ingestion.provider.ProviderRecord;
import java.util.List;

/**
 * An event as received, stored once per id before it is applied.
 *
 * @param created the event's time of occurrence (Unix seconds)
 * @param effects the objects it changes in the mirror
 */
public record InboxEvent(String id, String type, long created, String payload, List<ProviderRecord> effects) {
}
