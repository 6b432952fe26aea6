// The same-host data and the search index's parts, with a stand-in for fetch.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cached, getJSON } from "../../templates/assets/javascripts/modules/data.js";
import { parts } from "../../templates/assets/javascripts/modules/pagefind.js";

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function serve(files) {
  const asked = [];
  globalThis.fetch = async (url, options) => {
    asked.push([String(url), options]);
    const body = files[String(url)];
    return { ok: body !== undefined, status: body === undefined ? 404 : 200, json: async () => body };
  };
  return asked;
}

test("JSON of the site itself, with the same-origin credentials", async () => {
  const asked = serve({ "../vinder/scholen.json": { scholen: [] } });
  assert.deepEqual(await getJSON("../vinder/", "scholen.json"), { scholen: [] });
  assert.deepEqual(asked, [["../vinder/scholen.json", { credentials: "same-origin" }]]);
  await assert.rejects(getJSON("../vinder/", "behoefte-x.json"), /behoefte-x.json: 404/);
});

test("a file is loaded once; a failed load is tried again", async () => {
  let calls = 0;
  let fail = true;
  const load = cached(async (key) => {
    calls += 1;
    if (fail) throw new Error("offline");
    return key.toUpperCase();
  });
  await assert.rejects(load("a"), /offline/);
  assert.equal(load.value("a"), undefined);
  fail = false;
  assert.equal(await load("a"), "A");
  assert.equal(await load("a"), "A");
  assert.equal(await Promise.all([load("b"), load("b")]).then((v) => v.join()), "B,B");
  assert.equal(calls, 3); // a (failed), a, b
  assert.equal(load.value("b"), "B");
});

test("the search index's other parts, as paths next to the first", async () => {
  serve({ "https://example.org/sop/pagefind/delen.json": ["../pagefind-2/", "../pagefind-3/"] });
  const bundle = new URL("https://example.org/sop/pagefind/");
  assert.deepEqual(await parts(bundle), ["/sop/pagefind-2/", "/sop/pagefind-3/"]);
  serve({});
  assert.deepEqual(await parts(bundle), []); // one part: no delen.json
});
