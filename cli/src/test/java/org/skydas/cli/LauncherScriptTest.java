package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's JDK search, as a user without a JDK 21+ meets it. */
class LauncherScriptTest {

    @TempDir
    Path emptyJvmRoot;

    @Test
    void saysClearlyWhenNoJdk21Exists() throws Exception {
        Path root = Path.of(System.getProperty("skydas.root", "..")).toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", root.resolve("skydas").toString(), "--version"))
                .redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", emptyJvmRoot.resolve("no-such-jdk").toString());
        pb.environment().put("SKYDAS_JVM_ROOT", emptyJvmRoot.toString());
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(out).contains("no JDK 21 or newer found").contains(emptyJvmRoot.toString())
                .contains("set JAVA_HOME");
        assertThat(Files.exists(root.resolve("skydas"))).isTrue();
    }
}
