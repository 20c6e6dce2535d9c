package io.kubeclient.transport;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** Certificates, keys and TLS servers for tests, generated with the JDK and okhttp-tls. */
final class TlsFixtures {

    private TlsFixtures() {}

    static HeldCertificate ca(String name) {
        return new HeldCertificate.Builder().certificateAuthority(1).commonName(name).ecdsa256().build();
    }

    static HeldCertificate server(HeldCertificate ca, String... names) {
        HeldCertificate.Builder b = new HeldCertificate.Builder().commonName("server").signedBy(ca).ecdsa256();
        for (String n : names) {
            b.addSubjectAlternativeName(n);
        }
        return b.build();
    }

    static HeldCertificate client(HeldCertificate ca, KeyPair keyPair) {
        return new HeldCertificate.Builder().commonName("alice").organizationalUnit("devs").keyPair(keyPair).signedBy(ca).build();
    }

    /** Starts an HTTPS server presenting {@code serverCert}; trusting {@code clientCa} for client certificates if given. */
    static MockWebServer httpsServer(HeldCertificate serverCert, HeldCertificate clientCa) throws Exception {
        HandshakeCertificates.Builder hb = new HandshakeCertificates.Builder().heldCertificate(serverCert);
        MockWebServer server = new MockWebServer();
        if (clientCa != null) {
            hb.addTrustedCertificate(clientCa.certificate());
        }
        server.useHttps(hb.build().sslSocketFactory());
        if (clientCa != null) {
            server.requireClientAuth();
        }
        server.start();
        return server;
    }

    static KeyPair keyPair(String algorithm) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("RSA")) {
                g.initialize(2048);
            } else if (algorithm.equals("EC")) {
                g.initialize(256);
            }
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] pem(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return ("-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] pkcs8Pem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** PKCS#1: the private key octet string inside the PKCS#8 structure. */
    static byte[] pkcs1Pem(PrivateKey rsaKey) throws Exception {
        return pem("RSA PRIVATE KEY", innerKey(rsaKey.getEncoded()));
    }

    /** SEC1 with the named curve in [0], as openssl writes it. */
    static byte[] sec1Pem(PrivateKey ecKey) throws Exception {
        byte[] params = pem("EC PARAMETERS", Pem.Der.tlv(0x06, curve(ecKey)));
        byte[] key = pem("EC PRIVATE KEY", sec1(ecKey, null));
        byte[] both = Arrays.copyOf(params, params.length + key.length);
        System.arraycopy(key, 0, both, params.length, key.length);
        return both;
    }

    /**
     * SEC1 carrying the public point in [1], as Go, OpenSSL and k3s write it: the private scalar of
     * {@code privateOf}, the point of {@code pointOf} (the same pair for a genuine key).
     */
    static byte[] sec1PemWithPoint(KeyPair privateOf, KeyPair pointOf) throws Exception {
        return pem("EC PRIVATE KEY", sec1(privateOf.getPrivate(), pointOf));
    }

    /** PKCS#8 wrapping SEC1 with the public point, as {@code openssl pkcs8 -topk8} writes an EC key. */
    static byte[] pkcs8PemWithPoint(KeyPair kp) throws Exception {
        byte[] pkcs8 = kp.getPrivate().getEncoded();
        Pem.Der.Tlv seq = Pem.Der.read(pkcs8, 0, pkcs8.length);
        Pem.Der.Tlv version = Pem.Der.read(pkcs8, seq.start(), seq.end());
        Pem.Der.Tlv algId = Pem.Der.read(pkcs8, version.end(), seq.end());
        byte[] algIdDer = Arrays.copyOfRange(pkcs8, version.end(), algId.end());
        return pem("PRIVATE KEY", Pem.Der.tlv(0x30, new byte[] {0x02, 0x01, 0x00}, algIdDer,
                Pem.Der.tlv(0x04, sec1(kp.getPrivate(), kp))));
    }

    /** The named curve's OID content from a JDK EC key's PKCS#8 AlgorithmIdentifier. */
    private static byte[] curve(PrivateKey ecKey) throws Exception {
        byte[] pkcs8 = ecKey.getEncoded();
        Pem.Der.Tlv seq = Pem.Der.read(pkcs8, 0, pkcs8.length);
        Pem.Der.Tlv version = Pem.Der.read(pkcs8, seq.start(), seq.end());
        Pem.Der.Tlv algId = Pem.Der.read(pkcs8, version.end(), seq.end());
        Pem.Der.Tlv algOid = Pem.Der.read(pkcs8, algId.start(), algId.end());
        Pem.Der.Tlv curveOid = Pem.Der.read(pkcs8, algOid.end(), algId.end());
        return Arrays.copyOfRange(pkcs8, curveOid.start(), curveOid.end());
    }

    /** SEC1 DER of a JDK EC key: its scalar, its curve in [0] and, unless {@code pointOf} is null, that pair's point in [1]. */
    private static byte[] sec1(PrivateKey ecKey, KeyPair pointOf) throws Exception {
        byte[] inner = innerKey(ecKey.getEncoded());
        Pem.Der.Tlv ecSeq = Pem.Der.read(inner, 0, inner.length);
        Pem.Der.Tlv ecVersion = Pem.Der.read(inner, ecSeq.start(), ecSeq.end());
        Pem.Der.Tlv priv = Pem.Der.read(inner, ecVersion.end(), ecSeq.end());
        byte[] scalar = Pem.Der.tlv(0x04, Arrays.copyOfRange(inner, priv.start(), priv.end()));
        byte[] curve = Pem.Der.tlv(0xa0, Pem.Der.tlv(0x06, curve(ecKey)));
        if (pointOf == null) {
            return Pem.Der.tlv(0x30, new byte[] {0x02, 0x01, 0x01}, scalar, curve);
        }
        byte[] point = Pem.Der.subjectPublicKeyBits(pointOf.getPublic().getEncoded());
        return Pem.Der.tlv(0x30, new byte[] {0x02, 0x01, 0x01}, scalar, curve, Pem.Der.tlv(0xa1, Pem.Der.tlv(0x03, point)));
    }

    private static byte[] innerKey(byte[] pkcs8) throws Exception {
        Pem.Der.Tlv seq = Pem.Der.read(pkcs8, 0, pkcs8.length);
        Pem.Der.Tlv version = Pem.Der.read(pkcs8, seq.start(), seq.end());
        Pem.Der.Tlv algId = Pem.Der.read(pkcs8, version.end(), seq.end());
        Pem.Der.Tlv octets = Pem.Der.read(pkcs8, algId.end(), seq.end());
        return Arrays.copyOfRange(pkcs8, octets.start(), octets.end());
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }
}
