package org.skydas.cli;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.skydas.cluster.SectorMap;

/**
 * What {@code cluster-demo} and {@code cluster-bench} share to run a scaled-out WATCH on this machine: the nodes as
 * {@code skydas serve --kafka} child processes of this JVM (same Java, same class path), their clean stop, a
 * throw-away database on a PostgreSQL server, free ports and the temporary folder.
 */
final class ClusterProcesses {

    private ClusterProcesses() {
    }

    /**
     * Starts {@code skydas serve --kafka bootstrap --db dbUrl --role role --node-id nodeId} over {@code scenarioFile}
     * with {@code map}'s partitions and halo, one replica, every listener off unless {@code extra} opens one; its
     * output goes to {@code work/node-ID/node.log}.
     */
    static Process startNode(Path work, String bootstrap, String dbUrl, Path scenarioFile, SectorMap map, String role,
                             int nodeId, List<String> extra) throws Exception {
        return startNode(work, bootstrap, dbUrl, scenarioFile, map, role, nodeId, extra, null);
    }

    /** As above; with {@code cpus} (a CPU list such as "1"), the node runs on those CPUs only (taskset(1)). */
    static Process startNode(Path work, String bootstrap, String dbUrl, Path scenarioFile, SectorMap map, String role,
                             int nodeId, List<String> extra, String cpus) throws Exception {
        Path dir = work.resolve("node-" + nodeId);
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>();
        if (cpus != null) {
            cmd.addAll(List.of("taskset", "-c", cpus)); // execs the JVM: the process is still the node
        }
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-Xmx768m");
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--enable-native-access") || a.startsWith("--sun-misc-unsafe")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--kafka", bootstrap, "--db", dbUrl, "--role", role, "--node-id", Integer.toString(nodeId),
                "--scenario", scenarioFile.toString(), "--data-dir", dir.toString(), "--replicas", "1",
                "--partitions", Integer.toString(map.partitions()), "--halo", Long.toString(Math.round(map.haloM())),
                "--tak-port", "-1", "--asterix-port", "-1", "--remoteid-port", "-1", "--tak-out-port", "-1"));
        if (!extra.contains("--cot-port")) {
            cmd.addAll(List.of("--cot-port", "-1"));
        }
        cmd.addAll(extra);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("node.log").toFile()));
        return pb.start();
    }

    /** SIGTERM to every live node (a clean stop: it leaves the group), SIGKILL to one still alive 15 s later. */
    static void stop(List<Process> nodes) {
        for (Process p : nodes) {
            if (p.isAlive()) {
                p.destroy(); // SIGTERM: a clean stop
            }
        }
        for (Process p : nodes) {
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    /** A JDBC connection for a libpq-style {@code postgresql://user:password@host:port/db} URL. */
    static Connection connect(String url) throws Exception {
        java.net.URI u = new java.net.URI(url);
        String user = u.getUserInfo() == null ? "postgres" : u.getUserInfo().split(":", 2)[0];
        String password = u.getUserInfo() != null && u.getUserInfo().contains(":") ? u.getUserInfo().split(":", 2)[1] : "";
        return DriverManager.getConnection("jdbc:postgresql://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "")
                + u.getPath(), user, password);
    }

    /** Creates {@code database} on {@code server}; a clear error naming {@code command} when there is no server. */
    static void createDatabase(String server, String database, String command) {
        try (Connection c = connect(server + "/postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        } catch (Exception e) {
            throw new UserError(command + ": no PostgreSQL at " + server.replaceAll(":[^:@/]*@", ":***@")
                    + " (--db): " + e.getMessage());
        }
    }

    static void dropDatabase(String server, String database, String command) {
        try (Connection c = connect(server + "/postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (Exception e) {
            System.err.println(command + ": could not drop database " + database + ": " + e.getMessage());
        }
    }

    static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary folder: the OS cleans it eventually
        }
    }
}
