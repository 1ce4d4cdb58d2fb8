package io.xsell.server.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every caller of one connection gets the same client, so its rate limiter is shared. */
class ConnectionClientsTest {
    @Test
    void oneClientPerConnectionOpenedOnce() {
        ConnectionClients<Object> clients = new ConnectionClients<>();
        AtomicInteger opened = new AtomicInteger();

        Object first = clients.of("conn_a", () -> new Object[] {opened.incrementAndGet()});
        Object again = clients.of("conn_a", () -> new Object[] {opened.incrementAndGet()});
        Object other = clients.of("conn_b", () -> new Object[] {opened.incrementAndGet()});

        assertThat(again).isSameAs(first);
        assertThat(other).isNotSameAs(first);
        assertThat(opened).hasValue(2);
    }
}
