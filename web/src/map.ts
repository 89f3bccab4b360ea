import maplibregl, { type StyleSpecification } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { session, type Alert } from "./api";
import { CLASS_COLOURS, HISTORY_COLOUR, SEVERITY_COLOURS, TRACK_CLASSES } from "./palette";

/** From this zoom on every track is drawn on its own, with its trail and heading; below it, many are grouped. */
export const TRACKS_INDIVIDUAL_ZOOM = 9;

/** A track's circle: class colour, vehicles and drones larger, a thin outline while coasting. */
function trackPaint(): maplibregl.CircleLayerSpecification["paint"] {
  return {
    "circle-radius": ["match", ["get", "class"], "vehicle", 7, "drone", 6, 5],
    "circle-color": ["match", ["get", "class"], "person", CLASS_COLOURS.person, "vehicle", CLASS_COLOURS.vehicle,
      "drone", CLASS_COLOURS.drone, CLASS_COLOURS.unknown],
    "circle-stroke-color": "#000",
    "circle-stroke-width": ["match", ["get", "status"], "coasting", 1, 2.5],
  };
}

/** A group's colour: that of its most numerous class (ties go to the first in TRACK_CLASSES). */
function dominantClassColour(): maplibregl.ExpressionSpecification {
  const n = (c: string): maplibregl.ExpressionSpecification => ["get", c];
  const top = (c: string): maplibregl.ExpressionSpecification =>
    ["all", ...TRACK_CLASSES.filter((o) => o !== c).map((o): maplibregl.ExpressionSpecification => [">=", n(c), n(o)])];
  return ["case", ...TRACK_CLASSES.slice(0, -1).flatMap((c) => [top(c), CLASS_COLOURS[c]]),
    CLASS_COLOURS.unknown] as maplibregl.ExpressionSpecification;
}

