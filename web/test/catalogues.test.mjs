// The message catalogues (src/locales/LANG/NAMESPACE.json): every language has every namespace and key, with
// every plural form its language needs, no empty text, the same {{placeholders}}; every key the code asks for
// with t("ns:key") exists. Run by `npm test` (node's own test runner), which the Maven build runs in `test`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../src/", import.meta.url).pathname;
const LANGS = ["lt", "en"];
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(obj, prefix = "", out = new Map()) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object") flatten(v, key, out);
    else out.set(key, v);
  }
  return out;
}

function catalogue(lang) {
  const out = new Map();
  for (const file of readdirSync(join(root, "locales", lang)).filter((f) => f.endsWith(".json"))) {
    const ns = file.replace(/\.json$/, "");
    for (const [k, v] of flatten(JSON.parse(readFileSync(join(root, "locales", lang, file), "utf8")))) out.set(`${ns}:${k}`, v);
  }
  return out;
}

const cats = Object.fromEntries(LANGS.map((l) => [l, catalogue(l)]));
const bases = (lang) => new Set([...cats[lang].keys()].map((k) => k.replace(PLURAL, "")));
const placeholders = (text) => [...String(text).matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]).sort();

test("both languages have the same keys", () => {
  const [lt, en] = LANGS.map(bases);
  assert.deepEqual([...en].filter((k) => !lt.has(k)), [], "missing in Lithuanian");
  assert.deepEqual([...lt].filter((k) => !en.has(k)), [], "missing in English");
  assert.ok(en.size > 50, `only ${en.size} keys: catalogues not read`);
});

test("plural keys have every form the language needs", () => {
  for (const lang of LANGS) {
    const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const plural = new Set([...cats[lang].keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, "")));
    for (const base of plural) {
      for (const f of forms) assert.ok(cats[lang].has(`${base}_${f}`), `${lang}: ${base}_${f} missing`);
    }
  }
  assert.ok(new Intl.PluralRules("lt").resolvedOptions().pluralCategories.includes("few"), "Lithuanian plural rules");
});

test("no text is empty and translations keep the placeholders", () => {
  for (const [key, en] of cats.en) {
    assert.ok(String(en).trim(), `en ${key} empty`);
    const base = key.replace(PLURAL, "");
    for (const [k, lt] of cats.lt) {
      if (k.replace(PLURAL, "") !== base) continue;
      assert.ok(String(lt).trim(), `lt ${k} empty`);
      // "count" may be left out of a plural form's text; everything else must be kept.
      const want = placeholders(en).filter((p) => p !== "count" || !PLURAL.test(key));
      const got = placeholders(lt);
      for (const p of want) assert.ok(got.includes(p), `lt ${k} lacks {{${p}}}`);
    }
  }
});

test("Lithuanian texts are Lithuanian, not English copies", () => {
  const same = [...cats.en].filter(([k, v]) => cats.lt.get(k) === v && /[a-z]{4,}/i.test(String(v).replace(/\{\{[^}]*\}\}/g, "")));
  // Names that are the same in both (Skydas, OpenStreetMap, units) are not words to translate.
  assert.deepEqual(same.map(([k]) => k), []);
  assert.ok([...cats.lt.values()].some((v) => /[ąčęėįšųūž]/.test(String(v))), "Lithuanian letters");
});

test("every key the code asks for exists", () => {
  const used = new Set();
  const namespaces = new Set([...cats.en.keys()].map((k) => k.split(":")[0]));
  const files = readdirSync(root).filter((f) => f.endsWith(".ts"));
  for (const f of files) {
    const src = readFileSync(join(root, f), "utf8");
    for (const m of src.matchAll(/\bt\(\s*"([^"]+)"/g)) used.add(m[1].includes(":") ? m[1] : `common:${m[1]}`);
    // Keys given to elements in the code (i18nText(el, "ns:key"), dataset.i18nAttr = "attr=ns:key") and keys kept
    // in tables as "ns:key" strings, for the namespaces the catalogues have ("ns:group" names a group of keys).
    for (const m of src.matchAll(/["=]([a-z]+:[A-Za-z]+(?:\.[A-Za-z_]+)*)"/g)) {
      const group = [...cats.en.keys()].some((k) => k.startsWith(`${m[1]}.`));
      if (namespaces.has(m[1].split(":")[0]) && !group) used.add(m[1]);
    }
  }
  const html = readFileSync(join(root, "..", "index.html"), "utf8");
  for (const m of html.matchAll(/data-i18n="([^"]+)"/g)) used.add(m[1].includes(":") ? m[1] : `common:${m[1]}`);
  for (const m of html.matchAll(/data-i18n-attr="([^"]+)"/g)) {
    for (const pair of m[1].split(",")) {
      const key = pair.split("=")[1].trim();
      used.add(key.includes(":") ? key : `common:${key}`);
    }
  }
  assert.ok(used.size > 30, `only ${used.size} keys found in the code`);
  for (const lang of LANGS) {
    const have = bases(lang);
    assert.deepEqual([...used].filter((k) => !have.has(k)), [], `${lang}: keys the code uses but the catalogue lacks`);
  }
});
