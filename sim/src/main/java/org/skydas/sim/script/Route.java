package org.skydas.sim.script;

import java.util.List;

/** Checks shared by every scripted route. */
final class Route {

    private Route() {
    }

    static List<Waypoint> check(String what, List<Waypoint> route) {
        if (route == null || route.isEmpty()) {
            throw new IllegalArgumentException(what + ": route needs at least one waypoint");
        }
        if (route.size() > 1 && route.get(0).speedMps() == null) {
            throw new IllegalArgumentException(what + ": the first waypoint needs speed_mps");
        }
        return List.copyOf(route);
    }
}
