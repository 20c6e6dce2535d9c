package io.kubeclient.watch;

import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A stream of {@link Event}s from the API server, client-go's {@code watch.Interface}.
 *
 * <p>Read it once, by iterating, with {@link #stream()} or with {@link #consumeAsync}; reading
 * blocks until the next event arrives and ends when the server closes the watch, after an
 * {@link EventType#ERROR} that ends it, or after {@link #stop()}. {@code stop()} may be called from
 * any thread and unblocks a reader. Close it (try-with-resources) to release the connection.
 *
 * @param <T> the type of the watched objects
 */
public interface Watch<T> extends AutoCloseable, Iterable<Event<T>> {

    /**
     * The events, in order. A watch can be iterated only once.
     *
     * @throws IllegalStateException when called a second time
     */
    @Override
    Iterator<Event<T>> iterator();

    /** Ends the watch and releases its connection. Idempotent; safe from any thread. */
    void stop();

    /** Same as {@link #stop()}. */
    @Override
    default void close() {
        stop();
    }

    /** The events as a sequential stream; closing the stream stops the watch. */
    default Stream<Event<T>> stream() {
        Spliterator<Event<T>> spliterator = Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(spliterator, false).onClose(this::stop);
    }

    /**
     * Hands each event to {@code consumer} on {@code executor}, until the watch ends. The future
     * completes when it has; if the consumer throws, the watch is stopped and the future fails with
     * that exception.
     */
    default CompletableFuture<Void> consumeAsync(Consumer<? super Event<T>> consumer, Executor executor) {
        Objects.requireNonNull(consumer, "consumer");
        CompletableFuture<Void> done = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                for (Event<T> event : this) {
                    consumer.accept(event);
                }
                stop();
                done.complete(null);
            } catch (Throwable t) {
                stop();
                done.completeExceptionally(t);
            }
        });
        return done;
    }

    /** A watch that has already ended: it has no events. */
    static <T> Watch<T> empty() {
        return new Watch<>() {
            @Override
            public Iterator<Event<T>> iterator() {
                return Collections.emptyIterator();
            }

            @Override
            public void stop() {}

            @Override
            public String toString() {
                return "Watch.empty()";
            }
        };
    }
}
