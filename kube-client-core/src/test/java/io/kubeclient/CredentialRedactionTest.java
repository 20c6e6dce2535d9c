package io.kubeclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.clientcmd.Clientcmd;
import io.kubeclient.clientcmd.ConfigOverrides;
import io.kubeclient.clientcmd.api.AuthInfo;
import io.kubeclient.clientcmd.api.Cluster;
import io.kubeclient.clientcmd.api.Config;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.rest.ServerUrls;
import io.kubeclient.transport.AuthProviderConfig;
import io.kubeclient.transport.ExecConfig;
import io.kubeclient.transport.ProxyConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Puts a recognisable secret into every credential field and checks that no description shows it. */
class CredentialRedactionTest {

    private static final String SECRET = "s3cret-XYZ";

    @Test
    void restConfigToStringHidesEveryCredential() {
        RestConfig c = RestConfig.builder()
                .host("https://admin:" + SECRET + "@api.example:6443")
                .username("admin").password(SECRET).bearerToken(SECRET)
                .keyData(SECRET.getBytes(StandardCharsets.UTF_8)).certData(SECRET.getBytes(StandardCharsets.UTF_8))
                .proxyUrl(URI.create("http://u:" + SECRET + "@proxy:3128"))
                .authProvider(new AuthProviderConfig("oidc", Map.of("refresh-token", SECRET, "client-secret", SECRET)))
                .execProvider(new ExecConfig("client.authentication.k8s.io/v1", "get-token", List.of("--token=" + SECRET),
                        List.of(new ExecConfig.EnvVar("TOKEN", SECRET)), "", false, null, null))
                .build();
        assertThat(c.toString()).doesNotContain(SECRET).contains("api.example:6443").contains("get-token");
    }

    @Test
    void kubeconfigTypesHideEveryCredential() {
        io.kubeclient.clientcmd.api.ExecConfig exec = new io.kubeclient.clientcmd.api.ExecConfig(
                "client.authentication.k8s.io/v1", "get-token", List.of("--client-secret", SECRET),
                List.of(new io.kubeclient.clientcmd.api.ExecConfig.EnvVar("TOKEN", SECRET)), "", false, "Never");
        AuthInfo user = AuthInfo.builder().token(SECRET).password(SECRET).username("admin")
                .clientKeyData(SECRET.getBytes(StandardCharsets.UTF_8))
                .authProvider(new io.kubeclient.clientcmd.api.AuthProviderConfig("oidc", Map.of("id-token", SECRET)))
                .exec(exec).build();
        Cluster cluster = Cluster.builder().server("https://admin:" + SECRET + "@api.example")
                .proxyUrl("http://u:" + SECRET + "@proxy:3128").build();
        Config config = new Config("", null, Map.of("c", cluster), Map.of("u", user), Map.of(), Map.of());
        ConfigOverrides overrides = ConfigOverrides.builder().authInfo(user).clusterInfo(cluster).build();

        assertThat(exec.toString()).doesNotContain(SECRET).contains("get-token");
        assertThat(user.toString()).doesNotContain(SECRET);
        assertThat(cluster.toString()).doesNotContain(SECRET).contains("api.example");
        assertThat(config.toString()).doesNotContain(SECRET);
        assertThat(overrides.toString()).doesNotContain(SECRET);
    }

    @Test
    void proxyConfigToStringHidesUserInfo() {
        assertThat(ProxyConfig.of(URI.create("http://u:" + SECRET + "@proxy:3128")).toString()).doesNotContain(SECRET);
    }

    @Test
    void serverUrlWithUserInfoIsRejectedWithoutEchoingIt() {
        RestConfig c = RestConfig.builder().host("https://admin:" + SECRET + "@api.example:6443").build();
        assertThatThrownBy(() -> ServerUrls.defaultServerUrl(c))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("user info")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> ServerUrls.defaultServerUrl("admin:" + SECRET + "@api.example:6443", "", null, true))
                .isInstanceOf(ConfigException.class)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void malformedKubeconfigDoesNotQuoteTheBadLine() {
        String yaml = "users:\n- name: u\n  user:\n    token: " + SECRET + "\n   bad: [\n";
        assertThatThrownBy(() -> Clientcmd.load(yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ConfigException.class)
                .hasMessageNotContaining(SECRET)
                .hasNoCause();
    }

    @Test
    void kubeconfigFieldOfWrongTypeDoesNotQuoteItsValue() {
        String yaml = "users:\n- name: u\n  user:\n    token: [" + SECRET + "]\n";
        assertThatThrownBy(() -> Clientcmd.load(yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ConfigException.class)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void passwordsContainingAtSignsAreRedactedWhole() {
        String pw = "p@" + SECRET + "@x";
        assertThat(Cluster.builder().server("https://admin:" + pw + "@api.example").proxyUrl("http://u:" + pw + "@proxy:3128")
                .build().toString()).doesNotContain(SECRET).contains("api.example").contains("proxy:3128");
        assertThatThrownBy(() -> ServerUrls.defaultServerUrl("https://admin:" + pw + "@api.example", "", null, true))
                .isInstanceOf(ConfigException.class).hasMessageNotContaining(SECRET);
        String kubeconfig = "clusters:\n- name: c\n  cluster: {server: 'https://h', proxy-url: 'ftp://u:" + pw + "@proxy'}\n"
                + "users:\n- name: u\n  user: {token: t}\ncontexts:\n- name: x\n  context: {cluster: c, user: u}\n"
                + "current-context: x\n";
        assertThatThrownBy(() -> Clientcmd.restConfigFromKubeConfig(kubeconfig.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(KubeException.class).hasMessageContaining("proxy-url").hasMessageNotContaining(SECRET);
    }
}
