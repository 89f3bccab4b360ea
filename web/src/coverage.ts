import type maplibregl from "maplibre-gl";
import * as api from "./api";
import { GAP_COLOUR } from "./palette";
import { applyStatic, i18nText, onLanguageChange, t } from "./i18n";
import { fixed } from "./numbers";
import { formatDateTime } from "./time";

const className = (c: string) => t(`coverage:classes.${c}`, { defaultValue: c });

/**
 * The planner's coverage view (issue #7): the server's coverage tiles for one target class, a legend
 * with the terrain note and the job's progress, and the sectors with gaps, worst first; a click on a
 * sector zooms the map to its gaps. Reading needs no login; planners and admins may recompute.
 */
export class CoverageView {
  private cls = "person";
  private status: api.CoverageStatus | null = null;
  private shownFor = ""; // "class@computedAt" drawn on the map and in the list
  private visible = false;
  private timer: number | undefined;
  private readonly select = document.createElement("select");
  private readonly legend = document.createElement("div");
  private readonly list = document.createElement("ol");
  private readonly recompute = document.createElement("button");
  private readonly styleReady: Promise<void>;
  private lastGaps: [api.SectorCoverage[], GeoJSON.FeatureCollection<GeoJSON.Polygon, api.GapProps>] | null = null;

  constructor(private readonly map: maplibregl.Map, container: HTMLElement) {
    // "load" fires once; "idle" covers a view made after it (it fires whenever drawing settles).
    this.styleReady = new Promise((resolve) => {
      if (map.loaded()) resolve();
      else { map.once("load", () => resolve()); map.once("idle", () => resolve()); }
    });
    const label = document.createElement("label");
    label.append(i18nText(document.createElement("span"), "coverage:targetClass"), " ");
    this.select.dataset.testid = "coverage-class";
    this.select.addEventListener("change", () => { this.cls = this.select.value; void this.draw(); });
    label.append(this.select);
    i18nText(this.recompute, "coverage:recompute");
    this.recompute.className = "recompute";
    this.recompute.addEventListener("click", () => void this.requestRecompute());
    this.legend.dataset.testid = "coverage-legend";
    this.legend.className = "coverage-legend";
    this.legend.setAttribute("aria-live", "polite");
    this.list.dataset.testid = "gap-list";
    this.list.className = "gap-list";
    const hint = i18nText(document.createElement("p"), "coverage:hint");
    hint.className = "hint";
    container.replaceChildren(label, this.recompute, this.legend, hint, this.list);
    onLanguageChange(() => {
      applyStatic(container);
      if (!this.status) return;
      this.renderLegend();
      if (this.lastGaps) this.renderGaps(...this.lastGaps);
    });
    void this.poll();
  }

  /** The coverage layers are planning data: drawn only while the planner view is open. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.whenStyle(() => {
      for (const id of ["coverage", "coverage-gaps"]) {
        if (this.map.getLayer(id)) this.map.setLayoutProperty(id, "visibility", visible ? "visible" : "none");
      }
    });
  }

  /** Asks for the status now (the scenario changed: a plan was applied and the coverage is being recomputed). */
  refresh(): void {
    void this.poll();
  }

  private async poll(): Promise<void> {
    window.clearTimeout(this.timer);
    try {
      this.status = await api.coverage();
      this.renderLegend();
      if (this.status.computedAt) await this.draw();
    } catch {
      this.legend.textContent = t("coverage:noAnswer");
    }
    // Fast while the job runs; slowly afterwards, to notice a recomputation started by someone else.
    const running = this.status?.status === "running";
    this.timer = window.setTimeout(() => void this.poll(), running ? 1500 : 15000);
  }

  private renderLegend(): void {
    const s = this.status!;
    const current = this.select.value || this.cls;
    this.select.replaceChildren(...s.classes.map((c) => {
      const o = document.createElement("option");
      o.value = c;
      o.textContent = className(c);
      return o;
    }));
    if (s.classes.includes(current)) this.select.value = current;
    this.cls = this.select.value || this.cls;

    const state = document.createElement("p");
    state.className = "coverage-state";
    state.dataset.status = s.status;
    state.textContent = s.status === "running" ? t("coverage:running", { pct: Math.round(s.progress * 100) })
      : s.status === "ready" ? t("coverage:ready", { at: formatDateTime(s.computedAt!) })
      : s.status === "failed" ? t("coverage:failed", { why: s.error ?? "" })
      : t("coverage:none");
    if (s.status === "running" && s.computedAt) state.textContent += t("coverage:previous");
    const terrain = document.createElement("p");
    terrain.className = "hint";
    terrain.textContent = [s.terrain, s.resolution_m ? t("coverage:grid", { m: s.resolution_m }) : "",
      s.threshold !== null ? t("coverage:threshold", { p: fixed(s.threshold, 2) }) : ""].filter(Boolean).join(" · ");
    const swatches = document.createElement("ul");
    swatches.className = "swatches";
    for (const l of s.legend) {
      const li = document.createElement("li");
      const sw = document.createElement("span");
      sw.className = "swatch";
      sw.style.background = l.color;
      li.append(sw, document.createTextNode(l.label));
      swatches.append(li);
    }
    const none = document.createElement("li");
    const sw = document.createElement("span");
    sw.className = "swatch none";
    none.append(sw, document.createTextNode(t("coverage:noColour", { p: fixed(0.01, 2) })));
    swatches.append(none);
    this.legend.replaceChildren(state, terrain, swatches);
    const role = api.session()?.role;
    this.recompute.hidden = !(role === "planner" || role === "admin") || s.status === "none";
    this.recompute.disabled = s.status === "running";
  }

