package io.kubeclient.clientcmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendedConfigOverrideFlagsTest {

    private final RecommendedConfigOverrideFlags flags = RecommendedConfigOverrideFlags.recommendedConfigOverrideFlags();

    @Test
    void bindsEveryFlagInBothForms() {
        var b = flags.bind("get", "--kubeconfig=/k", "--context", "ctx", "--cluster=cl", "--user", "u",
                "-n", "ns", "--server=https://s", "--token", "tok", "--insecure-skip-tls-verify",
                "--certificate-authority=/ca", "--client-certificate", "/crt", "--client-key=/key",
                "--tls-server-name", "sni", "--username=bob", "--password", "pw", "--as", "admin",
                "--as-group", "g1", "--as-group=g2", "--as-uid", "9", "--request-timeout=30s",
                "--proxy-url", "http://p", "--disable-compression=true", "pods");
        ConfigOverrides o = b.overrides();
        assertThat(b.kubeconfig()).isEqualTo(Path.of("/k"));
        assertThat(b.remaining()).containsExactly("get", "pods");
        assertThat(o.currentContext()).isEqualTo("ctx");
        assertThat(o.context().cluster()).isEqualTo("cl");
        assertThat(o.context().authInfo()).isEqualTo("u");
        assertThat(o.context().namespace()).isEqualTo("ns");
        assertThat(o.clusterInfo().server()).isEqualTo("https://s");
        assertThat(o.clusterInfo().insecureSkipTlsVerify()).isTrue();
        assertThat(o.clusterInfo().certificateAuthority()).isEqualTo("/ca");
        assertThat(o.clusterInfo().tlsServerName()).isEqualTo("sni");
        assertThat(o.clusterInfo().proxyUrl()).isEqualTo("http://p");
        assertThat(o.clusterInfo().disableCompression()).isTrue();
        assertThat(o.authInfo().token()).isEqualTo("tok");
        assertThat(o.authInfo().clientCertificate()).isEqualTo("/crt");
        assertThat(o.authInfo().clientKey()).isEqualTo("/key");
        assertThat(o.authInfo().username()).isEqualTo("bob");
        assertThat(o.authInfo().password()).isEqualTo("pw");
        assertThat(o.authInfo().impersonate()).isEqualTo("admin");
        assertThat(o.authInfo().impersonateGroups()).containsExactly("g1", "g2");
        assertThat(o.authInfo().impersonateUid()).isEqualTo("9");
        assertThat(o.timeout()).isEqualTo("30s");
    }

    @Test
    void defaultsMatchKubectl() {
        var b = flags.bind();
        assertThat(b.overrides().timeout()).isEqualTo("0");
        assertThat(b.kubeconfig()).isNull();
        assertThat(b.overrides().clusterInfo().isEmpty()).isTrue();
    }

    @Test
    void shorthandsAndNamespacePrefixes() {
        assertThat(flags.bind("-nfoo").overrides().context().namespace()).isEqualTo("foo");
        assertThat(flags.bind("-n=ns/bar").overrides().context().namespace()).isEqualTo("bar");
        assertThat(flags.bind("--namespace", "Namespaces/baz").overrides().context().namespace()).isEqualTo("baz");
        assertThat(flags.bind("-s", "https://x").overrides().clusterInfo().server()).isEqualTo("https://x");
    }

    @Test
    void boolFlagsDoNotConsumeTheNextArgument() {
        var b = flags.bind("--insecure-skip-tls-verify", "false");
        assertThat(b.overrides().clusterInfo().insecureSkipTlsVerify()).isTrue();
        assertThat(b.remaining()).containsExactly("false");
        assertThat(flags.bind("--insecure-skip-tls-verify=false").overrides().clusterInfo().insecureSkipTlsVerify()).isFalse();
        assertThatThrownBy(() -> flags.bind("--insecure-skip-tls-verify=maybe"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--insecure-skip-tls-verify");
    }

    @Test
    void leavesUnknownFlagsAndEverythingAfterDoubleDash() {
        var b = flags.bind("--verbose", "-v", "--", "--token", "x");
        assertThat(b.remaining()).containsExactly("--verbose", "-v", "--token", "x");
        assertThat(b.overrides().authInfo().token()).isEmpty();
    }

    @Test
    void requestTimeoutFormsAndErrors() {
        for (String ok : List.of("0", "15", "1m", "30s", "1h2m3s")) {
            assertThat(flags.bind("--request-timeout", ok).overrides().timeout()).isEqualTo(ok);
        }
        assertThatThrownBy(() -> flags.bind("--request-timeout=later")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid timeout value");
    }

    @Test
    void missingValueNamesTheFlagNotTheSecret() {
        assertThatThrownBy(() -> flags.bind("--token")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flag needs an argument: --token");
    }

    @Test
    void prefixApplies() {
        var prefixed = RecommendedConfigOverrideFlags.recommendedConfigOverrideFlags("target-");
        assertThat(prefixed.flagNames()).contains("--target-server", "--target-kubeconfig", "--target-as-group");
        var b = prefixed.bind("--target-server=https://t", "--server=https://other", "-n", "x");
        assertThat(b.overrides().clusterInfo().server()).isEqualTo("https://t");
        assertThat(b.remaining()).containsExactly("--server=https://other", "-n", "x");
    }

    @Test
    void boundFlagsDriveAClientConfig(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("config");
        java.nio.file.Files.writeString(f, """
                current-context: a
                clusters: [{name: c, cluster: {server: https://x, tls-server-name: n}}]
                contexts: [{name: a, context: {cluster: c, namespace: ns-a}}]
                """);
        var b = flags.bind("--kubeconfig", f.toString(), "--server", "https://y", "--token", "t");
        assertThat(b.loadingRules().explicitPath()).isEqualTo(f);
        var rest = b.clientConfig().clientConfig();
        assertThat(rest.host()).isEqualTo("https://y");
        assertThat(rest.serverName()).isEmpty();
        assertThat(rest.bearerToken()).isEqualTo("t");
        assertThat(b.clientConfig().namespace().name()).isEqualTo("ns-a");
    }
}
