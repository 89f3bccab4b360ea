// Okabe–Ito colours: told apart by people with the common colour-vision deficiencies.
// Severity is also always written out in words, never shown by colour alone.
export const SEVERITY_COLOURS = {
  low: "#56B4E9",
  medium: "#E69F00",
  high: "#D55E00",
  critical: "#CC79A7",
} as const;

export const SERIES_COLOURS = {
  envelope: "#999999",
  planned: "#56B4E9",
  committed: "#0072B2",
  spent: "#009E73",
} as const;

// Outline of coverage gaps on the map: Okabe–Ito vermillion, apart from the viridis coverage tiles.
export const GAP_COLOUR = "#D55E00";

// Track classes, Okabe–Ito again, drawn with a black outline so that yellow shows on the pale map;
// the filter bar writes each class out beside its swatch, and vehicles and drones are drawn larger.
export const TRACK_CLASSES = ["person", "vehicle", "drone", "unknown"] as const;
export type TrackClass = (typeof TRACK_CLASSES)[number];
export const CLASS_COLOURS: Record<TrackClass, string> = {
  person: "#F0E442",
  vehicle: "#E69F00",
  drone: "#56B4E9",
  // Grey, not white: white circles are the asset points.
  unknown: "#A0A0A0",
};
// The selected track's stored history: Okabe–Ito blue, dashed, apart from the grey live trails.
export const HISTORY_COLOUR = "#0072B2";
