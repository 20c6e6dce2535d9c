package io.kubeclient.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransportRequestTest {

    private static TransportRequest request() {
        return TransportRequest.builder("post", URI.create("https://h.test/api/v1/pods?x=1"))
                .addHeader("Accept", "application/json")
                .addHeader("X-Multi", "a")
                .addHeader("x-multi", "b")
                .addHeader("user-agent", "old")
                .addHeader("Content-Type", "application/json")
                .body(TransportRequest.Body.of(new byte[] {1, 2}))
                .timeout(Duration.ofSeconds(7))
                .build();
    }

    @Test
    void withHeaderIsTheSameRequestAsSetHeaderOnACopy() {
        TransportRequest r = request();
        for (String[] header : new String[][] {{"User-Agent", "new"}, {"Authorization", "Bearer t"}, {"X-MULTI", "c"}}) {
            TransportRequest viaBuilder = r.toBuilder().setHeader(header[0], header[1]).build();
            TransportRequest with = r.withHeader(header[0], header[1]);
            assertThat(List.copyOf(with.headers().entrySet())).isEqualTo(List.copyOf(viaBuilder.headers().entrySet()));
            assertThat(with.method()).isEqualTo("POST");
            assertThat(with.uri()).isSameAs(r.uri());
            assertThat(with.body()).isSameAs(r.body());
            assertThat(with.timeout()).isEqualTo(Duration.ofSeconds(7));
            assertThat(with.header(header[0])).contains(header[1]);
            assertThat(with).hasToString("POST https://h.test/api/v1/pods?x=1");
        }
        assertThat(r.withHeader("User-Agent", "new").headers())
                .containsExactly(Map.entry("Accept", List.of("application/json")), Map.entry("X-Multi", List.of("a", "b")),
                        Map.entry("Content-Type", List.of("application/json")), Map.entry("User-Agent", List.of("new")));
    }

    @Test
    void withHeaderLeavesTheOriginalAloneAndIsImmutable() {
        TransportRequest r = request();
        TransportRequest with = r.withHeader("User-Agent", "new");
        assertThat(r.header("User-Agent")).contains("old");
        assertThatThrownBy(() -> with.headers().put("A", List.of("b"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> with.headers().get("User-Agent").add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.withHeader(null, "v")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> r.withHeader("A", null)).isInstanceOf(NullPointerException.class);
    }
}
