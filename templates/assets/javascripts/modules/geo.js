// Distances for "near me", computed in the browser (nothing is sent). No DOM: tested in tests/js/.
import { DUTCH } from "./texts.js";

const RAD = Math.PI / 180;
const EARTH_KM = 6371;

/** Great-circle distance in km between two [lat, lon] points (haversine). */
export function distance(a, b) {
  const dLat = (b[0] - a[0]) * RAD;
  const dLon = (b[1] - a[1]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * RAD) * Math.cos(b[0] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
}

/** ``rows`` nearest first, each with its ``afstand`` (Infinity without ``punt``); ties by ``i``. */
export function byDistance(rows, point) {
  for (const row of rows) row.afstand = row.punt ? distance(point, row.punt) : Infinity;
  return rows.sort((a, b) => a.afstand - b.afstand || a.i - b.i);
}

/** What a typed postcode is: ``leeg`` (nothing), ``bezig`` (the first digits, still typing),
 * ``compleet`` (four digits, the first not 0, and at most two letters: ``digits``) or ``fout``
 * (anything else, such as "abcd" or "12345"). */
export function readPostcode(value) {
  const text = value.trim().toUpperCase();
  if (!text) return { state: "leeg", digits: "" };
  const full = text.match(/^([1-9]\d{3}) ?([A-Z]{0,2})$/);
  if (full) return { state: "compleet", digits: full[1] };
  if (/^[1-9]\d{0,2}$/.test(text)) return { state: "bezig", digits: "" };
  return { state: "fout", digits: "" };
}

/** What the finder says of a postcode that is ``fout``. */
export const postcodeWrong = (tx = DUTCH) =>
  tx.t("vinder.js.postcode.fout", "Dit is geen postcode. Een postcode begint met vier cijfers, bijvoorbeeld 1966 AR.");
