package org.skydas.ingest.listen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.testkit.TestPki;

/**
 * CoT over TLS with client certificates, as TAK Server's streaming port: a sensor with a certificate from
 * the configured CA gets its event through; one without a certificate, or with one from another CA, fails
 * the handshake and nothing is delivered. And the cap and idle timeout of a feed port.
 */
class FeedTlsTest {

    @TempDir
    Path dir;

    @Test
    void onlyAClientCertificateFromTheConfiguredCaGetsItsEventThrough() throws Exception {
        TestPki pki = TestPki.create(dir, "skydas");
        TestPki.Issued server = pki.server("feeds");
        TestPki.Issued sensor = pki.client("sensor-1");
        TestPki rogue = TestPki.create(dir, "rogue");
        TestPki.Issued intruder = rogue.client("intruder");
        List<Received<CotEvent>> got = new CopyOnWriteArrayList<>();
        TcpOptions tls = TcpOptions.DEFAULTS.withTls(TlsContexts.mutual(server.cert(), server.key(), pki.caPem()));
        try (CotListener l = CotListener.start("127.0.0.1", 0, got::add, tls, "127.0.0.1", -1)) {
            assertThat(l.udpPort()).as("no UDP beside a TLS port").isEqualTo(-1);
            ListenerStats tcp = l.stats().get(0);

            sendOver(TestPki.sslContext(sensor, pki.caCertificate()), l.port(), "good");
            ListenersTest.await(() -> got.size() == 1);
            assertThat(got.get(0).message().uid()).isEqualTo("good");

            assertThat(refused(TestPki.sslContext(null, pki.caCertificate()), l.port(), "anonymous")).isTrue();
            assertThat(refused(TestPki.sslContext(intruder, pki.caCertificate()), l.port(), "rogue")).isTrue();
            ListenersTest.await(() -> tcp.tlsFailedCount() == 2);
            // Plaintext on the TLS port: no event either.
            try (Socket s = new Socket("127.0.0.1", l.port()); OutputStream out = s.getOutputStream()) {
                out.write(ListenersTest.EVENT.formatted("plain").getBytes(StandardCharsets.UTF_8));
                out.flush();
                s.setSoTimeout(5_000);
                assertThat(s.getInputStream().read(new byte[4096])).isLessThanOrEqualTo(7); // an alert or EOF
            } catch (java.io.IOException closed) {
                // the server hung up: fine
            }
            Thread.sleep(500);
            assertThat(got).extracting(r -> r.message().uid()).containsExactly("good");
        }
    }

    static void sendOver(SSLContext ctx, int port, String uid) throws Exception {
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
            s.startHandshake();
            OutputStream out = s.getOutputStream();
            out.write(ListenersTest.EVENT.formatted(uid).getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(300);
        }
    }

    /** True when the server refuses the client: the handshake or the first read fails. */
    static boolean refused(SSLContext ctx, int port, String uid) {
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
            s.setSoTimeout(5_000);
            s.startHandshake();
            // TLS 1.3: the server checks the client's certificate after the client thinks it is done.
            OutputStream out = s.getOutputStream();
            out.write(ListenersTest.EVENT.formatted(uid).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            return in.read() < 0;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    @Test
    void connectionsOverTheCapAndIdleOnesAreClosedAndCounted() throws Exception {
        List<Received<CotEvent>> got = new CopyOnWriteArrayList<>();
        try (CotListener l = CotListener.start("127.0.0.1", 0, got::add, new TcpOptions(2, 1, null), "127.0.0.1", 0)) {
            ListenerStats tcp = l.stats().get(0);
            try (Socket a = new Socket("127.0.0.1", l.port()); Socket b = new Socket("127.0.0.1", l.port());
                 Socket c = new Socket("127.0.0.1", l.port())) {
                c.setSoTimeout(5_000);
                assertThat(c.getInputStream().read()).as("the third is closed").isEqualTo(-1);
                ListenersTest.await(() -> tcp.refusedCount() == 1);
                // a and b say nothing for a second: both are closed as idle.
                a.setSoTimeout(5_000);
                assertThat(a.getInputStream().read()).isEqualTo(-1);
                ListenersTest.await(() -> tcp.idleClosedCount() == 2);
            }
            // The listener goes on.
            try (Socket s = new Socket("127.0.0.1", l.port()); OutputStream out = s.getOutputStream()) {
                out.write(ListenersTest.EVENT.formatted("after").getBytes(StandardCharsets.UTF_8));
                out.flush();
                ListenersTest.await(() -> got.size() == 1);
            }
            assertThat(tcp.snapshot()).containsEntry("connections_refused", 1L).containsEntry("idle_closed", 2L);
        }
    }
}
