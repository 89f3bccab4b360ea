// Thin client of the Skydas HTTP API. The token lives in sessionStorage: closing the tab logs out.

import type { components } from "./generated/openapi";

/** The API's types, generated from the server's OpenAPI document at build time (npm run api-types). */
type Schemas = components["schemas"];

/** The roles a person logs in with (sensor accounts only post detections). */
export type Role = Exclude<Schemas["Role"], "sensor">;
export type Alert = Schemas["Alert"];
export type SectorStatus = Schemas["SectorStatus"];
export type ProgrammeRow = Schemas["ProgrammeRow"];
export type Programme = Schemas["Programme"];

export class ApiError extends Error {
  constructor(public status: number, message: string, public body: Record<string, unknown> | null = null) {
    super(message);
  }
}

/** What the console keeps of a login (POST /api/login) for the tab's life. */
export type Session = Pick<Schemas["Login"], "token" | "username"> & { role: Role };

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
  const r = await call<Schemas["Login"]>("POST", "/api/login", { username, password });
  const s = { token: r.token, username: r.username, role: r.role as Role };
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
export type SapientNode = Schemas["SapientNode"];
export type SapientTask = Schemas["SapientTask"];

/** What the tasking route takes (Schemas["SapientTaskRequest"], narrowed to what each command needs). */
export type SapientTaskRequest =
  | { command: "look_at"; lat: number; lon: number; height_m?: number; note?: string }
  | { command: "mode_change"; mode: string; note?: string }
  | { command: "detection_threshold"; level: "low" | "medium" | "high"; note?: string };

export const sapientNodes = () => call<SapientNode[]>("GET", "/api/sapient/nodes");
export const taskSapientNode = (id: string, task: SapientTaskRequest) =>
  call<SapientTask>("POST", `/api/sapient/nodes/${encodeURIComponent(id)}/tasks`, task);

export type TrackProps = Schemas["TrackProperties"];

export const tracks = () => call<GeoJSON.FeatureCollection<GeoJSON.Point, TrackProps>>("GET", "/api/tracks");

/** A track's stored, downsampled history: a LineString (or a Point when there is one sample). */
export interface TrackHistory extends GeoJSON.Feature<GeoJSON.LineString | GeoJSON.Point, Schemas["TrackHistory"]["properties"]> {}
export const trackHistory = (id: number) => call<TrackHistory>("GET", `/api/tracks/${id}/history`);

export type CoverageStatus = Schemas["CoverageStatus"];
export type SectorCoverage = Schemas["SectorCoverage"];
export type GapProps = Schemas["GapProperties"];

export const coverage = () => call<CoverageStatus>("GET", "/api/coverage");
export const coverageSectors = () => call<SectorCoverage[]>("GET", "/api/coverage/sectors");
export const coverageGaps = (cls: string) =>
  call<GeoJSON.FeatureCollection<GeoJSON.Polygon, GapProps>>("GET", `/api/coverage/gaps?class=${encodeURIComponent(cls)}`);
export const recomputeCoverage = () => call<Schemas["Recomputing"]>("POST", "/api/coverage/recompute");

/** A register entry as GET /api/obstacle-fields returns it (the OpenAPI schema ObstacleFieldView), its geometry GeoJSON's. */
export type ObstacleField = Omit<Schemas["ObstacleFieldView"], "geometry"> & { geometry: GeoJSON.Polygon | GeoJSON.LineString };

export const obstacleFields = () => call<ObstacleField[]>("GET", "/api/obstacle-fields");
export const createObstacleField = (record: unknown) => call<ObstacleField>("POST", "/api/obstacle-fields", record);
export const transitionObstacleField = (id: string, body: { to: string; note: string; version: number; clearance?: unknown }) =>
  call<ObstacleField>("POST", `/api/obstacle-fields/${encodeURIComponent(id)}/transition`, body);
export const markingPlan = (id: string, spacing = 50) =>
  call<GeoJSON.FeatureCollection<GeoJSON.Point, { sequence: number }>>("GET",
    `/api/obstacle-fields/${encodeURIComponent(id)}/marking-plan?spacing=${spacing}`);

/** A siting plan job (POST /api/siting/plan, GET /api/siting/plan/{id}). */
export type SitingJob = Omit<Schemas["SitingJob"], "result"> & { result: SitingPlanResult | null };
/** Whether a plan can be applied now and what that adds (state ready), or who applied it, or why not. */
export type SitingApply = Schemas["SitingApply"];
/** POST /api/siting/plan/{id}/apply: what the plan added to the scenario. */
export type SitingApplied = Schemas["SitingApplied"];
/** The plan (plan.json's fields), its new sites as GeoJSON for the map, the budget frontier. */
export type SitingPlanResult = Omit<Schemas["SitingPlanResult"], "plan_geojson"> & { plan_geojson: GeoJSON.FeatureCollection };

export const startSitingPlan = (body: unknown) => call<SitingJob>("POST", "/api/siting/plan", body);
export const sitingPlan = (id: string) => call<SitingJob>("GET", `/api/siting/plan/${encodeURIComponent(id)}`);
export const applySitingPlan = (id: string) =>
  call<SitingApplied>("POST", `/api/siting/plan/${encodeURIComponent(id)}/apply`);
/** One corridor's properties, as `skydas corridors` writes them (GET /api/corridors). */
export type CorridorProps = Schemas["CorridorProperties"];
export type CorridorLegend = Schemas["CorridorLegend"];

/** The corridors with the analysis's state (running with the previous result, if any, ready or failed). */
export type Corridors = Omit<Schemas["Corridors"], "features"> & { features: GeoJSON.Feature<GeoJSON.LineString, CorridorProps>[] };
export type CorridorSectors = Schemas["CorridorSectors"];

const corridorQuery = (from: string, mover: string) =>
  `from=${encodeURIComponent(from)}&mover=${encodeURIComponent(mover)}`;
export const corridors = (from: string, mover: string) => call<Corridors>("GET", `/api/corridors?${corridorQuery(from, mover)}`);
export const corridorSectors = (from: string, mover: string) =>
  call<CorridorSectors>("GET", `/api/corridors/sectors?${corridorQuery(from, mover)}`);
export const recomputeCorridors = (from: string, mover: string) =>
  call<Schemas["CorridorsRecomputing"]>("POST", `/api/corridors/recompute?${corridorQuery(from, mover)}`);
/** GET /api/replay: the picture at `from` and the changes until `to`. */
export type Replay = Schemas["Replay"];
export const replay = (from: string, to: string) =>
  call<Replay>("GET", `/api/replay?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);

/** The console choices the server keeps per user (GET/PUT /api/me/prefs); absent keys were never saved. */
export type SavedPrefs = Schemas["Prefs"];
export const myPrefs = () => call<SavedPrefs>("GET", "/api/me/prefs");
export const savePrefs = (p: SavedPrefs) => call<SavedPrefs>("PUT", "/api/me/prefs", p);

/** An incident report (GET /api/incidents/{id}) and what a client sends to make or edit one. */
export type Incident = Schemas["Incident"];
/** What the incident form sends: every field of the OpenAPI schema IncidentRequest, filled in. */
export type IncidentRequest = Pick<Incident, "type" | "description" | "originator" | "owner" | "confidence" | "impact"
  | "alerts" | "tracks" | "actions_taken">;
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
