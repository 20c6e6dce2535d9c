package io.kubeclient.spring.autoconfigure.health;

import static io.kubeclient.spring.autoconfigure.KubeTestServers.enqueue;
import static io.kubeclient.spring.autoconfigure.KubeTestServers.take;
import static io.kubeclient.spring.autoconfigure.KubeTestServers.url;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclient.flowcontrol.RateLimiter;
import io.kubeclient.spring.autoconfigure.KubeClientAutoConfiguration;
import io.kubeclient.spring.autoconfigure.KubeTestServers;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class KubeHealthContributorAutoConfigurationTests {

    private static final String VERSION = "{\"major\":\"1\",\"minor\":\"34\",\"gitVersion\":\"v1.34.1\"}";

    @TempDir
    Path dir;

    KubeTestServers servers;

    ApplicationContextRunner runner;

    @BeforeEach
    void setUp() {
        this.servers = new KubeTestServers();
        this.runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class,
                    KubeHealthContributorAutoConfiguration.class))
            .withPropertyValues("kube.client.kubeconfig=" + this.servers.writeKubeconfig(this.dir));
    }

    @AfterEach
    void tearDown() {
        this.servers.close();
    }

    @Test
    void upWhenReadyzAnswersWithVersionAndConnectionDetails() {
        this.runner.withPropertyValues("kube.client.qps=20", "kube.client.burst=30").run((context) -> {
            assertThat(context).hasSingleBean(KubeHealthIndicator.class).hasBean("kubeHealthIndicator");
            enqueue(this.servers.main, 200, "ok");
            enqueue(this.servers.main, 200, VERSION);
            Health health = context.getBean(KubeHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("server", url(this.servers.main))
                .containsEntry("version", "v1.34.1")
                .containsEntry("context", "main")
                .containsEntry("namespace", "team-a")
                .containsEntry("qps", 20.0f)
                .containsEntry("burst", 30)
                .containsKey("latency");
            assertThat(take(this.servers.main).getTarget()).isEqualTo("/readyz?timeout=2s");
            assertThat(take(this.servers.main).getTarget()).isEqualTo("/version?timeout=2s");
        });
    }

    @Test
    void fallsBackToVersionWhenReadyzIsMissing() {
        this.runner.run((context) -> {
            enqueue(this.servers.main, 404, "");
            enqueue(this.servers.main, 200, VERSION);
            Health health = context.getBean(KubeHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("version", "v1.34.1").containsEntry("probe", "/version");
        });
    }

    @Test
    void downWithTheErrorTypeAndReasonButNoCredential() {
        this.runner.run((context) -> {
            enqueue(this.servers.main, 403, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                    + "\"message\":\"forbidden\",\"reason\":\"Forbidden\",\"code\":403}");
            Health health = context.getBean(KubeHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("code", 403)
                .containsEntry("reason", "Forbidden")
                .containsKey("error");
            assertThat(health.getDetails().toString()).doesNotContain("alice-token");
        });
    }

    @Test
    void downWhenTheServerIsUnreachable() {
        this.runner.withPropertyValues("kube.client.master-url=https://localhost:1").run((context) -> {
            Health health = context.getBean(KubeHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat((String) health.getDetails().get("error")).startsWith("io.kubeclient.");
        });
    }

    @Test
    void probeDoesNotWaitForASaturatedRateLimiter() {
        this.runner.withPropertyValues("kube.client.qps=0.0001", "kube.client.burst=1").run((context) -> {
            RateLimiter limiter = context.getBean(RateLimiter.class);
            assertThat(limiter.tryAccept()).isTrue();
            assertThat(limiter.tryAccept()).isFalse();
            enqueue(this.servers.main, 200, "ok");
            enqueue(this.servers.main, 200, VERSION);
            assertThat(context.getBean(KubeHealthIndicator.class).health(true).getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void healthTimeoutIsApplied() {
        this.runner.withPropertyValues("kube.client.health.timeout=750ms").run((context) -> {
            enqueue(this.servers.main, 200, "ok");
            enqueue(this.servers.main, 200, VERSION);
            context.getBean(KubeHealthIndicator.class).health(true);
            assertThat(take(this.servers.main).getTarget()).isEqualTo("/readyz?timeout=750ms");
        });
    }

    @Test
    void disabledByProperty() {
        this.runner.withPropertyValues("management.health.kube.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(KubeHealthIndicator.class));
    }

    @Test
    void absentWithoutTheClient() {
        this.runner.withPropertyValues("kube.client.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(KubeHealthIndicator.class));
    }

    @Test
    void absentWithoutTheHealthModule() {
        new ApplicationContextRunner().withUserConfiguration(ImportingConfiguration.class)
            .withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
            .withPropertyValues("kube.client.kubeconfig=" + this.servers.writeKubeconfig(this.dir))
            .run((context) -> assertThat(context).hasNotFailed()
                .hasBean("kubeRestClient")
                .doesNotHaveBean("kubeHealthIndicator"));
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ KubeClientAutoConfiguration.class, KubeHealthContributorAutoConfiguration.class })
    static class ImportingConfiguration {

    }
}
