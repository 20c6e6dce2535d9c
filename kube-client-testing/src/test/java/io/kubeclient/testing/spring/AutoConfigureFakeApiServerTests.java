package io.kubeclient.testing.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.spring.autoconfigure.KubeConnectionDetails;
import io.kubeclient.testing.FakeApiServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/** A Spring Boot application with kube-client's starter talks to the fake server with no properties. */
@SpringBootTest(classes = AutoConfigureFakeApiServerTests.App.class,
        // Even a kubeconfig that points elsewhere is overridden by the fake server's connection details.
        properties = "kube.client.master-url=https://192.0.2.1:6443")
@AutoConfigureFakeApiServer
class AutoConfigureFakeApiServerTests {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {}

    @Autowired
    FakeApiServer server;

    @Autowired
    Clientset clientset;

    @Autowired
    KubeConnectionDetails connectionDetails;

    @Autowired
    RestConfig restConfig;

    @Test
    void theAutoConfiguredClientsetTalksToTheFakeServer() {
        this.server.put(new ConfigMapBuilder().withNewMetadata().withName("settings").withNamespace("default")
                .endMetadata().withData(Map.of("mode", "test")).build());

        ConfigMap read = this.clientset.coreV1().configMaps("default").get("settings");

        assertThat(read.getData()).containsEntry("mode", "test");
        this.clientset.coreV1().configMaps("default").create(new ConfigMapBuilder().withNewMetadata()
                .withName("written").endMetadata().build());
        assertThat(this.server.get(ConfigMap.class, "default", "written")).isNotNull();
    }

    @Test
    void connectionDetailsReplaceTheProperties() {
        assertThat(this.connectionDetails).isInstanceOf(FakeApiServerConnectionDetails.class);
        assertThat(this.connectionDetails.source()).isEqualTo("fake-api-server");
        assertThat(this.restConfig.host()).isEqualTo(this.server.url().toString());
    }
}
