package org.skydas.server;

import java.time.Instant;

import org.skydas.server.auth.Role;
import org.skydas.server.auth.Sessions;
import org.skydas.store.watch.AccountEvent;
import org.skydas.store.watch.UserRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Logging in and out, and the admin's account routes: add, list, disable, set a password; the account
 * audit. Every change is audited with its actor (the logged-in admin) and the actor's address. Who may
 * call what is {@link org.skydas.server.auth.AccessMatrix}'s.
 */
final class AccountsApi {

    private final WatchServices watch;

    AccountsApi(WatchServices watch) {
        this.watch = watch;
    }

    void register(Javalin app) {
        app.post("/api/login", this::login);
        app.post("/api/logout", ctx -> {
            String header = ctx.header("Authorization");
            watch.logout(header == null ? null : header.substring(Math.min(7, header.length())).trim(), ctx.ip());
            ctx.status(HttpStatus.NO_CONTENT);
        });
        app.get("/api/me/prefs", ctx -> {
            String saved = watch.prefs(actor(ctx)).orElse("{}");
            ctx.contentType("application/json").result(saved);
        });
        app.put("/api/me/prefs", ctx -> {
            String prefs = prefs(WatchApi.body(ctx, true));
            watch.savePrefs(actor(ctx), prefs);
            ctx.contentType("application/json").result(prefs);
        });
        app.get("/api/users", ctx -> ctx.json(watch.users().stream().map(AccountsApi::userJson).toList()));
        app.post("/api/users", ctx -> {
            JsonNode body = WatchApi.body(ctx, true);
            String name = WatchApi.text(body, "username");
            String password = WatchApi.text(body, "password");
            String roleName = WatchApi.text(body, "role");
            if (name == null || password == null || roleName == null) {
                throw new WatchApi.BadRequest("'username', 'password' and 'role' are required");
            }
            Role role;
            try {
                role = Role.parse(roleName);
            } catch (IllegalArgumentException e) {
                throw new WatchApi.BadRequest(e.getMessage());
            }
            if (!watch.addUser(actor(ctx), ctx.ip(), name, role, password)) {
                throw new WatchServices.Conflict("the user name '" + org.skydas.server.auth.Text.clip(name) + "' is taken");
            }
            ctx.status(HttpStatus.CREATED).json(userJson(new UserRecord(name, role.wireName(), "", false)));
        });
        app.post("/api/users/{name}/disable", ctx -> {
            watch.disableUser(actor(ctx), ctx.ip(), ctx.pathParam("name"));
            ctx.json(userJson(watch.users().stream().filter(u -> u.username().equals(ctx.pathParam("name")))
                    .findFirst().orElseThrow()));
        });
        app.post("/api/users/{name}/password", ctx -> {
            String password = WatchApi.text(WatchApi.body(ctx, true), "password");
            if (password == null) {
                throw new WatchApi.BadRequest("'password' is required");
            }
            watch.setPassword(actor(ctx), ctx.ip(), ctx.pathParam("name"), password);
            ctx.status(HttpStatus.NO_CONTENT);
        });
        app.get("/api/audit/accounts", ctx -> {
            long after = ctx.queryParam("after") == null ? 0 : WatchApi.parseLong(ctx.queryParam("after"), "after");
            int limit = ctx.queryParam("limit") == null ? 1000
                    : (int) Math.max(1, Math.min(10_000, WatchApi.parseLong(ctx.queryParam("limit"), "limit")));
            ctx.json(watch.accountAudit(after, limit).stream().map(AccountsApi::eventJson).toList());
        });
    }

    private void login(Context ctx) throws Exception {
        JsonNode body = WatchApi.body(ctx, true);
        String user = WatchApi.text(body, "username");
        String password = WatchApi.text(body, "password");
        if (user == null || password == null) {
            throw new WatchApi.BadRequest("'username' and 'password' are required");
        }
        String token = watch.login(user, password, ctx.ip())
                .orElseThrow(() -> new AccessGate.Unauthorized("wrong user name or password"));
        Sessions.Session s = watch.sessions().find(token).orElseThrow();
        ctx.json(new Login(token, s.username(), s.role().wireName(), watch.sessions().ttlSeconds()));
    }

    /** The console preferences a user may keep: each checked, nothing else stored. */
    static final java.util.Map<String, java.util.List<String>> PREFS = java.util.Map.of(
            "lang", java.util.List.of("lt", "en"), "theme", java.util.List.of("day", "night"),
            "time", java.util.List.of("local", "utc"));

    /** A preferences body checked: known keys with allowed values, {@code muted} a boolean; anything else refused. */
    static String prefs(JsonNode body) {
        if (!body.isObject()) {
            throw new WatchApi.BadRequest("preferences are an object {lang, theme, muted, time}");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (var f : (Iterable<java.util.Map.Entry<String, JsonNode>>) body::fields) {
            String key = f.getKey();
            JsonNode v = f.getValue();
            if (key.equals("muted")) {
                if (!v.isBoolean()) {
                    throw new WatchApi.BadRequest("'muted' must be true or false");
                }
                out.put(key, v.asBoolean());
            } else if (PREFS.containsKey(key)) {
                if (!v.isTextual() || !PREFS.get(key).contains(v.asText())) {
                    throw new WatchApi.BadRequest("'" + key + "' must be one of " + String.join(", ", PREFS.get(key)));
                }
                out.put(key, v.asText());
            } else {
                throw new WatchApi.BadRequest("unknown preference '" + org.skydas.server.auth.Text.clip(key)
                        + "': lang, theme, muted and time are kept");
            }
        }
        return out.toString();
    }

    private static String actor(Context ctx) {
        return AccessGate.session(ctx).username();
    }

    /** {@code POST /api/login}: the bearer token and whom it stands for (OpenAPI schema {@code Login}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Login(String token, String username, String role, long expiresInS) {
    }

    /** An account as the admin sees it (OpenAPI schema {@code User}). */
    record User(String username, String role, boolean disabled) {
    }

    /** One entry of the account audit (OpenAPI schema {@code AccountEvent}). */
    record Event(long sequence, String time, String actor, String action, String subject, String address, String detail) {
    }

    static User userJson(UserRecord u) {
        return new User(u.username(), u.role(), u.disabled());
    }

    static Event eventJson(AccountEvent e) {
        return new Event(e.sequence(), Instant.ofEpochMilli((long) (e.time() * 1000)).toString(), e.actor(), e.action(),
                e.subject(), e.address(), e.detail());
    }
}
