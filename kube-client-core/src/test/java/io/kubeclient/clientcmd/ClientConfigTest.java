package io.kubeclient.clientcmd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.ConfigException;
import io.kubeclient.clientcmd.api.AuthInfo;
import io.kubeclient.clientcmd.api.Cluster;
import io.kubeclient.clientcmd.api.Config;
import io.kubeclient.clientcmd.api.Context;
import io.kubeclient.rest.InClusterConfig;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.transport.ExecConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigTest {

    @TempDir
    Path dir;

    Path kubeconfig;
    Path saDir;
    final Map<String, String> env = new HashMap<>();

    static final String BASE = """
            current-context: dev
            clusters:
            - name: dev
              cluster:
                server: https://dev:6443
                tls-server-name: api.dev
                certificate-authority: ca.crt
                extensions: [{name: client.authentication.k8s.io/exec, extension: {aud: x}}]
            - name: plain
              cluster: {server: "http://plain:8080"}
            - name: hostport
              cluster: {server: "plain:8080"}
            - name: other
              cluster: {server: https://other}
            users:
            - name: alice
              user: {token: alice-token, as: bob, as-groups: [g], as-uid: "7"}
            - name: carol
              user: {tokenFile: tok}
            - name: dave
              user: {client-certificate: d.crt, client-key: d.key}
            - name: erin
              user: {username: erin, password: pw}
            - name: exec
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1, command: ./plug, interactiveMode: Never,
                       installHint: "hint\\u0007", env: [{name: K, value: V}]}
            contexts:
            - name: dev
              context: {cluster: dev, user: alice, namespace: team}
            - name: plain
              context: {cluster: plain, user: alice}
            - name: hostport
              context: {cluster: hostport, user: alice}
            - name: carol
              context: {cluster: other, user: carol}
            - name: dave
              context: {cluster: other, user: dave}
            - name: erin
              context: {cluster: other, user: erin}
            - name: exec
              context: {cluster: dev, user: exec}
            """;

    @BeforeEach
    void setUp() throws Exception {
        kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, BASE);
        Files.writeString(dir.resolve("ca.crt"), "CA");
        Files.writeString(dir.resolve("tok"), "file-token\n");
        Files.writeString(dir.resolve("d.crt"), "CRT");
        Files.writeString(dir.resolve("d.key"), "KEY");
        saDir = Files.createDirectory(dir.resolve("sa"));
    }

    private ClientConfig client(ConfigOverrides o, Path... files) {
        ClientConfigLoadingRules rules = ClientConfigLoadingRules.builder()
                .precedence(files.length == 0 ? List.of(kubeconfig) : List.of(files)).build();
        return Clientcmd.newNonInteractiveDeferredLoadingClientConfig(rules, o, InClusterConfig.of(env::get, saDir));
    }

    private RestConfig rest(ConfigOverrides.Builder o) {
        return client(o.build()).clientConfig();
    }

    private static ConfigOverrides.Builder ov() {
        return ConfigOverrides.builder();
    }

    @Test
    void buildsRestConfigFromCurrentContext() {
        RestConfig c = rest(ov());
        assertThat(c.host()).isEqualTo("https://dev:6443");
        assertThat(c.bearerToken()).isEqualTo("alice-token");
        assertThat(c.serverName()).isEqualTo("api.dev");
        assertThat(c.caFile()).isEqualTo(dir.resolve("ca.crt").toAbsolutePath());
        assertThat(c.impersonation().userName()).isEqualTo("bob");
        assertThat(c.impersonation().groups()).containsExactly("g");
        assertThat(c.impersonation().uid()).isEqualTo("7");
        assertThat(c.timeout()).isNull();
        assertThat(client(ConfigOverrides.NONE).namespace()).isEqualTo(new ClientConfig.Namespace("team", false));
    }

    @Test
    void credentialsOnlyForHttpsServers() {
        for (String ctx : List.of("plain", "hostport")) {
            RestConfig c = rest(ov().currentContext(ctx));
            assertThat(c.bearerToken()).as(ctx).isEmpty();
            assertThat(c.caFile()).isNull();
            assertThat(c.impersonation().userName()).isEqualTo("bob"); // impersonation is not a credential
        }
    }

    @Test
    void tokenFileIsReadAndKeptForRotation() {
        RestConfig c = rest(ov().currentContext("carol"));
        assertThat(c.bearerToken()).isEqualTo("file-token\n");
        assertThat(c.bearerTokenFile()).isEqualTo(dir.resolve("tok").toAbsolutePath());
        // token plus tokenFile: both kept, the file wins when the transport re-reads it
        RestConfig both = rest(ov().currentContext("carol").authInfo(AuthInfo.builder().token("flag-token").build()));
        assertThat(both.bearerToken()).isEqualTo("flag-token");
        assertThat(both.bearerTokenFile()).isEqualTo(dir.resolve("tok").toAbsolutePath());
    }

    @Test
    void unreadableTokenFileNamesUserAndFile() throws Exception {
        Files.delete(dir.resolve("tok"));
        assertThatThrownBy(() -> rest(ov().currentContext("carol"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("users[carol].tokenFile").hasMessageContaining(kubeconfig.toString());
    }

    @Test
    void clientCertificatesAndBasicAuth() {
        RestConfig d = rest(ov().currentContext("dave"));
        assertThat(d.certFile()).isEqualTo(dir.resolve("d.crt").toAbsolutePath());
        assertThat(d.keyFile()).isEqualTo(dir.resolve("d.key").toAbsolutePath());
        RestConfig e = rest(ov().currentContext("erin"));
        assertThat(e.username()).isEqualTo("erin");
        assertThat(e.password()).isEqualTo("pw");
    }

    @Test
    void execConfigIsConverted() {
        ExecConfig x = rest(ov().currentContext("exec")).execProvider();
        assertThat(x.apiVersion()).isEqualTo("client.authentication.k8s.io/v1");
        assertThat(x.command()).isEqualTo(dir.resolve("plug").toAbsolutePath().toString());
        assertThat(x.interactiveMode()).isEqualTo(ExecConfig.InteractiveMode.NEVER);
        assertThat(x.installHint()).isEqualTo("hintU+0007");
        assertThat(x.env()).containsExactly(new ExecConfig.EnvVar("K", "V"));
        assertThat(x.clusterExtension()).isEqualTo(Map.of("aud", "x"));
    }

    @Test
    void rejectsUnknownExecApiVersionNamingFileAndField() throws Exception {
        Path f = dir.resolve("alpha");
        Files.writeString(f, """
                current-context: c
                clusters: [{name: c, cluster: {server: https://x}}]
                users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1alpha1, command: p}}}]
                contexts: [{name: c, context: {cluster: c, user: u}}]
                """);
        assertThatThrownBy(() -> client(ConfigOverrides.NONE, f).clientConfig()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("exec plugin: invalid apiVersion \"client.authentication.k8s.io/v1alpha1\"")
                .hasMessageContaining("users[u].exec.apiVersion").hasMessageContaining(f.toString());
    }

    @Test
    void serverOverrideClearsTlsServerName() {
        RestConfig c = rest(ov().clusterInfo(Cluster.builder().server("https://elsewhere").build()));
        assertThat(c.host()).isEqualTo("https://elsewhere");
        assertThat(c.serverName()).isEmpty();
        RestConfig n = rest(ov().clusterInfo(Cluster.builder().tlsServerName("sni").build()));
        assertThat(n.serverName()).isEqualTo("sni");
        assertThat(n.host()).isEqualTo("https://dev:6443");
    }

    @Test
    void insecureOverrideClearsCaAndCaOverrideClearsInsecure() {
        RestConfig c = rest(ov().clusterInfo(Cluster.builder().insecureSkipTlsVerify(true).build()));
        assertThat(c.insecure()).isTrue();
        assertThat(c.caFile()).isNull();
        String flagCa = dir.resolve("d.crt").toString();
        RestConfig ca = rest(ov().clusterInfo(Cluster.builder().certificateAuthority(flagCa).build()));
        assertThat(ca.caFile()).isEqualTo(Path.of(flagCa));
        assertThat(ca.insecure()).isFalse();
    }

    @Test
    void caAndInsecureTogetherInAFileIsAnError() throws Exception {
        Path f = dir.resolve("both");
        Files.writeString(f, """
                current-context: c
                clusters: [{name: c, cluster: {server: https://x, insecure-skip-tls-verify: true, certificate-authority-data: Q0E=}}]
                contexts: [{name: c, context: {cluster: c}}]
                """);
        assertThatThrownBy(() -> client(ConfigOverrides.NONE, f).clientConfig())
                .isInstanceOf(ConfigurationInvalidException.class)
                .hasMessageContaining("specifying a root certificates file with the insecure flag is not allowed")
                .hasMessageContaining(f.toString());
    }

    @Test
    void contextClusterUserAndNamespaceOverrides() {
        ConfigOverrides o = ov().currentContext("dev").context(Context.of("other", "erin", "ns-flag")).build();
        RestConfig c = client(o).clientConfig();
        assertThat(c.host()).isEqualTo("https://other");
        assertThat(c.username()).isEqualTo("erin");
        assertThat(c.bearerToken()).isEmpty();
        assertThat(client(o).namespace()).isEqualTo(new ClientConfig.Namespace("ns-flag", true));
        assertThat(client(ov().currentContext("plain").build()).namespace().name()).isEqualTo("default");
    }

    @Test
    void authInfoOverridesMergeAndKeyReplacesBothFields() {
        RestConfig c = rest(ov().currentContext("dave").authInfo(AuthInfo.builder().clientKeyData("K2".getBytes(UTF_8))
                .impersonate("root").impersonateGroups(List.of("a", "b")).build()));
        assertThat(c.keyFile()).isNull();
        assertThat(c.keyData()).isEqualTo("K2".getBytes(UTF_8));
        assertThat(c.certFile()).isEqualTo(dir.resolve("d.crt").toAbsolutePath());
        assertThat(c.impersonation().groups()).containsExactly("a", "b");
    }

    @Test
    void timeoutOverride() {
        assertThat(rest(ov().timeout("1m30s")).timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(rest(ov().timeout("15")).timeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(rest(ov().timeout("0")).timeout()).isNull();
        assertThatThrownBy(() -> rest(ov().timeout("soon"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid timeout value");
    }

    @Test
    void missingOverrideNamedEntriesAreErrors() {
        assertThatThrownBy(() -> rest(ov().currentContext("nope"))).hasMessageContaining("context \"nope\" does not exist");
        assertThatThrownBy(() -> rest(ov().context(Context.of("", "nobody", ""))))
                .hasMessageContaining("auth info \"nobody\" does not exist");
        assertThatThrownBy(() -> rest(ov().context(Context.of("nocluster", "", ""))))
                .hasMessageContaining("cluster \"nocluster\" does not exist");
    }

    @Test
    void currentContextMissingIsContextNotFound() throws Exception {
        Path f = dir.resolve("dangling");
        Files.writeString(f, "current-context: ghost\nclusters: [{name: c, cluster: {server: https://x}}]\n");
        assertThatThrownBy(() -> client(ConfigOverrides.NONE, f).clientConfig())
                .isInstanceOfSatisfying(ConfigurationInvalidException.class, e -> {
                    assertThat(e.isContextNotFound()).isTrue();
                    assertThat(e.getMessage()).startsWith("invalid configuration: [context was not found for specified context: ghost");
                });
    }

    @Test
    void validationErrorsNameFileAndItem() throws Exception {
        Path f = dir.resolve("invalid");
        Files.writeString(f, """
                current-context: c
                clusters: [{name: c, cluster: {certificate-authority: /no/such/ca, proxy-url: "ftp://user:pw@p"}}]
                users:
                - name: u
                  user: {token: secret-tok, username: x, client-certificate-data: Q0E=, as-groups: [g]}
                contexts: [{name: c, context: {cluster: c, user: u}}]
                """);
        assertThatThrownBy(() -> client(ConfigOverrides.NONE, f).clientConfig())
                .isInstanceOfSatisfying(ConfigurationInvalidException.class, e -> {
                    assertThat(e.problems()).extracting(ConfigurationInvalidException.Problem::message).containsExactly(
                            "client-key-data or client-key must be specified for u to use the clientCert authentication method.",
                            "more than one authentication method found for u; found [token basicAuth], only one is allowed",
                            "requesting uid, groups or user-extra for u without impersonating a user",
                            "no server found for cluster \"c\"",
                            "invalid 'proxy-url' \"ftp://--- REDACTED ---@p\" for cluster \"c\": unsupported scheme \"ftp\", must be http, https, or socks5",
                            "unable to read certificate-authority /no/such/ca for c due to no such file or directory");
                    assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(f));
                    assertThat(e.file()).contains(f);
                    assertThat(e.getMessage()).contains("clusters[c].server").doesNotContain("secret-tok").doesNotContain("pw@");
                });
    }

    @Test
    void execValidation() throws Exception {
        Path f = dir.resolve("exec");
        Files.writeString(f, """
                current-context: c
                clusters: [{name: c, cluster: {server: https://x}}]
                users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, env: [{value: v}]}, auth-provider: {name: oidc}}}]
                contexts: [{name: c, context: {cluster: c, user: u}}]
                """);
        assertThatThrownBy(() -> client(ConfigOverrides.NONE, f).clientConfig())
                .isInstanceOfSatisfying(ConfigurationInvalidException.class, e -> assertThat(e.problems())
                        .extracting(ConfigurationInvalidException.Problem::message).containsExactly(
                                "authProvider cannot be provided in combination with an exec plugin for u",
                                "command must be specified for u to use exec authentication plugin",
                                "env variable name must be specified for u to use exec authentication plugin",
                                "interactiveMode must be specified for u to use exec authentication plugin"));
    }

    @Test
    void emptyConfigErrorWhenNothingConfigured() {
        assertThatThrownBy(() -> client(ConfigOverrides.NONE, dir.resolve("missing")).clientConfig())
                .isInstanceOfSatisfying(ConfigurationInvalidException.class, e -> {
                    assertThat(e.isEmptyConfig()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("invalid configuration: " + ConfigurationInvalidException.EMPTY_CONFIG_MESSAGE);
                });
        assertThatThrownBy(() -> client(ConfigOverrides.NONE, dir.resolve("missing")).namespace())
                .isInstanceOf(ConfigurationInvalidException.class);
        assertThat(client(ov().context(Context.of("", "", "flag-ns")).build(), dir.resolve("missing")).namespace())
                .isEqualTo(new ClientConfig.Namespace("flag-ns", true));
    }

    private void inCluster() throws Exception {
        env.put("KUBERNETES_SERVICE_HOST", "10.0.0.1");
        env.put("KUBERNETES_SERVICE_PORT", "443");
        Files.writeString(saDir.resolve("token"), "sa-token");
        Files.writeString(saDir.resolve("namespace"), "pod-ns\n");
    }

    @Test
    void fallsBackToInClusterWithServerTokenAndCaOverrides() throws Exception {
        inCluster();
        ClientConfig cc = client(ConfigOverrides.NONE, dir.resolve("missing"));
        assertThat(cc.clientConfig().host()).isEqualTo("https://10.0.0.1:443");
        assertThat(cc.clientConfig().bearerToken()).isEqualTo("sa-token");
        assertThat(cc.namespace()).isEqualTo(new ClientConfig.Namespace("pod-ns", false));
        // a token override keeps the config "empty", so in-cluster is used with the token replaced
        RestConfig o = client(ov().authInfo(AuthInfo.builder().token("t2").build()).build(), dir.resolve("missing"))
                .clientConfig();
        assertThat(o.host()).isEqualTo("https://10.0.0.1:443");
        assertThat(o.bearerToken()).isEqualTo("t2");
        assertThat(o.bearerTokenFile()).isNull();
        // a server override makes the config non-empty: it is used as is, as in client-go
        RestConfig s = client(ov().clusterInfo(Cluster.builder().server("https://s").build()).build(),
                dir.resolve("missing")).clientConfig();
        assertThat(s.host()).isEqualTo("https://s");
        assertThat(s.bearerToken()).isEmpty();
    }

    @Test
    void kubeconfigWinsOverInClusterAndNamespaceRules() throws Exception {
        inCluster();
        assertThat(client(ConfigOverrides.NONE).clientConfig().host()).isEqualTo("https://dev:6443");
        assertThat(client(ConfigOverrides.NONE).namespace().name()).isEqualTo("team");
        // implicit "default" from the kubeconfig gives way to the pod's namespace
        assertThat(client(ov().currentContext("plain").build()).namespace().name()).isEqualTo("pod-ns");
        env.put("POD_NAMESPACE", "env-ns");
        assertThat(client(ov().currentContext("plain").build()).namespace().name()).isEqualTo("env-ns");
    }

    @Test
    void loadErrorsAreFatal() throws Exception {
        inCluster();
        Path broken = dir.resolve("broken");
        Files.writeString(broken, "clusters: [");
        assertThatThrownBy(() -> client(ConfigOverrides.NONE, broken).clientConfig()).isInstanceOf(ConfigException.class)
                .hasMessageContaining(broken.toString());
    }

    @Test
    void rawConfigIsTheMergedFile() {
        Config raw = client(ConfigOverrides.NONE).rawConfig();
        assertThat(raw.currentContext()).isEqualTo("dev");
        assertThat(raw.clusters()).containsKeys("dev", "plain");
    }

    @Test
    void restConfigFromKubeConfigDoesNotResolvePaths() {
        RestConfig c = Clientcmd.restConfigFromKubeConfig("""
                current-context: c
                clusters: [{name: c, cluster: {server: https://x, insecure-skip-tls-verify: true}}]
                users: [{name: u, user: {tokenFile: rel/tok, token: t}}]
                contexts: [{name: c, context: {cluster: c, user: u}}]
                """.getBytes(UTF_8));
        assertThat(c.bearerTokenFile()).isEqualTo(Path.of("rel/tok"));
        assertThat(c.insecure()).isTrue();
    }

    @Test
    void buildConfigFromFlagsUsesOnlyTheGivenFileAndMaster() throws Exception {
        env.put("KUBECONFIG", "/should/not/matter");
        RestConfig c = Clientcmd.buildConfigFromFlags("https://master", kubeconfig.toString(), InClusterConfig.of(env::get, saDir));
        assertThat(c.host()).isEqualTo("https://master");
        assertThat(c.serverName()).isEmpty();
        assertThat(Clientcmd.buildConfigFromFlags("", kubeconfig.toString(), InClusterConfig.of(env::get, saDir)).host())
                .isEqualTo("https://dev:6443");
        assertThatThrownBy(() -> Clientcmd.buildConfigFromFlags("", "", InClusterConfig.of(env::get, saDir)))
                .isInstanceOfSatisfying(ConfigurationInvalidException.class, e -> assertThat(e.isEmptyConfig()).isTrue());
        assertThat(Clientcmd.buildConfigFromFlags("http://m:8080", null, InClusterConfig.of(env::get, saDir)).host())
                .isEqualTo("http://m:8080");
        inCluster();
        assertThat(Clientcmd.buildConfigFromFlags(null, null, InClusterConfig.of(env::get, saDir)).host())
                .isEqualTo("https://10.0.0.1:443");
        assertThatThrownBy(() -> Clientcmd.buildConfigFromFlags("", dir.resolve("gone").toString(), InClusterConfig.of(env::get, saDir)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("does not exist");
    }

    @Test
    void buildConfigFromKubeconfigGetter() {
        Config cfg = ClientConfigLoadingRules.builder().precedence(List.of(kubeconfig)).build().load();
        RestConfig c = Clientcmd.buildConfigFromKubeconfigGetter("https://m2", () -> cfg, InClusterConfig.of(env::get, saDir));
        assertThat(c.host()).isEqualTo("https://m2");
        assertThat(c.bearerToken()).isEqualTo("alice-token");
    }

    @Test
    void directClientConfigUsesNamedContext() {
        Config cfg = Clientcmd.load(BASE.getBytes(UTF_8));
        assertThat(Clientcmd.newNonInteractiveClientConfig(cfg, "erin", ConfigOverrides.NONE).clientConfig().username())
                .isEqualTo("erin");
        assertThat(Clientcmd.newDefaultClientConfig(cfg, ConfigOverrides.NONE).rawConfig()).isSameAs(cfg);
    }

    @Test
    void proxyUrlAndCompressionAndHostQueryStripping() {
        RestConfig c = Clientcmd.restConfigFromKubeConfig("""
                current-context: c
                clusters: [{name: c, cluster: {server: "https://x/prefix?q=1#f", proxy-url: "http://p:3128", disable-compression: true}}]
                contexts: [{name: c, context: {cluster: c}}]
                """.getBytes(UTF_8));
        assertThat(c.host()).isEqualTo("https://x/prefix");
        assertThat(c.proxyUrl()).hasToString("http://p:3128");
        assertThat(c.disableCompression()).isTrue();
    }

    @Test
    void parseTimeoutAcceptsKubectlForms() {
        assertThat(Clientcmd.parseTimeout("0")).isEqualTo(Duration.ZERO);
        assertThat(Clientcmd.parseTimeout("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Clientcmd.parseTimeout("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(Clientcmd.parseTimeout("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Clientcmd.parseTimeout("250ms")).isEqualTo(Duration.ofMillis(250));
        for (String bad : List.of("", "-1s", "1x", "s", "1m-", "abc")) {
            assertThatThrownBy(() -> Clientcmd.parseTimeout(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(Timeouts.INVALID);
        }
    }
}
