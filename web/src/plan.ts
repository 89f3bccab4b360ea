import type maplibregl from "maplibre-gl";
import * as api from "./api";
import { applyStatic, i18nText, onLanguageChange, t } from "./i18n";
import { euros, fixed, percent } from "./numbers";
import { SERIES_COLOURS } from "./palette";

const CLASSES = ["person", "vehicle", "drone_50m", "drone_120m"];
const SENSOR_TYPES = ["radar", "eo_ir_camera", "thermal_camera"];
const WEIGHTS = { uniform: "plan:weightsUniform", corridors: "plan:weightsCorridors" };

/** value → catalogue key, for a select's options. */
function keys(prefix: string, values: string[]): Record<string, string> {
  return Object.fromEntries(values.map((v) => [v, `${prefix}.${v}`]));
}

/** Proposed sites on the map: Okabe–Ito reddish purple with a black ring, apart from the white existing sites. */
export const PLAN_SITE_COLOUR = "#CC79A7";

const eur = euros;
const pct = (v: number) => percent(v, 1);
const gapPct = (v: number) => percent(v, 2);

/**
 * The planner view's Plan panel: budget per year, class, sensor type and weights; runs POST /api/siting/plan and
 * follows the job (stage, progress, the solver's time, incumbent and bound); then the proposed sites on the map and
 * in a table with cost, year and the cells each adds, coverage before → after per year, gap, spend and the frontier;
 * then "Apply", with a confirmation listing what it adds, writes the plan into the scenario as planned assets.
 * Planners and admins only (the server refuses others too).
 */
export class PlanPanel {
  private readonly root = document.createElement("section");
  private readonly form = document.createElement("form");
  private readonly rows = document.createElement("div");
  private readonly status = document.createElement("div");
  private readonly bar = document.createElement("progress");
  private readonly result = document.createElement("div");
  private readonly error = document.createElement("p");
  private readonly applyBox = document.createElement("div");
  private readonly dialog = document.createElement("dialog");
  private timer: number | undefined;
  /** Called once a plan is applied: the planner view reloads the scenario's layers, roll-up and coverage. */
  onApplied: (applied: api.SitingApplied) => void = () => undefined;
  private visible = false;
  private sites: GeoJSON.FeatureCollection = { type: "FeatureCollection", features: [] };
  private lastJob: api.SitingJob | null = null;
  /** The job followed, for tests and the console. */
  jobId: string | null = null;

  constructor(private readonly map: maplibregl.Map, container: HTMLElement, private readonly role: () => string | null) {
    this.root.dataset.testid = "plan-panel";
    this.root.setAttribute("aria-labelledby", "h-plan");
    const h = document.createElement("h2");
    h.id = "h-plan";
    i18nText(h, "plan:heading");
    const hint = i18nText(document.createElement("p"), "plan:hint");
    hint.className = "hint";
    this.buildForm();
    this.bar.max = 1;
    this.bar.value = 0;
    this.bar.hidden = true;
    this.bar.dataset.testid = "plan-progress";
    this.status.dataset.testid = "plan-status";
    this.status.setAttribute("aria-live", "polite");
    this.error.className = "error";
    this.error.setAttribute("role", "alert");
    this.result.dataset.testid = "plan-result";
    this.applyBox.dataset.testid = "plan-apply-box";
    this.dialog.dataset.testid = "plan-apply-dialog";
    this.dialog.setAttribute("aria-labelledby", "h-plan-apply");
    this.root.append(h, hint, this.form, this.bar, this.status, this.error, this.result, this.applyBox, this.dialog);
    container.append(this.root);
    this.root.hidden = true;
    onLanguageChange(() => this.relabel());
  }

  /** The form's labels, the job's status and the result, in the console's language. */
  private relabel(): void {
    applyStatic(this.root);
    const job = this.lastJob;
    if (!job) return;
    this.status.replaceChildren(...this.statusLines(job));
    if (job.status === "done" && job.result) {
      this.showResult(job.result);
      this.showApply(job);
    }
  }

  /** Shown in the planner view to planners and admins; the proposed sites are drawn only while it is open. */
  setVisible(visible: boolean): void {
    const role = this.role();
    this.visible = visible && (role === "planner" || role === "admin");
    this.root.hidden = !this.visible;
    if (this.map.getLayer("plan-sites")) {
      for (const id of ["plan-sites-ring", "plan-sites"]) this.map.setLayoutProperty(id, "visibility", this.visible ? "visible" : "none");
    }
  }

