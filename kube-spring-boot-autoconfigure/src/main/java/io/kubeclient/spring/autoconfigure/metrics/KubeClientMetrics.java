package io.kubeclient.spring.autoconfigure.metrics;

import io.kubeclient.flowcontrol.RateLimiter;
import io.kubeclient.rest.metrics.ClientMetrics;
import io.kubeclient.transport.ExecPluginListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Micrometer meters for kube-client, fed by the core's {@link ClientMetrics} and
 * {@link ExecPluginListener} hooks:
 * <ul>
 * <li>{@code kube.client.requests} (timer; verb, resource, code, host): every attempt, retries
 * included; code is the HTTP status or {@code error} when no response arrived;</li>
 * <li>{@code kube.client.rate.limiter.wait} (timer; verb, host): time spent waiting for the
 * client-side rate limiter;</li>
 * <li>{@code kube.client.request.retries} (counter; verb, code, host): retries, by the status that
 * caused them or {@code error} for a broken connection;</li>
 * <li>{@code kube.client.requests.active} (gauge): requests in flight;</li>
 * <li>{@code kube.client.rate.limiter.qps} and {@code kube.client.rate.limiter.burst} (gauges);</li>
 * <li>{@code kube.client.exec.plugin.calls} (counter; outcome) and
 * {@code kube.client.exec.certificate.ttl} (time gauge): exec credential plugin runs and the time
 * left before the last certificate a plugin supplied expires.</li>
 * </ul>
 * Meter instances are cached per tag combination so that recording allocates little. Request hooks
 * arrive per client: a {@code RestConfig} carrying this instance as its {@code metrics()} reports
 * here. Exec plugins are process wide in the core, so {@link #bindTo binding} installs this instance
 * as the process's exec listener and {@link #close()} removes it.
 */
public class KubeClientMetrics implements MeterBinder, ClientMetrics, ExecPluginListener, AutoCloseable {

    private static final String ERROR = "error";

    private final RateLimiter rateLimiter;
    private final int burst;
    private final Clock clock;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicReference<Instant> certificateExpiry = new AtomicReference<>();
    private final ConcurrentMap<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();
    private final ConcurrentMap<VerbHost, Timer> waitTimers = new ConcurrentHashMap<>();
    private final ConcurrentMap<RetryKey, Counter> retryCounters = new ConcurrentHashMap<>();
    private final ConcurrentMap<Outcome, Counter> execCounters = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    /**
     * @param rateLimiter the shared limiter whose QPS is reported, or {@code null}
     * @param burst the limiter's burst
     */
    public KubeClientMetrics(RateLimiter rateLimiter, int burst) {
        this(rateLimiter, burst, Clock.systemUTC());
    }

    KubeClientMetrics(RateLimiter rateLimiter, int burst, Clock clock) {
        this.rateLimiter = rateLimiter;
        this.burst = burst;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        this.requestTimers.clear();
        this.waitTimers.clear();
        this.retryCounters.clear();
        this.execCounters.clear();
        Gauge.builder("kube.client.requests.active", this.active, AtomicInteger::get)
            .description("Kubernetes API requests in flight")
            .register(registry);
        if (this.rateLimiter != null) {
            Gauge.builder("kube.client.rate.limiter.qps", this.rateLimiter, RateLimiter::qps)
                .description("Requests per second allowed by the client-side rate limiter")
                .register(registry);
            Gauge.builder("kube.client.rate.limiter.burst", this, (m) -> m.burst)
                .description("Burst allowed by the client-side rate limiter")
                .register(registry);
        }
        TimeGauge.builder("kube.client.exec.certificate.ttl", this, TimeUnit.SECONDS, KubeClientMetrics::certificateTtl)
            .description("Time until the client certificate last supplied by an exec plugin expires")
            .register(registry);
        ExecPluginListener.register(this);
    }

    /** Stops receiving the core's hooks (if this instance is still the registered listener). */
    @Override
    public void close() {
        if (ExecPluginListener.registered() == this) {
            ExecPluginListener.register(ExecPluginListener.NOOP);
        }
    }

    private double certificateTtl() {
        Instant expiry = this.certificateExpiry.get();
        if (expiry == null) {
            return Double.NaN;
        }
        return Duration.between(this.clock.instant(), expiry).toMillis() / 1000.0;
    }

    @Override
    public void rateLimiterWait(String verb, String host, long waitNanos) {
        MeterRegistry r = this.registry;
        if (r == null) {
            return;
        }
        this.waitTimers.computeIfAbsent(new VerbHost(verb, host), (k) -> Timer.builder("kube.client.rate.limiter.wait")
            .description("Time requests waited for the client-side rate limiter")
            .tag("verb", k.verb())
            .tag("host", k.host())
            .register(r)).record(waitNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void requestStarted(String verb, String host) {
        this.active.incrementAndGet();
    }

    @Override
    public void requestFinished(String verb, String host) {
        this.active.decrementAndGet();
    }

    @Override
    public void requestLatency(String verb, String host, String resource, int code, long latencyNanos) {
        MeterRegistry r = this.registry;
        if (r == null) {
            return;
        }
        this.requestTimers.computeIfAbsent(new RequestKey(verb, resource, code, host), (k) -> Timer
            .builder("kube.client.requests")
            .description("Kubernetes API request attempts, from sending to the response headers")
            .tag("verb", k.verb())
            .tag("resource", k.resource().isEmpty() ? "none" : k.resource())
            .tag("code", codeTag(k.code()))
            .tag("host", k.host())
            .register(r)).record(latencyNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void requestRetry(String verb, String host, int code, String reason) {
        MeterRegistry r = this.registry;
        if (r == null) {
            return;
        }
        this.retryCounters.computeIfAbsent(new RetryKey(verb, code, host), (k) -> Counter
            .builder("kube.client.request.retries")
            .description("Kubernetes API requests retried, by the status that caused the retry")
            .tag("verb", k.verb())
            .tag("code", codeTag(k.code()))
            .tag("host", k.host())
            .register(r)).increment();
    }

    @Override
    public void pluginCalled(String command, Outcome outcome, int exitCode, Duration duration) {
        MeterRegistry r = this.registry;
        if (r == null) {
            return;
        }
        this.execCounters.computeIfAbsent(outcome, (o) -> Counter.builder("kube.client.exec.plugin.calls")
            .description("Exec credential plugin runs, by outcome")
            .tag("outcome", o.name().toLowerCase(Locale.ROOT))
            .register(r)).increment();
    }

    @Override
    public void clientCertificateRotated(String command, Instant notAfter) {
        this.certificateExpiry.set(notAfter);
    }

    private static String codeTag(int code) {
        return (code == 0) ? ERROR : Integer.toString(code);
    }

    private record RequestKey(String verb, String resource, int code, String host) {
    }

    private record VerbHost(String verb, String host) {
    }

    private record RetryKey(String verb, int code, String host) {
    }

    @Override
    public String toString() {
        return "KubeClientMetrics";
    }
}
