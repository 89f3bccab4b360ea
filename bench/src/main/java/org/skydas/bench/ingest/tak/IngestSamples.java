package org.skydas.bench.ingest.tak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.skydas.testkit.SharedData;

/** Shared sample files for the CoT, TAK and Remote ID benchmarks and fuzzers. */
public final class IngestSamples {

    private IngestSamples() {
    }

    public static Path file(String relative) {
        Path p = SharedData.root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("shared data missing: " + p + " (set SKYDAS_SHARED_DATA)");
        }
        return p;
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every CoT XML sample (examples/**.cot and samples/*\/*.xml), as bytes. */
    public static List<byte[]> cotSamples() {
        List<byte[]> out = new ArrayList<>();
        Path root = file("data/protocols/cot-tak");
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted().toList()) {
                String n = p.toString();
                if (n.endsWith(".cot") || (n.contains("/samples/") && n.endsWith(".xml"))) {
                    out.add(Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
