package io.xsell.reporting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.reporting.mail.EmailDeliveryException;
import io.xsell.reporting.mail.EmailMessage;
import io.xsell.reporting.port.SendEmailPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxDispatcherTest {
    private static final Instant T0 = Instant.parse("2026-04-01T07:00:00Z");
    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(10));

    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final List<String> accepted = new ArrayList<>();
    private int refusals;
    private final SendEmailPort smtp = message -> {
        if (refusals > 0) {
            refusals--;
            throw new EmailDeliveryException("421 try later", null);
        }
        accepted.add(message.messageId());
    };

    private static EmailMessage message(String id) {
        return new EmailMessage(id, List.of("cfo@acme.test"), "Summary", "<p>x</p>", List.of());
    }

    private OutboxDispatcher dispatcher(Instant now, SendEmailPort sender) {
        return new OutboxDispatcher(outbox, sender, RETRY, Duration.ofMinutes(15), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aDueEntryIsSentOnceAndNeverAgain() {
        outbox.add("r1", message("r1@xsell"), T0);
        outbox.add("later", message("later@xsell"), T0.plusSeconds(3600));

        assertThat(dispatcher(T0, smtp).dispatchDue()).isEqualTo(new OutboxDispatcher.Pass(1, 0, 0, 0));
        assertThat(dispatcher(T0.plusSeconds(60), smtp).dispatchDue().sent()).isZero();
        assertThat(accepted).containsExactly("r1@xsell");
        assertThat(outbox.entries.get("r1").state).isEqualTo(DeliveryState.SENT);
        assertThat(outbox.entries.get("later").state).isEqualTo(DeliveryState.PENDING);
    }

    @Test
    void refusedSendsAreRetriedWithDoublingBackoffThenFail() {
        outbox.add("r1", message("r1@xsell"), T0);
        refusals = 10;

        assertThat(dispatcher(T0, smtp).dispatchDue().retried()).isEqualTo(1);
        InMemoryOutbox.Entry entry = outbox.entries.get("r1");
        assertThat(entry.nextAttemptAt).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(entry.error).contains("421 try later");
        // not yet due: nothing happens
        assertThat(dispatcher(T0.plusSeconds(30), smtp).dispatchDue()).isEqualTo(new OutboxDispatcher.Pass(0, 0, 0, 0));

        Instant second = T0.plus(Duration.ofMinutes(1));
        assertThat(dispatcher(second, smtp).dispatchDue().retried()).isEqualTo(1);
        assertThat(entry.nextAttemptAt).isEqualTo(second.plus(Duration.ofMinutes(2)));

        Instant third = second.plus(Duration.ofMinutes(2));
        assertThat(dispatcher(third, smtp).dispatchDue().failed()).isEqualTo(1);
        assertThat(entry.state).isEqualTo(DeliveryState.FAILED);
        assertThat(entry.attempts).isEqualTo(3);
        assertThat(entry.error).startsWith("attempt 3 of 3");
        assertThat(accepted).isEmpty();
    }

    @Test
    void aRefusalThenAnAcceptanceSendsOnce() {
        outbox.add("r1", message("r1@xsell"), T0);
        refusals = 1;
        dispatcher(T0, smtp).dispatchDue();
        assertThat(dispatcher(T0.plus(Duration.ofMinutes(1)), smtp).dispatchDue().sent()).isEqualTo(1);
        assertThat(accepted).containsExactly("r1@xsell");
        assertThat(outbox.entries.get("r1").attempts).isEqualTo(2);
    }

    @Test
    void anEntryLeftSendingByAStoppedProcessIsMarkedFailedAndNotResent() {
        outbox.add("r1", message("r1@xsell"), T0);
        // the server accepted, then the process stopped before recording it
        SendEmailPort acceptsThenDies = message -> {
            smtp.send(message);
            throw new IllegalStateException("process killed");
        };
        assertThatThrownBy(() -> dispatcher(T0, acceptsThenDies).dispatchDue()).hasMessage("process killed");
        assertThat(outbox.entries.get("r1").state).isEqualTo(DeliveryState.SENDING);

        // within the lease another dispatcher leaves it alone (its sender may still be at work)
        assertThat(dispatcher(T0.plus(Duration.ofMinutes(5)), smtp).dispatchDue()).isEqualTo(new OutboxDispatcher.Pass(0, 0, 0, 0));
        // after it, the entry is failed as interrupted, never resent
        assertThat(dispatcher(T0.plus(Duration.ofMinutes(16)), smtp).dispatchDue().interrupted()).isEqualTo(1);
        assertThat(dispatcher(T0.plus(Duration.ofHours(5)), smtp).dispatchDue()).isEqualTo(new OutboxDispatcher.Pass(0, 0, 0, 0));
        assertThat(accepted).containsExactly("r1@xsell");
        assertThat(outbox.entries.get("r1").state).isEqualTo(DeliveryState.FAILED);
        assertThat(outbox.entries.get("r1").error).contains("interrupted", "not resent");
    }

    @Test
    void theBackoffIsCapped() {
        RetryPolicy policy = new RetryPolicy(20, Duration.ofSeconds(30), Duration.ofMinutes(5));
        assertThat(policy.nextAttempt(1, T0)).isEqualTo(T0.plusSeconds(30));
        assertThat(policy.nextAttempt(4, T0)).isEqualTo(T0.plusSeconds(240));
        assertThat(policy.nextAttempt(5, T0)).isEqualTo(T0.plusSeconds(300));
        assertThat(policy.nextAttempt(19, T0)).isEqualTo(T0.plusSeconds(300));
        assertThat(policy.retries(19)).isTrue();
        assertThat(policy.retries(20)).isFalse();
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
