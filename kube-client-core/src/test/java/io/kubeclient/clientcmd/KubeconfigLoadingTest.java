package io.kubeclient.clientcmd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.ConfigException;
import io.kubeclient.clientcmd.api.AuthInfo;
import io.kubeclient.clientcmd.api.Config;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigLoadingTest {

    @TempDir
    Path dir;

    static final String FULL = """
            apiVersion: v1
            kind: Config
            current-context: dev
            unknown-top-level: ignored
            preferences: {colors: true}
            clusters:
            - name: dev-cluster
              cluster:
                server: https://dev.example:6443
                tls-server-name: api.dev
                certificate-authority-data: %s
                proxy-url: socks5://proxy:1080
                disable-compression: true
                some-future-field: 1
                extensions:
                - name: client.authentication.k8s.io/exec
                  extension: {audience: dev}
            users:
            - name: alice
              user:
                client-certificate: certs/alice.crt
                client-key: certs/alice.key
                token: alice-token
                tokenFile: tok
                as: bob
                as-uid: "42"
                as-groups: [g1, g2]
                as-user-extra: {scopes: [a, b]}
                username: u
                password: p
                auth-provider: {name: oidc, config: {client-id: x}}
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: ./bin/plugin
                  args: [--flag]
                  env: [{name: A, value: b}]
                  installHint: install it
                  provideClusterInfo: true
            contexts:
            - name: dev
              context: {cluster: dev-cluster, user: alice, namespace: team}
            """.formatted(b64("CA PEM"));

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(UTF_8));
    }

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    @Test
    void readsEveryField() {
        Config c = Clientcmd.load(FULL.getBytes(UTF_8));
        assertThat(c.currentContext()).isEqualTo("dev");
        assertThat(c.preferences().colors()).isTrue();
        var cl = c.clusters().get("dev-cluster");
        assertThat(cl.server()).isEqualTo("https://dev.example:6443");
        assertThat(cl.tlsServerName()).isEqualTo("api.dev");
        assertThat(new String(cl.certificateAuthorityData(), UTF_8)).isEqualTo("CA PEM");
        assertThat(cl.proxyUrl()).isEqualTo("socks5://proxy:1080");
        assertThat(cl.disableCompression()).isTrue();
        assertThat(cl.extensions()).containsEntry("client.authentication.k8s.io/exec", Map.of("audience", "dev"));
        AuthInfo a = c.authInfos().get("alice");
        assertThat(a.clientCertificate()).isEqualTo("certs/alice.crt");
        assertThat(a.token()).isEqualTo("alice-token");
        assertThat(a.tokenFile()).isEqualTo("tok");
        assertThat(a.impersonate()).isEqualTo("bob");
        assertThat(a.impersonateUid()).isEqualTo("42");
        assertThat(a.impersonateGroups()).containsExactly("g1", "g2");
        assertThat(a.impersonateUserExtra()).containsEntry("scopes", List.of("a", "b"));
        assertThat(a.authProvider().config()).containsEntry("client-id", "x");
        assertThat(a.exec().interactiveMode()).isEqualTo("IfAvailable"); // defaulted for v1beta1
        assertThat(a.exec().env().get(0).value()).isEqualTo("b");
        assertThat(a.exec().provideClusterInfo()).isTrue();
        assertThat(c.contexts().get("dev").namespace()).isEqualTo("team");
        assertThat(a.toString()).doesNotContain("alice-token").doesNotContain("=p");
    }

    @Test
    void roundTripsYamlAndJson() {
        Config c = Clientcmd.load(FULL.getBytes(UTF_8));
        byte[] yaml = Clientcmd.write(c);
        byte[] json = Clientcmd.writeJson(c);
        assertThat(Clientcmd.load(yaml)).isEqualTo(c);
        assertThat(Clientcmd.load(json)).isEqualTo(c);
        String y = new String(yaml, UTF_8);
        assertThat(y).contains("certificate-authority-data: " + b64("CA PEM")).contains("tokenFile: tok")
                .contains("current-context: dev").doesNotContain("some-future-field").doesNotContain("---");
        String j = new String(json, UTF_8);
        assertThat(j.indexOf("\"kind\"")).isLessThan(j.indexOf("\"clusters\""));
        assertThat(j).contains("\"as-groups\"").contains("\"provideClusterInfo\" : true");
    }

    @Test
    void roundTripsStringsThatLookLikeOtherTypes() {
        Config c = Clientcmd.load("""
                contexts:
                - {name: "123", context: {cluster: "true", user: "null", namespace: "0x1F"}}
                """.getBytes(UTF_8));
        assertThat(Clientcmd.load(Clientcmd.write(c))).isEqualTo(c);
    }

    @Test
    void writesExecNullListsAsKubectl() {
        Config c = Clientcmd.load("""
                users:
                - name: u
                  user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: c, interactiveMode: Never}}
                """.getBytes(UTF_8));
        assertThat(new String(Clientcmd.writeJson(c), UTF_8)).contains("\"args\" : null").contains("\"env\" : null");
    }

    @Test
    void emptyFileIsEmptyConfig() throws Exception {
        assertThat(Clientcmd.load(new byte[0])).isEqualTo(Config.EMPTY);
        assertThat(Clientcmd.loadFromFile(write("empty", "# nothing\n"))).isEqualTo(Config.EMPTY);
    }

    @Test
    void badBase64NamesFileAndField() throws Exception {
        Path f = write("bad", """
                users:
                - name: alice
                  user: {client-key-data: "not*base64"}
                """);
        assertThatThrownBy(() -> Clientcmd.loadFromFile(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid base64").hasMessageContaining(f.toString())
                .hasMessageContaining("users[alice].client-key-data").hasMessageNotContaining("not*base64");
    }

    @Test
    void malformedYamlNeverQuotesTheToken() throws Exception {
        Path f = write("malformed", """
                users:
                - name: alice
                  user:
                    token: super-secret-token
                   bad: [indent
                """);
        assertThatThrownBy(() -> Clientcmd.loadFromFile(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("malformed kubeconfig").hasMessageContaining(f.toString())
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain("super-secret-token");
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void malformedJsonIsAnError() {
        assertThatThrownBy(() -> Clientcmd.load("{\"users\": [".getBytes(UTF_8)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("JSON syntax error");
    }

    @Test
    void wrongTypesNameTheFieldButNotTheValue() throws Exception {
        Path f = write("types", """
                clusters:
                - name: c
                  cluster: {server: https://x, insecure-skip-tls-verify: "yes-secret"}
                """);
        assertThatThrownBy(() -> Clientcmd.loadFromFile(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("clusters[c].insecure-skip-tls-verify").hasMessageContaining("expected a boolean")
                .hasMessageNotContaining("yes-secret");
        assertThatThrownBy(() -> Clientcmd.load("clusters: {a: b}".getBytes(UTF_8)))
                .hasMessageContaining("field clusters").hasMessageContaining("expected a list");
        assertThatThrownBy(() -> Clientcmd.load("users: [{name: u, user: {token: 12345}}]".getBytes(UTF_8)))
                .hasMessageContaining("users[u].token").hasMessageNotContaining("12345");
        assertThatThrownBy(() -> Clientcmd.load("- a\n- b\n".getBytes(UTF_8))).hasMessageContaining("expected a mapping");
    }

    @Test
    void duplicateNamesInOneFileAreErrors() {
        assertThatThrownBy(() -> Clientcmd.load("contexts: [{name: a}, {name: a}]".getBytes(UTF_8)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("duplicate name \"a\" in list");
    }

    @Test
    void missingFileAndDirectoryAreErrors() {
        assertThatThrownBy(() -> Clientcmd.loadFromFile(dir.resolve("nope"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("no such file").hasMessageContaining(dir.resolve("nope").toString());
        assertThatThrownBy(() -> Clientcmd.loadFromFile(dir)).hasMessageContaining("is a directory");
    }

    @Test
    void mergeFirstFileWinsPerEntryAndForCurrentContext() throws Exception {
        Path one = write("one", """
                clusters: [{name: shared, cluster: {server: https://one}}]
                users: [{name: u, user: {token: one-token}}]
                contexts: [{name: c1, context: {cluster: shared, user: u}}]
                """);
        Path two = write("two", """
                current-context: c2
                preferences: {colors: true}
                clusters:
                - {name: shared, cluster: {server: https://two, tls-server-name: only-in-two}}
                - {name: extra, cluster: {server: https://extra}}
                users: [{name: u, user: {token: two-token, username: only-in-two}}]
                contexts: [{name: c2, context: {cluster: extra}}]
                """);
        Path three = write("three", "current-context: c3\n");
        Config c = rules(one, two, three).load();
        assertThat(c.clusters().get("shared").server()).isEqualTo("https://one");
        assertThat(c.clusters().get("shared").tlsServerName()).isEmpty(); // never field-merged
        assertThat(c.clusters().get("extra").server()).isEqualTo("https://extra");
        assertThat(c.authInfos().get("u").token()).isEqualTo("one-token");
        assertThat(c.authInfos().get("u").username()).isEmpty();
        assertThat(c.contexts()).containsOnlyKeys("c1", "c2");
        assertThat(c.currentContext()).isEqualTo("c2"); // first non-empty
        assertThat(c.preferences().colors()).isTrue();
        assertThat(c.clusters().get("extra").locationOfOrigin()).isEqualTo(two);
    }

    @Test
    void missingFilesAreSkippedButBrokenOnesAreErrors() throws Exception {
        Path ok = write("ok", "current-context: a\n");
        assertThat(rules(dir.resolve("missing"), ok).load().currentContext()).isEqualTo("a");
        Path broken = write("broken", "clusters: [");
        assertThatThrownBy(() -> rules(ok, broken).load()).isInstanceOf(ConfigException.class)
                .hasMessageContaining(broken.toString());
        assertThatThrownBy(() -> rules(ok, dir).load()).hasMessageContaining("is a directory");
        assertThat(rules(dir.resolve("missing")).load()).isEqualTo(Config.EMPTY);
    }

    @Test
    void explicitPathReplacesPrecedenceAndMustExist() throws Exception {
        Path a = write("a", "current-context: from-a\n");
        Path b = write("b", "current-context: from-b\n");
        ClientConfigLoadingRules r = rules(a).toBuilder().explicitPath(b).build();
        assertThat(r.load().currentContext()).isEqualTo("from-b");
        assertThatThrownBy(() -> r.toBuilder().explicitPath(dir.resolve("gone")).build().load())
                .isInstanceOf(ConfigException.class).hasMessageContaining("does not exist")
                .hasMessageContaining(dir.resolve("gone").toString());
    }

    @Test
    void resolvesRelativePathsAgainstTheDefiningFile() throws Exception {
        Path f = write("sub/config", """
                clusters: [{name: c, cluster: {server: https://x, certificate-authority: ca.crt}}]
                users:
                - name: u
                  user:
                    client-certificate: ../certs/u.crt
                    client-key: /abs/u.key
                    tokenFile: tok
                    exec: {apiVersion: client.authentication.k8s.io/v1, command: ./bin/plugin, interactiveMode: Never}
                - name: bare
                  user:
                    exec: {apiVersion: client.authentication.k8s.io/v1, command: gke-plugin, interactiveMode: Never}
                """);
        Config c = rules(f).load();
        Path base = f.toAbsolutePath().getParent();
        assertThat(c.clusters().get("c").certificateAuthority()).isEqualTo(base.resolve("ca.crt").toString());
        AuthInfo u = c.authInfos().get("u");
        assertThat(u.clientCertificate()).isEqualTo(dir.toAbsolutePath().resolve("certs/u.crt").toString());
        assertThat(u.clientKey()).isEqualTo("/abs/u.key");
        assertThat(u.tokenFile()).isEqualTo(base.resolve("tok").toString());
        assertThat(u.exec().command()).isEqualTo(base.resolve("bin/plugin").toString());
        assertThat(c.authInfos().get("bare").exec().command()).isEqualTo("gke-plugin");
        assertThat(rules(f).toBuilder().doNotResolvePaths(true).build().load().clusters().get("c").certificateAuthority())
                .isEqualTo("ca.crt");
        assertThat(Clientcmd.loadFromFile(f).clusters().get("c").certificateAuthority()).isEqualTo("ca.crt");
    }

    @Test
    void defaultRulesSplitKubeconfigAndDropEmptiesAndDuplicates() {
        String sep = File.pathSeparator;
        var r = ClientConfigLoadingRules.defaultRules(Map.of("KUBECONFIG", "/a" + sep + sep + "/b" + sep + "/a")::get);
        assertThat(r.precedence()).containsExactly(Path.of("/a"), Path.of("/b"));
        var home = ClientConfigLoadingRules.defaultRules(Map.of("HOME", "/home/me")::get, ":", false);
        assertThat(home.precedence()).containsExactly(Path.of("/home/me", ".kube", "config"));
        var win = ClientConfigLoadingRules.defaultRules(Map.of("KUBECONFIG", "C:\\a;C:\\b")::get, ";", true);
        assertThat(win.precedence()).hasSize(2);
    }

    @Test
    void defaultRulesReadTheHomeFile() throws Exception {
        write(".kube/config", "current-context: home\n");
        var r = ClientConfigLoadingRules.defaultRules(Map.of("HOME", dir.toString())::get);
        assertThat(r.load().currentContext()).isEqualTo("home");
    }

    @Test
    void flattenEmbedsFilesAndMinifyKeepsCurrentContext() throws Exception {
        write("certs/ca.crt", "CA");
        write("certs/u.crt", "CRT");
        write("certs/u.key", "KEY");
        Path f = write("config", """
                current-context: a
                clusters:
                - {name: c1, cluster: {server: https://1, certificate-authority: certs/ca.crt}}
                - {name: c2, cluster: {server: https://2}}
                users:
                - {name: u1, user: {client-certificate: certs/u.crt, client-key: certs/u.key}}
                - {name: u2, user: {token: t}}
                contexts:
                - {name: a, context: {cluster: c1, user: u1}}
                - {name: b, context: {cluster: c2, user: u2}}
                """);
        Config flat = Clientcmd.loadFromFile(f).flatten();
        assertThat(flat.clusters().get("c1").certificateAuthority()).isEmpty();
        assertThat(flat.clusters().get("c1").certificateAuthorityData()).isEqualTo("CA".getBytes(UTF_8));
        assertThat(flat.authInfos().get("u1").clientKeyData()).isEqualTo("KEY".getBytes(UTF_8));
        assertThat(flat.authInfos().get("u1").clientCertificate()).isEmpty();
        assertThat(new String(Clientcmd.write(flat), UTF_8)).contains("client-key-data: " + b64("KEY"));

        Config min = flat.minify();
        assertThat(min.clusters()).containsOnlyKeys("c1");
        assertThat(min.authInfos()).containsOnlyKeys("u1");
        assertThat(min.contexts()).containsOnlyKeys("a");
        assertThatThrownBy(() -> Config.EMPTY.minify()).hasMessageContaining("current-context must exist");
        assertThatThrownBy(() -> flat.withCurrentContext("zz").minify()).hasMessageContaining("cannot locate context zz");
        Files.delete(dir.resolve("certs/ca.crt"));
        assertThatThrownBy(() -> Clientcmd.loadFromFile(f).flatten()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("clusters[c1].certificate-authority");
    }

    @Test
    void writeToFileRoundTrips() throws Exception {
        Config c = Clientcmd.load(FULL.getBytes(UTF_8));
        Path out = dir.resolve("out/config");
        Clientcmd.writeToFile(c, out);
        assertThat(Clientcmd.load(Files.readAllBytes(out))).isEqualTo(c);
    }

    private static ClientConfigLoadingRules rules(Path... files) {
        return ClientConfigLoadingRules.builder().precedence(List.of(files)).build();
    }
}
