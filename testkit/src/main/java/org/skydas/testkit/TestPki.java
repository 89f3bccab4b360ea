package org.skydas.testkit;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certificate authority made inside a test (BouncyCastle): a CA, and server and client
 * certificates it signs, written as PEM (certificate, and the key as unencrypted PKCS#8) the way an
 * operator's PKI would hand them over. EC P-256 keys, valid for a day.
 */
public final class TestPki {

    /** A certificate and its key, as PEM files. */
    public record Issued(Path cert, Path key, X509Certificate certificate, KeyPair keys) {
    }

    private final KeyPair caKeys;
    private final X509Certificate caCert;
    private final Path dir;
    private final String name;
    private long serial = 2;

    private TestPki(Path dir, String name) throws Exception {
        this.dir = Files.createDirectories(dir);
        this.name = name;
        this.caKeys = keys();
        X500Name subject = new X500Name("CN=" + name + " test CA");
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE, notBefore(), notAfter(),
                subject, caKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        this.caCert = new JcaX509CertificateConverter().getCertificate(b.build(signer(caKeys)));
        write(dir.resolve(name + "-ca.pem"), caCert);
    }

    /** A new CA called {@code name}, its certificate written to {@code dir/NAME-ca.pem}. */
    public static TestPki create(Path dir, String name) throws Exception {
        return new TestPki(dir, name);
    }

    public Path caPem() {
        return dir.resolve(name + "-ca.pem");
    }

    public X509Certificate caCertificate() {
        return caCert;
    }

    /** A server certificate for localhost and 127.0.0.1. */
    public Issued server(String cn) throws Exception {
        return issue(cn, true);
    }

    /** A client certificate (a sensor, a TAK device). */
    public Issued client(String cn) throws Exception {
        return issue(cn, false);
    }

    private Issued issue(String cn, boolean server) throws Exception {
        KeyPair kp = keys();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert, BigInteger.valueOf(serial++), notBefore(),
                notAfter(), new X500Name("CN=" + cn), kp.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        b.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
        if (server) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(signer(caKeys)));
        Path certFile = dir.resolve(name + "-" + cn + ".pem");
        Path keyFile = dir.resolve(name + "-" + cn + "-key.pem");
        write(certFile, cert);
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(new JcaPKCS8Generator(kp.getPrivate(), null));
        }
        Files.writeString(keyFile, sw.toString());
        return new Issued(certFile, keyFile, cert, kp);
    }

    /**
     * A JDK TLS context presenting {@code identity} (null: no client certificate) and trusting
     * {@code trusted} (a CA certificate).
     */
    public static javax.net.ssl.SSLContext sslContext(Issued identity, X509Certificate trusted) throws Exception {
        char[] pw = "test".toCharArray();
        javax.net.ssl.KeyManager[] km = null;
        if (identity != null) {
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("me", identity.keys().getPrivate(), pw, new java.security.cert.Certificate[] {identity.certificate()});
            javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                    javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            km = kmf.getKeyManagers();
        }
        java.security.KeyStore ts = java.security.KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("ca", trusted);
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(km, tmf.getTrustManagers(), new SecureRandom());
        return ctx;
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256, new SecureRandom());
        return g.generateKeyPair();
    }

    private static ContentSigner signer(KeyPair kp) throws Exception {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate());
    }

    private static Date notBefore() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(Duration.ofDays(1)));
    }

    private static void write(Path file, X509Certificate cert) throws IOException {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(cert);
        }
        Files.writeString(file, sw.toString());
    }
}
