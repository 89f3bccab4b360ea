package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.ingest.listen.ListenerStats;
import org.skydas.model.Scenario;
import org.skydas.model.demo.DemoScenario;
import org.skydas.server.auth.Role;
import org.skydas.sim.Channel;
import org.skydas.sim.SimMessage;
import org.skydas.sim.journal.JournalReader;
import org.skydas.sim.journal.JournalWriter;
import org.skydas.store.ScenarioStore;
import org.skydas.watch.LivePipeline;

import com.sun.net.httpserver.HttpServer;

/**
 * {@code skydas simulate --journal} records what the simulator sends and {@code skydas replay} (run as a child process,
 * as a user runs it) sends the same bytes again, per channel and in order, to the same kind of endpoint: test sockets
 * that keep what arrives, and a real Skydas server that must decode it.
 */
class ReplayCommandTest {

    @TempDir
    static Path dir;
    static Scenario demo;
    static Path scenarioFile;
    /** Demo simulation recorded through SimulationDriver + JournalRecorder, as {@code simulate --journal} does. */
    static Path recorded;
    /** What the test endpoints received while recording, per channel. */
    static Map<Channel, List<byte[]>> liveArrivals;
    static long cotBytesLive;

    @BeforeAll
    static void recordADemoRun() throws Exception {
        demo = new DemoScenario().build();
        scenarioFile = dir.resolve("demo.gpkg");
        ScenarioStore.write(demo, scenarioFile);
        recorded = dir.resolve("demo.journal");
        try (Endpoints live = new Endpoints()) {
            SimulationDriver driver = new SimulationDriver(demo, SimulationDriver.demoScript(demo, 20_261_127L),
                    live.routes(), 1000);
            try (JournalRecorder recorder = JournalRecorder.open(recorded)) {
                driver.recordTo(recorder);
                // 450 simulated seconds: the Remote ID drone comes in range of its receiver after about 390 s.
                driver.run(120, 450);
            } finally {
                driver.close();
            }
            assertThat(driver.transport().failed()).as(driver.transport().lastError()).isZero();
            long udp = driver.sent().get(Channel.ASTERIX).get() + driver.sent().get(Channel.REMOTE_ID).get();
            live.awaitUdp(udp);
            // CoT is a TCP stream: wait until all of it has arrived, not only the datagrams.
            live.awaitCot(concat(byChannel(new JournalReader().read(recorded)).get(Channel.COT)).length);
            liveArrivals = live.arrivals();
            cotBytesLive = live.cotBytes().length;
        }
    }

    @Test
    void theJournalHoldsWhatSimulateSentAndReplaySendsTheSameBytesPerChannelInOrder() throws Exception {
        JournalReader reader = new JournalReader();
        List<SimMessage> journal = reader.read(recorded);
        assertThat(reader.skipped()).isZero();
        Map<Channel, List<byte[]>> recordedPayloads = byChannel(journal);
        for (Channel c : Channel.values()) {
            // SAPIENT nodes, the GMTI radar and the ONVIF camera are simulated by `skydas demo` only (a node needs
            // its session with the fusion node).
            if (c != Channel.SAPIENT && c != Channel.GMTI && c != Channel.ONVIF) {
                assertThat(recordedPayloads.get(c)).as("demo messages on %s", c).isNotEmpty();
            }
        }
        // simulate --journal recorded exactly what reached the endpoints (CoT is a stream: compare concatenations).
        assertSamePayloads(liveArrivals, recordedPayloads, "recorded vs. sent live");

        try (Endpoints replayed = new Endpoints()) {
            Run run = replay(replayed, "--speed", "300");
            assertThat(run.exit()).as(run.toString()).isZero();
            replayed.awaitUdp(recordedPayloads.get(Channel.ASTERIX).size() + recordedPayloads.get(Channel.REMOTE_ID).size());
            replayed.awaitCot(concat(recordedPayloads.get(Channel.COT)).length);
            assertSamePayloads(replayed.arrivals(), recordedPayloads, "replayed vs. recorded");
            for (Channel c : Channel.values()) {
                assertThat(run.stdout()).contains("sent " + c.name().toLowerCase() + " " + recordedPayloads.get(c).size());
            }
            assertThat(run.stdout()).contains("failed 0, unrouted 0").contains("skipped 0");
            assertThat(replayed.authorizations).as("every detection posted with the login's token")
                    .isNotEmpty().allMatch("Bearer token-of-replayer"::equals);
        }
    }