// The base map is drawn from Skydas's own layers: nothing is fetched from outside at run time,
// so there are no raster tiles and no glyphs (labels live in the side panel, not on the map).
const style: StyleSpecification = {
  version: 8,
  sources: {
    zones: { type: "geojson", data: "/api/layers/zones" },
    border: { type: "geojson", data: "/api/layers/border" },
    sectors: { type: "geojson", data: "/api/layers/sectors" },
    assets: { type: "geojson", data: "/api/layers/assets" },
    alerts: { type: "geojson", data: { type: "FeatureCollection", features: [] } },
    tracks: { type: "geojson", data: { type: "FeatureCollection", features: [] } },
    // The same tracks as points only, grouped below TRACKS_INDIVIDUAL_ZOOM when there are many (tracks.ts).
    "track-clusters": {
      type: "geojson", data: { type: "FeatureCollection", features: [] }, cluster: true,
      clusterMaxZoom: TRACKS_INDIVIDUAL_ZOOM - 1, clusterRadius: 28,
      clusterProperties: Object.fromEntries(TRACK_CLASSES.map((c) => [c, ["+", ["case", ["==", ["get", "class"], c], 1, 0]]])),
    },
    history: { type: "geojson", data: { type: "FeatureCollection", features: [] } },
  },
  layers: [
    { id: "background", type: "background", paint: { "background-color": "#e9edf1" } },
    {
      id: "territory", type: "fill", source: "zones", filter: ["==", ["get", "kind"], "national_territory"],
      paint: { "fill-color": "#fbfaf5", "fill-outline-color": "#9aa5b1" },
    },
    {
      id: "buffer", type: "fill", source: "zones", filter: ["==", ["get", "kind"], "buffer"],
      paint: { "fill-color": "#f0e4c8", "fill-opacity": 0.6 },
    },
    {
      id: "strip", type: "fill", source: "zones", filter: ["==", ["get", "kind"], "border_strip"],
      paint: { "fill-color": "#e2c48f", "fill-opacity": 0.8 },
    },
    {
      id: "aoi", type: "line", source: "zones", filter: ["==", ["get", "kind"], "area_of_interest"],
      paint: { "line-color": "#0072B2", "line-width": 2, "line-dasharray": [3, 2] },
    },
    { id: "sectors", type: "line", source: "sectors", paint: { "line-color": "#555", "line-width": 5, "line-opacity": 0.15 } },
    { id: "border", type: "line", source: "border", paint: { "line-color": "#1b1b1b", "line-width": 2.5 } },
    {
      id: "asset-areas", type: "fill", source: "assets", filter: ["==", ["geometry-type"], "Polygon"],
      paint: { "fill-color": "#009E73", "fill-opacity": 0.45 },
    },
    {
      id: "asset-lines", type: "line", source: "assets", filter: ["==", ["geometry-type"], "LineString"],
      paint: { "line-color": "#7a4b00", "line-width": 3 },
    },
    {
      id: "asset-points", type: "circle", source: "assets", filter: ["==", ["geometry-type"], "Point"],
      paint: { "circle-radius": 5, "circle-color": "#ffffff", "circle-stroke-color": "#1b1b1b", "circle-stroke-width": 2 },
    },
    {
      // Trails and one-minute heading vectors share the tracks' source; below zoom 8 they are under a pixel long.
      id: "trails", type: "line", source: "tracks", minzoom: 8, filter: ["==", ["geometry-type"], "LineString"],
      paint: { "line-color": "#333", "line-width": 1.5, "line-opacity": 0.6 },
    },
    {
      id: "history", type: "line", source: "history",
      paint: { "line-color": HISTORY_COLOUR, "line-width": 3, "line-dasharray": [2, 1] },
    },
    {
      // A ring round the selected track (its filter is set on selection).
      id: "selected-track", type: "circle", source: "tracks", filter: ["==", ["id"], -1],
      paint: { "circle-radius": 13, "circle-color": "rgba(0,0,0,0)", "circle-stroke-color": HISTORY_COLOUR, "circle-stroke-width": 3 },
    },
    { id: "tracks", type: "circle", source: "tracks", filter: ["==", ["geometry-type"], "Point"], paint: trackPaint() },
    {
      // Thousands of tracks at a low zoom: groups drawn in the colour of their most numerous class, larger
      // the more they hold (the counts are in the filter bar; the map has no glyphs for numbers).
      id: "track-clusters", type: "circle", source: "track-clusters", filter: ["has", "point_count"],
      paint: {
        "circle-radius": ["step", ["get", "point_count"], 7, 10, 10, 100, 14, 1000, 19],
        "circle-color": dominantClassColour(),
        "circle-opacity": 0.85,
        "circle-stroke-color": "#000",
        "circle-stroke-width": 1.5,
      },
    },
    {
      id: "track-cluster-points", type: "circle", source: "track-clusters", filter: ["!", ["has", "point_count"]],
      paint: trackPaint(),
    },
    {
      id: "alerts", type: "circle", source: "alerts",
      paint: {
        "circle-radius": 9,
        "circle-color": ["match", ["get", "severity"],
          "critical", SEVERITY_COLOURS.critical, "high", SEVERITY_COLOURS.high,
          "medium", SEVERITY_COLOURS.medium, SEVERITY_COLOURS.low],
        "circle-stroke-color": "#000", "circle-stroke-width": 1.5,
      },
    },
  ],
};

export function createMap(container: HTMLElement): maplibregl.Map {
  const map = new maplibregl.Map({
    container,
    style,
    center: [23.9, 55.2],
    zoom: 6,
    // Coverage tiles need a login: MapLibre fetches them itself, so it gets the token here.
    transformRequest: (url) => {
      const s = session();
      return s && url.includes("/api/tiles/") ? { url, headers: { Authorization: `Bearer ${s.token}` } } : { url };
    },
    attributionControl: { compact: false, customAttribution: "© OpenStreetMap contributors, ODbL" },
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-left");
  map.addControl(new maplibregl.ScaleControl({ unit: "metric" }), "bottom-left");
  return map;
}

export function showAlerts(map: maplibregl.Map, alerts: Alert[]): void {
  const src = map.getSource("alerts") as maplibregl.GeoJSONSource | undefined;
  if (!src) return;
  src.setData({
    type: "FeatureCollection",
    features: alerts.filter((a) => a.lon !== undefined && a.status !== "resolved").map((a) => ({
      type: "Feature",
      id: a.id,
      geometry: { type: "Point", coordinates: [a.lon!, a.lat!] },
      properties: { severity: a.severity, id: a.id },
    })),
  });
}
