package io.kubeclient.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.testutil.MutableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Timeout(60)
class ExecAuthenticatorTest {

    static final String V1 = "client.authentication.k8s.io/v1";
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    MockWebServer server;
    JdkHttpTransport base;
    MutableClock clock = new MutableClock(T0);
    Path count;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        base = JdkHttpTransport.builder().build();
        count = dir.resolve("count");
    }

    @AfterEach
    void tearDown() {
        base.close();
        server.close();
    }

    Path script(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    /** A plugin that counts its runs and returns token tok-<run>, expiring at $EXP. */
    Path tokenPlugin(String extra) throws Exception {
        return script("plugin.sh", extra + "echo run >> \"$COUNT\"\n"
                + "n=$(wc -l < \"$COUNT\" | tr -d ' ')\n"
                + "printf '{\"kind\":\"ExecCredential\",\"apiVersion\":\"" + V1 + "\",\"status\":{\"token\":\"tok-%s\",\"expirationTimestamp\":\"%s\"}}' \"$n\" \"$EXP\"\n");
    }

    ExecConfig config(Path command, String exp) {
        return new ExecConfig(V1, command.toString(), List.of(),
                List.of(new ExecConfig.EnvVar("COUNT", count.toString()), new ExecConfig.EnvVar("EXP", exp)),
                "", false, ExecConfig.InteractiveMode.NEVER, null);
    }

    ExecAuthenticator.Builder authenticator(ExecConfig config) {
        return ExecAuthenticator.builder(config).clock(clock).stdinIsTerminal(() -> false).listener(ExecPluginListener.NOOP);
    }

    int runs() throws Exception {
        return Files.exists(count) ? Files.readAllLines(count).size() : 0;
    }

    TransportRequest get() {
        return TransportRequest.builder("GET", server.url("/api").uri()).build();
    }

    String authorizationSeen(HttpTransport t) throws Exception {
        server.enqueue(new MockResponse.Builder().build());
        t.send(get()).close();
        return server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization");
    }

    @Test
    void cachesTheTokenUntilShortlyBeforeItExpires() throws Exception {
        HttpTransport t = authenticator(config(tokenPlugin(""), T0.plus(Duration.ofMinutes(10)).toString())).build().wrap(base);
        assertThat(authorizationSeen(t)).isEqualTo("Bearer tok-1");
        clock.advance(Duration.ofMinutes(9));
        assertThat(authorizationSeen(t)).isEqualTo("Bearer tok-1");
        clock.advance(Duration.ofSeconds(51));
        assertThat(authorizationSeen(t)).isEqualTo("Bearer tok-2");
        assertThat(runs()).isEqualTo(2);
    }

    @Test
    void tokenWithoutExpiryIsReusedUntilRejected() throws Exception {
        HttpTransport t = authenticator(config(tokenPlugin(""), "")).build().wrap(base);
        assertThat(authorizationSeen(t)).isEqualTo("Bearer tok-1");
        clock.advance(Duration.ofDays(30));
        assertThat(authorizationSeen(t)).isEqualTo("Bearer tok-1");
        assertThat(runs()).isEqualTo(1);
    }

    @Test
    void a401RunsThePluginAgainAndRetriesOnce() throws Exception {
        HttpTransport t = authenticator(config(tokenPlugin(""), "")).build().wrap(base);
        server.enqueue(new MockResponse.Builder().code(401).build());
        server.enqueue(new MockResponse.Builder().body("ok").build());
        TransportRequest post = TransportRequest.builder("POST", server.url("/api").uri())
                .body(TransportRequest.Body.of("{}".getBytes(StandardCharsets.UTF_8))).build();
        try (TransportResponse r = t.send(post)) {
            assertThat(r.statusCode()).isEqualTo(200);
        }
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
        RecordedRequest retry = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(retry.getHeaders().get("Authorization")).isEqualTo("Bearer tok-2");
        assertThat(retry.getBody().utf8()).isEqualTo("{}");
        assertThat(runs()).isEqualTo(2);
    }

    @Test
    void aSecond401IsReturnedWithoutAnotherRetry() throws Exception {
        HttpTransport t = authenticator(config(tokenPlugin(""), "")).build().wrap(base);
        server.enqueue(new MockResponse.Builder().code(401).build());
        server.enqueue(new MockResponse.Builder().code(401).build());
        try (TransportResponse r = t.send(get())) {
            assertThat(r.statusCode()).isEqualTo(401);
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(runs()).isEqualTo(2);
    }

    @Test
    void aNonRepeatableBodyIsNotRetriedButCredentialsAreRefreshed() throws Exception {
        HttpTransport t = authenticator(config(tokenPlugin(""), "")).build().wrap(base);
        server.enqueue(new MockResponse.Builder().code(401).build());
        TransportRequest post = TransportRequest.builder("POST", server.url("/api").uri())
                .body(TransportRequest.Body.ofStream(() -> new java.io.ByteArrayInputStream(new byte[] {1}), 1, false)).build();
        try (TransportResponse r = t.send(post)) {
            assertThat(r.statusCode()).isEqualTo(401);
        }
        assertThat(runs()).isEqualTo(2);
        server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(authorizationSeen(t)).isEqualTo("Bearer tok-2");
    }

    @Test
    void requestsWithTheirOwnAuthorizationBypassThePlugin() throws Exception {
        HttpTransport t = authenticator(config(tokenPlugin(""), "")).build().wrap(base);
        server.enqueue(new MockResponse.Builder().build());
        t.send(get().toBuilder().setHeader("Authorization", "Bearer mine").build()).close();
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isEqualTo("Bearer mine");
        assertThat(runs()).isZero();
    }

    @Test
    void runsThePluginOnceForTwentyConcurrentRequests() throws Exception {
        HttpTransport t = authenticator(config(tokenPlugin("sleep 0.3\n"), "")).build().wrap(base);
        for (int i = 0; i < 20; i++) {
            server.enqueue(new MockResponse.Builder().build());
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    try (TransportResponse r = t.send(get())) {
                        return r.statusCode();
                    }
                }));
            }
            go.countDown();
            for (Future<Integer> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(runs()).isEqualTo(1);
        for (int i = 0; i < 20; i++) {
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
        }
    }

    @Test
    void passesExecInfoAndConfiguredEnvironment() throws Exception {
        Path info = dir.resolve("info.json");
        Path plugin = script("info.sh", "printf '%s' \"$KUBERNETES_EXEC_INFO\" > \"" + info + "\"\n"
                + "printf '{\"kind\":\"ExecCredential\",\"apiVersion\":\"" + V1 + "\",\"status\":{\"token\":\"%s-%s\"}}' \"$FOO\" \"$1\"\n");
        ExecConfig cfg = new ExecConfig(V1, plugin.toString(), List.of("arg1"), List.of(new ExecConfig.EnvVar("FOO", "bar")),
                "", true, ExecConfig.InteractiveMode.IF_AVAILABLE, Map.of("audience", "k8s"));
        HttpTransport t = authenticator(cfg)
                .cluster(new ExecAuthenticator.Cluster("https://k8s.example:6443", "k8s.internal", false,
                        "CA".getBytes(StandardCharsets.US_ASCII), "http://proxy:3128", false, null))
                .build().wrap(base);
        assertThat(authorizationSeen(t)).isEqualTo("Bearer bar-arg1");
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(info));
        assertThat(json.get("kind").stringValue()).isEqualTo("ExecCredential");
        assertThat(json.get("apiVersion").stringValue()).isEqualTo(V1);
        assertThat(json.at("/spec/interactive").booleanValue()).isFalse();
        assertThat(json.at("/spec/cluster/server").stringValue()).isEqualTo("https://k8s.example:6443");
        assertThat(json.at("/spec/cluster/tls-server-name").stringValue()).isEqualTo("k8s.internal");
        assertThat(json.at("/spec/cluster/certificate-authority-data").stringValue()).isEqualTo("Q0E=");
        assertThat(json.at("/spec/cluster/proxy-url").stringValue()).isEqualTo("http://proxy:3128");
        assertThat(json.at("/spec/cluster/config/audience").stringValue()).isEqualTo("k8s");
        assertThat(json.at("/spec/cluster").has("insecure-skip-tls-verify")).isFalse();
    }

    @Test
    void clusterInfoIsLeftOutUnlessRequested() throws Exception {
        ExecAuthenticator a = authenticator(config(tokenPlugin(""), ""))
                .cluster(new ExecAuthenticator.Cluster("https://k8s", "", true, null, "", false, null)).build();
        assertThat(a.execInfo(false)).isEqualTo("{\"kind\":\"ExecCredential\",\"apiVersion\":\"" + V1
                + "\",\"spec\":{\"interactive\":false}}");
    }

    @Test
    void interactiveModeAlwaysWithoutATerminalFails() throws Exception {
        ExecConfig cfg = new ExecConfig(V1, tokenPlugin("").toString(), null, null, "", false, ExecConfig.InteractiveMode.ALWAYS, null);
        HttpTransport t = authenticator(cfg).build().wrap(base);
        assertThatThrownBy(() -> t.send(get())).isInstanceOf(ExecPluginException.class)
                .hasMessageContaining("standard input is not a terminal");
    }

    @Test
    void badJsonIsAnErrorThatDoesNotEchoTheOutput() throws Exception {
        Path plugin = script("bad.sh", "echo 'sekrit-token-value'\n");
        HttpTransport t = authenticator(config(plugin, "")).build().wrap(base);
        assertThatThrownBy(() -> t.send(get())).isInstanceOf(ExecPluginException.class)
                .hasMessageContaining("not a valid JSON ExecCredential")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sekrit"));
    }

    @Test
    void wrongApiVersionIsAnError() throws Exception {
        Path plugin = script("v1beta1.sh", "echo '{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"status\":{\"token\":\"x\"}}'\n");
        HttpTransport t = authenticator(config(plugin, "")).build().wrap(base);
        assertThatThrownBy(() -> t.send(get())).isInstanceOf(ExecPluginException.class)
                .hasMessageContaining("exec plugin is configured to use API version client.authentication.k8s.io/v1, "
                        + "plugin returned version \"client.authentication.k8s.io/v1beta1\"");
    }

    @Test
    void missingStatusOrCredentialsAreErrors() throws Exception {
        Path noStatus = script("nostatus.sh", "echo '{\"kind\":\"ExecCredential\",\"apiVersion\":\"" + V1 + "\"}'\n");
        assertThatThrownBy(() -> authenticator(config(noStatus, "")).build().wrap(base).send(get()))
                .hasMessageContaining("exec plugin didn't return a status field");
        Path empty = script("empty.sh", "echo '{\"kind\":\"ExecCredential\",\"apiVersion\":\"" + V1 + "\",\"status\":{}}'\n");
        assertThatThrownBy(() -> authenticator(config(empty, "")).build().wrap(base).send(get()))
                .hasMessageContaining("exec plugin didn't return a token or cert/key pair");
    }

    @Test
    void missingCommandShowsTheInstallHint() {
        ExecConfig cfg = new ExecConfig(V1, "kube-client-no-such-plugin", null, null,
                "Install it with: brew install no-such-plugin", false, ExecConfig.InteractiveMode.NEVER, null);
        List<ExecPluginListener.Outcome> outcomes = new CopyOnWriteArrayList<>();
        HttpTransport t = authenticator(cfg).listener(new ExecPluginListener() {
            @Override
            public void pluginCalled(String command, Outcome outcome, int exitCode, Duration duration) {
                outcomes.add(outcome);
            }
        }).build().wrap(base);
        assertThatThrownBy(() -> t.send(get())).isInstanceOf(ExecPluginException.class)
                .hasMessageContaining("exec: executable kube-client-no-such-plugin not found")
                .hasMessageContaining("Install it with: brew install no-such-plugin");
        assertThat(outcomes).containsExactly(ExecPluginListener.Outcome.PLUGIN_NOT_FOUND);
    }

    @Test
    void nonZeroExitNamesCommandAndCodeButNotStderr() throws Exception {
        Path plugin = script("fail.sh", "echo 'password=hunter2' >&2\nexit 3\n");
        List<Integer> codes = new CopyOnWriteArrayList<>();
        HttpTransport t = authenticator(config(plugin, "")).listener(new ExecPluginListener() {
            @Override
            public void pluginCalled(String command, Outcome outcome, int exitCode, Duration duration) {
                codes.add(exitCode);
            }
        }).build().wrap(base);
        assertThatThrownBy(() -> t.send(get())).isInstanceOf(ExecPluginException.class)
                .hasMessageContaining("exec: executable " + plugin + " failed with exit code 3")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        assertThat(codes).containsExactly(3);
    }

    @Test
    @Timeout(20)
    void aPluginThatHangsIsKilledAfterTheTimeout() throws Exception {
        Path plugin = script("hang.sh", "sleep 30\n");
        HttpTransport t = authenticator(config(plugin, "")).timeout(Duration.ofMillis(500)).build().wrap(base);
        assertThatThrownBy(() -> t.send(get())).isInstanceOf(ExecPluginException.class)
                .hasMessageContaining("did not finish within");
    }

    @Test
    void rejectsAnUnknownApiVersion() {
        ExecConfig cfg = new ExecConfig("client.authentication.k8s.io/v1alpha1", "x", null, null, "", false, null, null);
        assertThatThrownBy(() -> ExecAuthenticator.builder(cfg).build())
                .isInstanceOf(io.kubeclient.ConfigException.class)
                .hasMessageContaining("exec plugin: invalid apiVersion \"client.authentication.k8s.io/v1alpha1\"");
    }

    @Test
    void clientCertificatesFromThePluginAreUsedAndRotated() throws Exception {
        HeldCertificate ca = TlsFixtures.ca("ca");
        HeldCertificate clientCa = TlsFixtures.ca("client-ca");
        HeldCertificate first = new HeldCertificate.Builder().commonName("first").signedBy(clientCa).ecdsa256().build();
        HeldCertificate second = new HeldCertificate.Builder().commonName("second").signedBy(clientCa).rsa2048().build();
        JsonMapper json = JsonMapper.builder().build();
        int i = 1;
        for (HeldCertificate c : List.of(first, second)) {
            Map<String, Object> cred = Map.of("kind", "ExecCredential", "apiVersion", V1, "status", Map.of(
                    "clientCertificateData", c.certificatePem(), "clientKeyData", c.privateKeyPkcs8Pem(),
                    "expirationTimestamp", T0.plus(Duration.ofMinutes(i * 10L)).toString()));
            Files.writeString(dir.resolve("cred-" + i++ + ".json"), json.writeValueAsString(cred));
        }
        Path plugin = script("certs.sh", "echo run >> \"$COUNT\"\nn=$(wc -l < \"$COUNT\" | tr -d ' ')\ncat \"" + dir + "/cred-$n.json\"\n");
        List<Instant> expiries = new CopyOnWriteArrayList<>();
        ExecAuthenticator auth = authenticator(config(plugin, "")).listener(new ExecPluginListener() {
            @Override
            public void clientCertificateRotated(String command, Instant notAfter) {
                expiries.add(notAfter);
            }
        }).build();

        try (MockWebServer tls = new MockWebServer()) {
            tls.useHttps(new HandshakeCertificates.Builder().heldCertificate(TlsFixtures.server(ca, "localhost"))
                    .addTrustedCertificate(clientCa.certificate()).build().sslSocketFactory());
            tls.requireClientAuth();
            tls.start();
            try (JdkHttpTransport tlsBase = JdkHttpTransport.builder()
                    .tls(TlsConfig.builder().caData(ca.certificatePem().getBytes(StandardCharsets.US_ASCII)).build())
                    .clientCertificates(auth).build()) {
                HttpTransport t = auth.wrap(tlsBase);
                URI uri = URI.create("https://localhost:" + tls.getPort() + "/");
                tls.enqueue(new MockResponse.Builder().build());
                t.send(TransportRequest.builder("GET", uri).build()).close();
                RecordedRequest r1 = tls.takeRequest(5, TimeUnit.SECONDS);
                assertThat(r1.getHandshake().peerPrincipal().getName()).isEqualTo("CN=first");
                assertThat(r1.getHeaders().get("Authorization")).isNull();

                clock.advance(Duration.ofMinutes(11));
                tls.enqueue(new MockResponse.Builder().build());
                t.send(TransportRequest.builder("GET", uri).build()).close();
                assertThat(tls.takeRequest(5, TimeUnit.SECONDS).getHandshake().peerPrincipal().getName()).isEqualTo("CN=second");
            }
        }
        assertThat(runs()).isEqualTo(2);
        assertThat(expiries).containsExactly(first.certificate().getNotAfter().toInstant(),
                second.certificate().getNotAfter().toInstant());
    }
}
