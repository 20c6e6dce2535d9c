package io.kubeclient.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kubeclient.ConfigException;
import io.kubeclient.KubeIOException;
import io.kubeclient.testutil.MutableClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OidcAuthProviderTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void refreshAgainstAnIssuerThatNeverAnswersTimesOut() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (Exception ignored) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            AuthProviders.Oidc oidc = new AuthProviders.Oidc(Map.of("idp-issuer-url",
                    "http://127.0.0.1:" + silent.getLocalPort(), "client-id", "kube", "refresh-token", "s3cret-refresh"),
                    clock, Duration.ofMillis(300));
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                assertThatThrownBy(oidc::token).isInstanceOf(KubeIOException.class)
                        .hasMessageContaining("refreshing the id-token failed")
                        .hasMessageNotContaining("s3cret-refresh");
            });
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void badIssuerCertificateAuthorityDataIsAConfigError() {
        AuthProviders.Oidc oidc = new AuthProviders.Oidc(Map.of("idp-issuer-url", "https://issuer.invalid",
                "client-id", "kube", "refresh-token", "r", "idp-certificate-authority-data", "%%% not base64"), clock);
        assertThatThrownBy(oidc::token).isInstanceOf(ConfigException.class)
                .hasMessageContaining("idp-certificate-authority-data");
    }

    @Test
    void issuerThatIsNotAUrlIsATypedError() {
        AuthProviders.Oidc oidc = new AuthProviders.Oidc(Map.of("idp-issuer-url", "not a url",
                "client-id", "kube", "refresh-token", "r"), clock);
        assertThatThrownBy(oidc::token).isInstanceOf(KubeIOException.class).hasMessageContaining("idp-issuer-url");
    }

    @Test
    void constructorRequiresIssuerAndClientId() {
        assertThat(new AuthProviders.Oidc(Map.of("idp-issuer-url", "https://i", "client-id", "c"), clock)).isNotNull();
        assertThatThrownBy(() -> new AuthProviders.Oidc(Map.of("client-id", "c"), clock))
                .isInstanceOf(ConfigException.class).hasMessageContaining("idp-issuer-url");
    }
}
