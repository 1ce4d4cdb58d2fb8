package io.xsell.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.xsell.server.persistence.Databases;
import io.xsell.server.persistence.TestDatabase;
import io.xsell.server.persistence.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two server instances share one database: every due task instance runs exactly once, on either
 * of them, and a recurring task never runs on both at the same time.
 */
class SchedulerClusterTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    static List<TestDatabase> databases() {
        return DATABASES.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eachDueInstanceRunsOnceAcrossTwoInstances(TestDatabase database) throws Exception {
        SchedulerDatabase db = migrated(database);
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, String> ranOn = new ConcurrentHashMap<>();
        OneTimeTask<String> count = Tasks.oneTime("count-" + database.dialect(), String.class)
                .execute((instance, context) -> {
                    runs.computeIfAbsent(instance.getId(), id -> new AtomicInteger()).incrementAndGet();
                    ranOn.put(instance.getId(), context.getExecution().pickedBy);
                    sleep(20);
                });
        int instances = 60;
        SchedulerClient client = Schedulers.client(db);
        Instant due = Instant.now();
        for (int i = 0; i < instances; i++) {
            client.schedule(count.instance("i" + i, "payload " + i), due);
        }

        List<Scheduler> cluster = List.of(
                Schedulers.scheduler(db, fastConfig(), "instance-a", List.of(count), List.of()),
                Schedulers.scheduler(db, fastConfig(), "instance-b", List.of(count), List.of()));
        try {
            cluster.forEach(Scheduler::start);
            await().atMost(Duration.ofSeconds(60)).until(() -> runs.size() == instances);
            Thread.sleep(500); // a second run would come from the other instance's next poll
        } finally {
            cluster.forEach(Scheduler::stop);
        }

        assertThat(runs).hasSize(instances);
        assertThat(runs.values()).allSatisfy(n -> assertThat(n.get()).as("runs of one instance").isEqualTo(1));
        assertThat(Set.copyOf(ranOn.values())).isSubsetOf("instance-a", "instance-b");
        assertThat(client.getScheduledExecutionsForTask(count.getName())).as("finished one-time tasks are removed").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRecurringTaskStartedByBothInstancesHasOneScheduleAndNeverOverlaps(TestDatabase database) throws Exception {
        SchedulerDatabase db = migrated(database);
        AtomicInteger active = new AtomicInteger();
        AtomicInteger maxActive = new AtomicInteger();
        List<String> runs = new ArrayList<>();
        RecurringTask<Void> tick = Tasks.recurring("tick-" + database.dialect(), FixedDelay.ofMillis(100))
                .execute((instance, context) -> {
                    maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
                    sleep(50);
                    synchronized (runs) {
                        runs.add(context.getExecution().pickedBy);
                    }
                    active.decrementAndGet();
                });

        List<Scheduler> cluster = IntStream.range(0, 2)
                .mapToObj(i -> Schedulers.scheduler(db, fastConfig(), "instance-" + i, List.of(), List.of(tick)))
                .toList();
        try {
            cluster.forEach(Scheduler::start);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                synchronized (runs) {
                    return runs.size() >= 5;
                }
            });
        } finally {
            cluster.forEach(Scheduler::stop);
        }

        assertThat(maxActive.get()).as("executions of the recurring task at one time").isEqualTo(1);
        assertThat(Schedulers.client(db).getScheduledExecutionsForTask(tick.getName()))
                .as("one persistent schedule, however many instances started it").hasSize(1);
    }

    private static SchedulerDatabase migrated(TestDatabase database) {
        Databases.migrate(database.config());
        return new SchedulerDatabase(Databases.dataSource(database.config()), database.dialect());
    }

    private static SchedulerConfig fastConfig() {
        return new ObjectMapper().convertValue(Map.of("pollingInterval", "50ms", "threads", 4), SchedulerConfig.class);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
