import type maplibregl from "maplibre-gl";
import type { TrackProps } from "./api";
import { TRACKS_INDIVIDUAL_ZOOM } from "./map";
import { TRACK_CLASSES, type TrackClass } from "./palette";
import type { SectorIndex } from "./sectors";

export type TrackFeature = GeoJSON.Feature<GeoJSON.Point, TrackProps & { sector: string | null; neighbour: string | null }>;

/** What the operator chose to see: a set of classes and one sector, one neighbour's sectors, or all. */
export interface TrackFilter {
  classes: ReadonlySet<string>;
  /** "" for every sector, "n:BY" for every sector of one neighbour, "s:BY-017" for one sector. */
  sector: string;
}

export interface TrackCounts { total: number; shown: number; byClass: Record<TrackClass, number> }

/** True when a sector (of an alert or a track) passes the sector part of the filter. */
export function sectorMatches(filter: string, sector: string | null, neighbour: string | null): boolean {
  if (!filter) return true;
  if (filter.startsWith("n:")) return (neighbour ?? sector?.split("-")[0]) === filter.slice(2);
  return sector === filter.slice(2);
}

export function classOf(p: { class?: unknown }): TrackClass {
  const c = String(p.class ?? "unknown");
  return (TRACK_CLASSES as readonly string[]).includes(c) ? (c as TrackClass) : "unknown";
}

const TRAIL_POINTS = 10;
/**
 * At most this often the map gets new data. Each setData copies every visible feature to MapLibre's
 * worker, which re-tiles them, and the map is drawn again: with thousands of tracks that redraw, not the
 * data, is what costs (measured by FrameTimeHarness). Tracks report about once a second, so two pictures
 * a second keep every track within half a second of its newest report.
 */
const MIN_RENDER_INTERVAL_MS = 500;
/** A track's sector is worked out again only after it moved this far (degrees of latitude, ≈ 500 m). */
const SECTOR_RECHECK_DEG = 0.0045;
/**
 * With at least this many tracks shown, the picture is grouped below TRACKS_INDIVIDUAL_ZOOM, and from that
 * zoom on only the tracks in and near the view are handed to the map: drawing (in MapLibre's worker and on the
 * GPU) then grows with what is on screen, not with every track held.
 */
const CLUSTER_FROM = 500;
/** The view is widened by this share of its size on each side before tracks outside it are left out. */
const VIEW_MARGIN = 0.5;
const NO_FEATURES: GeoJSON.FeatureCollection = { type: "FeatureCollection", features: [] };

/**
 * The live tracks, held by id and fed by the stream (one message per changed track) or by a snapshot.
 * Changes only mark the picture dirty; it is drawn at most once per animation frame (and per
 * MIN_RENDER_INTERVAL_MS) into one GeoJSON source that holds the points, the trails and the heading
 * vectors, so the cost of drawing does not grow with the number of messages and nothing is per-track DOM.
 */
export class TrackPicture {
  private readonly tracks = new Map<number, TrackFeature>();
  private readonly trails = new Map<number, [number, number][]>();
  /** Where each track's sector was last worked out. */
  private readonly sectorAt = new Map<number, [number, number]>();
  private filter: TrackFilter = { classes: new Set(TRACK_CLASSES), sector: "" };
  private frame = 0;
  private timer = 0;
  private lastRender = 0;
  private selected: number | null = null;
  private selectedChanged = false;
  private upserts = 0;
  private renders = 0;
  sectors: SectorIndex | null = null;
  /** Shown tracks from which the picture is grouped at low zoom (a setting for tests and the console). */
  clusterFrom = CLUSTER_FROM;
  /** What the map was last given: grouped points, or individual tracks (then which view). */
  mode: "individual" | "grouped" = "individual";

  constructor(
    private readonly map: maplibregl.Map,
    private readonly onCounts: (c: TrackCounts) => void,
    private readonly onSelectedUpdate: (f: TrackFeature | null) => void,
  ) {
    // Moving the view changes which tracks are handed to the map when there are many.
    map.on("moveend", () => { if (this.tracks.size >= this.clusterFrom) this.schedule(); });
  }

