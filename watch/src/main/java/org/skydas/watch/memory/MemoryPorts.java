package org.skydas.watch.memory;

import org.skydas.watch.port.Ports;

/** The watch loop's outputs all in memory: a pipeline that needs no database (tests, tools). */
public record MemoryPorts(MemoryJournal journal, MemoryAlerts alerts, MemoryTrackHistory trackHistory) {

    public MemoryPorts() {
        this(new MemoryJournal(), new MemoryAlerts(), new MemoryTrackHistory());
    }

    public Ports ports() {
        return new Ports(journal, alerts, trackHistory);
    }
}
