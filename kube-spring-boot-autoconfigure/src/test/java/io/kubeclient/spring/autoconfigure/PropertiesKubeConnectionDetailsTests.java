package io.kubeclient.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.rest.InClusterConfig;
import io.kubeclient.rest.RestConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertiesKubeConnectionDetailsTests {

    @TempDir
    Path dir;

    private final KubeClientProperties properties = new KubeClientProperties();

    private final Function<String, String> env = Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1",
            "KUBERNETES_SERVICE_PORT", "443", "HOME", "/nonexistent-home")::get;

    private PropertiesKubeConnectionDetails details() {
        KubeTestServers.write(this.dir.resolve("token"), "sa-token");
        KubeTestServers.write(this.dir.resolve("namespace"), "pod-ns\n");
        return new PropertiesKubeConnectionDetails(this.properties, this.env, InClusterConfig.of(this.env, this.dir));
    }

    @Test
    void inClusterModeUsesTheServiceAccount() {
        this.properties.setMode(KubeClientProperties.Mode.IN_CLUSTER);
        PropertiesKubeConnectionDetails details = details();
        RestConfig config = details.restConfig();
        assertThat(config.host()).isEqualTo("https://10.0.0.1:443");
        assertThat(config.bearerTokenFile()).isEqualTo(this.dir.resolve("token"));
        assertThat(details.namespace()).isEqualTo("pod-ns");
        assertThat(details.source()).isEqualTo("in-cluster");
    }

    @Test
    void autoModeFallsBackToInClusterWhenNoKubeconfigExists() {
        PropertiesKubeConnectionDetails details = details();
        assertThat(details.restConfig().host()).isEqualTo("https://10.0.0.1:443");
        assertThat(details.source()).isEqualTo("in-cluster");
    }

    @Test
    void inClusterTakesConnectionOverrides() {
        this.properties.setMode(KubeClientProperties.Mode.IN_CLUSTER);
        this.properties.setMasterUrl("https://api.example:6443");
        this.properties.setNamespace("mine");
        this.properties.setTlsServerName("kube.internal");
        this.properties.setToken("override");
        this.properties.getImpersonate().setUser("jane");
        PropertiesKubeConnectionDetails details = details();
        RestConfig config = details.restConfig();
        assertThat(config.host()).isEqualTo("https://api.example:6443");
        assertThat(config.bearerToken()).isEqualTo("override");
        assertThat(config.serverName()).isEqualTo("kube.internal");
        assertThat(config.impersonation().userName()).isEqualTo("jane");
        assertThat(details.namespace()).isEqualTo("mine");
    }

    @Test
    void inClusterTokenFileIsReadAndKept() {
        this.properties.setMode(KubeClientProperties.Mode.IN_CLUSTER);
        Path other = KubeTestServers.write(this.dir.resolve("other-token"), "rotated");
        this.properties.setTokenFile(other.toString());
        RestConfig config = details().restConfig();
        assertThat(config.bearerToken()).isEqualTo("rotated");
        assertThat(config.bearerTokenFile()).isEqualTo(other);
    }

    @Test
    void insecureWithCertificateAuthorityIsRejected() {
        this.properties.setMode(KubeClientProperties.Mode.IN_CLUSTER);
        this.properties.setInsecureSkipTlsVerify(true);
        this.properties.setCertificateAuthority(KubeTestServers.write(this.dir.resolve("ca"), "x").toString());
        assertThatThrownBy(() -> details().restConfig()).isInstanceOf(KubeClientConfigurationException.class)
            .hasMessageContaining("kube.client.insecure-skip-tls-verify");
    }

    @Test
    void badMasterUrlIsRejected() {
        this.properties.setMode(KubeClientProperties.Mode.IN_CLUSTER);
        this.properties.setMasterUrl("https://exa mple");
        assertThatThrownBy(() -> details().restConfig()).isInstanceOf(KubeClientConfigurationException.class)
            .hasMessageContaining("kube.client.master-url");
    }

    @Test
    void credentialsNeverAppearInDescriptionsOrErrors() {
        this.properties.setMode(KubeClientProperties.Mode.IN_CLUSTER);
        this.properties.setToken("s3cret-XYZ");
        this.properties.setMasterUrl("https://admin:s3cret-XYZ@10.0.0.2:6443");
        PropertiesKubeConnectionDetails details = details();
        assertThat(this.properties.toString()).doesNotContain("s3cret-XYZ").contains("10.0.0.2:6443");
        assertThat(details.toString()).doesNotContain("s3cret-XYZ");
        assertThatThrownBy(details::restConfig).isInstanceOf(KubeClientConfigurationException.class)
            .hasMessageContaining("kube.client.master-url")
            .hasMessageContaining("user info")
            .hasMessageNotContaining("s3cret-XYZ");
        this.properties.setMasterUrl("https://admin:s3cret-XYZ@10.0.0.2:bad");
        assertThatThrownBy(details()::restConfig).isInstanceOf(KubeClientConfigurationException.class)
            .hasMessageNotContaining("s3cret-XYZ");
    }
}
