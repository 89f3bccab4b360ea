package org.skydas.server.siting;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.skydas.server.auth.Text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * {@code POST /api/siting/plan} starts a plan in the background (202, {@code Location} of the job; 409 with the
 * running job's id while one runs; 400 naming the field at fault), {@code GET /api/siting/plan/{id}} tells its status,
 * stage, progress and the solver's elapsed time, incumbent and bound, and once done the plan ({@code result}: what
 * {@code plan.json} holds, the new sites as GeoJSON in {@code plan_geojson}, and the frontier) with {@code apply}:
 * whether it can be applied now and what that adds; {@code POST /api/siting/plan/{id}/apply} applies it
 * ({@link PlanApplier}). Planner and admin only (the access matrix); the actor is logged with each job.
 */
public final class SitingApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SitingJobs jobs;
    private final PlanApplier applier;
    private final Function<Context, String> actor;

    /** @param actor the calling user's name (the access gate has checked the role) */
    public SitingApi(SitingJobs jobs, PlanApplier applier, Function<Context, String> actor) {
        this.jobs = jobs;
        this.applier = applier;
        this.actor = actor;
    }

    public void register(Javalin app) {
        app.post("/api/siting/plan", this::submit);
        app.get("/api/siting/plan/{id}", this::status);
        app.post("/api/siting/plan/{id}/apply", this::apply);
    }

    /**
     * Applies a finished plan: 200 with what it added, 409 with {@code reason} (not_finished, applied, stale,
     * changed_on_disk, conflict, no_file, no_audit) and nothing written, 404 for an unknown job.
     */
    private void apply(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        if (jobs.find(id).isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no siting plan job '" + Text.clip(id) + "'"));
            return;
        }
        PlanApplier.Applied a;
        try {
            a = applier.apply(id, actor.apply(ctx));
        } catch (PlanApplier.Refused e) {
            ctx.status(HttpStatus.CONFLICT).json(Map.of("error", e.getMessage(), "reason", e.reason()));
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plan", id);
        m.put("applied", applied(a));
        m.put("watch", PlanApplier.WATCH_NOTE);
        ctx.json(m);
    }

    static Map<String, Object> applied(PlanApplier.Applied a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("by", a.actor());
        m.put("at", a.at().toString());
        m.put("revision", a.revision());
        m.put("assets", a.assetIds());
        m.put("new_sites", a.siteIds());
        m.put("total_cost_eur", a.totalCostEur());
        m.put("per_year", PlanApplier.perYearJson(a.perYear()));
        return m;
    }

    /**
     * Whether the plan can be applied now and what it would add ({@code state}: ready, applied, or the reason it
     * cannot be), for the confirmation a client shows before {@code POST .../apply}.
     */
    private Map<String, Object> applyView(SitingJobs.Job job) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (job.applied() != null) {
            m.put("state", "applied");
            m.putAll(applied(job.applied()));
            return m;
        }
        try {
            org.skydas.siting.scenario.PlanApply.Additions add = applier.preview(job);
            m.put("state", "ready");
            m.put("assets", add.assets().size());
            m.put("new_sites", add.sites().size());
            m.put("total_cost_eur", add.totalCostEur());
            m.put("per_year", PlanApplier.perYearJson(add));
        } catch (PlanApplier.Refused e) {
            m.put("state", e.reason());
            m.put("reason", e.getMessage());
        }
        m.put("watch", PlanApplier.WATCH_NOTE);
        return m;
    }

    private void submit(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "body: not JSON", "field", "body"));
            return;
        }
        PlanRequest request;
        try {
            request = PlanRequest.parse(body, jobs.basis().scenario());
        } catch (PlanRequest.Invalid e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", e.getMessage(), "field", e.field()));
            return;
        }
        SitingJobs.Job job;
        try {
            job = jobs.submit(request, actor.apply(ctx));
        } catch (SitingJobs.Busy e) {
            ctx.status(HttpStatus.CONFLICT).header("Location", location(e.runningId()))
                    .json(Map.of("error", e.getMessage(), "running", e.runningId()));
            return;
        }
        ctx.status(HttpStatus.ACCEPTED).header("Location", location(job.id())).json(view(job, applyView(job)));
    }

    private void status(Context ctx) {
        String id = ctx.pathParam("id");
        SitingJobs.Job job = jobs.find(id).orElse(null);
        if (job == null) {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no siting plan job '" + Text.clip(id) + "'"));
            return;
        }
        ctx.json(view(job, applyView(job)));
    }

    static String location(String id) {
        return "/api/siting/plan/" + id;
    }

    static Map<String, Object> view(SitingJobs.Job job, Map<String, Object> apply) {
        SitingJobs.Snapshot s = job.snapshot();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.id());
        m.put("status", s.status().name().toLowerCase(Locale.ROOT));
        m.put("stage", s.stage());
        m.put("message", s.message());
        m.put("progress", Math.round(s.progress() * 1000) / 1000.0);
        m.put("created_at", job.created().toString());
        m.put("started_at", s.started() == null ? null : s.started().toString());
        m.put("finished_at", s.finished() == null ? null : s.finished().toString());
        m.put("requested_by", job.actor());
        m.put("request", job.request().echo());
        if (s.solver() != null) {
            Map<String, Object> solver = new LinkedHashMap<>();
            solver.put("phase", s.solver().phase());
            solver.put("elapsed_s", Math.round(s.solver().elapsedS() * 10) / 10.0);
            solver.put("time_limit_s", s.solver().limitS());
            solver.put("incumbent", finite(s.solver().incumbent()));
            solver.put("bound", finite(s.solver().bound()));
            solver.put("gap", finite(s.solver().gap()));
            m.put("solver", solver);
        }
        m.put("error", s.error());
        m.put("result", s.result());
        m.put("scenario_revision", job.basis().revision());
        m.put("apply", apply);
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
