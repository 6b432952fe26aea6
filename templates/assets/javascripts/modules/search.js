// The search page's logic on Pagefind's results. No DOM: tested in tests/js/.
import { DUTCH } from "./texts.js";

export const PAGE = 10; // results shown at first, and added by "Toon meer resultaten"
// Past workshops and events carry this Pagefind filter (templates/pages/aanbod/workshop.md.j2).
export const PAST = { tijd: "geweest" };

/** ``results`` (Pagefind's, best first) with every page in ``past`` (a Set of result ids) after
 * the others, each part in its own order: a workshop that is over never comes before a page
 * that is current, however well it matches. */
export function currentFirst(results, past) {
  return [...results.filter((r) => !past.has(r.id)), ...results.filter((r) => past.has(r.id))];
}

/** What a result is, before its title: "School", "Workshop, geweest", ... */
export function kind(meta, past, tx = DUTCH) {
  // the kind is the page's front matter ``soort``: Dutch, a word of the site's own
  const what = meta.soort ? tx.dutch(meta.soort) : tx.t("zoeken.js.pagina", "Pagina");
  return past ? tx.t("zoeken.js.geweest", "{soort}, geweest", { soort: what }) : what;
}

/** The sentence above the results. */
export function resultsLine(count, query, tx = DUTCH) {
  if (!count) return tx.t("zoeken.js.niets", "Niets gevonden voor “{zoek}”. Probeer een ander woord.", { zoek: query });
  return tx.tn("zoeken.js.aantal", "{n} resultaat voor “{zoek}”.", "{n} resultaten voor “{zoek}”.", count, { zoek: query });
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", nbsp: "\u00a0" };
const decode = (text) => text.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, name) => ENTITIES[name]);

/** Pagefind's excerpt (text with <mark> around the words found) as [text, marked] parts, so the
 * page shows it as text: nothing in it is read as HTML. */
export function excerptParts(excerpt) {
  const parts = [];
  (excerpt || "").split(/(<mark>.*?<\/mark>)/s).forEach((piece) => {
    const marked = piece.startsWith("<mark>") && piece.endsWith("</mark>");
    const text = decode(marked ? piece.slice(6, -7) : piece);
    if (text) parts.push([text, marked]);
  });
  return parts;
}
