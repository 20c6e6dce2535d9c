package io.kubeclient.transport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The TLS settings of a transport: trust, client certificate, server name and ALPN, as in
 * client-go's {@code TLSClientConfig}. Immutable; equal configs share one connection pool.
 *
 * <p>PEM data takes precedence over the matching file. Nothing is read or validated until a
 * transport is built from it; {@link #toString()} never prints certificate or key material.
 */
public final class TlsConfig {

    private static final TlsConfig DEFAULT = builder().build();

    private final boolean insecure;
    private final String serverName;
    private final Path caFile;
    private final byte[] caData;
    private final Path certFile;
    private final byte[] certData;
    private final Path keyFile;
    private final byte[] keyData;
    private final List<String> nextProtos;

    private TlsConfig(Builder b) {
        insecure = b.insecure;
        serverName = b.serverName == null ? "" : b.serverName;
        caFile = b.caFile;
        caData = emptyToNull(b.caData);
        certFile = b.certFile;
        certData = emptyToNull(b.certData);
        keyFile = b.keyFile;
        keyData = emptyToNull(b.keyData);
        nextProtos = List.copyOf(b.nextProtos);
    }

    /** System trust roots, hostname verification, no client certificate. */
    public static TlsConfig defaults() {
        return DEFAULT;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks that PEM data holds at least one {@code CERTIFICATE} block and that each has the
     * structure of an X.509 certificate: the check a transport makes of its CA when it is built
     * (the JDK parses the certificates on the first request).
     *
     * @throws io.kubeclient.ConfigException saying what is wrong; the message never contains the data
     */
    public static void checkCertificates(byte[] pem) {
        try {
            Pem.certificateBlocks(pem);
        } catch (Pem.PemException e) {
            throw new io.kubeclient.ConfigException(e.getMessage());
        }
    }

    public boolean insecure() {
        return insecure;
    }

    /** The name for SNI and the certificate check; empty means the host dialled. */
    public String serverName() {
        return serverName;
    }

    public Path caFile() {
        return caFile;
    }

    /** A copy of the PEM CA data, or {@code null}. */
    public byte[] caData() {
        return caData == null ? null : caData.clone();
    }

    public Path certFile() {
        return certFile;
    }

    /** A copy of the PEM client certificate data, or {@code null}. */
    public byte[] certData() {
        return certData == null ? null : certData.clone();
    }

    public Path keyFile() {
        return keyFile;
    }

    /** A copy of the PEM client key data, or {@code null}. */
    public byte[] keyData() {
        return keyData == null ? null : keyData.clone();
    }

    /** ALPN protocols; a list without {@code h2} (such as {@code [http/1.1]}) forces HTTP/1.1. */
    public List<String> nextProtos() {
        return nextProtos;
    }

    boolean hasCA() {
        return caData != null || caFile != null;
    }

    boolean hasCert() {
        return certData != null || certFile != null;
    }

    boolean hasKey() {
        return keyData != null || keyFile != null;
    }

    /** Whether HTTP/2 may be negotiated: client-go disables it when ALPN is set without h2. */
    boolean allowsHttp2() {
        return nextProtos.isEmpty() || nextProtos.contains("h2");
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TlsConfig t)) {
            return false;
        }
        return insecure == t.insecure && serverName.equals(t.serverName) && Objects.equals(caFile, t.caFile)
                && Arrays.equals(caData, t.caData) && Objects.equals(certFile, t.certFile)
                && Arrays.equals(certData, t.certData) && Objects.equals(keyFile, t.keyFile)
                && Arrays.equals(keyData, t.keyData) && nextProtos.equals(t.nextProtos);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(insecure, serverName, caFile, certFile, keyFile, nextProtos);
        h = 31 * h + Arrays.hashCode(caData);
        h = 31 * h + Arrays.hashCode(certData);
        return 31 * h + Arrays.hashCode(keyData);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TlsConfig{");
        if (insecure) {
            sb.append("insecure, ");
        }
        if (!serverName.isEmpty()) {
            sb.append("serverName=").append(serverName).append(", ");
        }
        if (caData != null) {
            sb.append("caData=").append(caData.length).append(" bytes, ");
        } else if (caFile != null) {
            sb.append("caFile=").append(caFile).append(", ");
        }
        if (certData != null || certFile != null) {
            sb.append("clientCert, ");
        }
        if (!nextProtos.isEmpty()) {
            sb.append("nextProtos=").append(nextProtos).append(", ");
        }
        if (sb.charAt(sb.length() - 1) == ' ') {
            sb.setLength(sb.length() - 2);
        }
        return sb.append('}').toString();
    }

    private static byte[] emptyToNull(byte[] data) {
        return data == null || data.length == 0 ? null : data.clone();
    }

    /** Builds a {@link TlsConfig}. */
    public static final class Builder {
        private boolean insecure;
        private String serverName = "";
        private Path caFile;
        private byte[] caData;
        private Path certFile;
        private byte[] certData;
        private Path keyFile;
        private byte[] keyData;
        private List<String> nextProtos = new ArrayList<>();

        private Builder() {}

        /** Skips server certificate verification. Never combine with a CA. */
        public Builder insecure(boolean insecure) {
            this.insecure = insecure;
            return this;
        }

        public Builder serverName(String serverName) {
            this.serverName = serverName;
            return this;
        }

        public Builder caFile(Path caFile) {
            this.caFile = caFile;
            return this;
        }

        public Builder caData(byte[] caData) {
            this.caData = caData == null ? null : caData.clone();
            return this;
        }

        public Builder certFile(Path certFile) {
            this.certFile = certFile;
            return this;
        }

        public Builder certData(byte[] certData) {
            this.certData = certData == null ? null : certData.clone();
            return this;
        }

        public Builder keyFile(Path keyFile) {
            this.keyFile = keyFile;
            return this;
        }

        public Builder keyData(byte[] keyData) {
            this.keyData = keyData == null ? null : keyData.clone();
            return this;
        }

        public Builder nextProtos(List<String> nextProtos) {
            this.nextProtos = nextProtos == null ? new ArrayList<>() : new ArrayList<>(nextProtos);
            return this;
        }

        public TlsConfig build() {
            return new TlsConfig(this);
        }
    }
}
