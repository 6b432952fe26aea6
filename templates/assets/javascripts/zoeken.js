// Starts the Pagefind search box on the search page, and fills in ?q= from a search form.
// The index comes in parts (sop_builder/site/search.py): pagefind/delen.json lists the other
// parts, which the search box merges, so a query searches the whole site.
window.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("zoekvak");
  var script = document.querySelector('script[src$="pagefind-ui.js"]');
  if (!element || !script || typeof PagefindUI === "undefined") {
    return;
  }
  var bundle = new URL(".", script.src);
  fetch(new URL("delen.json", bundle))
    .then(function (response) {
      return response.ok ? response.json() : [];
    })
    .catch(function () {
      return [];
    })
    .then(function (parts) {
      var ui = new PagefindUI({
        element: "#zoekvak",
        showSubResults: true,
        showImages: false,
        resetStyles: false,
        excerptLength: 25,
        // Each result says what it is: a school, a workshop, a story, ...
        processResult: function (result) {
          if (result.meta && result.meta.soort && result.meta.title) {
            result.meta.title = result.meta.soort + ": " + result.meta.title;
          }
          return result;
        },
        mergeIndex: parts.map(function (part) {
          return { bundlePath: new URL(part, bundle).pathname };
        }),
        translations: {
          placeholder: "Zoek een school, plaats of onderwerp",
          clear_search: "Wissen",
          search_label: "Zoek op deze site",
          zero_results: "Niets gevonden voor [SEARCH_TERM]. Probeer een ander woord."
        }
      });
      var query = new URLSearchParams(window.location.search).get("q");
      if (query) {
        ui.triggerSearch(query);
      }
    });
});
