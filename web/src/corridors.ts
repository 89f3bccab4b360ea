import type maplibregl from "maplibre-gl";
import "./corridors.css";
import * as api from "./api";
import { onLanguageChange, t } from "./i18n";
import { fixed } from "./numbers";
import { formatDateTime } from "./time";

/** Minutes in the console's language: "12.5 min" / "12,5 min.". */
const minutes = (s: number) => t("corridors:minutes", { value: fixed(s / 60, 1) });
const mover = (m: string) => t(`corridors:movers.${m}`, { defaultValue: m });
const COLUMNS = ["rank", "from", "mover", "travel", "warning", "detected"];

const NEIGHBOURS = ["BY", "RU", "PL", "LV"];
const MOVERS = ["foot", "vehicle", "tracked", "drone"];
const LAYER = "corridors";

/**
 * The planner's Corridors layer (issue #12): the server's approach corridors from one neighbour for one
 * mover, coloured by warning time with the server's legend, a table of corridors (click a row to zoom to
 * it) and each sector's least warning time. The server computes them in the background; this view polls
 * while a job runs. Planners and admins may recompute.
 */
export class CorridorsView {
  private from = "BY";
  private mover = "foot";
  private visible = false;
  private timer: number | undefined;
  private shownFor = "";
  private sectorIds: { id: string; neighbour: string }[] = [];
  private readonly fromSelect = document.createElement("select");
  private readonly moverSelect = document.createElement("select");
  private readonly recompute = document.createElement("button");
  private readonly legend = document.createElement("div");
  private readonly table = document.createElement("table");
  private readonly sectors = document.createElement("ol");
  private readonly styleReady: Promise<void>;
  private readonly fromText = document.createElement("span");
  private readonly moverText = document.createElement("span");
  private readonly hint = document.createElement("p");
  private readonly sectorsTitle = document.createElement("h3");
  private last: { fc: api.Corridors; sectors: api.CorridorSectors } | null = null;

  constructor(private readonly map: maplibregl.Map, container: HTMLElement) {
    this.styleReady = new Promise((resolve) => {
      if (map.loaded()) resolve();
      else { map.once("load", () => resolve()); map.once("idle", () => resolve()); }
    });
    const fromLabel = document.createElement("label");
    fromLabel.append(this.fromText, " ");
    this.fromSelect.dataset.testid = "corridor-from";
    this.fromSelect.append(...NEIGHBOURS.map((n) => option(n, n)));
    fromLabel.append(this.fromSelect);
    const moverLabel = document.createElement("label");
    moverLabel.append(this.moverText, " ");
    this.moverSelect.dataset.testid = "corridor-mover";
    this.moverSelect.append(...MOVERS.map((m) => option(m, mover(m))));
    moverLabel.append(this.moverSelect);
    for (const s of [this.fromSelect, this.moverSelect]) {
      s.addEventListener("change", () => {
        this.from = this.fromSelect.value;
        this.mover = this.moverSelect.value;
        this.shownFor = "";
        void this.poll();
      });
    }
    this.recompute.className = "recompute";
    this.recompute.hidden = true;
    this.recompute.addEventListener("click", () => void this.requestRecompute());
    this.legend.dataset.testid = "corridor-legend";
    this.legend.className = "coverage-legend";
    this.legend.setAttribute("aria-live", "polite");
    this.table.dataset.testid = "corridor-table";
    this.table.className = "table corridor-table";
    this.hint.className = "hint";
    this.sectors.dataset.testid = "corridor-sectors";
    this.sectors.className = "gap-list corridor-sectors";
    container.replaceChildren(fromLabel, moverLabel, this.recompute, this.legend, this.hint, this.table,
      this.sectorsTitle, this.sectors);
    this.relabel();
    onLanguageChange(() => this.relabel());
    void api.layer("sectors").then((fc) => {
      this.sectorIds = fc.features.map((f) => ({ id: String(f.id ?? f.properties?.id ?? ""),
        neighbour: String(f.properties?.neighbour ?? "") })).filter((s) => s.id);
      // The first neighbour the scenario borders, so that the first view has something to show.
      const first = NEIGHBOURS.find((n) => this.sectorIds.some((s) => s.neighbour === n));
      if (first && !this.sectorIds.some((s) => s.neighbour === this.from)) {
        this.from = first;
        this.fromSelect.value = first;
      }
    }).catch(() => undefined);
  }

