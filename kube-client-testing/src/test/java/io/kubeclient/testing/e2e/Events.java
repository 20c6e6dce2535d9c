package io.kubeclient.testing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclient.watch.Event;
import io.kubeclient.watch.EventType;
import io.kubeclient.watch.Watch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** Reads a watch on a daemon thread so a test can wait for events with a bound instead of blocking forever. */
final class Events<T> implements AutoCloseable {

    static final long TIMEOUT_SECONDS = 10;

    private final Watch<T> watch;
    private final BlockingQueue<Event<T>> queue = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private Events(Watch<T> watch) {
        this.watch = watch;
        Thread t = new Thread(() -> {
            try {
                for (Event<T> e : watch) {
                    queue.add(e);
                }
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                ended.countDown();
            }
        }, "e2e-watch-reader");
        t.setDaemon(true);
        t.start();
    }

    static <T> Events<T> of(Watch<T> watch) {
        return new Events<>(watch);
    }

    /** The next event, failing the test when none arrives in time. */
    Event<T> next() {
        try {
            Event<T> e = queue.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(e).as("an event within %d s (reader failure: %s)", TIMEOUT_SECONDS, failure.get()).isNotNull();
            return e;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** The next event that is not a bookmark. */
    Event<T> nextChange() {
        Event<T> e = next();
        while (e.type() == EventType.BOOKMARK) {
            e = next();
        }
        return e;
    }

    /** The next {@code n} events that are not bookmarks. */
    List<Event<T>> nextChanges(int n) {
        List<Event<T>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(nextChange());
        }
        return out;
    }

    /** Skips events until one matches. */
    Event<T> nextMatching(Predicate<Event<T>> p) {
        Event<T> e = next();
        while (!p.test(e)) {
            e = next();
        }
        return e;
    }

    /** Waits for the watch to end by itself and returns the events it delivered meanwhile. */
    List<Event<T>> awaitEnd() {
        try {
            assertThat(ended.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the watch ended").isTrue();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
        List<Event<T>> rest = new ArrayList<>();
        queue.drainTo(rest);
        return rest;
    }

    /** Whatever is queued now, without waiting. */
    List<Event<T>> drain() {
        List<Event<T>> rest = new ArrayList<>();
        queue.drainTo(rest);
        return rest;
    }

    Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() {
        watch.stop();
    }
}
