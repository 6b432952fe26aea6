// The finder's logic on the sample's real index (tests/js/fixtures/scholen.json). What each
// search must find comes from Python (fixtures/verwacht.json): the schools' own declarations,
// Python's distance and the static pages' "Sterk in", not this code.
import assert from "node:assert/strict";
import { test } from "node:test";
import * as finder from "../../templates/assets/javascripts/modules/finder.js";
import { compliance } from "../../templates/assets/javascripts/modules/format.js";
import { expected, sampleIndex } from "./helpers.js";
import { plain } from "../../templates/assets/javascripts/modules/texts.js";

const index = finder.decodeIndex(sampleIndex());
const found = (choices, hits = null, point = null) =>
  finder.select(index, finder.search(index, choices), hits, point).map((school) => school.slug);
const sorted = (list) => [...list].sort();

test("the index gives one row per school, with the slug the data writes", () => {
  assert.equal(index.rows.length, 18);
  const jozef = index.rows.find((school) => school.naam === "RKBS Sint Jozef");
  assert.equal(jozef.slug, "sint-jozef"); // not made from the name ("rkbs-sint-jozef")
  assert.deepEqual(sorted(index.rows.map((s) => s.slug)), sorted(Object.keys(expected.sterk)));
  assert.equal(jozef.soort, "bao");
  assert.equal(jozef.adres, "Kerkstraat 15, Duinwijk");
  assert.equal(index.gemeenten[jozef.gemeente], "Duinwijk");
  assert.ok(jozef.punt[0] > 50 && jozef.punt[0] < 54 && jozef.punt[1] > 3 && jozef.punt[1] < 8, jozef.punt);
});

test("'Sterk in' is what the static pages show", () => {
  for (const school of index.rows) assert.deepEqual(school.sterk, expected.sterk[school.slug], school.slug);
});

test("the basisondersteuning line is what the static pages say", () => {
  for (const school of index.rows) {
    const [text, target] = expected.basis[school.slug];
    const suffix = target === true ? ", doel gehaald" : target === false ? ", doel nog niet gehaald" : "";
    assert.equal(plain(compliance(school.basis)), text + suffix, school.slug);
  }
});

test("each need finds exactly the schools that declare they offer it", () => {
  assert.equal(Object.keys(expected.behoefte).length, index.behoeften.length);
  for (const [need, slugs] of Object.entries(expected.behoefte)) {
    assert.deepEqual(sorted(found({ behoefte: need })), slugs, need);
  }
});

test("each practical fact finds exactly the schools that say yes", () => {
  for (const [fact, slugs] of Object.entries(expected.met)) {
    assert.deepEqual(sorted(found({ met: [fact] })), slugs, fact);
  }
});

test("a fact a school said no to or did not fill in is no yes", () => {
  const data = finder.decodeIndex(sampleIndex());
  const at = data.praktisch.findIndex((fact) => fact.id === "lift");
  const [first, second] = data.rows.filter((s) => expected.met.lift.includes(s.slug));
  for (const [school, value] of [[first, "0"], [second, "-"]]) {
    school.praktisch = school.praktisch.slice(0, at) + value + school.praktisch.slice(at + 1);
  }
  const lift = finder.select(data, finder.search(data, { met: ["lift"] }), null, null).map((s) => s.slug);
  assert.deepEqual(sorted(lift), expected.met.lift.filter((s) => s !== first.slug && s !== second.slug));
});

test("two needs and a fact find the schools that have all three", () => {
  const both = expected.behoefte.lezen.filter((s) => expected.behoefte.gedrag.includes(s) && expected.met.lift.includes(s));
  assert.ok(both.length > 0);
  assert.deepEqual(sorted(found({ q: "dyslexie gedrag", met: ["lift"] })), both);
  assert.deepEqual(sorted(found({ behoefte: "lezen", q: "gedrag lift" })), both);
});

test("a gemeente, a kern and a kind of school filter the list", () => {
  for (const [name, slugs] of Object.entries(expected.gemeente)) {
    assert.deepEqual(sorted(found({ gemeente: name })), slugs, name);
  }
  for (const [kind, slugs] of Object.entries(expected.soort)) {
    assert.deepEqual(sorted(found({ soort: kind })), slugs, kind);
  }
  const noord = found({ kern: "noord" });
  assert.ok(noord.length > 0 && noord.length < index.rows.length);
  for (const slug of noord) assert.equal(index.kernen[index.rows.find((s) => s.slug === slug).kern][0], "noord");
  assert.deepEqual(found({ kern: "noord", gemeente: "Helmerdam" }), []); // Duinwijk-Noord lies in Duinwijk
});

