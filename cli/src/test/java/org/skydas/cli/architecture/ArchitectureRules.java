package org.skydas.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.JohnsonSimpleCycles;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * The architecture rules of ARCHITECTURE.md as ArchUnit rules over the packages below a root package
 * ({@code org.skydas} for the product, a fixture package in the tests that show each rule can fail). Package names
 * are relative to the root: module {@code track} is {@code ROOT.track..}.
 */
final class ArchitectureRules {

    /**
     * Package cycles that exist today and are to be removed, each with the only classes its thin edge may use.
     * Nothing else may form a cycle, and an entry whose cycle is gone fails the check too, so that it is deleted.
     */
    static final List<DocumentedCycle> DOCUMENTED_CYCLES = List.of(
            // server.ops (retention purger, storage guard) runs against server.WatchServices, which wires them.
            new DocumentedCycle(Set.of("server", "server.ops"), "server.ops", "server", Set.of("WatchServices"),
                    "issue #18 part 1 (the watch store behind ports owned by `watch`) is to remove it"),
            // HeightAboveGround (terrain) reads DEM files itself (terrain.io.DemReader), and io returns terrain's grids.
            new DocumentedCycle(Set.of("terrain", "terrain.io"), "terrain", "terrain.io", Set.of("DemReader"),
                    "no issue yet: HeightAboveGround.read(List<Path>) belongs beside DemReader or with its callers"),
            // HeightAboveGround (terrain) projects WGS84 with terrain.warp.CrsTransform, and warp works on terrain's grids.
            new DocumentedCycle(Set.of("terrain", "terrain.warp"), "terrain", "terrain.warp", Set.of("CrsTransform"),
                    "no issue yet: CrsTransform (a proj4j wrapper) belongs in terrain itself"),
            // The sensor emitters write to sim.MessageSink on a sim.Channel; sim.Simulation creates the emitters.
            new DocumentedCycle(Set.of("sim", "sim.sensor"), "sim.sensor", "sim",
                    Set.of("Channel", "MessageSink", "SimMessage"),
                    "no issue yet: the message types (Channel, MessageSink, SimMessage) belong in a package below both"));

    /**
     * A package cycle tolerated for now: its packages (relative to the root), and its thin edge, from
     * {@code fromPackage} to {@code toPackage}, limited to the classes {@code allowedTargets} (simple names).
     */
    record DocumentedCycle(Set<String> packages, String fromPackage, String toPackage, Set<String> allowedTargets,
                           String why) {
        DocumentedCycle {
            packages = Set.copyOf(packages);
            allowedTargets = Set.copyOf(allowedTargets);
            if (!packages.contains(fromPackage) || !packages.contains(toPackage)) {
                throw new IllegalArgumentException("the thin edge must join packages of the cycle " + packages);
            }
        }
    }

    private ArchitectureRules() {
    }

    /** Every class below the root belongs to a module of the table (a new top-level package needs a table row). */
    static ArchRule everyPackageBelongsToAModule(String root, ModuleTable table) {
        return classes().that().resideInAPackage(root + "..")
                .should().resideInAnyPackage(table.modules().stream().map(m -> root + "." + m + "..").toArray(String[]::new))
                .as("every class below " + root + " belongs to a module of ARCHITECTURE.md's table")
                .allowEmptyShould(true);
    }

    /**
     * Each module's classes depend only on the JDK, the modules its row lists (and theirs, transitively), and the
     * libraries those rows name.
     */
    static ArchRule modulesDependOnlyOnWhatTheTableLists(String root, ModuleTable table) {
        List<ArchRule> rules = new ArrayList<>();
        for (String module : table.modules()) {
            List<String> allowed = table.allowedPackages(root, module);
            rules.add(classes().that().resideInAPackage(root + "." + module + "..")
                    .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
                    .as("module " + module + " depends only on " + String.join(", ", allowed))
                    .allowEmptyShould(true));
        }
        return CompositeArchRule.of(rules);
    }

