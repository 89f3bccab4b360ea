// Thin client of the Skydas HTTP API. The token lives in sessionStorage: closing the tab logs out.

export type Role = "operator" | "planner" | "engineer" | "auditor" | "admin";

export interface Alert {
  id: number;
  rule: string;
  severity: "low" | "medium" | "high" | "critical";
  status: "new" | "acknowledged" | "resolved";
  resolution: string | null;
  subject: string;
  /** The server's English text: shown where the catalogues have no text for message_key (or it is null). */
  message: string;
  /** What it says as a key of the messages catalogue (messages:alert.…), null for alerts stored before keys existed. */
  message_key: string | null;
  /** The key's parameters: numbers, codes the catalogue translates (class, neighbour), names and ids. */
  message_params: Record<string, string | number> | null;
  sector: string | null;
  zone: string | null;
  /** Where it arose, from the computed sensor coverage; null when none was computed. */
  coverage: "covered" | "gap" | null;
  lon?: number;
  lat?: number;
  raised_at: string;
  updated_at: string;
  escalated: boolean;
  occurrences: number;
  acknowledged_by: string | null;
  acknowledge_note: string | null;
}

export interface SectorStatus {
  sector: string;
  neighbour: string;
  level: "low" | "medium" | "high" | "critical";
  open_alerts: number;
}

export interface ProgrammeRow {
  category?: string;
  year?: number;
  envelope_eur: number;
  planned_eur: number;
  committed_eur: number;
  spent_eur: number;
}

export interface Programme {
  name: string;
  rows: ProgrammeRow[];
  by_category: ProgrammeRow[];
  total: ProgrammeRow;
}

export class ApiError extends Error {
  constructor(public status: number, message: string, public body: Record<string, unknown> | null = null) {
    super(message);
  }
}

export interface Session {
  token: string;
  username: string;
  role: Role;
}

const KEY = "skydas.session";

export function session(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as Session) : null;
}

export function forget(): void {
  sessionStorage.removeItem(KEY);
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  return (await request<T>(method, path, body)).data;
}

