// The search index (Pagefind) comes in parts (sop_builder/site/search.py): the first part's
// delen.json lists the others, merged so a query searches the whole site.

/** The paths of the other parts of the bundle at URL ``bundle``. */
export function parts(bundle) {
  return fetch(new URL("delen.json", bundle))
    .then((response) => (response.ok ? response.json() : []))
    .then((list) => list.map((part) => new URL(part, bundle).pathname));
}

/** Pagefind's API, every part merged. */
export async function load(bundle) {
  const module = await import(new URL("pagefind.js", bundle).href);
  for (const path of await parts(bundle)) await module.mergeIndex(path);
  return module;
}
