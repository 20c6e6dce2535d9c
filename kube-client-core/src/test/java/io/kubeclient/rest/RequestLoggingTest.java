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
}
