package io.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InClusterConfigTest {

    @TempDir
    Path sa;

    private final Map<String, String> env = new HashMap<>(Map.of(
            "KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443"));

    private InClusterConfig icc() {
        return InClusterConfig.of(env::get, sa);
    }

    @Test
    void buildsHttpsHostTokenFileAndCa() throws Exception {
        Files.writeString(sa.resolve("token"), "tok-123\n");
        Files.writeString(sa.resolve("ca.crt"), new HeldCertificate.Builder().build().certificatePem());
        RestConfig c = icc().restConfig();
        assertThat(c.host()).isEqualTo("https://10.96.0.1:443");
        assertThat(c.bearerToken()).isEqualTo("tok-123\n"); // read once, untrimmed, as client-go
        assertThat(c.bearerTokenFile()).isEqualTo(sa.resolve("token"));
        assertThat(c.caFile()).isEqualTo(sa.resolve("ca.crt"));
        assertThat(c.toString()).doesNotContain("tok-123");
    }

    @Test
    void bracketsIpv6Hosts() throws Exception {
        Files.writeString(sa.resolve("token"), "t");
        env.put("KUBERNETES_SERVICE_HOST", "fd00::1");
        assertThat(icc().restConfig().host()).isEqualTo("https://[fd00::1]:443");
    }

    @Test
    void leavesCaEmptyWhenItDoesNotParse() throws Exception {
        Files.writeString(sa.resolve("token"), "t");
        Files.writeString(sa.resolve("ca.crt"), "not a certificate");
        assertThat(icc().restConfig().caFile()).isNull();
        // A CERTIFICATE block whose certificate is cut short.
        String pem = new HeldCertificate.Builder().build().certificatePem();
        String[] lines = pem.split("\n");
        StringBuilder truncated = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i < 3 || i == lines.length - 1) {
                truncated.append(lines[i]).append('\n');
            }
        }
        Files.writeString(sa.resolve("ca.crt"), truncated);
        assertThat(icc().restConfig().caFile()).as("a truncated certificate").isNull();
    }

    @Test
    void keepsACaBundleAndLeavesOutAnEmptyOrMissingCa() throws Exception {
        Files.writeString(sa.resolve("token"), "t");
        Files.writeString(sa.resolve("ca.crt"), new HeldCertificate.Builder().build().certificatePem()
                + new HeldCertificate.Builder().build().certificatePem());
        assertThat(icc().restConfig().caFile()).as("two certificates").isEqualTo(sa.resolve("ca.crt"));
        Files.writeString(sa.resolve("ca.crt"), "");
        assertThat(icc().restConfig().caFile()).as("an empty file").isNull();
        Files.delete(sa.resolve("ca.crt"));
        assertThat(icc().restConfig().caFile()).as("no file").isNull();
    }

    @Test
    void failsOutsideCluster() {
        env.remove("KUBERNETES_SERVICE_PORT");
        assertThatThrownBy(() -> icc().restConfig()).isInstanceOf(NotInClusterException.class)
                .hasMessage("unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be defined");
        assertThat(icc().isPossible()).isFalse();
    }

    @Test
    void missingTokenIsAConfigErrorNamingTheFile() {
        assertThatThrownBy(() -> icc().restConfig()).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).file()).contains(sa.resolve("token")));
    }

    @Test
    void possibleOnlyWithEnvAndTokenFile() throws Exception {
        assertThat(icc().isPossible()).isFalse();
        Files.createDirectory(sa.resolve("token"));
        assertThat(icc().isPossible()).isFalse();
        Files.delete(sa.resolve("token"));
        Files.writeString(sa.resolve("token"), "t");
        assertThat(icc().isPossible()).isTrue();
        env.put("KUBERNETES_SERVICE_HOST", "");
        assertThat(icc().isPossible()).isFalse();
    }

    @Test
    void namespaceFromEnvThenFileThenDefault() throws Exception {
        assertThat(icc().namespace()).isEqualTo("default");
        Files.writeString(sa.resolve("namespace"), "  team-a\n");
        assertThat(icc().namespace()).isEqualTo("team-a");
        env.put("POD_NAMESPACE", "from-env");
        assertThat(icc().namespace()).isEqualTo("from-env");
    }

    @Test
    void hostWorksWithServerUrls() throws Exception {
        Files.writeString(sa.resolve("token"), "t");
        assertThat(ServerUrls.defaultServerUrl(icc().restConfig()).isTls()).isTrue();
    }
}
