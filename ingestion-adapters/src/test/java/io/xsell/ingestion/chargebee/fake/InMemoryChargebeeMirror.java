package io.xsell.ingestion.chargebee.fake;

import io.xsell.ingestion.provider.BackfillCheckpoints;
import io.xsell.ingestion.provider.ProviderRecord;
import io.xsell.ingestion.provider.RecordSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's mirror and checkpoints in memory, with the same rule: a record replaces the stored
 * one of the same type and id only when its version is the same or newer.
 */
public final class InMemoryChargebeeMirror implements RecordSnapshot, BackfillCheckpoints {
    private final Map<String, Map<String, ProviderRecord>> records = new HashMap<>();
    private final Map<String, String> offsets = new HashMap<>();
    private int saves;

    public synchronized void apply(List<ProviderRecord> changed) {
        for (ProviderRecord record : changed) {
            Map<String, ProviderRecord> ofType = records.computeIfAbsent(record.type(), t -> new HashMap<>());
            if (record.supersedes(ofType.get(record.id()))) {
                ofType.put(record.id(), record);
            }
        }
    }

    @Override
    public synchronized List<ProviderRecord> records(String type) {
        return new ArrayList<>(records.getOrDefault(type, Map.of()).values());
    }

    @Override
    public synchronized String offset(String listName) {
        return offsets.get(listName);
    }

    @Override
    public synchronized void save(String listName, String nextOffset, List<ProviderRecord> page) {
        apply(page);
        offsets.put(listName, nextOffset);
        saves++;
    }

    /** Pages saved so far. */
    public synchronized int saves() {
        return saves;
    }

    public synchronized int size() {
        return records.values().stream().mapToInt(Map::size).sum();
    }
}