    @Test
    void simulateWithJournalRecordsEveryMessageItSends() throws Exception {
        Path file = dir.resolve("simulate.journal");
        try (Endpoints endpoints = new Endpoints()) {
            Run run = run(Endpoints.PASSWORD, "simulate", "--scenario", scenarioFile.toString(), "--server",
                    "http://127.0.0.1:" + endpoints.http.getAddress().getPort(), "--cot-port",
                    String.valueOf(endpoints.cot.getLocalPort()), "--asterix-port",
                    String.valueOf(endpoints.asterixSocket.getLocalPort()), "--user", "replayer", "--speed", "50",
                    "--duration", "2", "--journal", file.toString());
            assertThat(run.exit()).as(run.toString()).isZero();
            List<SimMessage> journal = new JournalReader().read(file);
            Map<Channel, List<byte[]>> recorded = byChannel(journal);
            for (Channel c : Channel.values()) {
                assertThat(run.stdout()).contains("sent " + c.name().toLowerCase() + " " + recorded.get(c).size());
            }
            assertThat(run.stdout()).contains("journal " + file + " " + journal.size());
            assertThat(recorded.get(Channel.ASTERIX)).isNotEmpty();
            endpoints.awaitUdp(recorded.get(Channel.ASTERIX).size());
            assertThat(endpoints.asterix.stream().map(Arrival::bytes).toList()).as("what arrived is what was recorded")
                    .usingElementComparator(Arrays::compare).containsExactlyElementsOf(recorded.get(Channel.ASTERIX));
        }
    }

    @Test
    void replayKeepsTheRecordedSpacingDividedBySpeed() throws Exception {
        // One ASTERIX-channel datagram at 0, 2 and 6 s: gaps of 2 and 4 s.
        Path file = dir.resolve("spaced.journal");
        writeJournal(file, List.of(udp(0, 1), udp(2, 2), udp(6, 3)), null);
        double[] fast = replayArrivals(file, 8);
        double[] slow = replayArrivals(file, 4);
        // Never early: each datagram arrives no sooner after the replay was started than its recorded offset / speed
        // (the replayer keeps absolute deadlines, so a late datagram is followed by a shorter gap: gaps between arrivals
        // prove nothing on a busy machine). Late is what a busy machine does, so the upper bounds are wide: at speed 1
        // the recording's 6 s would take 6 s, at speeds 8 and 4 far less.
        checkNeverEarly(fast, 8);
        checkNeverEarly(slow, 4);
        assertThat(fast[2] - fast[0]).as("speed 8 replays 6 s of recording: %s", Arrays.toString(fast)).isLessThan(3.0);
        assertThat(slow[2] - slow[0]).as("speed 4 replays 6 s of recording: %s", Arrays.toString(slow)).isLessThan(4.5);
    }

    private static void checkNeverEarly(double[] arrivals, int speed) {
        assertThat(arrivals[1]).as("second datagram at speed %d: %s", speed, Arrays.toString(arrivals))
                .isGreaterThanOrEqualTo(2.0 / speed);
        assertThat(arrivals[2]).as("third datagram at speed %d: %s", speed, Arrays.toString(arrivals))
                .isGreaterThanOrEqualTo(6.0 / speed);
    }

