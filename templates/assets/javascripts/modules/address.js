// The finder's state in its address, so a search can be shared and survives "Vergelijk" and the
// back button. No DOM: tested in tests/js/.
import { chosenIn } from "./compare.js";
import { DUTCH } from "./texts.js";

export const SELECTS = ["behoefte", "gemeente", "kern", "soort"];

/** The state in ``search`` (location.search); ``open``: a choice under "Meer keuzes". */
export function readFinder(search) {
  const params = new URLSearchParams(search);
  const state = { q: params.get("q") || "", met: (params.get("met") || "").split(",") };
  for (const name of SELECTS) state[name] = params.get(name) || "";
  state.postcode = params.get("postcode") || "";
  state.vergelijk = chosenIn(params.get("vergelijk"));
  state.open = ["q", "gemeente", "kern", "soort", "met"].some((name) => params.get(name));
  return state;
}

/** The query string (no "?") for a state; "" when nothing is chosen. */
export function writeFinder(state) {
  const params = new URLSearchParams();
  const q = (state.q || "").trim();
  if (q) params.set("q", q);
  for (const name of SELECTS) if (state[name]) params.set(name, state[name]);
  if (state.met && state.met.length) params.set("met", state.met.join(","));
  if (state.postcode) params.set("postcode", state.postcode);
  if (state.vergelijk && state.vergelijk.length) params.set("vergelijk", state.vergelijk.join(","));
  return params.toString();
}

const FINDER_KEYS = ["q", ...SELECTS, "met", "postcode", "vergelijk"];

/** A school's page from the finder or a comparison (``root``: the site's root): with the
 * query string ``search``, so its page can lead back, opened at the declaration of ``need``. */
export function schoolHref(root, slug, search, need) {
  return root + "scholen/" + slug + "/" + (search ? "?" + search : "") + (need ? "#behoefte-" + need : "");
}

/** The way back from a school page (at scholen/<slug>/) opened with ``search``: to the
 * comparison it came from, or to the finder with the same choices; null without either. */
export function backLink(search, tx = DUTCH) {
  const params = new URLSearchParams(search);
  const query = params.toString();
  if (params.get("scholen")) {
    return { href: "../../vergelijk/?" + query, text: tx.t("school.js.terug-vergelijking", "Terug naar de vergelijking") };
  }
  if (FINDER_KEYS.some((key) => params.get(key))) {
    return { href: "../?" + query, text: tx.t("vergelijk.js.terug", "Terug naar uw zoekresultaten") };
  }
  return null;
}

/** The need a school page was opened for ("" when none). */
export const chosenNeed = (search) => new URLSearchParams(search).get("behoefte") || "";
