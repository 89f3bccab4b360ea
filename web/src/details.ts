import type maplibregl from "maplibre-gl";
import * as api from "./api";
import type { TrackFeature } from "./tracks";
import { t } from "./i18n";
import { formatTime } from "./time";

const EMPTY: GeoJSON.FeatureCollection = { type: "FeatureCollection", features: [] };

/**
 * The details of the selected track: what it is, how it moves, and its stored history, which is
 * also drawn on the map. The values follow the live track; the history is fetched once per selection.
 */
export class TrackDetails {
  private id: number | null = null;

  constructor(private readonly map: maplibregl.Map, private readonly panel: HTMLElement) {}

  get selected(): number | null {
    return this.id;
  }

  async show(f: TrackFeature): Promise<void> {
    const id = Number(f.id ?? f.properties.id);
    this.id = id;
    this.map.setFilter("selected-track", ["==", ["id"], id]);
    this.update(f);
    const history = document.createElement("p");
    history.className = "history";
    history.setAttribute("data-testid", "track-history");
    history.textContent = t("tracks:history.loading");
    this.panel.append(history);
    let h: api.TrackHistory | null = null;
    try {
      h = await api.trackHistory(id);
    } catch (e) {
      if (this.id !== id) return;
      history.textContent = t(e instanceof api.ApiError && e.status === 404 ? "tracks:history.none" : "tracks:history.unavailable");
      history.dataset.points = "0";
      this.draw(EMPTY);
      return;
    }
    if (this.id !== id) return; // another track was chosen meanwhile
    const pts = h.properties.points;
    const minutes = pts.length > 1 ? (Date.parse(pts[pts.length - 1].time) - Date.parse(pts[0].time)) / 60_000 : 0;
    history.textContent = t("tracks:history.summary", { count: pts.length, minutes });
    history.dataset.points = String(pts.length);
    this.draw({ type: "FeatureCollection", features: [h] });
    // The panel was rewritten by a live update while the history loaded: keep the history line in it.
    if (!history.isConnected) this.panel.append(history);
  }

  /** New values of the selected track, or null when it was dropped. */
  update(f: TrackFeature | null): void {
    if (this.id === null) return;
    const history = this.panel.querySelector("[data-testid=track-history]");
    if (!f) {
      const gone = document.createElement("p");
      gone.textContent = t("tracks:gone", { id: this.id });
      this.panel.replaceChildren(gone, ...(history ? [history] : []));
      return;
    }
    const p = f.properties;
    const dl = document.createElement("dl");
    dl.dataset.trackId = String(this.id);
    const rows: [string, string, string][] = [
      ["track", "track", `#${p.id}`],
      ["class", "class", t(`tracks:classNoun.${p.class}`, { defaultValue: p.class })],
      ["status", "status", t(`tracks:status.${p.status}`, { defaultValue: p.status })],
      ["speed", "speed", t("tracks:speed", { mps: p.speed_mps, kmh: p.speed_mps * 3.6 })],
      ["heading", "heading", t("tracks:heading", { deg: p.heading_deg })],
      ["externalId", "external-id", p.external_id ?? "—"],
      ["sector", "sector", p.sector ?? "—"],
      ["quality", "quality", String(p.quality)],
      ["updated", "updated", formatTime(p.time)],
    ];
    for (const [k, field, v] of rows) {
      const dt = document.createElement("dt");
      dt.textContent = t(`tracks:field.${k}`);
      const dd = document.createElement("dd");
      dd.textContent = v;
      dd.dataset.field = field;
      dl.append(dt, dd);
    }
    this.panel.dataset.trackId = String(this.id);
    this.panel.replaceChildren(dl, ...(history ? [history] : []));
  }

  /** Something else (an alert) took the panel. */
  clear(): void {
    this.id = null;
    delete this.panel.dataset.trackId;
    this.map.setFilter("selected-track", ["==", ["id"], -1]);
    this.draw(EMPTY);
  }

  private draw(data: GeoJSON.FeatureCollection): void {
    (this.map.getSource("history") as maplibregl.GeoJSONSource | undefined)?.setData(data);
  }
}
