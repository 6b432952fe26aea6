import assert from "node:assert/strict";
import { test } from "node:test";
import { compliance, decimal, km, list, longDate, schools } from "../../templates/assets/javascripts/modules/format.js";
import { plain, texts } from "../../templates/assets/javascripts/modules/texts.js";

test("a decimal number has a comma", () => {
  assert.equal(decimal(2.46, 1), "2,5");
  assert.equal(decimal(1234.5, 2), "1234,50");
});

test("a distance under 1 km says only that it is close by", () => {
  assert.equal(plain(km(0)), "minder dan 1 km");
  assert.equal(plain(km(0.999)), "minder dan 1 km");
  assert.equal(plain(km(1)), "1,0 km");
});

test("a distance under 10 km has one decimal, further away whole kilometres", () => {
  assert.equal(plain(km(2.46)), "2,5 km");
  assert.equal(plain(km(6.04)), "6,0 km");
  assert.equal(plain(km(10)), "10 km");
  assert.equal(plain(km(12.5)), "13 km");
  assert.equal(plain(km(123.4)), "123 km");
});

test("one school, several scholen", () => {
  assert.equal(plain(schools(1)), "1 school");
  assert.equal(plain(schools(0)), "0 scholen");
  assert.equal(plain(schools(700)), "700 scholen");
});

test("a date in Dutch words", () => {
  assert.equal(longDate("2026-07-31"), "31 juli 2026");
  assert.equal(longDate("2027-01-01"), "1 januari 2027");
});

test("the basisondersteuning line of a card names the school year and who assessed", () => {
  assert.equal(plain(compliance(null)), "Nog geen zelfevaluatie basisondersteuning");
  assert.equal(
    plain(compliance(["60", "65", "92", "1", "2025-2026", "school"])),
    "Basisondersteuning 2025-2026: 60 van 65 afspraken (92%) volgens de school zelf, doel gehaald"
  );
  assert.equal(
    plain(compliance(["55", "65", "84", "0", "2025-2026", "swv"])),
    "Basisondersteuning 2025-2026: 55 van 65 afspraken (84%) volgens het samenwerkingsverband, doel nog niet gehaald"
  );
  assert.equal(
    plain(compliance(["60,5", "65", "93", "-1", "2024-2025", "school"])),
    "Basisondersteuning 2024-2025: 60,5 van 65 afspraken (93%) volgens de school zelf"
  );
});

test("a list of names is joined as the page's language joins it", () => {
  assert.equal(list(["De Duinroos", "Het Kompas"]), "De Duinroos en Het Kompas");
  assert.equal(list(["A", "B", "C"]), "A, B en C");
  assert.equal(list(["A", "B", "C"], texts({}, "en")), "A, B, and C");
  // Arabic joins with its own "and" (و), not a Latin comma
  assert.equal(list(["A", "B", "C"], texts({}, "ar")), "A وB وC");
  assert.equal(list(["Alleen"]), "Alleen");
});
