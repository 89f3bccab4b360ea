package org.skydas.watch.port;

import java.util.Objects;

/** The outputs the watch loop writes to, implemented outside {@code watch} (the store through the server, or memory). */
public record Ports(Journal journal, AlertSink alerts, TrackHistory trackHistory) {

    public Ports {
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(trackHistory, "trackHistory");
    }
}
