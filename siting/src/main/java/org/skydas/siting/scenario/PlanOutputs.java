package org.skydas.siting.scenario;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.GeoJsonFeature;
import org.skydas.geo.GeoJsonWriter;
import org.skydas.geo.Lks94;
import org.skydas.model.Sector;
import org.skydas.siting.SitingInstance;
import org.skydas.siting.SitingResult;
import org.skydas.terrain.GeoTransform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What {@code skydas siting plan} writes into its output folder: {@code plan.json}, {@code plan.geojson} (the new
 * sites, WGS84), {@code map.png} (the belt: grey uncovered, blue covered before, green added by the plan; new sites
 * red, existing sensors black) and {@code frontier.csv} (coverage by budget level). Each file is written to a
 * temporary file and renamed over the target.
 */
public final class PlanOutputs {

    /** One point of the cost/coverage curve. */
    public record FrontierPoint(double budgetEur, double spendEur, double coverage, double boundCoverage, double gap,
                                SitingResult.Status status) {
    }

    /** A new site of the plan. */
    public record NewSite(ScenarioSiting.Candidate candidate, int year, double lon, double lat, int addedCells) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ScenarioSiting siting;
    private final SitingInstance instance;
    private final SitingResult result;
    private final int planYear;

    public PlanOutputs(ScenarioSiting siting, SitingInstance instance, SitingResult result, int planYear) {
        this.siting = siting;
        this.instance = instance;
        this.result = result;
        this.planYear = planYear;
    }

    /** The sites the plan builds, with the year they are built and the demand cells only they add. */
    public List<NewSite> newSites() {
        int[] from = result.standsFrom();
        boolean[] before = coveredBy(j -> siting.candidates().get(j).existing());
        List<NewSite> out = new ArrayList<>();
        for (int j = 0; j < from.length; j++) {
            ScenarioSiting.Candidate c = siting.candidates().get(j);
            if (c.existing() || from[j] < 0) {
                continue;
            }
            int added = 0;
            for (int i : siting.covers(j)) {
                added += before[i] ? 0 : 1;
            }
            Coordinate ll = Lks94.toWgs84(c.x(), c.y());
            int year = instance.multiPeriod() ? instance.periods().get(from[j]).year() : planYear;
            out.add(new NewSite(c, year, ll.x, ll.y, added));
        }
        return out;
    }

    private interface Pick {
        boolean test(int candidate);
    }

    private boolean[] coveredBy(Pick pick) {
        boolean[] covered = new boolean[siting.demandCells().length];
        for (int j = 0; j < siting.candidates().size(); j++) {
            if (pick.test(j)) {
                for (int i : siting.covers(j)) {
                    covered[i] = true;
                }
            }
        }
        return covered;
    }

    private boolean[] before() {
        return coveredBy(j -> siting.candidates().get(j).existing());
    }

    private boolean[] after() {
        int[] from = result.standsFrom();
        return coveredBy(j -> from[j] >= 0 || siting.candidates().get(j).existing());
    }

    public double coverageBefore() {
        return fraction(before());
    }

    public double coverageAfter() {
        return fraction(after());
    }

    /** The covered share of the demand weight (of the cells with uniform weights). */
    private double fraction(boolean[] covered) {
        double n = 0;
        double total = 0;
        for (int i = 0; i < covered.length; i++) {
            double w = instance.demand().get(i).weight();
            total += w;
            n += covered[i] ? w : 0;
        }
        return total == 0 ? 0 : n / total;
    }

    private double totalWeight() {
        return instance.demand().stream().mapToDouble(SitingInstance.Demand::weight).sum();
    }

    public void writeAll(Path dir, List<FrontierPoint> frontier, Map<String, Object> request) throws IOException {
        Files.createDirectories(dir);
        List<NewSite> sites = newSites();
        writeJson(dir.resolve("plan.json"), sites, request);
        writeGeoJson(dir.resolve("plan.geojson"), sites);
        writePng(dir.resolve("map.png"));
        writeFrontier(dir.resolve("frontier.csv"), frontier);
    }

