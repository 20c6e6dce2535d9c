package io.kubeclient.watch;

import static io.kubeclient.watch.WatchTestSupport.CONFIG_MAPS;
import static io.kubeclient.watch.WatchTestSupport.bookmark;
import static io.kubeclient.watch.WatchTestSupport.bytes;
import static io.kubeclient.watch.WatchTestSupport.configMap;
import static io.kubeclient.watch.WatchTestSupport.expired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Status;
import io.kubeclient.KubeIOException;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.flowcontrol.FakeClock;
import io.kubeclient.flowcontrol.Sleeper;
import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RetryWatcherTest {

    private final FakeClock clock = new FakeClock();

    /** A watch function that plays one script per call: a stream body, or an exception to throw. */
    private static final class Scripted implements WatchFunc<ConfigMap> {
        final Deque<Object> scripts = new ArrayDeque<>();
        final List<String> requested = Collections.synchronizedList(new ArrayList<>());

        Scripted then(Object script) {
            scripts.add(script);
            return this;
        }

        @Override
        public Watch<ConfigMap> watch(String resourceVersion) {
            requested.add(resourceVersion);
            Object script = scripts.poll();
            if (script == null) {
                throw new AssertionError("unexpected watch from " + resourceVersion);
            }
            if (script instanceof RuntimeException) {
                throw (RuntimeException) script;
            }
            if (script instanceof Watch) {
                @SuppressWarnings("unchecked")
                Watch<ConfigMap> w = (Watch<ConfigMap>) script;
                return w;
            }
            return StreamWatcher.open(new ByteArrayInputStream(bytes((String) script)), CONFIG_MAPS);
        }
    }

    private RetryWatcher<ConfigMap> retry(Scripted lw) {
        return RetryWatcher.builder("100", lw).clock(clock, clock).build();
    }

    private static String summary(Iterable<Event<ConfigMap>> events) {
        List<String> out = new ArrayList<>();
        for (Event<ConfigMap> e : events) {
            out.add(e.type() == EventType.ERROR ? "ERROR " + e.status().getCode()
                    : e.type() + " " + e.object().getMetadata().getName() + "@"
                            + e.object().getMetadata().getResourceVersion());
        }
        return String.join(", ", out);
    }

    @Test
    void resumesFromTheLastResourceVersionAcrossDisconnectsUntil410() {
        Scripted lw = new Scripted()
                .then(configMap("ADDED", "a", "101") + configMap("MODIFIED", "a", "102"))
                .then(bookmark("150"))
                .then(configMap("DELETED", "a", "151") + expired() + configMap("ADDED", "never", "999"));
        RetryWatcher<ConfigMap> watch = retry(lw);

        assertThat(summary(watch)).isEqualTo("ADDED a@101, MODIFIED a@102, DELETED a@151, ERROR 410");
        assertThat(lw.requested).containsExactly("100", "102", "150");
        assertThat(lw.scripts).isEmpty();
        // One start per second at most.
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(watch.lastResourceVersion()).isEqualTo("151");
    }

    @Test
    void bookmarksAreNotForwardedButAdvanceTheResourceVersion() {
        Scripted lw = new Scripted()
                .then(bookmark("120") + bookmark("130"))
                .then(configMap("ADDED", "b", "131") + expired());
        assertThat(summary(retry(lw))).isEqualTo("ADDED b@131, ERROR 410");
        assertThat(lw.requested).containsExactly("100", "130");
    }

    @Test
    void undecodableStreamIsRetriedFromTheLastDeliveredEvent() {
        Scripted lw = new Scripted()
                .then(configMap("ADDED", "a", "101") + "{\"type\":\"ADDED\",\"object\":[}")
                .then(configMap("ADDED", "b", "102") + expired());
        assertThat(summary(retry(lw))).isEqualTo("ADDED a@101, ADDED b@102, ERROR 410");
        assertThat(lw.requested).containsExactly("100", "101");
    }

    @Test
    void otherErrorEventsAreRetriedAfterTheirRetryAfterSeconds() {
        String tooMany = "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"code\":500,\"reason\":\"InternalError\","
                + "\"details\":{\"retryAfterSeconds\":5}}}";
        Scripted lw = new Scripted()
                .then(configMap("ADDED", "a", "101") + tooMany + configMap("ADDED", "skipped", "150"))
                .then(expired());
        assertThat(summary(retry(lw))).isEqualTo("ADDED a@101, ERROR 410");
        assertThat(lw.requested).containsExactly("100", "101");
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void failuresToEstablishAreRetriedUnlessUnauthorizedOrForbidden() {
        RuntimeException gone = new RuntimeException("410");
        RuntimeException forbidden = new RuntimeException("403");
        Scripted lw = new Scripted()
                .then(new KubeIOException("connection refused"))
                .then(gone)
                .then(configMap("ADDED", "a", "101"))
                .then(forbidden);
        RetryWatcher<ConfigMap> watch = RetryWatcher.builder("100", lw)
                .clock(clock, clock)
                .statusOf(e -> e == gone ? status(410) : e == forbidden ? status(403) : null)
                .build();
        List<Event<ConfigMap>> events = new ArrayList<>();
        watch.forEach(events::add);
        assertThat(summary(events)).isEqualTo("ADDED a@101, ERROR 403");
        assertThat(events.get(1).status().getReason()).isEqualTo("Forbidden");
        assertThat(lw.requested).containsExactly("100", "100", "100", "101");
        assertThat(clock.sleeps()).hasSize(3).containsOnly(Duration.ofSeconds(1));
    }

    @Test
    void statusExceptionsAreRecognisedByDefault() {
        Scripted lw = new Scripted()
                .then(new KubeIOException("wrapper", Errors.newServiceUnavailable("etcd is slow")))
                .then(configMap("ADDED", "a", "101"))
                .then(Errors.newUnauthorized("token expired"));
        RetryWatcher<ConfigMap> watch = RetryWatcher.builder("100", lw).clock(clock, clock).build();
        List<Event<ConfigMap>> events = new ArrayList<>();
        watch.forEach(events::add);
        assertThat(summary(events)).isEqualTo("ADDED a@101, ERROR 401");
        assertThat(lw.requested).containsExactly("100", "100", "101");
    }

    @Test
    void eventWithoutResourceVersionEndsWithAnInternalError() {
        Scripted lw = new Scripted().then(
                "{\"type\":\"ADDED\",\"object\":{\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}}"
                        + configMap("ADDED", "later", "200"));
        List<Event<ConfigMap>> events = new ArrayList<>();
        retry(lw).forEach(events::add);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).status().getReason()).isEqualTo("InternalError");
        assertThat(events.get(0).status().getMessage()).contains("resourceVersion");
    }

    @Test
    void customResourceVersionFunction() {
        Scripted lw = new Scripted()
                .then(configMap("ADDED", "a", "101"))
                .then(expired());
        RetryWatcher<ConfigMap> watch = RetryWatcher.builder("100", lw)
                .resourceVersionOf(cm -> cm.getData().get("key"))
                .restartInterval(Duration.ZERO)
                .clock(clock, clock)
                .build();
        assertThat(summary(watch)).isEqualTo("ADDED a@101, ERROR 410");
        assertThat(lw.requested).containsExactly("100", "value-a");
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void rejectsInitialResourceVersionsAWatchCannotResumeFrom() {
        for (String rv : new String[] {"", "0", null}) {
            assertThatThrownBy(() -> RetryWatcher.create(rv, new Scripted()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not supported due to issues with underlying WATCH");
        }
    }

    @Test
    void stopWakesAReaderWaitingToReconnect() throws Exception {
        CountDownLatch sleeping = new CountDownLatch(1);
        Sleeper real = Sleeper.system();
        Scripted lw = new Scripted().then("");
        RetryWatcher<ConfigMap> watch = RetryWatcher.builder("100", lw)
                .restartInterval(Duration.ofHours(1))
                .clock(clock, d -> {
                    sleeping.countDown();
                    real.sleep(d);
                })
                .build();
        List<Event<ConfigMap>> events = Collections.synchronizedList(new ArrayList<>());
        boolean[] interruptLeftOver = new boolean[1];
        Thread reader = new Thread(() -> {
            watch.forEach(events::add);
            interruptLeftOver[0] = Thread.currentThread().isInterrupted();
        });
        reader.start();
        assertThat(sleeping.await(10, TimeUnit.SECONDS)).isTrue();
        watch.stop();
        reader.join(10_000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(events).isEmpty();
        assertThat(interruptLeftOver[0]).isFalse();
        assertThat(lw.requested).containsExactly("100");
    }

    @Test
    void stopUnblocksAReaderWaitingOnTheUnderlyingStream() throws Exception {
        PipedOutputStream server = new PipedOutputStream();
        Scripted lw = new Scripted().then(StreamWatcher.open(new PipedInputStream(server), CONFIG_MAPS));
        RetryWatcher<ConfigMap> watch = retry(lw);
        CountDownLatch first = new CountDownLatch(1);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            for (Event<ConfigMap> e : watch) {
                seen.add(e.object().getMetadata().getName());
                first.countDown();
            }
        });
        reader.start();
        server.write(bytes(configMap("ADDED", "a", "101")));
        server.flush();
        assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
        watch.stop();
        watch.stop();
        reader.join(10_000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(seen).containsExactly("a");
        assertThat(lw.requested).containsExactly("100");
    }

    private static Status status(int code) {
        Status s = new Status();
        s.setCode(code);
        s.setReason(code == 403 ? "Forbidden" : "Expired");
        return s;
    }
}
