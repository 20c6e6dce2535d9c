package io.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.ConfigException;
import io.kubeclient.apimachinery.schema.GroupVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ServerUrlsTest {

    @ParameterizedTest(name = "{0} tls={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "localhost:8080           | false | http://localhost:8080",
        "localhost:8080           | true  | https://localhost:8080",
        "example.com              | false | http://example.com",
        "example.com              | true  | https://example.com",
        "10.0.0.1:6443            | true  | https://10.0.0.1:6443",
        "[::1]:6443               | true  | https://[::1]:6443",
        "https://example.com/k8s  | false | https://example.com/k8s",
        "http://example.com:8080  | true  | http://example.com:8080",
        "HTTPS://Example.com      | false | https://Example.com",
        "https://h/k8s?x=1#frag   | false | https://h/k8s",
        "example.com/            | false | http://example.com/",
    })
    void parsesHostsAsClientGo(String host, boolean tls, String expected) {
        assertThat(ServerUrls.defaultServerUrl(host, "", null, tls).base()).hasToString(expected);
    }

    @ParameterizedTest
    @CsvSource({"example.com/prefix", "localhost:8080/api", "'a b'"})
    void rejectsPathWithoutScheme(String host) {
        assertThatThrownBy(() -> ServerUrls.defaultServerUrl(host, "", null, false))
                .isInstanceOf(ConfigException.class)
                .hasMessage("host must be a URL or a host:port pair: \"" + host + "\"");
    }

    @Test
    void rejectsEmptyHostInLowLevelParser() {
        assertThatThrownBy(() -> ServerUrls.defaultServerUrl("", "", null, false))
                .hasMessage("host must be a URL or a host:port pair");
    }

    @Test
    void emptyHostInConfigMeansLocalhost() {
        assertThat(ServerUrls.defaultServerUrl(RestConfig.builder().build()).base()).hasToString("http://localhost");
    }

    @Test
    void tlsDefaultComesFromCaCertOrInsecure() {
        assertThat(ServerUrls.defaultServerUrl(RestConfig.builder().host("h:1").insecure(true).build()).isTls()).isTrue();
        assertThat(ServerUrls.defaultServerUrl(RestConfig.builder().host("h:1").caData(new byte[] {1}).build()).isTls()).isTrue();
        assertThat(ServerUrls.defaultServerUrl(RestConfig.builder().host("h:1").certFile(java.nio.file.Path.of("c")).build())
                .isTls()).isTrue();
        assertThat(ServerUrls.isConfigTransportTls(RestConfig.builder().host("h:1").build())).isFalse();
        assertThat(ServerUrls.isConfigTransportTls(RestConfig.builder().host("h/x").build())).isFalse();
    }

    @Test
    void keepsPathPrefixAndJoinsVersionedPath() {
        RestConfig c = RestConfig.builder().host("https://proxy/k8s/").apiPath("/apis")
                .groupVersion(GroupVersion.of("apps", "v1")).build();
        ServerUrls.ServerUrl url = ServerUrls.defaultServerUrl(c);
        assertThat(url.versionedApiPath()).isEqualTo("/apis/apps/v1");
        assertThat(url.pathPrefix()).isEqualTo("/k8s/apis/apps/v1");
        assertThat(ServerUrls.versionedApiPath("/api", GroupVersion.of("", "v1"))).isEqualTo("/api/v1");
        assertThat(ServerUrls.versionedApiPath("", null)).isEqualTo("/");
    }

    @Test
    void neverEchoesUserInfo() {
        assertThatThrownBy(() -> ServerUrls.defaultServerUrl("user:s3cret@h/x", "", null, false))
                .hasMessageNotContaining("s3cret");
    }
}
