import type { Alert } from "./api";
import { t } from "./i18n";
import { formatTime } from "./time";

const LOUD = new Set<Alert["severity"]>(["high", "critical"]);

/**
 * Draws the operator's attention to a new alert of high or critical severity (or one escalated to it): a
 * tone made with Web Audio (nothing to fetch, so it works offline; muted per user) and, while the tab is
 * hidden, a browser notification where the operator allowed them. Alerts on screen at login are not new.
 */
export class Attention {
  private seen = new Map<number, Alert["severity"]>();
  private primed = false;
  private audio: AudioContext | null = null;
  muted = false;
  /** How many tones and notifications were given (for the console and tests). */
  readonly counts = { tones: 0, notifications: 0 };

  /**
   * Browsers let a page make sound only after a user gesture: called from one (login, the sound switch), it
   * readies the audio and asks, once, whether notifications may be shown.
   */
  unlock(): void {
    try {
      this.audio ??= new AudioContext();
      void this.audio.resume();
    } catch {
      this.audio = null; // no Web Audio here: the list and the notification still tell
    }
    if ("Notification" in window && Notification.permission === "default") void Notification.requestPermission();
  }

  /** Forgets what was seen (at logout): the next list is the baseline again. */
  reset(): void {
    this.seen.clear();
    this.primed = false;
  }

  /** The current open alerts; returns those that called for attention now. */
  update(alerts: Alert[]): Alert[] {
    const loud: Alert[] = [];
    const next = new Map<number, Alert["severity"]>();
    for (const a of alerts) {
      if (a.status === "resolved") continue;
      next.set(a.id, a.severity);
      const before = this.seen.get(a.id);
      if (this.primed && a.status === "new" && LOUD.has(a.severity) && (!before || !LOUD.has(before))) loud.push(a);
    }
    this.seen = next;
    this.primed = true;
    if (loud.length > 0) {
      if (!this.muted) this.tone(loud.some((a) => a.severity === "critical"));
      if (document.hidden) this.notify(loud);
    }
    return loud;
  }

  /** Two short beeps, three for critical. */
  private tone(critical: boolean): void {
    const ctx = this.audio;
    if (!ctx) return;
    this.counts.tones++;
    const start = ctx.currentTime + 0.02;
    for (let i = 0; i < (critical ? 3 : 2); i++) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = "sine";
      osc.frequency.value = critical ? 1046 : 880;
      gain.gain.setValueAtTime(0.0001, start + i * 0.3);
      gain.gain.exponentialRampToValueAtTime(0.3, start + i * 0.3 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.3 + 0.2);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start + i * 0.3);
      osc.stop(start + i * 0.3 + 0.22);
    }
  }

  private notify(alerts: Alert[]): void {
    if (!("Notification" in window) || Notification.permission !== "granted") return;
    for (const a of alerts.slice(0, 3)) {
      this.counts.notifications++;
      const n = new Notification(t("alerts:notify.title", { severity: t(`alerts:severity.${a.severity}`),
        rule: t(`alerts:rule.${a.rule}`, { defaultValue: a.rule.replace(/_/g, " ") }) }), {
        body: t("alerts:notify.body", { sector: a.sector ?? "—", time: formatTime(a.raised_at) }),
        tag: `skydas-alert-${a.id}`,
      });
      n.onclick = () => window.focus();
    }
  }
}
