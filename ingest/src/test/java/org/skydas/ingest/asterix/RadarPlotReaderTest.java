package org.skydas.ingest.asterix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.skydas.testkit.SharedData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RadarPlotReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every record of a buffer as (reader outcome, plot, record JSON). */
    private record Read(RadarPlotReader.Outcome outcome, PlotReport plot, JsonNode json) {
    }

    private static List<Read> readAll(byte[] bytes, RadarPlotReader reader) {
        List<Read> out = new ArrayList<>();
        new AsterixDecoder().decode(bytes, 0, bytes.length, new AsterixDecoder.Listener() {
            @Override
            public void record(AsterixRecord r) {
                PlotReport p = reader.read(r);
                try {
                    out.add(new Read(reader.lastOutcome(), p, JSON.readTree(r.toJson())));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public void error(int offset, String reason) {
                throw new AssertionError(reason);
            }
        });
        return out;
    }

    @Test
    void realCat048PlotsAreLocatedFromTheConfiguredSiteWithTheirTimeAndTrackNumber() throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.require("data/protocols/asterix/croatiacontrol/sample_data/cat048.raw"));
        RadarSite site = new RadarSite(45.5, 16.0, 300);
        RadarSites sites = new RadarSites().configure(25, 201, site);
        List<Read> reads = readAll(bytes, new RadarPlotReader(sites));
        assertThat(reads).isNotEmpty();
        PolarPlotLocator locator = new PolarPlotLocator(site);
        int plots = 0;
        for (Read r : reads) {
            JsonNode items = r.json().path("items");
            assertThat(r.outcome()).isEqualTo(RadarPlotReader.Outcome.PLOT);
            PlotReport p = r.plot();
            plots++;
            assertThat(p.sac()).isEqualTo(items.path("I048/010").path("SAC").asInt());
            assertThat(p.sic()).isEqualTo(items.path("I048/010").path("SIC").asInt());
            assertThat(p.timeOfDayS()).isEqualTo(items.path("I048/140").asDouble());
            assertThat(p.trackNumber()).isEqualTo(items.path("I048/161").path("TRN").asInt(-1));
            double rho = items.path("I048/040").path("RHO").asDouble();
            double theta = items.path("I048/040").path("THETA").asDouble();
            assertThat(p.rangeM()).isCloseTo(rho * 1852, within(1e-6));
            assertThat(p.azimuthDeg()).isCloseTo(theta, within(1e-9));
            boolean validFl = items.has("I048/090") && items.path("I048/090").path("V").asInt() == 0;
            assertThat(p.measuredHeight()).isEqualTo(items.has("I048/110") || validFl);
            assertThat(p.height()).isEqualTo(items.has("I048/110") ? PlotHeight.MEASURED_MSL
                    : validFl ? PlotHeight.FLIGHT_LEVEL : PlotHeight.NONE);
            double height = items.has("I048/110") ? Double.NaN
                    : validFl ? items.path("I048/090").path("FL").asDouble() * 100 * 0.3048 : site.altitudeM();
            if (!Double.isNaN(height)) {
                GeoPosition expected = locator.locate(rho * 1852, theta, height);
                assertThat(p.position().latitudeDeg()).isCloseTo(expected.latitudeDeg(), within(1e-9));
                assertThat(p.position().longitudeDeg()).isCloseTo(expected.longitudeDeg(), within(1e-9));
            }
        }
        assertThat(plots).isEqualTo(reads.size());
    }

    @Test
    void plotsOfARadarWithoutASiteAreRefusedWithTheReason() throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.require("data/protocols/asterix/croatiacontrol/sample_data/cat048.raw"));
        List<Read> reads = readAll(bytes, new RadarPlotReader(new RadarSites().configure(25, 202, new RadarSite(45, 16, 0))));
        assertThat(reads).isNotEmpty().allSatisfy(r -> {
            assertThat(r.plot()).isNull();
            assertThat(r.outcome()).isEqualTo(RadarPlotReader.Outcome.NO_SITE);
        });
    }

    /** CAT034 north marker with I034/010 and I034/120 (antenna at 54.5 N, 23.75 E, 212 m). */
    private static byte[] northMarker(int sac, int sic, double lat, double lon, int heightM) {
        long la = Math.round(lat / 180.0 * 8_388_608);
        long lo = Math.round(lon / 180.0 * 8_388_608);
        return new byte[] {34, 0, 16, (byte) 0xC1, 0x10, (byte) sac, (byte) sic, 1,
            (byte) (heightM >> 8), (byte) heightM, (byte) (la >> 16), (byte) (la >> 8), (byte) la,
            (byte) (lo >> 16), (byte) (lo >> 8), (byte) lo};
    }

    @Test
    void aRadarThatAnnouncesItsSiteInCat034IsLearntButAConfiguredSiteWins() {
        RadarSites sites = new RadarSites().configure(1, 2, new RadarSite(55, 24, 30));
        RadarPlotReader reader = new RadarPlotReader(sites);
        List<Read> reads = readAll(northMarker(1, 1, 54.5, 23.75, 212), reader);
        assertThat(reads).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(RadarPlotReader.Outcome.SERVICE));
        RadarSite learnt = sites.locator(1, 1).site();
        assertThat(learnt.latitudeDeg()).isCloseTo(54.5, within(180.0 / 8_388_608));
        assertThat(learnt.longitudeDeg()).isCloseTo(23.75, within(180.0 / 8_388_608));
        assertThat(learnt.altitudeM()).isEqualTo(212);

        readAll(northMarker(1, 2, 54.0, 23.0, 5), reader);
        assertThat(sites.locator(1, 2).site()).isEqualTo(new RadarSite(55, 24, 30));
        assertThat(sites.learntCount()).isEqualTo(1);
        assertThat(sites.configuredCount()).isEqualTo(1);
    }
}
