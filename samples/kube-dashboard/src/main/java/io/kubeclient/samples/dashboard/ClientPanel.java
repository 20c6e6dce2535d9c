package io.kubeclient.samples.dashboard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;

/**
 * The client's own numbers, read back from the {@link MeterRegistry} the starter reports to
 * ({@code kube.client.requests}, {@code kube.client.rate.limiter.wait},
 * {@code kube.client.request.retries}), and the {@code kube} health status from the actuator.
 */
final class ClientPanel {

    /** What the panel shows. */
    record Numbers(long requests, Map<String, Long> requestsByCode, double requestMeanMs, long rateLimiterWaits,
            double rateLimiterWaitTotalMs, double rateLimiterWaitMaxMs, long retries, String health) {}

    private final ObjectProvider<MeterRegistry> registry;
    private final ObjectProvider<HealthEndpoint> health;

    ClientPanel(ObjectProvider<MeterRegistry> registry, ObjectProvider<HealthEndpoint> health) {
        this.registry = registry;
        this.health = health;
    }

    Numbers read() {
        long requests = 0;
        double requestTotalMs = 0;
        Map<String, Long> byCode = new TreeMap<>();
        long waits = 0;
        double waitTotal = 0;
        double waitMax = 0;
        long retries = 0;
        MeterRegistry r = this.registry.getIfAvailable();
        if (r != null) {
            for (Timer t : r.find("kube.client.requests").timers()) {
                requests += t.count();
                requestTotalMs += t.totalTime(TimeUnit.MILLISECONDS);
                String code = t.getId().getTag("code");
                byCode.merge((code != null) ? code : "?", t.count(), Long::sum);
            }
            for (Timer t : r.find("kube.client.rate.limiter.wait").timers()) {
                waits += t.count();
                waitTotal += t.totalTime(TimeUnit.MILLISECONDS);
                waitMax = Math.max(waitMax, t.max(TimeUnit.MILLISECONDS));
            }
            for (Counter c : r.find("kube.client.request.retries").counters()) {
                retries += (long) c.count();
            }
        }
        double mean = (requests == 0) ? 0 : requestTotalMs / requests;
        return new Numbers(requests, byCode, round(mean), waits, round(waitTotal), round(waitMax), retries, kubeHealth());
    }

    private String kubeHealth() {
        HealthEndpoint endpoint = this.health.getIfAvailable();
        if (endpoint == null) {
            return "UNKNOWN";
        }
        HealthDescriptor kube = endpoint.healthForPath("kube");
        return (kube != null) ? kube.getStatus().getCode() : "UNKNOWN";
    }

    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }
}
