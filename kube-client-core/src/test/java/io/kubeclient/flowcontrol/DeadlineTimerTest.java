package io.kubeclient.flowcontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlineTimerTest {

    private final DeadlineTimer timer = new DeadlineTimer("deadline-timer-test");

    @AfterEach
    void close() {
        timer.close();
    }

    private static long in(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void runsAnActionOnceItsDeadlineHasPassed() throws InterruptedException {
        long deadline = in(40);
        AtomicLong ranAt = new AtomicLong();
        CountDownLatch ran = new CountDownLatch(1);
        timer.schedule(deadline, () -> {
            ranAt.set(System.nanoTime());
            ran.countDown();
        });

        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ranAt.get() - deadline).isGreaterThanOrEqualTo(0);
        assertThat(timer.armed()).isZero();
    }

    @Test
    void aCancelledDeadlineNeverRuns() throws InterruptedException {
        AtomicInteger cancelledRuns = new AtomicInteger();
        DeadlineTimer.Entry cancelled = timer.schedule(in(20), cancelledRuns::incrementAndGet);
        CountDownLatch later = new CountDownLatch(1);
        timer.schedule(in(60), later::countDown);
        cancelled.cancel();

        assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(cancelledRuns).hasValue(0);
    }

    @Test
    void anEarlierDeadlineWakesTheThreadAsleepUntilALaterOne() throws InterruptedException {
        long hour = in(3_600_000);
        timer.schedule(hour, () -> { });
        awaitSleepingUntil(hour);
        CountDownLatch soon = new CountDownLatch(1);

        timer.schedule(in(20), soon::countDown);

        assertThat(soon.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void armingLaterDeadlinesAndCancellingThemDoesNotWakeTheThread() throws InterruptedException {
        long tenMinutes = in(600_000);
        timer.schedule(tenMinutes, () -> { });
        awaitSleepingUntil(tenMinutes);
        long before = timer.wakeUps();

        for (int i = 0; i < 10_000; i++) {
            timer.schedule(in(1_200_000), () -> { }).cancel();
        }

        // A ScheduledThreadPoolExecutor wakes its thread for each of these (its queue's new head);
        // here none does (one spurious return from park is allowed).
        assertThat(timer.wakeUps() - before).isLessThanOrEqualTo(1);
        assertThat(timer.armed()).isEqualTo(1);
    }

    @Test
    void afterTheLastDeadlineTheNextOneWakesTheIdleThread() throws InterruptedException {
        CountDownLatch first = new CountDownLatch(1);
        timer.schedule(in(10), first::countDown);
        assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
        CountDownLatch second = new CountDownLatch(1);

        timer.schedule(in(10), second::countDown);

        assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anActionThatThrowsDoesNotStopTheOthers() throws InterruptedException {
        timer.schedule(in(10), () -> {
            throw new IllegalStateException("boom");
        });
        CountDownLatch next = new CountDownLatch(1);
        timer.schedule(in(30), next::countDown);

        assertThat(next.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void deadlinesArmedAndCancelledFromManyThreadsRunOnceEachAndNeverEarly() throws Exception {
        int threads = 8;
        int perThread = 500;
        ConcurrentLinkedQueue<String> early = new ConcurrentLinkedQueue<>();
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger cancelledRan = new AtomicInteger();
        AtomicInteger kept = new AtomicInteger();
        CountDownLatch armed = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < perThread; i++) {
                    long deadline = in(random.nextInt(0, 60));
                    if (random.nextBoolean()) {
                        kept.incrementAndGet();
                        timer.schedule(deadline, () -> {
                            if (System.nanoTime() - deadline < 0) {
                                early.add("ran before its deadline");
                            }
                            ran.incrementAndGet();
                        });
                    } else {
                        // Cancelled at once, long before its deadline: it never runs.
                        DeadlineTimer.Entry e = timer.schedule(deadline + TimeUnit.SECONDS.toNanos(10),
                                cancelledRan::incrementAndGet);
                        e.cancel();
                    }
                }
                armed.countDown();
            });
            workers.add(w);
            w.start();
        }
        assertThat(armed.await(30, TimeUnit.SECONDS)).isTrue();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ran.get() < kept.get() && System.nanoTime() - until < 0) {
            Thread.onSpinWait();
            Thread.sleep(1);
        }

        assertThat(ran).hasValue(kept.get());
        assertThat(early).isEmpty();
        assertThat(cancelledRan).hasValue(0);
        assertThat(timer.armed()).isZero();
        for (Thread w : workers) {
            w.join();
        }
    }

    private void awaitSleepingUntil(long deadline) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!timer.sleepsUntil(deadline)) {
            assertThat(System.nanoTime() - until).as("the timer thread never went to sleep until the deadline").isNegative();
            Thread.sleep(1);
        }
    }
}
