package org.skydas.sim.sensor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.model.Asset;
import org.skydas.sim.Channel;
import org.skydas.sim.encode.OdidEncoder;
import org.skydas.sim.motion.SimObject;

/**
 * A Remote ID receiver: at each broadcast interval (the sensor's scan period) it hears every broadcasting
 * drone within range with probability Pd and forwards what the drone sent as one message pack: Basic ID,
 * Location/Vector and, when set, Operator ID. The position is the drone's own GNSS fix, off by the receiver's
 * configured position noise; dark drones are never heard. No false alarms: a receiver decodes real frames only.
 */
public final class RemoteIdEmitter extends SensorEmitter {

    private final OdidEncoder encoder = new OdidEncoder();

    public RemoteIdEmitter(Asset asset, SplittableRandom random, Visibility visibility) {
        super(asset, random, visibility, List.of());
    }

    @Override
    protected boolean senses(SimObject o) {
        return o.remoteId() != null;
    }

    @Override
    protected boolean reportsFalseAlarms() {
        return false;
    }

    @Override
    protected void report(double t, List<Hit> hits, EmitContext ctx) {
        Instant time = ctx.timeAt(t);
        int tenths = (int) (Math.floorMod(time.getEpochSecond(), 3600L) * 10 + time.getNano() / 100_000_000);
        for (Hit h : hits) {
            SimObject o = h.object();
            Coordinate w = Lks94.toWgs84(h.x(), h.y());
            List<byte[]> msgs = new ArrayList<>(3);
            msgs.add(encoder.basicId(o.remoteId().serial()));
            msgs.add(encoder.location(w.y, w.x, o.heightM(), o.heightM(), Geodesy.trueCourseDeg(h.truth().x(), h.truth().y(), h.truth().vx(), h.truth().vy()), h.truth().speed(), 0,
                    tenths));
            if (o.remoteId().operatorId() != null) {
                msgs.add(encoder.operatorId(o.remoteId().operatorId()));
            }
            ctx.send(t, asset.id(), Channel.REMOTE_ID, encoder.pack(msgs));
        }
    }
}
