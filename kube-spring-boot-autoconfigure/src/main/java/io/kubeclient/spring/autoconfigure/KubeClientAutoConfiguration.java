package io.kubeclient.spring.autoconfigure;

import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.discovery.CachedDiscoveryInterface;
import io.kubeclient.discovery.DiscoveryClient;
import io.kubeclient.discovery.MemCacheDiscoveryClient;
import io.kubeclient.dynamic.DynamicClient;
import io.kubeclient.flowcontrol.RateLimiter;
import io.kubeclient.flowcontrol.RateLimiters;
import io.kubeclient.rest.metrics.ClientMetrics;
import io.kubeclient.rest.InClusterConfig;
import io.kubeclient.rest.RESTClient;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.rest.WarningHandler;
import io.kubeclient.rest.WarningHandlers;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.restmapper.DeferredDiscoveryRESTMapper;
import io.kubeclient.restmapper.RESTMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Auto-configuration of kube-client from {@code kube.client.*}: {@link KubeConnectionDetails}, the
 * {@link RestConfig}, the shared {@link RateLimiter}, the core/v1 {@link RESTClient}, the
 * {@link Clientset}, the memory-cached discovery client, the deferred discovery {@link RESTMapper} and
 * the {@link DynamicClient}.
 * Every bean backs off when the application defines one of the same type. Nothing here talks to the
 * API server: discovery and mapping are lazy.
 *
 * <p>The client encodes and decodes with its own Jackson 3 mapper; the application's
 * {@code JsonMapper} (and {@code spring.jackson.*}) never affects the wire format.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "kube.client.enabled", matchIfMissing = true)
