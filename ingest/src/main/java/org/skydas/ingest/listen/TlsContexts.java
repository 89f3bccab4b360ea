package org.skydas.ingest.listen;

import java.io.File;
import java.nio.file.Path;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

/** TLS for feed ports from PEM files (certificate chain, PKCS#8 key, CA), as an operator's PKI hands them over. */
public final class TlsContexts {

    private TlsContexts() {
    }

    /**
     * A server context that requires a client certificate signed by {@code clientCa} (mutual TLS, as TAK
     * Server's streaming port): connections without one, or with one from another CA, fail the handshake.
     */
    public static SslContext mutual(Path certPem, Path keyPem, Path clientCa) throws SSLException {
        return SslContextBuilder.forServer(file(certPem), file(keyPem))
                .trustManager(file(clientCa))
                .clientAuth(ClientAuth.REQUIRE)
                .protocols("TLSv1.3", "TLSv1.2")
                .build();
    }

    /** A client socket factory trusting only the CA in {@code caPem} (an MQTT broker's, say). */
    public static javax.net.ssl.SSLSocketFactory trusting(Path caPem) throws java.io.IOException,
            java.security.GeneralSecurityException {
        java.security.KeyStore ts = java.security.KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        int i = 0;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(caPem)) {
            for (java.security.cert.Certificate c : java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificates(in)) {
                ts.setCertificateEntry("ca" + i++, c);
            }
        }
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx.getSocketFactory();
    }

    private static File file(Path p) {
        return p.toFile();
    }
}
