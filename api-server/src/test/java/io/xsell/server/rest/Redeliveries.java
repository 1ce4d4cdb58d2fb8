package io.xsell.server.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/** Events as a provider may deliver them to a webhook: late, repeated and out of order. */
final class Redeliveries {
    private Redeliveries() {
    }

    /** Each event twice: the first round with some neighbours swapped (by {@code seed}), the second in reverse. */
    static <T> List<T> twiceOutOfOrder(List<T> events, long seed) {
        List<T> first = new ArrayList<>(events);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i + 1 < first.size(); i += 2) {
            if (random.nextBoolean()) {
                Collections.swap(first, i, i + 1);
            }
        }
        List<T> second = new ArrayList<>(events);
        Collections.reverse(second);
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
