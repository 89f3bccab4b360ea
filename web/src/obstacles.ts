// The Obstacles view: the register's fields on the map (hatched), their list with status and civilian-proximity
// warnings, one field's record and history, its marking plan (sign positions), life-cycle steps with confirmation,
// and a record form. Records, marking and clearance only.
import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import * as api from "./api";
import { onLanguageChange, t } from "./i18n";
import { euros, whole } from "./numbers";
import { formatDateTime } from "./time";

const kind = (k: string) => t(`obstacles:kind.${k}`, { defaultValue: k.replace(/_/g, " ") });
const status = (s: string) => t(`obstacles:status.${s}`, { defaultValue: s.replace(/_/g, " ") });

const EMPTY: GeoJSON.FeatureCollection = { type: "FeatureCollection", features: [] };

/** A diagonal hatch as a map image: explosive fields red, obstacles brown. */
function hatch(colour: string): ImageData {
  const size = 12;
  const c = document.createElement("canvas");
  c.width = size;
  c.height = size;
  const g = c.getContext("2d")!;
  g.strokeStyle = colour;
  g.lineWidth = 2;
  for (const o of [-size, 0, size]) {
    g.beginPath();
    g.moveTo(o, size);
    g.lineTo(o + size, 0);
    g.stroke();
  }
  return g.getImageData(0, 0, size, size);
}

const TEMPLATE = {
  kind: "minefield", name: "", geometry: { type: "Polygon", coordinates: [[[0, 0], [0, 0], [0, 0], [0, 0]]] },
  reference_points: [{ lon: 0, lat: 0, description: "", ground_marked: true }, { lon: 0, lat: 0, description: "", ground_marked: true }],
  devices: [{ type: "", category: "anti_tank", count: 1, fuze: "", self_destruct: false, anti_handling: false }],
  emplacement: "buried", laying_unit: "", order_ref: "", custody: "", cost_eur: 0, budget_line: "counter_mobility",
};

export class ObstaclesView {
  private fields: api.ObstacleField[] = [];
  private selected: string | null = null;

