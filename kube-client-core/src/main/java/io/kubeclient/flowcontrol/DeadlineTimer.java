package io.kubeclient.flowcontrol;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs short actions at {@link System#nanoTime()} deadlines on one daemon thread, which is woken
 * only when a new deadline is earlier than the one it sleeps until. The client arms its request
 * timeouts here: most are cancelled long before they fire.
 *
 * <p>Why not a {@code ScheduledThreadPoolExecutor}: with cancelled tasks removed, its queue is empty
 * between two requests that each finish in time, so every request's timeout becomes the earliest
 * task and wakes the timer thread, a thread switch per request (two such timers cost a small GET
 * 6–19% on two CPUs: benchmarks/README.md, finding 10). Here arming a later deadline and cancelling
 * one only add to and remove from a sorted set; the thread wakes at the earliest deadline it knew
 * of, finds it gone, and sleeps until the next.
 */
public final class DeadlineTimer {

    private static final Logger log = LoggerFactory.getLogger(DeadlineTimer.class);

    /** The process-wide timer, created with its thread on first use. */
    private static final class Shared {
        static final DeadlineTimer INSTANCE = new DeadlineTimer("kube-client-deadline");
    }

    /**
     * Earliest first. nanoTime values compare by their difference, which stays in range for
     * deadlines within about 146 years of each other; ties go by arming order.
     */
    private static final Comparator<Entry> ORDER = (a, b) -> {
        long d = a.deadline - b.deadline;
        return d != 0 ? (d < 0 ? -1 : 1) : Long.compare(a.sequence, b.sequence);
    };

    /** The armed deadlines (a map for its {@code firstEntry}, null when empty). */
    private final ConcurrentSkipListMap<Entry, Boolean> entries = new ConcurrentSkipListMap<>(ORDER);
    private final AtomicLong sequence = new AtomicLong();
    private final Thread thread;
    /** Whether the thread sleeps with no deadline; written only by the thread. */
    private volatile boolean idle = true;
    /** The deadline the thread sleeps until when not idle; written only by the thread, before {@link #idle}. */
    private volatile long wakeAt;
    /** Times the thread returned from parking (for tests: arming later deadlines must not wake it). */
    private final AtomicLong wakeUps = new AtomicLong();
    private volatile boolean closed;

    /** Starts the timer's daemon thread. */
    DeadlineTimer(String threadName) {
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The process-wide timer; its daemon thread ({@code kube-client-deadline}) starts on first use. */
    public static DeadlineTimer shared() {
        return Shared.INSTANCE;
    }

    /**
     * Runs {@code action} on the timer's thread once {@code deadline} ({@link System#nanoTime()})
     * has passed, unless cancelled first. The action must be short and must not block: every
     * deadline waits for it.
     *
     * @return the armed deadline, to cancel
     */
    public Entry schedule(long deadline, Runnable action) {
        Entry e = new Entry(deadline, sequence.incrementAndGet(), Objects.requireNonNull(action), this);
        entries.put(e, Boolean.TRUE);
        // Read after the add: if the thread published a later wake-up (or none) before it, this sees
        // it and wakes the thread; if after, the thread sees this entry when it looks again.
        if (idle || deadline - wakeAt < 0) {
            LockSupport.unpark(thread);
        }
        return e;
    }

    /** How many times the thread has woken up. */
    long wakeUps() {
        return wakeUps.get();
    }

    /** How many deadlines are armed. */
    int armed() {
        return entries.size();
    }

    /** Whether the thread has gone to sleep until {@code deadline}, and not for longer. */
    boolean sleepsUntil(long deadline) {
        return !idle && wakeAt == deadline;
    }

    /** Ends the thread; armed deadlines no longer fire (the shared timer is never closed). */
    void close() {
        closed = true;
        LockSupport.unpark(thread);
    }

    private void run() {
        while (!closed) {
            Entry first = firstOrNull();
            long now = System.nanoTime();
            if (first != null && first.deadline - now <= 0) {
                if (entries.remove(first) != null) {
                    try {
                        first.action.run();
                    } catch (RuntimeException | Error e) {
                        // An action's failure must not stop the other deadlines; it is a bug, so say so.
                        log.warn("a deadline's action failed", e);
                    }
                }
                continue;
            }
            if (first == null) {
                idle = true;
            } else {
                wakeAt = first.deadline;
                idle = false;
            }
            // Look again after publishing: an entry added meanwhile may be earlier, and its
            // schedule() may have read the old state.
            Entry again = firstOrNull();
            if (again != null && (first == null || again.deadline - first.deadline < 0)) {
                continue;
            }
            if (first == null) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, first.deadline - now);
            }
            wakeUps.incrementAndGet();
        }
    }

    private Entry firstOrNull() {
        Map.Entry<Entry, Boolean> first = entries.firstEntry();
        return first == null ? null : first.getKey();
    }

    /** An armed deadline. */
    public static final class Entry {
        private final long deadline;
        private final long sequence;
        private final Runnable action;
        private final DeadlineTimer timer;

        private Entry(long deadline, long sequence, Runnable action, DeadlineTimer timer) {
            this.deadline = deadline;
            this.sequence = sequence;
            this.action = action;
            this.timer = timer;
        }

        /** Disarms the deadline; its action will not run unless it already has. Never wakes the thread. */
        public void cancel() {
            timer.entries.remove(this);
        }
    }
}
