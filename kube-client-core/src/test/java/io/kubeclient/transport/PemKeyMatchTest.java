package io.kubeclient.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/** {@link Pem#matches}: whether a client key belongs to its certificate. */
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
    void ecAndEd25519KeysAreMatchedByASignatureRoundTrip() {
        for (String alg : new String[] {"EC", "Ed25519"}) {
            KeyPair a = TlsFixtures.keyPair(alg);
            KeyPair b = TlsFixtures.keyPair(alg);
            assertThat(Pem.matches(a.getPrivate(), certFor(a))).as(alg).isTrue();
            assertThat(Pem.matches(a.getPrivate(), certFor(b))).as(alg).isFalse();
        }
        assertThat(Pem.matches(TlsFixtures.keyPair("EC").getPrivate(), certFor(TlsFixtures.keyPair("RSA")))).isFalse();
    }
}
