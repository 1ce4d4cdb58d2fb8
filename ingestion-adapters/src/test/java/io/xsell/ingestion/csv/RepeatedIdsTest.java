package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Ids recorded out of file order, from several threads, name the repeats a check in file order names. */
class RepeatedIdsTest {

    @Test
    void chunksRecordedInAnyOrderOnThreeThreadsGiveTheRepeatsOfAOneByOneCheck() throws Exception {
        for (int seed = 0; seed < 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int rows = 20_000;
            String[] idOnLine = new String[rows + 2];
            for (int line = 2; line < rows + 2; line++) {
                // mostly new ids, some repeats of any earlier or later line, some seen three times and more
                idOnLine[line] = random.nextInt(50) == 0 ? "i" + random.nextInt(rows / 10) : "i" + line * 7;
            }
            RepeatedIds ids = new RepeatedIds();
            ids.reserve(seed % 2 == 0 ? rows : 0);
            List<int[]> chunks = new ArrayList<>();
            for (int from = 2; from < rows + 2; from += 500) {
                chunks.add(new int[] {from, Math.min(rows + 2, from + 500)});
            }
            Collections.shuffle(chunks, new java.util.Random(seed));
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int[] chunk : chunks) {
                    done.add(threads.submit(() -> {
                        for (int line = chunk[0]; line < chunk[1]; line++) {
                            ids.record(idOnLine[line], line);
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                threads.shutdownNow();
            }

            IdLineIndex oneByOne = IdLineIndex.packed();
            Map<Integer, Integer> repeats = new HashMap<>();
            for (int line = 2; line < rows + 2; line++) {
                int first = oneByOne.putIfAbsent(idOnLine[line], line);
                assertThat(ids.earlierLine(idOnLine[line], line, 0)).as("seed %d line %d", seed, line).isEqualTo(first);
                if (first != 0) {
                    repeats.put(line, first);
                }
            }
            assertThat(repeats).as("seed %d has repeats to find", seed).isNotEmpty();
        }
    }

    @Test
    void anEstimateAnEighthOverTheTruthReservesTheTablesTheTruthNeeds() {
        RepeatedIds exact = new RepeatedIds();
        RepeatedIds over = new RepeatedIds();
        exact.reserve(2_900_000);
        over.reserve(2_900_000 / 8 * 9); // a file whose first rows are shorter than the rest

        assertThat(exact.capacity()).isEqualTo(64L << 16);
        assertThat(over.capacity()).isEqualTo(exact.capacity());
    }

    @Test
    void withoutRepeatsNothingIsLookedUpAndAReleasedIndexIgnoresLateRecords() {
        RepeatedIds ids = new RepeatedIds();
        ids.record("a", 3);
        ids.record("b", 2);

        assertThat(ids.earlierLine("a", 3, 0)).isZero();
        assertThat(ids.earlierLine("b", 2, 0)).isZero();
        ids.record("a", 9);
        assertThat(ids.earlierLine("a", 9, 0)).isEqualTo(3);
        ids.release();
        ids.record("c", 10); // a worker still checking a chunk read ahead of an early stop
    }
}
