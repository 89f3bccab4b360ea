import * as api from "./api";
import { t } from "./i18n";
import { formatDateTime } from "./time";

/** What the replay draws into: the same track picture, alert list and sector strip as the live view. */
export interface ReplayView {
  clearTracks(): void;
  tracks(features: GeoJSON.Feature<GeoJSON.Point, api.TrackProps>[]): void;
  alerts(alerts: api.Alert[]): void;
  sectors(sectors: api.SectorStatus[]): void;
  /** Replay ended: the live picture is fetched again. */
  live(): void;
}

/** How far back the slider reaches. */
const WINDOW_S = 2 * 3600;
/** Each request to the server covers this much of the replay (thousands of tracks store a point every 5 s each). */
const CHUNK_S = 60;
const TICK_MS = 250;
const SPEEDS = [1, 10, 60] as const;

/**
 * The timeline: a slider over the last two hours that replays the watch store (GET /api/replay) into the
 * operator view — tracks where they were, alerts and sector status as they were — with play/pause, speed
 * and "back to live". While it replays, live updates are not drawn (the page says so); live resumes at once.
 */
export class Timeline {
  /** The replayed time (epoch seconds), or null when live. */
  at: number | null = null;
  private chunk: api.Replay | null = null;
  private chunkEnd = 0;
  private applied = { tracks: 0, alerts: 0 };
  private openAlerts = new Map<number, api.Alert>();
  private timer = 0;
  private speed: number = SPEEDS[1];
  private loading: Promise<void> | null = null;
  private readonly slider: HTMLInputElement;
  private readonly play: HTMLButtonElement;
  private readonly speedSelect: HTMLSelectElement;
  private readonly liveButton: HTMLButtonElement;
  private readonly label: HTMLElement;

  constructor(private readonly root: HTMLElement, private readonly view: ReplayView) {
    this.slider = Object.assign(document.createElement("input"), { type: "range", min: String(-WINDOW_S), max: "0", step: "10", value: "0" });
    this.slider.setAttribute("data-testid", "timeline");
    this.slider.addEventListener("change", () => void this.seek(Number(this.slider.value)));
    this.play = Object.assign(document.createElement("button"), { type: "button" });
    this.play.setAttribute("data-testid", "timeline-play");
    this.play.addEventListener("click", () => this.toggle());
    this.speedSelect = document.createElement("select");
    this.speedSelect.setAttribute("data-testid", "timeline-speed");
    this.speedSelect.append(...SPEEDS.map((s) => new Option(`${s}×`, String(s), false, s === this.speed)));
    this.speedSelect.addEventListener("change", () => { this.speed = Number(this.speedSelect.value); });
    this.liveButton = Object.assign(document.createElement("button"), { type: "button" });
    this.liveButton.setAttribute("data-testid", "timeline-live");
    this.liveButton.addEventListener("click", () => this.goLive());
    this.label = document.createElement("span");
    this.label.className = "timeline-time";
    this.label.setAttribute("data-testid", "timeline-time");
    this.label.setAttribute("aria-live", "off");
    root.replaceChildren(this.slider, this.play, this.speedSelect, this.liveButton, this.label);
    this.relabel();
  }

  get replaying(): boolean {
    return this.at !== null;
  }

  relabel(): void {
    this.slider.setAttribute("aria-label", t("timeline:slider"));
    this.play.textContent = this.timer ? `⏸ ${t("timeline:pause")}` : `▶ ${t("timeline:play")}`;
    this.speedSelect.setAttribute("aria-label", t("timeline:speed"));
    this.liveButton.textContent = t("timeline:live");
    this.liveButton.disabled = !this.replaying;
    this.label.textContent = this.at === null ? t("timeline:isLive") : t("timeline:replaying", { time: formatDateTime(this.at * 1000) });
    this.root.dataset.state = this.at === null ? "live" : "replay";
    document.body.dataset.replay = String(this.at !== null);
  }

  /** Jumps to {@code offset} seconds before now (0: live). */
  async seek(offset: number): Promise<void> {
    if (offset >= 0) {
      this.goLive();
      return;
    }
    const at = Date.now() / 1000 + offset;
    this.at = at;
    this.openAlerts.clear();
    this.chunk = null;
    this.view.clearTracks();
    await this.load(at, true);
    this.relabel();
  }

  goLive(): void {
    this.stop();
    this.at = null;
    this.chunk = null;
    this.slider.value = "0";
    this.relabel();
    this.view.live();
  }

  private toggle(): void {
    if (this.timer) {
      this.stop();
    } else {
      if (this.at === null) return; // live already plays
      this.timer = window.setInterval(() => void this.tick(), TICK_MS);
    }
    this.relabel();
  }

  private stop(): void {
    window.clearInterval(this.timer);
    this.timer = 0;
  }

  private async tick(): Promise<void> {
    if (this.at === null || this.loading) return;
    const next = this.at + (this.speed * TICK_MS) / 1000;
    if (next >= Date.now() / 1000 - 1) {
      this.goLive();
      return;
    }
    this.at = next;
    if (next > this.chunkEnd) await this.load(this.chunkEnd, false);
    this.apply();
    this.slider.value = String(Math.round(this.at - Date.now() / 1000));
    this.relabel();
  }

  /** Fetches [from, from + CHUNK_S]; with {@code state} the picture at {@code from} is drawn first. */
  private async load(from: number, state: boolean): Promise<void> {
    const to = Math.min(from + CHUNK_S, Date.now() / 1000);
    this.loading = (async () => {
      try {
        const r = await api.replay(new Date(from * 1000).toISOString(), new Date(to * 1000).toISOString());
        if (this.at === null) return; // back to live meanwhile
        this.chunk = r;
        this.chunkEnd = to;
        this.applied = { tracks: 0, alerts: 0 };
        if (state) {
          this.view.tracks(r.state.tracks.features);
          for (const a of r.state.alerts) this.openAlerts.set(a.id, a);
          this.view.alerts([...this.openAlerts.values()]);
          this.view.sectors(r.state.sectors);
        }
        this.apply();
      } catch {
        this.label.textContent = t("timeline:failed");
      } finally {
        this.loading = null;
      }
    })();
    await this.loading;
  }

  /** The chunk's changes up to the replayed time, in order. */
  private apply(): void {
    const c = this.chunk;
    if (!c || this.at === null) return;
    const until = this.at * 1000;
    const tracks: GeoJSON.Feature<GeoJSON.Point, api.TrackProps>[] = [];
    while (this.applied.tracks < c.changes.tracks.length && Date.parse(c.changes.tracks[this.applied.tracks].properties.time) <= until) {
      tracks.push(c.changes.tracks[this.applied.tracks++]);
    }
    if (tracks.length) this.view.tracks(tracks);
    let alertsChanged = false;
    while (this.applied.alerts < c.changes.alerts.length && Date.parse(c.changes.alerts[this.applied.alerts].time) <= until) {
      const a = c.changes.alerts[this.applied.alerts++].alert;
      if (a.status === "resolved") this.openAlerts.delete(a.id); else this.openAlerts.set(a.id, a);
      alertsChanged = true;
    }
    if (alertsChanged) this.view.alerts([...this.openAlerts.values()]);
  }
}
