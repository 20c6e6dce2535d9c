package io.kubeclient.transport;

import io.kubeclient.ConfigException;
import java.io.IOException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** Turns a {@link TlsConfig} into an {@link SSLContext}: trust, client certificates and server-name checks. */
final class Tls {

    private Tls() {}

    /**
     * The static client certificate a config names, or null: its files read, the certificates' and
     * key's structure checked and the key matched to the leaf certificate, all while the transport is
     * built, so that a bad one fails then; throws {@link ConfigException} naming the setting. Where
     * their DER shows the match (an RSA key's modulus and exponent, an EC key's curve and public point,
     * as k3s, kind and kubeadm write them) the JDK parses neither until the first request; otherwise it
     * parses both now and decides, as Go's {@code tls.X509KeyPair} does.
     */
    static StaticCertificateSource staticCertificate(TlsConfig c) {
        if (!c.hasCert() && !c.hasKey()) {
            return null;
        }
        if (!c.hasCert()) {
            throw new ConfigException("a client key is set without a client certificate", c.keyFile(),
                    c.keyData() != null ? "keyData" : "keyFile", null);
        }
        if (!c.hasKey()) {
            throw new ConfigException("a client certificate is set without a client key", c.certFile(),
                    c.certData() != null ? "certData" : "certFile", null);
        }
        boolean certFromData = c.certData() != null;
        boolean keyFromData = c.keyData() != null;
        String certField = certFromData ? "certData" : "certFile";
        String keyField = keyFromData ? "keyData" : "keyFile";
        Path certPath = certFromData ? null : c.certFile();
        Path keyPath = keyFromData ? null : c.keyFile();
        byte[] certPem = certFromData ? c.certData() : read(c.certFile(), "certFile");
        byte[] keyPem = keyFromData ? c.keyData() : read(c.keyFile(), "keyFile");
        List<byte[]> chain;
        try {
            chain = Pem.certificateBlocks(certPem);
        } catch (Pem.PemException e) {
            throw new ConfigException("unable to load client certificate: " + e.getMessage(), certPath, certField, null);
        }
        Pem.PublicParts keyParts;
        try {
            keyParts = Pem.checkPrivateKey(keyPem);
        } catch (Pem.PemException e) {
            throw new ConfigException("unable to load client key: " + e.getMessage(), keyPath, keyField, null);
        }
        StaticCertificateSource source = new StaticCertificateSource(chain, keyPem, certPath, certField, keyPath, keyField);
        boolean matched;
        try {
            matched = Pem.matchesByStructure(keyParts, Pem.Der.certificateKey(chain.get(0)));
        } catch (Pem.PemException e) {
            matched = false;
        }
        if (!matched) {
            ClientCertificate parsed = source.current();
            if (!Pem.matches(keyPem, parsed.key(), parsed.leaf())) {
                throw new ConfigException("the client key does not match the client certificate", keyPath, keyField, null);
            }
        }
        return source;
    }