    @Test
    void corruptLinesAreCountedAndSkippedAndTheGoodOnesReplayed() throws Exception {
        Path file = dir.resolve("corrupt.journal");
        writeJournal(file, List.of(udp(0, 1), udp(0.1, 2), udp(0.2, 3)),
                "{\"t\":0.05,\"time\":\"2026-11-27T04:00:00Z\",\"source\":\"x\",\"channel\":\"teletype\",\"text\":\"?\"}");
        // ...and a line cut off mid-write, as a killed run can leave it.
        Files.writeString(file, Files.readString(file) + "{\"t\":0.3,\"time\":\"2026-11-27T04:0", StandardCharsets.UTF_8);
        try (Endpoints endpoints = new Endpoints()) {
            Run run = replay(endpoints, file, "--speed", "10");
            assertThat(run.exit()).as(run.toString()).isZero();
            endpoints.awaitUdp(3);
            assertThat(endpoints.asterix.stream().map(a -> (int) a.bytes()[0]).toList()).containsExactly(1, 2, 3);
            assertThat(run.stdout()).contains("skipped 2 bad line(s) of " + file + "; first: line 2: unknown channel 'teletype'\n")
                    .contains("sent asterix 3").contains("replayed 3 messages").contains("skipped 2");
        }
    }

    @Test
    void aMissingOrUnreadableJournalIsOneLineAndExitCode2() throws Exception {
        Run missing = run(null, "replay", "--journal", dir.resolve("nope.journal").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.stderr().strip()).isEqualTo("skydas: journal " + dir.resolve("nope.journal") + " does not exist");
        Run directory = run(null, "replay", "--journal", dir.toString());
        assertThat(directory.exit()).isEqualTo(2);
        assertThat(directory.stderr().strip()).startsWith("skydas: cannot read journal").doesNotContain("\n");
    }

    @Test
    void aReplayedDemoRunIsDecodedByARealServer() throws Exception {
        ServeCommand.Running r = ServeCommand.start(scenarioFile, "127.0.0.1", 0, dir.resolve("data"), null,
                new Feeds.Ports(0, -1, 0, null, null, 0, null, null), -1, LivePipeline.DEFAULT_WINDOW_S, TerrainFiles.NONE);
        try {
            r.watch().addUser("replayer", Role.SENSOR, "replay-password");
            Run run = run("replay-password", "replay", "--journal", recorded.toString(), "--speed", "300",
                    "--user", "replayer", "--server", "http://127.0.0.1:" + r.server().port(),
                    "--cot-port", String.valueOf(r.cotPort()), "--asterix-port", String.valueOf(r.feeds().asterixPort()),
                    "--remoteid-port", String.valueOf(r.feeds().remoteIdPort()));
            assertThat(run.exit()).as(run.toString()).isZero();
            assertThat(run.stdout()).contains("failed 0, unrouted 0");
            Map<Channel, List<byte[]>> sent = byChannel(new JournalReader().read(recorded));
            long cot = sent.get(Channel.COT).size();
            await(() -> decoded(r, "cot-tcp") >= cot && decoded(r, "asterix-plots") > 0 && decoded(r, "remoteid-udp") > 0);
            assertThat(decoded(r, "cot-tcp")).as("%s", r.feeds().stats()).isEqualTo(cot);
            assertThat(decoded(r, "asterix-plots")).isPositive();
            assertThat(decoded(r, "remoteid-udp")).isPositive();
            assertThat(((Number) r.server().liveStats().get("json-http")).longValue())
                    .isEqualTo(sent.get(Channel.DETECTION_JSON).size());
        } finally {
            r.close();
        }
    }

    // ---- helpers ----

    private static long decoded(ServeCommand.Running r, String listener) {
        return r.feeds().stats().stream().filter(s -> s.name().equals(listener)).mapToLong(ListenerStats::decodedCount).sum();
    }

