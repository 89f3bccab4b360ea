package org.skydas.ingest.remoteid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.skydas.testkit.SharedData;

/** Readers for the shared Remote ID reference files (TSV of payloads, tshark dissector text). */
final class OdidReference {

    static final String DIR = "data/protocols/remoteid/";

    record Row(String capture, int frame, String transport, Boolean crcOk, int counter, String hex) {
        byte[] bytes() {
            return HexFormat.of().parseHex(hex);
        }
    }

    private OdidReference() {
    }

    static List<Row> tsv() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.require(DIR + "captures/odid_payloads_extracted.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Boolean crc = f[3].isEmpty() ? null : f[3].equals("1");
            rows.add(new Row(f[0], Integer.parseInt(f[1]), f[2], crc, Integer.parseInt(f[4]), f[5]));
        }
        return rows;
    }

    /** One dissected ODID message: its title and its "key: value" lines in order (keys may repeat). */
    record Dissected(String title, List<String[]> fields) {
        String first(String key) {
            for (String[] kv : fields) {
                if (kv[0].equals(key)) {
                    return kv[1];
                }
            }
            return null;
        }

        List<String> all(String key) {
            List<String> out = new ArrayList<>();
            for (String[] kv : fields) {
                if (kv[0].equals(key)) {
                    out.add(kv[1]);
                }
            }
            return out;
        }
    }

    private static final Pattern FRAME = Pattern.compile("^Frame (\\d+): .*");
    private static final Pattern BITFIELD = Pattern.compile("^[01. ]+ = ([^:]+): (.*)$");
    private static final Pattern FIELD = Pattern.compile("^([^:]+): (.*)$");

    /** frame number → the ODID messages the Lua dissector printed for it (pack header excluded). */
    static Map<Integer, List<Dissected>> tshark(String capture) throws IOException {
        Path p = SharedData.require(DIR + "tshark/" + capture + ".odid-dissector-V.txt");
        Map<Integer, List<Dissected>> out = new LinkedHashMap<>();
        int frame = -1;
        Dissected current = null;
        for (String raw : Files.readAllLines(p, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            Matcher fm = FRAME.matcher(raw);
            if (fm.matches()) {
                frame = Integer.parseInt(fm.group(1));
                current = null;
                continue;
            }
            String line = raw.strip();
            if (line.startsWith("Open Drone ID - ")) {
                if (line.contains("Message Pack")) {
                    current = null;
                    continue;
                }
                current = new Dissected(line.substring("Open Drone ID - ".length()), new ArrayList<>());
                out.computeIfAbsent(frame, k -> new ArrayList<>()).add(current);
                continue;
            }
            if (current == null || !raw.startsWith("            ")) {
                if (!raw.startsWith("            ")) {
                    current = null;
                }
                continue;
            }
            Matcher m = BITFIELD.matcher(line);
            if (!m.matches()) {
                m = FIELD.matcher(line);
                if (!m.matches()) {
                    continue;
                }
            }
            current.fields().add(new String[] {m.group(1).strip(), m.group(2)});
        }
        return out;
    }

    /** The number in the last parentheses, e.g. "None  (0)" → 0. */
    static int code(String value) {
        String v = value.substring(value.lastIndexOf('(') + 1, value.lastIndexOf(')'));
        return Integer.parseInt(v.strip());
    }

    /** The SI value in parentheses ("2474 (237.0 m, 777.6 ft)" → 237.0), NaN for "(Unknown)". */
    static double si(String value) {
        int open = value.indexOf('(');
        String inner = value.substring(open + 1, value.lastIndexOf(')'));
        if (inner.startsWith("Unknown")) {
            return Double.NaN;
        }
        String number = inner.split("[ ,]")[0];
        return Double.parseDouble(number);
    }

    /** The raw integer before the parentheses. */
    static long raw(String value) {
        return Long.parseLong(value.split(" ")[0]);
    }
}
