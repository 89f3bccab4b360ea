package org.skydas.sim.script;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A simulation run: what moves where, from which seed. Read with {@link SimScriptIo}; documented in
 * sim/README.md. All random choices (noise, detections, animals, background traffic) derive from {@code seed}.
 *
 * @param asterixSac ASTERIX System Area Code given to every simulated radar (SIC = radar number, from 1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimScript(@JsonProperty("name") String name, @JsonProperty("seed") long seed,
                        @JsonProperty("start") Instant start, @JsonProperty("duration_s") double durationS,
                        @JsonProperty("asterix_sac") Integer asterixSac,
                        @JsonProperty("targets") List<ScriptTarget> targets,
                        @JsonProperty("patrols") List<ScriptPatrol> patrols,
                        @JsonProperty("false_alarms") List<FalseAlarmSource> falseAlarms,
                        @JsonProperty("background") Background background) {

    public SimScript {
        name = name == null ? "simulation" : name;
        Objects.requireNonNull(start, "start (ISO-8601 UTC time) is required");
        if (!(durationS > 0 && durationS <= 7 * 86_400)) {
            throw new IllegalArgumentException("duration_s must be in (0, 604800], is " + durationS);
        }
        asterixSac = asterixSac == null ? 1 : asterixSac;
        if (asterixSac < 0 || asterixSac > 255) {
            throw new IllegalArgumentException("asterix_sac must be in [0, 255]");
        }
        targets = targets == null ? List.of() : List.copyOf(targets);
        patrols = patrols == null ? List.of() : List.copyOf(patrols);
        falseAlarms = falseAlarms == null ? List.of() : List.copyOf(falseAlarms);
        background = background == null ? new Background(0, 0, 0, 0, 0, 0) : background;
        Set<String> ids = new HashSet<>();
        targets.forEach(t -> unique(ids, t.id()));
        patrols.forEach(p -> unique(ids, p.id()));
        falseAlarms.forEach(f -> unique(ids, f.id()));
    }

    private static void unique(Set<String> ids, String id) {
        if (!ids.add(id)) {
            throw new IllegalArgumentException("duplicate id '" + id + "'");
        }
    }
}