/** A call that also returns the response's headers (paging). */
async function request<T>(method: string, path: string, body?: unknown): Promise<{ data: T; headers: Headers }> {
  const headers: Record<string, string> = {};
  const s = session();
  if (s) headers["Authorization"] = `Bearer ${s.token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    if (res.status === 401) forget();
    throw new ApiError(res.status, (data && data.error) || res.statusText, data);
  }
  return { data: data as T, headers: res.headers };
}

export async function login(username: string, password: string): Promise<Session> {
  const r = await call<Session>("POST", "/api/login", { username, password });
  const s = { token: r.token, username: r.username, role: r.role };
  sessionStorage.setItem(KEY, JSON.stringify(s));
  return s;
}

export const logout = () => call<null>("POST", "/api/logout");
/** The open alerts the console lists at most (the most severe and newest first; the server's default page). */
export const OPEN_ALERTS_SHOWN = 200;

/** The open alerts, the first page of them, and how many are open in all (X-Total-Count). */
export async function openAlerts(limit = OPEN_ALERTS_SHOWN): Promise<{ alerts: Alert[]; total: number }> {
  const r = await request<Alert[]>("GET", `/api/alerts?status=open&limit=${limit}`);
  const total = Number(r.headers.get("X-Total-Count"));
  return { alerts: r.data, total: Number.isFinite(total) && total >= r.data.length ? total : r.data.length };
}
export const acknowledge = (id: number, note: string) => call<Alert>("POST", `/api/alerts/${id}/ack`, { note });
export const resolve = (id: number, reason: string, note: string) =>
  call<Alert>("POST", `/api/alerts/${id}/resolve`, { reason, note });
export const sectorStatus = () => call<SectorStatus[]>("GET", "/api/sectors/status");
export const programme = () => call<Programme>("GET", "/api/programme");
export const layer = (name: string) => call<GeoJSON.FeatureCollection>("GET", `/api/layers/${name}`);

/** A SAPIENT sensor node as the server knows it (GET /api/sapient/nodes). */
export interface SapientNode {
  node_id: string;
  name: string;
  types: string[];
  icd_version?: string;
  registered_at: string;
  connected: boolean;
  /** Registered as an effector: never tasked. */
  effector: boolean;
  modes: string[];
  health: string;
  status?: { at: string; system: string; mode?: string; power_level?: number; items: { type: string; level?: string; value?: string }[] };
  position?: { lon: number; lat: number; height_m?: number };
  field_of_view?: { kind: "cone" | "polygon"; azimuth_deg?: number; horizontal_extent_deg?: number; range_m?: number; polygon?: [number, number][] };
  last_heard_at: string;
  alerts: number;
  tasks: SapientTask[];
}

export interface SapientTask {
  task_id: string;
  node_id: string;
  command: "look_at" | "mode_change" | "detection_threshold";
  summary: string;
  requested_by: string;
  sent_at: string;
  status: string;
  reasons: string[];
  answered_at?: string;
}

export type SapientTaskRequest =
  | { command: "look_at"; lat: number; lon: number; height_m?: number; note?: string }
  | { command: "mode_change"; mode: string; note?: string }
  | { command: "detection_threshold"; level: "low" | "medium" | "high"; note?: string };

export const sapientNodes = () => call<SapientNode[]>("GET", "/api/sapient/nodes");
export const taskSapientNode = (id: string, task: SapientTaskRequest) =>
  call<SapientTask>("POST", `/api/sapient/nodes/${encodeURIComponent(id)}/tasks`, task);

export interface TrackProps {
  id: number;
  class: string;
  status: string;
  speed_mps: number;
  heading_deg: number;
  quality: number;
  external_id: string | null;
  time: string;
}

export const tracks = () => call<GeoJSON.FeatureCollection<GeoJSON.Point, TrackProps>>("GET", "/api/tracks");

/** A track's stored, downsampled history: a LineString (or a Point when there is one sample). */
export interface TrackHistory extends GeoJSON.Feature<GeoJSON.LineString | GeoJSON.Point, { points: { time: string; class: string }[] }> {}
export const trackHistory = (id: number) => call<TrackHistory>("GET", `/api/tracks/${id}/history`);

export interface CoverageStatus {
  status: "none" | "running" | "ready" | "failed";
  progress: number;
  classes: string[];
  threshold: number | null;
  terrain: string | null;
  resolution_m: number | null;
  computedAt: string | null;
  legend: { label: string; color: string }[];
  bounds: [number, number, number, number] | null;
  error: string | null;
}

export interface SectorCoverage {
  sector: string;
  neighbour: string;
  classes: Record<string, { covered_pct: number; longest_gap_m: number; gap_area_m2: number }>;
}

export interface GapProps { sector: string; neighbour: string; class: string; area_m2: number }

export const coverage = () => call<CoverageStatus>("GET", "/api/coverage");
export const coverageSectors = () => call<SectorCoverage[]>("GET", "/api/coverage/sectors");
export const coverageGaps = (cls: string) =>
  call<GeoJSON.FeatureCollection<GeoJSON.Polygon, GapProps>>("GET", `/api/coverage/gaps?class=${encodeURIComponent(cls)}`);
export const recomputeCoverage = () => call<{ status: string }>("POST", "/api/coverage/recompute");

/** A register entry as GET /api/obstacle-fields returns it (see the OpenAPI schema ObstacleField). */
export interface ObstacleField {
  id: string;
  kind: string;
  explosive: boolean;
  name: string;
  geometry: GeoJSON.Polygon | GeoJSON.LineString;
  status: string;
  version: number;
  sectors: string[];
  cost_eur: number;
  budget_line: string;
  area_m2: number;
  length_m: number;
  history: { from?: string; to: string; at: string; actor: string; role?: string; note?: string }[];
  next: string[];
  warnings: { kind: string; subject: string; distance_m: number; message: string }[];
  example: boolean;
  [key: string]: unknown;
}

export const obstacleFields = () => call<ObstacleField[]>("GET", "/api/obstacle-fields");
export const createObstacleField = (record: unknown) => call<ObstacleField>("POST", "/api/obstacle-fields", record);
export const transitionObstacleField = (id: string, body: { to: string; note: string; version: number; clearance?: unknown }) =>
  call<ObstacleField>("POST", `/api/obstacle-fields/${encodeURIComponent(id)}/transition`, body);
export const markingPlan = (id: string, spacing = 50) =>
  call<GeoJSON.FeatureCollection<GeoJSON.Point, { sequence: number }>>("GET",
    `/api/obstacle-fields/${encodeURIComponent(id)}/marking-plan?spacing=${spacing}`);

/** A siting plan job (POST /api/siting/plan, GET /api/siting/plan/{id}). */
export interface SitingJob {
  id: string;
  status: "queued" | "running" | "done" | "failed" | "cancelled";
  stage: string;
  message: string;
  progress: number;
  solver?: { phase: string; elapsed_s: number; time_limit_s: number; incumbent: number | null; bound: number | null; gap: number | null };
  error: string | null;
  result: SitingPlanResult | null;
  scenario_revision?: number;
  apply?: SitingApply;
}

/** Whether a plan can be applied now and what that adds (state ready), or who applied it, or why not. */
export interface SitingApply {
  state: "ready" | "applied" | "not_finished" | "stale" | "changed_on_disk" | "conflict" | "no_file" | "no_audit";
  reason?: string;
  assets?: number | string[];
  new_sites?: number | string[];
  total_cost_eur?: number;
  per_year?: { year: number; assets: number; cost_eur: number }[];
  by?: string;
  at?: string;
  revision?: number;
  watch?: string;
}

/** POST /api/siting/plan/{id}/apply: what the plan added to the scenario. */
export interface SitingApplied {
  plan: string;
  applied: { by: string; at: string; revision: number; assets: string[]; new_sites: string[]; total_cost_eur: number;
    per_year: { year: number; assets: number; cost_eur: number }[] };
  watch: string;
}

export interface SitingPlanResult {
  status: "OPTIMAL" | "FEASIBLE";
  objective: number;
  bound: number;
  gap: number;
  spend_eur: number;
  coverage_before: number;
  coverage_after: number;
  periods: { year: number; budget_eur: number; spend_eur: number; coverage_before: number; coverage: number; built: number }[];
  sites: { id: string; lon: number; lat: number; type: string; cost_eur: number; year: number; cells_added: number }[];
  plan_geojson: GeoJSON.FeatureCollection;
  frontier: { budget_eur: number; spend_eur: number; coverage: number; coverage_bound: number; gap: number; status: string }[];
}

export const startSitingPlan = (body: unknown) => call<SitingJob>("POST", "/api/siting/plan", body);
export const sitingPlan = (id: string) => call<SitingJob>("GET", `/api/siting/plan/${encodeURIComponent(id)}`);
export const applySitingPlan = (id: string) =>
  call<SitingApplied>("POST", `/api/siting/plan/${encodeURIComponent(id)}/apply`);
/** One corridor's properties, as `skydas corridors` writes them (GET /api/corridors). */
export interface CorridorProps {
  rank: number;
  neighbour: string;
  mover: string;
  travel_time_s: number;
  first_detection_s: number | null;
  warning_time_s: number | null;
  undetected: boolean;
  obstacle_delay_s: number;
  overlap_with_better: number;
  sectors: string[];
}

export interface CorridorLegend { label: string; color: string; below_s: number | null; undetected: boolean }

/** The analysis's state travels with the corridors: running (with the previous result, if any), ready or failed. */
interface CorridorState {
  from: string;
  mover: string;
  status: "running" | "ready" | "failed";
  progress: number;
  computedAt: string | null;
  terrain: string | null;
  resolution_m: number | null;
  error: string | null;
}

export interface Corridors extends CorridorState {
  type: "FeatureCollection";
  legend: CorridorLegend[];
  features: GeoJSON.Feature<GeoJSON.LineString, CorridorProps>[];
}

export interface CorridorSectors extends CorridorState {
  sectors: { sector: string; min_warning_time_s: number | null; corridors: number; undetected_corridor: boolean }[];
}

const corridorQuery = (from: string, mover: string) =>
  `from=${encodeURIComponent(from)}&mover=${encodeURIComponent(mover)}`;
export const corridors = (from: string, mover: string) => call<Corridors>("GET", `/api/corridors?${corridorQuery(from, mover)}`);
export const corridorSectors = (from: string, mover: string) =>
  call<CorridorSectors>("GET", `/api/corridors/sectors?${corridorQuery(from, mover)}`);
export const recomputeCorridors = (from: string, mover: string) =>
  call<{ status: string }>("POST", `/api/corridors/recompute?${corridorQuery(from, mover)}`);
/** GET /api/replay: the picture at `from` and the changes until `to` (see the OpenAPI document). */
export interface Replay {
  from: string;
  to: string;
  state: { time: string; tracks: GeoJSON.FeatureCollection<GeoJSON.Point, TrackProps>; alerts: Alert[]; sectors: SectorStatus[] };
  changes: { tracks: GeoJSON.Feature<GeoJSON.Point, TrackProps>[]; alerts: { time: string; action: string; actor: string; alert: Alert }[] };
  truncated: boolean;
}
export const replay = (from: string, to: string) =>
  call<Replay>("GET", `/api/replay?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);

