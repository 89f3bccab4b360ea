package org.skydas.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.Dumper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code skydas decode PROTOCOL FILE}: one JSON object per line per record, for cross-checking with
 * reference decoders. Raw or pcap/pcapng input (told apart by the file's magic number). A file that
 * cannot be decoded ends with a one-line error on stderr and exit code 2, after the records that did.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decode a capture (raw or pcap/pcapng) into JSON lines: asterix, cot, tak-stream, tak-mesh, "
                + "remoteid, json.")
public final class DecodeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROTOCOL", description = "One of: ${COMPLETION-CANDIDATES}",
            completionCandidates = Protocols.class)
    String protocol;

    @Parameters(index = "1", paramLabel = "FILE", description = "Capture file.")
    Path file;

    /** Decoders found on the class path, by protocol name. */
    static Map<String, Dumper> dumpers() {
        Map<String, Dumper> out = new TreeMap<>();
        ServiceLoader.load(Dumper.class).forEach(d -> out.put(d.protocol(), d));
        return out;
    }

    static final class Protocols implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return dumpers().keySet().iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        Dumper dumper = dumpers().get(protocol);
        if (dumper == null) {
            throw new UserError("unknown protocol '" + protocol + "' (one of " + String.join(", ", dumpers().keySet())
                    + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file");
        }
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        try {
            dumper.dump(file, line -> {
                try {
                    out.write(line);
                    out.write('\n');
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (DecodeException e) {
            out.flush();
            throw new UserError(file + ": " + e.getMessage());
        } finally {
            out.flush();
        }
        return 0;
    }
}
