package io.kubeclient.transport;

import static io.kubeclient.transport.TlsFixtures.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/**
 * The structural check of certificates ({@link Pem.Der#checkCertificate}) that stands in for the
 * JDK's parser while a transport is built: what it accepts, what it names when it rejects, and a
 * differential run against the JDK's parser over mutated certificates.
 */
class PemCertificateStructureTest {

    private static final HeldCertificate EC_CA = TlsFixtures.ca("structure-ec");
    private static final HeldCertificate RSA_CA = new HeldCertificate.Builder().certificateAuthority(0)
            .commonName("structure-rsa").rsa2048().build();
    private static final HeldCertificate SERVER = TlsFixtures.server(EC_CA, "localhost", "127.0.0.1", "*.example.com");
    private static final HeldCertificate CLIENT = TlsFixtures.client(RSA_CA, TlsFixtures.keyPair("RSA"));

    private static List<byte[]> validCertificates() {
        List<byte[]> ders = new ArrayList<>();
        for (HeldCertificate c : List.of(EC_CA, RSA_CA, SERVER, CLIENT)) {
            ders.add(der(c));
        }
        return ders;
    }

    /** The to-be-signed part of a certificate's DER. */
    private static Pem.Der.Tlv tbs(byte[] der) throws Pem.PemException {
        Pem.Der.Tlv cert = Pem.Der.read(der, 0, der.length);
        return Pem.Der.read(der, cert.start(), cert.end());
    }