  /** Writes every label again in the console's language, and the last result with them. */
  private relabel(): void {
    this.fromText.textContent = t("corridors:from");
    this.moverText.textContent = t("corridors:mover");
    for (const o of this.moverSelect.options) o.textContent = mover(o.value);
    this.recompute.textContent = t("corridors:recompute");
    this.hint.textContent = t("corridors:tableHint");
    this.sectorsTitle.textContent = t("corridors:sectorsTitle");
    if (this.last) {
      this.renderLegend(this.last.fc);
      this.renderTable(this.last.fc);
      this.renderSectors(this.last.sectors);
    }
  }

  /**
   * Planning data: drawn, and asked for, only while the planner view is open (the first request starts
   * the server's computation, which no one should pay for by merely logging in).
   */
  setVisible(visible: boolean): void {
    this.visible = visible;
    void this.styleReady.then(() => {
      if (this.map.getLayer(LAYER)) this.map.setLayoutProperty(LAYER, "visibility", visible ? "visible" : "none");
    });
    if (visible) void this.poll();
    else window.clearTimeout(this.timer);
  }

  /** Asks for the corridors now (a plan was applied: they are computed again through the new coverage). */
  refresh(): void {
    void this.poll();
  }

  private async poll(): Promise<void> {
    window.clearTimeout(this.timer);
    if (!this.visible) return;
    if (!api.session()) {
      this.timer = window.setTimeout(() => void this.poll(), 3000);
      return;
    }
    const key = `${this.from}/${this.mover}`;
    let running = false;
    try {
      const [fc, sectors] = await Promise.all([api.corridors(this.from, this.mover), api.corridorSectors(this.from, this.mover)]);
      if (key !== `${this.from}/${this.mover}` || !this.visible) return; // a newer selection, or hidden
      running = fc.status === "running";
      this.last = { fc, sectors };
      this.renderLegend(fc);
      const drawn = `${key}@${fc.computedAt}`;
      if (drawn !== this.shownFor) {
        this.shownFor = drawn;
        void this.styleReady.then(() => this.drawLayer(fc));
        this.renderTable(fc);
        this.renderSectors(sectors);
      }
    } catch (e) {
      this.legend.replaceChildren(Object.assign(document.createElement("p"),
        { className: "error", textContent: e instanceof api.ApiError ? e.message : t("corridors:noAnswer") }));
    }
    this.timer = window.setTimeout(() => void this.poll(), running ? 1500 : 15000);
  }

  private renderLegend(fc: api.Corridors): void {
    const state = document.createElement("p");
    state.className = "coverage-state";
    state.dataset.status = fc.status;
    state.textContent = fc.status === "running" ? t("corridors:running", { pct: Math.round(fc.progress * 100) })
        + (fc.computedAt ? t("corridors:previous") : "")
      : fc.status === "ready" ? t("corridors:ready", { at: formatDateTime(fc.computedAt!) })
      : t("corridors:failed", { why: fc.error ?? "" });
    const terrain = document.createElement("p");
    terrain.className = "hint";
    terrain.textContent = [fc.terrain, fc.resolution_m ? t("corridors:grid", { m: fc.resolution_m }) : ""].filter(Boolean).join(" · ");
    const swatches = document.createElement("ul");
    swatches.className = "swatches";
    for (const l of fc.legend) {
      const li = document.createElement("li");
      const sw = document.createElement("span");
      sw.className = "swatch line";
      sw.style.background = l.color;
      li.append(sw, document.createTextNode(l.label));
      swatches.append(li);
    }
    this.legend.replaceChildren(state, terrain, swatches);
    const role = api.session()?.role;
    this.recompute.hidden = !(role === "planner" || role === "admin");
    this.recompute.disabled = fc.status === "running";
  }

  private async requestRecompute(): Promise<void> {
    try {
      await api.recomputeCorridors(this.from, this.mover);
    } catch (e) {
      this.legend.append(Object.assign(document.createElement("p"),
        { className: "error", textContent: e instanceof api.ApiError ? e.message : t("corridors:noAnswer") }));
      return;
    }
    void this.poll();
  }

  private drawLayer(fc: api.Corridors): void {
    const m = this.map;
    const data = { type: "FeatureCollection", features: fc.features } as GeoJSON.FeatureCollection;
    const src = m.getSource(LAYER) as maplibregl.GeoJSONSource | undefined;
    if (src) {
      src.setData(data);
    } else {
      m.addSource(LAYER, { type: "geojson", data });
      m.addLayer({ id: LAYER, type: "line", source: LAYER,
        layout: { visibility: this.visible ? "visible" : "none", "line-cap": "round", "line-join": "round" },
        paint: { "line-color": colourExpression(fc.legend), "line-width": 4, "line-opacity": 0.9 } });
    }
  }

