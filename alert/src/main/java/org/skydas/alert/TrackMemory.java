package org.skydas.alert;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What the rules remember of one track between its updates. */
final class TrackMemory {
    double x;
    double y;
    double t;
    boolean onTerritory;
    boolean confirmed;
    boolean approachWarned;
    /** Zone id → time the track was first seen inside it (this stay). */
    final Map<String, Double> enteredAt = new HashMap<>();
    /** Zones whose loitering alert this stay has already raised. */
    final Set<String> loiterWarned = new HashSet<>();
}
