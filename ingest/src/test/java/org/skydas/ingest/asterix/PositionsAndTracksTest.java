package org.skydas.ingest.asterix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

import org.junit.jupiter.api.Test;
import org.skydas.testkit.SharedData;

class PositionsAndTracksTest {

    private static final double A = 6_378_137.0;
    private static final double E2 = 6.69437999014e-3;

    /** Geodetic to ECEF, written out here again so the test does not trust the code under test. */
    private static double[] ecef(double latDeg, double lonDeg, double h) {
        double lat = Math.toRadians(latDeg);
        double lon = Math.toRadians(lonDeg);
        double n = A / Math.sqrt(1 - E2 * Math.sin(lat) * Math.sin(lat));
        return new double[] {(n + h) * Math.cos(lat) * Math.cos(lon), (n + h) * Math.cos(lat) * Math.sin(lon),
            (n * (1 - E2) + h) * Math.sin(lat)};
    }

    /** Slant range and azimuth of a target seen from a site (exact, on the ellipsoid). */
    private static double[] rangeAzimuth(RadarSite s, double lat, double lon, double h) {
        double[] a = ecef(s.latitudeDeg(), s.longitudeDeg(), s.altitudeM());
        double[] t = ecef(lat, lon, h);
        double dx = t[0] - a[0];
        double dy = t[1] - a[1];
        double dz = t[2] - a[2];
        double la = Math.toRadians(s.latitudeDeg());
        double lo = Math.toRadians(s.longitudeDeg());
        double e = -Math.sin(lo) * dx + Math.cos(lo) * dy;
        double n = -Math.sin(la) * Math.cos(lo) * dx - Math.sin(la) * Math.sin(lo) * dy + Math.cos(la) * dz;
        double u = Math.cos(la) * Math.cos(lo) * dx + Math.cos(la) * Math.sin(lo) * dy + Math.sin(la) * dz;
        double az = Math.toDegrees(Math.atan2(e, n));
        return new double[] {Math.sqrt(e * e + n * n + u * u), az < 0 ? az + 360 : az};
    }

    private static double groundDistance(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
    }

    @Property(tries = 500)
    void slantRangeWithKnownHeightGivesTheTargetBack(@ForAll @DoubleRange(min = 2_000, max = 250_000) double ground,
                                                    @ForAll @DoubleRange(min = 0, max = 360) double bearing,
                                                    @ForAll @DoubleRange(min = 0, max = 13_000) double height) {
        RadarSite site = new RadarSite(54.9, 25.3, 180);
        // Place the target by moving 'ground' metres along 'bearing' on a sphere (any target will do).
        double d = ground / 6_371_000;
        double la1 = Math.toRadians(site.latitudeDeg());
        double br = Math.toRadians(bearing);
        double la2 = Math.asin(Math.sin(la1) * Math.cos(d) + Math.cos(la1) * Math.sin(d) * Math.cos(br));
        double lo2 = Math.toRadians(site.longitudeDeg())
                + Math.atan2(Math.sin(br) * Math.sin(d) * Math.cos(la1), Math.cos(d) - Math.sin(la1) * Math.sin(la2));
        double lat = Math.toDegrees(la2);
        double lon = Math.toDegrees(lo2);
        double[] ra = rangeAzimuth(site, lat, lon, height);

        GeoPosition p = new PolarPlotLocator(site).locate(ra[0], ra[1], height);
        // The sphere of Gaussian radius stands in for the ellipsoid: metres of error at radar ranges.
        assertThat(groundDistance(p.latitudeDeg(), p.longitudeDeg(), lat, lon)).isLessThan(25.0);
        assertThat(p.altitudeM()).isCloseTo(height, within(25.0));
    }

    @Test
    void ignoringTheHeightPlacesHighTargetsTooFar() {
        RadarSite site = new RadarSite(54.9, 25.3, 180);
        PolarPlotLocator locator = new PolarPlotLocator(site);
        double slant = 50 * PolarPlotLocator.METRES_PER_NM;
        GeoPosition withHeight = locator.locate(slant, 90, 9_144); // FL300
        GeoPosition flat = locator.locate(slant, 90, site.altitudeM());
        double dWith = groundDistance(site.latitudeDeg(), site.longitudeDeg(), withHeight.latitudeDeg(),
                withHeight.longitudeDeg());
        double dFlat = groundDistance(site.latitudeDeg(), site.longitudeDeg(), flat.latitudeDeg(), flat.longitudeDeg());
        assertThat(dFlat - dWith).isBetween(300.0, 1_000.0); // about h²/2ρ, see PolarPlotLocator
        assertThat(withHeight.altitudeM()).isCloseTo(9_144, within(5.0));
    }

