package org.skydas.server.auth;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call which route: the one place where the role × route matrix is written down. The server
 * checks every request to an {@code /api/} route against it before the route's handler runs; a route
 * missing here is refused to everyone (fail closed). README's table is {@link #markdownTable()} and a
 * test keeps the two equal; another walks every path of the OpenAPI document with every role.
 */
public final class AccessMatrix {

    /**
     * One route: {@code path} as registered with Javalin, {@code documentedAs} as written in the OpenAPI
     * document; {@code roles} empty with {@code open} true means no login is needed.
     */
    public record Rule(String method, String path, String documentedAs, boolean open, Set<Role> roles) {

        public boolean allows(Role role) {
            return open || roles.contains(role);
        }
    }

    private static final Set<Role> ANY_ACCOUNT = EnumSet.allOf(Role.class);
    /** The live picture: alerts, sector status, tracks and their history, the stream. */
    private static final Set<Role> WATCH = EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.PLANNER, Role.AUDITOR);
    private static final Set<Role> ACT_ON_ALERTS = EnumSet.of(Role.ADMIN, Role.OPERATOR);
    private static final Set<Role> AUDIT = EnumSet.of(Role.ADMIN, Role.AUDITOR);
    /** Where the border is and is not watched: planning data that an attacker wants. */
    private static final Set<Role> COVERAGE = EnumSet.of(Role.ADMIN, Role.PLANNER, Role.OPERATOR);
    private static final Set<Role> PLAN = EnumSet.of(Role.ADMIN, Role.PLANNER);
    private static final Set<Role> POST_DETECTIONS = EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.SENSOR);
    private static final Set<Role> OPERATE = EnumSet.of(Role.ADMIN, Role.OPERATOR);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    /** Tasking a sensor node (ADR 0003): an operator's explicit act, nobody else's. */
    private static final Set<Role> TASK_SENSORS = EnumSet.of(Role.OPERATOR);
    /** Incident reports: operators write them from alerts, auditors read them. */
    private static final Set<Role> INCIDENT_READ = EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.AUDITOR);
    /**
     * The obstacle register: every person may list it, but the handlers show explosive-field records only to
     * engineers, planners and admins (need to know) and let only engineers and admins change them.
     */
    private static final Set<Role> REGISTER_READ = EnumSet.of(Role.ADMIN, Role.PLANNER, Role.OPERATOR, Role.ENGINEER,
            Role.AUDITOR);
    private static final Set<Role> REGISTER_WRITE = EnumSet.of(Role.ADMIN, Role.ENGINEER, Role.PLANNER);
    private static final Set<Role> REGISTER_STEP = EnumSet.of(Role.ADMIN, Role.ENGINEER);
    private static final Set<Role> REGISTER_ROLLUP = EnumSet.of(Role.ADMIN, Role.ENGINEER, Role.PLANNER);

    private static final List<Rule> RULES = List.of(
            open("GET", "/api/health"),
            open("GET", "/api/openapi.json"),
            open("POST", "/api/login"),
            rule("POST", "/api/logout", ANY_ACCOUNT),
            rule("GET", "/api/me/prefs", ANY_ACCOUNT),
            rule("PUT", "/api/me/prefs", ANY_ACCOUNT),
            rule("GET", "/api/users", ADMIN),
            rule("POST", "/api/users", ADMIN),
            rule("POST", "/api/users/{name}/disable", ADMIN),
            rule("POST", "/api/users/{name}/password", ADMIN),
            rule("GET", "/api/audit/accounts", AUDIT),
            // The base map: the web client draws it before anyone logs in.
            open("GET", "/api/layers"),
            open("GET", "/api/layers/{name}"),
            open("GET", "/api/programme"),
            rule("GET", "/api/coverage", COVERAGE),
            rule("GET", "/api/coverage/gaps", COVERAGE),
            rule("GET", "/api/coverage/sectors", COVERAGE),
            rule("POST", "/api/coverage/recompute", PLAN),
            rule("GET", "/api/corridors", COVERAGE),
            rule("GET", "/api/corridors/sectors", COVERAGE),
            rule("POST", "/api/corridors/recompute", PLAN),
            new Rule("GET", "/api/tiles/coverage/{class}/{z}/{x}/{file}", "/api/tiles/coverage/{class}/{z}/{x}/{y}.png",
                    false, COVERAGE),
            rule("GET", "/api/alerts", WATCH),
            rule("GET", "/api/alerts/{id}", WATCH),
            rule("POST", "/api/alerts/{id}/ack", ACT_ON_ALERTS),
            rule("POST", "/api/alerts/{id}/resolve", ACT_ON_ALERTS),
            rule("GET", "/api/audit", AUDIT),
            rule("GET", "/api/sectors/status", WATCH),
            rule("GET", "/api/tracks", WATCH),
            rule("GET", "/api/tracks/{id}/history", WATCH),
            rule("GET", "/api/replay", WATCH),
            rule("GET", "/api/incidents", INCIDENT_READ),
            rule("POST", "/api/incidents", ACT_ON_ALERTS),
            rule("GET", "/api/incidents/{id}", INCIDENT_READ),
            rule("PUT", "/api/incidents/{id}", ACT_ON_ALERTS),
            rule("POST", "/api/incidents/{id}/transition", ACT_ON_ALERTS),
            rule("GET", "/api/incidents/{id}/export", INCIDENT_READ),
            rule("GET", "/api/stream", WATCH),
            rule("POST", "/api/detections", POST_DETECTIONS),
            rule("GET", "/api/sapient/nodes", WATCH),
            rule("POST", "/api/sapient/nodes/{id}/tasks", TASK_SENSORS),
            rule("GET", "/api/ingest/stats", OPERATE),
            rule("GET", "/api/metrics", OPERATE),
            rule("GET", "/api/obstacle-fields", REGISTER_READ),
            rule("POST", "/api/obstacle-fields", REGISTER_WRITE),
            rule("GET", "/api/obstacle-fields/export", REGISTER_READ),
            rule("GET", "/api/obstacle-fields/audit", AUDIT),
            rule("GET", "/api/obstacle-fields/rollup", REGISTER_ROLLUP),
            rule("GET", "/api/obstacle-fields/{id}", REGISTER_READ),
            rule("PUT", "/api/obstacle-fields/{id}", REGISTER_WRITE),
            rule("POST", "/api/obstacle-fields/{id}/transition", REGISTER_STEP),
            rule("GET", "/api/obstacle-fields/{id}/marking-plan", REGISTER_READ),
            rule("GET", "/api/obstacle-fields/{id}/versions", REGISTER_READ),
            rule("POST", "/api/admin/purge-alerts", ADMIN),
            rule("GET", "/api/admin/log", AUDIT),
            rule("POST", "/api/siting/plan", PLAN),
            rule("GET", "/api/siting/plan/{id}", PLAN),
            rule("POST", "/api/siting/plan/{id}/apply", PLAN));

    private AccessMatrix() {
    }

    private static Rule open(String method, String path) {
        return new Rule(method, path, path, true, Set.of());
    }

    private static Rule rule(String method, String path, Set<Role> roles) {
        return new Rule(method, path, path, false, Collections.unmodifiableSet(EnumSet.copyOf(roles)));
    }

    /** Every rule, in the order of the README table. */
    public static List<Rule> rules() {
        return RULES;
    }

    /** The rule of a route, by method and the path pattern it was registered with. */
    public static Optional<Rule> find(String method, String pathPattern) {
        return RULES.stream().filter(r -> r.method().equalsIgnoreCase(method) && r.path().equals(pathPattern)).findFirst();
    }

    /** The matrix as a Markdown table (README's "Who may call what"). */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder("| route | ");
        sb.append(Arrays.stream(Role.values()).map(Role::wireName).collect(Collectors.joining(" | "))).append(" |\n|---|");
        sb.append(":-:|".repeat(Role.values().length)).append('\n');
        for (Rule r : RULES) {
            sb.append("| `").append(r.method()).append(' ').append(r.documentedAs()).append("` |");
            for (Role role : Role.values()) {
                sb.append(r.open() ? " open |" : r.roles().contains(role) ? " ✔ |" : "   |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

}
