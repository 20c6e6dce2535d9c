package io.kubeclient.transport;

/**
 * Supplies the client certificate to present in each new TLS handshake, so that rotating
 * credentials (an exec plugin's certificates) take effect without rebuilding the transport.
 */
public interface ClientCertificateSource {

    /** The certificate to present now, or {@code null} to present none. */
    ClientCertificate current();

    /**
     * A number that changes whenever {@link #current()} starts returning a different certificate.
     * A transport that sees it change drops its pooled connections, whose handshakes used the
     * old certificate.
     */
    default long generation() {
        return 0;
    }
}
