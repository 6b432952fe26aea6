// The schools chosen to compare (at most MAX_COMPARE, each once), and the links between the
// finder and the comparison. No DOM: tested in tests/js/.

export const MAX_COMPARE = 4;
export const FULL = "U kunt hoogstens " + MAX_COMPARE + " scholen vergelijken.";
// The shape of a slug, as sop_builder/project/files.py SLUG says (tests/test_frontend.py checks).
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const isSlug = (value) => SLUG.test(value);

/** The choice after (un)ticking ``slug``; ``refused``: it was full. */
export function choose(chosen, slug, on) {
  const has = chosen.includes(slug);
  if (on && !has) {
    return chosen.length >= MAX_COMPARE ? { chosen, refused: true } : { chosen: [...chosen, slug], refused: false };
  }
  return { chosen: !on && has ? chosen.filter((s) => s !== slug) : chosen, refused: false };
}

/** The line in the finder's compare bar. */
export const choiceLine = (count) =>
  count === 1
    ? "U heeft 1 school gekozen. Kies er nog een of meer om te vergelijken."
    : "U heeft " + count + " scholen gekozen om te vergelijken.";

/** The comparison's ?scholen=a,b: slugs only, each once, the first MAX_COMPARE. */
export function compared(value) {
  const slugs = (value || "").split(",").map((s) => s.trim());
  return slugs.filter((s, i) => isSlug(s) && slugs.indexOf(s) === i).slice(0, MAX_COMPARE);
}

/** The finder's ?vergelijk=a,b: the first MAX_COMPARE. */
export const chosenIn = (value) => (value || "").split(",").filter(Boolean).slice(0, MAX_COMPARE);

/** The comparison of ``slugs``; ``root``: the site's root, relative to the page. */
export const compareHref = (root, slugs) => root + "vergelijk/?scholen=" + slugs.map(encodeURIComponent).join(",");

/** The finder, with ``slugs`` chosen to compare. */
export const finderHref = (root, slugs) => root + "scholen/" + (slugs.length ? "?vergelijk=" + slugs.join(",") : "");