  /** One track's newest state (a GeoJSON feature as /api/tracks and the stream send it). */
  upsert(f: GeoJSON.Feature<GeoJSON.Point, TrackProps>): void {
    this.upserts++;
    const id = Number(f.properties.id);
    const old = this.tracks.get(id);
    if (old && Date.parse(old.properties.time) > Date.parse(f.properties.time)) return; // an older state, late
    const [lon, lat] = f.geometry.coordinates;
    let sector = old?.properties.sector ?? null;
    let neighbour = old?.properties.neighbour ?? null;
    const at = this.sectorAt.get(id);
    if (this.sectors && (!at || Math.abs(at[0] - lon) + Math.abs(at[1] - lat) > SECTOR_RECHECK_DEG)) {
      const s = this.sectors.nearest(lon, lat);
      sector = s?.id ?? null;
      neighbour = s?.neighbour ?? null;
      this.sectorAt.set(id, [lon, lat]);
    }
    const props = { ...f.properties, class: classOf(f.properties), sector, neighbour };
    this.tracks.set(id, { type: "Feature", id, geometry: f.geometry, properties: props });
    const trail = this.trails.get(id) ?? [];
    const last = trail[trail.length - 1];
    if (!last || last[0] !== lon || last[1] !== lat) trail.push([lon, lat]);
    if (trail.length > TRAIL_POINTS) trail.shift();
    this.trails.set(id, trail);
    if (id === this.selected) this.selectedChanged = true;
    this.schedule();
  }

  remove(id: number): void {
    if (!this.tracks.delete(id)) return;
    this.trails.delete(id);
    this.sectorAt.delete(id);
    if (id === this.selected) this.selectedChanged = true;
    this.schedule();
  }

  /**
   * A full snapshot: tracks missing from it are gone, unless the stream brought news of them after
   * {@code askedAt} (the snapshot was asked for before that news).
   */
  replaceAll(fc: GeoJSON.FeatureCollection<GeoJSON.Point, TrackProps>, askedAt: number): void {
    const live = new Set<number>();
    for (const f of fc.features) {
      live.add(Number(f.properties.id));
      this.upsert(f);
    }
    for (const [id, f] of [...this.tracks]) {
      if (!live.has(id) && Date.parse(f.properties.time) < askedAt) this.remove(id);
    }
    this.schedule();
  }

  /** Forgets every track (the replay starts from an empty picture; live comes back with a snapshot). */
  clear(): void {
    this.tracks.clear();
    this.trails.clear();
    this.sectorAt.clear();
    this.schedule();
  }

  setFilter(filter: TrackFilter): void {
    this.filter = filter;
    this.schedule();
  }

  /** Sectors arrived (or changed): every track's sector is worked out again. */
  setSectors(index: SectorIndex): void {
    this.sectors = index;
    for (const f of this.tracks.values()) {
      const [lon, lat] = f.geometry.coordinates;
      const s = index.nearest(lon, lat);
      f.properties.sector = s?.id ?? null;
      f.properties.neighbour = s?.neighbour ?? null;
      this.sectorAt.set(Number(f.id), [lon, lat]);
    }
    this.schedule();
  }

  /** Counters for the frame-time harness and the console: tracks held, states applied, map updates. */
  stats(): { tracks: number; upserts: number; renders: number } {
    return { tracks: this.tracks.size, upserts: this.upserts, renders: this.renders };
  }

  get(id: number): TrackFeature | undefined {
    return this.tracks.get(id);
  }

  select(id: number | null): void {
    this.selected = id;
    this.selectedChanged = false;
  }

  private schedule(): void {
    if (this.frame || this.timer) return;
    const wait = this.lastRender + MIN_RENDER_INTERVAL_MS - performance.now();
    if (wait > 0) {
      this.timer = window.setTimeout(() => { this.timer = 0; this.schedule(); }, wait);
    } else {
      this.frame = requestAnimationFrame(() => this.render());
    }
  }

