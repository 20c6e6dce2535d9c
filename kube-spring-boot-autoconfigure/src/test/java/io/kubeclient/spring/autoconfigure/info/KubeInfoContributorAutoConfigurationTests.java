package io.kubeclient.spring.autoconfigure.info;

import static io.kubeclient.spring.autoconfigure.KubeTestServers.url;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclient.spring.autoconfigure.KubeClientAutoConfiguration;
import io.kubeclient.spring.autoconfigure.KubeTestServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KubeInfoContributorAutoConfigurationTests {

    @TempDir
    Path dir;

    KubeTestServers servers;

    ApplicationContextRunner runner;

    @BeforeEach
    void setUp() {
        this.servers = new KubeTestServers();
        this.runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class,
                    KubeInfoContributorAutoConfiguration.class))
            .withPropertyValues("kube.client.kubeconfig=" + this.servers.writeKubeconfig(this.dir));
    }

    @AfterEach
    void tearDown() {
        this.servers.close();
    }

    @Test
    void offByDefault() {
        this.runner.run((context) -> assertThat(context).doesNotHaveBean(KubeInfoContributor.class));
    }

    @Test
    void optInContributesStaticFactsWithoutCallingTheServer() {
        this.runner.withPropertyValues("management.info.kube.enabled=true", "kube.client.qps=12", "kube.client.burst=24")
            .run((context) -> {
                Info.Builder builder = new Info.Builder();
                context.getBean(KubeInfoContributor.class).contribute(builder);
                @SuppressWarnings("unchecked")
                Map<String, Object> kube = (Map<String, Object>) builder.build().getDetails().get("kube");
                assertThat(kube).containsEntry("server", url(this.servers.main))
                    .containsEntry("context", "main")
                    .containsEntry("namespace", "team-a")
                    .containsEntry("qps", 12.0f)
                    .containsEntry("burst", 24)
                    .containsKey("clientVersion");
                assertThat(this.servers.main.getRequestCount()).isZero();
            });
    }
}
