package io.kubeclient.clientcmd.api;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/** A kubeconfig cluster: how to reach and verify one API server. Immutable; see {@link #toBuilder()}. */
public final class Cluster {

    /** An empty cluster. */
    public static final Cluster EMPTY = builder().build();

    private final String server;
    private final String tlsServerName;
    private final boolean insecureSkipTlsVerify;
    private final String certificateAuthority;
    private final byte[] certificateAuthorityData;
    private final String proxyUrl;
    private final boolean disableCompression;
    private final Map<String, Object> extensions;
    private final Path locationOfOrigin;

    private Cluster(Builder b) {
        server = Immutables.str(b.server);
        tlsServerName = Immutables.str(b.tlsServerName);
        insecureSkipTlsVerify = b.insecureSkipTlsVerify;
        certificateAuthority = Immutables.str(b.certificateAuthority);
        certificateAuthorityData = Immutables.bytes(b.certificateAuthorityData);
        proxyUrl = Immutables.str(b.proxyUrl);
        disableCompression = b.disableCompression;
        extensions = Immutables.map(b.extensions);
        locationOfOrigin = b.locationOfOrigin;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@code server}: URL or host:port of the API server. */
    public String server() {
        return server;
    }

    /** {@code tls-server-name}: the name for SNI and certificate verification. */
    public String tlsServerName() {
        return tlsServerName;
    }

    /** {@code insecure-skip-tls-verify}. */
    public boolean insecureSkipTlsVerify() {
        return insecureSkipTlsVerify;
    }

    /** {@code certificate-authority}: path of a PEM CA bundle. */
    public String certificateAuthority() {
        return certificateAuthority;
    }

    /** {@code certificate-authority-data}: PEM CA bundle (a copy), or {@code null}. */
    public byte[] certificateAuthorityData() {
        return Immutables.bytes(certificateAuthorityData);
    }

    /** {@code proxy-url}: http, https or socks5 proxy. */
    public String proxyUrl() {
        return proxyUrl;
    }

    /** {@code disable-compression}. */
    public boolean disableCompression() {
        return disableCompression;
    }

    /** {@code extensions}, by name. */
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** The file this entry was loaded from, or {@code null}; never written. */
    public Path locationOfOrigin() {
        return locationOfOrigin;
    }

    /** Whether every field except the origin is unset. */
    public boolean isEmpty() {
        return server.isEmpty() && tlsServerName.isEmpty() && !insecureSkipTlsVerify && certificateAuthority.isEmpty()
                && certificateAuthorityData == null && proxyUrl.isEmpty() && !disableCompression && extensions.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cluster c && server.equals(c.server) && tlsServerName.equals(c.tlsServerName)
                && insecureSkipTlsVerify == c.insecureSkipTlsVerify && certificateAuthority.equals(c.certificateAuthority)
                && Arrays.equals(certificateAuthorityData, c.certificateAuthorityData) && proxyUrl.equals(c.proxyUrl)
                && disableCompression == c.disableCompression && extensions.equals(c.extensions)
                && Objects.equals(locationOfOrigin, c.locationOfOrigin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(server, tlsServerName, certificateAuthority, proxyUrl, Arrays.hashCode(certificateAuthorityData));
    }

    @Override
    public String toString() {
        return "Cluster{server=" + server.replaceAll("(^|//)[^/]*@", "$1--- REDACTED ---@")
                + (tlsServerName.isEmpty() ? "" : ", tlsServerName=" + tlsServerName)
                + (insecureSkipTlsVerify ? ", insecureSkipTlsVerify=true" : "")
                + (certificateAuthority.isEmpty() ? "" : ", certificateAuthority=" + certificateAuthority)
                + (certificateAuthorityData == null ? "" : ", certificateAuthorityData=" + certificateAuthorityData.length + " bytes")
                + (proxyUrl.isEmpty() ? "" : ", proxyUrl=" + proxyUrl.replaceAll("//[^/]*@", "//--- REDACTED ---@"))
                + (disableCompression ? ", disableCompression=true" : "")
                + (extensions.isEmpty() ? "" : ", extensions=" + extensions.keySet()) + "}";
    }

    /** Builds a {@link Cluster}. */
    public static final class Builder {
        private String server;
        private String tlsServerName;
        private boolean insecureSkipTlsVerify;
        private String certificateAuthority;
        private byte[] certificateAuthorityData;
        private String proxyUrl;
        private boolean disableCompression;
        private Map<String, Object> extensions;
        private Path locationOfOrigin;

        private Builder() {}

        private Builder(Cluster c) {
            server = c.server;
            tlsServerName = c.tlsServerName;
            insecureSkipTlsVerify = c.insecureSkipTlsVerify;
            certificateAuthority = c.certificateAuthority;
            certificateAuthorityData = c.certificateAuthorityData;
            proxyUrl = c.proxyUrl;
            disableCompression = c.disableCompression;
            extensions = c.extensions;
            locationOfOrigin = c.locationOfOrigin;
        }

        public Builder server(String v) {
            server = v;
            return this;
        }

        public Builder tlsServerName(String v) {
            tlsServerName = v;
            return this;
        }

        public Builder insecureSkipTlsVerify(boolean v) {
            insecureSkipTlsVerify = v;
            return this;
        }

        public Builder certificateAuthority(String v) {
            certificateAuthority = v;
            return this;
        }

        public Builder certificateAuthorityData(byte[] v) {
            certificateAuthorityData = Immutables.bytes(v);
            return this;
        }

        public Builder proxyUrl(String v) {
            proxyUrl = v;
            return this;
        }

        public Builder disableCompression(boolean v) {
            disableCompression = v;
            return this;
        }

        public Builder extensions(Map<String, Object> v) {
            extensions = v;
            return this;
        }

        public Builder locationOfOrigin(Path v) {
            locationOfOrigin = v;
            return this;
        }

        public Cluster build() {
            return new Cluster(this);
        }
    }
}
