package io.xsell.ingestion.chargebee.sync;

import com.google.gson.JsonObject;
import java.util.List;

/** Takes one page of events and the cursor to store with them (one transaction in the server). */
@FunctionalInterface
public interface EventBatchConsumer {
    void accept(List<JsonObject> events, EventCursor next);
}
