package io.kubeclient.testing.e2e;

import static io.kubeclient.testing.e2e.Fixtures.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.kubeclient.KubeIOException;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.errors.StatusException;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.testing.EnableFakeApiServer;
import io.kubeclient.testing.Faults;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected faults driving the client's retry, error and timeout paths. */
@EnableFakeApiServer
class FaultInjectionTest {

    Clientset cs;
    Faults faults;
    final AtomicInteger attempts = new AtomicInteger();

    @BeforeEach
    void seed() {
        if (cs.coreV1().configMaps("default").list().getItems().isEmpty()) {
            cs.coreV1().configMaps("default").create(configMap("target", "k", "v"));
        }
        // Counts the GETs of the target that reach the server, without changing them.
        faults.addLatency(r -> isTargetGet().test(r) && attempts.incrementAndGet() < 0, Duration.ZERO);
    }

    @AfterEach
    void clear() {
        faults.clear();
    }

    private static Predicate<Faults.Request> isTargetGet() {
        return r -> r.method().equals("GET") && r.path().equals("/api/v1/namespaces/default/configmaps/target");
    }

    @Test
    void a429WithRetryAfterIsRetriedAndSucceeds() {
        faults.failNext(isTargetGet(), 1, 429, Duration.ofSeconds(1));
        long start = System.nanoTime();

        ConfigMap cm = cs.coreV1().configMaps("default").get("target");

        assertThat(cm.getData()).containsEntry("k", "v");
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void a429WithNoRetriesLeftIsTooManyRequestsWithTheSuggestedDelay() {
        faults.failNext(isTargetGet(), 1, 429, Duration.ofSeconds(7));

        assertThatThrownBy(() -> cs.coreV1().restClient().get().namespace("default").resource("configmaps")
                .name("target").maxRetries(0).execute().into(ConfigMap.class))
                .isInstanceOf(StatusException.class)
                .satisfies(e -> assertThat(Errors.isTooManyRequests(e)).isTrue())
                .satisfies(e -> assertThat(Errors.suggestsClientDelay(e)).hasValue(7));
        assertThat(attempts.get()).isEqualTo(1);
    }

    @Test
    void a503WithoutRetryAfterIsNotRetried() {
        faults.failNext(isTargetGet(), 1, 503, null);

        assertThatThrownBy(() -> cs.coreV1().configMaps("default").get("target"))
                .isInstanceOf(StatusException.class)
                .satisfies(e -> assertThat(Errors.isServiceUnavailable(e)).isTrue())
                .satisfies(e -> assertThat(((StatusException) e).code()).isEqualTo(503));
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(cs.coreV1().configMaps("default").get("target").getData()).containsEntry("k", "v");
    }

    @Test
    void aResponseCutMidBodyIsATransportErrorAndTheNextCallWorks() {
        faults.cutNextResponse(isTargetGet());

        // As client-go: only failures before the response arrives are retried; a body cut short is reported.
        assertThatThrownBy(() -> cs.coreV1().configMaps("default").get("target"))
                .isInstanceOf(KubeIOException.class)
                .hasMessageContaining("GET")
                .hasMessageContaining("/configmaps/target");
        assertThat(attempts.get()).as("the cut response is not retried").isEqualTo(1);
        assertThat(cs.coreV1().configMaps("default").get("target").getData()).containsEntry("k", "v");
    }

    @Test
    void latencyBeyondTheRequestTimeoutFailsTheCall() {
        faults.addLatency(isTargetGet(), Duration.ofMillis(400));

        assertThatThrownBy(() -> cs.coreV1().restClient().get().namespace("default").resource("configmaps")
                .name("target").timeout(Duration.ofMillis(100)).execute())
                .isInstanceOf(KubeIOException.class)
                .hasMessageContaining("timeout");
        assertThat(cs.coreV1().restClient().get().namespace("default").resource("configmaps").name("target")
                .timeout(Duration.ofSeconds(5)).execute().into(ConfigMap.class).getData()).containsEntry("k", "v");
    }
}
