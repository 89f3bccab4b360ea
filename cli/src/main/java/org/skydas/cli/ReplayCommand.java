package org.skydas.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.skydas.sim.Channel;
import org.skydas.sim.MessageSink;
import org.skydas.sim.SimMessage;
import org.skydas.sim.Sleeper;
import org.skydas.sim.journal.JournalReader;
import org.skydas.sim.journal.Replayer;
import org.skydas.sim.transport.SimTransport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skydas replay}: re-sends a journal recorded by {@code skydas simulate --journal} to a Skydas server on this
 * machine, each message to the same kind of endpoint as when recorded ({@link SimRoutes}), with the recorded spacing
 * divided by {@code --speed}. The payloads go out byte for byte as recorded, timestamps included.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-send a recorded simulator journal to a Skydas server with its recorded timing.")
public final class ReplayCommand implements Callable<Integer> {

    /** Replays shorter than this (wall seconds) finish before progress lines would help. */
    private static final double PROGRESS_AFTER_S = 10;
    private static final int PROGRESS_STEPS = 10;

    @Option(names = "--journal", required = true, paramLabel = "FILE", description = "Journal written by `simulate --journal`.")
    Path journal;

    @Option(names = "--server", defaultValue = "http://127.0.0.1:8080", description = "Server (default ${DEFAULT-VALUE}).")
    String server;

    @Option(names = "--cot-port", defaultValue = "8087", description = "The server's CoT TCP port (default ${DEFAULT-VALUE}).")
    int cotPort;

    @Option(names = "--asterix-port", defaultValue = "8600", description = "The server's ASTERIX UDP port (default ${DEFAULT-VALUE}).")
    int asterixPort;

    @Option(names = "--remoteid-port", defaultValue = "8620",
            description = "The server's Remote ID UDP port (default ${DEFAULT-VALUE}).")
    int remoteIdPort;

    @Option(names = "--speed", defaultValue = "1", description = "Speed-up of the recorded timing (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--user", defaultValue = "admin",
            description = "User to post JSON detections as (default ${DEFAULT-VALUE}; password from SKYDAS_ADMIN_PASSWORD).")
    String user;

    @Override
    public Integer call() throws Exception {
        SimRoutes.requireLoopback(server);
        if (!(speed > 0 && speed <= 1000)) {
            throw new UserError("--speed must be in (0, 1000], is " + speed);
        }
        JournalReader reader = new JournalReader();
        List<SimMessage> messages = read(reader);
        if (reader.skipped() > 0) {
            // Parser messages can run over several lines; the first says what was wrong.
            System.out.println("skipped " + reader.skipped() + " bad line(s) of " + journal + "; first: "
                    + reader.firstError().lines().findFirst().orElse(""));
        }
        // Logging in is needed only for JSON detections; a CoT/ASTERIX-only journal replays without a password.
        String token = "";
        if (messages.stream().anyMatch(m -> m.channel() == Channel.DETECTION_JSON)) {
            String password = System.getenv("SKYDAS_ADMIN_PASSWORD");
            if (password == null) {
                throw new UserError("set SKYDAS_ADMIN_PASSWORD to the password of --user " + user);
            }
            token = SimulationDriver.login(server, user, password);
        }
        Replayer replayer = new Replayer(messages, speed);
        double lengthS = messages.isEmpty() ? 0 : replayer.dueS(messages.size() - 1);
        long started = System.nanoTime();
        try (SimTransport transport = new SimRoutes(server, token, cotPort, asterixPort, remoteIdPort).open()) {
            SendTally tally = new SendTally(transport);
            MessageSink sink = lengthS >= PROGRESS_AFTER_S ? new ReplayProgress(replayer, lengthS, tally) : tally;
            replayer.play(sink, new PacedSleeper());
            tally.print(System.out, transport);
        }
        System.out.printf(Locale.ROOT, "replayed %d messages in %.1f s, skipped %d%n", messages.size(),
                (System.nanoTime() - started) / 1e9, reader.skipped());
        return 0;
    }

    private List<SimMessage> read(JournalReader reader) {
        if (!Files.exists(journal)) {
            throw new UserError("journal " + journal + " does not exist");
        }
        if (!Files.isRegularFile(journal) || !Files.isReadable(journal)) {
            throw new UserError("cannot read journal " + journal + ": not a readable file");
        }
        // A lenient decoder: bytes that are not UTF-8 spoil their line (counted, skipped), not the whole journal.
        try (Reader in = new InputStreamReader(Files.newInputStream(journal), StandardCharsets.UTF_8)) {
            return reader.read(in);
        } catch (IOException e) {
            throw new UserError("cannot read journal " + journal + ": " + e.getMessage());
        }
    }

    /**
     * Sleeps until a running deadline (start plus every wait asked for so far), so that the time spent sending does
     * not add up into drift over a long replay; when sending falls behind, messages go out back to back until caught up.
     */
    static final class PacedSleeper implements Sleeper {

        private long deadline = System.nanoTime();

        @Override
        public void sleep(Duration d) throws InterruptedException {
            deadline += d.toNanos();
            long wait = deadline - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
        }
    }

    /** A progress line on stderr each time the replay passes another tenth of its length. */
    private static final class ReplayProgress implements MessageSink {

        private final Progress progress = new Progress("replay", PROGRESS_STEPS);
        private final Replayer replayer;
        private final double lengthS;
        private final MessageSink next;
        private int index;
        private int shown;

        ReplayProgress(Replayer replayer, double lengthS, MessageSink next) {
            this.replayer = replayer;
            this.lengthS = lengthS;
            this.next = next;
        }

        @Override
        public void accept(SimMessage m) {
            next.accept(m);
            double dueS = replayer.dueS(index++);
            while (shown < PROGRESS_STEPS && dueS >= lengthS * (shown + 1) / PROGRESS_STEPS) {
                shown++;
                progress.step(String.format(Locale.ROOT, "%d messages, %.0f of %.0f s", index, dueS, lengthS));
            }
        }
    }
}