    /** The tracker core (track, except its CSV harness track.io) imports neither the harness nor Jackson. */
    static ArchRule trackerCoreImportsNeitherItsHarnessNorJackson(String root) {
        return noClasses().that().resideInAPackage(root + ".track..").and().resideOutsideOfPackage(root + ".track.io..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".track.io..", "com.fasterxml.jackson..")
                .as("the tracker core (" + root + ".track.. except track.io) imports neither track.io nor Jackson")
                .allowEmptyShould(true);
    }

    /** Most cycles listed in one report: beyond that, the list helps nobody. */
    private static final int MAX_CYCLES = 100;

    /**
     * What is wrong with the package cycles below the root, given the documented ones: every elementary cycle of
     * packages that is not documented (with the class dependencies along it), a documented cycle whose thin edge uses
     * classes beyond the documented ones, and a documented cycle that is gone. Empty when all is well.
     *
     * <p>The cycles are found with JGraphT on the package graph of ArchUnit's imported classes, not with ArchUnit's
     * {@code slices().should().beFreeOfCycles()}: ArchUnit 1.5.0's search (TarjanComponentFinder) returns the first
     * strongly connected component it reaches from the lowest unvisited node, not the one with the lowest node, and
     * then skips past the others: on Skydas' classes (December 2026) it reported terrain's two cycles and missed the
     * five others (server twice, track twice, sim).
     */
    static List<String> cycleProblems(String root, JavaClasses classes, List<DocumentedCycle> documented) {
        PackageGraph graph = PackageGraph.of(root, classes);
        List<List<String>> cycles = new ArrayList<>();
        try {
            new JohnsonSimpleCycles<>(graph.graph()).findSimpleCycles(cycle -> {
                if (cycles.size() == MAX_CYCLES) throw new TooManyCycles();
                cycles.add(cycle);
            });
        } catch (TooManyCycles e) {
            // reported below with the first MAX_CYCLES
        }
        List<String> problems = new ArrayList<>();
        Set<Set<String>> found = new HashSet<>();
        for (List<String> cycle : cycles) {
            Set<String> packages = Set.copyOf(cycle);
            found.add(packages);
            if (documented.stream().noneMatch(d -> d.packages().equals(packages))) {
                problems.add("package cycle " + graph.describe(cycle) + " is not allowed:\n" + graph.details(cycle));
            }
        }
        if (cycles.size() == MAX_CYCLES) problems.add("(stopped after " + MAX_CYCLES + " cycles)");
        for (DocumentedCycle d : documented) {
            if (!found.contains(d.packages())) {
                problems.add("the documented cycle " + new TreeSet<>(d.packages()) + " is gone (" + d.why()
                        + "): delete it from ArchitectureRules.DOCUMENTED_CYCLES");
                continue;
            }
            Set<String> beyond = new TreeSet<>();
            for (Dependency dep : graph.dependencies(d.fromPackage(), d.toPackage())) {
                if (!d.allowedTargets().contains(dep.getTargetClass().getSimpleName())) beyond.add(dep.getDescription());
            }
            if (!beyond.isEmpty()) {
                problems.add("the documented cycle " + new TreeSet<>(d.packages()) + " may go from " + d.fromPackage()
                        + " to " + d.toPackage() + " only through " + new TreeSet<>(d.allowedTargets())
                        + ", but also goes through:\n  " + String.join("\n  ", beyond));
            }
        }
        return problems;
    }

    private static final class TooManyCycles extends RuntimeException {
        TooManyCycles() {
            super(null, null, false, false);
        }
    }

    /** Packages below the root (names relative to it) with an edge where a class of one uses a class of another. */
    record PackageGraph(String root, Graph<String, DefaultEdge> graph, Map<List<String>, List<Dependency>> edges) {

        static PackageGraph of(String root, JavaClasses classes) {
            Graph<String, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
            Map<List<String>, List<Dependency>> edges = new LinkedHashMap<>();
            for (JavaClass c : classes) {
                String from = relative(root, c.getPackageName());
                if (from == null) continue;
                graph.addVertex(from);
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    String to = relative(root, d.getTargetClass().getPackageName());
                    if (to == null || to.equals(from)) continue;
                    graph.addVertex(to);
                    if (!graph.containsEdge(from, to)) graph.addEdge(from, to);
                    edges.computeIfAbsent(List.of(from, to), k -> new ArrayList<>()).add(d);
                }
            }
            return new PackageGraph(root, graph, edges);
        }

        private static String relative(String root, String pkg) {
            // One String object per package: JGraphT's edges remember their end points by identity.
            return pkg.startsWith(root + ".") ? pkg.substring(root.length() + 1).intern() : null;
        }

        List<Dependency> dependencies(String from, String to) {
            return edges.getOrDefault(List.of(from, to), List.of());
        }

        /** "a -> b -> a", starting at the alphabetically first package so that a cycle always reads the same. */
        String describe(List<String> cycle) {
            int first = cycle.indexOf(cycle.stream().min(String::compareTo).orElseThrow());
            List<String> names = new ArrayList<>();
            for (int i = 0; i <= cycle.size(); i++) names.add(cycle.get((first + i) % cycle.size()));
            return String.join(" -> ", names);
        }

        /** Up to three class dependencies per edge of the cycle. */
        String details(List<String> cycle) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < cycle.size(); i++) {
                String from = cycle.get(i);
                String to = cycle.get((i + 1) % cycle.size());
                List<Dependency> deps = dependencies(from, to);
                out.append("  ").append(from).append(" -> ").append(to).append(" (").append(deps.size())
                        .append(" dependencies)\n");
                deps.stream().map(Dependency::getDescription).sorted().limit(3)
                        .forEach(d -> out.append("    - ").append(d).append('\n'));
            }
            return out.toString();
        }
    }
}
