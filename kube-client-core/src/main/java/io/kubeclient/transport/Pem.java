package io.kubeclient.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Reads PEM certificates and private keys with the JDK alone. PKCS#1 RSA and SEC1 EC keys are
 * re-wrapped as PKCS#8 by a tiny DER reader/writer so that {@link KeyFactory} can load them.
 *
 * <p>Error messages describe the structure at fault and never echo key material.
 */
final class Pem {

    private Pem() {}

    /** A PEM block: its type and decoded bytes. */
    record Block(String type, byte[] der, boolean encrypted) {}

    /** Thrown for unusable PEM input; the message never contains the input. */
    static final class PemException extends Exception {
        private static final long serialVersionUID = 1L;

        PemException(String message) {
            super(message);
        }

        PemException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static List<Block> blocks(byte[] data) throws PemException {
        String text = new String(data, StandardCharsets.US_ASCII);
        List<Block> blocks = new ArrayList<>();
        int pos = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN ", pos);
            if (begin < 0) {
                break;
            }
            int typeEnd = text.indexOf("-----", begin + 11);
            if (typeEnd < 0) {
                throw new PemException("malformed PEM: unterminated BEGIN line");
            }
            String type = text.substring(begin + 11, typeEnd);
            String endMarker = "-----END " + type + "-----";
            int end = text.indexOf(endMarker, typeEnd + 5);
            if (end < 0) {
                throw new PemException("malformed PEM: missing END line for a " + type + " block");
            }
            String body = text.substring(typeEnd + 5, end);
            boolean encrypted = false;
            StringBuilder b64 = new StringBuilder(body.length());
            for (String line : body.split("\r?\n|\r")) {
                String l = line.strip();
                if (l.contains(":")) {
                    // RFC 1421 headers such as Proc-Type: 4,ENCRYPTED
                    if (l.startsWith("Proc-Type:") && l.contains("ENCRYPTED")) {
                        encrypted = true;
                    }
                    continue;
                }
                b64.append(l);
            }
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(b64.toString());
            } catch (IllegalArgumentException e) {
                throw new PemException("malformed PEM: the " + type + " block is not valid base64");
            }
            blocks.add(new Block(type, der, encrypted || type.startsWith("ENCRYPTED")));
            pos = end + endMarker.length();
        }
        return blocks;
    }

    /** Every CERTIFICATE block, in order; other blocks are skipped. At least one is required. */
    static List<X509Certificate> certificates(byte[] data) throws PemException {
        return parse(certificateBlocks(data));
    }

    /** Certificates from the DER {@link #certificateBlocks} returned, parsed by the JDK. */
    static List<X509Certificate> parse(List<byte[]> ders) throws PemException {
        List<X509Certificate> certs = new ArrayList<>(ders.size());
        CertificateFactory cf;
        try {
            cf = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
        for (byte[] der : ders) {
            try {
                certs.add((X509Certificate) cf.generateCertificate(new java.io.ByteArrayInputStream(der)));
            } catch (CertificateException e) {
                throw new PemException("failed to parse certificate #" + (certs.size() + 1), e);
            }
        }
        return certs;
    }

    /**
     * The DER of every CERTIFICATE block, in order, each checked for the structure of an X.509
     * certificate (see {@link Der#checkCertificate}) without the JDK's certificate parser, whose
     * first use costs 20 to 26 ms of CPU while an application starts. At least one is required.
     */
    static List<byte[]> certificateBlocks(byte[] data) throws PemException {
        List<Block> blocks = blocks(data);
        if (blocks.isEmpty()) {
            throw new PemException("no PEM data found");
        }
        List<byte[]> ders = new ArrayList<>();
        for (Block b : blocks) {
            if (!b.type().equals("CERTIFICATE")) {
                continue;
            }
            try {
                Der.checkCertificate(b.der());
            } catch (PemException e) {
                throw new PemException("failed to parse certificate #" + (ders.size() + 1) + ": " + e.getMessage());
            }
            ders.add(b.der());
        }
        if (ders.isEmpty()) {
            throw new PemException("no CERTIFICATE block found");
        }
        return ders;
    }

    /**
     * The public key material that a private key's or certificate's DER carries: an RSA modulus and
     * public exponent (unsigned, big-endian), or an EC curve's OID and public point (the BIT STRING's
     * content); {@code null} for what it does not carry.
     */
    record PublicParts(String algorithm, byte[] modulus, byte[] exponent, byte[] curve, byte[] point) {}

    /**
     * Checks the first private key block without the JDK's key factories: not encrypted, of a
     * supported type, with the DER structure of that type (PKCS#8 of RSA, EC, Ed25519 or Ed448; PKCS#1
     * RSA; SEC1 EC with a named curve). The JDK parses it on first use ({@link #privateKey}).
     *
     * @return what the key's DER says of its public key
     */
    static PublicParts checkPrivateKey(byte[] data) throws PemException {
        Block b = keyBlock(data);
        if (b.encrypted()) {
            throw new PemException("encrypted private keys are not supported");
        }
        return switch (b.type()) {
            case "PRIVATE KEY" -> Der.pkcs8Key(b.der());
            case "RSA PRIVATE KEY" -> Der.pkcs1Key(b.der(), "RSA PRIVATE KEY");
            case "EC PRIVATE KEY" -> Der.sec1Key(b.der(), null, "EC PRIVATE KEY");
            default -> throw new PemException("unsupported private key type " + b.type());
        };
    }

    /**
     * Whether the DER alone shows that a key belongs to a certificate: an RSA key whose modulus and
     * public exponent are the certificate's, or an EC key that carries its public point, on the
     * certificate's curve and equal to its point (as {@link #matches(byte[], PrivateKey, X509Certificate)}
     * decides them). False when the DER cannot tell or the parts differ: the JDK's parse decides then.
     */
    static boolean matchesByStructure(PublicParts key, PublicParts cert) {
        if (!key.algorithm().equals(cert.algorithm())) {
            return false;
        }
        return switch (key.algorithm()) {
            case "RSA" -> Arrays.equals(key.modulus(), cert.modulus()) && Arrays.equals(key.exponent(), cert.exponent());
            case "EC" -> key.point() != null && Arrays.equals(key.curve(), cert.curve()) && Arrays.equals(key.point(), cert.point());
            default -> false;
        };
    }

    /** The first private key block: PKCS#8, PKCS#1 RSA or SEC1 EC. */
    static PrivateKey privateKey(byte[] data) throws PemException {
        Block b = keyBlock(data);
        if (b.encrypted()) {
            throw new PemException("encrypted private keys are not supported");
        }
        switch (b.type()) {
            case "PRIVATE KEY":
                return pkcs8(b.der(), null);
            case "RSA PRIVATE KEY":
                return pkcs8(Der.rsaPkcs1ToPkcs8(b.der()), "RSA");
            case "EC PRIVATE KEY":
                return pkcs8(Der.sec1ToPkcs8(b.der()), "EC");
            default:
                throw new PemException("unsupported private key type " + b.type());
        }
    }

    private static Block keyBlock(byte[] data) throws PemException {
        List<Block> blocks = blocks(data);
        if (blocks.isEmpty()) {
            throw new PemException("no PEM data found");
        }
        for (Block b : blocks) {
            if (b.type().equals("PRIVATE KEY") || b.type().endsWith(" PRIVATE KEY")) {
                return b;
            }
        }
        throw new PemException("no PRIVATE KEY block found");
    }

    private static PrivateKey pkcs8(byte[] der, String algorithm) throws PemException {
        String alg = algorithm != null ? algorithm : Der.pkcs8Algorithm(der);
        try {
            return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            // The cause's message is safe: JCA parse errors describe structure, not key bytes.
            throw new PemException("failed to parse " + alg + " private key", e);
        }
    }

    /**
     * Whether the key, read from {@code keyPem}, belongs to the certificate. An EC key whose PEM
     * carries its public point (SEC1 keys as Go, OpenSSL and k3s write them, bare or inside PKCS#8)
     * matches when that point and curve are the certificate's: no private-key operation, which costs
     * about 15 ms while an application starts. Anything else, a differing point included, is decided
     * by {@link #matches(PrivateKey, X509Certificate)}.
     */
    static boolean matches(byte[] keyPem, PrivateKey key, X509Certificate cert) {
        if (key instanceof ECPrivateKey ec && cert.getPublicKey() instanceof ECPublicKey certKey
                && ec.getParams().getCurve().equals(certKey.getParams().getCurve())
                && ec.getParams().getOrder().equals(certKey.getParams().getOrder())) {
            byte[] point = embeddedEcPoint(keyPem);
            if (point != null && Arrays.equals(point, Der.subjectPublicKeyBits(certKey.getEncoded()))) {
                return true;
            }
        }
        return matches(key, cert);
    }

    /** The public point an EC private key's PEM carries (its BIT STRING's content), or {@code null}. */
    static byte[] embeddedEcPoint(byte[] keyPem) {
        try {
            Block b = keyBlock(keyPem);
            return switch (b.type()) {
                case "EC PRIVATE KEY" -> Der.sec1PublicKeyBits(b.der());
                case "PRIVATE KEY" -> Der.sec1PublicKeyBits(Der.pkcs8PrivateKey(b.der()));
                default -> null;
            };
        } catch (PemException e) {
            return null;
        }
    }

    /**
     * Whether the key belongs to the certificate: an RSA key by its modulus (and public exponent, when
     * the key carries it), as Go's {@code tls.X509KeyPair} checks it, since a private-key operation
     * on a 2048-bit key costs about 20 ms while an application starts; other keys by a signature
     * round trip.
     */
    static boolean matches(PrivateKey key, X509Certificate cert) {
        PublicKey certKey = cert.getPublicKey();
        if (key instanceof RSAPrivateKey rsa && certKey instanceof RSAPublicKey rsaCert
                && "RSA".equals(key.getAlgorithm()) && "RSA".equals(certKey.getAlgorithm())) {
            return rsa.getModulus().equals(rsaCert.getModulus())
                    && (!(key instanceof RSAPrivateCrtKey crt) || crt.getPublicExponent().equals(rsaCert.getPublicExponent()));
        }
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> null;
        };
        if (alg == null || !key.getAlgorithm().equals(cert.getPublicKey().getAlgorithm())
                && !(key.getAlgorithm().startsWith("Ed") && cert.getPublicKey().getAlgorithm().startsWith("Ed"))) {
            return false;
        }
        try {
            byte[] probe = "kube-client key pair check".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(cert.getPublicKey());
            v.update(probe);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Minimal DER support: just enough to re-wrap PKCS#1 and SEC1 keys. */
    static final class Der {
        private static final byte[] RSA_ALGORITHM_ID = {
            0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
        };
        private static final byte[] EC_PUBLIC_KEY_OID = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
        private static final byte[] ED25519_OID = {0x2b, 0x65, 0x70};
        private static final byte[] ED448_OID = {0x2b, 0x65, 0x71};
        private static final byte[] RSA_OID = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};

        private Der() {}

        /** A TLV at an offset: tag, content start and content length. */
        record Tlv(int tag, int start, int length) {
            int end() {
                return start + length;
            }
        }

        static Tlv read(byte[] der, int offset, int limit) throws PemException {
            if (offset + 2 > limit) {
                throw new PemException("malformed DER: truncated");
            }
            int tag = der[offset] & 0xff;
            int len = der[offset + 1] & 0xff;
            int pos = offset + 2;
            if (len >= 0x80) {
                int n = len & 0x7f;
                if (n == 0 || n > 3 || pos + n > limit) {
                    throw new PemException("malformed DER: bad length");
                }
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (der[pos++] & 0xff);
                }
            }
            if (pos + len > limit) {
                throw new PemException("malformed DER: truncated");
            }
            return new Tlv(tag, pos, len);
        }

        /**
         * Checks that {@code der} has the structure of an X.509 certificate: the certificate's
         * sequence and nothing after it; the to-be-signed part, signature algorithm and signature;
         * in the to-be-signed part the version, serial number, signature algorithm (the outer one's
         * equal, as Go and the JDK require), issuer, validity, subject and public key, in order and
         * of the right types. It decodes no name, time, key or extension: the JDK's parser does that
         * when the certificate is first used. Apart from data after the certificate, which Go refuses
         * and the JDK ignores, it is never stricter than that parser (see the differential test); the
         * message names the part at fault.
         */
        static Tlv checkCertificate(byte[] der) throws PemException {
            Tlv cert = expect(der, 0, der.length, 0x30, "certificate");
            if (cert.end() != der.length) {
                throw new PemException("malformed certificate: trailing data");
            }
            Tlv tbs = expect(der, cert.start(), cert.end(), 0x30, "to-be-signed certificate");
            Tlv outerAlg = algorithm(der, tbs.end(), cert.end(), "signature algorithm");
            Tlv signature = bitString(der, outerAlg.end(), cert.end(), "signature");
            if (signature.end() != cert.end()) {
                throw new PemException("malformed certificate: unexpected data after the signature");
            }
            int end = tbs.end();
            Tlv t = read(der, tbs.start(), end);
            if (t.tag() == 0xa0) {
                Tlv version = expect(der, t.start(), t.end(), 0x02, "version");
                if (version.end() != t.end() || version.length() == 0) {
                    throw new PemException("malformed certificate: malformed version");
                }
                t = read(der, t.end(), end);
            }
            if (t.tag() != 0x02 || t.length() == 0) {
                throw new PemException("malformed certificate: malformed serial number");
            }
            Tlv innerAlg = algorithm(der, t.end(), end, "signature algorithm");
            if (!Arrays.equals(der, innerAlg.start(), innerAlg.end(), der, outerAlg.start(), outerAlg.end())) {
                throw new PemException("malformed certificate: inner and outer signature algorithms differ");
            }
            Tlv issuer = name(der, innerAlg.end(), end, "issuer");
            Tlv validity = expect(der, issuer.end(), end, 0x30, "validity");
            Tlv notAfter = time(der, time(der, validity.start(), validity.end(), "notBefore").end(), validity.end(), "notAfter");
            if (notAfter.end() != validity.end()) {
                throw new PemException("malformed certificate: malformed validity");
            }
            Tlv subject = name(der, validity.end(), end, "subject");
            Tlv spki = expect(der, subject.end(), end, 0x30, "subject public key info");
            Tlv keyBits = bitString(der, algorithm(der, spki.start(), spki.end(), "public key algorithm").end(), spki.end(),
                    "subject public key");
            if (keyBits.end() != spki.end()) {
                throw new PemException("malformed certificate: malformed subject public key info");
            }
            // The optional unique identifiers and extensions are left to the JDK's parser, which reads
            // them more leniently than Go's (it takes a negative version, too).
            return spki;
        }

        /** What a certificate's subject public key says, from DER that {@link #checkCertificate} accepts. */
        static PublicParts certificateKey(byte[] der) throws PemException {
            Tlv spki = checkCertificate(der);
            Tlv algId = read(der, spki.start(), spki.end());
            Tlv oid = read(der, algId.start(), algId.end());
            Tlv bits = read(der, algId.end(), spki.end());
            byte[] o = Arrays.copyOfRange(der, oid.start(), oid.end());
            if (Arrays.equals(o, RSA_OID) && der[bits.start()] == 0) {
                Tlv key = read(der, bits.start() + 1, bits.end());
                Tlv modulus = read(der, key.start(), key.end());
                Tlv exponent = read(der, modulus.end(), key.end());
                if (key.tag() == 0x30 && modulus.tag() == 0x02 && exponent.tag() == 0x02) {
                    return new PublicParts("RSA", integer(der, modulus), integer(der, exponent), null, null);
                }
            } else if (Arrays.equals(o, EC_PUBLIC_KEY_OID) && oid.end() < algId.end()) {
                Tlv curve = read(der, oid.end(), algId.end());
                if (curve.tag() == 0x06) {
                    return new PublicParts("EC", null, null, Arrays.copyOfRange(der, curve.start(), curve.end()),
                            Arrays.copyOfRange(der, bits.start(), bits.end()));
                }
            }
            return new PublicParts("other", null, null, null, null);
        }

        /** An INTEGER's content without the sign octet DER puts before a high bit. */
        private static byte[] integer(byte[] der, Tlv t) {
            int from = t.start();
            while (from < t.end() - 1 && der[from] == 0) {
                from++;
            }
            return Arrays.copyOfRange(der, from, t.end());
        }

        /** A PKCS#1 RSAPrivateKey: a version and the eight integers of a two-prime key (or more). */
        static PublicParts pkcs1Key(byte[] der, String what) throws PemException {
            Tlv seq = read(der, 0, der.length);
            if (seq.tag() != 0x30) {
                throw new PemException("malformed " + what + ": not a DER sequence");
            }
            Tlv[] fields = new Tlv[9];
            int pos = seq.start();
            for (int i = 0; i < fields.length; i++) {
                fields[i] = pos < seq.end() ? read(der, pos, seq.end()) : null;
                if (fields[i] == null || fields[i].tag() != 0x02 || fields[i].length() == 0) {
                    throw new PemException("malformed " + what + ": not an RSA private key");
                }
                pos = fields[i].end();
            }
            return new PublicParts("RSA", integer(der, fields[1]), integer(der, fields[2]), null, null);
        }

        /**
         * A SEC1 ECPrivateKey: version, private key octets, then its curve in {@code [0]} (else
         * {@code pkcs8Curve}, the curve of the PKCS#8 structure around it) and maybe its point in
         * {@code [1]}.
         */
        static PublicParts sec1Key(byte[] der, byte[] pkcs8Curve, String what) throws PemException {
            Tlv seq = read(der, 0, der.length);
            if (seq.tag() != 0x30) {
                throw new PemException("malformed " + what + ": not a DER sequence");
            }
            Tlv version = read(der, seq.start(), seq.end());
            Tlv scalar = read(der, version.end(), seq.end());
            if (version.tag() != 0x02 || scalar.tag() != 0x04 || scalar.length() == 0) {
                throw new PemException("malformed " + what + ": not an EC private key");
            }
            byte[] curve = pkcs8Curve;
            byte[] point = null;
            for (int pos = scalar.end(); pos < seq.end(); ) {
                Tlv t = read(der, pos, seq.end());
                if (t.tag() == 0xa0) {
                    Tlv oid = read(der, t.start(), t.end());
                    if (oid.tag() != 0x06) {
                        throw new PemException("malformed " + what + ": curve parameters are not a named curve");
                    }
                    curve = Arrays.copyOfRange(der, oid.start(), oid.end());
                } else if (t.tag() == 0xa1) {
                    Tlv bits = read(der, t.start(), t.end());
                    point = bits.tag() == 0x03 ? Arrays.copyOfRange(der, bits.start(), bits.end()) : null;
                }
                pos = t.end();
            }
            if (curve == null) {
                throw new PemException("EC PRIVATE KEY without a named curve is not supported");
            }
            return new PublicParts("EC", null, null, curve, point);
        }

        /** A PKCS#8 PrivateKeyInfo of a supported algorithm, with the key inside it checked likewise. */
        static PublicParts pkcs8Key(byte[] der) throws PemException {
            String algorithm = pkcs8Algorithm(der);
            Tlv algId = pkcs8AlgorithmId(der);
            byte[] inner = pkcs8PrivateKey(der);
            switch (algorithm) {
                case "RSA":
                    return pkcs1Key(inner, "PRIVATE KEY");
                case "EC": {
                    Tlv oid = read(der, algId.start(), algId.end());
                    byte[] curve = null;
                    if (oid.end() < algId.end()) {
                        Tlv params = read(der, oid.end(), algId.end());
                        if (params.tag() == 0x06) {
                            curve = Arrays.copyOfRange(der, params.start(), params.end());
                        }
                    }
                    return sec1Key(inner, curve, "PRIVATE KEY");
                }
                default:
                    return new PublicParts(algorithm, null, null, null, null);
            }
        }

        /** A Name: a SEQUENCE of SETs of SEQUENCE { OID, value }. */
        private static Tlv name(byte[] der, int offset, int limit, String what) throws PemException {
            Tlv name = expect(der, offset, limit, 0x30, what);
            for (int rdn = name.start(); rdn < name.end(); ) {
                Tlv set = expect(der, rdn, name.end(), 0x31, what);
                for (int atv = set.start(); atv < set.end(); ) {
                    Tlv pair = expect(der, atv, set.end(), 0x30, what);
                    Tlv value = read(der, oid(der, pair.start(), pair.end(), what).end(), pair.end());
                    if (value.end() != pair.end()) {
                        throw new PemException("malformed certificate: malformed " + what);
                    }
                    atv = pair.end();
                }
                rdn = set.end();
            }
            return name;
        }

        /** An AlgorithmIdentifier: SEQUENCE { OID, optional parameters }. */
        private static Tlv algorithm(byte[] der, int offset, int limit, String what) throws PemException {
            Tlv alg = expect(der, offset, limit, 0x30, what);
            Tlv id = oid(der, alg.start(), alg.end(), what);
            if (id.end() < alg.end() && read(der, id.end(), alg.end()).end() != alg.end()) {
                throw new PemException("malformed certificate: malformed " + what);
            }
            return alg;
        }

        private static Tlv oid(byte[] der, int offset, int limit, String what) throws PemException {
            Tlv oid = read(der, offset, limit);
            if (oid.tag() != 0x06 || oid.length() == 0 || der[oid.end() - 1] < 0 || der[oid.start()] == (byte) 0x80) {
                throw new PemException("malformed certificate: malformed " + what + " identifier");
            }
            return oid;
        }

        private static Tlv bitString(byte[] der, int offset, int limit, String what) throws PemException {
            Tlv bits = read(der, offset, limit);
            if (bits.tag() != 0x03 || bits.length() == 0 || der[bits.start()] < 0 || der[bits.start()] > 7
                    || bits.length() == 1 && der[bits.start()] != 0) {
                throw new PemException("malformed certificate: malformed " + what);
            }
            return bits;
        }

        /** UTCTime or GeneralizedTime, starting with at least ten digits. */
        private static Tlv time(byte[] der, int offset, int limit, String what) throws PemException {
            Tlv time = read(der, offset, limit);
            boolean ok = (time.tag() == 0x17 || time.tag() == 0x18) && time.length() >= 11;
            for (int i = 0; ok && i < 10; i++) {
                byte c = der[time.start() + i];
                ok = c >= '0' && c <= '9';
            }
            if (!ok) {
                throw new PemException("malformed certificate: malformed " + what + " time");
            }
            return time;
        }

        private static Tlv expect(byte[] der, int offset, int limit, int tag, String what) throws PemException {
            Tlv t;
            try {
                t = read(der, offset, limit);
            } catch (PemException e) {
                throw new PemException("malformed certificate: the " + what + " is truncated or has a bad length");
            }
            if (t.tag() != tag) {
                throw new PemException("malformed certificate: the " + what + " has the wrong type");
            }
            return t;
        }

        static byte[] tlv(int tag, byte[]... parts) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            for (byte[] p : parts) {
                content.writeBytes(p);
            }
            byte[] c = content.toByteArray();
            ByteArrayOutputStream out = new ByteArrayOutputStream(c.length + 6);
            out.write(tag);
            int len = c.length;
            if (len < 0x80) {
                out.write(len);
            } else if (len < 0x100) {
                out.write(0x81);
                out.write(len);
            } else if (len < 0x10000) {
                out.write(0x82);
                out.write(len >> 8);
                out.write(len);
            } else {
                out.write(0x83);
                out.write(len >> 16);
                out.write(len >> 8);
                out.write(len);
            }
            out.writeBytes(c);
            return out.toByteArray();
        }

        static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) throws PemException {
            Tlv seq = read(pkcs1, 0, pkcs1.length);
            if (seq.tag() != 0x30) {
                throw new PemException("malformed RSA PRIVATE KEY: not a DER sequence");
            }
            return tlv(0x30, new byte[] {0x02, 0x01, 0x00}, RSA_ALGORITHM_ID, tlv(0x04, pkcs1));
        }

        static byte[] sec1ToPkcs8(byte[] sec1) throws PemException {
            Tlv seq = read(sec1, 0, sec1.length);
            if (seq.tag() != 0x30) {
                throw new PemException("malformed EC PRIVATE KEY: not a DER sequence");
            }
            byte[] curve = null;
            int pos = seq.start();
            while (pos < seq.end()) {
                Tlv t = read(sec1, pos, seq.end());
                if (t.tag() == 0xa0) {
                    Tlv oid = read(sec1, t.start(), t.end());
                    if (oid.tag() != 0x06) {
                        throw new PemException("malformed EC PRIVATE KEY: curve parameters are not a named curve");
                    }
                    curve = Arrays.copyOfRange(sec1, oid.start(), oid.end());
                }
                pos = t.end();
            }
            if (curve == null) {
                throw new PemException("EC PRIVATE KEY without a named curve is not supported");
            }
            byte[] algId = tlv(0x30, tlv(0x06, EC_PUBLIC_KEY_OID), tlv(0x06, curve));
            return tlv(0x30, new byte[] {0x02, 0x01, 0x00}, algId, tlv(0x04, sec1));
        }

        /** The content of a PKCS#8 key's privateKey OCTET STRING (for an EC key, its SEC1 structure). */
        static byte[] pkcs8PrivateKey(byte[] pkcs8) throws PemException {
            Tlv algId = pkcs8AlgorithmId(pkcs8);
            Tlv key = read(pkcs8, algId.end(), read(pkcs8, 0, pkcs8.length).end());
            if (key.tag() != 0x04) {
                throw new PemException("malformed PRIVATE KEY: not a PKCS#8 structure");
            }
            return Arrays.copyOfRange(pkcs8, key.start(), key.end());
        }

        /** A PKCS#8 key's AlgorithmIdentifier, after its outer SEQUENCE and version. */
        private static Tlv pkcs8AlgorithmId(byte[] pkcs8) throws PemException {
            Tlv seq = read(pkcs8, 0, pkcs8.length);
            Tlv version = read(pkcs8, seq.start(), seq.end());
            Tlv algId = read(pkcs8, version.end(), seq.end());
            if (seq.tag() != 0x30 || version.tag() != 0x02 || algId.tag() != 0x30) {
                throw new PemException("malformed PRIVATE KEY: not a PKCS#8 structure");
            }
            return algId;
        }

        /**
         * The content of a SEC1 EC private key's optional {@code [1] publicKey} BIT STRING, or
         * {@code null} when the key does not carry it.
         */
        static byte[] sec1PublicKeyBits(byte[] sec1) throws PemException {
            Tlv seq = read(sec1, 0, sec1.length);
            if (seq.tag() != 0x30) {
                throw new PemException("malformed EC PRIVATE KEY: not a DER sequence");
            }
            int pos = seq.start();
            while (pos < seq.end()) {
                Tlv t = read(sec1, pos, seq.end());
                if (t.tag() == 0xa1) {
                    Tlv bits = read(sec1, t.start(), t.end());
                    return (bits.tag() == 0x03) ? Arrays.copyOfRange(sec1, bits.start(), bits.end()) : null;
                }
                pos = t.end();
            }
            return null;
        }

        /** The content of a SubjectPublicKeyInfo's subjectPublicKey BIT STRING, or {@code null}. */
        static byte[] subjectPublicKeyBits(byte[] spki) {
            try {
                Tlv seq = read(spki, 0, spki.length);
                Tlv algId = read(spki, seq.start(), seq.end());
                Tlv bits = read(spki, algId.end(), seq.end());
                if (seq.tag() != 0x30 || algId.tag() != 0x30 || bits.tag() != 0x03) {
                    return null;
                }
                return Arrays.copyOfRange(spki, bits.start(), bits.end());
            } catch (PemException e) {
                return null;
            }
        }

        /** The JCA algorithm name of a PKCS#8 key, from its AlgorithmIdentifier. */
        static String pkcs8Algorithm(byte[] pkcs8) throws PemException {
            Tlv algId = pkcs8AlgorithmId(pkcs8);
            Tlv oid = read(pkcs8, algId.start(), algId.end());
            if (oid.tag() != 0x06) {
                throw new PemException("malformed PRIVATE KEY: not a PKCS#8 structure");
            }
            byte[] o = Arrays.copyOfRange(pkcs8, oid.start(), oid.end());
            if (Arrays.equals(o, RSA_OID)) {
                return "RSA";
            }
            if (Arrays.equals(o, EC_PUBLIC_KEY_OID)) {
                return "EC";
            }
            if (Arrays.equals(o, ED25519_OID)) {
                return "Ed25519";
            }
            if (Arrays.equals(o, ED448_OID)) {
                return "Ed448";
            }
            throw new PemException("unsupported private key algorithm in PKCS#8 key");
        }
    }
}
