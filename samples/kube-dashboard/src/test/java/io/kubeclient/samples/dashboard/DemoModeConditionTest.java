package io.kubeclient.samples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class DemoModeConditionTest {

    @TempDir
    Path home;

    MockEnvironment env() {
        return new MockEnvironment().withProperty("HOME", this.home.toString());
    }

    @Test
    void nothingPointsAtAClusterOnAnEmptyMachine() {
        assertThat(DemoModeCondition.realClusterConfiguration(env())).isNull();
    }

    @Test
    void aKubeconfigInHomeIsARealCluster() throws Exception {
        Files.createDirectories(this.home.resolve(".kube"));
        Files.writeString(this.home.resolve(".kube/config"), "apiVersion: v1\nkind: Config\n");
        assertThat(DemoModeCondition.realClusterConfiguration(env())).isEqualTo("~/.kube/config");
    }

    @Test
    void kubeconfigEnvironmentCountsOnlyWhenAFileExists() throws Exception {
        assertThat(DemoModeCondition.realClusterConfiguration(
                env().withProperty("KUBECONFIG", this.home.resolve("missing").toString()))).isNull();
        Path file = Files.writeString(this.home.resolve("kc"), "apiVersion: v1\n");
        assertThat(DemoModeCondition.realClusterConfiguration(env().withProperty("KUBECONFIG", file.toString())))
                .startsWith("KUBECONFIG");
    }

    @Test
    void propertiesAndInClusterPointAtARealCluster() {
        assertThat(DemoModeCondition.realClusterConfiguration(env().withProperty("kube.client.master-url", "https://k:6443")))
                .isEqualTo("kube.client.master-url");
        assertThat(DemoModeCondition.realClusterConfiguration(env().withProperty("kube.client.kubeconfig", "/x")))
                .isEqualTo("kube.client.kubeconfig");
        assertThat(DemoModeCondition.realClusterConfiguration(env().withProperty("KUBERNETES_SERVICE_HOST", "10.0.0.1")))
                .isEqualTo("in-cluster service account");
    }
}
