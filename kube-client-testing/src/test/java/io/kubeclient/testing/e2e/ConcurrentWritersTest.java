package io.kubeclient.testing.e2e;

import static io.kubeclient.testing.e2e.Fixtures.configMap;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.testing.EnableFakeApiServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Parallel writers through one Clientset: optimistic concurrency turns races into conflicts, never lost updates. */
@EnableFakeApiServer
class ConcurrentWritersTest {

    static final int WRITERS = 8;
    static final int INCREMENTS = 25;

    Clientset cs;
    final ExecutorService pool = Executors.newFixedThreadPool(WRITERS);

    @AfterEach
    void shutdown() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void writersRetryingOnConflictLoseNoIncrement() throws Exception {
        var cms = cs.coreV1().configMaps("default");
        cms.create(configMap("counter", "n", "0"));
        AtomicInteger conflicts = new AtomicInteger();
        // Every writer reads the same version before anyone writes, so the first round must conflict.
        CyclicBarrier firstRead = new CyclicBarrier(WRITERS);

        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < INCREMENTS; i++) {
                    boolean first = i == 0;
                    while (true) {
                        ConfigMap cm = cms.get("counter");
                        if (first) {
                            firstRead.await(10, TimeUnit.SECONDS);
                            first = false;
                        }
                        cm.getData().put("n", Integer.toString(Integer.parseInt(cm.getData().get("n")) + 1));
                        try {
                            cms.update(cm);
                            break;
                        } catch (RuntimeException e) {
                            if (!Errors.isConflict(e)) {
                                throw e;
                            }
                            conflicts.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }

        assertThat(cms.get("counter").getData()).containsEntry("n", Integer.toString(WRITERS * INCREMENTS));
        assertThat(conflicts.get()).isGreaterThanOrEqualTo(WRITERS - 1);
    }

    @Test
    void parallelCreatesOfOneNameHaveExactlyOneWinner() throws Exception {
        var cms = cs.coreV1().configMaps("default");
        CyclicBarrier start = new CyclicBarrier(WRITERS);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger alreadyExists = new AtomicInteger();

        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String value = Integer.toString(w);
            done.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                try {
                    cms.create(configMap("only-one", "writer", value));
                    created.incrementAndGet();
                } catch (RuntimeException e) {
                    if (!Errors.isAlreadyExists(e)) {
                        throw e;
                    }
                    alreadyExists.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }

        assertThat(created.get()).isEqualTo(1);
        assertThat(alreadyExists.get()).isEqualTo(WRITERS - 1);
    }
}
