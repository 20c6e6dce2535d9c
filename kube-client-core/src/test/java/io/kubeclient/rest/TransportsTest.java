package io.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.ConfigException;
import io.kubeclient.testutil.MutableClock;
import io.kubeclient.transport.AuthProviderConfig;
import io.kubeclient.transport.ExecConfig;
import io.kubeclient.transport.HttpTransport;
import io.kubeclient.transport.ImpersonationConfig;
import io.kubeclient.transport.TransportRequest;
import io.kubeclient.transport.TransportResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class TransportsTest {

    static HeldCertificate ca;
    static HeldCertificate serverCert;

    @TempDir
    Path dir;

    MockWebServer server;

    @BeforeAll
    static void certs() {
        ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("ca").ecdsa256().build();
        serverCert = new HeldCertificate.Builder().commonName("server").addSubjectAlternativeName("localhost")
                .signedBy(ca).ecdsa256().build();
    }

    @AfterAll
    static void clear() {
        Transports.clearCaches();
    }

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(serverCert).build().sslSocketFactory());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    RestConfig.Builder config() {
        return RestConfig.builder().host("https://localhost:" + server.getPort())
                .caData(ca.certificatePem().getBytes(StandardCharsets.US_ASCII));
    }

    RecordedRequest roundTrip(HttpTransport t) throws Exception {
        return roundTrip(t, TransportRequest.builder("GET", URI.create("https://localhost:" + server.getPort() + "/api")).build());
    }

    RecordedRequest roundTrip(HttpTransport t, TransportRequest req) throws Exception {
        server.enqueue(new MockResponse.Builder().body("{}").build());
        try (TransportResponse r = t.send(req)) {
            assertThat(r.statusCode()).isEqualTo(200);
            r.body().readAllBytes();
        }
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    @Test
    void sendsStaticBearerTokenAndDefaultUserAgent() throws Exception {
        RecordedRequest r = roundTrip(Transports.forConfig(config().bearerToken("t0k3n").build()));
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer t0k3n");
        assertThat(r.getHeaders().get("User-Agent")).contains(" kube-client/");
    }

    @Test
    void configuredUserAgentIsSentButTheCallersWins() throws Exception {
        HttpTransport t = Transports.forConfig(config().userAgent("my-op/1.0").build());
        assertThat(roundTrip(t).getHeaders().get("User-Agent")).isEqualTo("my-op/1.0");
        RecordedRequest r = roundTrip(t, TransportRequest.builder("GET", URI.create("https://localhost:" + server.getPort() + "/"))
                .setHeader("User-Agent", "caller/9").build());
        assertThat(r.getHeaders().get("User-Agent")).isEqualTo("caller/9");
    }

    @Test
    void rotatesTheTokenFileWithTheClock() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "one");
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        HttpTransport t = Transports.forConfig(config().bearerTokenFile(token).build(), k -> null, clock);
        assertThat(roundTrip(t).getHeaders().get("Authorization")).isEqualTo("Bearer one");
        Files.writeString(token, "two");
        clock.advance(Duration.ofSeconds(51));
        assertThat(roundTrip(t).getHeaders().get("Authorization")).isEqualTo("Bearer two");
    }

    @Test
    void sendsBasicAuth() throws Exception {
        RecordedRequest r = roundTrip(Transports.forConfig(config().username("admin").password("pw").build()));
        assertThat(r.getHeaders().get("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("admin:pw".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void basicAuthAndTokenTogetherAreRejected() {
        assertThatThrownBy(() -> Transports.forConfig(config().username("u").password("p").bearerToken("t").build()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("username/password or bearer token may be set, but not both");
    }

    @Test
    void execAndAuthProviderTogetherAreRejected() {
        ExecConfig exec = new ExecConfig("client.authentication.k8s.io/v1", "true", null, null, null, false, null, null);
        assertThatThrownBy(() -> Transports.forConfig(config().execProvider(exec)
                .authProvider(new AuthProviderConfig("oidc", Map.of())).build()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("execProvider and authProvider cannot be used in combination");
    }

    @Test
    void caWithInsecureIsRejected() {
        assertThatThrownBy(() -> Transports.forConfig(config().insecure(true).build()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("specifying a root certificates file with the insecure flag is not allowed");
    }

    @Test
    void impersonationHeadersAsTheServerSeesThem() throws Exception {
        ImpersonationConfig imp = new ImpersonationConfig("jane", "uid-7", List.of("system:masters", "devs"),
                Map.of("reason", List.of("debugging", "audit"), "acme.io/team", List.of("blue")));
        RecordedRequest r = roundTrip(Transports.forConfig(config().bearerToken("t").impersonation(imp).build()));
        assertThat(r.getHeaders().values("Impersonate-User")).containsExactly("jane");
        assertThat(r.getHeaders().values("Impersonate-Uid")).containsExactly("uid-7");
        assertThat(r.getHeaders().values("Impersonate-Group")).containsExactly("system:masters", "devs");
        assertThat(r.getHeaders().values("Impersonate-Extra-reason")).containsExactly("debugging", "audit");
        assertThat(r.getHeaders().values("Impersonate-Extra-acme.io%2Fteam")).containsExactly("blue");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer t");
    }

    @Test
    void configsDifferingOnlyInCredentialsShareOnePool() {
        Transports.clearCaches();
        Transports.forConfig(config().bearerToken("a").build());
        Transports.forConfig(config().username("u").password("p").build());
        Transports.forConfig(config().impersonation(new ImpersonationConfig("x", "", null, null)).build());
        assertThat(Transports.cachedBaseCount()).isEqualTo(1);
        Transports.forConfig(config().serverName("localhost").build());
        Transports.forConfig(config().disableCompression(true).build());
        assertThat(Transports.cachedBaseCount()).isEqualTo(3);
    }

    @Test
    void connectTimeoutGetsItsOwnPoolAndStillConnects() throws Exception {
        Transports.clearCaches();
        Transports.forConfig(config().build());
        HttpTransport t = Transports.forConfig(config().connectTimeout(Duration.ofSeconds(3)).build());
        Transports.forConfig(config().connectTimeout(Duration.ofSeconds(3)).bearerToken("x").build());
        assertThat(Transports.cachedBaseCount()).isEqualTo(2);
        assertThat(roundTrip(t).getMethod()).isEqualTo("GET");
    }

    @Test
    void closingAClientLeavesTheSharedPoolWorking() throws Exception {
        HttpTransport a = Transports.forConfig(config().bearerToken("a").build());
        HttpTransport b = Transports.forConfig(config().bearerToken("b").build());
        a.close();
        assertThat(roundTrip(b).getHeaders().get("Authorization")).isEqualTo("Bearer b");
    }

    @Test
    void clientCertificateFromConfigFiles() throws Exception {
        HeldCertificate clientCa = new HeldCertificate.Builder().certificateAuthority(0).commonName("client-ca").ecdsa256().build();
        HeldCertificate client = new HeldCertificate.Builder().commonName("system:admin").signedBy(clientCa).rsa2048().build();
        server.close();
        server = new MockWebServer();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(serverCert)
                .addTrustedCertificate(clientCa.certificate()).build().sslSocketFactory());
        server.requireClientAuth();
        server.start();
        Path cert = dir.resolve("admin.crt");
        Path key = dir.resolve("admin.key");
        Files.writeString(cert, client.certificatePem());
        Files.writeString(key, client.privateKeyPkcs1Pem());
        RecordedRequest r = roundTrip(Transports.forConfig(config().certFile(cert).keyFile(key).build()));
        assertThat(r.getHandshake().peerPrincipal().getName()).isEqualTo("CN=system:admin");
    }

    @Test
    void removedAndUnknownAuthProviders() {
        assertThatThrownBy(() -> Transports.forConfig(config().authProvider(new AuthProviderConfig("gcp", Map.of())).build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("gcp auth plugin has been removed");
        assertThatThrownBy(() -> Transports.forConfig(config().authProvider(new AuthProviderConfig("azure", Map.of())).build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("azure auth plugin has been removed");
        assertThatThrownBy(() -> Transports.forConfig(config().authProvider(new AuthProviderConfig("nope", Map.of())).build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no Auth Provider found for name \"nope\"");
    }

    static String jwt(Instant exp) {
        Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
        return e.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + e.encodeToString(("{\"exp\":" + exp.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    @Test
    void oidcSendsTheIdTokenWhileValid() throws Exception {
        Clock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        String idToken = jwt(Instant.parse("2026-01-01T01:00:00Z"));
        HttpTransport t = Transports.forConfig(config().authProvider(new AuthProviderConfig("oidc", Map.of(
                "idp-issuer-url", "https://issuer.invalid", "client-id", "kube", "id-token", idToken))).build(), k -> null, clock);
        assertThat(roundTrip(t).getHeaders().get("Authorization")).isEqualTo("Bearer " + idToken);
    }

    @Test
    void oidcRefreshesAnExpiredIdTokenAtTheIssuersTokenEndpoint() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        String fresh = jwt(Instant.parse("2026-01-01T02:00:00Z"));
        try (MockWebServer issuer = new MockWebServer()) {
            issuer.start();
            String base = issuer.url("/realm").toString();
            issuer.enqueue(new MockResponse.Builder().body("{\"issuer\":\"" + base + "\",\"token_endpoint\":\"" + base + "/token\"}").build());
            issuer.enqueue(new MockResponse.Builder().body("{\"id_token\":\"" + fresh + "\",\"refresh_token\":\"r2\"}").build());
            HttpTransport t = Transports.forConfig(config().authProvider(new AuthProviderConfig("oidc", Map.of(
                    "idp-issuer-url", base, "client-id", "kube", "client-secret", "shh",
                    "id-token", jwt(Instant.parse("2026-01-01T00:00:05Z")), "refresh-token", "r1"))).build(), k -> null, clock);
            assertThat(roundTrip(t).getHeaders().get("Authorization")).isEqualTo("Bearer " + fresh);
            assertThat(issuer.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/realm/.well-known/openid-configuration");
            RecordedRequest tokenRequest = issuer.takeRequest(5, TimeUnit.SECONDS);
            assertThat(tokenRequest.getTarget()).isEqualTo("/realm/token");
            assertThat(tokenRequest.getBody().utf8()).contains("grant_type=refresh_token", "refresh_token=r1", "client_id=kube");
        }
    }

    @Test
    void oidcWithExpiredTokenAndNoRefreshTokenFailsClearly() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        HttpTransport t = Transports.forConfig(config().authProvider(new AuthProviderConfig("oidc", Map.of(
                "idp-issuer-url", "https://issuer.invalid", "client-id", "kube",
                "id-token", jwt(Instant.parse("2025-01-01T00:00:00Z"))))).build(), k -> null, clock);
        assertThatThrownBy(() -> roundTrip(t)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("id-token has expired and no refresh-token");
    }

    @Test
    void proxySettingsComeFromTheConfigThenTheEnvironment() {
        assertThatThrownBy(() -> Transports.forConfig(config().proxyUrl(URI.create("https://proxy:443")).build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("https proxies are not supported");
        Map<String, String> env = Map.of("HTTPS_PROXY", "socks5://proxy:1080");
        assertThatThrownBy(() -> Transports.forConfig(config().build(), env::get, Clock.systemUTC()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("HTTPS_PROXY");
        // An explicit proxy or noProxy() means the environment is never consulted.
        Transports.forConfig(config().proxyUrl(URI.create("http://proxy:3128")).build(), env::get, Clock.systemUTC());
        Transports.forConfig(config().noProxy().build(), env::get, Clock.systemUTC());
    }

    @Test
    void execPluginTokenReachesTheServer() throws Exception {
        Path plugin = dir.resolve("plugin.sh");
        Files.writeString(plugin, "#!/bin/sh\necho '{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"status\":{\"token\":\"from-exec\"}}'\n");
        Files.setPosixFilePermissions(plugin, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        ExecConfig exec = new ExecConfig("client.authentication.k8s.io/v1beta1", plugin.toString(), null, null, null, true,
                ExecConfig.InteractiveMode.NEVER, null);
        RecordedRequest r = roundTrip(Transports.forConfig(config().execProvider(exec).build()));
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer from-exec");
    }

    /**
     * Like client-go, configs with equal exec settings for the same cluster share one authenticator,
     * so its plugin runs once for them; another cluster (here another server name) gets its own.
     */
    @Test
    void configsWithTheSameExecSettingsAndClusterShareThePluginsCredential() throws Exception {
        Transports.clearCaches();
        Path runs = dir.resolve("runs");
        Path plugin = dir.resolve("counting-plugin.sh");
        Files.writeString(plugin, "#!/bin/sh\necho run >> '" + runs + "'\n"
                + "echo '{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\",\"status\":{\"token\":\"t\"}}'\n");
        Files.setPosixFilePermissions(plugin, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        List<ExecConfig.EnvVar> env = List.of(new ExecConfig.EnvVar("REGION", "eu-west-1"));
        ExecConfig exec = new ExecConfig("client.authentication.k8s.io/v1", plugin.toString(), List.of("get-token"), env,
                null, false, ExecConfig.InteractiveMode.NEVER, null);
        ExecConfig equalExec = new ExecConfig("client.authentication.k8s.io/v1", plugin.toString(), List.of("get-token"),
                List.of(new ExecConfig.EnvVar("REGION", "eu-west-1")), null, false, ExecConfig.InteractiveMode.NEVER, null);
        roundTrip(Transports.forConfig(config().execProvider(exec).build()));
        roundTrip(Transports.forConfig(config().execProvider(equalExec).build()));
        assertThat(Files.readAllLines(runs)).as("plugin runs for two configs of one cluster").hasSize(1);
        roundTrip(Transports.forConfig(config().execProvider(exec).serverName("localhost").build()));
        assertThat(Files.readAllLines(runs)).as("plugin runs once another cluster's config is used too").hasSize(2);
        roundTrip(Transports.forConfig(config().execProvider(equalExec).serverName("localhost").build()));
        assertThat(Files.readAllLines(runs)).hasSize(2);
    }

    @Test
    void execPluginIsSkippedWhenTheConfigHasAToken() throws Exception {
        ExecConfig exec = new ExecConfig("client.authentication.k8s.io/v1", dir.resolve("absent").toString(), null, null, null,
                false, ExecConfig.InteractiveMode.NEVER, null);
        RecordedRequest r = roundTrip(Transports.forConfig(config().bearerToken("static").execProvider(exec).build()));
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer static");
    }
}