test("typed words are understood as needs and practical facts", () => {
  assert.deepEqual(finder.understand(index, "Dyslexie"), { needs: ["lezen"], facts: [], rest: [] });
  assert.deepEqual(finder.understand(index, "rolstoel"), { needs: [], facts: ["rolstoel"], rest: [] });
  // Four letters or more are the start of a keyword; a longer word may start with one.
  assert.deepEqual(finder.understand(index, "dysl").needs, ["lezen"]);
  assert.deepEqual(finder.understand(index, "dys"), { needs: [], facts: [], rest: ["dys"] });
  assert.deepEqual(finder.understand(index, "rolstoeltoegankelijke").facts, ["rolstoel"]);
  // Small words and "school" are no names; the rest are names and places.
  assert.deepEqual(finder.understand(index, "de school bij Duinroos, Helmerdam").rest, ["duinroos", "helmerdam"]);
  // The words of a keyword of several words count only when the whole phrase is typed.
  assert.deepEqual(finder.understand(index, "omgaan met anderen").rest, ["omgaan", "anderen"]);
  assert.deepEqual(finder.understand(index, "gevoelens en omgaan met anderen"), { needs: ["sociaal-emotioneel"], facts: [], rest: [] });
  // Before the index is loaded nothing is understood.
  assert.deepEqual(finder.understand(undefined, "dyslexie"), { needs: [], facts: [], rest: [] });
});

test("the chosen need comes first, typed ones after it, each once", () => {
  const s = finder.search(index, { q: "autisme dyslexie rolstoel", behoefte: "gedrag", met: ["rolstoel", "lift"] });
  assert.deepEqual(s.needs, ["gedrag", "autisme", "lezen"]);
  assert.deepEqual(s.typedNeeds, ["autisme", "lezen"]);
  assert.deepEqual(s.facts, ["rolstoel", "lift"]);
  assert.deepEqual(s.typedFacts, ["rolstoel"]);
  assert.deepEqual(finder.search(index, { behoefte: "lezen", q: "dyslexie" }).needs, ["lezen"]);
});

test("other words find a school by its name or place, or by the search index", () => {
  assert.deepEqual(found({ q: "duinroos" }), ["de-duinroos"]);
  assert.deepEqual(sorted(found({ q: "duinroos" }, new Set(["/scholen/het-kompas/"]))), ["de-duinroos", "het-kompas"]);
  assert.deepEqual(found({ q: "zzzonbekend" }, new Set()), []);
  assert.deepEqual(sorted(found({ q: "helmerdam" })), expected.gemeente.Helmerdam);
});

// The special schools after the regular ones, each part in the order given.
const regularFirst = (slugs) => [...slugs.filter((s) => !expected.speciaal.includes(s)), ...slugs.filter((s) => expected.speciaal.includes(s))];

test("near a postcode the schools come nearest first, as Python measures, special schools last", () => {
  const { punt, volgorde, km } = expected.dichtbij;
  const rows = finder.select(index, finder.search(index, {}), null, punt);
  assert.deepEqual(rows.map((s) => s.slug), regularFirst(volgorde));
  // The index rounds points to 1/10,000 degree (about 10 m).
  for (const school of rows) assert.ok(Math.abs(school.afstand - km[school.slug]) < 0.02, school.slug);
  const gedrag = found({ behoefte: "gedrag" }, null, punt);
  assert.deepEqual(gedrag, regularFirst(volgorde.filter((s) => expected.behoefte.gedrag.includes(s))));
});

test("special schools come after the regular ones unless the visitor asks for them", () => {
  assert.ok(expected.speciaal.length > 0);
  const gedrag = found({ behoefte: "gedrag" });
  const firstSpecial = gedrag.findIndex((s) => expected.speciaal.includes(s));
  assert.ok(firstSpecial > 0, gedrag.join());
  assert.ok(gedrag.slice(firstSpecial).every((s) => expected.speciaal.includes(s)), gedrag.join());
  // Near postcode 1966 a special school is nearer than regular ones: the rule changes the order.
  const { punt, volgorde } = expected.dichtbij;
  const byDistance = volgorde.filter((s) => expected.behoefte.gedrag.includes(s));
  assert.notDeepEqual(found({ behoefte: "gedrag" }, null, punt), byDistance);
  // Asked for (their kind chosen): only those, nearest first.
  assert.deepEqual(found({ soort: "so" }, null, punt), volgorde.filter((s) => expected.soort.so.includes(s)));
  assert.equal(finder.asksForSpecial(index, finder.search(index, { soort: "sbo" })), true);
  assert.equal(finder.asksForSpecial(index, finder.search(index, { soort: "bao" })), false);
});

