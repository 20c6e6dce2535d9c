package io.kubeclient.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/**
 * {@link Pem#matches}: whether a client key belongs to its certificate; and
 * {@link Pem#matchesByStructure}, which decides it from the DER alone where it can.
 */
class PemKeyMatchTest {

    static final HeldCertificate CA = TlsFixtures.ca("match-ca");

    static X509Certificate certFor(KeyPair kp) {
        return TlsFixtures.client(CA, kp).certificate();
    }

    @Test
    void anRsaKeyMatchesItsCertificateAndNoOther() {
        KeyPair a = TlsFixtures.keyPair("RSA");
        KeyPair b = TlsFixtures.keyPair("RSA");
        assertThat(Pem.matches(a.getPrivate(), certFor(a))).isTrue();
        assertThat(Pem.matches(a.getPrivate(), certFor(b))).isFalse();
        assertThat(Pem.matches(a.getPrivate(), certFor(TlsFixtures.keyPair("EC")))).isFalse();
    }

    @Test
    void anRsaKeyWithTheRightModulusButAnotherPublicExponentDoesNotMatch() throws Exception {
        KeyPair a = TlsFixtures.keyPair("RSA");
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) a.getPrivate();
        PrivateKey otherExponent = KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(k.getModulus(),
                k.getPublicExponent().add(BigInteger.TWO), k.getPrivateExponent(), k.getPrimeP(), k.getPrimeQ(),
                k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient()));
        assertThat(Pem.matches(otherExponent, certFor(a))).isFalse();
    }

    @Test
    void anRsaKeyWithoutCrtFieldsIsMatchedByItsModulus() throws Exception {
        KeyPair a = TlsFixtures.keyPair("RSA");
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) a.getPrivate();
        PrivateKey plain = KeyFactory.getInstance("RSA").generatePrivate(
                new RSAPrivateKeySpec(k.getModulus(), k.getPrivateExponent()));
        assertThat(plain).isNotInstanceOf(RSAPrivateCrtKey.class);
        assertThat(Pem.matches(plain, certFor(a))).isTrue();
        assertThat(Pem.matches(plain, certFor(TlsFixtures.keyPair("RSA")))).isFalse();
    }

    @Test
    void anEcKeyCarryingItsPublicPointIsMatchedByThatPoint() throws Exception {
        KeyPair a = TlsFixtures.keyPair("EC");
        KeyPair b = TlsFixtures.keyPair("EC");
        for (byte[] pem : List.of(TlsFixtures.sec1PemWithPoint(a, a), TlsFixtures.pkcs8PemWithPoint(a))) {
            PrivateKey key = Pem.privateKey(pem);
            assertThat(Pem.embeddedEcPoint(pem)).isEqualTo(Pem.Der.subjectPublicKeyBits(a.getPublic().getEncoded()));
            assertThat(Pem.matches(pem, key, certFor(a))).isTrue();
            assertThat(Pem.matches(pem, key, certFor(b))).isFalse();
            assertThat(Pem.matches(pem, key, certFor(TlsFixtures.keyPair("RSA")))).isFalse();
            // The DER alone shows the same.
            Pem.PublicParts parts = Pem.checkPrivateKey(pem);
            assertThat(Pem.matchesByStructure(parts, certParts(a))).isTrue();
            assertThat(Pem.matchesByStructure(parts, certParts(b))).isFalse();
        }
    }

    @Test
    void theCarriedPointAloneDecidesAMatchNoPrivateKeyOperationRuns() throws Exception {
        // Key b's scalar with key a's point: a file no tool writes. The point matches a's certificate,
        // so the check accepts it without signing (the server would reject the handshake); the
        // signature round trip, which the point skips, would not.
        KeyPair a = TlsFixtures.keyPair("EC");
        KeyPair b = TlsFixtures.keyPair("EC");
        byte[] pem = TlsFixtures.sec1PemWithPoint(b, a);
        PrivateKey key = Pem.privateKey(pem);
        assertThat(Pem.matches(pem, key, certFor(a))).isTrue();
        assertThat(Pem.matches(key, certFor(a))).isFalse();
    }

    @Test
    void aCarriedPointThatDiffersLeavesTheDecisionToTheSignatureRoundTrip() throws Exception {
        KeyPair a = TlsFixtures.keyPair("EC");
        KeyPair b = TlsFixtures.keyPair("EC");
        byte[] pem = TlsFixtures.sec1PemWithPoint(a, b);
        PrivateKey key = Pem.privateKey(pem);
        assertThat(Pem.matches(pem, key, certFor(a))).isTrue();
        byte[] noPoint = TlsFixtures.sec1Pem(a.getPrivate());
        assertThat(Pem.embeddedEcPoint(noPoint)).isNull();
        assertThat(Pem.matches(noPoint, Pem.privateKey(noPoint), certFor(a))).isTrue();
        assertThat(Pem.matches(noPoint, Pem.privateKey(noPoint), certFor(b))).isFalse();
    }

    @Test
    void anUnreadablePemCarriesNoPoint() {
        assertThat(Pem.embeddedEcPoint("not PEM".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(Pem.embeddedEcPoint(TlsFixtures.pem("EC PRIVATE KEY", new byte[] {0x30, 0x05, 0x02}))).isNull();
        assertThat(Pem.embeddedEcPoint(TlsFixtures.pem("PRIVATE KEY", new byte[] {0x04, 0x00}))).isNull();
        assertThat(Pem.embeddedEcPoint(TlsFixtures.pem("RSA PRIVATE KEY", new byte[] {0x30, 0x00}))).isNull();
    }

    @Test
    void ecAndEd25519KeysAreMatchedByASignatureRoundTrip() {
        for (String alg : new String[] {"EC", "Ed25519"}) {
            KeyPair a = TlsFixtures.keyPair(alg);
            KeyPair b = TlsFixtures.keyPair(alg);
            assertThat(Pem.matches(a.getPrivate(), certFor(a))).as(alg).isTrue();
            assertThat(Pem.matches(a.getPrivate(), certFor(b))).as(alg).isFalse();
        }
        assertThat(Pem.matches(TlsFixtures.keyPair("EC").getPrivate(), certFor(TlsFixtures.keyPair("RSA")))).isFalse();
    }

    static Pem.PublicParts certParts(KeyPair kp) throws Exception {
        return Pem.Der.certificateKey(certFor(kp).getEncoded());
    }

    @Test
    void theDerShowsThatAnRsaKeyBelongsToItsCertificateInEitherFormat() throws Exception {
        KeyPair a = TlsFixtures.keyPair("RSA");
        KeyPair b = TlsFixtures.keyPair("RSA");
        for (byte[] pem : List.of(TlsFixtures.pkcs8Pem(a.getPrivate()), TlsFixtures.pkcs1Pem(a.getPrivate()))) {
            Pem.PublicParts key = Pem.checkPrivateKey(pem);
            assertThat(key.algorithm()).isEqualTo("RSA");
            assertThat(new BigInteger(1, key.modulus())).isEqualTo(((RSAPrivateCrtKey) a.getPrivate()).getModulus());
            assertThat(Pem.matchesByStructure(key, certParts(a))).isTrue();
            assertThat(Pem.matchesByStructure(key, certParts(b))).isFalse();
            assertThat(Pem.matchesByStructure(key, certParts(TlsFixtures.keyPair("EC")))).isFalse();
        }
    }

    @Test
    void theDerCannotTellForAnEcKeyWithoutItsPoint() throws Exception {
        // As the JDK writes PKCS#8, or openssl's SEC1 with -no_public.
        KeyPair a = TlsFixtures.keyPair("EC");
        for (byte[] pem : List.of(TlsFixtures.sec1Pem(a.getPrivate()), TlsFixtures.pkcs8Pem(a.getPrivate()))) {
            Pem.PublicParts key = Pem.checkPrivateKey(pem);
            assertThat(key.algorithm()).isEqualTo("EC");
            assertThat(key.point()).isNull();
            assertThat(Pem.matchesByStructure(key, certParts(a))).isFalse();
        }
    }

    @Test
    void theDerCannotTellForOtherKeys() throws Exception {
        KeyPair ed = TlsFixtures.keyPair("Ed25519");
        Pem.PublicParts key = Pem.checkPrivateKey(TlsFixtures.pkcs8Pem(ed.getPrivate()));
        assertThat(key.algorithm()).isEqualTo("Ed25519");
        assertThat(Pem.matchesByStructure(key, certParts(ed))).isFalse();
    }

    @Test
    void checkingAKeyNamesWhatIsWrongWithItsStructure() {
        assertThatThrownBy(() -> Pem.checkPrivateKey(TlsFixtures.pem("RSA PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x00})))
                .hasMessage("malformed RSA PRIVATE KEY: not an RSA private key");
        assertThatThrownBy(() -> Pem.checkPrivateKey(TlsFixtures.pem("EC PRIVATE KEY", new byte[] {0x04, 0x00})))
                .hasMessage("malformed EC PRIVATE KEY: not a DER sequence");
        assertThatThrownBy(() -> Pem.checkPrivateKey(TlsFixtures.pem("EC PRIVATE KEY",
                new byte[] {0x30, 0x06, 0x02, 0x01, 0x01, 0x04, 0x01, 0x07})))
                .hasMessage("EC PRIVATE KEY without a named curve is not supported");
        assertThatThrownBy(() -> Pem.checkPrivateKey(TlsFixtures.pem("PRIVATE KEY", new byte[] {0x30, 0x00})))
                .isInstanceOf(Pem.PemException.class)
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> Pem.checkPrivateKey(TlsFixtures.pem("DSA PRIVATE KEY", new byte[] {0x30, 0x00})))
                .hasMessage("unsupported private key type DSA PRIVATE KEY");
        assertThatThrownBy(() -> Pem.checkPrivateKey(TlsFixtures.pem("ENCRYPTED PRIVATE KEY", new byte[] {0x30, 0x00})))
                .hasMessage("encrypted private keys are not supported");
    }
}
