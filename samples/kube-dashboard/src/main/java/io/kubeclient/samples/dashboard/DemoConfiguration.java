package io.kubeclient.samples.dashboard;

import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.spring.autoconfigure.KubeConnectionDetails;
import io.kubeclient.testing.FakeApiServer;
import java.time.Duration;
import java.util.Random;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded demo cluster: a seeded {@link FakeApiServer}, a {@link KubeConnectionDetails} that
 * points the starter at it (replacing {@code kube.client.*} connection properties), and the
 * {@link Simulator}. Active under {@link DemoModeCondition}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoModeCondition.class)
class DemoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    FakeApiServer demoApiServer() {
        FakeApiServer server = FakeApiServer.builder().start();
        DemoCluster.seed(server, new Random());
        return server;
    }

    @Bean
    @ConditionalOnMissingBean(KubeConnectionDetails.class)
    KubeConnectionDetails demoConnectionDetails(FakeApiServer server) {
        return new KubeConnectionDetails() {
            @Override
            public RestConfig restConfig() {
                return server.restConfig();
            }

            @Override
            public String source() {
                return "demo";
            }
        };
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "dashboard.simulator.enabled", matchIfMissing = true)
    Simulator demoSimulator(Clientset clientset, FakeApiServer server,
            @Value("${dashboard.simulator.interval:1s}") Duration interval,
            @Value("${dashboard.simulator.churn:true}") boolean churn) {
        return new Simulator(clientset, server.clock(), new Random(), interval, churn);
    }
}