test("a special school carries the SWV's sentence about the TLV", () => {
  for (const school of index.rows) {
    assert.equal(school.speciaal, expected.speciaal.includes(school.slug), school.slug);
    assert.equal(school.speciaal, school.toelating.includes("toelaatbaarheidsverklaring"), school.slug);
  }
});

test("a search is active once the visitor asked for something", () => {
  assert.equal(finder.active(finder.search(index, {}), null), false);
  assert.equal(finder.active(finder.search(index, { q: "de school" }), null), false);
  assert.equal(finder.active(finder.search(index, {}), { lat: 52, lon: 4 }), true);
  for (const choice of [{ behoefte: "lezen" }, { met: ["lift"] }, { q: "duinroos" }, { gemeente: "Duinwijk" }, { kern: "noord" }, { soort: "so" }]) {
    assert.equal(finder.active(finder.search(index, choice), null), true, JSON.stringify(choice));
  }
});

test("a need's level and the labels of the index", () => {
  const golfslag = index.rows.find((s) => s.slug === "so-de-golfslag");
  assert.equal(finder.levelOf(index, golfslag, "medisch").id, "ja");
  assert.equal(finder.label(index.behoeften, "medisch"), "Ziekte of lichamelijke beperking");
  assert.equal(finder.label(index.behoeften, "onbekend"), "onbekend");
  const school = { niveaus: "-".repeat(index.behoeften.length) };
  assert.equal(finder.levelOf(index, school, "lezen"), null);
});

test("the sentence above the cards", () => {
  assert.equal(plain(finder.countLine(0, [], false)), "Geen school gevonden. Probeer een ander woord, of kies minder filters.");
  assert.equal(plain(finder.countLine(1, [], false)), "1 school.");
  assert.equal(plain(finder.countLine(18, [], true)), "18 scholen, de dichtstbijzijnde eerst.");
  assert.equal(plain(finder.countLine(1, ["Gedrag"], false)), "1 school biedt hulp bij: Gedrag.");
  assert.equal(plain(finder.countLine(3, ["Gedrag", "Autisme"], true)), "3 scholen bieden hulp bij: Gedrag en Autisme, de dichtstbijzijnde eerst.");
  assert.equal(plain(finder.countLine(9, ["Gedrag"], false, 3)), "9 scholen bieden hulp bij: Gedrag. 3 daarvan zijn speciale scholen; die staan onderaan.");
  assert.equal(plain(finder.countLine(3, ["Medisch"], false, 1)), "3 scholen bieden hulp bij: Medisch. 1 daarvan is een speciale school; die staat onderaan.");
  assert.equal(plain(finder.countLine(2, [], false, 2)), "2 scholen."); // all special: nothing comes after
});

test("what the typed words were understood as", () => {
  const s = finder.search(index, { q: "dyslexie rolstoel", behoefte: "gedrag" });
  assert.equal(plain(finder.explanation(index, s)), "U zoekt op wat scholen zelf over zichzelf zeggen: Lezen en dyslexie, het hele gebouw is bereikbaar met een rolstoel.");
  assert.equal(plain(finder.explanation(index, finder.search(index, { behoefte: "gedrag" }))), "");
});

test("the school pages among the search index's results", () => {
  const base = "https://example.org/sop/zoeken/";
  const urls = ["/sop/scholen/de-duinroos/", "../scholen/het-kompas/#praktisch", "/sop/scholen/behoefte/gedrag/",
    "/sop/scholen/de-duinroos/poster/", "/sop/aanbod/workshops/"];
  assert.deepEqual([...finder.schoolPaths(urls, base)], ["/scholen/de-duinroos/", "/scholen/het-kompas/"]);
  assert.equal(finder.schoolPage("sint-jozef"), "scholen/sint-jozef/");
});
