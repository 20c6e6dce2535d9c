package io.kubeclient.transport;

import static io.kubeclient.transport.TlsFixtures.bytes;
import static io.kubeclient.transport.TlsFixtures.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.ConfigException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class JdkHttpTransportTlsTest {

    static final HeldCertificate CA = TlsFixtures.ca("test-ca");
    static final HeldCertificate OTHER_CA = TlsFixtures.ca("other-ca");

    @TempDir
    Path dir;

    MockWebServer server;
    JdkHttpTransport transport;

    @AfterEach
    void tearDown() {
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static String get(HttpTransport t, URI uri) throws Exception {
        try (TransportResponse r = t.send(TransportRequest.builder("GET", uri).build())) {
            return r.statusCode() + " " + new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private URI url(String path) {
        return server.url(path).uri();
    }

    private URI localhostUrl() {
        return URI.create("https://localhost:" + server.getPort() + "/");
    }

    private void ok() {
        server.enqueue(new MockResponse.Builder().body("ok").build());
    }

    @Test
    void trustsServerSignedByConfiguredCaData() throws Exception {
        server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "localhost"), null);
        ok();
        transport = JdkHttpTransport.builder().tls(TlsConfig.builder().caData(bytes(CA.certificatePem())).build()).build();
        assertThat(get(transport, localhostUrl())).isEqualTo("200 ok");
    }

    @Test
    void trustsAnyCaOfABundleFile() throws Exception {
        server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "localhost"), null);
        ok();
        Path bundle = dir.resolve("ca.crt");
        Files.write(bundle, concat(bytes(OTHER_CA.certificatePem()), bytes(CA.certificatePem())));
        transport = JdkHttpTransport.builder().tls(TlsConfig.builder().caFile(bundle).build()).build();
        assertThat(get(transport, localhostUrl())).isEqualTo("200 ok");
    }

    @Test
    void caDataWinsOverCaFile() throws Exception {
        server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "localhost"), null);
        ok();
        Path wrong = dir.resolve("other.crt");
        Files.writeString(wrong, OTHER_CA.certificatePem());
        transport = JdkHttpTransport.builder()
                .tls(TlsConfig.builder().caFile(wrong).caData(bytes(CA.certificatePem())).build()).build();
        assertThat(get(transport, localhostUrl())).isEqualTo("200 ok");
    }

    @Test
    void rejectsServerSignedByAnotherCa() throws Exception {
        server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "localhost"), null);
        transport = JdkHttpTransport.builder().tls(TlsConfig.builder().caData(bytes(OTHER_CA.certificatePem())).build()).build();
        assertThatThrownBy(() -> get(transport, localhostUrl())).isInstanceOf(SSLException.class);
    }

    @Test
    void systemRootsDoNotTrustATestCa() throws Exception {
        server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "localhost"), null);
        transport = JdkHttpTransport.builder().build();
        assertThatThrownBy(() -> get(transport, localhostUrl())).isInstanceOf(SSLException.class);
    }

    @Test
    void rejectsCertificateForAnotherHostName() throws Exception {
        server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "kubernetes.internal"), null);
        transport = JdkHttpTransport.builder().tls(TlsConfig.builder().caData(bytes(CA.certificatePem())).build()).build();
        assertThatThrownBy(() -> get(transport, localhostUrl())).isInstanceOf(SSLException.class);
    }

    @Test
    void serverNameIsUsedForSniAndTheCertificateCheck() throws Exception {
        server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "kubernetes.internal"), null);
        ok();
        transport = JdkHttpTransport.builder().tls(TlsConfig.builder().caData(bytes(CA.certificatePem()))
                .serverName("kubernetes.internal").build()).build();
        assertThat(get(transport, localhostUrl())).isEqualTo("200 ok");
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r.getHandshakeServerNames()).containsExactly("kubernetes.internal");
    }

    @Test
    void serverNameAlsoAppliesWhenDiallingAnIpAddress() throws Exception {
        server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "kubernetes.internal"), null);
        ok();
        transport = JdkHttpTransport.builder().tls(TlsConfig.builder().caData(bytes(CA.certificatePem()))
                .serverName("kubernetes.internal").build()).build();
        URI ip = URI.create("https://127.0.0.1:" + server.getPort() + "/");
        assertThat(get(transport, ip)).isEqualTo("200 ok");
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHandshakeServerNames()).containsExactly("kubernetes.internal");
    }

    @Test
    void serverNameThatTheCertificateDoesNotNameFails() throws Exception {
        server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "localhost"), null);
        transport = JdkHttpTransport.builder().tls(TlsConfig.builder().caData(bytes(CA.certificatePem()))
                .serverName("kubernetes.internal").build()).build();
        assertThatThrownBy(() -> get(transport, localhostUrl())).isInstanceOf(SSLException.class);
    }

    @Test
    void serverNameStillVerifiesTheChain() throws Exception {
        server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "kubernetes.internal"), null);
        transport = JdkHttpTransport.builder().tls(TlsConfig.builder().caData(bytes(OTHER_CA.certificatePem()))
                .serverName("kubernetes.internal").build()).build();
        assertThatThrownBy(() -> get(transport, localhostUrl())).isInstanceOf(SSLException.class);
    }

    @Test
    void insecureAcceptsAnyCertificateAndName() throws Exception {
        server = TlsFixtures.httpsServer(TlsFixtures.server(OTHER_CA, "elsewhere.example"), null);
        ok();
        transport = JdkHttpTransport.builder().tls(TlsConfig.builder().insecure(true).build()).build();
        assertThat(get(transport, localhostUrl())).isEqualTo("200 ok");
    }

    @Test
    void insecureWithCaIsRejected() {
        assertThatThrownBy(() -> JdkHttpTransport.builder()
                .tls(TlsConfig.builder().insecure(true).caData(bytes(CA.certificatePem())).build()).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("specifying a root certificates file with the insecure flag is not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-pkcs8", "rsa-pkcs1", "ec-pkcs8", "ec-sec1", "ec-sec1-point", "ec-pkcs8-point",
            "ed25519-pkcs8"})
    void presentsClientCertificateInEachKeyFormat(String format) throws Exception {
        HeldCertificate clientCa = TlsFixtures.ca("client-ca");
        String alg = format.startsWith("rsa") ? "RSA" : format.startsWith("ec") ? "EC" : "Ed25519";
        KeyPair kp = TlsFixtures.keyPair(alg);
        HeldCertificate clientCert = TlsFixtures.client(clientCa, kp);
        byte[] keyPem = switch (format) {
            case "rsa-pkcs1" -> TlsFixtures.pkcs1Pem(kp.getPrivate());
            case "ec-sec1" -> TlsFixtures.sec1Pem(kp.getPrivate());
            case "ec-sec1-point" -> TlsFixtures.sec1PemWithPoint(kp, kp);
            case "ec-pkcs8-point" -> TlsFixtures.pkcs8PemWithPoint(kp);
            default -> TlsFixtures.pkcs8Pem(kp.getPrivate());
        };
        server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "localhost"), clientCa);
        ok();
        transport = JdkHttpTransport.builder().tls(TlsConfig.builder().caData(bytes(CA.certificatePem()))
                .certData(bytes(clientCert.certificatePem())).keyData(keyPem).build()).build();
        assertThat(get(transport, localhostUrl())).isEqualTo("200 ok");
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r.getHandshake().peerPrincipal().getName()).contains("CN=alice");
    }

    @Test
    void rsaPkcs1KeyAsOkHttpWritesIt() throws Exception {
        HeldCertificate clientCa = TlsFixtures.ca("client-ca");
        HeldCertificate clientCert = new HeldCertificate.Builder().commonName("bob").rsa2048().signedBy(clientCa).build();
        server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "localhost"), clientCa);
        ok();
        Path cert = dir.resolve("client.crt");
        Path key = dir.resolve("client.key");
        Files.writeString(cert, clientCert.certificatePem());
        Files.writeString(key, clientCert.privateKeyPkcs1Pem());
        transport = JdkHttpTransport.builder().tls(TlsConfig.builder().caData(bytes(CA.certificatePem()))
                .certFile(cert).keyFile(key).build()).build();
        assertThat(get(transport, localhostUrl())).isEqualTo("200 ok");
    }

    @Test
    void presentsAClientCertificateChain() throws Exception {
        HeldCertificate root = TlsFixtures.ca("client-root");
        HeldCertificate intermediate = new HeldCertificate.Builder().certificateAuthority(0).commonName("client-intermediate")
                .signedBy(root).ecdsa256().build();
        HeldCertificate leaf = new HeldCertificate.Builder().commonName("carol").signedBy(intermediate).ecdsa256().build();
        server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "localhost"), root);
        ok();
        transport = JdkHttpTransport.builder().tls(TlsConfig.builder().caData(bytes(CA.certificatePem()))
                .certData(concat(bytes(leaf.certificatePem()), bytes(intermediate.certificatePem())))
                .keyData(bytes(leaf.privateKeyPkcs8Pem())).build()).build();
        assertThat(get(transport, localhostUrl())).isEqualTo("200 ok");
    }

    @Test
    void serverRejectsConnectionWithoutClientCertificate() throws Exception {
        server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "localhost"), TlsFixtures.ca("client-ca"));
        transport = JdkHttpTransport.builder().tls(TlsConfig.builder().caData(bytes(CA.certificatePem())).build()).build();
        assertThatThrownBy(() -> get(transport, localhostUrl())).isInstanceOf(IOException.class);
    }

    @Test
    void rejectsKeyThatDoesNotMatchTheCertificate() {
        HeldCertificate a = TlsFixtures.client(CA, TlsFixtures.keyPair("EC"));
        HeldCertificate b = TlsFixtures.client(CA, TlsFixtures.keyPair("EC"));
        String keyPem = b.privateKeyPkcs8Pem();
        assertThatThrownBy(() -> JdkHttpTransport.builder().tls(TlsConfig.builder()
                .certData(bytes(a.certificatePem())).keyData(bytes(keyPem)).build()).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not match")
                .hasMessageContaining("keyData")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(body(keyPem)));
    }

    @Test
    void rejectsAnotherCertificatesEcKeyThatCarriesItsPoint() throws Exception {
        // The usual mix-up with k3s-style files: a genuine key, of another certificate.
        KeyPair other = TlsFixtures.keyPair("EC");
        HeldCertificate a = TlsFixtures.client(CA, TlsFixtures.keyPair("EC"));
        byte[] keyPem = TlsFixtures.sec1PemWithPoint(other, other);
        assertThatThrownBy(() -> JdkHttpTransport.builder().tls(TlsConfig.builder()
                .certData(bytes(a.certificatePem())).keyData(keyPem).build()).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("the client key does not match the client certificate");
    }

    @Test
    void rejectsGarbageKeyPemNamingTheFile() throws Exception {
        HeldCertificate a = TlsFixtures.client(CA, TlsFixtures.keyPair("EC"));
        Path cert = dir.resolve("c.crt");
        Path key = dir.resolve("c.key");
        Files.writeString(cert, a.certificatePem());
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWJ5dGVzLW5vdC1hLWtleQ==\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> JdkHttpTransport.builder().tls(TlsConfig.builder().certFile(cert).keyFile(key).build()).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("keyFile")
                .hasMessageContaining(key.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("c2VjcmV0"))
                .satisfies(e -> assertThat(((ConfigException) e).file()).contains(key));
    }

    @Test
    void rejectsGarbageCaData() {
        assertThatThrownBy(() -> JdkHttpTransport.builder().tls(TlsConfig.builder().caData(bytes("not pem at all")).build()).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unable to load root certificates")
                .hasMessageContaining("caData");
    }

    @Test
    void rejectsCorruptCertificateInCaData() {
        byte[] corrupt = TlsFixtures.pem("CERTIFICATE", "definitely not DER".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> JdkHttpTransport.builder().tls(TlsConfig.builder().caData(corrupt).build()).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("failed to parse certificate");
    }

    /**
     * A certificate's DER with a letter for a digit of its notBefore's seconds: the structural check
     * at build looks at the first ten digits only; the JDK refuses the time when it parses it.
     */
    private static byte[] withBadSeconds(HeldCertificate c) throws Exception {
        byte[] der = c.certificate().getEncoded();
        int time = -1;
        for (int i = 0; i + 14 < der.length && time < 0; i++) {
            if (der[i] == 0x17 && der[i + 1] == 13 && der[i + 14] == 'Z') {
                time = i + 2;
            }
        }
        assertThat(time).isPositive();
        der[time + 11] = 'x';
        return TlsFixtures.pem("CERTIFICATE", der);
    }

    @Test
    void aCaWhoseStructurePassesButTheJdkRefusesFailsTheFirstRequestNamingTheSetting() throws Exception {
        transport = JdkHttpTransport.builder().tls(TlsConfig.builder().caData(withBadSeconds(CA)).build()).build();
        assertThatThrownBy(() -> get(transport, URI.create("https://localhost:1/")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("unable to load root certificates: failed to parse certificate #1")
                .hasMessageContaining("caData");
    }

    @Test
    void aClientCertificateWhoseStructurePassesButTheJdkRefusesFailsTheFirstRequestNamingTheSetting() throws Exception {
        // As k3s writes a user's credentials: SEC1 with the public point, which the DER matches to the
        // certificate, so that the JDK parses neither until the first request.
        KeyPair kp = TlsFixtures.keyPair("EC");
        HeldCertificate client = TlsFixtures.client(CA, kp);
        transport = JdkHttpTransport.builder().tls(TlsConfig.builder().caData(bytes(CA.certificatePem()))
                .certData(withBadSeconds(client)).keyData(TlsFixtures.sec1PemWithPoint(kp, kp)).build()).build();
        assertThatThrownBy(() -> get(transport, URI.create("https://localhost:1/")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("unable to load client certificate: failed to parse certificate #1")
                .hasMessageContaining("certData");
    }

    @Test
    void rejectsUnreadableCaFile() {
        Path missing = dir.resolve("missing-ca.crt");
        assertThatThrownBy(() -> JdkHttpTransport.builder().tls(TlsConfig.builder().caFile(missing).build()).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("caFile")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void rejectsCertificateWithoutKey() {
        HeldCertificate a = TlsFixtures.client(CA, TlsFixtures.keyPair("EC"));
        assertThatThrownBy(() -> JdkHttpTransport.builder().tls(TlsConfig.builder().certData(bytes(a.certificatePem())).build()).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("without a client key");
    }

    @Test
    void rejectsEncryptedKey() {
        HeldCertificate a = TlsFixtures.client(CA, TlsFixtures.keyPair("EC"));
        byte[] encrypted = TlsFixtures.pem("ENCRYPTED PRIVATE KEY", new byte[] {0x30, 0x00});
        assertThatThrownBy(() -> JdkHttpTransport.builder().tls(TlsConfig.builder()
                .certData(bytes(a.certificatePem())).keyData(encrypted).build()).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("encrypted private keys are not supported");
    }

    @Test
    void negotiatesHttp2ByDefault() throws Exception {
        server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "localhost"), null);
        ok();
        transport = JdkHttpTransport.builder().tls(TlsConfig.builder().caData(bytes(CA.certificatePem())).build()).build();
        get(transport, localhostUrl());
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getVersion()).isEqualTo("HTTP/2");
    }

    @Test
    void http2RequestsOfEveryThreadShareOneConnection() throws Exception {
        server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "localhost"), null);
        transport = JdkHttpTransport.builder().shards(2).tls(TlsConfig.builder().caData(bytes(CA.certificatePem())).build()).build();
        java.util.List<Integer> connections = new java.util.ArrayList<>();
        for (int parity : new int[] {0, 1, 0, 1}) {
            ok();
            JdkHttpTransportTest.onThread(parity, () -> get(transport, localhostUrl()));
            var rec = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(rec.getVersion()).isEqualTo("HTTP/2");
            connections.add(rec.getConnectionIndex());
        }
        assertThat(connections).containsOnly(connections.get(0));
    }

    @Test
    void http11OverTlsIsSpreadOverTheClients() throws Exception {
        server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "localhost"), null);
        transport = JdkHttpTransport.builder().shards(2).tls(TlsConfig.builder().caData(bytes(CA.certificatePem()))
                .nextProtos(List.of("http/1.1")).build()).build();
        java.util.List<Integer> connections = new java.util.ArrayList<>();
        for (int parity : new int[] {0, 1, 0, 1}) {
            ok();
            JdkHttpTransportTest.onThread(parity, () -> get(transport, localhostUrl()));
            var rec = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(rec.getVersion()).isEqualTo("HTTP/1.1");
            connections.add(rec.getConnectionIndex());
        }
        assertThat(connections.get(0)).isNotEqualTo(connections.get(1));
        assertThat(connections.subList(2, 4)).isEqualTo(connections.subList(0, 2));
    }

    @Test
    void nextProtosHttp11ForcesHttp11() throws Exception {
        server = TlsFixtures.httpsServer(TlsFixtures.server(CA, "localhost"), null);
        ok();
        transport = JdkHttpTransport.builder().tls(TlsConfig.builder().caData(bytes(CA.certificatePem()))
                .nextProtos(List.of("http/1.1")).build()).build();
        get(transport, localhostUrl());
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getVersion()).isEqualTo("HTTP/1.1");
    }

    private static String body(String pem) {
        String[] lines = pem.split("\n");
        return lines[1];
    }

    static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
