package io.kubeclient.spring.autoconfigure.health;

import io.kubeclient.KubeException;
import io.kubeclient.apimachinery.errors.StatusException;
import io.kubeclient.discovery.VersionInfo;
import io.kubeclient.flowcontrol.RateLimiters;
import io.kubeclient.rest.RESTClient;
import io.kubeclient.rest.Request;
import io.kubeclient.rest.Result;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports whether the Kubernetes API server is ready: UP when {@code /readyz} (or, on servers
 * without it, {@code /version}) answers with success within the timeout. Details: the server URL,
 * its version, the kubeconfig context (or {@code in-cluster}), the namespace, the probe latency and
 * the client-side rate limit. DOWN carries the error's type, HTTP code and reason, never a credential.
 *
 * <p>The probe bypasses the client's rate limiter (a saturated limiter must not make the
 * application look unhealthy) and is never retried.
 *
 * <p>Use it for readiness at most, never for liveness: an API server outage would otherwise make
 * Kubernetes restart every pod of the application, which does not help and adds load.
 */
public class KubeHealthIndicator extends AbstractHealthIndicator {

    private final RESTClient client;
    private final Duration timeout;
    private final Map<String, Object> staticDetails;

    /**
     * @param client the client whose server and credentials are probed
     * @param timeout how long the probe may take
     * @param staticDetails facts added to every report (server, context, namespace, qps, burst)
     */
    public KubeHealthIndicator(RESTClient client, Duration timeout, Map<String, Object> staticDetails) {
        super("Kubernetes API server health check failed");
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.staticDetails = new LinkedHashMap<>(staticDetails);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetails(this.staticDetails);
        long start = System.nanoTime();
        try {
            Result ready = probe("/readyz");
            String endpoint = "/readyz";
            if (ready.statusCode() == 404) {
                ready = probe("/version");
                endpoint = "/version";
            }
            long latencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            builder.withDetail("latency", latencyMillis + "ms").withDetail("probe", endpoint);
            if (ready.error() != null) {
                down(builder, ready.error());
                return;
            }
            String version = version(endpoint.equals("/version") ? ready : null);
            if (version != null) {
                builder.withDetail("version", version);
            }
            builder.up();
        }
        catch (KubeException ex) {
            builder.withDetail("latency", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + "ms");
            down(builder, ex);
        }
    }

    private Result probe(String path) {
        Request request = this.client.get().absPath(path).throttle(RateLimiters.alwaysAccept()).maxRetries(0)
                .timeout(this.timeout);
        return request.execute();
    }

    /** The server's gitVersion; a failure here does not make the server unhealthy. */
    private String version(Result fromProbe) {
        try {
            Result result = (fromProbe != null) ? fromProbe : probe("/version");
            if (result.error() != null) {
                return null;
            }
            return result.into(VersionInfo.class).gitVersion();
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    private static void down(Health.Builder builder, Throwable error) {
        builder.down().withDetail("error", error.getClass().getName());
        if (error instanceof StatusException status) {
            builder.withDetail("code", status.code());
            if (status.reason() != null) {
                builder.withDetail("reason", String.valueOf(status.reason()));
            }
        }
        if (error.getMessage() != null) {
            builder.withDetail("message", error.getMessage());
        }
    }
}
