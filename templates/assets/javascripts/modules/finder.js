// The finder's logic on its index (vinder/scholen.json, from sop_builder/site/finder_data.py).
// No DOM: tested in tests/js/.

import { byDistance } from "./geo.js";
import { schools } from "./format.js";
import { DUTCH, parts } from "./texts.js";

export const PAGE = 30; // cards shown at first, and added by "Toon meer scholen"
const STOP_WORDS = ["en", "de", "het", "een", "met", "bij", "voor", "school", "scholen"];

/** The index with ``rows``: per school an object of its fields (``velden``). */
export function decodeIndex(data) {
  const top = {}; // need position -> how many schools offer it at the top level
  const tops = (school) => [...school.niveaus].flatMap((c, n) => (c === "0" ? [n] : []));
  data.rows = data.scholen.map((row, i) => {
    const school = { i };
    data.velden.forEach((field, f) => (school[field] = row[f]));
    const [kind, , special, admission] = data.soorten[school.soort];
    school.soort = kind;
    school.speciaal = special === 1; // a special school: a child needs a TLV (admission)
    school.toelating = admission || "";
    school.gemeente = school.kern >= 0 ? data.kernen[school.kern][2] : -1;
    school.adres = school.straat + ", " + school.plaats;
    school.basis = school.basis ? school.basis.split("/") : null;
    if (school.punt) school.punt = [school.punt[0] / data.puntschaal, school.punt[1] / data.puntschaal];
    school.words = [school.naam, school.plaats, data.gemeenten[school.gemeente] || "",
      school.kern >= 0 ? data.kernen[school.kern][1] : ""].join(" ").toLowerCase();
    for (const n of tops(school)) top[n] = (top[n] || 0) + 1;
    return school;
  });
  // "Sterk in": the needs a school offers at the top level that fewest schools offer so.
  for (const school of data.rows) {
    const own = tops(school).sort((a, b) => top[a] - top[b] || a - b);
    school.sterk = own.slice(0, 3).map((n) => data.behoeften[n].id);
  }
  return data;
}

/** A school's page, from the site's root. */
export const schoolPage = (slug) => "scholen/" + slug + "/";

const words = (value) => value.toLowerCase().split(/[\s,.;]+/).filter(Boolean);

function matchesKeyword(word, keyword) {
  if (word === keyword) return true;
  if (word.length >= 4 && keyword.startsWith(word)) return true;
  return keyword.length >= 4 && word.startsWith(keyword);
}

/** The needs and facts typed words name, and the rest (names, places). */
export function understand(index, query) {
  const found = { needs: [], facts: [], rest: [] };
  if (!index) return found;
  const phrase = query.toLowerCase();
  const add = (list, id) => list.includes(id) || list.push(id);
  for (const word of words(query)) {
    let hit = false;
    for (const item of index.behoeften) {
      for (const keyword of item.woorden) {
        const match = keyword.includes(" ")
          ? phrase.includes(keyword) && keyword.split(" ").includes(word)
          : matchesKeyword(word, keyword);
        if (match) {
          hit = true;
          add(found.needs, item.id);
        }
      }
    }
    for (const item of index.praktisch) {
      for (const keyword of item.woorden) {
        if (matchesKeyword(word, keyword)) {
          hit = true;
          add(found.facts, item.id);
        }
      }
    }
    if (!hit && !STOP_WORDS.includes(word)) found.rest.push(word);
  }
  return found;
}

/** The search: typed words (``q``) and the form's choices. */
export function search(index, { q = "", behoefte = "", met = [], gemeente = "", kern = "", soort = "" }) {
  const typed = understand(index, q);
  const needs = typed.needs.slice();
  if (behoefte && !needs.includes(behoefte)) needs.unshift(behoefte);
  const facts = typed.facts.slice();
  for (const id of met) if (!facts.includes(id)) facts.push(id);
  return { needs, typedNeeds: typed.needs, facts, typedFacts: typed.facts, rest: typed.rest, gemeente, kern, soort };
}

/** Whether the visitor asked for anything. */
export const active = (s, near) =>
  Boolean(s.needs.length || s.facts.length || s.rest.length || s.gemeente || s.kern || s.soort || near);

const position = (items, id) => items.findIndex((item) => item.id === id);

/** The label of item ``id`` (else the id). */
export function label(items, id) {
  const at = position(items, id);
  return at < 0 ? id : items[at].label;
}

