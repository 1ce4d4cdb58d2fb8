package io.xsell.server.connections;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One provider API client per connection in this process. A client carries the connection's rate
 * limiter, retry and circuit state, so a sync, webhook deliveries and rebuilds of one connection
 * running at once share one budget of calls instead of each opening a client with a budget of its
 * own (a burst of webhooks would otherwise multiply the rate the provider sees). Clients idle for an
 * hour are dropped; at most {@link #MAX_CLIENTS} are kept.
 *
 * @param <T> the provider's client type; it must be safe to call from several threads
 */
public final class ConnectionClients<T> {
    /** Bound of kept clients: a client is a few kilobytes (an HTTP client and its limiter). */
    public static final int MAX_CLIENTS = 10_000;

    private final Cache<String, T> clients = Caffeine.newBuilder().maximumSize(MAX_CLIENTS)
            .expireAfterAccess(Duration.ofHours(1)).build();

    /** The connection's client, opened with {@code open} when it has none. */
    public T of(String connectionId, Supplier<T> open) {
        return clients.get(connectionId, id -> open.get());
    }
}
