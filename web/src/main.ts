import "./style.css";
import * as api from "./api";
import { AlertPanel } from "./alerts";
import { CoverageView } from "./coverage";
import { CorridorsView } from "./corridors";
import { TrackDetails } from "./details";
import { FilterBar } from "./filters";
import { createMap, showAlerts } from "./map";
import { ObstaclesView } from "./obstacles";
import { PlanPanel } from "./plan";
import { renderAssets, renderProgramme } from "./planner";
import { SEVERITY_COLOURS } from "./palette";
import { SectorIndex } from "./sectors";
import { sectorMatches, TrackPicture } from "./tracks";
import { onTimeZoneChange, setTimeZoneMode, timeZoneMode, zoneLabel } from "./time";
import { applyStatic, isLanguage, language, onLanguageChange, setLanguage, t } from "./i18n";
import * as prefs from "./prefs";
import { applyTheme } from "./theme";
import { Attention } from "./attention";
import { Timeline } from "./timeline";
import { IncidentPanel } from "./incidents";
import { NodePanel } from "./nodes";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const map = createMap($("map"));
(window as unknown as { skydasMap: unknown }).skydasMap = map; // for tests and the console
const coverage = new CoverageView(map, $("coverage"));
const corridors = new CorridorsView(map, $("corridors"));
const obstacles = new ObstaclesView(map, $("obstacle-list"), $("obstacle-details"), $("obstacle-form") as HTMLFormElement);
const plan = new PlanPanel(map, $("planner-view"), () => api.session()?.role ?? null);
(window as unknown as { skydasPlan: unknown }).skydasPlan = plan; // for tests and the console
// An applied plan changes the scenario: its planned sensors on the map, in the roll-up and the asset table, and in the
// coverage and corridors the server now computes again.
plan.onApplied = () => {
  (map.getSource("assets") as import("maplibre-gl").GeoJSONSource | undefined)?.setData(`/api/layers/assets?v=${Date.now()}`);
  void loadPlanner();
  coverage.refresh();
  corridors.refresh();
};

const details = new TrackDetails(map, $("track-details"));
const panel = new AlertPanel($("alert-list"), $("alert-count"), $("track-details"),
  () => api.session()?.role ?? null, () => void refresh(),
  (a) => {
    picture.select(null);
    details.clear();
    if (a.lon !== undefined) map.easeTo({ center: [a.lon, a.lat!], zoom: Math.max(map.getZoom(), 10) });
  });
const filters = new FilterBar($("track-filters"), (f) => {
  picture.setFilter(f);
  showFilteredAlerts();
});
const picture = new TrackPicture(map, (c) => filters.showCounts(c), (f) => details.update(f));
(window as unknown as { skydasTracks: unknown }).skydasTracks = picture; // for the frame-time harness and the console
let lastAlerts: api.Alert[] = [];
/** How many alerts are open in all (the server sends the first page: api.OPEN_ALERTS_SHOWN). */
let lastOpenTotal = 0;
let lastSectors: api.SectorStatus[] = [];
const attention = new Attention();
const incidents = new IncidentPanel($("incident-list"), $("track-details"), () => api.session()?.role ?? null);
panel.incidentFrom = (a) => incidents.form(a);
const nodes = new NodePanel($("sapient-nodes"), () => api.session()?.role ?? null);
let lastIncidentSync = 0;
(window as unknown as { skydasAttention: unknown }).skydasAttention = attention; // for tests and the console

// Tracks carry no sector: the client takes the nearest sector of the layer (as the rules do for alerts).
void api.layer("sectors").then((fc) => {
  const index = new SectorIndex(fc);
  picture.setSectors(index);
  filters.setSectors(index.sectors);
}).catch(() => { /* without sectors the sector filter offers "All sectors" only */ });

/** The alert list and the alert markers show what the sector filter lets through. */
function showFilteredAlerts(): void {
  const sector = filters.current().sector;
  const shown = lastAlerts.filter((a) => sectorMatches(sector, a.sector, null));
  // Filtered by sector, the list counts what it shows; unfiltered, it says when the page did not hold every open one.
  panel.show(shown, shown.length === lastAlerts.length ? lastOpenTotal : 0);
  showAlerts(map, shown);
}

let timer: number | undefined;
let stream: WebSocket | null = null;
let pending: number | undefined;
let streamOpen = false;
let lastTrackSync = 0;
/**
 * While the stream is open, tracks come from it one by one; a full snapshot is still taken this
 * often, because the server skips messages to a client that falls behind (and never blocks for it).
 */
const TRACK_RESYNC_MS = 30_000;

/**
 * Live updates: track messages go straight into the track picture (which draws at most once a
 * frame); alert messages trigger a refresh of alerts and sectors (debounced); polling stays as a fallback.
 */
