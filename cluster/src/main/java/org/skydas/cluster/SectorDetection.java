package org.skydas.cluster;

import java.util.Objects;

import org.skydas.track.Detection;

/**
 * One normalised detection on the sector topic, as a tracker node receives it: the copy for one sector.
 *
 * <p>A detection near a sector boundary is published once per sector that sees it ({@link SectorMap}): the same
 * {@code id} with its owner ({@code halo} false) and each halo sector ({@code halo} true). So a record is identified
 * by {@code (id, sector)}, and a tracker node that gets a record again after a failover (delivery is at least once)
 * recognises it by that pair.
 *
 * <p>The detection's {@code sensorId} is not carried: it is a number the tracker of one process gives a source when it
 * first hears it, meaningless on another node; the tracker node gives the detection its own number for
 * {@code source}. So a decoded detection has sensor id 0.
 *
 * @param id               unique over the cluster, given by the ingest node ({@link DetectionIds})
 * @param source           the ordered stream the report came in (a sensor, a connection: "json:S1", "asterix:…"),
 *                         within which reports arrive in time order; the tracker's sensor and the sensor_down watch
 * @param listener         the listener that received it ("cot-tcp", "json-http"…), as the journal names it, or null
 * @param receivedAtMillis when the ingest node received it, ms since the epoch (detection → alert latency starts here)
 * @param sector           the sector this copy is for (the record's key)
 * @param halo             true when {@code sector} is not the owner but sees the position within its halo
 * @param detection        the measurement in LKS-94 metres, sensor id 0
 */
public record SectorDetection(long id, String source, String listener, long receivedAtMillis, String sector,
                              boolean halo, Detection detection) {

    public SectorDetection {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(detection, "detection");
    }
}