    private void writeJson(Path file, List<NewSite> sites, Map<String, Object> request) throws IOException {
        write(file, JSON.writeValueAsBytes(json(sites, request)));
    }

    /** What {@code plan.json} holds. */
    public ObjectNode json(Map<String, Object> request) {
        return json(newSites(), request);
    }

    private ObjectNode json(List<NewSite> sites, Map<String, Object> request) {
        ObjectNode o = JSON.createObjectNode();
        o.put("scenario", siting.scenario().name());
        o.set("request", JSON.valueToTree(request));
        o.put("terrain", siting.coverage().terrainNote());
        GeoTransform gt = siting.coverage().terrain().transform();
        o.put("demand_cells", siting.demandCells().length);
        o.put("cell_size_m", Math.abs(gt.dx()));
        o.put("candidates", siting.candidates().stream().filter(c -> !c.existing()).count());
        o.put("existing_sensors", siting.candidates().stream().filter(ScenarioSiting.Candidate::existing).count());
        o.put("status", result.status().name());
        o.put("objective", result.objective());
        o.put("bound", result.bound());
        o.put("gap", result.gap());
        o.put("spend_eur", result.spendCents() / 100.0);
        o.put("coverage_before", coverageBefore());
        o.put("coverage_after", coverageAfter());
        // Per period (one for a single budget): its budget and spend, the coverage standing by its end.
        ArrayNode ps = o.putArray("periods");
        for (int t = 0; t < result.periods().size(); t++) {
            SitingResult.PeriodPlan p = result.periods().get(t);
            ObjectNode po = ps.addObject();
            po.put("year", instance.multiPeriod() ? p.year() : planYear);
            po.put("budget_eur", instance.periods().get(t).budgetCents() / 100.0);
            po.put("spend_eur", p.spendCents() / 100.0);
            po.put("coverage_before", coverageBefore());
            po.put("coverage", p.coveredWeight() / totalWeight());
            po.put("built", p.built().size());
        }
        ArrayNode arr = o.putArray("sites");
        for (NewSite s : sites) {
            ObjectNode so = arr.addObject();
            so.put("id", s.candidate().id());
            so.put("lon", round(s.lon(), 6));
            so.put("lat", round(s.lat(), 6));
            so.put("type", ScenarioSiting.name(siting.template().type()));
            so.put("cost_eur", s.candidate().costEur());
            so.put("year", s.year());
            if (s.candidate().siteId() != null) {
                so.put("site", s.candidate().siteId());
            }
            so.put("cells_added", s.addedCells());
        }
        ArrayNode sectors = o.putArray("sectors");
        List<Sector> all = siting.scenario().sectors();
        int[] cells = new int[all.size()];
        int[] before = new int[all.size()];
        int[] after = new int[all.size()];
        boolean[] b = before();
        boolean[] a = after();
        int[] sec = siting.demandSector();
        for (int i = 0; i < sec.length; i++) {
            if (sec[i] < 0) {
                continue;
            }
            cells[sec[i]]++;
            before[sec[i]] += b[i] ? 1 : 0;
            after[sec[i]] += a[i] ? 1 : 0;
        }
        for (int s = 0; s < all.size(); s++) {
            if (cells[s] == 0) {
                continue;
            }
            ObjectNode so = sectors.addObject();
            so.put("sector", all.get(s).id());
            so.put("cells", cells[s]);
            so.put("coverage_before", round((double) before[s] / cells[s], 4));
            so.put("coverage_after", round((double) after[s] / cells[s], 4));
        }
        ObjectNode solver = o.putObject("solver");
        solver.put("engine", result.engine());
        solver.put("seconds", round(result.seconds(), 2));
        solver.put("presolved_demand", result.presolvedDemand());
        solver.put("presolved_candidates", result.presolvedCandidates());
        return o;
    }