  private renderTable(fc: api.Corridors): void {
    const head = document.createElement("tr");
    head.append(...COLUMNS.map((c) => Object.assign(document.createElement("th"), { textContent: t(`corridors:column.${c}`) })));
    const rows = fc.features.map((f) => {
      const p = f.properties;
      const tr = document.createElement("tr");
      tr.dataset.testid = "corridor-row";
      tr.dataset.rank = String(p.rank);
      tr.tabIndex = 0;
      tr.setAttribute("role", "button");
      const cells = [String(p.rank), p.neighbour, mover(p.mover), minutes(p.travel_time_s),
        p.warning_time_s === null ? "—" : minutes(p.warning_time_s), t(p.undetected ? "corridors:no" : "corridors:yes")];
      tr.append(...cells.map((c) => Object.assign(document.createElement("td"), { textContent: c })));
      const swatch = document.createElement("span");
      swatch.className = "swatch line";
      swatch.style.background = colourOf(fc.legend, p);
      tr.firstElementChild!.prepend(swatch);
      const zoom = () => {
        const b = [Infinity, Infinity, -Infinity, -Infinity];
        for (const [x, y] of f.geometry.coordinates) {
          b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
        }
        this.map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 40, maxZoom: 14, duration: 600 });
      };
      tr.addEventListener("click", zoom);
      tr.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); zoom(); } });
      return tr;
    });
    if (rows.length === 0 && fc.status !== "running") {
      const tr = document.createElement("tr");
      tr.className = "empty";
      tr.append(Object.assign(document.createElement("td"), { textContent: t("corridors:noCorridors"), colSpan: COLUMNS.length }));
      rows.push(tr);
    }
    this.table.replaceChildren(head, ...rows);
  }

  /** Every sector of the neighbour, with the least warning time of the corridors that cross it. */
  private renderSectors(s: api.CorridorSectors): void {
    const byId = new Map(s.sectors.map((r) => [r.sector, r]));
    const ids = this.sectorIds.filter((x) => x.neighbour === this.from).map((x) => x.id);
    for (const r of s.sectors) if (!ids.includes(r.sector)) ids.push(r.sector);
    const items = ids.map((id) => {
      const r = byId.get(id);
      const li = document.createElement("li");
      li.dataset.testid = "corridor-sector";
      li.dataset.sector = id;
      if (r?.min_warning_time_s !== undefined && r.min_warning_time_s !== null) li.dataset.minWarning = String(r.min_warning_time_s);
      li.textContent = !r ? t("corridors:sectorNone", { id })
        : r.undetected_corridor ? t("corridors:sectorUndetected", { id, count: r.corridors })
        : t("corridors:sectorWarning", { id, count: r.corridors, minutes: fixed(r.min_warning_time_s! / 60, 1) });
      if (r) li.className = r.undetected_corridor ? "undetected" : "warned";
      return li;
    });
    this.sectors.replaceChildren(...items);
  }
}

function option(value: string, label: string): HTMLOptionElement {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = label;
  return o;
}

/** The legend's classes as a MapLibre expression: undetected first, then steps of warning time. */
export function colourExpression(legend: api.CorridorLegend[]): maplibregl.ExpressionSpecification {
  const undetected = legend.find((l) => l.undetected)?.color ?? "#800080";
  const steps = legend.filter((l) => !l.undetected);
  const step: unknown[] = ["step", ["coalesce", ["get", "warning_time_s"], 0], steps[0].color];
  for (let i = 1; i < steps.length; i++) step.push(steps[i - 1].below_s, steps[i].color);
  return ["case", ["==", ["get", "undetected"], true], undetected, step] as unknown as maplibregl.ExpressionSpecification;
}

/** The same classification for one corridor (for the table's swatches). */
function colourOf(legend: api.CorridorLegend[], p: api.CorridorProps): string {
  if (p.undetected) return legend.find((l) => l.undetected)?.color ?? "#800080";
  const steps = legend.filter((l) => !l.undetected);
  return (steps.find((l) => l.below_s === null || (p.warning_time_s ?? 0) < l.below_s) ?? steps[steps.length - 1]).color;
}