function openStream(s: api.Session): void {
  stream?.close();
  const proto = location.protocol === "https:" ? "wss" : "ws";
  // The token travels as a subprotocol ("bearer.TOKEN"), not in the URL (which proxies log); the server answers "skydas".
  stream = new WebSocket(`${proto}://${location.host}/api/stream`, ["skydas", `bearer.${s.token}`]);
  stream.onopen = () => {
    streamOpen = true;
    void syncTracks();
  };
  stream.onmessage = (e: MessageEvent<string>) => {
    if (timeline.replaying) return; // the replay owns the picture; live comes back with a snapshot
    let m: { type?: string; feature?: GeoJSON.Feature<GeoJSON.Point, api.TrackProps>; id?: number };
    try {
      m = JSON.parse(e.data);
    } catch {
      return; // not ours to fix: the next snapshot repairs the picture
    }
    if (m.type === "track" && m.feature) picture.upsert(m.feature);
    else if (m.type === "track_deleted") picture.remove(Number(m.id));
    else if (pending === undefined) pending = window.setTimeout(() => { pending = undefined; void refresh(); }, 150);
  };
  stream.onclose = () => {
    stream = null;
    streamOpen = false;
    if (api.session()) window.setTimeout(() => { const cur = api.session(); if (cur && !stream) openStream(cur); }, 3000);
  };
}

/** A full snapshot of the tracks; where no live pipeline runs there are none, and that is no error. */
async function syncTracks(): Promise<void> {
  const askedAt = Date.now();
  lastTrackSync = askedAt;
  try {
    picture.replaceAll(await api.tracks(), askedAt);
  } catch {
    /* no live pipeline on this server, or a blip: the next sync tries again */
  }
}

async function refresh(): Promise<void> {
  if (!api.session() || timeline.replaying) return;
  if (!streamOpen || Date.now() - lastTrackSync > TRACK_RESYNC_MS) void syncTracks();
  try {
    // Only what the list shows: the open alerts, most severe and newest first, one page.
    const [open, sectors] = await Promise.all([api.openAlerts(), api.sectorStatus()]);
    const alerts = open.alerts;
    lastAlerts = alerts;
    lastOpenTotal = open.total;
    attention.update(alerts);
    if (Date.now() - lastIncidentSync > 5000) {
      lastIncidentSync = Date.now();
      void incidents.refresh();
    }
    void nodes.refresh();
    showFilteredAlerts();
    renderSectors(sectors);
  } catch (e) {
    if (e instanceof api.ApiError && e.status === 401) showLogin(t("login.sessionEnded"));
  }
}

function renderSectors(sectors: api.SectorStatus[]): void {
  lastSectors = sectors;
  const strip = $("sector-status");
  const worst = sectors.filter((s) => s.level !== "low");
  const counts = { low: 0, medium: 0, high: 0, critical: 0 } as Record<string, number>;
  sectors.forEach((s) => counts[s.level]++);
  const summary = document.createElement("p");
  summary.textContent = t("sectors.summary", { count: sectors.length, ...counts });
  const chips = worst.slice(0, 24).map((s) => {
    const chip = document.createElement("span");
    chip.className = "chip";
    chip.style.borderColor = SEVERITY_COLOURS[s.level];
    chip.textContent = t("sectors.chip", { sector: s.sector, level: t(`alerts:severity.${s.level}`), open: s.open_alerts });
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
  attention.reset();
  showPrefs(prefs.forUser(null));
}

function loggedIn(s: api.Session): void {
  $("login").hidden = true;
  $("logout").hidden = false;
  showPrefs(prefs.forUser(s.username));
  void restorePrefs();
  showUser();
  document.body.dataset.role = s.role;
  // The register view is for those who work with it; explosive records are need-to-know on the server too.
  $("tab-obstacles").hidden = !["engineer", "planner", "admin"].includes(s.role);
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
    attention.unlock(); // the login click is the gesture that lets the page make sound
    loggedIn(await api.login(String(data.get("username")), String(data.get("password"))));
    form.reset();
  } catch (err) {
    $("login-error").textContent = err instanceof api.ApiError ? err.message : t("noAnswer");
  }
});

map.on("click", "tracks", (e) => {
  const id = Number(e.features?.[0]?.id ?? e.features?.[0]?.properties?.id);
  const f = picture.get(id);
  if (!f) return;
  picture.select(id);
  void details.show(f);
});
map.on("click", "track-cluster-points", (e) => {
  const f = picture.get(Number(e.features?.[0]?.properties?.id));
  if (!f) return;
  picture.select(Number(f.id));
  void details.show(f);
});
// A group opens where its tracks part.
map.on("click", "track-clusters", (e) => {
  const c = e.features?.[0];
  if (!c) return;
  void (map.getSource("track-clusters") as import("maplibre-gl").GeoJSONSource)
    .getClusterExpansionZoom(Number(c.properties?.cluster_id))
    .then((zoom) => map.easeTo({ center: (c.geometry as GeoJSON.Point).coordinates as [number, number], zoom }));
});
for (const layer of ["tracks", "track-cluster-points", "track-clusters"]) {
  map.on("mouseenter", layer, () => { map.getCanvas().style.cursor = "pointer"; });
  map.on("mouseleave", layer, () => { map.getCanvas().style.cursor = ""; });
}

