import assert from "node:assert/strict";
import { test } from "node:test";
import { currentFirst, excerptParts, kind, resultsLine } from "../../templates/assets/javascripts/modules/search.js";
import { plain } from "../../templates/assets/javascripts/modules/texts.js";

test("pages that are over come after every current page, each part in its own order", () => {
  const results = ["w1", "s1", "w2", "s2", "s3"].map((id) => ({ id }));
  const past = new Set(["w1", "w2"]);
  assert.deepEqual(currentFirst(results, past).map((r) => r.id), ["s1", "s2", "s3", "w1", "w2"]);
  assert.deepEqual(currentFirst(results, new Set()).map((r) => r.id), ["w1", "s1", "w2", "s2", "s3"]);
});

test("each result says what it is, and whether it is over", () => {
  assert.equal(plain(kind({ soort: "School" }, false)), "School");
  assert.equal(plain(kind({ soort: "Workshop" }, true)), "Workshop, geweest");
  assert.equal(plain(kind({}, false)), "Pagina");
});

test("the sentence above the results", () => {
  assert.equal(plain(resultsLine(0, "xyz")), "Niets gevonden voor “xyz”. Probeer een ander woord.");
  assert.equal(plain(resultsLine(1, "kameleon")), "1 resultaat voor “kameleon”.");
  assert.equal(plain(resultsLine(31, "dyslexie")), "31 resultaten voor “dyslexie”.");
});

test("an excerpt is text with the words found marked, never HTML", () => {
  assert.deepEqual(excerptParts("en <mark>dyslexie.</mark> Dit &amp; dat &lt;b&gt;"), [
    ["en ", false], ["dyslexie.", true], [" Dit & dat <b>", false],
  ]);
  assert.deepEqual(excerptParts(""), []);
  assert.deepEqual(excerptParts(undefined), []);
});
