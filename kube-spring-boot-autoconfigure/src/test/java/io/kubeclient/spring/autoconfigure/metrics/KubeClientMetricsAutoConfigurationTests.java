package io.kubeclient.spring.autoconfigure.metrics;

import static io.kubeclient.spring.autoconfigure.KubeTestServers.enqueue;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclient.rest.RESTClient;
import io.kubeclient.spring.autoconfigure.KubeClientAutoConfiguration;
import io.kubeclient.spring.autoconfigure.KubeTestServers;
import io.kubeclient.transport.ExecPluginListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KubeClientMetricsAutoConfigurationTests {

    @TempDir
    Path dir;

    KubeTestServers servers;

    ApplicationContextRunner runner;

    @BeforeEach
    void setUp() {
        this.servers = new KubeTestServers();
        this.runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class,
                    KubeClientMetricsAutoConfiguration.class))
            .withPropertyValues("kube.client.kubeconfig=" + this.servers.writeKubeconfig(this.dir));
    }

    @AfterEach
    void tearDown() {
        this.servers.close();
    }

    @Test
    void noBinderWithoutAMeterRegistry() {
        this.runner.run((context) -> assertThat(context).doesNotHaveBean(KubeClientMetrics.class));
    }

    @Test
    void recordsRequestsRetriesWaitsAndLimits() {
        this.runner.withBean(SimpleMeterRegistry.class)
            .withPropertyValues("kube.client.qps=50", "kube.client.burst=60")
            .run((context) -> {
                assertThat(context).hasSingleBean(KubeClientMetrics.class);
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                context.getBean(KubeClientMetrics.class).bindTo(registry);
                enqueue(this.servers.main, 503, "", "Retry-After", "0");
                enqueue(this.servers.main, 200, "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"items\":[]}");
                context.getBean(RESTClient.class).get().resource("pods").execute();
                String host = "localhost:" + this.servers.main.getPort();
                assertThat(registry.get("kube.client.requests").tags("verb", "GET", "resource", "pods", "code", "503",
                        "host", host).timer().count()).isEqualTo(1);
                assertThat(registry.get("kube.client.requests").tags("code", "200").timer().count()).isEqualTo(1);
                assertThat(registry.get("kube.client.request.retries").tags("verb", "GET", "code", "503", "host", host)
                    .counter().count()).isEqualTo(1.0);
                assertThat(registry.get("kube.client.rate.limiter.wait").tags("verb", "GET", "host", host).timer().count())
                    .isEqualTo(2);
                assertThat(registry.get("kube.client.requests.active").gauge().value()).isZero();
                assertThat(registry.get("kube.client.rate.limiter.qps").gauge().value()).isEqualTo(50.0);
                assertThat(registry.get("kube.client.rate.limiter.burst").gauge().value()).isEqualTo(60.0);
            });
    }

    @Test
    void twoContextsInOneJvmEachCountOnlyTheirOwnRequests() {
        this.runner.withBean(SimpleMeterRegistry.class).run((first) -> this.runner.withBean(SimpleMeterRegistry.class)
            .run((second) -> {
                MeterRegistry firstRegistry = first.getBean(MeterRegistry.class);
                MeterRegistry secondRegistry = second.getBean(MeterRegistry.class);
                first.getBean(KubeClientMetrics.class).bindTo(firstRegistry);
                second.getBean(KubeClientMetrics.class).bindTo(secondRegistry);
                assertThat(first.getBean(io.kubeclient.rest.RestConfig.class).metrics())
                    .isSameAs(first.getBean(KubeClientMetrics.class));

                enqueue(this.servers.main, 200, "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"items\":[]}");
                first.getBean(RESTClient.class).get().resource("pods").execute();

                assertThat(firstRegistry.get("kube.client.requests").tags("resource", "pods").timer().count()).isEqualTo(1);
                assertThat(secondRegistry.find("kube.client.requests").timer()).isNull();
            }));
    }

    @Test
    void stopsListeningWhenTheContextCloses() {
        this.runner.withBean(SimpleMeterRegistry.class).run((context) -> {
            KubeClientMetrics metrics = context.getBean(KubeClientMetrics.class);
            metrics.bindTo(context.getBean(MeterRegistry.class));
            assertThat(ExecPluginListener.registered()).isSameAs(metrics);
        });
        assertThat(ExecPluginListener.registered()).isSameAs(ExecPluginListener.NOOP);
    }

    @Test
    void countsExecPluginCallsAndReportsCertificateTtl() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        KubeClientMetrics metrics = new KubeClientMetrics(null, 10, Clock.fixed(now, ZoneOffset.UTC));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        metrics.bindTo(registry);
        try {
            metrics.pluginCalled("aws", ExecPluginListener.Outcome.SUCCESS, 0, Duration.ofMillis(5));
            metrics.pluginCalled("aws", ExecPluginListener.Outcome.SUCCESS, 0, Duration.ofMillis(5));
            metrics.pluginCalled("aws", ExecPluginListener.Outcome.PLUGIN_NOT_FOUND, -1, Duration.ZERO);
            assertThat(registry.get("kube.client.exec.plugin.calls").tags("outcome", "success").counter().count())
                .isEqualTo(2.0);
            assertThat(registry.get("kube.client.exec.plugin.calls").tags("outcome", "plugin_not_found").counter().count())
                .isEqualTo(1.0);
            assertThat(registry.get("kube.client.exec.certificate.ttl").timeGauge().value(TimeUnit.SECONDS)).isNaN();
            metrics.clientCertificateRotated("aws", now.plus(Duration.ofHours(1)));
            assertThat(registry.get("kube.client.exec.certificate.ttl").timeGauge().value(TimeUnit.SECONDS))
                .isEqualTo(3600.0);
            assertThat(registry.find("kube.client.rate.limiter.qps").gauge()).isNull();
        }
        finally {
            metrics.close();
        }
    }
}
