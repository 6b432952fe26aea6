// The logic modules do not touch the page, so they run (and are tested) without a browser.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { SCRIPTS } from "./helpers.js";

const PURE = ["address.js", "compare.js", "finder.js", "format.js", "geo.js", "search.js", "texts.js"];
const PAGE = /\b(document|window|navigator|history|location|localStorage|sessionStorage|CSS)\b/;

/** The names of the page a module's code uses (comments left out). */
function pageNames(source) {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  return [...code.matchAll(new RegExp(PAGE.source, "g"))].map((m) => m[1]);
}

test("the check finds a module that touches the page", () => {
  assert.deepEqual(pageNames("// the document\nexport const f = () => document.title;"), ["document"]);
  assert.deepEqual(pageNames("export const f = (x) => x + 1;"), []);
});

test("the logic modules touch no page and import only each other", () => {
  for (const name of PURE) {
    const source = readFileSync(new URL("modules/" + name, SCRIPTS), "utf8");
    assert.deepEqual(pageNames(source), [], name);
    for (const [, imported] of source.matchAll(/^import .* from "\.\/(.*)";$/gm)) {
      assert.ok(PURE.includes(imported), name + " imports " + imported);
    }
  }
});

test("every module of modules/ is either logic or named here as touching the page or the network", () => {
  const others = ["data.js", "dom.js", "pagefind.js", "results.js"];
  assert.deepEqual(readdirSync(new URL("modules/", SCRIPTS)).sort(), [...PURE, ...others].sort());
});