    private static byte[] der(HeldCertificate c) {
        try {
            return c.certificate().getEncoded();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void acceptsCertificatesOfEveryKindTheFixturesMake() throws Exception {
        for (byte[] der : validCertificates()) {
            Pem.Der.checkCertificate(der);
        }
    }

    /** Real certificates of many vintages (v1 roots, RSA, EC, old and new algorithms): the JDK's own trust store. */
    @Test
    void acceptsEveryCertificateOfTheJdksTrustStore() throws Exception {
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((java.security.KeyStore) null);
        List<X509Certificate> roots = new ArrayList<>();
        for (javax.net.ssl.TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof javax.net.ssl.X509TrustManager x) {
                roots.addAll(List.of(x.getAcceptedIssuers()));
            }
        }
        assertThat(roots).hasSizeGreaterThan(50);
        List<String> refused = new ArrayList<>();
        for (X509Certificate root : roots) {
            if (!checks(root.getEncoded())) {
                refused.add(root.getSubjectX500Principal() + ": " + why(root.getEncoded()));
            }
        }
        assertThat(refused).isEmpty();
    }

    @Test
    void certificateBlocksReturnsTheDerOfEachCertificateAndSkipsOtherBlocks() throws Exception {
        byte[] pem = concat(EC_CA.certificatePem().getBytes(StandardCharsets.US_ASCII),
                TlsFixtures.pem("EC PARAMETERS", new byte[] {0x06, 0x01, 0x01}),
                RSA_CA.certificatePem().getBytes(StandardCharsets.US_ASCII));
        List<byte[]> ders = Pem.certificateBlocks(pem);
        assertThat(ders).hasSize(2);
        assertThat(ders.get(0)).isEqualTo(der(EC_CA));
        assertThat(ders.get(1)).isEqualTo(der(RSA_CA));
        List<X509Certificate> parsed = Pem.parse(ders);
        assertThat(parsed).extracting(X509Certificate::getSubjectX500Principal)
                .containsExactly(EC_CA.certificate().getSubjectX500Principal(), RSA_CA.certificate().getSubjectX500Principal());
    }

    @Test
    void namesTheCertificateAndThePartAtFault() {
        byte[] good = der(EC_CA);
        byte[] truncated = Arrays.copyOf(good, good.length - 10);
        byte[] pem = concat(RSA_CA.certificatePem().getBytes(StandardCharsets.US_ASCII), TlsFixtures.pem("CERTIFICATE", truncated));
        assertThatThrownBy(() -> Pem.certificateBlocks(pem))
                .isInstanceOf(Pem.PemException.class)
                .hasMessage("failed to parse certificate #2: malformed certificate: the certificate is truncated or has a bad length");
    }

    @Test
    void rejectsTrailingData() {
        byte[] der = Arrays.copyOf(der(EC_CA), der(EC_CA).length + 2);
        assertThatThrownBy(() -> Pem.Der.checkCertificate(der)).hasMessage("malformed certificate: trailing data");
    }

    @Test
    void rejectsAnInnerSignatureAlgorithmThatDiffersFromTheOuterOne() throws Exception {
        // The EC CA signs with ecdsa-with-SHA256; give the outer identifier SHA384 (last OID byte 2 -> 3).
        byte[] der = der(EC_CA);
        Pem.Der.Tlv alg = Pem.Der.read(der, tbs(der).end(), der.length);
        Pem.Der.Tlv oid = Pem.Der.read(der, alg.start(), alg.end());
        der[oid.end() - 1]++;
        assertThatThrownBy(() -> Pem.Der.checkCertificate(der))
                .hasMessage("malformed certificate: inner and outer signature algorithms differ");
    }

    @Test
    void rejectsAVersionThatIsNotAnInteger() throws Exception {
        byte[] der = der(SERVER);
        Pem.Der.Tlv tbs = tbs(der);
        Pem.Der.Tlv explicit = Pem.Der.read(der, tbs.start(), tbs.end());
        assertThat(explicit.tag()).isEqualTo(0xa0);
        der[explicit.start()] = 0x04;
        assertThatThrownBy(() -> Pem.Der.checkCertificate(der)).hasMessage("malformed certificate: the version has the wrong type");
    }

    @Test
    void rejectsAValidityThatIsNotATime() {
        byte[] der = der(SERVER);
        int at = indexOfTime(der);
        der[at] = 0x13; // PrintableString where UTCTime belongs
        assertThatThrownBy(() -> Pem.Der.checkCertificate(der)).hasMessage("malformed certificate: malformed notBefore time");
    }

    @Test
    void rejectsNonCertificateDer() {
        assertThatThrownBy(() -> Pem.Der.checkCertificate(new byte[] {0x04, 0x02, 0x01, 0x02}))
                .hasMessage("malformed certificate: the certificate has the wrong type");
        assertThatThrownBy(() -> Pem.Der.checkCertificate("definitely not DER".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage("malformed certificate: the certificate is truncated or has a bad length");
        assertThatThrownBy(() -> Pem.Der.checkCertificate(new byte[0]))
                .hasMessage("malformed certificate: the certificate is truncated or has a bad length");
        // A private key's DER is a sequence too, but not a certificate's.
        assertThatThrownBy(() -> Pem.Der.checkCertificate(TlsFixtures.keyPair("EC").getPrivate().getEncoded()))
                .isInstanceOf(Pem.PemException.class)
                .hasMessageStartingWith("malformed certificate: ");
    }

    /**
     * Every mutation the JDK's parser accepts whole passes the check too (the check never refuses a
     * certificate the JDK would have used), and the check catches most of what the JDK refuses. Byte
     * changes, truncations, insertions and deletions, from fixed seeds.
     */
    @Test
    void neverRefusesWhatTheJdkParsesAndCatchesMostOfWhatItRefuses() throws Exception {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        int jdkRefused = 0;
        int caught = 0;
        int mutations = 0;
        List<String> falseRefusals = new ArrayList<>();
        List<byte[]> bases = validCertificates();
        for (int b = 0; b < bases.size(); b++) {
            byte[] base = bases.get(b);
            Random random = new Random(20261127L + b);
            for (int i = 0; i < 1500; i++) {
                byte[] m = mutate(base, random);
                mutations++;
                boolean jdk = jdkParsesWhole(cf, m);
                boolean ours = checks(m);
                if (jdk && !ours) {
                    falseRefusals.add("base " + b + " mutation " + i + ": " + why(m) + " " + java.util.HexFormat.of().formatHex(m));
                }
                if (!jdk) {
                    jdkRefused++;
                    if (!ours) {
                        caught++;
                    }
                }
            }
        }
        assertThat(falseRefusals).as("mutations the JDK parses but the check refuses").isEmpty();
        assertThat(jdkRefused).isGreaterThan(mutations / 4);
        assertThat((double) caught / jdkRefused).as("share of the JDK's refusals the check catches (%d of %d)", caught, jdkRefused)
                .isGreaterThan(0.95);
    }

    private static byte[] mutate(byte[] base, Random random) {
        byte[] m = base.clone();
        int at = random.nextInt(base.length);
        switch (random.nextInt(4)) {
            case 0 -> m[at] = (byte) random.nextInt(256);
            case 1 -> m = Arrays.copyOf(base, at);
            case 2 -> {
                m = new byte[base.length + 1];
                System.arraycopy(base, 0, m, 0, at);
                m[at] = (byte) random.nextInt(256);
                System.arraycopy(base, at, m, at + 1, base.length - at);
            }
            default -> {
                m = new byte[base.length - 1];
                System.arraycopy(base, 0, m, 0, at);
                System.arraycopy(base, at + 1, m, at, base.length - at - 1);
            }
        }
        return m;
    }

    private static boolean jdkParsesWhole(CertificateFactory cf, byte[] der) {
        try {
            X509Certificate c = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
            // The JDK reads one certificate and ignores what follows it; Go and the check refuse that.
            return Arrays.equals(c.getEncoded(), der);
        } catch (Exception e) {
            return false;
        }
    }

    private static String why(byte[] der) {
        try {
            Pem.Der.checkCertificate(der);
            return "accepted";
        } catch (Pem.PemException e) {
            return e.getMessage();
        }
    }

    private static boolean checks(byte[] der) {
        try {
            Pem.Der.checkCertificate(der);
            return true;
        } catch (Pem.PemException e) {
            return false;
        }
    }

    private static int indexOfTime(byte[] der) {
        for (int i = 0; i + 1 < der.length; i++) {
            if (der[i] == 0x30 && (der[i + 2] == 0x17 || der[i + 2] == 0x18) && der[i + 3] >= 11) {
                return i + 2;
            }
        }
        throw new AssertionError("no validity found");
    }
}