    /** Seconds from just before the replay starts to each datagram's arrival. */
    private double[] replayArrivals(Path file, double speed) throws Exception {
        try (Endpoints endpoints = new Endpoints()) {
            long started = System.nanoTime();
            Run run = replay(endpoints, file, "--speed", String.valueOf(speed));
            assertThat(run.exit()).as(run.toString()).isZero();
            endpoints.awaitUdp(3);
            List<Arrival> a = endpoints.asterix;
            return new double[] {(a.get(0).nanos() - started) / 1e9, (a.get(1).nanos() - started) / 1e9,
                (a.get(2).nanos() - started) / 1e9};
        }
    }

    private static SimMessage udp(double t, int marker) {
        return new SimMessage(t, Instant.parse("2026-11-27T04:00:00Z").plusMillis((long) (t * 1000)), "radar-1",
                Channel.ASTERIX, new byte[] {(byte) marker, 0x30, 0x00, 0x03});
    }

    /** Writes messages as JournalWriter does, with {@code extraSecondLine} (if any) as the journal's second line. */
    private static void writeJournal(Path file, List<SimMessage> messages, String extraSecondLine) throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        try (JournalWriter w = new JournalWriter(text)) {
            messages.forEach(w::accept);
        }
        List<String> lines = new ArrayList<>(text.toString().lines().toList());
        if (extraSecondLine != null) {
            lines.add(1, extraSecondLine);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private Run replay(Endpoints e, String... more) throws Exception {
        return replay(e, recorded, more);
    }

    private Run replay(Endpoints e, Path journal, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("replay", "--journal", journal.toString(), "--server",
                "http://127.0.0.1:" + e.http.getAddress().getPort(), "--cot-port", String.valueOf(e.cot.getLocalPort()),
                "--asterix-port", String.valueOf(e.asterixSocket.getLocalPort()), "--remoteid-port",
                String.valueOf(e.remoteIdSocket.getLocalPort()), "--user", "replayer"));
        args.addAll(List.of(more));
        return run(Endpoints.PASSWORD, args.toArray(String[]::new));
    }

    record Run(int exit, String stdout, String stderr) {
    }

    /** {@code skydas ARGS} in a child JVM, with SKYDAS_ADMIN_PASSWORD set when {@code password} is given. */
    private static Run run(String password, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.skydas.cli.Main"));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
        if (password != null) {
            pb.environment().put("SKYDAS_ADMIN_PASSWORD", password);
        } else {
            pb.environment().remove("SKYDAS_ADMIN_PASSWORD");
        }
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
    }

