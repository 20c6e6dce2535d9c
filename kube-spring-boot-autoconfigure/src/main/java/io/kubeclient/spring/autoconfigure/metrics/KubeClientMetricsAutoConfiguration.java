package io.kubeclient.spring.autoconfigure.metrics;

import io.kubeclient.flowcontrol.RateLimiter;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.spring.autoconfigure.KubeClientAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Binds {@link KubeClientMetrics} to the application's {@link MeterRegistry} when there is one.
 */
@AutoConfiguration(after = KubeClientAutoConfiguration.class,
        afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, RestConfig.class })
public final class KubeClientMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KubeClientMetrics kubeClientMetrics(RestConfig restConfig, ObjectProvider<RateLimiter> rateLimiter) {
        RateLimiter limiter = rateLimiter.getIfUnique(restConfig::rateLimiter);
        int burst = (restConfig.burst() == 0) ? RestConfig.DEFAULT_BURST : restConfig.burst();
        return new KubeClientMetrics(limiter, burst);
    }
}
