package org.skydas.cli.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * ARCHITECTURE.md's module table ("| `module` | owns | depends on |"), read from the file itself so that the rules
 * cannot drift from the documentation: the modules each module lists, and the third-party packages it may use.
 *
 * <p>The table names libraries by their common names (JTS, Jackson, Netty…): {@link #LIBRARY_PACKAGES} maps each
 * to its Java packages, and a name this map does not know fails the table's parsing, so a new library in the table
 * must be taught here. {@link #LIBRARIES_BEYOND_THE_TABLE} adds the libraries a module's pom declares that the table
 * does not name. A module may use what it lists and, transitively, what those list (Maven's compile scope).
 */
record ModuleTable(Map<String, Set<String>> dependsOn, Map<String, Set<String>> ownLibraries) {

    /** Library names used in ARCHITECTURE.md's "depends on" column → their packages (ArchUnit package syntax). */
    static final Map<String, List<String>> LIBRARY_PACKAGES = Map.ofEntries(
            Map.entry("JTS", List.of("org.locationtech.jts..")),
            Map.entry("proj4j", List.of("org.locationtech.proj4j..")),
            Map.entry("Jackson", List.of("com.fasterxml.jackson..")),
            Map.entry("OR-Tools", List.of("com.google.ortools..")),
            Map.entry("Woodstox", List.of("com.ctc.wstx..", "org.codehaus.stax2..")),
            Map.entry("Netty", List.of("io.netty..")),
            Map.entry("Paho", List.of("org.eclipse.paho..")),
            Map.entry("sqlite-jdbc", List.of("org.sqlite..")),
            Map.entry("PostgreSQL JDBC", List.of("org.postgresql..")),
            Map.entry("zstd-jni", List.of("com.github.luben.zstd..")),
            Map.entry("protobuf-java", List.of("com.google.protobuf..")),
            Map.entry("PDFBox", List.of("org.apache.pdfbox..")),
            Map.entry("JUnit", List.of("org.junit..", "org.opentest4j..")),
            Map.entry("BouncyCastle", List.of("org.bouncycastle..")));

    /** Libraries in a module's pom that its row does not name (the row names the module's purpose, not every jar). */
    static final Map<String, List<String>> LIBRARIES_BEYOND_THE_TABLE = Map.of(
            "terrain", List.of("mil.nga.tiff.."),                                   // GeoTIFF I/O
            "siting", List.of("org.slf4j.."),
            "ingest", List.of("org.slf4j..", "uk.gov.dstl.sapientmsg.."),          // SAPIENT classes protoc generates
            "store", List.of("org.slf4j.."),
            "server", List.of("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..", "org.slf4j.."),
            "cli", List.of("picocli..", "org.slf4j.."));

    /** Every module may use the JDK. */
    static final List<String> JDK = List.of("java..", "javax..");

    /** "everything" in the table: every module but the test-only and separate ones. */
    private static final Set<String> NOT_IN_EVERYTHING = Set.of("bench", "testkit");

    static Path architectureMd() {
        return Path.of(System.getProperty("skydas.root", "..")).toAbsolutePath().normalize().resolve("ARCHITECTURE.md");
    }

    static ModuleTable read() {
        try {
            return parse(Files.readAllLines(architectureMd()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module table's header row. */
    static final String HEADER = "| module | owns | depends on |";

    /** Parses the rows "| `name` | owns | depends on |" of the table under {@link #HEADER}, up to its end. */
    static ModuleTable parse(List<String> lines) {
        Map<String, String> rows = new LinkedHashMap<>();
        int header = lines.indexOf(HEADER);
        for (int i = header + 2; header >= 0 && i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|");
            String name = cells[1].trim().replace("`", "");
            rows.put(name, cells[cells.length - 1].trim());
        }
        if (rows.isEmpty()) throw new IllegalStateException("ARCHITECTURE.md: no module table rows under " + HEADER);
        Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
        Map<String, Set<String>> libraries = new LinkedHashMap<>();
        for (var row : rows.entrySet()) {
            Set<String> modules = new TreeSet<>();
            Set<String> libs = new TreeSet<>(LIBRARIES_BEYOND_THE_TABLE.getOrDefault(row.getKey(), List.of()));
            for (String word : row.getValue().split(",")) {
                String dep = word.replaceAll("\\(.*?\\)", "").trim();   // "Jackson (harness only)", "(npm)"
                if (dep.isEmpty()) continue;
                if (dep.equals("everything")) {
                    rows.keySet().stream().filter(m -> !m.equals(row.getKey()) && !NOT_IN_EVERYTHING.contains(m))
                            .forEach(modules::add);
                } else if (rows.containsKey(dep)) {
                    modules.add(dep);
                } else if (LIBRARY_PACKAGES.containsKey(dep)) {
                    libs.addAll(LIBRARY_PACKAGES.get(dep));
                } else {
                    throw new IllegalStateException("ARCHITECTURE.md: module " + row.getKey() + " depends on '" + dep
                            + "', which is neither a module of the table nor a library ModuleTable.LIBRARY_PACKAGES knows");
                }
            }
            dependsOn.put(row.getKey(), modules);
            libraries.put(row.getKey(), libs);
        }
        return new ModuleTable(dependsOn, libraries);
    }

    Set<String> modules() {
        return dependsOn.keySet();
    }

    /** The modules {@code module} may use: those it lists and, transitively, theirs. */
    Set<String> reachable(String module) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(dependsOn.getOrDefault(module, Set.of()));
        while (!todo.isEmpty()) {
            String m = todo.pop();
            if (seen.add(m)) todo.addAll(dependsOn.getOrDefault(m, Set.of()));
        }
        return seen;
    }

    /** Packages (ArchUnit syntax) that classes of {@code module} under {@code root} may depend on. */
    List<String> allowedPackages(String root, String module) {
        List<String> allowed = new ArrayList<>(JDK);
        allowed.add(root + "." + module + "..");
        allowed.addAll(ownLibraries.getOrDefault(module, Set.of()));
        for (String m : reachable(module)) {
            allowed.add(root + "." + m + "..");
            allowed.addAll(ownLibraries.getOrDefault(m, Set.of()));
        }
        return allowed;
    }
}
