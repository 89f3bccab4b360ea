package org.skydas.sim.script;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A friendly patrol: reports its own position over CoT every {@code reportPeriodS}; sensors do not report it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScriptPatrol(@JsonProperty("id") String id, @JsonProperty("callsign") String callsign,
                           @JsonProperty("team") String team, @JsonProperty("start_s") Double startS,
                           @JsonProperty("report_period_s") Double reportPeriodS,
                           @JsonProperty("route") List<Waypoint> route) {

    public ScriptPatrol {
        Objects.requireNonNull(id, "patrol id");
        callsign = callsign == null ? id : callsign;
        team = team == null ? "Cyan" : team;
        startS = startS == null ? 0.0 : startS;
        reportPeriodS = reportPeriodS == null ? 10.0 : reportPeriodS;
        if (!(startS >= 0) || !(reportPeriodS > 0)) {
            throw new IllegalArgumentException("patrol " + id + ": start_s must be >= 0 and report_period_s > 0");
        }
        route = Route.check("patrol " + id, route);
    }
}
