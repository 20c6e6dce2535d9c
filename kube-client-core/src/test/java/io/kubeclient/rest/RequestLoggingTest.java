package io.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestLoggingTest {

    @Test
    void redactsCredentialHeaders() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Authorization", List.of("Bearer secret-token"));
        headers.put("proxy-authorization", List.of("Basic c2VjcmV0"));
        headers.put("Cookie", List.of("session=secret"));
        headers.put("Accept", List.of("application/json"));
        assertThat(Request.redact(headers).toString())
                .doesNotContain("secret")
                .contains("Authorization=[<masked>]")
                .contains("Accept=[application/json]");
    }

    @Test
    void truncatesLongBodies() {
        String s = Request.truncate("x".repeat(Request.TRACE_BODY_LIMIT + 10).getBytes());
        assertThat(s).startsWith("xxx").endsWith(" [truncated 10 bytes]");
        assertThat(Request.truncate("short".getBytes())).isEqualTo("short");
    }

    @Test
    void traceLeavesOutBodiesThatAreCredentials() {
        byte[] secret = "{\"data\":{\"password\":\"czNjcmV0LVhZWg==\"}}".getBytes();
        try (RESTClient c = RESTClient.forConfig(RestConfig.builder().host("http://localhost").apiPath("/api")
                .groupVersion(io.kubeclient.apimachinery.schema.GroupVersion.of("", "v1")).build())) {
            assertThat(c.get().namespace("ns").resource("secrets").name("db").traceBody(secret))
                    .doesNotContain("czNjcmV0").contains(secret.length + " bytes");
            assertThat(c.post().namespace("ns").resource("serviceaccounts").name("sa").subResource("token").traceBody(secret))
                    .doesNotContain("czNjcmV0");
            assertThat(c.post().resource("tokenreviews").traceBody(secret)).doesNotContain("czNjcmV0");
            assertThat(c.get().namespace("ns").resource("configmaps").traceBody(secret)).contains("czNjcmV0");
        }
    }
}
