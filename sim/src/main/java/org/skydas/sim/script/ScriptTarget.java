package org.skydas.sim.script;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A scripted object that sensors may see: it appears at {@code startS} at the first waypoint, follows the
 * route and leaves the picture at its end (a one-point route stays put until the end of the run).
 *
 * @param groupSize  people or vehicles moving as one (a radar sees one plot; a camera reports a group)
 * @param altitudeM  height above ground; drones only (default 100 m), ground objects use their class height
 * @param remoteId   drones only: what they broadcast; absent = a dark drone
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScriptTarget(@JsonProperty("id") String id, @JsonProperty("kind") ObjectKind kind,
                           @JsonProperty("group_size") Integer groupSize, @JsonProperty("start_s") Double startS,
                           @JsonProperty("altitude_m") Double altitudeM,
                           @JsonProperty("remote_id") RemoteIdSpec remoteId,
                           @JsonProperty("route") List<Waypoint> route) {

    public ScriptTarget {
        Objects.requireNonNull(id, "target id");
        Objects.requireNonNull(kind, "target " + id + ": kind");
        groupSize = groupSize == null ? 1 : groupSize;
        startS = startS == null ? 0.0 : startS;
        if (groupSize < 1) {
            throw new IllegalArgumentException("target " + id + ": group_size must be >= 1");
        }
        if (!(startS >= 0)) {
            throw new IllegalArgumentException("target " + id + ": start_s must be >= 0");
        }
        if (kind == ObjectKind.DRONE) {
            altitudeM = altitudeM == null ? 100.0 : altitudeM;
            if (!(altitudeM >= 0 && altitudeM < 10_000)) {
                throw new IllegalArgumentException("target " + id + ": altitude_m must be in [0, 10000)");
            }
        } else if (altitudeM != null || remoteId != null) {
            throw new IllegalArgumentException("target " + id + ": altitude_m and remote_id are for drones only");
        }
        route = Route.check("target " + id, route);
    }
}
