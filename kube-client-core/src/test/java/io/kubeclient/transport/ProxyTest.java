package io.kubeclient.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.ConfigException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ProxyTest {

    static final HeldCertificate CA = TlsFixtures.ca("ca");

    static ProxyConfig env(Map<String, String> vars) {
        return ProxyConfig.fromEnvironment(vars::get);
    }

    static URI proxied(ProxyConfig p, String target) {
        return p.proxyFor(URI.create(target));
    }

    @Test
    void environmentPicksTheProxyByScheme() {
        ProxyConfig p = env(Map.of("HTTPS_PROXY", "http://secure-proxy:3128", "http_proxy", "plain-proxy:8080"));
        assertThat(proxied(p, "https://api.example.com")).isEqualTo(URI.create("http://secure-proxy:3128"));
        assertThat(proxied(p, "http://api.example.com")).isEqualTo(URI.create("http://plain-proxy:8080"));
    }

    @Test
    void upperCaseWinsOverLowerCase() {
        ProxyConfig p = env(Map.of("HTTPS_PROXY", "http://upper:1", "https_proxy", "http://lower:2"));
        assertThat(proxied(p, "https://api.example.com")).isEqualTo(URI.create("http://upper:1"));
        assertThat(proxied(env(Map.of("https_proxy", "http://lower:2")), "https://api.example.com"))
                .isEqualTo(URI.create("http://lower:2"));
    }

    @Test
    void loopbackIsNeverProxiedFromTheEnvironment() {
        ProxyConfig p = env(Map.of("HTTPS_PROXY", "http://proxy:3128"));
        assertThat(proxied(p, "https://localhost:6443")).isNull();
        assertThat(proxied(p, "https://127.0.0.1:6443")).isNull();
        assertThat(proxied(p, "https://[::1]:6443")).isNull();
    }

    @Test
    void noProxyMatchesHostsSuffixesAddressesCidrsAndPorts() {
        ProxyConfig p = env(Map.of("HTTPS_PROXY", "http://proxy:3128",
                "NO_PROXY", "exact.example.com, .suffix.org,*.star.net,10.0.0.0/8,192.168.1.7,fd00::/8,ported.io:8443"));
        assertThat(proxied(p, "https://exact.example.com")).isNull();
        assertThat(proxied(p, "https://sub.exact.example.com")).isNull();
        assertThat(proxied(p, "https://notexact.example.com")).isNotNull();
        assertThat(proxied(p, "https://a.suffix.org")).isNull();
        assertThat(proxied(p, "https://suffix.org")).isNotNull();
        assertThat(proxied(p, "https://x.star.net")).isNull();
        assertThat(proxied(p, "https://10.20.30.40:6443")).isNull();
        assertThat(proxied(p, "https://11.0.0.1")).isNotNull();
        assertThat(proxied(p, "https://192.168.1.7")).isNull();
        assertThat(proxied(p, "https://192.168.1.8")).isNotNull();
        assertThat(proxied(p, "https://[fd00::1]:443")).isNull();
        assertThat(proxied(p, "https://ported.io:8443")).isNull();
        assertThat(proxied(p, "https://ported.io")).isNotNull();
    }

    @Test
    void noProxyStarDisablesTheProxy() {
        assertThat(proxied(env(Map.of("HTTPS_PROXY", "http://proxy:3128", "no_proxy", "*")), "https://api.example.com")).isNull();
    }

    @Test
    void httpsAndSocksProxiesAreRejectedNotBypassed() {
        assertThatThrownBy(() -> ProxyConfig.of(URI.create("https://user:pw@proxy:443")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("https proxies are not supported")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw"));
        assertThatThrownBy(() -> ProxyConfig.of(URI.create("socks5://proxy:1080")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("socks5 proxies are not supported");
        assertThatThrownBy(() -> env(Map.of("HTTPS_PROXY", "socks5://proxy:1080")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("HTTPS_PROXY");
        assertThatThrownBy(() -> ProxyConfig.of(URI.create("ftp://proxy")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unsupported proxy scheme");
    }

    @Test
    void toStringRedactsProxyCredentials() {
        assertThat(ProxyConfig.of(URI.create("http://bob:hunter2@proxy:3128")).toString())
                .doesNotContain("hunter2").contains("proxy");
    }

    @Test
    void tunnelsHttpsThroughAnExplicitProxyWithoutLeakingItsCredentials() throws Exception {
        try (MockWebServer server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "localhost"), null);
                ConnectProxy proxy = new ConnectProxy();
                JdkHttpTransport t = JdkHttpTransport.builder()
                        .tls(TlsConfig.builder().caData(CA.certificatePem().getBytes(StandardCharsets.US_ASCII)).build())
                        .proxy(ProxyConfig.of(URI.create("http://bob:s%40cret@127.0.0.1:" + proxy.port())))
                        .build()) {
            server.enqueue(new MockResponse.Builder().body("through").build());
            assertThat(JdkHttpTransportTlsTest.get(t, URI.create("https://localhost:" + server.getPort() + "/x")))
                    .isEqualTo("200 through");
            assertThat(proxy.heads).hasSize(1);
            assertThat(proxy.heads.get(0)).startsWith("CONNECT localhost:" + server.getPort() + " ");
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(r.getHeaders().get("Proxy-Authorization")).isNull();
        }
    }

    @Test
    void environmentProxyIsUsedForANonLoopbackHost() throws Exception {
        try (MockWebServer server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "kubernetes.test"), null);
                ConnectProxy proxy = new ConnectProxy();
                JdkHttpTransport t = JdkHttpTransport.builder()
                        .tls(TlsConfig.builder().caData(CA.certificatePem().getBytes(StandardCharsets.US_ASCII)).build())
                        .proxy(env(Map.of("HTTPS_PROXY", "127.0.0.1:" + proxy.port(), "NO_PROXY", "other.test")))
                        .build()) {
            server.enqueue(new MockResponse.Builder().body("env").build());
            assertThat(JdkHttpTransportTlsTest.get(t, URI.create("https://kubernetes.test:" + server.getPort() + "/")))
                    .isEqualTo("200 env");
            assertThat(proxy.heads.get(0)).startsWith("CONNECT kubernetes.test:" + server.getPort() + " ");
        }
    }

    @Test
    void plainHttpGoesToTheProxyAsAnAbsoluteUri() throws Exception {
        try (ConnectProxy proxy = new ConnectProxy();
                JdkHttpTransport t = JdkHttpTransport.builder()
                        .proxy(ProxyConfig.of(URI.create("http://bob:s%40cret@127.0.0.1:" + proxy.port()))).build()) {
            assertThat(JdkHttpTransportTlsTest.get(t, URI.create("http://api.test:8080/version"))).isEqualTo("200 proxied");
            assertThat(proxy.heads.get(0)).startsWith("GET http://api.test:8080/version HTTP/1.1");
            assertThat(proxy.heads.get(0)).containsIgnoringCase("Proxy-Authorization: Basic Ym9iOnNAY3JldA==");
        }
    }

    @Test
    void noProxyConnectsDirectly() throws Exception {
        try (MockWebServer server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "localhost"), null);
                ConnectProxy proxy = new ConnectProxy();
                JdkHttpTransport t = JdkHttpTransport.builder()
                        .tls(TlsConfig.builder().caData(CA.certificatePem().getBytes(StandardCharsets.US_ASCII)).build())
                        .proxy(ProxyConfig.none()).build()) {
            server.enqueue(new MockResponse.Builder().body("direct").build());
            assertThat(JdkHttpTransportTlsTest.get(t, URI.create("https://localhost:" + server.getPort() + "/"))).isEqualTo("200 direct");
            assertThat(proxy.heads).isEmpty();
        }
    }
}
