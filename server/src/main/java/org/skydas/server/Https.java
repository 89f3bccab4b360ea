package org.skydas.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTP port as HTTPS only (and so WSS only): a Jetty TLS connector from a PEM certificate chain and
 * its PEM key (PKCS#8, "BEGIN PRIVATE KEY"; RSA or EC), TLS 1.2 and 1.3.
 */
final class Https {

    private Https() {
    }

    /** The server's identity from PEM files, as a key store for Jetty. */
    static KeyStore keyStore(Path certPem, Path keyPem, char[] password) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> chain;
        try (InputStream in = Files.newInputStream(certPem)) {
            chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (chain.isEmpty()) {
            throw new GeneralSecurityException(certPem + ": no certificate in it");
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("skydas", privateKey(keyPem), password, chain.toArray(new Certificate[0]));
        return ks;
    }

    static PrivateKey privateKey(Path keyPem) throws IOException, GeneralSecurityException {
        String text = Files.readString(keyPem, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException(keyPem + ": not a PKCS#8 PEM key (BEGIN PRIVATE KEY); convert with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8.pem'");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(spec);
            } catch (GeneralSecurityException tryNext) {
                // another algorithm
            }
        }
        throw new GeneralSecurityException(keyPem + ": an RSA, EC or Ed25519 key was expected");
    }

    /** A TLS connector on {@code host:port} for {@code server}. */
    static ServerConnector connector(Server server, HttpConfiguration http, String host, int port, KeyStore ks,
                                     String password) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(ks);
        tls.setKeyStorePassword(password);
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer src = new SecureRequestCustomizer();
        // Clients reach a border site by address as often as by name: do not refuse requests whose Host is not in the certificate.
        src.setSniHostCheck(false);
        https.addCustomizer(src);
        ServerConnector c = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https));
        c.setHost(host);
        c.setPort(port);
        return c;
    }
}
