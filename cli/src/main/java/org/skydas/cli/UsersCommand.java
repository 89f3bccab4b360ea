package org.skydas.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.skydas.server.WatchServices;
import org.skydas.server.auth.Role;
import org.skydas.store.watch.UserRecord;
import org.skydas.store.watch.WatchStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skydas users add|list|disable|passwd}: accounts in the watch store, on this machine (no login:
 * whoever may write the data directory or the database is trusted). Every change is audited with the
 * actor {@code cli:OSUSER}; a running server logs the account's sessions out within seconds.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Manage accounts (roles: admin, planner, operator, engineer, auditor, sensor).",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class,
            UsersCommand.Passwd.class})
public final class UsersCommand implements Runnable {

    @Override
    public void run() {
        throw new UserError("say what to do: skydas users add|list|disable|passwd (see --help)");
    }

    /** Where the accounts are: the data directory's SQLite store, or PostgreSQL. */
    static final class Store {
        @Option(names = "--data-dir", defaultValue = "skydas-data", paramLabel = "DIR",
                description = "Data directory of the server (default ./${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--db", paramLabel = "URL",
                description = "PostgreSQL watch store (postgresql://user@host:port/db) instead of the data directory.")
        String db;

        WatchServices open() throws Exception {
            if (db == null && !Files.isDirectory(dataDir)) {
                throw new UserError(dataDir + ": no such data directory (give --data-dir or --db)");
            }
            return new WatchServices(db != null ? WatchStore.openPostgres(db) : WatchStore.openSqlite(dataDir));
        }
    }

    /** {@code --password-file}. */
    static final class PasswordSource {
        @Option(names = "--password-file", paramLabel = "FILE",
                description = "Read the password from the first line of FILE (else it is asked for, or read from stdin).")
        Path file;

        String read(String username) throws Exception {
            return password(file, username);
        }
    }

    /** The password from {@code file} (its first line), else typed twice, else one line of stdin. */
    static String password(Path file, String username) throws Exception {
        String pw;
        if (file != null) {
            if (!Files.isReadable(file)) {
                throw new UserError(file + ": cannot read the password file");
            }
            pw = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        } else if (System.console() != null) {
            char[] a = System.console().readPassword("Password for %s (12 or more characters): ", username);
            char[] b = System.console().readPassword("Again: ");
            if (a == null || b == null || !java.util.Arrays.equals(a, b)) {
                throw new UserError("the two passwords differ");
            }
            pw = new String(a);
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            pw = line == null ? "" : line;
        }
        try {
            WatchServices.checkPassword(username, pw);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        return pw;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an account.")
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "User name (letters, digits, '.', '_', '-').")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "admin, planner, operator, engineer, auditor or sensor.")
        String role;

        @Mixin
        PasswordSource password;

        @Mixin
        Store store;

        @Override
        public Integer call() throws Exception {
            Role r;
            try {
                r = Role.parse(role);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            String pw = password.read(name);
            try (WatchServices w = store.open()) {
                if (!w.addUser(WatchServices.cliActor(), null, name, r, pw)) {
                    throw new UserError("the user name '" + name + "' is taken");
                }
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            System.out.println("added " + name + " (" + r.wireName() + ")");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts: name, role, state.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        Store store;

        @Override
        public Integer call() throws Exception {
            try (WatchServices w = store.open()) {
                for (UserRecord u : w.users()) {
                    System.out.printf("%-24s %-9s %s%n", u.username(), u.role(), u.disabled() ? "disabled" : "enabled");
                }
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable an account (it cannot log in; a running server logs it out within seconds).")
    static final class Disable implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Mixin
        Store store;

        @Override
        public Integer call() throws Exception {
            try (WatchServices w = store.open()) {
                w.disableUser(WatchServices.cliActor(), null, name);
            } catch (java.util.NoSuchElementException | WatchServices.Conflict e) {
                throw new UserError(e.getMessage());
            }
            System.out.println("disabled " + name);
            return 0;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Set an account's password (a running server logs its sessions out within seconds).")
    static final class Passwd implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Mixin
        PasswordSource password;

        @Mixin
        Store store;

        @Override
        public Integer call() throws Exception {
            String pw = password.read(name);
            try (WatchServices w = store.open()) {
                w.setPassword(WatchServices.cliActor(), null, name, pw);
            } catch (java.util.NoSuchElementException | IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            System.out.println("password of " + name + " changed");
            return 0;
        }
    }
}
