package io.kubeclient.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.ConfigException;
import io.kubeclient.testutil.MutableClock;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthTransportsTest {

    @TempDir
    Path dir;

    /** Records requests and answers 200 with no body. */
    static final class Recorder implements HttpTransport {
        final List<TransportRequest> requests = new ArrayList<>();

        @Override
        public TransportResponse send(TransportRequest request) {
            requests.add(request);
            return new TransportResponse() {
                @Override
                public int statusCode() {
                    return 200;
                }

                @Override
                public Map<String, List<String>> headers() {
                    return Map.of();
                }

                @Override
                public java.io.InputStream body() {
                    return java.io.InputStream.nullInputStream();
                }

                @Override
                public void close() {}
            };
        }

        TransportRequest last() {
            return requests.get(requests.size() - 1);
        }
    }

    static TransportRequest get() {
        return TransportRequest.builder("GET", URI.create("https://example.test/api")).build();
    }

    @Test
    void tokenFileIsReReadOnClientGosSchedule() throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "  first\n");
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        Recorder rec = new Recorder();
        HttpTransport t = AuthTransports.bearerToken(rec, "", file, clock);

        t.send(get());
        assertThat(rec.last().header("Authorization")).contains("Bearer first");

        Files.writeString(file, "second");
        clock.advance(Duration.ofSeconds(49));
        t.send(get());
        assertThat(rec.last().header("Authorization")).contains("Bearer first");

        clock.advance(Duration.ofSeconds(1));
        t.send(get());
        assertThat(rec.last().header("Authorization")).contains("Bearer second");
    }

    @Test
    void lastGoodTokenSurvivesAFailedRead() throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "good");
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        Recorder rec = new Recorder();
        HttpTransport t = AuthTransports.bearerToken(rec, "static", file, clock);
        t.send(get());
        assertThat(rec.last().header("Authorization")).contains("Bearer good");

        Files.delete(file);
        clock.advance(Duration.ofMinutes(5));
        t.send(get());
        assertThat(rec.last().header("Authorization")).contains("Bearer good");

        Files.writeString(file, "");
        clock.advance(Duration.ofMinutes(5));
        t.send(get());
        assertThat(rec.last().header("Authorization")).contains("Bearer good");
    }

    @Test
    void staticTokenIsTheFallbackUntilTheFileWasReadOnce() throws Exception {
        Path file = dir.resolve("missing");
        Recorder rec = new Recorder();
        HttpTransport t = AuthTransports.bearerToken(rec, "static", file, new MutableClock(Instant.EPOCH));
        t.send(get());
        assertThat(rec.last().header("Authorization")).contains("Bearer static");
    }

    @Test
    void emptyTokenFileWithoutStaticTokenFailsAtConstruction() throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, " \n");
        assertThatThrownBy(() -> AuthTransports.bearerToken(new Recorder(), "", file, new MutableClock(Instant.EPOCH)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("read empty token from file")
                .hasMessageContaining("bearerTokenFile")
                .hasMessageContaining(file.toString());
    }

    @Test
    void unreadableTokenFileWithoutStaticTokenFailsAtConstruction() {
        Path file = dir.resolve("nope");
        assertThatThrownBy(() -> AuthTransports.bearerToken(new Recorder(), "", file, new MutableClock(Instant.EPOCH)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void neverOverridesAnAuthorizationHeader() throws Exception {
        Recorder rec = new Recorder();
        AuthTransports.bearerToken(rec, "mine", null, null)
                .send(get().toBuilder().setHeader("Authorization", "Bearer caller").build());
        assertThat(rec.last().header("Authorization")).contains("Bearer caller");
        AuthTransports.basicAuth(rec, "u", "p").send(get().toBuilder().setHeader("Authorization", "Bearer caller").build());
        assertThat(rec.last().header("Authorization")).contains("Bearer caller");
    }

    @Test
    void basicAuthEncodesUserAndPassword() throws Exception {
        Recorder rec = new Recorder();
        AuthTransports.basicAuth(rec, "alice", "s3cr:t").send(get());
        assertThat(rec.last().header("Authorization")).contains("Basic YWxpY2U6czNjcjp0");
    }

    @Test
    void theVersionComesFromOurOwnManifestEntriesOnly() {
        assertThat(AuthTransports.version("kube-client core", "1.2.3")).isEqualTo("1.2.3");
        assertThat(AuthTransports.version("kube-client core", " 1.2.3\n")).isEqualTo("1.2.3");
        assertThat(AuthTransports.version("my-operator", "9.9.9")).as("a shaded jar's").isEqualTo("unknown");
        assertThat(AuthTransports.version(null, "9.9.9")).isEqualTo("unknown");
        assertThat(AuthTransports.version("kube-client core", null)).isEqualTo("unknown");
        assertThat(AuthTransports.version("kube-client core", " ")).isEqualTo("unknown");
    }

    @Test
    void userAgentNeverOverridesTheCallers() throws Exception {
        Recorder rec = new Recorder();
        HttpTransport t = AuthTransports.userAgent(rec, "kube/1");
        t.send(get());
        assertThat(rec.last().header("User-Agent")).contains("kube/1");
        t.send(get().toBuilder().setHeader("user-agent", "caller/2").build());
        assertThat(rec.last().headers().get("user-agent")).containsExactly("caller/2");
    }

    @Test
    void defaultUserAgentFollowsClientGosShape() {
        assertThat(AuthTransports.userAgent("com.example.operator.Main --flag", "1.2.3", "Linux", "amd64"))
                .isEqualTo("Main/1.2.3 (linux/amd64) kube-client/1.2.3");
        assertThat(AuthTransports.userAgent("/opt/app/my-service.jar", "unknown", "Mac OS X", "aarch64"))
                .isEqualTo("my-service/unknown (darwin/arm64) kube-client/unknown");
        assertThat(AuthTransports.userAgent("", "unknown", "Windows 11", "x86_64"))
                .isEqualTo("unknown/unknown (windows/amd64) kube-client/unknown");
        assertThat(AuthTransports.defaultUserAgent()).matches("[A-Za-z0-9._-]+/\\S+ \\([a-z0-9]+/[a-z0-9]+\\) kube-client/\\S+");
    }

    @Test
    void impersonationHeaders() throws Exception {
        Recorder rec = new Recorder();
        ImpersonationConfig imp = new ImpersonationConfig("alice", "42", List.of("devs", "ops"),
                Map.of("scopes.example.com/x", List.of("a", "b"), "100%", List.of("c")));
        AuthTransports.impersonation(rec, imp).send(get());
        TransportRequest r = rec.last();
        assertThat(r.headers().get("Impersonate-User")).containsExactly("alice");
        assertThat(r.headers().get("Impersonate-Uid")).containsExactly("42");
        assertThat(r.headers().get("Impersonate-Group")).containsExactly("devs", "ops");
        assertThat(r.headers().get("Impersonate-Extra-scopes.example.com%2Fx")).containsExactly("a", "b");
        assertThat(r.headers().get("Impersonate-Extra-100%25")).containsExactly("c");
    }

    @Test
    void impersonateUserIsSentEvenWhenOnlyGroupsAreSet() throws Exception {
        Recorder rec = new Recorder();
        AuthTransports.impersonation(rec, new ImpersonationConfig("", "", List.of("g"), Map.of())).send(get());
        assertThat(rec.last().headers().get("Impersonate-User")).containsExactly("");
        assertThat(rec.last().hasHeader("Impersonate-Uid")).isFalse();
    }

    @Test
    void impersonationLeavesARequestThatAlreadyImpersonates() throws Exception {
        Recorder rec = new Recorder();
        AuthTransports.impersonation(rec, new ImpersonationConfig("alice", "", List.of("g"), Map.of()))
                .send(get().toBuilder().setHeader("Impersonate-User", "bob").build());
        assertThat(rec.last().headers().get("Impersonate-User")).containsExactly("bob");
        assertThat(rec.last().hasHeader("Impersonate-Group")).isFalse();
    }

    @Test
    void escapesExtraKeysLikeClientGo() {
        assertThat(AuthTransports.escapeExtraKey("example.com/a b")).isEqualTo("example.com%2Fa%20b");
        assertThat(AuthTransports.escapeExtraKey("ümlaut")).isEqualTo("%C3%BCmlaut");
        assertThat(AuthTransports.escapeExtraKey("ok-_.~!")).isEqualTo("ok-_.~!");
    }
}