    static byte[] read(Path file, String field) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException("unable to read " + field + ": " + e.getClass().getSimpleName(), file, field, null);
        }
    }

    /**
     * Checks the trust settings and the configured root certificates' structure, and returns those
     * certificates' DER; null when the config has none (insecure, or the system roots). The JDK parses
     * them in {@link #trustManager}, on the first request. Throws {@link ConfigException} naming the
     * setting.
     */
    static List<byte[]> rootCertificates(TlsConfig c) {
        if (c.insecure()) {
            if (c.hasCA()) {
                throw new ConfigException("specifying a root certificates file with the insecure flag is not allowed",
                        c.caData() != null ? null : c.caFile(), "insecure", null);
            }
            return null;
        }
        if (!c.hasCA()) {
            return null;
        }
        byte[] pem = c.caData() != null ? c.caData() : read(c.caFile(), "caFile");
        try {
            return Pem.certificateBlocks(pem);
        } catch (Pem.PemException e) {
            throw rootsException(c, e);
        }
    }

    private static ConfigException rootsException(TlsConfig c, Pem.PemException e) {
        boolean fromData = c.caData() != null;
        return new ConfigException("unable to load root certificates: " + e.getMessage(),
                fromData ? null : c.caFile(), fromData ? "caData" : "caFile", null);
    }

    /**
     * The trust managers for a config whose roots {@link #rootCertificates} returned: insecure,
     * {@code roots} only, or the system roots when {@code roots} is null. A root the JDK cannot
     * parse, though its structure passed, is a {@link ConfigException} as at build time.
     */
    static X509ExtendedTrustManager trustManager(TlsConfig c, List<byte[]> roots) {
        if (c.insecure()) {
            return new InsecureTrustManager();
        }
        KeyStore anchors = null;
        if (roots != null) {
            List<X509Certificate> certs;
            try {
                certs = Pem.parse(roots);
            } catch (Pem.PemException e) {
                throw rootsException(c, e);
            }
            try {
                anchors = KeyStore.getInstance(KeyStore.getDefaultType());
                anchors.load(null, null);
                int i = 0;
                for (X509Certificate ca : certs) {
                    anchors.setCertificateEntry("ca-" + i++, ca);
                }
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot create a key store", e);
            }
        }
        X509ExtendedTrustManager base = pkix(anchors);
        if (!c.serverName().isEmpty()) {
            return new ServerNameTrustManager(base, c.serverName());
        }
        return base;
    }

    private static X509ExtendedTrustManager pkix(KeyStore anchors) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(anchors);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("no X509ExtendedTrustManager available");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot initialise the trust manager", e);
        }
    }

    /** An SSL context presenting the current certificate of {@code certs} (may be null) and trusting as configured. */
    static SSLContext sslContext(TlsConfig c, X509ExtendedTrustManager tm, ClientCertificateSource certs) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            KeyManager[] kms = certs == null ? null : new KeyManager[] {new RotatingKeyManager(certs)};
            ctx.init(kms, new TrustManager[] {tm}, null);
            if (!c.serverName().isEmpty()) {
                return ServerNameSslContext.wrap(ctx, c.serverName());
            }
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot initialise TLS", e);
        }
    }

    /** Trusts every server; only built when {@code insecure} is set explicitly. */
    static final class InsecureTrustManager extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /**
     * Verifies the chain with the default PKIX trust manager and the identity against a fixed
     * server name instead of the host dialled (the JDK HttpClient always checks the URI host).
     */
    static final class ServerNameTrustManager extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;
        private final String serverName;

        ServerNameTrustManager(X509ExtendedTrustManager delegate, String serverName) {
            this.delegate = delegate;
            this.serverName = serverName;
        }

        private void check(X509Certificate[] chain, String authType) throws CertificateException {
            // The two-argument form validates the path without any endpoint identification.
            delegate.checkServerTrusted(chain, authType);
            if (!HostnameMatcher.matches(chain[0], serverName)) {
                throw new CertificateException("the server certificate is not valid for the server name " + serverName);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            delegate.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            delegate.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }

    /** Go's certificate name rules: subject alternative names only, a wildcard for one leftmost label. */
    static final class HostnameMatcher {
        private HostnameMatcher() {}

        static boolean matches(X509Certificate cert, String name) {
            String host = name.toLowerCase(Locale.ROOT);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            Collection<List<?>> sans;
            try {
                sans = cert.getSubjectAlternativeNames();
            } catch (CertificateParsingException e) {
                return false;
            }
            if (sans == null) {
                return false;
            }
            if (isIpLiteral(host)) {
                InetAddress want;
                try {
                    want = InetAddress.getByName(host);
                } catch (UnknownHostException e) {
                    return false;
                }
                for (List<?> san : sans) {
                    if (((Integer) san.get(0)) == 7) {
                        try {
                            if (InetAddress.getByName((String) san.get(1)).equals(want)) {
                                return true;
                            }
                        } catch (UnknownHostException ignored) {
                            // not an address; skip
                        }
                    }
                }
                return false;
            }
            String ascii = toAscii(host);
            for (List<?> san : sans) {
                if (((Integer) san.get(0)) == 2 && matchDns(toAscii(((String) san.get(1)).toLowerCase(Locale.ROOT)), ascii)) {
                    return true;
                }
            }
            return false;
        }

        static boolean isIpLiteral(String host) {
            return host.contains(":") || host.matches("[0-9]+(\\.[0-9]+){3}");
        }

        private static String toAscii(String s) {
            try {
                String a = IDN.toASCII(s, IDN.ALLOW_UNASSIGNED);
                return a.endsWith(".") ? a.substring(0, a.length() - 1) : a;
            } catch (IllegalArgumentException e) {
                return s;
            }
        }

        static boolean matchDns(String pattern, String host) {
            if (pattern.isEmpty() || host.isEmpty()) {
                return false;
            }
            if (!pattern.startsWith("*.")) {
                return pattern.equals(host);
            }
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(pattern.substring(1));
        }
    }

    /**
     * Presents whatever certificate the source holds at handshake time. The alias names a
     * snapshot, so a rotation between the JDK's alias and key look-ups cannot pair a new chain
     * with an old key.
     */
    static final class RotatingKeyManager extends X509ExtendedKeyManager {
        private final ClientCertificateSource source;
        private final Map<String, ClientCertificate> snapshots = new ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong();

        RotatingKeyManager(ClientCertificateSource source) {
            this.source = source;
        }

        private String choose() {
            ClientCertificate c = source.current();
            if (c == null) {
                return null;
            }
            for (Map.Entry<String, ClientCertificate> e : snapshots.entrySet()) {
                if (e.getValue() == c) {
                    return e.getKey();
                }
            }
            String alias = "client-" + counter.incrementAndGet();
            if (snapshots.size() > 4) {
                snapshots.clear();
            }
            snapshots.put(alias, c);
            return alias;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return choose();
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return choose();
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            String a = choose();
            return a == null ? null : new String[] {a};
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            ClientCertificate c = snapshots.get(alias);
            return c == null ? null : c.chain().toArray(new X509Certificate[0]);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            ClientCertificate c = snapshots.get(alias);
            return c == null ? null : c.key();
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }

    /**
     * A fixed certificate, for configs with a static client certificate: checked when the transport
     * is built ({@link #staticCertificate}), parsed by the JDK on first use. A certificate or key the
     * JDK then refuses is a {@link ConfigException} naming the setting, as at build time.
     */
    static final class StaticCertificateSource implements ClientCertificateSource {
        private final List<byte[]> chain;
        private final Path certPath;
        private final String certField;
        private final Path keyPath;
        private final String keyField;
        /** The key's PEM until it is parsed; guarded by {@code this}. */
        private byte[] keyPem;
        private volatile ClientCertificate certificate;

        StaticCertificateSource(List<byte[]> chain, byte[] keyPem, Path certPath, String certField, Path keyPath,
                String keyField) {
            this.chain = chain;
            this.keyPem = keyPem;
            this.certPath = certPath;
            this.certField = certField;
            this.keyPath = keyPath;
            this.keyField = keyField;
        }

        @Override
        public ClientCertificate current() {
            ClientCertificate c = certificate;
            if (c == null) {
                synchronized (this) {
                    c = certificate;
                    if (c == null) {
                        c = parse();
                        certificate = c;
                        keyPem = null;
                    }
                }
            }
            return c;
        }

        private ClientCertificate parse() {
            List<X509Certificate> certs;
            try {
                certs = Pem.parse(chain);
            } catch (Pem.PemException e) {
                throw new ConfigException("unable to load client certificate: " + e.getMessage(), certPath, certField, null);
            }
            try {
                return new ClientCertificate(certs, Pem.privateKey(keyPem));
            } catch (Pem.PemException e) {
                throw new ConfigException("unable to load client key: " + e.getMessage(), keyPath, keyField, null);
            }
        }
    }
}
