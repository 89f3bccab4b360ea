package org.skydas.sim.sensor;

import java.nio.charset.StandardCharsets;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.sim.Channel;
import org.skydas.sim.encode.PatrolCotWriter;
import org.skydas.sim.motion.SimObject;
import org.skydas.sim.motion.Trajectory;

/** A friendly patrol's own position reports (CoT), from its start until the end of its route. */
public final class PatrolEmitter extends Emitter {

    private final SimObject patrol;
    private final PatrolCotWriter writer = new PatrolCotWriter();

    public PatrolEmitter(SimObject patrol) {
        super(patrol.trajectory().startS(), patrol.reportPeriodS());
        this.patrol = patrol;
    }

    @Override
    public String id() {
        return patrol.id();
    }

    @Override
    protected void emit(double t, EmitContext ctx) {
        if (!patrol.trajectory().activeAt(t)) {
            return;
        }
        Trajectory.State s = patrol.trajectory().stateAt(t);
        Coordinate w = Lks94.toWgs84(s.x(), s.y());
        String xml = writer.write(patrol.id(), patrol.callsign(), patrol.team(), ctx.timeAt(t), periodS(), w.y, w.x,
                patrol.heightM(), s.speed(), Geodesy.trueCourseDeg(s.x(), s.y(), s.vx(), s.vy()));
        ctx.send(t, patrol.id(), Channel.COT, xml.getBytes(StandardCharsets.UTF_8));
    }
}
