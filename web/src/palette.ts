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