  private render(): void {
    this.frame = 0;
    this.lastRender = performance.now();
    this.renders++;
    const shownTracks: TrackFeature[] = [];
    const byClass = { person: 0, vehicle: 0, drone: 0, unknown: 0 } as Record<TrackClass, number>;
    for (const f of this.tracks.values()) {
      const p = f.properties;
      if (!sectorMatches(this.filter.sector, p.sector, p.neighbour)) continue;
      byClass[p.class as TrackClass]++;
      if (this.filter.classes.has(p.class)) shownTracks.push(f);
    }
    const many = shownTracks.length >= this.clusterFrom;
    const grouped = many && this.map.getZoom() < TRACKS_INDIVIDUAL_ZOOM;
    const tracksSource = this.map.getSource("tracks") as maplibregl.GeoJSONSource | undefined;
    const groupSource = this.map.getSource("track-clusters") as maplibregl.GeoJSONSource | undefined;
    if (grouped) {
      // Points only, grouped by MapLibre; the selected track keeps its ring and trail in the tracks source.
      groupSource?.setData({ type: "FeatureCollection", features: shownTracks });
      const sel = this.selected === null ? undefined : this.tracks.get(this.selected);
      tracksSource?.setData({ type: "FeatureCollection", features: sel ? this.withLines([sel]) : [] });
    } else {
      if (this.mode === "grouped") groupSource?.setData(NO_FEATURES);
      const view = many ? this.view() : null;
      const drawn = view ? shownTracks.filter((f) => inside(f.geometry.coordinates, view)) : shownTracks;
      // One source for points and lines: one copy to the worker and one redraw per picture, not two.
      tracksSource?.setData({ type: "FeatureCollection", features: this.withLines(drawn) });
    }
    this.mode = grouped ? "grouped" : "individual";
    this.onCounts({ total: this.tracks.size, shown: shownTracks.length, byClass });
    if (this.selectedChanged && this.selected !== null) {
      this.selectedChanged = false;
      this.onSelectedUpdate(this.tracks.get(this.selected) ?? null);
    }
  }

  /** The tracks with their trails and one-minute heading vectors. */
  private withLines(tracks: TrackFeature[]): GeoJSON.Feature[] {
    const features: GeoJSON.Feature[] = [];
    for (const f of tracks) {
      features.push(f);
      const trail = this.trails.get(Number(f.id));
      if (trail && trail.length > 1) features.push(line(trail, f.properties.class));
      features.push(line([f.geometry.coordinates as [number, number], ahead(f)], f.properties.class));
    }
    return features;
  }

  /** The map's view widened by VIEW_MARGIN: west, south, east, north. */
  private view(): [number, number, number, number] {
    const b = this.map.getBounds();
    const dx = (b.getEast() - b.getWest()) * VIEW_MARGIN;
    const dy = (b.getNorth() - b.getSouth()) * VIEW_MARGIN;
    return [b.getWest() - dx, b.getSouth() - dy, b.getEast() + dx, b.getNorth() + dy];
  }
}

function inside([lon, lat]: GeoJSON.Position, [w, s, e, n]: [number, number, number, number]): boolean {
  return lon >= w && lon <= e && lat >= s && lat <= n;
}

/** A trail or heading vector; it carries its track's class so that it is filtered like the track. */
function line(coordinates: [number, number][], cls: string): GeoJSON.Feature<GeoJSON.LineString> {
  return { type: "Feature", properties: { class: cls }, geometry: { type: "LineString", coordinates } };
}

/** Where the track will be in one minute at its speed and heading (metres per degree of latitude ≈ 111 km). */
function ahead(f: TrackFeature): [number, number] {
  const [lon, lat] = f.geometry.coordinates;
  const speed = Number(f.properties.speed_mps ?? 0);
  const heading = (Number(f.properties.heading_deg ?? 0) * Math.PI) / 180;
  const dLat = (speed * 60 * Math.cos(heading)) / 111_320;
  const dLon = (speed * 60 * Math.sin(heading)) / (111_320 * Math.cos((lat * Math.PI) / 180));
  return [lon + dLon, lat + dLat];
}
