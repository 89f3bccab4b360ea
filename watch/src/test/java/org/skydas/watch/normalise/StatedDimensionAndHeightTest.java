package org.skydas.watch.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.geodata.Egm96;
import org.skydas.ingest.asterix.GeoPosition;
import org.skydas.ingest.asterix.PlotHeight;
import org.skydas.ingest.asterix.PlotReport;
import org.skydas.ingest.cot.CotDetail;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.cot.CotPoint;
import org.skydas.ingest.remoteid.OdidBasicId;
import org.skydas.ingest.remoteid.OdidLocation;
import org.skydas.ingest.remoteid.OdidMessagePack;
import org.skydas.model.TargetKind;
import org.skydas.terrain.HeightAboveGround;
import org.skydas.testkit.SharedData;
import org.skydas.track.Detection;
import org.skydas.track.SensorModel;
import org.skydas.track.TrackState;
import org.skydas.track.Tracker;
import org.skydas.track.TrackerConfig;
import org.skydas.watch.port.GroundHeight;

/**
 * Issue 16 point 1, per feed that carries such information: what a report states about its dimension constrains
 * the class, and a measured height is judged against the ground (DEM + EGM96), never against the bare ellipsoid.
 */
class StatedDimensionAndHeightTest {

    /** On the LT–BY border near Šalčininkai, where the ground is about 150 m above sea level. */
    static final double LAT = 54.30;
    static final double LON = 25.45;

    static HeightAboveGround lithuaniaDem() throws Exception {
        return HeightAboveGround.read(List.of(SharedData.require("data/geo/dem/region/lt_by_dted0.tif")));
    }

    /** The DEM behind the pipeline's ground-height port, as the server hands it over. */
    static GroundHeight ground(HeightAboveGround dem) {
        return GroundHeight.of(dem::fromMslHeight, HeightAboveGround::standardAtmosphereHeight);
    }

    static TrackState track(List<Detection> detections) {
        Tracker tr = new Tracker(TrackerConfig.defaults());
        tr.registerSensor(new SensorModel(1, 0.9, 1e-6));
        for (Detection d : detections) {
            tr.processScan(1, d.t(), List.of(d));
        }
        return tr.reportableStates().get(0);
    }

    @Test
    void aCotGroundReportAt23MetresPerSecondIsNeverADrone() throws Exception {
        aGroundReportAt23MetresPerSecondIsNeverADrone(false);
    }

    /** TAK protocol v1 carries the same CoT type in its protobuf: decoded, it states the same dimension. */
    @Test
    void aTakV1GroundReportAt23MetresPerSecondIsNeverADrone() throws Exception {
        aGroundReportAt23MetresPerSecondIsNeverADrone(true);
    }

