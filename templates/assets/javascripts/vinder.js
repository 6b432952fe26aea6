// The school finder. Without JavaScript the page shows the lists per need and per gemeente;
// this script adds the form: filters on what each school declared, "near me", and choosing
// schools to compare. Its data are small JSON files of this site (vinder/), loaded when needed.
// Distances are computed here, in the browser: the visitor's postcode or location is never sent
// anywhere. Words that are not a need, a practical fact, a name or a place go through the
// site's search index (Pagefind), which loads only the small parts a query needs.
(function () {
  "use strict";
  var form = document.getElementById("vinder");
  var list = document.getElementById("vinder-lijst");
  if (!form || !list || !window.fetch) {
    return;
  }
  var base = form.dataset.data;
  var count = document.getElementById("vinder-aantal");
  var note = document.getElementById("vinder-uitleg");
  var more = document.getElementById("vinder-meer");
  var bar = document.getElementById("vinder-vergelijk");
  var text = form.elements.q;
  var need = form.elements.behoefte;
  var postcode = form.elements.postcode;
  var locate = document.getElementById("vinder-locatie");
  var place = document.getElementById("vinder-plaats");
  var selects = ["behoefte", "gemeente", "kern", "soort"].map(function (name) {
    return form.elements[name];
  });
  var facts = Array.prototype.slice.call(form.querySelectorAll("input[name=met]"));
  var PAGE = 30;
  var MAX_COMPARE = 4;

  var index = null; // the index document, once loaded
  var loading = null;
  var needData = {}; // need id -> {school index -> [level, sentence, limit]}
  var postcodes = null;
  var origin = null; // {lat, lon, label}
  var shown = PAGE;
  var chosen = []; // slugs to compare
  var pagefind = null;
  var searchHits = null; // school paths the search index found for the current words
  var lastQuery = "";
  var timer = null;

  function getJSON(path) {
    return fetch(base + path, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(path + ": " + response.status);
      return response.json();
    });
  }

  function loadIndex() {
    if (!loading) {
      loading = getJSON("scholen.json").then(function (data) {
        index = data;
        var top = {}; // need index -> how many schools offer it at the top level
        index.rows = data.scholen.map(function (row, i) {
          var school = { i: i };
          data.velden.forEach(function (field, f) {
            school[field] = row[f];
          });
          // The slug is left out where it is the name in lower case with hyphens.
          school.slug = school.slug || (school.naam.toLowerCase().match(/[a-z0-9]+/g) || []).join("-");
          school.soort = data.soorten[school.soort][0];
          school.gemeente = school.kern >= 0 ? data.kernen[school.kern][2] : -1;
          school.adres = school.straat + ", " + school.plaats;
          school.basis = school.basis ? school.basis.split("/") : null;
          if (school.punt) school.punt = [school.punt[0] / data.puntschaal, school.punt[1] / data.puntschaal];
          school.words = [school.naam, school.plaats, data.gemeenten[school.gemeente] || "",
            school.kern >= 0 ? data.kernen[school.kern][1] : ""].join(" ").toLowerCase();
          school.niveaus.split("").forEach(function (c, n) {
            if (c === "0") top[n] = (top[n] || 0) + 1;
          });
          return school;
        });
        // "Sterk in": the needs a school offers at the top level that fewest schools offer so.
        index.rows.forEach(function (school) {
          var own = [];
          school.niveaus.split("").forEach(function (c, n) {
            if (c === "0") own.push(n);
          });
          own.sort(function (a, b) { return top[a] - top[b] || a - b; });
          school.sterk = own.slice(0, 3).map(function (n) { return data.behoeften[n].id; });
        });
        return data;
      });
    }
    return loading;
  }

  function loadNeed(id) {
    if (needData[id]) return Promise.resolve(needData[id]);
    return getJSON("behoefte-" + id + ".json").then(function (data) {
      var byIndex = {};
      data.scholen.forEach(function (row) {
        byIndex[row[0]] = row.slice(1);
      });
      needData[id] = byIndex;
      return byIndex;
    });
  }

  function words(value) {
    return value.toLowerCase().split(/[\s,.;]+/).filter(Boolean);
  }

  function matchesKeyword(word, keyword) {
    if (word === keyword) return true;
    if (word.length >= 4 && keyword.indexOf(word) === 0) return true;
    return keyword.length >= 4 && word.indexOf(keyword) === 0;
  }

  // Which needs and facts the typed words name, and which words are left for names and places.
  function understand(query) {
    var found = { needs: [], facts: [], rest: [] };
    if (!index) return found;
    var phrase = query.toLowerCase();
    words(query).forEach(function (word) {
      var hit = false;
      index.behoeften.forEach(function (item) {
        item.woorden.forEach(function (keyword) {
          var match = keyword.indexOf(" ") >= 0 ? phrase.indexOf(keyword) >= 0 && keyword.split(" ").indexOf(word) >= 0 : matchesKeyword(word, keyword);
          if (match) {
            hit = true;
            if (found.needs.indexOf(item.id) < 0) found.needs.push(item.id);
          }
        });
      });
      index.praktisch.forEach(function (item) {
        item.woorden.forEach(function (keyword) {
          if (matchesKeyword(word, keyword)) {
            hit = true;
            if (found.facts.indexOf(item.id) < 0) found.facts.push(item.id);
          }
        });
      });
      if (!hit && ["en", "de", "het", "een", "met", "bij", "voor", "school", "scholen"].indexOf(word) < 0) {
        found.rest.push(word);
      }
    });
    return found;
  }

  function needIndex(id) {
    for (var i = 0; i < index.behoeften.length; i++) if (index.behoeften[i].id === id) return i;
    return -1;
  }

  function levelOf(school, id) {
    var at = school.niveaus.charAt(needIndex(id));
    return at === "-" || at === "" ? null : index.niveaus[Number(at)];
  }

  function factIndex(id) {
    for (var i = 0; i < index.praktisch.length; i++) if (index.praktisch[i].id === id) return i;
    return -1;
  }

  function label(items, id) {
    for (var i = 0; i < items.length; i++) if (items[i].id === id) return items[i].label;
    return id;
  }

  function state() {
    var understood = understand(text.value);
    var needs = understood.needs.slice();
    if (need.value && needs.indexOf(need.value) < 0) needs.unshift(need.value);
    var wanted = understood.facts.slice();
    facts.forEach(function (box) {
      if (box.checked && wanted.indexOf(box.value) < 0) wanted.push(box.value);
    });
    return {
      needs: needs,
      typedNeeds: understood.needs,
      facts: wanted,
      typedFacts: understood.facts,
      rest: understood.rest,
      gemeente: form.elements.gemeente.value,
      kern: form.elements.kern.value,
      soort: form.elements.soort.value
    };
  }

  function active(s) {
    return s.needs.length || s.facts.length || s.rest.length || s.gemeente || s.kern || s.soort || origin;
  }

  function matches(school, s) {
    for (var n = 0; n < s.needs.length; n++) {
      var level = levelOf(school, s.needs[n]);
      if (!level || !level.aanbod) return false;
    }
    for (var f = 0; f < s.facts.length; f++) {
      if (school.praktisch.charAt(factIndex(s.facts[f])) !== "1") return false;
    }
    if (s.gemeente && index.gemeenten[school.gemeente] !== s.gemeente) return false;
    if (s.kern && (school.kern < 0 || index.kernen[school.kern][0] !== s.kern)) return false;
    if (s.soort && school.soort !== s.soort) return false;
    if (s.rest.length) {
      var own = s.rest.every(function (word) {
        return school.words.indexOf(word) >= 0;
      });
      var found = searchHits !== null && searchHits.has("/scholen/" + school.slug + "/");
      if (!own && !found) return false;
    }
    return true;
  }

  function distance(a, b) {
    var rad = Math.PI / 180;
    var dLat = (b[0] - a[0]) * rad;
    var dLon = (b[1] - a[1]) * rad;
    var h = Math.pow(Math.sin(dLat / 2), 2) +
      Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371 * Math.asin(Math.sqrt(h));
  }

  // A school without its own coordinates stands at the middle of its postcode area, so a
  // distance under 1 km says no more than "close by".
  function km(value) {
    if (value < 1) return "minder dan 1 km";
    return (value < 10 ? value.toFixed(1) : String(Math.round(value))).replace(".", ",") + " km";
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  function card(school, s) {
    var item = element("li", "sop-card");
    var heading = element("h2", "sop-finder-name");
    var link = element("a", "", school.naam);
    link.href = form.dataset.root + "scholen/" + school.slug + "/";
    heading.appendChild(link);
    item.appendChild(heading);
    var kind = label(index.soorten.map(function (t) { return { id: t[0], label: t[1] }; }), school.soort);
    var where = kind + " · " + school.adres;
    if (origin && school.punt) where += " · " + km(school.afstand) + " van " + origin.label;
    item.appendChild(element("p", "sop-finder-where", where));
    if (school.verlopen) {
      item.appendChild(element("p", "sop-finder-expired", "Let op: dit profiel is verlopen. Vraag de school wat nu geldt."));
    }
    if (s.needs.length) {
      s.needs.forEach(function (id) {
        var line = (needData[id] || {})[school.i];
        var level = levelOf(school, id);
        var p = element("p", "sop-finder-level");
        var badge = element("span", "sop-level sop-level-" + index.niveaus.indexOf(level), level.label);
        p.appendChild(badge);
        p.appendChild(document.createTextNode(" " + (s.needs.length > 1 ? label(index.behoeften, id) + ": " : "") + (line ? line[1] : "")));
        item.appendChild(p);
        if (line && line[2]) {
          var limit = element("p", "sop-finder-limit");
          limit.appendChild(element("strong", "", "Waar het stopt: "));
          limit.appendChild(document.createTextNode(line[2]));
          item.appendChild(limit);
        }
      });
    } else if (school.sterk.length) {
      var strong = element("p", "sop-finder-strong");
      strong.appendChild(element("span", "", "Sterk in: "));
      strong.appendChild(document.createTextNode(school.sterk.map(function (id) {
        return label(index.behoeften, id);
      }).join(", ")));
      item.appendChild(strong);
    }
    var basis = school.basis;
    var compliance = basis
      ? "Basisondersteuning: " + basis[0] + " van " + basis[1] + " afspraken (" + basis[2] + "%)" +
        (basis[4] ? " in " + basis[4] : "") +
        (basis[3] === "1" ? ", doel gehaald" : basis[3] === "0" ? ", doel nog niet gehaald" : "")
      : "Nog geen zelfevaluatie basisondersteuning";
    item.appendChild(element("p", "sop-finder-compliance", compliance));
    var pick = element("p", "sop-finder-pick");
    var box = element("input");
    box.type = "checkbox";
    box.id = "vergelijk-" + school.slug;
    box.value = school.slug;
    box.checked = chosen.indexOf(school.slug) >= 0;
    box.addEventListener("change", function () {
      toggleCompare(school.slug, box.checked);
    });
    var boxLabel = element("label", "", "Vergelijk");
    boxLabel.htmlFor = box.id;
    boxLabel.appendChild(element("span", "sop-sr", " " + school.naam));
    pick.appendChild(box);
    pick.appendChild(boxLabel);
    item.appendChild(pick);
    return item;
  }

  function explain(s) {
    var parts = [];
    s.typedNeeds.forEach(function (id) {
      parts.push(label(index.behoeften, id));
    });
    s.typedFacts.forEach(function (id) {
      parts.push(label(index.praktisch, id).toLowerCase());
    });
    note.hidden = !parts.length;
    note.textContent = parts.length
      ? "U zoekt op wat scholen zelf over zichzelf zeggen: " + parts.join(", ") + "."
      : "";
  }

  function render() {
    var s = state();
    explain(s);
    remember(s);
    if (!active(s) && form.dataset.direct !== "1") {
      list.textContent = "";
      more.hidden = true;
      count.textContent = "Kies wat uw kind nodig heeft, of zoek scholen bij u in de buurt.";
      return;
    }
    var rows = index.rows.filter(function (school) {
      return matches(school, s);
    });
    if (origin) {
      rows.forEach(function (school) {
        school.afstand = school.punt ? distance([origin.lat, origin.lon], school.punt) : Infinity;
      });
      rows.sort(function (a, b) {
        return a.afstand - b.afstand || a.i - b.i;
      });
    }
    list.textContent = "";
    rows.slice(0, shown).forEach(function (school) {
      list.appendChild(card(school, s));
    });
    more.hidden = rows.length <= shown;
    var total = rows.length === 1 ? "1 school" : rows.length + " scholen";
    if (rows.length === 1 && s.needs.length) total += " biedt";
    var what = s.needs.length
      ? (rows.length === 1 ? " hulp bij: " : " bieden hulp bij: ") + s.needs.map(function (id) { return label(index.behoeften, id); }).join(" en ")
      : "";
    count.textContent = rows.length
      ? total + what + (origin ? ", de dichtstbijzijnde eerst." : ".")
      : "Geen school gevonden. Probeer een ander woord, of kies minder filters.";
  }

  function update() {
    shown = PAGE;
    var s = state();
    loadIndex()
      .then(function () {
        s = state();
        return Promise.all(s.needs.map(loadNeed));
      })
      .then(render)
      .catch(function () {
        count.textContent = "De gegevens konden niet worden geladen. Gebruik de lijsten hieronder.";
      });
  }

  function remember(s) {
    var params = new URLSearchParams();
    if (text.value.trim()) params.set("q", text.value.trim());
    selects.forEach(function (select) {
      if (select.value) params.set(select.name, select.value);
    });
    var boxes = facts.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
    if (boxes.length) params.set("met", boxes.join(","));
    if (postcode && origin && origin.postcode) params.set("postcode", origin.postcode);
    if (chosen.length) params.set("vergelijk", chosen.join(","));
    var search = params.toString();
    history.replaceState(null, "", search ? "?" + search : window.location.pathname);
  }

  function toggleCompare(slug, on) {
    var at = chosen.indexOf(slug);
    if (on && at < 0) {
      if (chosen.length >= MAX_COMPARE) {
        document.getElementById("vergelijk-" + slug).checked = false;
        bar.querySelector("p").textContent = "U kunt hoogstens " + MAX_COMPARE + " scholen vergelijken.";
        return;
      }
      chosen.push(slug);
    }
    if (!on && at >= 0) chosen.splice(at, 1);
    showBar();
    remember(state());
  }

  function showBar() {
    bar.hidden = chosen.length === 0;
    var go = bar.querySelector("a");
    var message = bar.querySelector("p");
    message.textContent = chosen.length === 1
      ? "U heeft 1 school gekozen. Kies er nog een of meer om te vergelijken."
      : "U heeft " + chosen.length + " scholen gekozen om te vergelijken.";
    go.hidden = chosen.length < 2;
    go.href = form.dataset.root + "vergelijk/?scholen=" + chosen.map(encodeURIComponent).join(",");
  }

  function setOrigin(value) {
    origin = value;
    place.textContent = value ? "Scholen op volgorde van afstand tot " + value.label + "." : "";
    update();
  }

  function fromPostcode() {
    var digits = (postcode.value.match(/\d/g) || []).join("").slice(0, 4);
    if (digits.length < 4) {
      if (origin && origin.postcode) setOrigin(null);
      return;
    }
    var load = postcodes ? Promise.resolve(postcodes) : getJSON("postcodes.json").then(function (data) {
      postcodes = data;
      return data;
    });
    load.then(function (table) {
      var point = table[digits];
      if (!point) {
        origin = null;
        place.textContent = "De postcode " + digits + " ligt niet in of bij dit samenwerkingsverband. Controleer de cijfers.";
        update();
        return;
      }
      setOrigin({ lat: point[0], lon: point[1], label: "postcode " + digits, postcode: digits });
    }).catch(function () {
      place.textContent = "De postcodes konden niet worden geladen.";
    });
  }

  function fromLocation() {
    if (!navigator.geolocation) {
      place.textContent = "Uw browser kan uw locatie niet geven. Vul uw postcode in.";
      return;
    }
    place.textContent = "Uw locatie wordt opgevraagd. Uw browser vraagt of dat mag.";
    navigator.geolocation.getCurrentPosition(
      function (position) {
        if (postcode) postcode.value = "";
        setOrigin({ lat: position.coords.latitude, lon: position.coords.longitude, label: "uw locatie" });
      },
      function () {
        place.textContent = "Uw locatie is niet beschikbaar. Vul uw postcode in.";
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
    );
  }

  // The index comes in parts (sop_builder/site/search.py): merge the ones delen.json lists.
  function mergeParts(module) {
    var bundle = new URL(form.dataset.pagefind, window.location.href);
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
    loadIndex().then(function () {
      var query = state().rest.join(" ");
      if (query === lastQuery) return;
      lastQuery = query;
      searchHits = null;
      if (!query) return update();
      var load = pagefind
        ? Promise.resolve(pagefind)
        : import(form.dataset.pagefind + "pagefind.js").then(function (module) {
            return mergeParts(module).then(function () {
              pagefind = module;
              return module;
            });
          });
      return load
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
              var match = path.match(/\/scholen\/[^/]+\/$/);
              if (match) searchHits.add(match[0]);
            });
            update();
          });
        });
    }).catch(function () {
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
    var met = (params.get("met") || "").split(",");
    facts.forEach(function (box) {
      box.checked = met.indexOf(box.value) >= 0;
    });
    if (params.get("q") || params.get("gemeente") || params.get("kern") || params.get("soort") || params.get("met")) {
      document.getElementById("vinder-meer-filters").open = true;
    }
    chosen = (params.get("vergelijk") || "").split(",").filter(Boolean).slice(0, MAX_COMPARE);
    if (postcode && params.get("postcode")) {
      postcode.value = params.get("postcode");
      fromPostcode();
    }
    showBar();
  }

  form.hidden = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    searchIndex();
    update();
  });
  form.addEventListener("reset", function () {
    window.setTimeout(function () {
      lastQuery = "";
      searchHits = null;
      origin = null;
      place.textContent = "";
      update();
    });
  });
  selects.forEach(function (select) {
    select.addEventListener("change", update);
  });
  facts.forEach(function (box) {
    box.addEventListener("change", update);
  });
  text.addEventListener("input", function () {
    update();
    window.clearTimeout(timer);
    timer = window.setTimeout(searchIndex, 250);
  });
  if (postcode) {
    postcode.addEventListener("input", fromPostcode);
  }
  if (locate) {
    locate.hidden = false;
    locate.addEventListener("click", fromLocation);
  }
  more.querySelector("button").addEventListener("click", function () {
    shown += PAGE;
    render();
  });
  bar.querySelector("button").addEventListener("click", function () {
    chosen = [];
    Array.prototype.forEach.call(list.querySelectorAll(".sop-finder-pick input"), function (box) {
      box.checked = false;
    });
    showBar();
    remember(state());
  });
  fromAddress();
  if (form.dataset.direct === "1" || active(state()) || text.value) {
    update();
    searchIndex();
  } else {
    count.textContent = "Kies wat uw kind nodig heeft, of zoek scholen bij u in de buurt.";
  }
})();
