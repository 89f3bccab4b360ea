package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.server.WatchServices;
import org.skydas.store.watch.AccountEvent;
import org.skydas.store.watch.WatchStore;

/** {@code skydas users …} on a data directory, and the first admin's password file. */
class UsersCommandTest extends ConsoleTest {

    @TempDir
    Path dir;

    @Test
    void accountsAreAddedListedDisabledAndGivenNewPasswordsWithTheCliAsActor() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path pw = Files.writeString(dir.resolve("pw.txt"), "operator-password-1\n");
        Path shortPw = Files.writeString(dir.resolve("short.txt"), "short\n");
        assertThat(Main.execute("users", "add", "op1", "--role", "operator", "--password-file", pw.toString(),
                "--data-dir", data.toString())).isZero();
        assertThat(Main.execute("users", "add", "op2", "--role", "operator", "--password-file", shortPw.toString(),
                "--data-dir", data.toString())).isEqualTo(2);
        assertThat(stderr()).contains("at least 12 characters");
        assertThat(Main.execute("users", "add", "op3", "--role", "pilot", "--password-file", pw.toString(),
                "--data-dir", data.toString())).isEqualTo(2);
        assertThat(Main.execute("users", "add", "op1", "--role", "operator", "--password-file", pw.toString(),
                "--data-dir", data.toString())).as("taken").isEqualTo(2);
        assertThat(Main.execute("users", "disable", "op1", "--data-dir", data.toString())).isZero();
        assertThat(Main.execute("users", "disable", "nobody", "--data-dir", data.toString())).isEqualTo(2);
        Path pw2 = Files.writeString(dir.resolve("pw2.txt"), "another-password-2\n");
        assertThat(Main.execute("users", "passwd", "op1", "--password-file", pw2.toString(), "--data-dir",
                data.toString())).isZero();
        out.reset();
        assertThat(Main.execute("users", "list", "--data-dir", data.toString())).isZero();
        assertThat(stdout()).containsPattern("op1\\s+operator\\s+disabled");
        assertThat(stdout()).doesNotContain("pbkdf2");
        assertThat(Main.execute("users", "list", "--data-dir", dir.resolve("missing").toString())).isEqualTo(2);

        try (WatchStore s = WatchStore.openSqlite(data)) {
            assertThat(s.accountEvents(0, 100)).extracting(AccountEvent::action)
                    .containsExactly("user_added", "user_disabled", "password_changed");
            assertThat(s.accountEvents(0, 100)).allSatisfy(e -> assertThat(e.actor()).startsWith("cli:"));
        }
    }

    @Test
    void theFirstAdminsGeneratedPasswordGoesToAnOwnerOnlyFileNeverToTheConsole() throws Exception {
        Path data = dir.resolve("fresh");
        String password;
        try (WatchServices w = ServeCommand.openWatch(data, null)) {
            Path file = data.resolve(ServeCommand.ADMIN_PASSWORD_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            password = Files.readString(file).strip();
            assertThat(password.length()).isGreaterThanOrEqualTo(12);
            assertThat(w.login("admin", password)).isPresent();
        }
        assertThat(stdout()).contains(data.resolve(ServeCommand.ADMIN_PASSWORD_FILE).toAbsolutePath().toString())
                .doesNotContain(password);
        assertThat(stderr()).doesNotContain(password);
        // The second start creates nothing and says nothing.
        out.reset();
        try (WatchServices w = ServeCommand.openWatch(data, null)) {
            assertThat(w.users()).hasSize(1);
        }
        assertThat(stdout()).doesNotContain("First start");
    }
}
