package io.kubeclient.spring.autoconfigure.health;

import io.kubeclient.rest.RESTClient;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.spring.autoconfigure.KubeClientAutoConfiguration;
import io.kubeclient.spring.autoconfigure.KubeClientProperties;
import io.kubeclient.spring.autoconfigure.KubeConnectionDetails;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link KubeHealthIndicator} as health component {@code kube} when the health module is
 * present and {@code management.health.kube.enabled} is not false. Belongs in the readiness group at
 * most, never in liveness.
 */
@AutoConfiguration(after = KubeClientAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnEnabledHealthIndicator.class)
@ConditionalOnSingleCandidate(RESTClient.class)
@ConditionalOnEnabledHealthIndicator("kube")
public final class KubeHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = { "kubeHealthIndicator", "kubeHealthContributor" })
    KubeHealthIndicator kubeHealthIndicator(RESTClient client, ObjectProvider<RestConfig> restConfig,
            ObjectProvider<KubeConnectionDetails> connectionDetails, ObjectProvider<KubeClientProperties> properties) {
        Map<String, Object> details = new LinkedHashMap<>();
        RestConfig config = restConfig.getIfUnique();
        if (config != null) {
            details.put("server", config.host());
        }
        KubeConnectionDetails connection = connectionDetails.getIfUnique();
        if (connection != null) {
            if (connection.source() != null) {
                details.put("context", connection.source());
            }
            details.put("namespace", connection.namespace());
        }
        if (client.rateLimiter() != null) {
            details.put("qps", client.rateLimiter().qps());
            if (config != null) {
                details.put("burst", (config.burst() == 0) ? RestConfig.DEFAULT_BURST : config.burst());
            }
        }
        KubeClientProperties props = properties.getIfUnique();
        Duration timeout = (props != null && props.getHealth().getTimeout() != null) ? props.getHealth().getTimeout()
                : Duration.ofSeconds(2);
        return new KubeHealthIndicator(client, timeout, details);
    }
}
