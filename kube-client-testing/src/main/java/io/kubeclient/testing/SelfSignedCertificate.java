package io.kubeclient.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed X.509 v3 certificate (EC P-256, CA and server in one, valid for {@code 127.0.0.1} and
 * {@code localhost}) built in memory with a minimal DER encoder, because the JDK has no public API for it.
 */
final class SelfSignedCertificate {

    private static final byte[] ECDSA_WITH_SHA256 = oid(1, 2, 840, 10045, 4, 3, 2);

    private final KeyPair keys;
    private final X509Certificate certificate;

    private SelfSignedCertificate(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    static SelfSignedCertificate generate(String commonName) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = gen.generateKeyPair();
            byte[] name = seq(set(seq(oid(2, 5, 4, 3), tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            byte[] algorithm = seq(ECDSA_WITH_SHA256);
            byte[] basicConstraints = seq(oid(2, 5, 29, 19), tlv(0x01, new byte[] {(byte) 0xff}),
                    tlv(0x04, seq(tlv(0x01, new byte[] {(byte) 0xff}))));
            byte[] keyUsage = seq(oid(2, 5, 29, 15), tlv(0x01, new byte[] {(byte) 0xff}),
                    tlv(0x04, tlv(0x03, new byte[] {0x02, (byte) 0xa4})));
            byte[] altNames = seq(oid(2, 5, 29, 17), tlv(0x04, seq(
                    tlv(0x82, "localhost".getBytes(StandardCharsets.US_ASCII)),
                    tlv(0x87, new byte[] {127, 0, 0, 1}))));
            byte[] tbs = seq(
                    tlv(0xa0, tlv(0x02, new byte[] {2})),
                    tlv(0x02, new BigInteger(63, new SecureRandom()).add(BigInteger.ONE).toByteArray()),
                    algorithm,
                    name,
                    seq(utcTime(now.minusHours(1)), utcTime(now.plusYears(1))),
                    name,
                    keys.getPublic().getEncoded(),
                    tlv(0xa3, seq(basicConstraints, keyUsage, altNames)));
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(tbs);
            byte[] sig = signer.sign();
            byte[] bitString = new byte[sig.length + 1];
            System.arraycopy(sig, 0, bitString, 1, sig.length);
            byte[] der = seq(tbs, algorithm, tlv(0x03, bitString));
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return new SelfSignedCertificate(keys, cert);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a self-signed certificate", e);
        }
    }

    SSLContext sslContext() {
        try {
            char[] password = "fake".toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", keys.getPrivate(), password, new X509Certificate[] {certificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the server TLS context", e);
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    byte[] certificatePem() {
        try {
            String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded());
            return ("-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n")
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------- DER

    private static byte[] utcTime(ZonedDateTime t) {
        return tlv(0x17, t.format(DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] oid(int... arcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(40 * arcs[0] + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            int v = arcs[i];
            int shift = 28;
            while (shift > 0 && (v >>> shift) == 0) {
                shift -= 7;
            }
            for (; shift > 0; shift -= 7) {
                out.write(0x80 | ((v >>> shift) & 0x7f));
            }
            out.write(v & 0x7f);
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int len = value.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else {
            out.write(0x82);
            out.write(len >>> 8);
            out.write(len & 0xff);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
