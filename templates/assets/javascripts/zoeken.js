// Starts the Pagefind search box on the search page, and fills in ?q= from a search form.
// The index comes in parts: the search box merges the parts that pagefind/delen.json lists, so
// a query searches the whole site.
import { parts } from "./modules/pagefind.js";

const box = document.getElementById("zoekvak");
const script = document.querySelector('script[src$="pagefind-ui.js"]');
if (box && script && typeof PagefindUI !== "undefined") start(new URL(".", script.src));

async function start(bundle) {
  const paths = await parts(bundle).catch(() => []);
  const ui = new PagefindUI({
    element: "#zoekvak",
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    excerptLength: 25,
    // Each result says what it is: a school, a workshop, a story, ...
    processResult(result) {
      if (result.meta && result.meta.soort && result.meta.title) {
        result.meta.title = result.meta.soort + ": " + result.meta.title;
      }
      return result;
    },
    mergeIndex: paths.map((bundlePath) => ({ bundlePath })),
    translations: {
      placeholder: "Zoek een school, plaats of onderwerp",
      clear_search: "Wissen",
      search_label: "Zoek op deze site",
      zero_results: "Niets gevonden voor [SEARCH_TERM]. Probeer een ander woord.",
    },
  });
  const query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
}
