package io.xsell.ingestion.csv;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ids of one file, recorded by the threads that check its rows, in whatever order their chunks
 * come, so that the thread keeping the rows in file order need not index millions of ids itself (for
 * the items it had spent about a third of its time on that). Each id keeps the lowest line it was
 * recorded on. A row is a repeat exactly when an earlier line holds its id: once every line up to a
 * row's is recorded, that is when its id's lowest line is below the row's. While no id was recorded
 * twice there is no repeat anywhere, and nothing is looked up at all.
 *
 * <p>The ids are spread over {@value #PARTITIONS} indexes by their hash, each locked on its own, so that
 * threads seldom wait for one another and no index grows into one large array.
 */
final class RepeatedIds implements RepeatCheck {
    private static final int PARTITIONS = 64;

    private final IdLineIndex[] partitions = new IdLineIndex[PARTITIONS];
    private final AtomicInteger repeats = new AtomicInteger();
    // a file that stopped early is let go while workers may still be checking the chunks read ahead
    private volatile boolean released;

    RepeatedIds() {
        for (int i = 0; i < PARTITIONS; i++) {
            partitions[i] = IdLineIndex.packed();
        }
    }

    /** Makes room for about {@code ids} ids (see {@link IdLineIndex#reserve}). */
    @Override
    public void reserve(int ids) {
        // An eighth less than the share: the estimate comes from a file's first rows, which tend to be
        // shorter (ids grow longer), and a table holds up to three quarters of a power of two, so taking
        // more could double every table, while a partition that gets more than it reserved just grows.
        int each = ids / PARTITIONS / 8 * 7;
        for (IdLineIndex partition : partitions) {
            synchronized (partition) {
                partition.reserve(each);
            }
        }
    }

    /** The ids the indexes hold before any grows, over three quarters of them. */
    long capacity() {
        long slots = 0;
        for (IdLineIndex partition : partitions) {
            synchronized (partition) {
                slots += partition.capacity();
            }
        }
        return slots;
    }

    /** Records the id of the row on {@code line}; safe from any thread. The row carries nothing. */
    @Override
    public long record(String id, int line) {
        IdLineIndex partition = partitionOf(id);
        int known;
        synchronized (partition) {
            if (released) {
                return 0;
            }
            known = partition.putLowest(id, line);
        }
        if (known != 0) {
            repeats.incrementAndGet();
        }
        return 0;
    }

    /**
     * The first line holding the id of the row on {@code line}, when that is an earlier line; 0 when no
     * earlier line holds it. Every line up to {@code line} must have been recorded, and its recording
     * must happen before this call (as a chunk's checks happen before its rows are taken).
     */
    @Override
    public int earlierLine(String id, int line, long recorded) {
        if (repeats.get() == 0) {
            return 0;
        }
        IdLineIndex partition = partitionOf(id);
        int lowest;
        synchronized (partition) {
            lowest = partition.lineOf(id);
        }
        return lowest < line ? lowest : 0;
    }

    /** Lets go of the indexes (about 80 MB for millions of items); every repeat was named as rows were kept. */
    @Override
    public boolean ended() {
        release();
        return false;
    }

    /** Lets go of every index: no id is recorded or looked up afterwards. */
    void release() {
        released = true;
        for (IdLineIndex partition : partitions) {
            synchronized (partition) {
                partition.release();
            }
        }
    }

    // the low bits of the hash: an index places an id by the high ones
    private IdLineIndex partitionOf(String id) {
        return partitions[IdLineIndex.hashOf(id) & (PARTITIONS - 1)];
    }
}
