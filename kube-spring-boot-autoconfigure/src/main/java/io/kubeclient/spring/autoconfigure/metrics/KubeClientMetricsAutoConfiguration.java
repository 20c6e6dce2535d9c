package io.kubeclient.spring.autoconfigure.metrics;

import io.kubeclient.flowcontrol.RateLimiter;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.spring.autoconfigure.KubeClientAutoConfiguration;
import io.kubeclient.spring.autoconfigure.KubeClientProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Binds {@link KubeClientMetrics} to the application's {@link MeterRegistry} when there is one. The
 * auto-configured {@link RestConfig} reports to it, and so does every client built from that config;
 * a {@code RestConfig} built by hand reports to it when given {@code .metrics(kubeClientMetrics)}.
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
    KubeClientMetrics kubeClientMetrics(KubeClientProperties properties, ObjectProvider<RateLimiter> rateLimiter) {
        // Built from the properties, not the RestConfig bean: the RestConfig takes this instance as its
        // clients' metrics listener.
        int burst = (properties.getBurst() == 0) ? RestConfig.DEFAULT_BURST : properties.getBurst();
        return new KubeClientMetrics(rateLimiter.getIfUnique(), burst);
    }
}
