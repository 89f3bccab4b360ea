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

    private static File file(Path p) {
        return p.toFile();
    }
}
