// The scripts' texts in the page's language (modules/texts.js): a translation from the page's
// data block, a form per plural category (Intl.PluralRules), and Dutch marked where one lacks.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compareHref, choiceLine, full } from "../../templates/assets/javascripts/modules/compare.js";
import { countLine, listed } from "../../templates/assets/javascripts/modules/finder.js";
import { compliance, km, longDate, schools } from "../../templates/assets/javascripts/modules/format.js";
import { resultsLine } from "../../templates/assets/javascripts/modules/search.js";
import { DUTCH, hasDutch, parts, plain, texts } from "../../templates/assets/javascripts/modules/texts.js";

// Arabic: a form for each of CLDR's six categories.
const AR = {
  "vinder.js.scholen.zero": "لا مدارس ({n})",
  "vinder.js.scholen.one": "مدرسة واحدة ({n})",
  "vinder.js.scholen.two": "مدرستان ({n})",
  "vinder.js.scholen.few": "{n} مدارس",
  "vinder.js.scholen.many": "{n} مدرسة",
  "vinder.js.scholen.other": "{n} مدرسة (أخرى)",
  "vinder.js.en": "{een} و{ander}",
  "vinder.js.hulp.few": "{n} مدارس تساعد في: {behoeften}",
};

test("the Dutch texts are the scripts' own, with no mark", () => {
  assert.deepEqual(DUTCH.t("x.y", "Haal weg"), ["Haal weg"]);
  assert.deepEqual(DUTCH.t("x.y", "{n} scholen naast elkaar", { n: 3 }), ["3 scholen naast elkaar"]);
  assert.deepEqual(DUTCH.tn("x.y", "{n} school", "{n} scholen", 1), ["1 school"]);
  assert.deepEqual(DUTCH.tn("x.y", "{n} school", "{n} scholen", 0), ["0 scholen"]);
  assert.deepEqual(DUTCH.dutch("intern begeleider"), ["intern begeleider"]);
  // a Dutch page ignores a table: its scripts write Dutch
  assert.deepEqual(texts({ "x.y": "Remove" }, "nl").t("x.y", "Haal weg"), ["Haal weg"]);
  for (const count of [0, 1, 2, 9]) assert.equal(hasDutch(countLine(count, ["Gedrag", "Autisme"], true, 1)), false);
});

test("a translation is used, with its values filled in", () => {
  const en = texts({ "vergelijk.js.weg": "Remove", "vergelijk.js.waar": "{soort} in {plaats}" }, "en");
  assert.deepEqual(en.t("vergelijk.js.weg", "Haal weg"), ["Remove"]);
  assert.deepEqual(en.t("vergelijk.js.waar", "{soort} in {plaats}", { soort: "Primary school", plaats: "Helmerdam" }),
    ["Primary school in Helmerdam"]);
});

test("a text the language lacks stays Dutch, marked as Dutch, around the values filled in", () => {
  const en = texts({}, "en");
  assert.deepEqual(en.t("vergelijk.js.weg", "Haal weg"), [{ nl: "Haal weg" }]);
  // the value (a name in the page's language) is not marked; the Dutch around it is
  assert.deepEqual(en.t("vergelijk.js.waar", "{soort} in {plaats}", { soort: "Primary school", plaats: "Helmerdam" }),
    ["Primary school", { nl: " in " }, "Helmerdam"]);
  assert.equal(plain(en.t("vinder.js.vol", "U kunt hoogstens {n} scholen vergelijken.", { n: 4 })), "U kunt hoogstens 4 scholen vergelijken.");
  // a school's own words are Dutch on a page in another language
  assert.deepEqual(en.dutch("intern begeleider"), [{ nl: "intern begeleider" }]);
  assert.deepEqual(en.dutch(""), []);
  // unless the school translated them into the page's language itself (the finder's data)
  assert.deepEqual(en.dutch({ eigen: "Children practise reading every day." }), ["Children practise reading every day."]);
  // a Dutch value in a translated sentence stays marked, and adjacent Dutch reads as one part
  const ar = texts(AR, "ar");
  assert.deepEqual(listed([{ nl: "Gedrag" }, "التوحد"], ar), [{ nl: "Gedrag" }, " والتوحد"]);
  assert.deepEqual(parts(en.t("k", "{a}{b}", { a: [{ nl: "x" }], b: [{ nl: "y" }] })), [{ nl: "xy" }]);
});

test("a text with a number takes the language's form for it (Arabic has six)", () => {
  const ar = texts(AR, "ar");
  const seen = [0, 1, 2, 3, 11, 100].map((n) => plain(schools(n, ar)));
  assert.deepEqual(seen, ["لا مدارس (0)", "مدرسة واحدة (1)", "مدرستان (2)", "3 مدارس", "11 مدرسة", "100 مدرسة (أخرى)"]);
  assert.equal(hasDutch(schools(3, ar)), false);
  // a form the language lacks: the Dutch for that number, marked
  assert.deepEqual(countLine(11, ["التوحد"], false, 0, ar), [{ nl: "11 scholen bieden hulp bij: " }, "التوحد", "."]);
  assert.deepEqual(countLine(3, ["التوحد"], false, 0, ar), ["3 مدارس تساعد في: التوحد", "."]);
  // English: one and other
  const en = texts({ "vinder.js.gekozen.one": "You chose {n} school.", "vinder.js.gekozen.other": "You chose {n} schools." }, "en");
  assert.equal(plain(choiceLine(1, en)), "You chose 1 school.");
  assert.equal(plain(choiceLine(3, en)), "You chose 3 schools.");
});

test("numbers, distances and dates in the page's language", () => {
  const en = texts({ "vinder.js.km": "{km} km" }, "en");
  assert.deepEqual(km(2.46, en), ["2.5 km"]);
  assert.deepEqual(km(0.5, en), [{ nl: "minder dan 1 km" }]);
  assert.equal(longDate("2026-07-31", en), "July 31, 2026");
  assert.equal(longDate("2026-07-31", texts({}, "ar")), "31 يوليو 2026"); // digits 0-9, as the pages write them
  assert.equal(plain(compliance(["55", "65", "84", "0", "2025-2026", "swv"], texts({}, "tr"))),
    "Basisondersteuning 2025-2026: 55 van 65 afspraken (84%) volgens het samenwerkingsverband, doel nog niet gehaald");
  assert.equal(plain(full(texts({ "vinder.js.vol": "You can compare at most {n} schools." }, "en"))), "You can compare at most 4 schools.");
  assert.equal(plain(resultsLine(2, "x", texts({ "zoeken.js.aantal.other": "{n} results for “{zoek}”." }, "en"))), "2 results for “x”.");
});

test("links stay in the language's folder", () => {
  assert.equal(compareHref("../", ["a", "b"]), "../vergelijk/?scholen=a,b");
});