    private static Map<Channel, List<byte[]>> byChannel(List<SimMessage> messages) {
        Map<Channel, List<byte[]>> m = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            m.put(c, new ArrayList<>());
        }
        messages.forEach(x -> m.get(x.channel()).add(x.payload()));
        return m;
    }

    private static void assertSamePayloads(Map<Channel, List<byte[]>> actual, Map<Channel, List<byte[]>> expected,
                                           String what) {
        for (Channel c : List.of(Channel.ASTERIX, Channel.REMOTE_ID, Channel.DETECTION_JSON)) {
            List<byte[]> a = actual.get(c);
            List<byte[]> e = expected.get(c);
            assertThat(a).as("%s: %s count", what, c).hasSameSizeAs(e);
            for (int i = 0; i < e.size(); i++) {
                assertThat(a.get(i)).as("%s: %s message %d", what, c, i).isEqualTo(e.get(i));
            }
        }
        assertThat(concat(actual.get(Channel.COT))).as("%s: the CoT stream", what).isEqualTo(concat(expected.get(Channel.COT)));
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    record Arrival(long nanos, byte[] bytes) {
    }

    /**
     * Stand-ins for a server's inputs on loopback: {@code /api/login} and {@code /api/detections} over HTTP, a CoT TCP
     * port, ASTERIX and Remote ID UDP ports. Each keeps what arrives, in order, with its arrival time.
     */
    static final class Endpoints implements AutoCloseable {

        static final String PASSWORD = "replay-password";

        final HttpServer http;
        final ServerSocket cot;
        final DatagramSocket asterixSocket;
        final DatagramSocket remoteIdSocket;
        final List<Arrival> asterix = new CopyOnWriteArrayList<>();
        final List<Arrival> remoteId = new CopyOnWriteArrayList<>();
        final List<Arrival> detections = new CopyOnWriteArrayList<>();
        final List<String> authorizations = new CopyOnWriteArrayList<>();
        private final ByteArrayOutputStream cotStream = new ByteArrayOutputStream();
        private final List<Thread> threads = new ArrayList<>();

        Endpoints() throws IOException {
            InetAddress lo = InetAddress.getLoopbackAddress();
            http = HttpServer.create(new InetSocketAddress(lo, 0), 0);
            http.createContext("/api/login", x -> {
                String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean ok = body.contains("\"replayer\"") && body.contains("\"" + PASSWORD + "\"");
                byte[] answer = (ok ? "{\"token\":\"token-of-replayer\"}" : "{\"error\":\"no\"}").getBytes(StandardCharsets.UTF_8);
                x.sendResponseHeaders(ok ? 200 : 401, answer.length);
                x.getResponseBody().write(answer);
                x.close();
            });
            http.createContext("/api/detections", x -> {
                detections.add(new Arrival(System.nanoTime(), x.getRequestBody().readAllBytes()));
                authorizations.add(x.getRequestHeaders().getFirst("Authorization"));
                x.sendResponseHeaders(202, -1);
                x.close();
            });
            http.start();
            cot = new ServerSocket(0, 50, lo);
            asterixSocket = udpSocket(lo);
            remoteIdSocket = udpSocket(lo);
            start(() -> {
                try (Socket s = cot.accept(); InputStream in = s.getInputStream()) {
                    byte[] buf = new byte[65_536];
                    for (int n; (n = in.read(buf)) >= 0; ) {
                        synchronized (cotStream) {
                            cotStream.write(buf, 0, n);
                        }
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            start(() -> receive(asterixSocket, asterix));
            start(() -> receive(remoteIdSocket, remoteId));
        }

        private static DatagramSocket udpSocket(InetAddress lo) throws IOException {
            DatagramSocket s = new DatagramSocket(new InetSocketAddress(lo, 0));
            s.setReceiveBufferSize(8 << 20); // the simulator sends a whole radar scan at once
            return s;
        }

        private void start(Runnable r) {
            Thread t = new Thread(r, "replay-test-endpoint");
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }

        private static void receive(DatagramSocket s, List<Arrival> into) {
            byte[] buf = new byte[65_536];
            while (!s.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    s.receive(p);
                } catch (IOException closed) {
                    return;
                }
                into.add(new Arrival(System.nanoTime(), Arrays.copyOf(p.getData(), p.getLength())));
            }
        }

        SimRoutes routes() {
            return new SimRoutes("http://127.0.0.1:" + http.getAddress().getPort(), "token-of-replayer", cot.getLocalPort(),
                    asterixSocket.getLocalPort(), remoteIdSocket.getLocalPort());
        }

        void awaitUdp(long n) throws InterruptedException {
            await(() -> asterix.size() + remoteId.size() >= n);
        }

        void awaitCot(long bytes) throws InterruptedException {
            await(() -> cotBytes().length >= bytes);
        }

        byte[] cotBytes() {
            synchronized (cotStream) {
                return cotStream.toByteArray();
            }
        }

        Map<Channel, List<byte[]>> arrivals() {
            Map<Channel, List<byte[]>> m = new EnumMap<>(Channel.class);
            m.put(Channel.ASTERIX, asterix.stream().map(Arrival::bytes).toList());
            m.put(Channel.REMOTE_ID, remoteId.stream().map(Arrival::bytes).toList());
            m.put(Channel.DETECTION_JSON, detections.stream().map(Arrival::bytes).toList());
            m.put(Channel.COT, List.of(cotBytes()));
            return m;
        }

        @Override
        public void close() throws IOException {
            http.stop(0);
            cot.close();
            asterixSocket.close();
            remoteIdSocket.close();
        }
    }
}
