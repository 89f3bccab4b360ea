package org.skydas.sim.script;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a scripted object is; decides which sensors can see it and what they call it. */
public enum ObjectKind {
    @JsonProperty("person") PERSON,
    @JsonProperty("vehicle") VEHICLE,
    @JsonProperty("drone") DRONE,
    /** Wildlife: seen by radars like a person, classified as an animal by cameras (a false-alarm source). */
    @JsonProperty("animal") ANIMAL
}
