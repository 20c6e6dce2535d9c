package io.kubeclient.spring.autoconfigure.info;

import io.kubeclient.flowcontrol.RateLimiter;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.spring.autoconfigure.KubeConnectionDetails;
import io.kubeclient.transport.AuthTransports;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Adds a {@code kube} section to {@code /actuator/info} with static facts only (no call to the API
 * server): the configured server, the kubeconfig context or {@code in-cluster}, the namespace, the
 * kube-client version and the client-side rate limit.
 */
public class KubeInfoContributor implements InfoContributor {

    private final Map<String, Object> details;

    /**
     * @param restConfig the client's configuration
     * @param connectionDetails where it came from, or {@code null}
     * @param rateLimiter the shared limiter, or {@code null} when requests are not throttled
     */
    public KubeInfoContributor(RestConfig restConfig, KubeConnectionDetails connectionDetails, RateLimiter rateLimiter) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("server", restConfig.host());
        if (connectionDetails != null) {
            if (connectionDetails.source() != null) {
                d.put("context", connectionDetails.source());
            }
            d.put("namespace", connectionDetails.namespace());
        }
        d.put("clientVersion", clientVersion());
        RateLimiter limiter = (rateLimiter != null) ? rateLimiter : restConfig.rateLimiter();
        if (limiter != null) {
            d.put("qps", limiter.qps());
            d.put("burst", (restConfig.burst() == 0) ? RestConfig.DEFAULT_BURST : restConfig.burst());
        }
        else if (restConfig.qps() >= 0) {
            d.put("qps", (restConfig.qps() == 0) ? RestConfig.DEFAULT_QPS : restConfig.qps());
            d.put("burst", (restConfig.burst() == 0) ? RestConfig.DEFAULT_BURST : restConfig.burst());
        }
        this.details = Map.copyOf(d);
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("kube", this.details);
    }

    /** The version kube-client puts in its default User-Agent ({@code .../<version>}). */
    static String clientVersion() {
        String ua = AuthTransports.defaultUserAgent();
        int i = ua.lastIndexOf("kube-client/");
        return (i >= 0) ? ua.substring(i + "kube-client/".length()) : "unknown";
    }
}
