package io.xsell.ingestion.provider;

import java.util.List;

/** The objects of one connection as mirrored, read by a provider's account mapper. */
public interface RecordSnapshot {
    /** Every stored record of {@code type}, deleted ones included (the mapper decides what they mean). */
    List<ProviderRecord> records(String type);
}