  private async requestRecompute(): Promise<void> {
    try {
      await api.recomputeCoverage();
    } catch (e) {
      this.legend.append(Object.assign(document.createElement("p"),
        { className: "error", textContent: e instanceof api.ApiError ? e.message : t("coverage:serverNoAnswer") }));
      return;
    }
    void this.poll();
  }

  /** Tiles, gap outlines and the gap list of the selected class, once per result. */
  private async draw(): Promise<void> {
    const s = this.status;
    if (!s?.computedAt) return;
    const key = `${this.cls}@${s.computedAt}`;
    if (key === this.shownFor) return;
    this.shownFor = key;
    const [sectors, gaps] = await Promise.all([api.coverageSectors(), api.coverageGaps(this.cls)]);
    if (key !== this.shownFor) return; // a newer selection won
    this.whenStyle(() => this.drawLayers(s, gaps));
    this.lastGaps = [sectors, gaps];
    this.renderGaps(sectors, gaps);
  }

  private drawLayers(s: api.CoverageStatus, gaps: GeoJSON.FeatureCollection): void {
    const m = this.map;
    const tiles = [`${location.origin}/api/tiles/coverage/${this.cls}/{z}/{x}/{y}.png?v=${encodeURIComponent(s.computedAt!)}`];
    if (m.getLayer("coverage")) m.removeLayer("coverage");
    if (m.getSource("coverage")) m.removeSource("coverage");
    m.addSource("coverage", { type: "raster", tiles, tileSize: 256, bounds: s.bounds ?? undefined, maxzoom: 14 });
    // Under the sector and border lines, so that they stay readable on top of the colours.
    m.addLayer({ id: "coverage", type: "raster", source: "coverage", paint: { "raster-opacity": 0.85, "raster-resampling": "nearest" },
      layout: { visibility: this.visible ? "visible" : "none" } }, m.getLayer("sectors") ? "sectors" : undefined);
    const src = m.getSource("coverage-gaps") as maplibregl.GeoJSONSource | undefined;
    if (src) {
      src.setData(gaps);
    } else {
      m.addSource("coverage-gaps", { type: "geojson", data: gaps });
      m.addLayer({ id: "coverage-gaps", type: "line", source: "coverage-gaps",
        paint: { "line-color": GAP_COLOUR, "line-width": 1.5 },
        layout: { visibility: this.visible ? "visible" : "none" } }, m.getLayer("border") ? "border" : undefined);
    }
  }

  private renderGaps(sectors: api.SectorCoverage[], gaps: GeoJSON.FeatureCollection<GeoJSON.Polygon, api.GapProps>): void {
    const boxes = new Map<string, [number, number, number, number]>();
    for (const f of gaps.features) {
      const b = boxes.get(f.properties.sector) ?? [Infinity, Infinity, -Infinity, -Infinity];
      for (const ring of f.geometry.coordinates) {
        for (const [x, y] of ring) {
          b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
        }
      }
      boxes.set(f.properties.sector, b);
    }
    const rows = sectors
      .map((s) => ({ s, c: s.classes[this.cls] }))
      .filter((r) => r.c && boxes.has(r.s.sector))
      .sort((a, b) => a.c.covered_pct - b.c.covered_pct || b.c.longest_gap_m - a.c.longest_gap_m);
    const items = rows.map(({ s, c }) => {
      const li = document.createElement("li");
      li.dataset.testid = "gap-item";
      li.dataset.sector = s.sector;
      li.tabIndex = 0;
      li.setAttribute("role", "button");
      li.textContent = t("coverage:gap", { sector: s.sector, pct: fixed(c.covered_pct, 1),
        km: fixed(c.longest_gap_m / 1000, 1), area: fixed(c.gap_area_m2 / 1e6, 2) });
      const zoom = () => {
        const b = boxes.get(s.sector)!;
        this.map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 40, maxZoom: 14, duration: 600 });
      };
      li.addEventListener("click", zoom);
      li.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); zoom(); } });
      return li;
    });
    if (items.length === 0) {
      const li = document.createElement("li");
      li.className = "empty";
      li.textContent = t("coverage:noGaps");
      items.push(li);
    }
    this.list.replaceChildren(...items);
  }

  private whenStyle(fn: () => void): void {
    void this.styleReady.then(fn);
  }
}
