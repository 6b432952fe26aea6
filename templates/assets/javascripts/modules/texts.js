// The texts the site's scripts write, in the page's language. A page in another language than
// Dutch carries its scripts' translations in a data block (templates/pages/_script_texts.md.j2,
// through ts()/tns(), so `controleer` checks them like every template text); each script keeps
// its Dutch as the built-in default, with the same key and the same Dutch as the template
// (tests/test_script_texts.py checks). No DOM: tested in tests/js/.
//
// A text is a list of parts: a string in the page's language, or {nl: "..."} for Dutch on a
// page in another language (a text the language lacks, or a school's own words), which the page
// shows marked lang="nl" (modules/dom.js). On the Dutch site every part is a plain string. A
// value filled in may also be a page's element (a link), kept as it is.

const PLACEHOLDER = /\{([a-z_][a-z0-9_]*)\}/g;
const isDutch = (part) => typeof part === "object" && part !== null && typeof part.nl === "string";
const textOf = (part) => (typeof part === "string" ? part : isDutch(part) ? part.nl : part.textContent || "");

/** ``value`` (a string, a Dutch part or a list of parts) as a list of parts. */
export const parts = (value) => (Array.isArray(value) ? value.flatMap(parts) : value === "" ? [] : [value]);

/** The text of ``value`` (parts), without its marks: for a title or a comparison. */
export const plain = (value) => parts(value).map(textOf).join("");

/** Whether ``value`` holds Dutch marked as such. */
export const hasDutch = (value) => parts(value).some(isDutch);

/** ``text`` with each {name} replaced by ``values[name]`` (a number, a string or parts); ``dutch``:
 * the text (and the numbers in it) is Dutch on a page in another language. */
function fill(text, values, dutch) {
  const out = [];
  const own = (piece) => piece && out.push(dutch ? { nl: piece } : piece);
  let at = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    own(text.slice(at, match.index));
    const value = values[match[1]];
    // a number reads with the text around it; a name or a label keeps its own language
    if (typeof value === "number") own(String(value));
    else out.push(...parts(value === undefined ? match[0] : value));
    at = match.index + match[0].length;
  }
  own(text.slice(at));
  return join(out);
}

/** ``list`` with adjacent parts of one kind joined (so Dutch reads as one marked fragment). */
function join(list) {
  const out = [];
  for (const part of list) {
    const last = out[out.length - 1];
    if (typeof part === "string" && typeof last === "string") out[out.length - 1] = last + part;
    else if (isDutch(part) && isDutch(last)) out[out.length - 1] = { nl: last.nl + part.nl };
    else out.push(part);
  }
  return out;
}

/** The texts of a page in language ``lang`` (its <html lang>) with the translations ``table``
 * (key -> text; a text with a number once per form: key.one, key.few, ...). */
export function texts(table = {}, lang = "nl") {
  const foreign = lang !== "nl";
  const rules = new Intl.PluralRules(foreign ? lang : "nl");
  const own = (key) => (foreign && typeof table[key] === "string" ? table[key] : null);
  return {
    lang,
    foreign,
    /** The text of ``key`` (Dutch: ``dutch``) with ``values`` filled in. */
    t(key, dutch, values = {}) {
      const found = own(key);
      return found === null ? fill(dutch, values, foreign) : fill(found, values, false);
    },
    /** A text with the number ``n`` ({n}), in the form the language uses for it (Arabic has six). */
    tn(key, one, other, n, values = {}) {
      const found = own(key + "." + rules.select(n));
      const all = { n, ...values };
      return found === null ? fill(n === 1 ? one : other, all, foreign) : fill(found, all, false);
    },
    /** A school's own words (or a name the SWV wrote in Dutch): marked Dutch on a page in
     * another language; ``{eigen: "..."}``, the school's own translation into the page's
     * language (the finder's data of that language), is shown as it is. */
    dutch(text) {
      if (text && typeof text === "object" && typeof text.eigen === "string") return parts(text.eigen);
      return text && foreign ? [{ nl: text }] : parts(text || "");
    },
  };
}

/** The Dutch texts: what a page without translations shows. */
export const DUTCH = texts();