  private buildForm(): void {
    const select = (name: string, label: string, options: Record<string, string>) => {
      const l = document.createElement("label");
      l.append(i18nText(document.createElement("span"), label), " ");
      l.style.marginRight = ".6rem";
      const s = document.createElement("select");
      s.name = name;
      s.dataset.testid = `plan-${name}`;
      for (const [value, key] of Object.entries(options)) s.append(i18nText(new Option("", value), key));
      l.append(s);
      return l;
    };
    const number = (name: string, label: string, value: number, min: number, max: number) => {
      const l = document.createElement("label");
      l.append(i18nText(document.createElement("span"), label), " ");
      l.style.marginRight = ".6rem";
      const i = document.createElement("input");
      Object.assign(i, { type: "number", name, value: String(value), min: String(min), max: String(max) });
      i.dataset.testid = `plan-${name}`;
      i.style.width = "6em";
      l.append(i);
      return l;
    };
    this.rows.dataset.testid = "plan-budgets";
    const year = new Date().getFullYear();
    this.addRow(year, 3_000_000);
    this.addRow(year + 1, 3_000_000);
    const add = document.createElement("button");
    add.type = "button";
    i18nText(add, "plan:addYear");
    add.dataset.testid = "plan-add-year";
    add.addEventListener("click", () => {
      const years = [...this.rows.querySelectorAll<HTMLInputElement>("input[name=year]")].map((i) => Number(i.value));
      this.addRow((years.length ? Math.max(...years) : year - 1) + 1, 3_000_000);
    });
    const run = document.createElement("button");
    run.type = "submit";
    i18nText(run, "plan:run");
    run.dataset.testid = "plan-run";
    const line = (...els: HTMLElement[]) => {
      const d = document.createElement("div");
      d.style.margin = ".25rem 0";
      d.append(...els);
      return d;
    };
    this.form.append(
      line(select("class", "plan:targetClass", keys("plan:classes", CLASSES)),
        select("sensor_type", "plan:sensorType", keys("plan:sensorTypes", SENSOR_TYPES))),
      line(select("weights", "plan:weights", WEIGHTS)),
      this.rows, line(add),
      line(number("time_limit_s", "plan:timeLimit", 60, 1, 600), number("resolution_m", "plan:resolution", 500, 100, 5000)),
      line(run));
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.start();
    });
  }

  private addRow(year: number, budget: number): void {
    const row = document.createElement("div");
    row.className = "plan-year";
    row.style.margin = ".15rem 0";
    const y = document.createElement("input");
    Object.assign(y, { type: "number", name: "year", value: String(year), min: "2000", max: "2100" });
    y.dataset.i18nAttr = "aria-label=plan:year";
    y.style.width = "5em";
    const b = document.createElement("input");
    Object.assign(b, { type: "number", name: "budget_eur", value: String(budget), min: "0", step: "1000" });
    b.dataset.i18nAttr = "aria-label=plan:budget";
    b.style.width = "9em";
    const x = document.createElement("button");
    x.type = "button";
    i18nText(x, "plan:removeYear");
    x.addEventListener("click", () => row.remove());
    row.append(y, " ", b, " EUR ", x);
    applyStatic(row);
    this.rows.append(row);
  }

  /** The request body from the form (years in order). */
  request(): Record<string, unknown> | null {
    const data = new FormData(this.form);
    const years = data.getAll("year").map(Number);
    const budgets = data.getAll("budget_eur").map(Number);
    const perYear = years.map((year, k) => ({ year, budget_eur: budgets[k] })).sort((a, b) => a.year - b.year);
    if (perYear.length === 0) return null;
    return {
      class: data.get("class"),
      sensor_type: data.get("sensor_type"),
      weights: data.get("weights"),
      budget_per_year: perYear,
      time_limit_s: Number(data.get("time_limit_s")),
      resolution_m: Number(data.get("resolution_m")),
    };
  }

  private async start(): Promise<void> {
    this.error.textContent = "";
    const body = this.request();
    if (!body) {
      this.error.textContent = t("plan:noBudget");
      return;
    }
    try {
      const job = await api.startSitingPlan(body);
      this.follow(job.id);
    } catch (e) {
      if (e instanceof api.ApiError && e.status === 409 && e.body && typeof e.body.running === "string") {
        this.error.textContent = t("plan:busy");
        this.follow(e.body.running);
      } else {
        this.error.textContent = e instanceof api.ApiError ? e.message : t("plan:noAnswer");
      }
    }
  }

  private follow(id: string): void {
    this.jobId = id;
    this.root.dataset.job = id;
    this.bar.hidden = false;
    this.bar.value = 0;
    this.lastJob = null;
    this.status.textContent = t("plan:running");
    this.result.replaceChildren();
    this.applyBox.replaceChildren();
    void this.poll();
  }

  private async poll(): Promise<void> {
    window.clearTimeout(this.timer);
    const id = this.jobId;
    if (!id) return;
    let job: api.SitingJob;
    try {
      job = await api.sitingPlan(id);
    } catch (e) {
      this.error.textContent = e instanceof api.ApiError ? e.message : t("plan:noAnswer");
      return;
    }
    if (id !== this.jobId) return;
    this.lastJob = job;
    this.bar.value = job.progress;
    this.root.dataset.status = job.status;
    this.status.replaceChildren(...this.statusLines(job));
    if (job.status === "done" && job.result) {
      this.bar.hidden = true;
      this.showResult(job.result);
      this.showApply(job);
    } else if (job.status === "failed" || job.status === "cancelled") {
      this.bar.hidden = true;
      this.error.textContent = job.status === "failed" ? t("plan:failed", { why: job.error ?? "" }) : t("plan:cancelled");
    } else {
      this.timer = window.setTimeout(() => void this.poll(), 1000);
    }
  }

  private statusLines(job: api.SitingJob): HTMLElement[] {
    const p = document.createElement("p");
    p.textContent = job.status === "queued" ? t("plan:queued") : job.message ? `${job.stage}: ${job.message}` : job.stage;
    const out = [p];
    const s = job.solver;
    if (s && job.status === "running") {
      const q = document.createElement("p");
      q.dataset.testid = "plan-solver";
      q.textContent = t("plan:solver", { phase: s.phase, elapsed: fixed(s.elapsed_s, 0), limit: fixed(s.time_limit_s, 0) })
        + (s.incumbent !== null && s.bound !== null && s.gap !== null
          ? " · " + t("plan:incumbent", { best: fixed(s.incumbent, 1), bound: fixed(s.bound, 1), gap: gapPct(s.gap) }) : "");
      q.title = t("plan:solverNote");
      out.push(q);
    }
    return out;
  }

  private showResult(r: api.SitingPlanResult): void {
    const summary = document.createElement("p");
    summary.dataset.testid = "plan-summary";
    summary.textContent = t("plan:summary", { status: t(r.status === "OPTIMAL" ? "plan:optimal" : "plan:feasible"),
      gap: gapPct(r.gap), spend: eur(r.spend_eur) });
    summary.dataset.gap = String(r.gap);
    const cov = document.createElement("p");
    cov.dataset.testid = "plan-coverage";
    cov.textContent = t("plan:coverage", { before: pct(r.coverage_before), after: pct(r.coverage_after) });
    const obj = document.createElement("p");
    obj.className = "hint";
    obj.textContent = t("plan:objective", { objective: fixed(r.objective, 1), bound: fixed(r.bound, 1) });
    const periods = this.table(t("plan:periodsCaption"), ["year", "budget", "spend", "coverage"].map((k) => t(`plan:periodHead.${k}`)),
      r.periods.map((p) =>
      [String(p.year), eur(p.budget_eur), eur(p.spend_eur), `${pct(p.coverage_before)} → ${pct(p.coverage)}`]));
    periods.dataset.testid = "plan-periods";
    const sites = r.sites.length === 0 ? Object.assign(document.createElement("p"), { textContent: t("plan:noSites") })
      : this.table(t("plan:sitesCaption"), ["site", "type", "year", "cost", "cells"].map((k) => t(`plan:siteHead.${k}`)),
        r.sites.map((s) => [s.id, t(`plan:siteType.${s.type}`, { defaultValue: s.type.replace(/_/g, " ") }), String(s.year),
          eur(s.cost_eur), String(s.cells_added)]));
    sites.dataset.testid = "plan-sites";
    this.result.replaceChildren(summary, cov, obj, periods, sites, this.frontier(r.frontier));
    this.sites = r.plan_geojson;
    this.drawSites();
  }

  /**
   * The Apply button of a finished plan (or who applied it, or why it cannot be applied): it opens a confirmation that
   * lists what the server will add — planned sensors, new sites, total cost and cost per year — before anything is
   * written.
   */
  private showApply(job: api.SitingJob): void {
    const a = job.apply;
    if (!a) {
      this.applyBox.replaceChildren();
      return;
    }
    this.applyBox.dataset.state = a.state;
    if (a.state === "applied") {
      const p = document.createElement("p");
      p.dataset.testid = "plan-apply-result";
      p.textContent = t("plan:applied", { by: a.by ?? "", count: Array.isArray(a.assets) ? a.assets.length : 0,
        cost: eur(a.total_cost_eur ?? 0) });
      const w = Object.assign(document.createElement("p"), { className: "hint", textContent: t("plan:applyWatch") });
      this.applyBox.replaceChildren(p, w);
      return;
    }
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.testid = "plan-apply";
    button.textContent = t("plan:apply");
    if (a.state !== "ready") {
      button.disabled = true;
      const why = Object.assign(document.createElement("p"), { className: "hint",
        textContent: t(`plan:applyState.${a.state}`, { defaultValue: a.reason ?? a.state }) });
      why.dataset.testid = "plan-apply-why";
      this.applyBox.replaceChildren(button, why);
      return;
    }
    button.addEventListener("click", () => this.confirmApply(job));
    this.applyBox.replaceChildren(button);
  }

  private confirmApply(job: api.SitingJob): void {
    const a = job.apply!;
    const h = document.createElement("h3");
    h.id = "h-plan-apply";
    h.textContent = t("plan:applyTitle");
    const what = document.createElement("p");
    what.dataset.testid = "plan-apply-summary";
    what.textContent = t("plan:applyWhat", { count: Number(a.assets ?? 0), sites: Number(a.new_sites ?? 0),
      cost: eur(a.total_cost_eur ?? 0) });
    const perYear = this.table(t("plan:applyPerYear"), ["year", "assets", "cost"].map((k) => t(`plan:applyHead.${k}`)),
      (a.per_year ?? []).map((y) => [String(y.year), String(y.assets), eur(y.cost_eur)]));
    perYear.dataset.testid = "plan-apply-years";
    const note = Object.assign(document.createElement("p"), { className: "hint", textContent: t("plan:applyNote") });
    const watch = Object.assign(document.createElement("p"), { className: "hint", textContent: t("plan:applyWatch") });
    const error = Object.assign(document.createElement("p"), { className: "error" });
    error.setAttribute("role", "alert");
    const confirm = document.createElement("button");
    confirm.type = "button";
    confirm.dataset.testid = "plan-apply-confirm";
    confirm.textContent = t("plan:applyConfirm");
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.dataset.testid = "plan-apply-cancel";
    cancel.textContent = t("plan:applyCancel");
    cancel.addEventListener("click", () => this.dialog.close());
    confirm.addEventListener("click", async () => {
      confirm.disabled = true;
      try {
        const done = await api.applySitingPlan(job.id);
        this.dialog.close();
        job.apply = { state: "applied", by: done.applied.by, at: done.applied.at, assets: done.applied.assets,
          new_sites: done.applied.new_sites, total_cost_eur: done.applied.total_cost_eur, per_year: done.applied.per_year };
        this.showApply(job);
        this.onApplied(done);
      } catch (e) {
        confirm.disabled = false;
        const reason = e instanceof api.ApiError && e.body && typeof e.body.reason === "string" ? e.body.reason : "";
        error.textContent = reason
          ? t(`plan:applyState.${reason}`, { defaultValue: e instanceof Error ? e.message : reason })
          : e instanceof api.ApiError ? e.message : t("plan:noAnswer");
      }
    });
    const buttons = document.createElement("div");
    buttons.append(confirm, " ", cancel);
    this.dialog.replaceChildren(h, what, perYear, note, watch, error, buttons);
    this.dialog.showModal();
  }

  private table(caption: string, head: readonly string[], rows: string[][]): HTMLTableElement {
    const t = document.createElement("table");
    t.className = "table";
    t.createCaption().textContent = caption;
    const hr = t.createTHead().insertRow();
    for (const h of head) {
      const th = document.createElement("th");
      th.textContent = h;
      hr.append(th);
    }
    const tb = t.createTBody();
    for (const r of rows) {
      const tr = tb.insertRow();
      for (const c of r) tr.insertCell().textContent = c;
    }
    return t;
  }

  /** Coverage against budget as a small SVG line with the bound as a dashed line above it. */
  private frontier(points: api.SitingPlanResult["frontier"]): HTMLElement {
    const box = document.createElement("figure");
    box.className = "chart";
    box.dataset.testid = "plan-frontier";
    box.style.margin = ".4rem 0";
    box.style.maxWidth = "22rem";
    if (points.length < 2) return box;
    const cap = document.createElement("figcaption");
    cap.textContent = t("plan:frontierCaption");
    const w = 300, h = 110, pad = 28;
    const maxB = Math.max(...points.map((p) => p.budget_eur), 1);
    // The coverage axis runs to just above the highest bound, so that small shares of a long belt still show.
    const maxC = Math.min(1, Math.max(0.01, ...points.map((p) => p.coverage_bound)) * 1.1);
    const x = (b: number) => pad + (b / maxB) * (w - pad - 8);
    const y = (c: number) => h - pad + 8 - (c / maxC) * (h - pad);
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
    const line = (key: "coverage" | "coverage_bound", colour: string, dash: string) => {
      const pl = document.createElementNS(ns, "polyline");
      pl.setAttribute("points", points.map((p) => `${x(p.budget_eur).toFixed(1)},${y(p[key]).toFixed(1)}`).join(" "));
      pl.setAttribute("fill", "none");
      pl.setAttribute("stroke", colour);
      pl.setAttribute("stroke-width", "2");
      if (dash) pl.setAttribute("stroke-dasharray", dash);
      svg.append(pl);
    };
    line("coverage_bound", SERIES_COLOURS.envelope, "4 3");
    line("coverage", SERIES_COLOURS.committed, "");
    for (const p of points) {
      const c = document.createElementNS(ns, "circle");
      c.setAttribute("cx", x(p.budget_eur).toFixed(1));
      c.setAttribute("cy", y(p.coverage).toFixed(1));
      c.setAttribute("r", "3");
      c.setAttribute("fill", SERIES_COLOURS.committed);
      const t = document.createElementNS(ns, "title");
      t.textContent = `${eur(p.budget_eur)}: ${pct(p.coverage)} (≤ ${pct(p.coverage_bound)})`;
      c.append(t);
      svg.append(c);
    }
    const axis = document.createElementNS(ns, "text");
    axis.setAttribute("x", String(pad));
    axis.setAttribute("y", String(h - 2));
    axis.setAttribute("class", "axis");
    axis.textContent = t("plan:frontierAxis", { max: fixed(maxB / 1e6, 1) });
    const top = document.createElementNS(ns, "text");
    top.setAttribute("x", "0");
    top.setAttribute("y", String(y(maxC) + 10));
    top.setAttribute("class", "axis");
    top.textContent = pct(maxC);
    svg.append(axis, top);
    box.append(cap, svg);
    return box;
  }

  private drawSites(): void {
    const m = this.map;
    const draw = () => {
      const src = m.getSource("plan-sites") as maplibregl.GeoJSONSource | undefined;
      if (src) {
        src.setData(this.sites);
      } else {
        m.addSource("plan-sites", { type: "geojson", data: this.sites });
        m.addLayer({ id: "plan-sites-ring", type: "circle", source: "plan-sites",
          paint: { "circle-radius": 11, "circle-color": "rgba(0,0,0,0)", "circle-stroke-color": "#1b1b1b", "circle-stroke-width": 2 } });
        m.addLayer({ id: "plan-sites", type: "circle", source: "plan-sites",
          paint: { "circle-radius": 7, "circle-color": PLAN_SITE_COLOUR, "circle-stroke-color": "#ffffff", "circle-stroke-width": 1.5 } });
      }
      this.setVisible(this.visible);
    };
    if (m.isStyleLoaded()) draw(); else m.once("idle", draw);
  }
}
