package io.xsell.benchmark;

/** Heap in use after a full collection: what the objects still reachable actually retain. */
final class Heap {
    private Heap() {
    }

    static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        // repeated until stable: one explicit GC can leave objects that only a later cycle frees
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = runtime.totalMemory() - runtime.freeMemory();
            if (now >= used) {
                break;
            }
            used = now;
        }
        return used;
    }

    static String mib(long bytes) {
        return String.format("%,.0f MiB", bytes / (1024.0 * 1024.0));
    }
}
