import assert from "node:assert/strict";
import { test } from "node:test";
import { choiceLine, choose, chosenIn, compared, full, isSlug, MAX_COMPARE } from "../../templates/assets/javascripts/modules/compare.js";
import { plain } from "../../templates/assets/javascripts/modules/texts.js";

test("at most four schools are compared", () => {
  assert.equal(MAX_COMPARE, 4);
  assert.equal(plain(full()), "U kunt hoogstens 4 scholen vergelijken.");
});

test("ticking adds a school once; a fifth is refused", () => {
  let chosen = [];
  for (const slug of ["a", "b", "c", "d"]) {
    const next = choose(chosen, slug, true);
    assert.equal(next.refused, false);
    chosen = next.chosen;
  }
  assert.deepEqual(chosen, ["a", "b", "c", "d"]);
  assert.deepEqual(choose(chosen, "e", true), { chosen: ["a", "b", "c", "d"], refused: true });
  assert.deepEqual(choose(["a"], "a", true), { chosen: ["a"], refused: false });
  // Ticking a school already chosen when four are chosen is no fifth.
  assert.deepEqual(choose(chosen, "d", true).refused, false);
});

test("unticking takes a school away; the choice given is not changed", () => {
  const chosen = ["a", "b", "c"];
  assert.deepEqual(choose(chosen, "b", false), { chosen: ["a", "c"], refused: false });
  assert.deepEqual(choose(chosen, "x", false), { chosen: ["a", "b", "c"], refused: false });
  assert.deepEqual(chosen, ["a", "b", "c"]);
});

test("the line in the finder's compare bar", () => {
  assert.equal(plain(choiceLine(1)), "U heeft 1 school gekozen. Kies er nog een of meer om te vergelijken.");
  assert.equal(plain(choiceLine(3)), "U heeft 3 scholen gekozen om te vergelijken.");
});

test("the comparison's address: slugs only, each once, at most four", () => {
  assert.deepEqual(compared("de-duinroos,het-kompas"), ["de-duinroos", "het-kompas"]);
  assert.deepEqual(compared(" het-kompas, het-kompas ,de-duinroos"), ["het-kompas", "de-duinroos"]);
  assert.deepEqual(compared("a,../vinder/scholen,De-Duinroos,b-,-c,d--e,f_g,h%2Fi,j"), ["a", "j"]);
  assert.deepEqual(compared("a,b,c,d,e"), ["a", "b", "c", "d"]);
  assert.deepEqual(compared(null), []);
  assert.deepEqual(compared(""), []);
});

test("a slug is lower-case letters and digits joined by single hyphens", () => {
  for (const good of ["a", "sint-jozef", "so-de-golfslag", "obs-2"]) assert.ok(isSlug(good), good);
  for (const bad of ["", "Sint-Jozef", "sint--jozef", "-a", "a-", "é", "a b", "a/b", "a.json"]) assert.ok(!isSlug(bad), bad);
});

test("the finder's address carries at most four chosen schools", () => {
  assert.deepEqual(chosenIn("a,,b"), ["a", "b"]);
  assert.deepEqual(chosenIn("a,b,c,d,e,f"), ["a", "b", "c", "d"]);
  assert.deepEqual(chosenIn(null), []);
});
