package org.skydas.sim.encode;

import java.time.Instant;

import org.skydas.ingest.cot.CotContact;
import org.skydas.ingest.cot.CotDetail;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.cot.CotGroup;
import org.skydas.ingest.cot.CotPoint;
import org.skydas.ingest.cot.CotTrack;
import org.skydas.ingest.cot.CotXmlWriter;

/**
 * A friendly patrol's self report as CoT XML: type {@code a-f-G-U-C} (friendly ground unit, combat), how
 * {@code m-g} (machine, GPS), stale after three report periods so a silent patrol drops off the map.
 */
public final class PatrolCotWriter {

    public static final String TYPE = "a-f-G-U-C";
    private final CotXmlWriter writer = new CotXmlWriter();

    public String write(String uid, String callsign, String team, Instant time, double reportPeriodS, double lat,
                        double lon, double haeM, double speedMps, double courseDeg) {
        Instant stale = time.plusMillis(Math.round(3 * reportPeriodS * 1000));
        CotPoint point = new CotPoint(round(lat, 7), round(lon, 7), round(haeM, 1), 5.0, 10.0);
        CotDetail detail = new CotDetail(new CotContact(callsign, null), new CotGroup(team, "Team Member"), null, null,
                null, new CotTrack(round(speedMps, 2), round(courseDeg, 1)), "");
        return writer.write(CotEvent.of(uid, TYPE, "m-g", time, time, stale, point, detail));
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
