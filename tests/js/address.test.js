import assert from "node:assert/strict";
import { test } from "node:test";
import { backLink, chosenNeed, readFinder, schoolHref, writeFinder } from "../../templates/assets/javascripts/modules/address.js";
import { compareHref, finderHref } from "../../templates/assets/javascripts/modules/compare.js";

test("the finder's state is read from its address", () => {
  const state = readFinder("?q=rolstoel&behoefte=medisch&kern=noord&met=lift,rolstoel&postcode=1966&vergelijk=de-duinroos,het-kompas");
  assert.deepEqual(state, {
    q: "rolstoel",
    met: ["lift", "rolstoel"],
    behoefte: "medisch",
    gemeente: "",
    kern: "noord",
    soort: "",
    postcode: "1966",
    vergelijk: ["de-duinroos", "het-kompas"],
    open: true,
  });
});

test("'Meer keuzes' opens for a choice under it, not for a need or a postcode", () => {
  assert.equal(readFinder("?behoefte=medisch&postcode=1966&vergelijk=a,b").open, false);
  for (const name of ["q", "gemeente", "kern", "soort", "met"]) assert.equal(readFinder("?" + name + "=x").open, true, name);
  assert.equal(readFinder("").open, false);
});

test("an address without a state reads as empty choices", () => {
  const state = readFinder("");
  assert.equal(state.q, "");
  assert.equal(state.behoefte, "");
  assert.deepEqual(state.vergelijk, []);
});

test("the state is written in a fixed order and read back the same", () => {
  const state = {
    q: "  de duinroos ",
    behoefte: "gedrag",
    gemeente: "Bergen aan Zee",
    kern: "",
    soort: "so",
    met: ["lift", "rolstoel"],
    postcode: "1966",
    vergelijk: ["a", "b"],
  };
  const search = writeFinder(state);
  assert.equal(search, "q=de+duinroos&behoefte=gedrag&gemeente=Bergen+aan+Zee&soort=so&met=lift%2Crolstoel&postcode=1966&vergelijk=a%2Cb");
  const back = readFinder("?" + search);
  assert.equal(back.q, "de duinroos");
  assert.equal(back.gemeente, "Bergen aan Zee");
  assert.deepEqual(back.met, ["lift", "rolstoel"]);
  assert.deepEqual(back.vergelijk, ["a", "b"]);
});

test("nothing chosen: an empty query string", () => {
  assert.equal(writeFinder({ q: "  ", met: [], vergelijk: [], postcode: null }), "");
  assert.equal(writeFinder({}), "");
});

test("the links between finder and comparison", () => {
  assert.equal(compareHref("../", ["de-duinroos", "het-kompas"]), "../vergelijk/?scholen=de-duinroos,het-kompas");
  assert.equal(compareHref("../", ["a,b"]), "../vergelijk/?scholen=a%2Cb");
  assert.equal(finderHref("../", ["de-duinroos"]), "../scholen/?vergelijk=de-duinroos");
  assert.equal(finderHref("../", []), "../scholen/");
});

test("the finder's choices travel to the comparison and back", () => {
  const finder = "?behoefte=gedrag&postcode=1966&vergelijk=a,b";
  const compare = compareHref("../", ["a", "b"], finder);
  assert.equal(compare, "../vergelijk/?scholen=a,b&behoefte=gedrag&postcode=1966");
  const back = finderHref("../", ["a", "b"], compare.split("?")[1]);
  assert.equal(back, "../scholen/?behoefte=gedrag&postcode=1966&vergelijk=a,b");
  assert.deepEqual(readFinder("?" + back.split("?")[1]), readFinder(finder));
});

test("a school page opens at the chosen need and knows the way back", () => {
  assert.equal(schoolHref("../", "de-meeuw", "behoefte=gedrag&postcode=1966", "gedrag"),
    "../scholen/de-meeuw/?behoefte=gedrag&postcode=1966#behoefte-gedrag");
  assert.equal(schoolHref("../../", "de-meeuw", "", ""), "../../scholen/de-meeuw/");
  // From the finder: back to the finder (at ../ of a school page) with the same choices.
  assert.deepEqual(backLink("?behoefte=gedrag&postcode=1966"),
    { href: "../?behoefte=gedrag&postcode=1966", text: ["Terug naar uw zoekresultaten"] });
  // From a comparison: back to it.
  assert.deepEqual(backLink("?scholen=a,b&behoefte=gedrag"),
    { href: "../../vergelijk/?scholen=a%2Cb&behoefte=gedrag", text: ["Terug naar de vergelijking"] });
  // Opened otherwise: no way back to offer.
  assert.equal(backLink(""), null);
  assert.equal(backLink("?utm=x"), null);
  assert.equal(chosenNeed("?behoefte=gedrag&postcode=1966"), "gedrag");
  assert.equal(chosenNeed("?postcode=1966"), "");
});
