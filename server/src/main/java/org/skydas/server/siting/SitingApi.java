package org.skydas.server.siting;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.skydas.server.auth.Text;
import org.skydas.server.http.ApiError;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

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
            ctx.status(HttpStatus.NOT_FOUND).json(new ApiError("no siting plan job '" + Text.clip(id) + "'"));
            return;
        }
        PlanApplier.Applied a;
        try {
            a = applier.apply(id, actor.apply(ctx));
        } catch (PlanApplier.Refused e) {
            ctx.status(HttpStatus.CONFLICT).json(new Refused(e.getMessage(), e.reason()));
            return;
        }
        ctx.json(new ApplyResult(id, applied(a), PlanApplier.WATCH_NOTE));
    }

    static Applied applied(PlanApplier.Applied a) {
        return new Applied(a.actor(), a.at().toString(), a.revision(), a.assetIds(), a.siteIds(), a.totalCostEur(),
                PlanApplier.perYearJson(a.perYear()));
    }

    /**
     * Whether the plan can be applied now and what it would add ({@code state}: ready, applied, or the reason it
     * cannot be), for the confirmation a client shows before {@code POST .../apply}.
     */
    private ApplyView applyView(SitingJobs.Job job) {
        if (job.applied() != null) {
            Applied a = applied(job.applied());
            return new ApplyView("applied", null, a.assets(), a.newSites(), a.totalCostEur(), a.perYear(), a.by(), a.at(),
                    a.revision(), null);
        }
        try {
            org.skydas.siting.scenario.PlanApply.Additions add = applier.preview(job);
            return new ApplyView("ready", null, add.assets().size(), add.sites().size(), add.totalCostEur(),
                    PlanApplier.perYearJson(add), null, null, null, PlanApplier.WATCH_NOTE);
        } catch (PlanApplier.Refused e) {
            return new ApplyView(e.reason(), e.getMessage(), null, null, null, null, null, null, null,
                    PlanApplier.WATCH_NOTE);
        }
    }

    private void submit(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(new ApiError("body: not JSON", "body"));
            return;
        }
        PlanRequest request;
        try {
            request = PlanRequest.parse(body, jobs.basis().scenario());
        } catch (PlanRequest.Invalid e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(new ApiError(e.getMessage(), e.field()));
            return;
        }
        SitingJobs.Job job;
        try {
            job = jobs.submit(request, actor.apply(ctx));
        } catch (SitingJobs.Busy e) {
            ctx.status(HttpStatus.CONFLICT).header("Location", location(e.runningId()))
                    .json(new Busy(e.getMessage(), e.runningId()));
            return;
        }
        ctx.status(HttpStatus.ACCEPTED).header("Location", location(job.id())).json(view(job, applyView(job)));
    }

    private void status(Context ctx) {
        String id = ctx.pathParam("id");
        SitingJobs.Job job = jobs.find(id).orElse(null);
        if (job == null) {
            ctx.status(HttpStatus.NOT_FOUND).json(new ApiError("no siting plan job '" + Text.clip(id) + "'"));
            return;
        }
        ctx.json(view(job, applyView(job)));
    }

    static String location(String id) {
        return "/api/siting/plan/" + id;
    }

    static Job view(SitingJobs.Job job, ApplyView apply) {
        SitingJobs.Snapshot s = job.snapshot();
        Solver solver = s.solver() == null ? null : new Solver(s.solver().phase(),
                Math.round(s.solver().elapsedS() * 10) / 10.0, s.solver().limitS(), finite(s.solver().incumbent()),
                finite(s.solver().bound()), finite(s.solver().gap()));
        return new Job(job.id(), s.status().name().toLowerCase(Locale.ROOT), s.stage(), s.message(),
                Math.round(s.progress() * 1000) / 1000.0, job.created().toString(),
                s.started() == null ? null : s.started().toString(), s.finished() == null ? null : s.finished().toString(),
                job.actor(), job.request().echo(), solver, s.error(), s.result(), job.basis().revision(), apply);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * A plan job as {@code POST /api/siting/plan} and {@code GET /api/siting/plan/{id}} show it (OpenAPI schema
     * {@code SitingJob}); {@code result} is what {@code plan.json} holds, with {@code plan_geojson} and {@code frontier}.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Job(String id, String status, String stage, String message, double progress, String createdAt,
               String startedAt, String finishedAt, String requestedBy, Map<String, Object> request,
               @JsonInclude(JsonInclude.Include.NON_NULL) Solver solver, String error, JsonNode result,
               long scenarioRevision, ApplyView apply) {
    }

    /** The solver's latest progress: phase, time, incumbent, bound and gap (null until known). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Solver(String phase, double elapsedS, double timeLimitS, Double incumbent, Double bound, Double gap) {
    }

    /**
     * Whether the plan can be applied now and what it adds ({@code state} ready: counts), who applied it (applied:
     * the ids), or why not (the reason); OpenAPI schema {@code SitingApply}.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ApplyView(String state, String reason, Object assets, Object newSites, Double totalCostEur,
                     List<PlanApplier.PerYear> perYear, String by, String at, Long revision, String watch) {
    }

    /** What applying a plan added, by whom and when (OpenAPI schema {@code Applied}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Applied(String by, String at, long revision, List<String> assets, List<String> newSites, double totalCostEur,
                   List<PlanApplier.PerYear> perYear) {
    }

    /** {@code POST /api/siting/plan/{id}/apply} (OpenAPI schema {@code SitingApplied}). */
    record ApplyResult(String plan, Applied applied, String watch) {
    }

    /** 409 from apply: nothing written, and why ({@code reason}: not_finished, applied, stale, …). */
    record Refused(String error, String reason) {
    }

    /** 409 from a new plan while one runs: the running job's id. */
    record Busy(String error, String running) {
    }
}