    @Test
    void cat048SamplePlotUsesItsFlightLevel() throws Exception {
        byte[] b = Files.readAllBytes(SharedData.require("data/protocols/asterix/croatiacontrol/sample_data/cat048.raw"));
        RadarSite site = new RadarSite(45.5, 16.0, 300);
        PolarPlotLocator locator = new PolarPlotLocator(site);
        Cat048Plots plots = new Cat048Plots();
        List<GeoPosition> out = new ArrayList<>();
        new AsterixDecoder().decode(b, 0, b.length, r -> out.add(plots.locate(r, locator)));
        GeoPosition p = out.get(0);
        double slant = 197.68359375 * PolarPlotLocator.METRES_PER_NM;
        double ground = groundDistance(site.latitudeDeg(), site.longitudeDeg(), p.latitudeDeg(), p.longitudeDeg());
        assertThat(ground).isLessThan(slant).isGreaterThan(slant * 0.99);
        // FL330; the sphere stands in for the ellipsoid, ~10 m off at this 366 km range.
        assertThat(p.altitudeM()).isCloseTo(330 * 100 * 0.3048, within(25.0));
        double[] ra = rangeAzimuth(site, p.latitudeDeg(), p.longitudeDeg(), p.altitudeM());
        assertThat(ra[1]).isCloseTo(340.13671875, within(0.01));
        assertThat(ra[0]).isCloseTo(slant, within(30.0));
    }

    @Test
    void cat062RecordsBecomeExternalTracksWithTheReferenceValues() throws Exception {
        byte[] b = Files.readAllBytes(
                SharedData.require("data/protocols/asterix/croatiacontrol/sample_data/cat062cat065.raw"));
        JsonNode ref = Decoded.parse(Files.readString(
                SharedData.require("data/protocols/asterix/croatiacontrol/expected_values_test_parse.json")))
                .get("cat062cat065.raw");
        Cat062Tracks reader = new Cat062Tracks();
        List<ExternalTrack> tracks = new ArrayList<>();
        new AsterixDecoder().decode(b, 0, b.length, r -> {
            ExternalTrack t = reader.read(r);
            if (t != null) {
                tracks.add(t);
            }
        });
        assertThat(tracks).hasSize(2); // the CAT065 record is not a track
        for (int i = 0; i < 2; i++) {
            ExternalTrack t = tracks.get(i);
            JsonNode r = ref.get("record[" + i + "]");
            assertThat(t.sac()).isEqualTo(r.at("/I010/SAC/val").asInt());
            assertThat(t.sic()).isEqualTo(r.at("/I010/SIC/val").asInt());
            assertThat(t.trackNumber()).isEqualTo(r.at("/I040/TrkN/val").asInt());
            assertThat(t.timeOfDaySeconds()).isEqualTo(r.at("/I070/ToT/val").asDouble());
            assertThat(t.latitudeDeg()).isCloseTo(r.at("/I105/Lat/val").asDouble(), within(1e-12));
            assertThat(t.longitudeDeg()).isCloseTo(r.at("/I105/Lon/val").asDouble(), within(1e-12));
            assertThat(t.velocityEastMs()).isEqualTo(r.at("/I185/Vx/val").asDouble());
            assertThat(t.velocityNorthMs()).isEqualTo(r.at("/I185/Vy/val").asDouble());
            assertThat(t.geometricAltitudeM()).isCloseTo(r.at("/I130/Alt/val").asDouble() * 0.3048, within(1e-9));
            assertThat(t.flightLevel() * 100).isEqualTo(r.at("/I136/MFL/val").asDouble()); // Croatia: feet
            assertThat(t.mode3a()).isEqualTo(r.at("/I060/Mode3A/val").asText());
        }
        assertThat(tracks.get(0).aircraftAddress()).isEqualTo(-1);
        assertThat(tracks.get(0).callsign()).isNull();
        assertThat(Integer.toHexString(tracks.get(1).aircraftAddress()).toUpperCase())
                .isEqualTo(ref.at("/record[1]/I380~1ADR/ADR/val").asText());
        assertThat(tracks.get(1).callsign()).isEqualTo(ref.at("/record[1]/I380~1ID/ACID/val").asText().strip());
    }
}
