package org.skydas.obstacles;

import java.util.Locale;
import java.util.Set;

/**
 * Who may see and change which register entries. Explosive-field records are need-to-know: engineers,
 * planners and admins read them, engineers and admins write them and move them through the life cycle;
 * operators get nothing; auditors read the audit log only. Non-explosive obstacles are readable by every
 * role and written by engineers, planners and admins. Roles are the server's wire names.
 */
public final class Access {

    private static final Set<String> EXPLOSIVE_READ = Set.of("engineer", "planner", "admin");
    private static final Set<String> EXPLOSIVE_WRITE = Set.of("engineer", "admin");
    private static final Set<String> OBSTACLE_READ = Set.of("engineer", "planner", "admin", "operator", "auditor");
    private static final Set<String> OBSTACLE_WRITE = Set.of("engineer", "planner", "admin");
    private static final Set<String> OBSTACLE_TRANSITION = Set.of("engineer", "admin");

    private Access() {
    }

    public static boolean canRead(String role, ObstacleKind kind) {
        return (kind.explosive() ? EXPLOSIVE_READ : OBSTACLE_READ).contains(norm(role));
    }

    public static boolean canWrite(String role, ObstacleKind kind) {
        return (kind.explosive() ? EXPLOSIVE_WRITE : OBSTACLE_WRITE).contains(norm(role));
    }

    /** Life-cycle steps are the engineers' (and admins'), for every kind. */
    public static boolean canTransition(String role, ObstacleKind kind) {
        return (kind.explosive() ? EXPLOSIVE_WRITE : OBSTACLE_TRANSITION).contains(norm(role));
    }

    /** May this role see any explosive record at all (list, export)? */
    public static boolean canReadExplosive(String role) {
        return EXPLOSIVE_READ.contains(norm(role));
    }

    private static String norm(String role) {
        return role == null ? "" : role.trim().toLowerCase(Locale.ROOT);
    }
}
