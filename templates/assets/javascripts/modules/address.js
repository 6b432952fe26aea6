// The finder's state in its address, so a search can be shared and survives "Vergelijk" and the
// back button. No DOM: tested in tests/js/.
import { chosenIn } from "./compare.js";

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