    private void writeGeoJson(Path file, List<NewSite> sites) throws IOException {
        write(file, geoJson(sites));
    }

    /** What {@code plan.geojson} holds: the new sites (WGS84) with type, cost, year and the cells only they add. */
    public byte[] geoJson() throws IOException {
        return geoJson(newSites());
    }

    private byte[] geoJson(List<NewSite> sites) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GeoJsonWriter w = new GeoJsonWriter(bytes)) {
            for (NewSite s : sites) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("type", ScenarioSiting.name(siting.template().type()));
                props.put("cost_eur", s.candidate().costEur());
                props.put("year", s.year());
                props.put("cells_added", s.addedCells());
                if (s.candidate().siteId() != null) {
                    props.put("site", s.candidate().siteId());
                }
                w.write(new GeoJsonFeature(s.candidate().id(),
                        Lks94.WGS84.createPoint(new Coordinate(s.lon(), s.lat())), props));
            }
        }
        return bytes.toByteArray();
    }

    /** The belt on the coverage grid, at most 1600 px wide or high. */
    private void writePng(Path file) throws IOException {
        int w = siting.coverage().terrain().width();
        int[] cells = siting.demandCells();
        int minC = Integer.MAX_VALUE;
        int minR = Integer.MAX_VALUE;
        int maxC = -1;
        int maxR = -1;
        for (int i : cells) {
            minC = Math.min(minC, i % w);
            maxC = Math.max(maxC, i % w);
            minR = Math.min(minR, i / w);
            maxR = Math.max(maxR, i / w);
        }
        int cw = maxC - minC + 1;
        int rh = maxR - minR + 1;
        double scale = Math.min(4.0, 1600.0 / Math.max(cw, rh));
        int iw = Math.max(1, (int) Math.ceil(cw * scale));
        int ih = Math.max(1, (int) Math.ceil(rh * scale));
        BufferedImage img = new BufferedImage(iw, ih, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, iw, ih);
        boolean[] b = before();
        boolean[] a = after();
        int cell = Math.max(1, (int) Math.ceil(scale));
        for (int k = 0; k < cells.length; k++) {
            g.setColor(b[k] ? new Color(110, 150, 210) : a[k] ? new Color(40, 170, 70) : new Color(215, 215, 215));
            g.fillRect((int) ((cells[k] % w - minC) * scale), (int) ((cells[k] / w - minR) * scale), cell, cell);
        }
        GeoTransform gt = siting.coverage().terrain().transform();
        int[] from = result.standsFrom();
        for (int j = 0; j < from.length; j++) {
            ScenarioSiting.Candidate c = siting.candidates().get(j);
            if (!c.existing() && from[j] < 0) {
                continue;
            }
            int px = (int) ((gt.col(c.x(), c.y()) - minC) * scale);
            int py = (int) ((gt.row(c.x(), c.y()) - minR) * scale);
            g.setColor(c.existing() ? Color.BLACK : new Color(210, 30, 30));
            int r = c.existing() ? 3 : 5;
            g.fillRect(px - r, py - r, 2 * r + 1, 2 * r + 1);
        }
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bytes);
        write(file, bytes.toByteArray());
    }

    private static void writeFrontier(Path file, List<FrontierPoint> frontier) throws IOException {
        StringBuilder b = new StringBuilder("budget_eur,spend_eur,coverage,coverage_bound,gap,status\n");
        for (FrontierPoint p : frontier) {
            b.append(String.format(Locale.ROOT, "%.2f,%.2f,%.6f,%.6f,%.6f,%s%n", p.budgetEur(), p.spendEur(),
                    p.coverage(), p.boundCoverage(), p.gap(), p.status()));
        }
        write(file, b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }

    /** Writes through a temporary file in the same folder renamed over the target. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(bytes);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