  constructor(private map: MapLibreMap, private list: HTMLElement, private details: HTMLElement,
              private form: HTMLFormElement) {
    const add = () => {
      if (map.getSource("obstacles")) return;
      map.addImage("hatch-explosive", hatch("#c0392b"));
      map.addImage("hatch-obstacle", hatch("#7a4b00"));
      map.addSource("obstacles", { type: "geojson", data: EMPTY });
      map.addSource("signs", { type: "geojson", data: EMPTY });
      map.addLayer({ id: "obstacle-fill", type: "fill", source: "obstacles", filter: ["==", ["geometry-type"], "Polygon"],
        paint: { "fill-pattern": ["case", ["get", "explosive"], "hatch-explosive", "hatch-obstacle"] } });
      map.addLayer({ id: "obstacle-outline", type: "line", source: "obstacles",
        paint: { "line-color": ["case", ["get", "explosive"], "#c0392b", "#7a4b00"], "line-width": 2 } });
      map.addLayer({ id: "obstacle-signs", type: "circle", source: "signs",
        paint: { "circle-radius": 4, "circle-color": "#e67e22", "circle-stroke-color": "#f1c40f", "circle-stroke-width": 2 } });
      map.on("click", "obstacle-outline", (e) => this.select(String(e.features?.[0]?.properties?.id)));
      map.on("click", "obstacle-fill", (e) => this.select(String(e.features?.[0]?.properties?.id)));
    };
    if (map.isStyleLoaded()) add(); else map.once("load", add);
    (form.elements.namedItem("record") as HTMLTextAreaElement).value = JSON.stringify(TEMPLATE, null, 1);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.create();
    });
    onLanguageChange(() => {
      if (this.fields.length === 0) return;
      this.renderList();
      this.renderDetails();
    });
  }

  setVisible(visible: boolean): void {
    for (const id of ["obstacle-fill", "obstacle-outline", "obstacle-signs"]) {
      if (this.map.getLayer(id)) this.map.setLayoutProperty(id, "visibility", visible ? "visible" : "none");
    }
    if (visible) void this.load();
  }

  async load(): Promise<void> {
    try {
      this.fields = await api.obstacleFields();
    } catch (err) {
      this.list.textContent = err instanceof api.ApiError ? err.message : t("obstacles:noAnswer");
      return;
    }
    const src = this.map.getSource("obstacles") as GeoJSONSource | undefined;
    src?.setData({ type: "FeatureCollection", features: this.fields.map((f) => ({ type: "Feature", geometry: f.geometry,
      properties: { id: f.id, explosive: f.explosive, status: f.status } })) });
    this.renderList();
    if (this.selected) this.renderDetails();
  }

  private renderList(): void {
    const rows = this.fields.map((f) => {
      const li = document.createElement("li");
      li.className = "obstacle" + (f.id === this.selected ? " selected" : "");
      li.dataset.id = f.id;
      li.tabIndex = 0;
      const warn = f.warnings.length ? ` ⚠ ${f.warnings.length}` : "";
      li.textContent = t("obstacles:listItem", { name: f.name, kind: kind(f.kind), status: status(f.status) }) + warn;
      li.title = f.warnings.map((w) => w.message).join("\n");
      li.addEventListener("click", () => void this.select(f.id));
      li.addEventListener("keydown", (e) => { if (e.key === "Enter") void this.select(f.id); });
      return li;
    });
    if (rows.length === 0) {
      const p = document.createElement("li");
      p.textContent = t("obstacles:noRecords");
      rows.push(p);
    }
    this.list.replaceChildren(...rows);
  }

  async select(id: string): Promise<void> {
    this.selected = id;
    this.renderList();
    this.renderDetails();
    const f = this.fields.find((x) => x.id === id);
    const src = this.map.getSource("signs") as GeoJSONSource | undefined;
    if (!f || !src) return;
    try {
      src.setData(f.geometry.type === "Polygon" ? await api.markingPlan(id) : EMPTY);
    } catch {
      src.setData(EMPTY);
    }
    const coords = (f.geometry.type === "Polygon" ? f.geometry.coordinates[0] : f.geometry.coordinates) as number[][];
    const lons = coords.map((c) => c[0]);
    const lats = coords.map((c) => c[1]);
    this.map.fitBounds([[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]],
      { padding: 80, maxZoom: 15, duration: 0 });
  }

  private renderDetails(): void {
    const f = this.fields.find((x) => x.id === this.selected);
    if (!f) {
      this.details.textContent = t("obstacles:selectField");
      return;
    }
    const el = (tag: string, text: string) => {
      const e = document.createElement(tag);
      e.textContent = text;
      return e;
    };
    const parts: HTMLElement[] = [
      el("h3", f.name),
      el("p", t("obstacles:summary", { id: f.id, kind: kind(f.kind), status: status(f.status), version: f.version })
        + (f.example ? ` · ${t("obstacles:example")}` : "")),
      el("p", t("obstacles:facts", { sectors: f.sectors.join(", ") || "–",
        size: f.area_m2 ? `${whole(f.area_m2)} m²` : `${whole(f.length_m)} m`, cost: euros(f.cost_eur), line: f.budget_line })),
    ];
    for (const w of f.warnings) {
      const p = el("p", t("obstacles:warning", { message: w.message }));
      p.className = "warning";
      parts.push(p);
    }
    const hist = document.createElement("ol");
    hist.className = "history";
    for (const h of f.history) {
      const step = { at: h.at ? formatDateTime(h.at) : "—", from: h.from ? status(h.from) : "—", to: status(h.to), actor: h.actor };
      hist.append(el("li", h.note ? t("obstacles:historyNote", { ...step, note: h.note }) : t("obstacles:history", step)));
    }
    parts.push(hist);
    const role = api.session()?.role;
    const mayStep = role === "admin" || role === "engineer";
    const buttons = document.createElement("div");
    buttons.className = "steps";
    for (const to of f.next) {
      const b = el("button", `→ ${status(to)}`) as HTMLButtonElement;
      b.disabled = !mayStep;
      b.dataset.to = to;
      b.addEventListener("click", () => void this.step(f, to));
      buttons.append(b);
    }
    parts.push(buttons);
    const msg = el("p", "");
    msg.className = "error";
    msg.id = "obstacle-error";
    msg.setAttribute("role", "alert");
    parts.push(msg);
    this.details.replaceChildren(...parts);
  }

  private async step(f: api.ObstacleField, to: string): Promise<void> {
    const note = window.prompt(t("obstacles:stepPrompt", { name: f.name, from: status(f.status), to: status(to) }), "");
    if (note === null) return; // cancelled: nothing changes
    let clearance: unknown;
    if (to === "cleared") {
      const raw = window.prompt(t("obstacles:clearancePrompt"), "");
      if (raw === null) return;
      try {
        clearance = JSON.parse(raw);
      } catch {
        this.error(t("obstacles:clearanceInvalid"));
        return;
      }
    }
    try {
      await api.transitionObstacleField(f.id, { to, note, version: f.version, clearance });
      await this.load();
    } catch (err) {
      this.error(err instanceof api.ApiError ? err.message : t("obstacles:noAnswer"));
    }
  }

  private error(m: string): void {
    const e = document.getElementById("obstacle-error");
    if (e) e.textContent = m;
  }

  private async create(): Promise<void> {
    const out = this.form.querySelector<HTMLElement>(".error")!;
    let record: unknown;
    try {
      record = JSON.parse((this.form.elements.namedItem("record") as HTMLTextAreaElement).value);
    } catch {
      out.textContent = t("obstacles:invalidJson");
      return;
    }
    try {
      const f = await api.createObstacleField(record);
      out.textContent = t("obstacles:recorded", { id: f.id });
      await this.load();
      await this.select(f.id);
    } catch (err) {
      out.textContent = err instanceof api.ApiError ? err.message : t("obstacles:noAnswer");
    }
  }
}
