// Building the finder's cards and the comparison's table.
import { DUTCH, parts, texts } from "./texts.js";

/** The texts of this page's scripts (modules/texts.js): its language's translations from its
 * data block of script texts; the Dutch site has none and its scripts write their Dutch. */
export function pageTexts() {
  const block = document.getElementById("sop-teksten");
  const lang = document.documentElement.lang || "nl";
  if (lang === "nl") return DUTCH;
  let table = {};
  try {
    table = block ? JSON.parse(block.textContent) : {};
  } catch {
    table = {}; // a broken block: the scripts' Dutch, marked
  }
  return texts(table, lang);
}

// The theme sets the page's direction on <body> (<html> holds its language).
const rightToLeft = () => (document.body.dir || document.documentElement.dir) === "rtl";

/** The nodes of a text (modules/texts.js parts): a Dutch part on a page in another language as a
 * ``<span lang="nl">`` (left to right on a right-to-left page). */
export function nodes(value) {
  return parts(value).map((part) => {
    if (typeof part === "string" || part instanceof Node) return part;
    const span = document.createElement("span");
    span.lang = "nl";
    if (rightToLeft()) span.dir = "ltr";
    span.textContent = part.nl;
    return span;
  });
}

/** ``node`` saying ``value`` (a text or parts) instead of what it said. */
export function say(node, value) {
  node.textContent = "";
  node.append(...nodes(value));
  return node;
}

/** A ``tag`` element with ``className`` and ``content`` (a text or parts; both optional). */
export function element(tag, className, content) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (typeof content === "string") node.textContent = content;
  else if (content !== undefined && content !== null) say(node, content);
  return node;
}

/** ``parent`` with ``children`` (nodes or texts) added. */
export function append(parent, ...children) {
  parent.append(...children);
  return parent;
}

/** A level badge; its ``position`` in the levels picks the colour. */
export const levelBadge = (position, text) => element("span", "sop-level sop-level-" + position, text);

/** "Waar het stopt: ..." under what a school offers (``text``: the school's own words). */
export const limitLine = (text, tx = DUTCH) =>
  append(element("p", "sop-finder-limit"), element("strong", "", [...tx.t("school.stopt", "Waar het stopt:"), " "]), ...nodes(tx.dutch(text)));

/** A phone number as a link that calls it. */
export function telLink(number) {
  const link = element("a", "", number);
  link.href = "tel:" + number.replace(/\s/g, "");
  return link;
}

/** "Speciale school" and the SWV's sentence about the toelaatbaarheidsverklaring (TLV)
 * (``admission``: a text or parts, from the finder's data of the page's language). */
export const specialLine = (admission, tx = DUTCH) =>
  append(element("p", "sop-special"), element("span", "sop-special-label", tx.t("speciaal.label", "Speciale school")),
    ...(admission ? [" ", ...nodes(admission)] : [""]));
