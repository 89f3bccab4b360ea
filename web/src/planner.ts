import type { Programme } from "./api";
import { onLanguageChange, t } from "./i18n";
import { euros, fixed } from "./numbers";
import { SERIES_COLOURS } from "./palette";

const SERIES = ["envelope", "planned", "committed", "spent"] as const;

// What was drawn last, to draw it again in another language.
let lastProgramme: [HTMLElement, Programme] | null = null;
let lastAssets: [HTMLTableElement, GeoJSON.FeatureCollection] | null = null;
onLanguageChange(() => {
  if (lastProgramme) renderProgramme(...lastProgramme);
  if (lastAssets) renderAssets(...lastAssets);
});

/** Envelope against planned, committed and spent per category, as grouped horizontal bars (SVG). */
export function renderProgramme(target: HTMLElement, p: Programme): void {
  lastProgramme = [target, p];
  const rows = p.by_category;
  const max = Math.max(1, ...rows.flatMap((r) => SERIES.map((s) => r[`${s}_eur` as const])));
  const barH = 7, groupGap = 14, left = 190, width = 420;
  const height = rows.length * (SERIES.length * barH + groupGap) + 40;
  const svgNS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(svgNS, "svg");
  svg.setAttribute("viewBox", `0 0 ${left + width + 90} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", t("planner:chartLabel", { name: p.name }));
  let y = 10;
  for (const r of rows) {
    const label = document.createElementNS(svgNS, "text");
    label.setAttribute("x", "0");
    label.setAttribute("y", String(y + 2 * barH));
    label.setAttribute("class", "axis");
    label.textContent = (r.category ?? "").replace(/_/g, " ");
    svg.append(label);
    for (const s of SERIES) {
      const v = r[`${s}_eur` as const];
      const rect = document.createElementNS(svgNS, "rect");
      rect.setAttribute("x", String(left));
      rect.setAttribute("y", String(y));
      rect.setAttribute("height", String(barH - 1));
      rect.setAttribute("width", String(Math.max(0.5, (v / max) * width)));
      rect.setAttribute("fill", SERIES_COLOURS[s]);
      rect.setAttribute("data-series", s);
      const title = document.createElementNS(svgNS, "title");
      title.textContent = t("planner:barTitle", { series: t(`planner:series.${s}`), amount: euros(v) });
      rect.append(title);
      svg.append(rect);
      y += barH;
    }
    const value = document.createElementNS(svgNS, "text");
    value.setAttribute("x", String(left + width + 4));
    value.setAttribute("y", String(y - 2 * barH));
    value.setAttribute("class", "axis");
    value.textContent = t("planner:millions", { value: fixed(r.envelope_eur / 1e6, 0) });
    svg.append(value);
    y += groupGap;
  }
  let lx = 0;
  for (const s of SERIES) {
    const sw = document.createElementNS(svgNS, "rect");
    sw.setAttribute("x", String(lx));
    sw.setAttribute("y", String(y + 4));
    sw.setAttribute("width", "10");
    sw.setAttribute("height", "10");
    sw.setAttribute("fill", SERIES_COLOURS[s]);
    const name = document.createElementNS(svgNS, "text");
    name.setAttribute("x", String(lx + 14));
    name.setAttribute("y", String(y + 13));
    name.setAttribute("class", "axis");
    name.textContent = t(`planner:series.${s}`);
    svg.append(sw, name);
    lx += 110;
  }
  const total = document.createElement("p");
  total.textContent = t("planner:total", { envelope: fixed(p.total.envelope_eur / 1e9, 2),
    planned: fixed(p.total.planned_eur / 1e6, 1), committed: fixed(p.total.committed_eur / 1e6, 1),
    spent: fixed(p.total.spent_eur / 1e6, 1) });
  target.replaceChildren(svg, total);
}

/** Asset counts by type and lifecycle status. */
export function renderAssets(table: HTMLTableElement, assets: GeoJSON.FeatureCollection): void {
  lastAssets = [table, assets];
  const statuses = ["proposed", "funded", "contracted", "installed", "operational", "decommissioned"];
  const byType = new Map<string, Map<string, number>>();
  for (const f of assets.features) {
    const type = String(f.properties?.type ?? "?");
    const s = String(f.properties?.status ?? "?");
    const m = byType.get(type) ?? new Map<string, number>();
    m.set(s, (m.get(s) ?? 0) + 1);
    byType.set(type, m);
  }
  const row = (cell: "th" | "td", texts: string[]) => {
    const r = document.createElement("tr");
    r.append(...texts.map((text) => Object.assign(document.createElement(cell), { textContent: text })));
    return r;
  };
  // Asset types are the data's own names; the life-cycle steps are the console's words.
  const head = row("th", [t("planner:type"), ...statuses.map((s) => t(`planner:assetStatus.${s}`))]);
  const body = [...byType.entries()].sort().map(([type, m]) =>
    row("td", [type.replace(/_/g, " "), ...statuses.map((s) => String(m.get(s) ?? ""))]));
  table.replaceChildren(head, ...body);
}
