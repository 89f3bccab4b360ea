package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.testkit.TestPki;

/**
 * {@code serve --tls-cert --tls-key --client-ca}: a CoT sender with a certificate from the CA gets its track,
 * one without or with another CA's certificate fails the handshake and is not tracked; TAK-out gives
 * tracks only to a client with a certificate; UDP feeds are on loopback; the API is HTTPS.
 */
class ServeSecurityTest {

    @TempDir
    Path dir;

    static String event(String uid, Instant t) {
        return "<?xml version=\"1.0\"?><event version=\"2.0\" uid=\"" + uid + "\" type=\"a-u-G\" how=\"m-g\" time=\"" + t
                + "\" start=\"" + t + "\" stale=\"" + t.plusSeconds(300) + "\"><point lat=\"54.40\" lon=\"24.05\" "
                + "hae=\"120\" ce=\"10\" le=\"15\"/><detail/></event>";
    }

    @Test
    void onlyCertifiedSendersAreTrackedAndOnlyCertifiedClientsGetTracks() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"), "border");
        TestPki.Issued server = pki.server("skydas");
        TestPki.Issued patrol = pki.client("patrol-7");
        TestPki.Issued intruder = TestPki.create(dir.resolve("rogue"), "rogue").client("intruder");
        Security security = new Security(java.time.Duration.ofHours(8), server.cert(), server.key(), pki.caPem(), false,
                null, null, null, null);
        Path data = dir.resolve("data");
        Path scenario = ServeCommand.ensureDemo(data);
        try (ServeCommand.Running r = ServeCommand.start(scenario, "0.0.0.0", 0, data, null,
                new Feeds.Ports(0, -1, 0, null, null, 0, null, null), 0, 0.2, TerrainFiles.NONE, security)) {
            int cot = r.cotPort();
            // UDP feeds stay on loopback when client certificates are required.
            assertThat(((InetSocketAddress) r.feeds().cot().udpLocalAddress()).getAddress().isLoopbackAddress()).isTrue();

            SSLContext good = TestPki.sslContext(patrol, pki.caCertificate());
            // A TAK client with a certificate listens; one without gets nothing.
            SSLSocket listener = (SSLSocket) good.getSocketFactory().createSocket("127.0.0.1", r.takOut().port());
            listener.startHandshake();
            listener.setSoTimeout(20_000);

            Instant t0 = Instant.now();
            try (SSLSocket s = (SSLSocket) good.getSocketFactory().createSocket("127.0.0.1", cot)) {
                OutputStream out = s.getOutputStream();
                for (int i = 0; i < 6; i++) {
                    out.write(event("patrol-7", t0.plusSeconds(i)).getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (r.pipeline().tracks().stream().noneMatch(t -> "patrol-7".equals(t.externalId()))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }
            assertThat(r.pipeline().tracks()).anyMatch(t -> "patrol-7".equals(t.externalId()));
            String received = readSome(listener.getInputStream());
            assertThat(received).contains("<event");
            listener.close();

            for (SSLContext bad : new SSLContext[] {TestPki.sslContext(null, pki.caCertificate()),
                TestPki.sslContext(intruder, pki.caCertificate())}) {
                try (SSLSocket s = (SSLSocket) bad.getSocketFactory().createSocket("127.0.0.1", cot)) {
                    s.setSoTimeout(5_000);
                    s.startHandshake();
                    OutputStream out = s.getOutputStream();
                    for (int i = 0; i < 6; i++) {
                        out.write(event("intruder", t0.plusSeconds(i)).getBytes(StandardCharsets.UTF_8));
                    }
                    out.flush();
                    s.getInputStream().read();
                } catch (java.io.IOException refused) {
                    // the handshake failed, as it should
                }
                try (SSLSocket s = (SSLSocket) bad.getSocketFactory().createSocket("127.0.0.1", r.takOut().port())) {
                    s.setSoTimeout(3_000);
                    s.startHandshake();
                    assertThat(s.getInputStream().read()).as("no tracks for a client without a certificate").isEqualTo(-1);
                } catch (java.io.IOException refused) {
                    // the handshake failed, as it should
                }
            }
            Thread.sleep(1_500);
            assertThat(r.pipeline().tracks()).noneMatch(t -> "intruder".equals(t.externalId()));
            assertThat(r.server().https()).isTrue();
            // Plaintext on the CoT port: not tracked either.
            try (Socket s = new Socket("127.0.0.1", cot)) {
                s.getOutputStream().write(event("plain", t0).getBytes(StandardCharsets.UTF_8));
                s.setSoTimeout(3_000);
                s.getInputStream().read();
            } catch (java.io.IOException closed) {
                // closed by the server
            }
            Thread.sleep(1_000);
            assertThat(r.pipeline().tracks()).noneMatch(t -> "plain".equals(t.externalId()));
        }
    }

    static String readSome(InputStream in) throws java.io.IOException {
        byte[] buf = new byte[8192];
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().contains("</event>")) {
            int n = in.read(buf);
            if (n < 0) {
                break;
            }
            sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
