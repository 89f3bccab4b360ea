package org.skydas.ingest.json;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.Dumper;

/**
 * {@code skydas decode json FILE}: newline-delimited Skydas detections (blank lines ignored). Each
 * valid line is written back in canonical form; the first invalid one ends the dump with its line
 * number and every field problem.
 */
public final class JsonDetectionDumper implements Dumper {

    @Override
    public String protocol() {
        return "json";
    }

    @Override
    public void dump(Path file, Consumer<String> jsonLine) throws IOException, DecodeException {
        DetectionParser parser = new DetectionParser();
        long lineNo = 0;
        long count = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    jsonLine.accept(DetectionJson.toJson(parser.parse(line)).toString());
                    count++;
                } catch (DetectionFormatException e) {
                    throw new DecodeException("line " + lineNo + ": " + e.getMessage());
                }
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DecodeException("line " + (lineNo + 1) + ": not UTF-8");
        }
        if (count == 0) {
            throw new DecodeException("no detection in the file");
        }
    }
}
