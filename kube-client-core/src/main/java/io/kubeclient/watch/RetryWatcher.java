package io.kubeclient.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Status;
import io.kubeclient.apimachinery.errors.StatusException;
import io.kubeclient.flowcontrol.Clock;
import io.kubeclient.flowcontrol.Sleeper;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Watch} that survives disconnects, client-go's {@code RetryWatcher}: when the underlying
 * watch ends or fails it opens a new one from the resourceVersion of the last event it delivered,
 * so no event is lost or repeated.
 *
 * <ul>
 *   <li>Bookmarks advance that resourceVersion but are not delivered.
 *   <li>An {@code ERROR} with code 410 (the resourceVersion is too old) is delivered and ends the
 *       watch: the caller must list again and start a new watch from the list's resourceVersion.
 *   <li>Other {@code ERROR}s, and failures to establish a watch, are retried after the status's
 *       {@code retryAfterSeconds}; except that a 401 or 403 when establishing is delivered as an
 *       {@code ERROR} and ends the watch.
 *   <li>An event whose object has no resourceVersion ends the watch with an {@code InternalError}.
 *   <li>Restarts are paced: at most one watch is started per {@link Builder#restartInterval} (1 s).
 * </ul>
 *
 * <p>Like every watch it is read once and by one thread; the reconnects happen in that thread.
 * {@link #stop()} ends it from any thread.
 *
 * @param <T> the type of the watched objects
 */
public final class RetryWatcher<T> implements Watch<T> {

    private static final Logger log = LoggerFactory.getLogger(RetryWatcher.class);

    private final WatchFunc<T> watchFunc;
    private final Function<? super T, String> resourceVersionOf;
    private final Function<? super Throwable, Status> statusOf;
    private final Clock clock;
    private final Sleeper sleeper;
    private final long restartIntervalNanos;
    private final AtomicBoolean iterated = new AtomicBoolean();
    private final Object lock = new Object();

    private volatile boolean stopped;
    private volatile String lastResourceVersion;
    // Guarded by lock.
    private Watch<T> current;
    private Thread sleeping;
    private boolean interruptedByStop;

    private RetryWatcher(Builder<T> b) {
        this.watchFunc = b.watchFunc;
        this.resourceVersionOf = b.resourceVersionOf;
        this.statusOf = b.statusOf;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.restartIntervalNanos = b.restartInterval.toNanos();
        this.lastResourceVersion = b.initialResourceVersion;
    }

    /**
     * Starts building a retry watcher.
     *
     * @param initialResourceVersion where to start; neither empty nor {@code "0"}, which a watch
     *     cannot resume from reliably (list first and use the list's resourceVersion)
     */
    public static <T> Builder<T> builder(String initialResourceVersion, WatchFunc<T> watchFunc) {
        return new Builder<>(initialResourceVersion, watchFunc);
    }

    /** A retry watcher for Kubernetes objects, reading resourceVersions from their metadata. */
    public static <T extends HasMetadata> RetryWatcher<T> create(String initialResourceVersion,
            WatchFunc<T> watchFunc) {
        return builder(initialResourceVersion, watchFunc).build();
    }

    /** The resourceVersion the watch will resume from: that of the last event delivered or bookmark seen. */
    public String lastResourceVersion() {
        return lastResourceVersion;
    }

    @Override
    public Iterator<Event<T>> iterator() {
        if (!iterated.compareAndSet(false, true)) {
            throw new IllegalStateException("a watch can be iterated only once");
        }
        return new Iterator<>() {
            private Event<T> next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    next = receive();
                    done = next == null || next.type() == EventType.ERROR;
                }
                return next != null;
            }

            @Override
            public Event<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the watch has ended");
                }
                Event<T> e = next;
                next = null;
                return e;
            }
        };
    }

    @Override
    public void stop() {
        Watch<T> toStop;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            stopped = true;
            toStop = current;
            current = null;
            if (sleeping != null && sleeping != Thread.currentThread()) {
                interruptedByStop = true;
                sleeping.interrupt();
            }
        }
        if (toStop != null) {
            toStop.stop();
        }
    }

    private Iterator<Event<T>> events;
    private long lastStart = Long.MIN_VALUE;
    private boolean started;
    private Duration retryAfter = Duration.ZERO;

    /** The next event to deliver; null once the watch has ended. An ERROR returned here is the last. */
    private Event<T> receive() {
        while (!stopped) {
            if (events == null) {
                if (!pace()) {
                    return null;
                }
                Event<T> failure = connect();
                if (failure != null) {
                    stopCurrent();
                    return failure;
                }
                if (events == null) {
                    continue;
                }
            }
            Event<T> event;
            try {
                event = events.hasNext() ? events.next() : null;
            } catch (RuntimeException e) {
                if (stopped) {
                    return null;
                }
                log.debug("watch from resourceVersion {} failed, retrying: {}", lastResourceVersion, e.toString());
                event = null;
            }
            if (stopped) {
                return null;
            }
            if (event == null) {
                log.debug("watch closed, resuming from resourceVersion {}", lastResourceVersion);
                stopCurrent();
                continue;
            }
            Event<T> result = handle(event);
            if (result != null) {
                if (result.type() == EventType.ERROR) {
                    stopCurrent();
                }
                return result;
            }
        }
        return null;
    }

    /** What to deliver for {@code event}: itself, nothing (null, keep reading or reconnect), or a final ERROR. */
    private Event<T> handle(Event<T> event) {
        switch (event.type()) {
            case ADDED:
            case MODIFIED:
            case DELETED:
            case BOOKMARK: {
                String rv = resourceVersionOf.apply(event.object());
                if (rv == null || rv.isEmpty()) {
                    return Event.error(internalError("unable to get the resourceVersion of the "
                            + event.type() + " event's " + event.object().getClass().getSimpleName()));
                }
                lastResourceVersion = rv;
                return event.type() == EventType.BOOKMARK ? null : event;
            }
            case ERROR: {
                Status status = event.status();
                Integer code = status.getCode();
                if (code != null && code == 410) {
                    return event;
                }
                log.debug("watch from resourceVersion {} got an error, retrying: {} {}", lastResourceVersion, code,
                        status.getMessage());
                retryAfter = retryAfterOf(status);
                stopCurrent();
                return null;
            }
            default:
                throw new IllegalStateException("unknown event type " + event.type());
        }
    }

    private static Status statusExceptionStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StatusException se) {
                return se.status();
            }
        }
        return null;
    }

    /** Opens the next watch; returns a final ERROR when establishing it failed for good. */
    private Event<T> connect() {
        lastStart = clock.nanoTime();
        started = true;
        Watch<T> watch;
        try {
            watch = Objects.requireNonNull(watchFunc.watch(lastResourceVersion), "the watch function returned null");
        } catch (RuntimeException e) {
            Status status = statusOf.apply(e);
            Integer code = status == null ? null : status.getCode();
            if (code != null && (code == 401 || code == 403)) {
                return Event.error(status);
            }
            log.debug("starting a watch from resourceVersion {} failed, retrying: {}", lastResourceVersion,
                    e.toString());
            if (status != null) {
                retryAfter = retryAfterOf(status);
            }
            return null;
        }
        synchronized (lock) {
            if (stopped) {
                watch.stop();
                return null;
            }
            current = watch;
        }
        events = watch.iterator();
        return null;
    }

    /** Sleeps out the retry-after and the rest of the restart interval; false when stopped meanwhile. */
    private boolean pace() {
        if (!started) {
            return true;
        }
        Duration wait = retryAfter;
        retryAfter = Duration.ZERO;
        synchronized (lock) {
            if (stopped) {
                return false;
            }
            sleeping = Thread.currentThread();
        }
        try {
            if (!wait.isZero()) {
                sleeper.sleep(wait);
            }
            long remaining = lastStart + restartIntervalNanos - clock.nanoTime();
            if (remaining > 0) {
                sleeper.sleep(Duration.ofNanos(remaining));
            }
            return !stopped;
        } catch (InterruptedException e) {
            synchronized (lock) {
                if (!interruptedByStop) {
                    // Not ours: the caller wants this thread to stop; keep the flag and end.
                    Thread.currentThread().interrupt();
                }
            }
            stop();
            return false;
        } finally {
            synchronized (lock) {
                sleeping = null;
                if (interruptedByStop) {
                    interruptedByStop = false;
                    Thread.interrupted();
                }
            }
        }
    }

    private void stopCurrent() {
        Watch<T> toStop;
        synchronized (lock) {
            toStop = current;
            current = null;
        }
        events = null;
        if (toStop != null) {
            toStop.stop();
        }
    }

    private static Duration retryAfterOf(Status status) {
        if (status.getDetails() == null || status.getDetails().getRetryAfterSeconds() == null) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(Math.max(0, status.getDetails().getRetryAfterSeconds()));
    }

    private static Status internalError(String message) {
        Status status = new Status();
        status.setApiVersion("v1");
        status.setKind("Status");
        status.setStatus("Failure");
        status.setCode(500);
        status.setReason("InternalError");
        status.setMessage("Internal error occurred: " + message);
        return status;
    }

    static String metadataResourceVersion(Object object) {
        if (object instanceof HasMetadata) {
            ObjectMeta meta = ((HasMetadata) object).getMetadata();
            return meta == null ? null : meta.getResourceVersion();
        }
        return null;
    }

    /** Configures a {@link RetryWatcher}. */
    public static final class Builder<T> {
        private final String initialResourceVersion;
        private final WatchFunc<T> watchFunc;
        private Function<? super T, String> resourceVersionOf = RetryWatcher::metadataResourceVersion;
        private Function<? super Throwable, Status> statusOf = RetryWatcher::statusExceptionStatus;
        private Clock clock = Clock.system();
        private Sleeper sleeper = Sleeper.system();
        private Duration restartInterval = Duration.ofSeconds(1);

        private Builder(String initialResourceVersion, WatchFunc<T> watchFunc) {
            this.initialResourceVersion = initialResourceVersion;
            this.watchFunc = Objects.requireNonNull(watchFunc, "watchFunc");
        }

        /** How to read an object's resourceVersion; by default from {@link HasMetadata} metadata. */
        public Builder<T> resourceVersionOf(Function<? super T, String> resourceVersionOf) {
            this.resourceVersionOf = Objects.requireNonNull(resourceVersionOf, "resourceVersionOf");
            return this;
        }

        /**
         * How to find the server's {@link Status} in an exception thrown by the watch function, or
         * null when it carries none. By default the first {@link StatusException} in the cause
         * chain supplies it, so a 401 or 403 ends the watch and other failures are retried.
         */
        public Builder<T> statusOf(Function<? super Throwable, Status> statusOf) {
            this.statusOf = Objects.requireNonNull(statusOf, "statusOf");
            return this;
        }

        /** The clock and sleeper pacing restarts; tests pass a {@code FakeClock} as both. */
        public Builder<T> clock(Clock clock, Sleeper sleeper) {
            this.clock = Objects.requireNonNull(clock, "clock");
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The shortest time between two watch starts; 1 s by default, as client-go. */
        public Builder<T> restartInterval(Duration restartInterval) {
            if (restartInterval.isNegative()) {
                throw new IllegalArgumentException("restart interval must not be negative: " + restartInterval);
            }
            this.restartInterval = restartInterval;
            return this;
        }

        /**
         * Builds the watcher; the first watch starts when it is first read.
         *
         * @throws IllegalArgumentException when the initial resourceVersion is empty or "0"
         */
        public RetryWatcher<T> build() {
            if (initialResourceVersion == null || initialResourceVersion.isEmpty()
                    || "0".equals(initialResourceVersion)) {
                throw new IllegalArgumentException("initial RV \"" + (initialResourceVersion == null ? ""
                        : initialResourceVersion) + "\" is not supported due to issues with underlying WATCH");
            }
            return new RetryWatcher<>(this);
        }
    }
}