@EnableConfigurationProperties(KubeClientProperties.class)
public final class KubeClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(KubeConnectionDetails.class)
    PropertiesKubeConnectionDetails kubeConnectionDetails(KubeClientProperties properties, Environment environment) {
        // Environment variables are read through Spring's Environment, which includes the process
        // environment, so tests and launchers can supply KUBECONFIG or HOME as properties too.
        Function<String, String> env = new EnvironmentLookup(environment);
        return new PropertiesKubeConnectionDetails(properties, env,
                InClusterConfig.of(env, InClusterConfig.DEFAULT_SERVICE_ACCOUNT_DIR));
    }

    @Bean
    @ConditionalOnMissingBean
    @Conditional(OnRateLimitingCondition.class)
    RateLimiter kubeRateLimiter(KubeClientProperties properties) {
        validateRateLimit(properties);
        float qps = (properties.getQps() == 0) ? RestConfig.DEFAULT_QPS : properties.getQps();
        int burst = (properties.getBurst() == 0) ? RestConfig.DEFAULT_BURST : properties.getBurst();
        return RateLimiters.tokenBucket(qps, burst);
    }

    @Bean
    @ConditionalOnMissingBean
    RestConfig kubeRestConfig(KubeConnectionDetails connectionDetails, KubeClientProperties properties,
            ObjectProvider<RateLimiter> rateLimiter, ObjectProvider<ClientMetrics> metrics,
            ObjectProvider<RestConfigCustomizer> customizers) {
        validateRateLimit(properties);
        RestConfig.Builder builder = connectionDetails.restConfig().toBuilder();
        builder.qps(properties.getQps()).burst(properties.getBurst());
        // Plain calls rather than method references here and below: each lambda is bootstrapped on
        // first use, time an application pays at start.
        RateLimiter limiter = rateLimiter.getIfAvailable();
        if (limiter != null) {
            builder.rateLimiter(limiter);
        }
        // Per-client metrics, so that several application contexts in one JVM never report into
        // each other's registries.
        ClientMetrics clientMetrics = metrics.getIfUnique();
        if (clientMetrics != null) {
            builder.metrics(clientMetrics);
        }
        if (properties.getTimeout() != null) {
            if (properties.getTimeout().isNegative()) {
                throw invalid("kube.client.timeout", "must not be negative, got " + properties.getTimeout());
            }
            builder.timeout(properties.getTimeout());
        }
        Duration connectTimeout = properties.getConnectTimeout();
        if (connectTimeout != null) {
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw invalid("kube.client.connect-timeout", "must be positive, got " + connectTimeout);
            }
            builder.connectTimeout(connectTimeout);
        }
        if (properties.getMaxRetries() < 0) {
            throw invalid("kube.client.max-retries", "must not be negative, got " + properties.getMaxRetries());
        }
        builder.maxRetries(properties.getMaxRetries());
        if (properties.getUserAgent() != null) {
            builder.userAgent(properties.getUserAgent());
        }
        if (properties.getProxyUrl() != null) {
            builder.proxyUrl(proxyUrl(properties.getProxyUrl()));
        }
        if (!properties.isHttp2()) {
            builder.nextProtos(List.of("http/1.1"));
        }
        builder.warningHandler(warningHandler(properties.getWarnings()));
        for (RestConfigCustomizer customizer : customizers.orderedStream().toList()) {
            customizer.customize(builder);
        }
        return builder.build();
    }

    /**
     * The client for the core API group ({@code /api/v1}). For another group/version, derive one
     * from the {@link RestConfig} bean: {@code RESTClient.forConfig(config.toBuilder()
     * .apiPath("/apis").groupVersion(GroupVersion.of("apps", "v1")).build())}.
     */
    @Bean
    @ConditionalOnMissingBean
    RESTClient kubeRestClient(RestConfig restConfig) {
        return RESTClient.forConfig(restConfig.toBuilder().apiPath("/api").groupVersion(GroupVersion.of("", "v1")).build());
    }

    @Bean
    @ConditionalOnMissingBean
    Clientset kubeClientset(RestConfig restConfig) {
        return Clientset.newForConfig(restConfig);
    }

    @Bean
    @ConditionalOnMissingBean
    DynamicClient kubeDynamicClient(RestConfig restConfig) {
        return DynamicClient.newForConfig(restConfig);
    }

    /**
     * The memory-cached discovery client; it asks the server on first use, and again once the cache
     * is older than {@code kube.client.discovery.cache-ttl}.
     */
    @Bean
    @ConditionalOnMissingBean(CachedDiscoveryInterface.class)
    ExpiringCachedDiscovery kubeDiscoveryClient(RestConfig restConfig, KubeClientProperties properties) {
        Duration ttl = properties.getDiscovery().getCacheTtl();
        if (ttl != null && ttl.isNegative()) {
            throw invalid("kube.client.discovery.cache-ttl", "must not be negative, got " + ttl);
        }
        DiscoveryClient client = DiscoveryClient.newForConfig(restConfig);
        return new ExpiringCachedDiscovery(new MemCacheDiscoveryClient(client), ttl,
                ExpiringCachedDiscovery.SYSTEM_NANO_TIME, client);
    }

    @Bean
    @ConditionalOnMissingBean(RESTMapper.class)
    DeferredDiscoveryRESTMapper kubeRestMapper(CachedDiscoveryInterface discovery) {
        return new DeferredDiscoveryRESTMapper(discovery);
    }

    static void validateRateLimit(KubeClientProperties properties) {
        if (properties.getBurst() < 0) {
            throw invalid("kube.client.burst", "must not be negative, got " + properties.getBurst());
        }
        if (Float.isNaN(properties.getQps())) {
            throw invalid("kube.client.qps", "must be a number");
        }
    }

    static WarningHandler warningHandler(KubeClientProperties.Warnings warnings) {
        return switch (warnings) {
            case LOG_ONCE -> WarningHandlers.logging();
            case LOG_EVERY -> new LoggingWarningHandler();
            case IGNORE -> WarningHandlers.none();
        };
    }

    private static URI proxyUrl(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw invalid("kube.client.proxy-url", "is not a URL");
        }
        String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
        if (!List.of("http", "https", "socks5").contains(scheme) || uri.getHost() == null) {
            throw invalid("kube.client.proxy-url", "must be an http, https or socks5 URL with a host");
        }
        return uri;
    }

    private static KubeClientConfigurationException invalid(String property, String message) {
        return new KubeClientConfigurationException(property, message, "Fix " + property + ".", null);
    }

    /**
     * Reads a variable or property from the {@link Environment}: a class rather than a method
     * reference, whose call site the application would bootstrap on its main thread at start.
     */
    static final class EnvironmentLookup implements Function<String, String> {

        private final Environment environment;

        EnvironmentLookup(Environment environment) {
            this.environment = environment;
        }

        @Override
        public String apply(String name) {
            return this.environment.getProperty(name);
        }
    }

    /** Matches unless {@code kube.client.qps} is negative, which switches client-side rate limiting off. */
    static final class OnRateLimitingCondition extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            float qps = Binder.get(context.getEnvironment()).bind("kube.client.qps", Float.class).orElse(RestConfig.DEFAULT_QPS);
            return (qps < 0) ? ConditionOutcome.noMatch("kube.client.qps is negative: no client-side rate limiting")
                    // concat, not +: a float's string concatenation is bootstrapped on first use, which
                    // cost the main thread about 0.5 ms at start.
                    : ConditionOutcome.match("kube.client.qps is ".concat(Float.toString(qps)));
        }
    }
}
