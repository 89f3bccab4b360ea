// Which border sector a track belongs to: the nearest one, as the alert rules decide for alerts.
// Tracks carry no sector on the wire, so the client works it out from the sectors layer it already draws.

/** Metres per degree of latitude; longitude is scaled by the cosine of the layer's middle latitude. */
const M_PER_DEG = 111_320;
const CELL_M = 5_000;
/** Beyond this distance from every sector a track belongs to none (a track deep inside or far away). */
const MAX_RINGS = 40;

interface Segment { sector: string; neighbour: string; ax: number; ay: number; bx: number; by: number }

export interface SectorRef { id: string; neighbour: string }

/** A uniform grid of border segments in local metres: a nearest-sector query looks at a few cells only. */
export class SectorIndex {
  readonly sectors: SectorRef[];
  private readonly cells = new Map<number, Segment[]>();
  private readonly kx: number;

  constructor(fc: GeoJSON.FeatureCollection) {
    const lats: number[] = [];
    const lines: { ref: SectorRef; coords: GeoJSON.Position[] }[] = [];
    const refs: SectorRef[] = [];
    for (const f of fc.features) {
      const id = String(f.id ?? f.properties?.id ?? "");
      if (!id || !f.geometry) continue;
      const ref = { id, neighbour: String(f.properties?.neighbour ?? id.split("-")[0]) };
      refs.push(ref);
      const g = f.geometry;
      const parts = g.type === "LineString" ? [g.coordinates] : g.type === "MultiLineString" ? g.coordinates : [];
      for (const coords of parts) {
        lines.push({ ref, coords });
        for (const c of coords) lats.push(c[1]);
      }
    }
    this.sectors = refs.sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
    const mid = lats.length ? (Math.min(...lats) + Math.max(...lats)) / 2 : 0;
    this.kx = M_PER_DEG * Math.cos((mid * Math.PI) / 180);
    for (const { ref, coords } of lines) {
      for (let i = 0; i + 1 < coords.length; i++) {
        const s: Segment = {
          sector: ref.id, neighbour: ref.neighbour,
          ax: coords[i][0] * this.kx, ay: coords[i][1] * M_PER_DEG,
          bx: coords[i + 1][0] * this.kx, by: coords[i + 1][1] * M_PER_DEG,
        };
        const [x0, x1] = [Math.floor(Math.min(s.ax, s.bx) / CELL_M), Math.floor(Math.max(s.ax, s.bx) / CELL_M)];
        const [y0, y1] = [Math.floor(Math.min(s.ay, s.by) / CELL_M), Math.floor(Math.max(s.ay, s.by) / CELL_M)];
        for (let cx = x0; cx <= x1; cx++) {
          for (let cy = y0; cy <= y1; cy++) {
            const key = cellKey(cx, cy);
            const list = this.cells.get(key);
            if (list) list.push(s); else this.cells.set(key, [s]);
          }
        }
      }
    }
  }

  /** The nearest sector to a WGS-84 point, or null when none lies within MAX_RINGS cells. */
  nearest(lon: number, lat: number): SectorRef | null {
    const px = lon * this.kx;
    const py = lat * M_PER_DEG;
    const cx = Math.floor(px / CELL_M);
    const cy = Math.floor(py / CELL_M);
    let best = null as Segment | null;
    let bestD2 = Infinity;
    const seen = new Set<Segment>();
    for (let r = 0; r <= MAX_RINGS; r++) {
      // Ring r: the cells at Chebyshev distance r from the point's cell.
      for (let dx = -r; dx <= r; dx++) {
        for (let dy = -r; dy <= r; dy++) {
          if (Math.max(Math.abs(dx), Math.abs(dy)) !== r) continue;
          for (const s of this.cells.get(cellKey(cx + dx, cy + dy)) ?? []) {
            if (seen.has(s)) continue;
            seen.add(s);
            const d2 = distance2(px, py, s);
            if (d2 < bestD2) { bestD2 = d2; best = s; }
          }
        }
      }
      // Every cell within r rings was looked at: anything unseen is at least r cells away.
      if (best && Math.sqrt(bestD2) <= r * CELL_M) break;
    }
    return best ? { id: best.sector, neighbour: best.neighbour } : null;
  }
}

function cellKey(cx: number, cy: number): number {
  return (cx + 100_000) * 200_000 + (cy + 100_000);
}

function distance2(px: number, py: number, s: Segment): number {
  const vx = s.bx - s.ax;
  const vy = s.by - s.ay;
  const len2 = vx * vx + vy * vy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - s.ax) * vx + (py - s.ay) * vy) / len2));
  const dx = s.ax + t * vx - px;
  const dy = s.ay + t * vy - py;
  return dx * dx + dy * dy;
}
