import { t } from "./i18n";
import { CLASS_COLOURS, TRACK_CLASSES } from "./palette";
import type { SectorRef } from "./sectors";
import type { TrackCounts, TrackFilter } from "./tracks";

/**
 * The operator's filter bar: a checkbox per class and one sector choice (every sector, one
 * neighbour's, or one sector). Native controls, so Tab, Space and the arrow keys work; every change
 * is reported at once, and the counts show what the map holds.
 */
export class FilterBar {
  private readonly boxes = new Map<string, HTMLInputElement>();
  private readonly classCounts = new Map<string, HTMLElement>();
  private readonly sector: HTMLSelectElement;
  private readonly count: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly classNames = new Map<string, Text>();
  private readonly sectorText: Text;
  private sectorRefs: SectorRef[] = [];
  private lastCounts: TrackCounts | null = null;

  constructor(private readonly root: HTMLElement, private readonly changed: (f: TrackFilter) => void) {
    const classes = document.createElement("fieldset");
    classes.className = "classes";
    this.legend = document.createElement("legend");
    classes.append(this.legend);
    for (const c of TRACK_CLASSES) {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = "class";
      box.value = c;
      box.checked = true;
      box.setAttribute("data-testid", `class-filter-${c}`);
      box.addEventListener("change", () => this.emit());
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = CLASS_COLOURS[c];
      swatch.setAttribute("aria-hidden", "true");
      const n = document.createElement("span");
      n.className = "n";
      const name = document.createTextNode("");
      this.classNames.set(c, name);
      label.append(box, swatch, name, n);
      classes.append(label);
      this.boxes.set(c, box);
      this.classCounts.set(c, n);
    }
    const sectorLabel = document.createElement("label");
    sectorLabel.className = "sector";
    this.sector = document.createElement("select");
    this.sector.name = "sector";
    this.sector.setAttribute("data-testid", "sector-filter");
    this.sector.addEventListener("change", () => this.emit());
    this.sector.append(new Option("", ""));
    this.sectorText = document.createTextNode("");
    sectorLabel.append(this.sectorText, this.sector);
    this.count = document.createElement("p");
    this.count.className = "track-count";
    this.count.setAttribute("data-testid", "track-count");
    this.count.setAttribute("aria-live", "off"); // changes several times a second: not for a screen reader
    root.replaceChildren(classes, sectorLabel, this.count);
    this.relabel();
  }

  /** Writes the labels in the current language. */
  relabel(): void {
    this.legend.textContent = t("tracks:classes");
    for (const [c, name] of this.classNames) name.textContent = `${t(`tracks:class.${c}`)} `;
    this.sectorText.textContent = `${t("tracks:sector")} `;
    this.setSectors(this.sectorRefs);
    if (this.lastCounts) this.showCounts(this.lastCounts);
  }

  /** The sectors to choose from, grouped by neighbour; the current choice survives when it still exists. */
  setSectors(sectors: SectorRef[]): void {
    this.sectorRefs = sectors;
    const keep = this.sector.value;
    const groups = new Map<string, SectorRef[]>();
    for (const s of sectors) groups.set(s.neighbour, [...(groups.get(s.neighbour) ?? []), s]);
    const options: HTMLElement[] = [new Option(t("tracks:allSectors"), "")];
    for (const [n, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      const group = document.createElement("optgroup");
      group.label = `${t(`tracks:neighbour.${n}`, { defaultValue: n })} (${n})`;
      group.append(new Option(t("tracks:allOf", { neighbour: n, count: list.length }), `n:${n}`), ...list.map((s) => new Option(s.id, `s:${s.id}`)));
      options.push(group);
    }
    this.sector.replaceChildren(...options);
    this.sector.value = [...this.sector.options].some((o) => o.value === keep) ? keep : "";
  }

  current(): TrackFilter {
    return {
      classes: new Set([...this.boxes].filter(([, b]) => b.checked).map(([c]) => c)),
      sector: this.sector.value,
    };
  }

  showCounts(c: TrackCounts): void {
    for (const [cls, el] of this.classCounts) el.textContent = `(${c.byClass[cls as keyof TrackCounts["byClass"]]})`;
    this.lastCounts = c;
    this.count.textContent = t("tracks:count", { shown: c.shown, total: c.total });
    this.count.dataset.shown = String(c.shown);
    this.count.dataset.total = String(c.total);
    this.root.dataset.shown = String(c.shown);
  }

  private emit(): void {
    this.changed(this.current());
  }
}