/** The console choices the server keeps per user (GET/PUT /api/me/prefs); absent keys were never saved. */
export interface SavedPrefs {
  lang?: "lt" | "en";
  theme?: "day" | "night";
  muted?: boolean;
  time?: "local" | "utc";
}
export const myPrefs = () => call<SavedPrefs>("GET", "/api/me/prefs");
export const savePrefs = (p: SavedPrefs) => call<SavedPrefs>("PUT", "/api/me/prefs", p);

/** An incident report (see the OpenAPI schema IncidentRequest and GET /api/incidents/{id}). */
export interface Incident {
  id: number;
  status: "open" | "reported" | "closed";
  version: number;
  type: string;
  description: string;
  originator: string;
  owner: string;
  confidence: { credibility: number; reliability: string; validation: string };
  impact: "low" | "medium" | "high" | "very_high";
  alerts: number[];
  tracks: number[];
  actions_taken: string;
  sector: string | null;
  created_at: string;
  created_by: string;
  report_deadline: string;
  overdue: boolean;
  history?: { time: string; actor: string; action: string; note: string | null }[];
}
export type IncidentRequest = Omit<Incident, "id" | "status" | "version" | "sector" | "created_at" | "created_by"
  | "report_deadline" | "overdue" | "history">;
export const incidents = () => call<Incident[]>("GET", "/api/incidents");
export const incident = (id: number) => call<Incident>("GET", `/api/incidents/${id}`);
export const createIncident = (r: IncidentRequest) => call<Incident>("POST", "/api/incidents", r);
/** An edit of an open or reported incident, made to the version the editor saw (409 when it changed meanwhile). */
export const editIncident = (id: number, version: number, r: IncidentRequest, note: string) =>
  call<Incident>("PUT", `/api/incidents/${id}`, { ...r, version, note });
export const transitionIncident = (id: number, to: string, version: number, note: string) =>
  call<Incident>("POST", `/api/incidents/${id}/transition`, { to, version, note });

/** An export as a file the browser saves (the token goes in the header, so a plain link cannot fetch it). */
export async function download(path: string, filename: string): Promise<Blob> {
  const s = session();
  const res = await fetch(path, { headers: s ? { Authorization: `Bearer ${s.token}` } : {} });
  if (!res.ok) throw new ApiError(res.status, res.statusText);
  const blob = await res.blob();
  const a = Object.assign(document.createElement("a"), { href: URL.createObjectURL(blob), download: filename });
  a.click();
  URL.revokeObjectURL(a.href);
  return blob;
}
