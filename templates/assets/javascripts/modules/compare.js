// The schools chosen to compare (at most MAX_COMPARE, each once), and the links between the
// finder and the comparison. No DOM: tested in tests/js/.
import { DUTCH } from "./texts.js";

export const MAX_COMPARE = 4;
/** What the finder says when a fifth school is ticked. */
export const full = (tx = DUTCH) => tx.t("vinder.js.vol", "U kunt hoogstens {n} scholen vergelijken.", { n: MAX_COMPARE });
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
export const choiceLine = (count, tx = DUTCH) =>
  tx.tn("vinder.js.gekozen", "U heeft {n} school gekozen. Kies er nog een of meer om te vergelijken.",
    "U heeft {n} scholen gekozen om te vergelijken.", count);

/** The comparison's ?scholen=a,b: slugs only, each once, the first MAX_COMPARE. */
export function compared(value) {
  const slugs = (value || "").split(",").map((s) => s.trim());
  return slugs.filter((s, i) => isSlug(s) && slugs.indexOf(s) === i).slice(0, MAX_COMPARE);
}

/** The finder's ?vergelijk=a,b: the first MAX_COMPARE. */
export const chosenIn = (value) => (value || "").split(",").filter(Boolean).slice(0, MAX_COMPARE);

// The rest of one page's query string for the other: the finder's choices (the need, the
// postcode, ...) travel with the comparison and back.
function rest(search) {
  const params = new URLSearchParams(search || "");
  params.delete("scholen");
  params.delete("vergelijk");
  return params.toString();
}

/** The comparison of ``slugs``; ``root``: the site's root, relative to the page;
 * ``finderSearch``: the finder's query string, so the comparison shows the chosen need first
 * and leads back to the same results. */
export function compareHref(root, slugs, finderSearch = "") {
  const others = rest(finderSearch);
  return root + "vergelijk/?scholen=" + slugs.map(encodeURIComponent).join(",") + (others ? "&" + others : "");
}

/** The finder, with ``slugs`` chosen to compare and the choices in ``compareSearch`` (the
 * comparison's query string). */
export function finderHref(root, slugs, compareSearch = "") {
  const parts = [rest(compareSearch), slugs.length ? "vergelijk=" + slugs.join(",") : ""].filter(Boolean);
  return root + "scholen/" + (parts.length ? "?" + parts.join("&") : "");
}
