package org.skydas.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.skydas.alert.BorderIndex;
import org.skydas.model.Scenario;
import org.skydas.model.Sector;

/**
 * Synthetic movers along a scenario's land border for {@code cluster-demo} and {@code cluster-bench}: each starts at a
 * random point of a random sector line where one side is national territory and the other is not (not a lake, the
 * sea or a corner), and moves in a straight line. A <em>crosser</em> starts 100–600 m outside and drives towards and
 * over the border at a slant (±45°) at 8–15 m/s; a <em>patrol</em> starts 200–2 500 m inside and moves along the
 * border, on foot (1–2 m/s) or in a vehicle (8–15 m/s).
 */
final class BorderFleet {

    /** A mover: its id, start (LKS-94 m), velocity (m/s), and whether it crosses the border (else it patrols). */
    record Mover(String uid, double x0, double y0, double vx, double vy, boolean crosses) {
        double x(double s) {
            return x0 + vx * s;
        }

        double y(double s) {
            return y0 + vy * s;
        }

        /** Below 3 m/s: on foot. */
        boolean onFoot() {
            return Math.hypot(vx, vy) < 3;
        }
    }

    private BorderFleet() {
    }

    /** {@code n} crossers (fewer if the scenario has few clean land crossings), uids {@code demo-0…}. */
    static List<Mover> crossing(Scenario scenario, int n, long seed) {
        return of(scenario, n, seed, 1.0);
    }

    /**
     * {@code n} movers, each a crosser with probability {@code crossingShare}, else a patrol (half of them on foot).
     * With a share of 1 the draws are exactly those of {@link #crossing}: the demo's vehicles do not change.
     */
    static List<Mover> of(Scenario scenario, int n, long seed, double crossingShare) {
        Random rnd = new Random(seed);
        BorderIndex border = new BorderIndex(scenario);
        List<Sector> sectors = scenario.sectors();
        List<Mover> out = new ArrayList<>(n);
        int attempts = 0;
        while (out.size() < n && attempts++ < n * 20) {
            Sector s = sectors.get(rnd.nextInt(sectors.size()));
            LengthIndexedLine line = new LengthIndexedLine(s.geometry());
            double len = s.geometry().getLength();
            double at = rnd.nextDouble() * len;
            Coordinate p = line.extractPoint(at);
            Coordinate a = line.extractPoint(Math.max(0, at - 20));
            Coordinate b = line.extractPoint(Math.min(len, at + 20));
            double tx = b.x - a.x;
            double ty = b.y - a.y;
            double tl = Math.hypot(tx, ty);
            if (tl < 1) {
                continue;
            }
            tx /= tl;
            ty /= tl;
            double nx = -ty;
            double ny = tx;
            boolean plusInside = border.onTerritory(p.x + 300 * nx, p.y + 300 * ny);
            boolean minusInside = border.onTerritory(p.x - 300 * nx, p.y - 300 * ny);
            if (plusInside == minusInside) {
                continue; // a lake, the sea, a corner: not a clean land crossing
            }
            double in = plusInside ? 1 : -1;
            if (crossingShare < 1 && rnd.nextDouble() >= crossingShare) {
                double off = 200 + rnd.nextDouble() * 2_300;
                double along = (rnd.nextDouble() - 0.5) * 600;
                double speed = rnd.nextBoolean() ? 1 + rnd.nextDouble() : 8 + rnd.nextDouble() * 7;
                double dir = rnd.nextBoolean() ? 1 : -1;
                out.add(new Mover("demo-" + out.size(), p.x + in * nx * off + tx * along,
                        p.y + in * ny * off + ty * along, dir * tx * speed, dir * ty * speed, false));
                continue;
            }
            double off = 100 + rnd.nextDouble() * 500;
            double along = (rnd.nextDouble() - 0.5) * 600;
            double x0 = p.x - in * nx * off + tx * along;
            double y0 = p.y - in * ny * off + ty * along;
            double angle = Math.toRadians((rnd.nextDouble() - 0.5) * 90);
            double speed = 8 + rnd.nextDouble() * 7;
            double dx = in * nx * Math.cos(angle) - in * ny * Math.sin(angle);
            double dy = in * nx * Math.sin(angle) + in * ny * Math.cos(angle);
            out.add(new Mover("demo-" + out.size(), x0, y0, dx * speed, dy * speed, true));
        }
        return out;
    }
}
