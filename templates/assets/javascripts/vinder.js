// The school finder: filters the complete list of schools on the page.
// Without JavaScript the form stays hidden and the full list is shown.
// Filters and names are matched in the page itself; other words also go through the
// site's search index (Pagefind), which loads only the small parts a query needs.
(function () {
  "use strict";
  var form = document.getElementById("vinder");
  var list = document.getElementById("vinder-lijst");
  if (!form || !list) {
    return;
  }
  var items = Array.prototype.slice.call(list.children);
  var count = document.getElementById("vinder-aantal");
  var empty = document.getElementById("vinder-leeg");
  var text = document.getElementById("vinder-tekst");
  var selects = ["behoefte", "gemeente", "kern", "soort"].map(function (name) {
    return form.elements[name];
  });
  var pagefind = null;
  var searchHits = null; // paths the search index found for the current words
  var lastQuery = "";
  var timer = null;

  function words(value) {
    return value.toLowerCase().split(/\s+/).filter(Boolean);
  }

  function matchesFilters(item) {
    var need = form.elements.behoefte.value;
    var place = form.elements.gemeente.value;
    var kern = form.elements.kern.value;
    var kind = form.elements.soort.value;
    if (need && item.dataset.behoeften.split(" ").indexOf(need) < 0) return false;
    if (place && item.dataset.gemeente !== place) return false;
    if (kern && item.dataset.kern !== kern) return false;
    if (kind && item.dataset.soort !== kind) return false;
    return true;
  }

  function matchesText(item, query) {
    if (!query.length) return true;
    var own = item.dataset.naam;
    var inPage = query.every(function (word) {
      return own.indexOf(word) >= 0;
    });
    return inPage || (searchHits !== null && searchHits.has(item.dataset.pad));
  }

  function show() {
    var query = words(text.value);
    var shown = 0;
    items.forEach(function (item) {
      var visible = matchesFilters(item) && matchesText(item, query);
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    count.textContent = shown === 1 ? "1 school" : shown + " scholen";
    empty.hidden = shown !== 0;
    remember();
  }

  function remember() {
    var params = new URLSearchParams();
    if (text.value.trim()) params.set("q", text.value.trim());
    selects.forEach(function (select) {
      if (select.value) params.set(select.name, select.value);
    });
    var search = params.toString();
    history.replaceState(null, "", search ? "?" + search : window.location.pathname);
  }

  // The index comes in parts (sop_builder/site/search.py): merge the ones delen.json lists.
  function mergeParts(module) {
    var bundle = new URL(form.dataset.index, window.location.href);
    return fetch(new URL("delen.json", bundle))
      .then(function (response) {
        return response.ok ? response.json() : [];
      })
      .then(function (parts) {
        return parts.reduce(function (done, part) {
          return done.then(function () {
            return module.mergeIndex(new URL(part, bundle).pathname);
          });
        }, Promise.resolve());
      });
  }

  function searchIndex() {
    var query = text.value.trim();
    if (query === lastQuery) return;
    lastQuery = query;
    searchHits = null;
    if (!query) return show();
    var load = pagefind
      ? Promise.resolve(pagefind)
      : import(form.dataset.index + "pagefind.js").then(function (module) {
          return mergeParts(module).then(function () {
            pagefind = module;
            return module;
          });
        });
    load
      .then(function (module) {
        return module.search(query);
      })
      .then(function (search) {
        if (query !== lastQuery) return;
        return Promise.all(
          search.results.slice(0, 200).map(function (result) {
            return result.data();
          })
        ).then(function (pages) {
          if (query !== lastQuery) return;
          searchHits = new Set();
          pages.forEach(function (page) {
            var path = new URL(page.url, window.location.href).pathname;
            items.forEach(function (item) {
              if (path.endsWith("/" + item.dataset.pad)) searchHits.add(item.dataset.pad);
            });
          });
          show();
        });
      })
      .catch(function () {
        searchHits = null; // the list still filters on names, places and choices
      });
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    text.value = params.get("q") || "";
    selects.forEach(function (select) {
      var value = params.get(select.name);
      if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) {
        select.value = value;
      }
    });
  }

  form.hidden = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    searchIndex();
    show();
  });
  form.addEventListener("reset", function () {
    window.setTimeout(function () {
      lastQuery = "";
      searchHits = null;
      show();
    });
  });
  selects.forEach(function (select) {
    select.addEventListener("change", show);
  });
  text.addEventListener("input", function () {
    show();
    window.clearTimeout(timer);
    timer = window.setTimeout(searchIndex, 250);
  });
  fromAddress();
  show();
  searchIndex();
})();
