package io.kubeclient.transport;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A client certificate chain (leaf first) and its private key, as presented in TLS handshakes.
 *
 * @param chain the certificate chain, leaf first; never empty
 * @param key the leaf's private key; never printed
 */
public record ClientCertificate(List<X509Certificate> chain, PrivateKey key) {

    public ClientCertificate {
        chain = List.copyOf(chain);
        Objects.requireNonNull(key, "key");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a client certificate chain must not be empty");
        }
    }

    /** The leaf certificate. */
    public X509Certificate leaf() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "ClientCertificate[subject=" + leaf().getSubjectX500Principal().getName() + ", notAfter="
                + leaf().getNotAfter().toInstant() + ", key=--- REDACTED ---]";
    }
}
