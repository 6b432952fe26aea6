// Numbers, distances, dates and counts in the page's language (Dutch by default; ``tx``: the
// page's texts, modules/texts.js). No DOM: tested in tests/js/.
import { DUTCH } from "./texts.js";

/** 2.46 -> "2,5" (in another language as it writes decimals, in the digits 0-9). */
export const decimal = (value, digits, tx = DUTCH) =>
  tx.foreign
    ? new Intl.NumberFormat(tx.lang, { minimumFractionDigits: digits, maximumFractionDigits: digits, numberingSystem: "latn" }).format(value)
    : value.toFixed(digits).replace(".", ",");

// A school without coordinates stands at the middle of its postcode area: under 1 km says no
// more than "close by".
export const km = (value, tx = DUTCH) =>
  value < 1
    ? tx.t("vinder.js.km.dichtbij", "minder dan 1 km")
    : tx.t("vinder.js.km", "{km} km", { km: value < 10 ? decimal(value, 1, tx) : String(Math.round(value)) });

/** ["A", "B", "C"] -> "A, B en C", in another language as it joins a list ("A, B, and C",
 * "A وB وC"); a browser without Intl.ListFormat (before 2021) separates them with commas. */
export const list = (items, tx = DUTCH) =>
  typeof Intl.ListFormat === "function"
    ? new Intl.ListFormat(tx.foreign ? tx.lang : "nl", { style: "long", type: "conjunction" }).format(items)
    : items.join(", ");

/** 1 -> "1 school", 3 -> "3 scholen". */
export const schools = (count, tx = DUTCH) => tx.tn("vinder.js.scholen", "{n} school", "{n} scholen", count);

/** "2026-07-31" -> "31 juli 2026" (in another language as it writes a date). */
export const longDate = (iso, tx = DUTCH) =>
  new Date(iso + "T12:00:00").toLocaleDateString(tx.foreign ? tx.lang : "nl-NL",
    { day: "numeric", month: "long", year: "numeric", numberingSystem: "latn" });

/** ``basis``: [met, counted, percentage, target met "1"/"0"/"-1", school year, who assessed
 * ("swv" or "school")] or null; the same words as sop_builder/site/finder.py. */
export function compliance(basis, tx = DUTCH) {
  if (!basis) return tx.t("vinder.js.basis.geen", "Nog geen zelfevaluatie basisondersteuning");
  const [met, counted, percentage, target, year, assessor] = basis;
  const values = { jaar: year, met, totaal: counted, procent: percentage };
  const line = assessor === "swv"
    ? tx.t("vinder.js.basis.swv", "Basisondersteuning {jaar}: {met} van {totaal} afspraken ({procent}%) volgens het samenwerkingsverband", values)
    : tx.t("vinder.js.basis.school", "Basisondersteuning {jaar}: {met} van {totaal} afspraken ({procent}%) volgens de school zelf", values);
  if (target === "1") return [...line, ...tx.t("vinder.js.basis.gehaald", ", doel gehaald")];
  if (target === "0") return [...line, ...tx.t("vinder.js.basis.niet-gehaald", ", doel nog niet gehaald")];
  return line;
}
