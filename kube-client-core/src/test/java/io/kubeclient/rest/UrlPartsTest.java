package io.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UrlPartsTest {

    @Test
    void formatsDurationsAsGoDoes() {
        assertThat(UrlParts.goDuration(Duration.ZERO)).isEqualTo("0s");
        assertThat(UrlParts.goDuration(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(UrlParts.goDuration(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(UrlParts.goDuration(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(UrlParts.goDuration(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(UrlParts.goDuration(Duration.ofHours(1))).isEqualTo("1h0m0s");
        assertThat(UrlParts.goDuration(Duration.ofMinutes(2))).isEqualTo("2m0s");
        assertThat(UrlParts.goDuration(Duration.ofNanos(1_500_000))).isEqualTo("1.5ms");
        assertThat(UrlParts.goDuration(Duration.ofNanos(2_000))).isEqualTo("2\u00b5s");
        assertThat(UrlParts.goDuration(Duration.ofNanos(7))).isEqualTo("7ns");
        assertThat(UrlParts.goDuration(Duration.ofSeconds(-5))).isEqualTo("-5s");
        assertThat(UrlParts.goDuration(Duration.ofSeconds(3723, 1))).isEqualTo("1h2m3.000000001s");
    }

    @Test
    void joinsAndCleansLikeGoPath() {
        assertThat(UrlParts.join("/", "api", "v1")).isEqualTo("/api/v1");
        assertThat(UrlParts.join("/a/", "/b//c/")).isEqualTo("/a/b/c");
        assertThat(UrlParts.join("/a", "..", "b")).isEqualTo("/b");
        assertThat(UrlParts.join("/", "..")).isEqualTo("/");
        assertThat(UrlParts.join("", "")).isEmpty();
        assertThat(UrlParts.join("a", ".")).isEqualTo("a");
    }

    @Test
    void escapesPathLikeGo() {
        assertThat(UrlParts.escapePath("/a b/c?d/$&+,:;=@~")).isEqualTo("/a%20b/c%3Fd/$&+,:;=@~");
        assertThat(UrlParts.escapePath("/\u00e9")).isEqualTo("/%C3%A9");
    }
}
