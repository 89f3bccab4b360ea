import type { Programme } from "./api";
import { SERIES_COLOURS } from "./palette";

const SERIES = ["envelope", "planned", "committed", "spent"] as const;

/** Envelope against planned, committed and spent per category, as grouped horizontal bars (SVG). */
export function renderProgramme(target: HTMLElement, p: Programme): void {
  const rows = p.by_category;
  const max = Math.max(1, ...rows.flatMap((r) => SERIES.map((s) => r[`${s}_eur` as const])));
  const barH = 7, groupGap = 14, left = 190, width = 420;
  const height = rows.length * (SERIES.length * barH + groupGap) + 40;
  const svgNS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(svgNS, "svg");
  svg.setAttribute("viewBox", `0 0 ${left + width + 90} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${p.name}: envelope, planned, committed and spent by category`);
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
      title.textContent = `${s}: EUR ${Math.round(v).toLocaleString("en")}`;
      rect.append(title);
      svg.append(rect);
      y += barH;
    }
    const value = document.createElementNS(svgNS, "text");
    value.setAttribute("x", String(left + width + 4));
    value.setAttribute("y", String(y - 2 * barH));
    value.setAttribute("class", "axis");
    value.textContent = `€${(r.envelope_eur / 1e6).toFixed(0)} M`;
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
    const t = document.createElementNS(svgNS, "text");
    t.setAttribute("x", String(lx + 14));
    t.setAttribute("y", String(y + 13));
    t.setAttribute("class", "axis");
    t.textContent = s;
    svg.append(sw, t);
    lx += 110;
  }
  const total = document.createElement("p");
  total.textContent = `Total envelope €${(p.total.envelope_eur / 1e9).toFixed(2)} bn · planned €${(p.total.planned_eur / 1e6).toFixed(1)} M · committed €${(p.total.committed_eur / 1e6).toFixed(1)} M · spent €${(p.total.spent_eur / 1e6).toFixed(1)} M`;
  target.replaceChildren(svg, total);
}

/** Asset counts by type and lifecycle status. */
export function renderAssets(table: HTMLTableElement, assets: GeoJSON.FeatureCollection): void {
  const statuses = ["proposed", "funded", "contracted", "installed", "operational", "decommissioned"];
  const byType = new Map<string, Map<string, number>>();
  for (const f of assets.features) {
    const t = String(f.properties?.type ?? "?");
    const s = String(f.properties?.status ?? "?");
    const m = byType.get(t) ?? new Map<string, number>();
    m.set(s, (m.get(s) ?? 0) + 1);
    byType.set(t, m);
  }
  const head = `<tr><th>type</th>${statuses.map((s) => `<th>${s}</th>`).join("")}</tr>`;
  const body = [...byType.entries()].sort().map(([t, m]) =>
    `<tr><td>${t.replace(/_/g, " ")}</td>${statuses.map((s) => `<td>${m.get(s) ?? ""}</td>`).join("")}</tr>`).join("");
  table.innerHTML = head + body;
}
