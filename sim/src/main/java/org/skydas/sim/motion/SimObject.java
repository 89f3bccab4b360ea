package org.skydas.sim.motion;

import java.util.Objects;

import org.skydas.model.TargetClass;
import org.skydas.sim.script.ObjectKind;
import org.skydas.sim.script.RemoteIdSpec;

/**
 * One object of the simulated world (scripted, an animal, or background traffic).
 *
 * @param heightM   height above ground (the terrain is the bare ellipsoid: also height above it)
 * @param remoteId  what the object broadcasts over Remote ID, or null
 * @param friendly  a friendly patrol: reports itself over CoT, sensors do not report it
 */
public record SimObject(String id, ObjectKind kind, int groupSize, double heightM, RemoteIdSpec remoteId,
                        boolean friendly, String callsign, String team, double reportPeriodS, Trajectory trajectory) {

    public SimObject {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(trajectory);
    }

    /** The class sensors rate their range and Pd for; an animal is person-sized. */
    public TargetClass targetClass() {
        return switch (kind) {
            case PERSON, ANIMAL -> TargetClass.PERSON;
            case VEHICLE -> TargetClass.VEHICLE;
            case DRONE -> heightM >= 85 ? TargetClass.DRONE_120M : TargetClass.DRONE_50M;
        };
    }
}
