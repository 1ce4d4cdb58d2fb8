package io.xsell.ingestion.stripe.sync;

/**
 * How far a slice is read: the checkpoint a resumed backfill continues from.
 *
 * @param cursor  the last object id stored ({@code starting_after} of the next page); null before the first page
 * @param objects objects stored so far
 */
public record SliceState(Slice slice, String cursor, boolean done, long objects) {

    public static SliceState fresh(Slice slice) {
        return new SliceState(slice, null, false, 0);
    }

    SliceState after(String nextCursor, boolean finished, int stored) {
        return new SliceState(slice, nextCursor, finished, objects + stored);
    }
}
