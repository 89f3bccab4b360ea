import type maplibregl from "maplibre-gl";

/**
 * Day and night displays. Night is for a dim control room: a dark map whose land, border and sectors stay
 * apart at low brightness, and dark panels (style.css, body[data-theme=night]). Track, alert and severity
 * colours stay as they are (Okabe–Ito, told apart on dark ground too); only their outlines turn light.
 */
export type Theme = "day" | "night";

type Paint = Record<string, Record<string, unknown>>;

/** The base map's paint per theme: layer id → paint property → value. */
const PAINT: Record<Theme, Paint> = {
  day: {
    background: { "background-color": "#e9edf1" },
    territory: { "fill-color": "#fbfaf5", "fill-outline-color": "#9aa5b1" },
    buffer: { "fill-color": "#f0e4c8", "fill-opacity": 0.6 },
    strip: { "fill-color": "#e2c48f", "fill-opacity": 0.8 },
    sectors: { "line-color": "#555", "line-opacity": 0.15 },
    border: { "line-color": "#1b1b1b" },
    trails: { "line-color": "#333" },
    tracks: { "circle-stroke-color": "#000" },
    "track-clusters": { "circle-stroke-color": "#000" },
    alerts: { "circle-stroke-color": "#000" },
  },
  night: {
    background: { "background-color": "#0b0f14" },
    territory: { "fill-color": "#161d26", "fill-outline-color": "#3a4654" },
    buffer: { "fill-color": "#2a2a1e", "fill-opacity": 0.7 },
    strip: { "fill-color": "#4a3b1c", "fill-opacity": 0.8 },
    sectors: { "line-color": "#9aa5b1", "line-opacity": 0.2 },
    border: { "line-color": "#c9d1d9" },
    trails: { "line-color": "#9aa5b1" },
    tracks: { "circle-stroke-color": "#0b0f14" },
    "track-clusters": { "circle-stroke-color": "#c9d1d9" },
    alerts: { "circle-stroke-color": "#fff" },
  },
};

/** The day paint of a layer, for the style as it is first built. */
export function dayPaint(layer: string): Record<string, unknown> {
  return PAINT.day[layer] ?? {};
}

/** Sets the page's and the map's theme (the map's layers may still be loading: then once the style is in). */
export function applyTheme(map: maplibregl.Map, theme: Theme): void {
  document.body.dataset.theme = theme;
  const paint = () => {
    for (const [layer, props] of Object.entries(PAINT[theme])) {
      if (!map.getLayer(layer)) continue;
      for (const [prop, value] of Object.entries(props)) map.setPaintProperty(layer, prop, value);
    }
  };
  if (map.isStyleLoaded()) paint(); else map.once("styledata", paint);
}
