import "./style.css";
import * as api from "./api";
import { AlertPanel } from "./alerts";
import { createMap, showAlerts, showTracks } from "./map";
import { renderAssets, renderProgramme } from "./planner";
import { SEVERITY_COLOURS } from "./palette";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const map = createMap($("map"));
(window as unknown as { skydasMap: unknown }).skydasMap = map; // for tests and the console

const panel = new AlertPanel($("alert-list"), $("alert-count"), $("track-details"),
  () => api.session()?.role ?? null, () => void refresh(),
  (a) => { if (a.lon !== undefined) map.easeTo({ center: [a.lon, a.lat!], zoom: Math.max(map.getZoom(), 10) }); });

let timer: number | undefined;
let stream: WebSocket | null = null;
let pending: number | undefined;

/** Live updates: any pushed change triggers a refresh (debounced); polling stays as a fallback. */
function openStream(s: api.Session): void {
  stream?.close();
  const proto = location.protocol === "https:" ? "wss" : "ws";
  stream = new WebSocket(`${proto}://${location.host}/api/stream?token=${encodeURIComponent(s.token)}`);
  stream.onmessage = () => {
    if (pending === undefined) pending = window.setTimeout(() => { pending = undefined; void refresh(); }, 150);
  };
  stream.onclose = () => {
    stream = null;
    if (api.session()) window.setTimeout(() => { const cur = api.session(); if (cur && !stream) openStream(cur); }, 3000);
  };
}

async function refresh(): Promise<void> {
  if (!api.session()) return;
  try {
    // Tracks exist only where the live pipeline runs: their absence must not hide the alerts.
    const noTracks: GeoJSON.FeatureCollection<GeoJSON.Point, api.TrackProps> = { type: "FeatureCollection", features: [] };
    const [alerts, sectors, tracks] = await Promise.all([api.alerts(), api.sectorStatus(),
      api.tracks().catch(() => noTracks)]);
    panel.show(alerts);
    showAlerts(map, alerts);
    renderSectors(sectors);
    showTracks(map, tracks);
  } catch (e) {
    if (e instanceof api.ApiError && e.status === 401) showLogin("Your session ended: log in again.");
  }
}

function renderSectors(sectors: api.SectorStatus[]): void {
  const strip = $("sector-status");
  const worst = sectors.filter((s) => s.level !== "low");
  const counts = { low: 0, medium: 0, high: 0, critical: 0 } as Record<string, number>;
  sectors.forEach((s) => counts[s.level]++);
  const summary = document.createElement("p");
  summary.textContent = `${sectors.length} sectors: ${counts.critical} critical, ${counts.high} high, ${counts.medium} medium.`;
  const chips = worst.slice(0, 24).map((s) => {
    const chip = document.createElement("span");
    chip.className = "chip";
    chip.style.borderColor = SEVERITY_COLOURS[s.level];
    chip.textContent = `${s.sector} ${s.level} (${s.open_alerts})`;
    chip.setAttribute("data-level", s.level);
    return chip;
  });
  strip.replaceChildren(summary, ...chips);
}

function showLogin(message = ""): void {
  $("login").hidden = false;
  $("login-error").textContent = message;
  $("logout").hidden = true;
  $("user").textContent = "";
  window.clearInterval(timer);
}

function loggedIn(s: api.Session): void {
  $("login").hidden = true;
  $("logout").hidden = false;
  $("user").textContent = `${s.username} (${s.role})`;
  document.body.dataset.role = s.role;
  void refresh();
  window.clearInterval(timer);
  timer = window.setInterval(() => void refresh(), 1000);
  openStream(s);
  void loadPlanner();
}

async function loadPlanner(): Promise<void> {
  const [p, assets] = await Promise.all([api.programme(), api.layer("assets")]);
  renderProgramme($("programme-chart"), p);
  renderAssets($("asset-table") as HTMLTableElement, assets);
}

$("login-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const data = new FormData(form);
  try {
    loggedIn(await api.login(String(data.get("username")), String(data.get("password"))));
    form.reset();
  } catch (err) {
    $("login-error").textContent = err instanceof api.ApiError ? err.message : "The server did not answer.";
  }
});

map.on("click", "tracks", (e) => {
  const f = e.features?.[0];
  if (!f) return;
  const p = f.properties as Record<string, unknown>;
  const details = $("track-details");
  const dl = document.createElement("dl");
  for (const [k, v] of [["Track", `#${p.id}`], ["Class", p.class], ["Status", p.status], ["Speed", `${p.speed_mps} m/s`],
    ["Heading", `${p.heading_deg}°`], ["Quality", p.quality], ["External id", p.external_id ?? "—"],
    ["Updated", new Date(String(p.time)).toLocaleTimeString()]] as [string, unknown][]) {
    const dt = document.createElement("dt");
    dt.textContent = k;
    const dd = document.createElement("dd");
    dd.textContent = String(v);
    dl.append(dt, dd);
  }
  details.replaceChildren(dl);
});
map.on("mouseenter", "tracks", () => { map.getCanvas().style.cursor = "pointer"; });
map.on("mouseleave", "tracks", () => { map.getCanvas().style.cursor = ""; });

$("logout").addEventListener("click", () => {
  api.forget();
  stream?.close();
  showLogin();
});

for (const tab of document.querySelectorAll<HTMLButtonElement>("[role=tab]")) {
  tab.addEventListener("click", () => {
    const view = tab.dataset.view!;
    document.querySelectorAll<HTMLButtonElement>("[role=tab]").forEach((t) =>
      t.setAttribute("aria-selected", String(t === tab)));
    $("operator-view").hidden = view !== "operator";
    $("planner-view").hidden = view !== "planner";
    map.resize();
  });
}

const existing = api.session();
if (existing) loggedIn(existing); else showLogin();
