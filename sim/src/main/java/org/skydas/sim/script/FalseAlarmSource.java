package org.skydas.sim.script;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Something that makes sensors report what is not a threat, inside a circle:
 * {@code animals}: {@code count} animals wandering at up to {@code speedMps} (real objects to every sensor);
 * {@code clutter}: {@code perHour} extra false radar plots per radar that covers the circle.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FalseAlarmSource(@JsonProperty("id") String id, @JsonProperty("kind") Kind kind,
                               @JsonProperty("lon") double lon, @JsonProperty("lat") double lat,
                               @JsonProperty("radius_m") double radiusM, @JsonProperty("count") Integer count,
                               @JsonProperty("speed_mps") Double speedMps, @JsonProperty("per_hour") Double perHour) {

    public enum Kind {
        @JsonProperty("animals") ANIMALS,
        @JsonProperty("clutter") CLUTTER
    }

    public FalseAlarmSource {
        Objects.requireNonNull(id, "false alarm source id");
        Objects.requireNonNull(kind, "false alarm source " + id + ": kind");
        if (!(radiusM > 0)) {
            throw new IllegalArgumentException("false alarm source " + id + ": radius_m must be > 0");
        }
        count = count == null ? (kind == Kind.ANIMALS ? 1 : 0) : count;
        speedMps = speedMps == null ? 1.0 : speedMps;
        perHour = perHour == null ? 0.0 : perHour;
        if (count < 0 || count > 1000 || !(speedMps > 0) || !(perHour >= 0)) {
            throw new IllegalArgumentException("false alarm source " + id + ": count in [0, 1000], speed_mps > 0, per_hour >= 0");
        }
    }
}
