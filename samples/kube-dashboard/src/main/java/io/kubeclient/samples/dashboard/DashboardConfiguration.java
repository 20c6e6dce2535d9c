package io.kubeclient.samples.dashboard;

import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.spring.autoconfigure.KubeConnectionDetails;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dashboard's beans: the live cluster view and the client panel, over the starter's Clientset. */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    ClusterView clusterView(Clientset clientset, KubeConnectionDetails connection) {
        String source = connection.source();
        return new ClusterView(clientset, (source != null) ? source : connection.restConfig().host());
    }

    @Bean
    ClientPanel clientPanel(ObjectProvider<MeterRegistry> registry, ObjectProvider<HealthEndpoint> health) {
        return new ClientPanel(registry, health);
    }
}
