// Starts the Pagefind search box on the search page, and fills in ?q= from a search form.
window.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("zoekvak");
  if (!element || typeof PagefindUI === "undefined") {
    return;
  }
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