    private void aGroundReportAt23MetresPerSecondIsNeverADrone(boolean viaTakProtobuf) throws Exception {
        org.skydas.ingest.tak.TakMessageCodec tak = new org.skydas.ingest.tak.TakMessageCodec();
        HeightAboveGround dem = lithuaniaDem();
        double ground = dem.ground(LON, LAT);
        double hae = ground + Egm96.undulation(LAT, LON) + 1.5; // what an ATAK phone in a car reports
        Coordinate start = Lks94.toGrid(LON, LAT);
        List<Detection> ds = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            Coordinate ll = Lks94.toWgs84(start.x + 23.0 * k, start.y);
            Instant t = Instant.ofEpochSecond(1_800_000_000L + k);
            CotEvent e = CotEvent.of("ANDROID-car", "a-u-G", "m-g", t, t, t.plusSeconds(60),
                    new CotPoint(ll.y, ll.x, hae, 5, 5), CotDetail.EMPTY);
            if (viaTakProtobuf) {
                e = tak.decode(tak.encode(e)).cotEvent();
                assertThat(e.type()).isEqualTo("a-u-G");
            }
            ds.add(CotToDetection.convert(e, 1));
        }
        TrackState s = track(ds);
        assertThat(s.classProbabilities()[TargetKind.DRONE.ordinal()]).as("drone").isZero();
        assertThat(s.mostLikelyClass()).isEqualTo(TargetKind.VEHICLE);
    }

    @Test
    void aCotAirReportIsNeverAPersonOrAVehicleEvenWhenSlow() {
        Coordinate start = Lks94.toGrid(LON, LAT);
        List<Detection> ds = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            Coordinate ll = Lks94.toWgs84(start.x + 1.2 * k, start.y);
            Instant t = Instant.ofEpochSecond(1_800_000_000L + k);
            ds.add(CotToDetection.convert(CotEvent.of("uas-1", "a-u-A", "m-g", t, t, t.plusSeconds(60),
                    new CotPoint(ll.y, ll.x, 300, 5, 5), CotDetail.EMPTY), 1));
        }
        TrackState s = track(ds);
        assertThat(s.classProbabilities()[TargetKind.PERSON.ordinal()]).isZero();
        assertThat(s.classProbabilities()[TargetKind.VEHICLE.ordinal()]).isZero();
    }

    @Test
    void aRemoteIdAircraftHoveringIsNeverAPersonOrAVehicle() {
        Coordinate start = Lks94.toGrid(LON, LAT);
        List<Detection> ds = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            Coordinate ll = Lks94.toWgs84(start.x + 0.5 * k, start.y);
            long received = 1_800_000_000_000L + k * 1000L;
            // walking pace, 2 m above take-off: a person by speed alone
            OdidLocation loc = new OdidLocation(2, 2, 0, 90, 0.5, 0, ll.y, ll.x, Double.NaN, 180, 2, 10, 4, 0, 2,
                    (int) Math.floorMod(received / 100, 36_000L), 0.1);
            ds.add(RemoteIdToDetection.convert(new OdidMessagePack(2, List.of(new OdidBasicId(2, 1, 2, "1581F-HOVER"),
                    loc)), received, 1));
        }
        TrackState s = track(ds);
        assertThat(s.classProbabilities()[TargetKind.PERSON.ordinal()]).isZero();
        assertThat(s.classProbabilities()[TargetKind.VEHICLE.ordinal()]).isZero();
        assertThat(s.mostLikelyClass()).isEqualTo(TargetKind.DRONE);
    }

    static PlotReport plotAtMsl(double msl) {
        return new PlotReport(1, 7, 3_600, new GeoPosition(LAT, LON, msl), 12_000, 90, PlotHeight.MEASURED_MSL, 5);
    }

    @Test
    void aRadarPlotTwoMetresAboveGroundIsNeverHintedADroneWithOrWithoutADem() throws Exception {
        HeightAboveGround dem = lithuaniaDem();
        double ground = dem.ground(LON, LAT);
        assertThat(ground).as("ground on the shared DEM").isBetween(100.0, 300.0);
        // The target stands at ground + geoid + 2 m above the ellipsoid, i.e. ground + 2 m above mean sea level,
        // which is what I048/110 carries.
        PlotReport p = plotAtMsl(ground + 2);
        assertThat(PlotToDetection.convert(p, 0, 5, 15, ground(dem)).classHint()).as("with the DEM").isNull();
        assertThat(PlotToDetection.convert(p, 0, 5, 15, GroundHeight.NONE).classHint()).as("without a DEM").isNull();
        // A flight level of ground + 2 m through the standard atmosphere: the same.
        PlotReport fl = new PlotReport(1, 7, 3_600, new GeoPosition(LAT, LON, ground + 2), 12_000, 90,
                PlotHeight.FLIGHT_LEVEL, 5);
        assertThat(PlotToDetection.convert(fl, 0, 5, 15, ground(dem)).classHint()).isNull();
    }

    @Test
    void aRadarPlotEightyMetresAboveGroundIsHintedADroneOnlyWithADem() throws Exception {
        HeightAboveGround dem = lithuaniaDem();
        PlotReport p = plotAtMsl(dem.ground(LON, LAT) + 80);
        Detection d = PlotToDetection.convert(p, 0, 5, 15, ground(dem));
        assertThat(d.classHint()).isEqualTo(TargetKind.DRONE);
        assertThat(PlotToDetection.convert(p, 0, 5, 15, GroundHeight.NONE).classHint()).as("no DEM, no hint")
                .isNull();
    }

}
