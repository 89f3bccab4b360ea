import { browserLanguage, isLanguage, type Language } from "./i18n";

/**
 * What each operator chose for the console: language, day or night display, alert sound. Kept in this
 * browser's localStorage per user name (a shared control-room workstation keeps each operator's choice), and
 * the last choice is the login screen's. The server keeps them too (GET/PUT /api/me/prefs, see main.ts), so they
 * follow a user to another workstation: after login the server's copy wins.
 */
export interface Prefs {
  lang: Language;
  theme: "day" | "night";
  muted: boolean;
}

const LAST = "skydas.prefs";
let user: string | null = null;
let current: Prefs = read(LAST) ?? { lang: browserLanguage(), theme: "day", muted: false };

function read(key: string): Prefs | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const p = JSON.parse(raw) as Partial<Prefs>;
    return {
      lang: isLanguage(p.lang) ? p.lang : browserLanguage(),
      theme: p.theme === "night" ? "night" : "day",
      muted: p.muted === true,
    };
  } catch {
    return null; // unreadable or private browsing: defaults
  }
}

function write(): void {
  try {
    const raw = JSON.stringify(current);
    localStorage.setItem(LAST, raw);
    if (user) localStorage.setItem(`${LAST}.${user}`, raw);
  } catch {
    // private browsing: the choice lasts for this page only
  }
}

export function prefs(): Prefs {
  return current;
}

/**
 * A user logged in: their own choices, or (first time on this browser) the language and display on screen now
 * with the alert sound on — the previous user's mute is not inherited.
 */
export function forUser(username: string | null): Prefs {
  user = username;
  if (username) current = read(`${LAST}.${username}`) ?? { ...current, muted: false };
  write();
  return current;
}

export function update(change: Partial<Prefs>): Prefs {
  current = { ...current, ...change };
  write();
  return current;
}
