package io.xsell.server.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** The shared rebuild queue: one rebuild per burst and connection, none lost, a failure stops nothing. */
class BackgroundRebuildsTest {
    /** An executor the test runs by hand, so what is queued when is visible. */
    private final Queue<Runnable> queued = new ArrayDeque<>();
    private final BackgroundRebuilds rebuilds = new BackgroundRebuilds(queued::add);
    private final List<String> ran = new ArrayList<>();

    @Test
    void aBurstQueuesOneRebuildPerConnection() {
        for (int i = 0; i < 5; i++) {
            rebuilds.request("conn_a", () -> ran.add("a"));
            rebuilds.request("conn_b", () -> ran.add("b"));
        }
        assertThat(queued).hasSize(2);
        runAll();
        assertThat(ran).containsExactly("a", "b");
    }

    @Test
    void anEventStoredWhileARebuildRunsQueuesTheNextOne() {
        rebuilds.request("conn_a", () -> {
            ran.add("first");
            rebuilds.request("conn_a", () -> ran.add("second"));
        });
        runAll();
        assertThat(ran).containsExactly("first", "second");
        rebuilds.request("conn_a", () -> ran.add("third"));
        runAll();
        assertThat(ran).containsExactly("first", "second", "third");
    }

    @Test
    void aFailedRebuildDoesNotBlockTheNext() {
        rebuilds.request("conn_a", () -> {
            throw new IllegalStateException("mapping failed");
        });
        runAll();
        rebuilds.request("conn_a", () -> ran.add("again"));
        runAll();
        assertThat(ran).containsExactly("again");
    }

    private void runAll() {
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
    }
}
