// Dutch numbers, distances, dates and counts. No DOM: tested in tests/js/.

/** 2.46 -> "2,5". */
export const decimal = (value, digits) => value.toFixed(digits).replace(".", ",");

// A school without coordinates stands at the middle of its postcode area: under 1 km says no
// more than "close by".
export const km = (value) =>
  value < 1 ? "minder dan 1 km" : (value < 10 ? decimal(value, 1) : String(Math.round(value))) + " km";

/** 1 -> "1 school", 3 -> "3 scholen". */
export const schools = (count) => (count === 1 ? "1 school" : count + " scholen");

/** "2026-07-31" -> "31 juli 2026". */
export const longDate = (iso) =>
  new Date(iso + "T12:00:00").toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });

/** ``basis``: [met, counted, percentage, target met "1"/"0"/"-1", school year, who assessed
 * ("swv" or "school")] or null; the same words as sop_builder/site/finder.py. */
export function compliance(basis) {
  if (!basis) return "Nog geen zelfevaluatie basisondersteuning";
  const [met, counted, percentage, target, year, assessor] = basis;
  return "Basisondersteuning " + year + ": " + met + " van " + counted + " afspraken (" + percentage + "%) volgens " +
    (assessor === "swv" ? "het samenwerkingsverband" : "de school zelf") +
    (target === "1" ? ", doel gehaald" : target === "0" ? ", doel nog niet gehaald" : "");
}