/** The level (of ``niveaus``) a school declared for need ``id``, or null. */
export function levelOf(index, school, id) {
  const at = school.niveaus.charAt(position(index.behoeften, id));
  return at === "-" || at === "" ? null : index.niveaus[Number(at)];
}

/** Whether ``school`` fits ``s``: each need offered, each fact "yes", the lists, and the other
 * words in its name and place or its page among the search index's ``hits`` (null: unknown). */
export function matches(index, school, s, hits) {
  for (const id of s.needs) {
    const level = levelOf(index, school, id);
    if (!level || !level.aanbod) return false;
  }
  for (const id of s.facts) {
    if (school.praktisch.charAt(position(index.praktisch, id)) !== "1") return false;
  }
  if (s.gemeente && index.gemeenten[school.gemeente] !== s.gemeente) return false;
  if (s.kern && (school.kern < 0 || index.kernen[school.kern][0] !== s.kern)) return false;
  if (s.soort && school.soort !== s.soort) return false;
  if (s.rest.length) {
    const own = s.rest.every((word) => school.words.includes(word));
    const found = hits !== null && hits.has("/" + schoolPage(school.slug));
    if (!own && !found) return false;
  }
  return true;
}

/** Whether the visitor asked for a special school (its kind chosen). */
export const asksForSpecial = (index, s) => Boolean(s.soort) && index.soorten.some(([kind, , special]) => kind === s.soort && special === 1);

/** The schools that fit ``s``, nearest to ``point`` first if given; the special schools after
 * the regular ones, unless the visitor asked for a special school. */
export function select(index, s, hits, point) {
  const rows = index.rows.filter((school) => matches(index, school, s, hits));
  const ordered = point ? byDistance(rows, point) : rows;
  if (asksForSpecial(index, s)) return ordered;
  return [...ordered.filter((school) => !school.speciaal), ...ordered.filter((school) => school.speciaal)];
}

/** The school pages among the search results' URLs. */
export function schoolPaths(urls, base) {
  const paths = new Set();
  for (const url of urls) {
    const match = new URL(url, base).pathname.match(/\/scholen\/[^/]+\/$/);
    if (match) paths.add(match[0]);
  }
  return paths;
}

/** ``labels`` (texts or parts) as one list: "a en b en c". */
export function listed(labels, tx = DUTCH) {
  if (!labels.length) return [];
  return labels.slice(1).reduce((done, next) => tx.t("vinder.js.en", "{een} en {ander}", { een: done, ander: next }), parts(labels[0]));
}

/** The sentence above the cards; ``special``: how many of them are special schools, listed
 * after the others (0 when the visitor asked for special schools). */
export function countLine(count, needLabels, near, special = 0, tx = DUTCH) {
  if (!count) return tx.t("vinder.js.geen", "Geen school gevonden. Probeer een ander woord, of kies minder filters.");
  const what = needLabels.length
    ? tx.tn("vinder.js.hulp", "{n} school biedt hulp bij: {behoeften}", "{n} scholen bieden hulp bij: {behoeften}", count,
      { behoeften: listed(needLabels, tx) })
    : schools(count, tx);
  const line = near ? tx.t("vinder.js.dichtstbij", "{zin}, de dichtstbijzijnde eerst.", { zin: what }) : [...what, "."];
  if (!special || special === count) return line;
  return [...line, " ", ...tx.tn("vinder.js.speciaal", "{n} daarvan is een speciale school; die staat onderaan.",
    "{n} daarvan zijn speciale scholen; die staan onderaan.", special)];
}

// A label in lower case (a fact in the middle of a sentence), Dutch kept marked.
const lower = (label) => parts(label).map((part) => (typeof part === "string" ? part.toLowerCase() : { nl: part.nl.toLowerCase() }));

/** What the typed words were understood as, or [] (nothing). */
export function explanation(index, s, tx = DUTCH) {
  const found = [
    ...s.typedNeeds.map((id) => parts(label(index.behoeften, id))),
    ...s.typedFacts.map((id) => lower(label(index.praktisch, id))),
  ];
  if (!found.length) return [];
  const wat = found.slice(1).reduce((done, next) => [...done, ", ", ...next], found[0]);
  return tx.t("vinder.js.uitleg", "U zoekt op wat scholen zelf over zichzelf zeggen: {wat}.", { wat });
}
