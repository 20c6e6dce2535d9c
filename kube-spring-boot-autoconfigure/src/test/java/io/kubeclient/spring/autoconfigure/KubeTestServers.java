package io.kubeclient.spring.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * Two HTTPS API servers ({@code main} and {@code other}) signed by one test CA, and a kubeconfig
 * describing them: contexts {@code main} (alice, namespace team-a, current) and {@code other} (bob,
 * namespace team-b), plus {@code noca} (main's server without a CA).
 */
public final class KubeTestServers implements AutoCloseable {

    public static final HeldCertificate CA = new HeldCertificate.Builder().certificateAuthority(0)
        .commonName("test-ca")
        .ecdsa256()
        .build();

    static final HeldCertificate SERVER_CERT = new HeldCertificate.Builder().commonName("kube-apiserver")
        .addSubjectAlternativeName("localhost")
        .addSubjectAlternativeName("kube.internal")
        .signedBy(CA)
        .ecdsa256()
        .build();

    public final MockWebServer main = https();

    public final MockWebServer other = https();

    private static MockWebServer https() {
        MockWebServer server = new MockWebServer();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(SERVER_CERT).build().sslSocketFactory());
        try {
            server.start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return server;
    }

    public static String url(MockWebServer server) {
        return "https://localhost:" + server.getPort();
    }

    /** Writes the kubeconfig into {@code dir} and returns its path. */
    public Path writeKubeconfig(Path dir) {
        String ca = Base64.getEncoder().encodeToString(CA.certificatePem().getBytes(StandardCharsets.US_ASCII));
        String yaml = """
                apiVersion: v1
                kind: Config
                current-context: main
                clusters:
                - name: main
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                - name: other
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                - name: noca
                  cluster:
                    server: %s
                users:
                - name: alice
                  user:
                    token: alice-token
                - name: bob
                  user:
                    token: bob-token
                contexts:
                - name: main
                  context:
                    cluster: main
                    user: alice
                    namespace: team-a
                - name: other
                  context:
                    cluster: other
                    user: bob
                    namespace: team-b
                - name: noca
                  context:
                    cluster: noca
                    user: alice
                """.formatted(url(this.main), ca, url(this.other), ca, url(this.main));
        return write(dir.resolve("kubeconfig"), yaml);
    }

    public static Path write(Path file, String content) {
        try {
            Files.writeString(file, content);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return file;
    }

    public static void enqueue(MockWebServer server, int code, String body, String... headers) {
        MockResponse.Builder b = new MockResponse.Builder().code(code).body(body).addHeader("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.addHeader(headers[i], headers[i + 1]);
        }
        server.enqueue(b.build());
    }

    public static RecordedRequest take(MockWebServer server) {
        try {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("no request arrived");
            }
            return r;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    @Override
    public void close() {
        this.main.close();
        this.other.close();
    }
}
