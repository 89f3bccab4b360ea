package org.skydas.server.siting;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.skydas.model.Asset;
import org.skydas.model.Site;
import org.skydas.siting.scenario.PlanApply;
import org.skydas.store.ScenarioStore;
import org.skydas.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/siting/plan/{id}/apply}: a finished plan's new sites and sensors written into the served scenario
 * file as planned assets with year and cost ({@link PlanApply}, the same rule as {@code skydas siting plan --apply};
 * {@link ScenarioStore#append}: nothing else in the file changes, the file is replaced whole), with an entry in the
 * append-only admin log (who applied which plan, when, what it added) made before the file is replaced, then the
 * server's PLAN views reloaded ({@link ServedScenario}). Refused, nothing written, when the plan is not finished, is
 * applied already, was made on an older revision of the scenario, or the file changed on disk since the server read
 * it. One apply at a time. See docs/adr/0022-applying-a-siting-plan.md.
 */
public final class PlanApplier {

    private static final Logger LOG = LoggerFactory.getLogger(PlanApplier.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the live pipeline does with an applied plan: the API answer and README say the same. */
    public static final String WATCH_NOTE = "the live watch pipeline keeps the sensors it started with until the server "
            + "restarts (planned assets send nothing yet); the plan views (layers, programme, coverage, corridors, "
            + "new plans) show the applied plan now";

    /** The append-only admin log. */
    @FunctionalInterface
    public interface AdminLog {
        void record(String actor, String action, String detailJson) throws Exception;
    }

    /** A plan that cannot be applied: {@code reason} for clients (not_finished, applied, stale, ...), the message why. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String reason;

        Refused(String reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * An applied plan: who, when, the revision it made and what it added. {@code perYear} (year → {count of assets,
     * their capex in EUR}) is copied in and out, years in order.
     */
    public record Applied(String actor, Instant at, long revision, List<String> siteIds, List<String> assetIds,
                          double totalCostEur, Map<Integer, double[]> perYear) {

        public Applied {
            siteIds = List.copyOf(siteIds);
            assetIds = List.copyOf(assetIds);
            perYear = copy(perYear);
        }

        /** A copy of the count and capex per year, years in order. */
        @Override
        public Map<Integer, double[]> perYear() {
            return copy(perYear);
        }

        private static SortedMap<Integer, double[]> copy(Map<Integer, double[]> perYear) {
            SortedMap<Integer, double[]> out = new TreeMap<>();
            perYear.forEach((year, v) -> out.put(year, v.clone()));
            return out;
        }
    }

    private final SitingJobs jobs;
    private final ServedScenario served;
    private final AdminLog log;

    /** @param log null when the server has no watch store: nothing can be applied (no audit) */
    public PlanApplier(SitingJobs jobs, ServedScenario served, AdminLog log) {
        this.jobs = jobs;
        this.served = served;
        this.log = log;
    }

    /** Why {@code job} cannot be applied now (a {@link Refused}), or null when it can. */
    Refused refusal(SitingJobs.Job job) {
        SitingJobs.Status st = job.snapshot().status();
        if (st != SitingJobs.Status.DONE || job.applicable() == null) {
            return new Refused("not_finished", "the plan is " + st.name().toLowerCase(java.util.Locale.ROOT)
                    + ", not finished: only a finished plan can be applied");
        }
        Applied a = job.applied();
        if (a != null) {
            return new Refused("applied", "the plan was applied already, by " + a.actor() + " at " + a.at());
        }
        ServedScenario.Basis now = served.basis();
        if (job.basis().revision() != now.revision()) {
            return new Refused("stale", "the plan was made on an older scenario (revision " + job.basis().revision()
                    + "; now " + now.revision() + ", another plan was applied since): run it again");
        }
        if (served.file().isEmpty()) {
            return new Refused("no_file", "this server serves a scenario held in memory, not a file: nothing to "
                    + "write the plan into");
        }
        if (log == null) {
            return new Refused("no_audit", "this server has no watch store for the audit entry");
        }
        return null;
    }

    /** What applying {@code job} would add to the scenario now; throws {@link Refused} when it cannot be applied. */
    PlanApply.Additions preview(SitingJobs.Job job) {
        Refused r = refusal(job);
        if (r != null) {
            throw r;
        }
        try {
            return PlanApply.additions(served.basis().scenario(), job.applicable().template(), job.applicable().sites());
        } catch (IllegalArgumentException e) {
            throw new Refused("conflict", e.getMessage());
        }
    }

    /**
     * Applies the finished plan {@code id} for {@code actor}.
     *
     * @throws java.util.NoSuchElementException no such job
     * @throws Refused                          see the class comment; nothing written
     * @throws StoreException                   the file could not be written (it is as it was)
     */
    public synchronized Applied apply(String id, String actor) throws StoreException {
        SitingJobs.Job job = jobs.find(id).orElseThrow(() -> new java.util.NoSuchElementException(
                "no siting plan job '" + org.skydas.server.auth.Text.clip(id) + "'"));
        PlanApply.Additions add = preview(job);
        ServedScenario.Basis before = served.basis();
        Path file = served.file().orElseThrow();
        Instant at = Instant.now();
        List<String> siteIds = add.sites().stream().map(Site::id).toList();
        List<String> assetIds = add.assets().stream().map(Asset::id).toList();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("plan", job.id());
        detail.put("plan_requested_by", job.actor());
        detail.put("scenario_file", file.toString());
        detail.put("revision_before", before.revision());
        detail.put("revision_after", before.revision() + 1);
        detail.put("sha256_before", before.digest());
        detail.put("sites", siteIds);
        detail.put("assets", assetIds);
        detail.put("total_cost_eur", add.totalCostEur());
        detail.put("per_year", perYearJson(add));
        String detailJson;
        try {
            detailJson = JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String digest;
        boolean[] audited = {false};
        try {
            // The audit entry first, inside the write: when it cannot be made, the file is left as it was.
            digest = ScenarioStore.append(file, before.digest(), add.sites(), add.assets(), () -> {
                log.record(actor, "apply_siting_plan", detailJson);
                audited[0] = true;
            });
        } catch (ScenarioStore.Changed e) {
            throw new Refused("changed_on_disk", e.getMessage() + "; restart the server to plan on the file as it is");
        } catch (StoreException e) {
            if (audited[0]) {
                recordFailure(actor, job.id(), e.getMessage());
            }
            LOG.warn("event=siting_plan_apply_failed id={} error=\"{}\"", job.id(), e.getMessage());
            throw e;
        }
        Applied applied = new Applied(actor, at, before.revision() + 1, siteIds, assetIds, add.totalCostEur(),
                add.perYear());
        job.applied(applied);
        served.replace(add.applyTo(before.scenario()), digest);
        LOG.info("event=siting_plan_applied id={} actor={} assets={} sites={} cost_eur={} revision={} file=\"{}\"",
                job.id(), actor, assetIds.size(), siteIds.size(), Math.round(add.totalCostEur()), applied.revision(), file);
        return applied;
    }

    /**
     * The audit entry is in the log but the file could not be replaced (the rename is the last step): a second entry
     * says so. Failing to write that one too is logged.
     */
    private void recordFailure(String actor, String id, String why) {
        try {
            log.record(actor, "apply_siting_plan_failed", JSON.writeValueAsString(Map.of("plan", id, "error",
                    String.valueOf(why))));
        } catch (Exception e) {
            LOG.warn("event=siting_plan_apply_failure_not_logged id={} error=\"{}\"", id, e.toString());
        }
    }

    /** Assets and cost added per programme year. */
    record PerYear(int year, int assets, @JsonProperty("cost_eur") double costEur) {
    }

    static List<PerYear> perYearJson(PlanApply.Additions add) {
        return perYearJson(add.perYear());
    }

    static List<PerYear> perYearJson(Map<Integer, double[]> perYear) {
        List<PerYear> out = new ArrayList<>();
        perYear.forEach((year, v) -> out.add(new PerYear(year, (int) v[0], v[1])));
        return out;
    }
}
