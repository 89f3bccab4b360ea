/**
 * Numbers as the console's language writes them (12.5 in English, 12,5 in Lithuanian; thousands grouped the
 * language's way), for every figure the planning and register views show.
 */
import { locale } from "./i18n";

const cache = new Map<string, Intl.NumberFormat>();

function format(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = `${locale()}|${key}`;
  let f = cache.get(k);
  if (!f) {
    f = new Intl.NumberFormat(locale(), options);
    cache.set(k, f);
  }
  return f;
}

/** A number with exactly this many decimals. */
export function fixed(v: number, digits: number): string {
  return format(`f${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/** A whole number, grouped: 3,000,000 in English, 3 000 000 in Lithuanian. */
export function whole(v: number): string {
  return fixed(Math.round(v), 0);
}

/** A share (0…1) as a percentage: "12.3 %" / "12,3 %". */
export function percent(share: number, digits = 1): string {
  return `${fixed(100 * share, digits)} %`;
}

/** Whole euros: "€3,000,000" in English, "3 000 000 €" in Lithuanian. */
export function euros(v: number): string {
  return format("eur", { style: "currency", currency: "EUR", minimumFractionDigits: 0, maximumFractionDigits: 0 })
    .format(Math.round(v));
}
