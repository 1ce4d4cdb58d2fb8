package io.xsell.server.connections;

import io.xsell.core.model.InvalidDatasetException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one queue of "rebuild this connection's canonical data" after webhooks, for every provider.
 * A webhook is answered once its event is in the inbox; mapping the whole mirror again takes far
 * longer than the provider waits for an answer, so the rebuild runs here, off the request thread.
 * A burst of deliveries queues one rebuild per connection, not one per event: the flag is cleared
 * when the rebuild starts, so an event stored during it queues the next one and none is missed.
 */
public final class BackgroundRebuilds {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundRebuilds.class);

    private final Executor executor;
    private final ConcurrentMap<String, AtomicBoolean> pending = new ConcurrentHashMap<>();

    /**
     * @param executor where rebuilds run; the server's is one managed thread (rebuilds of a
     *                 connection supersede each other)
     */
    public BackgroundRebuilds(Executor executor) {
        this.executor = executor;
    }

    /**
     * Queues {@code rebuild} for the connection unless one is queued and not yet started; a failure
     * is logged (the previous data stays, and the next event or sync rebuilds again).
     */
    public void request(String connectionId, Runnable rebuild) {
        AtomicBoolean queued = pending.computeIfAbsent(connectionId, id -> new AtomicBoolean());
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        executor.execute(() -> {
            queued.set(false);
            try {
                rebuild.run();
            } catch (InvalidDatasetException e) {
                // events delivered out of order can leave the mirror briefly unmappable (an invoice
                // before its customer); the previous data stays until the missing events arrive
                LOG.warn("connection {} not rebuilt yet: {}", connectionId, e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("rebuilding connection {} after its webhooks failed", connectionId, e);
            }
        });
    }
}
