package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.model.Scenario;
import org.skydas.store.watch.WatchStore;
import org.skydas.watch.LivePipeline;

/**
 * Request bodies are limited while they stream: a 400 MB body, chunked or declared, to the open login
 * route is refused with 413 after about 1 MiB; the rest is never read (the client cannot even send it)
 * and the server's heap does not grow with it; the error does not echo the body.
 */
class BodyLimitTest {

    @TempDir
    Path dir;
    WatchServices watch;
    LivePipeline pipeline;
    SkydasServer server;

    @BeforeEach
    void start() throws Exception {
        watch = new WatchServices(WatchStore.openSqlite(dir));
        watch.ensureAdmin("admin-password-long");
        watch.addUser("cam", org.skydas.server.auth.Role.SENSOR, "camera-password");
        Scenario s = LivePipelineTest.square();
        pipeline = WatchWiring.pipeline(s, watch, 1_000);
        server = new SkydasServer(new ScenarioView(s), "memory", watch).withLive(pipeline, List::of).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        pipeline.close();
        watch.close();
    }

    /** What one attempt did: the response's status line and body, and how much the client got to send. */
    record Attempt(String status, String body, long sent) {
    }

    @Test
    void aChunked400MbLoginIsRefusedAfterOneMebibyteWithoutReadingTheRest() throws Exception {
        long heapBefore = usedHeap();
        Attempt a = send("/api/login", 400L << 20, true, null);
        long heapAfter = usedHeap();
        System.out.printf("event=chunked_body_refused attempted_bytes=%d sent_bytes=%d heap_growth_bytes=%d%n",
                400L << 20, a.sent(), heapAfter - heapBefore);
        assertThat(a.status()).contains(" 413 ");
        assertThat(a.sent()).as("bytes the client could send before the server hung up").isLessThan(64L << 20);
        assertThat(a.body()).doesNotContain("aaaaaaaaaa");
        assertThat(heapAfter - heapBefore).as("heap growth, bytes").isLessThan(48L << 20);
        // The server is fine afterwards.
        assertThat(send("/api/health", 0, false, null).status()).contains(" 200 ");
    }

    @Test
    void aDeclared400MbBodyIsRefusedAtOnce() throws Exception {
        Attempt a = send("/api/login", 400L << 20, false, null);
        assertThat(a.status()).contains(" 413 ");
        assertThat(a.sent()).isLessThan(64L << 20);
        assertThat(a.body()).contains("over the limit");
    }

    @Test
    void detectionsMayBeLargerButNotUnlimited() throws Exception {
        String token = watch.login("cam", "camera-password").orElseThrow();
        // 2 MiB of JSON (an empty batch padded with spaces): over the default, under the detections' 8 MiB.
        assertThat(send("/api/detections", 2L << 20, true, token).status()).contains(" 202 ");
        assertThat(send("/api/detections", 2L << 20, false, token).status()).contains(" 202 ");
        assertThat(send("/api/detections", 64L << 20, true, token).status()).contains(" 413 ");
    }

    static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /**
     * POSTs {@code size} bytes to {@code path} (chunked or with Content-Length) over a raw socket, reading
     * the response on another thread, and stops sending when the server answers and hangs up.
     */
    Attempt send(String path, long size, boolean chunked, String token) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            CompletableFuture<String[]> response = CompletableFuture.supplyAsync(() -> readResponse(socket));
            OutputStream out = socket.getOutputStream();
            boolean detections = path.equals("/api/detections");
            String head = (size == 0 ? "GET " : "POST ") + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "Content-Type: application/json\r\n"
                    + (size == 0 ? "" : chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n")
                    + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] prefix = (detections ? "[" : "{\"username\":\"").getBytes(StandardCharsets.US_ASCII);
            byte[] suffix = (detections ? "]" : "\"}").getBytes(StandardCharsets.US_ASCII);
            byte[] filler = new byte[64 * 1024];
            Arrays.fill(filler, (byte) (detections ? ' ' : 'a'));
            long sent = 0;
            try {
                while (sent < size && !response.isDone()) {
                    byte[] piece = filler;
                    long left = size - sent;
                    if (sent == 0) {
                        piece = Arrays.copyOf(prefix, Math.min(filler.length, (int) Math.min(left, filler.length)));
                        Arrays.fill(piece, prefix.length, piece.length, filler[0]);
                    } else if (left <= filler.length) {
                        piece = Arrays.copyOf(filler, (int) left);
                        System.arraycopy(suffix, 0, piece, piece.length - suffix.length, suffix.length);
                    }
                    if (chunked) {
                        out.write((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(piece);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    sent += piece.length;
                }
                if (chunked && sent >= size) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException hungUp) {
                // The server answered and closed the connection: what we wanted.
            }
            String[] r = response.get(60, TimeUnit.SECONDS);
            return new Attempt(r[0], r[1], sent);
        }
    }

    static String[] readResponse(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                buf.write(b);
                String s = buf.toString(StandardCharsets.ISO_8859_1);
                if (s.endsWith("\r\n\r\n")) {
                    break;
                }
            }
            String headers = buf.toString(StandardCharsets.ISO_8859_1);
            int length = 0;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            byte[] body = in.readNBytes(length);
            return new String[] {headers.split("\r\n")[0], new String(body, StandardCharsets.UTF_8)};
        } catch (IOException e) {
            return new String[] {"no response: " + e, ""};
        }
    }
}
