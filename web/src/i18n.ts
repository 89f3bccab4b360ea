import i18next from "i18next";

/**
 * The console's languages: every label, message and alert text comes from the message catalogues in
 * locales/LANG/NAMESPACE.json (one namespace per panel, so a new panel adds its own file in each language;
 * the catalogue test in web/test checks that no key is missing in either language). i18next picks the
 * plural forms (Lithuanian has four) and formats numbers in the chosen locale.
 */
export const LANGUAGES = ["lt", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** The locale used for dates and numbers: British English writes 24-hour times like Lithuanian does. */
const LOCALES: Record<Language, string> = { lt: "lt-LT", en: "en-GB" };

const files = import.meta.glob<Record<string, unknown>>("./locales/*/*.json", { eager: true, import: "default" });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, catalogue] of Object.entries(files)) {
  const [, lang, ns] = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path)!;
  (resources[lang] ??= {})[ns] = catalogue;
}

void i18next.init({
  resources,
  lng: "en",
  fallbackLng: false,
  supportedLngs: [...LANGUAGES],
  ns: Object.keys(resources.en ?? {}),
  defaultNS: "common",
  initAsync: false,
  interpolation: { escapeValue: false }, // text goes into textContent, never innerHTML
});

export const t = i18next.t.bind(i18next);

/** Whether the catalogue of the current language has `key` ("ns:key"). */
export function exists(key: string): boolean {
  return i18next.exists(key);
}

export function language(): Language {
  return (i18next.language as Language) ?? "en";
}

export function locale(): string {
  return LOCALES[language()];
}

export function isLanguage(s: unknown): s is Language {
  return (LANGUAGES as readonly unknown[]).includes(s);
}

/** Switches the language; whoever shows text registers with onLanguageChange to draw it again. */
export function setLanguage(lang: Language): void {
  if (lang === language()) return;
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

export function onLanguageChange(l: () => void): void {
  i18next.on("languageChanged", l);
}

/** The browser's own choice, for a first visit: Lithuanian for a Lithuanian browser, else English. */
export function browserLanguage(): Language {
  return navigator.languages?.some((l) => l.toLowerCase().startsWith("lt")) ? "lt" : "en";
}

/**
 * The page's fixed text: an element with data-i18n="ns:key" gets the text, data-i18n-attr="attr=ns:key,…"
 * sets attributes (title, aria-label).
 */
export function applyStatic(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>("[data-i18n]")) el.textContent = t(el.dataset.i18n!);
  for (const el of root.querySelectorAll<HTMLElement>("[data-i18n-attr]")) {
    for (const pair of el.dataset.i18nAttr!.split(",")) {
      const [attr, key] = pair.split("=");
      el.setAttribute(attr.trim(), t(key.trim()));
    }
  }
}

/** Gives an element the text of a key, written again by applyStatic when the language changes. */
export function i18nText<E extends HTMLElement>(el: E, key: string): E {
  el.dataset.i18n = key;
  el.textContent = t(key);
  return el;
}
