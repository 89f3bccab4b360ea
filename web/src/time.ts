/**
 * How the client writes times: 24-hour, always with the zone shown, in UTC or in the browser's local zone
 * (switchable, remembered in this browser). Every time on screen goes through here. Dates follow the console's
 * language (2026-12-07 in Lithuanian, 07/12/2026 in English) and so does the zone's short name.
 */
import { locale } from "./i18n";

export type TimeZoneMode = "utc" | "local";

const KEY = "skydas.timeZone";
const listeners: Array<() => void> = [];

let mode: TimeZoneMode = readMode();

function readMode(): TimeZoneMode {
  try {
    return localStorage.getItem(KEY) === "utc" ? "utc" : "local";
  } catch {
    return "local";
  }
}

export function timeZoneMode(): TimeZoneMode {
  return mode;
}

/** Switches the zone for every time shown, and tells whoever shows times to redraw them. */
export function setTimeZoneMode(m: TimeZoneMode): void {
  mode = m;
  try {
    localStorage.setItem(KEY, m);
  } catch {
    // private browsing: the choice lasts for this page only
  }
  for (const l of listeners) l();
}

export function onTimeZoneChange(l: () => void): void {
  listeners.push(l);
}

function parts(t: string | number | Date, withDate: boolean): Record<string, string> {
  const f = new Intl.DateTimeFormat(locale(), {
    timeZone: mode === "utc" ? "UTC" : undefined,
    hourCycle: "h23",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "short",
    ...(withDate ? { year: "numeric", month: "2-digit", day: "2-digit" } : {}),
  });
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(t))) out[p.type] = p.value;
  return out;
}

/** "14:57:41 EET" or "12:57:41 UTC". */
export function formatTime(t: string | number | Date): string {
  const p = parts(t, false);
  return `${p.hour}:${p.minute}:${p.second} ${p.timeZoneName}`;
}

/** "07/12/2026 14:57:41 EET" in English, "2026-12-07 14:57:41 GMT+2" in Lithuanian; "… UTC" in UTC. */
export function formatDateTime(t: string | number | Date): string {
  const p = parts(t, true);
  return `${formatDate(t)} ${p.hour}:${p.minute}:${p.second} ${p.timeZoneName}`;
}

/** The date alone, in the language's own order and separators. */
export function formatDate(t: string | number | Date): string {
  return new Intl.DateTimeFormat(locale(), {
    timeZone: mode === "utc" ? "UTC" : undefined, year: "numeric", month: "2-digit", day: "2-digit",
  }).format(new Date(t));
}

/** The zone's name as shown after times, for the switch's label. */
export function zoneLabel(): string {
  return parts(Date.now(), false).timeZoneName;
}