// Times are 24-hour with their zone; the header switches between local time and UTC.
function showTimeZone(): void {
  const b = $("time-zone");
  b.textContent = t("time.button", { zone: zoneLabel() });
  b.dataset.mode = timeZoneMode();
}
$("time-zone").addEventListener("click", () => {
  setTimeZoneMode(timeZoneMode() === "utc" ? "local" : "utc");
  remember(prefs.prefs());
});
onTimeZoneChange(() => {
  showTimeZone();
  panel.relabel();
  const id = details.selected;
  if (id !== null) details.update(picture.get(id) ?? null);
});
showTimeZone();

$("logout").addEventListener("click", () => {
  // Revoke the token on the server too (best effort: a dead server forgets tokens anyway).
  void api.logout().catch(() => undefined);
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
    $("obstacles-view").hidden = view !== "obstacles";
    coverage.setVisible(view === "planner");
    plan.setVisible(view === "planner");
    corridors.setVisible(view === "planner");
    obstacles.setVisible(view === "obstacles");
    map.resize();
  });
}

// Language, night mode and the alert sound: each user's own (prefs.ts), switched in the header.
function showUser(): void {
  const s = api.session();
  $("user").textContent = s ? t("user", { username: s.username, role: t(`role.${s.role}`) }) : "";
}

function showPrefs(p: prefs.Prefs): void {
  ($("lang-select") as HTMLSelectElement).value = p.lang;
  setLanguage(p.lang);
  applyTheme(map, p.theme);
  const theme = $("theme-toggle");
  theme.textContent = `${p.theme === "night" ? "☀" : "☾"} ${t(p.theme === "night" ? "theme.day" : "theme.night")}`;
  theme.setAttribute("aria-pressed", String(p.theme === "night"));
  theme.dataset.theme = p.theme;
  attention.muted = p.muted;
  const sound = $("sound-toggle");
  sound.textContent = t(p.muted ? "sound.off" : "sound.on");
  sound.setAttribute("aria-pressed", String(!p.muted));
  sound.dataset.muted = String(p.muted);
}

/** A choice is kept in this browser and on the server, so that it follows the user to another workstation. */
function remember(p: prefs.Prefs): prefs.Prefs {
  if (api.session()) void api.savePrefs({ ...p, time: timeZoneMode() }).catch(() => undefined);
  return p;
}

/** After login: the user's choices as the server keeps them, or (none kept yet) the ones on screen are saved. */
async function restorePrefs(): Promise<void> {
  let saved: api.SavedPrefs;
  try {
    saved = await api.myPrefs();
  } catch {
    return; // an older server, or none reachable: this browser's choices stand
  }
  if (Object.keys(saved).length === 0) {
    remember(prefs.prefs());
    return;
  }
  const { time, ...chosen } = saved;
  showPrefs(prefs.update(chosen));
  if (time && time !== timeZoneMode()) setTimeZoneMode(time);
}

$("lang-select").addEventListener("change", (e) => {
  const lang = (e.target as HTMLSelectElement).value;
  if (isLanguage(lang)) showPrefs(remember(prefs.update({ lang })));
});
$("theme-toggle").addEventListener("click", () =>
  showPrefs(remember(prefs.update({ theme: prefs.prefs().theme === "night" ? "day" : "night" }))));
$("sound-toggle").addEventListener("click", () => {
  attention.unlock();
  showPrefs(remember(prefs.update({ muted: !prefs.prefs().muted })));
});
onLanguageChange(() => {
  applyStatic();
  showUser();
  showTimeZone();
  showPrefs(prefs.prefs());
  panel.relabel();
  filters.relabel();
  incidents.relabel();
  nodes.render();
  if (lastSectors.length > 0) renderSectors(lastSectors);
  const id = details.selected;
  if (id !== null) details.update(picture.get(id) ?? null);
});
applyStatic();
document.documentElement.lang = language();
showPrefs(prefs.prefs());

// The timeline replays the last hours into the same picture, list and strip.
const timeline = new Timeline($("timeline-bar"), {
  clearTracks: () => picture.clear(),
  tracks: (features) => { for (const f of features) picture.upsert(f); },
  alerts: (alerts) => { lastAlerts = alerts; lastOpenTotal = alerts.length; showFilteredAlerts(); },
  sectors: (sectors) => renderSectors(sectors),
  live: () => { picture.clear(); void syncTracks(); void refresh(); },
});
(window as unknown as { skydasTimeline: unknown }).skydasTimeline = timeline; // for tests and the console
onLanguageChange(() => timeline.relabel());
onTimeZoneChange(() => timeline.relabel());

const existing = api.session();
if (existing) loggedIn(existing); else showLogin();
