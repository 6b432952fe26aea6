// The comparison: 2 to 4 schools side by side, from ?scholen=a,b,c. Each school's data is a
// small JSON file of this site (vinder/school/<slug>.json); nothing is sent anywhere else.
(function () {
  "use strict";
  var root = document.getElementById("vergelijking");
  if (!root || !window.fetch) return;
  var labels = document.getElementById("vergelijk-labels").content;
  var MAX = 4;
  var slugs = (new URLSearchParams(window.location.search).get("scholen") || "")
    .split(",")
    .map(function (s) { return s.trim(); })
    .filter(function (s, i, all) { return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s) && all.indexOf(s) === i; })
    .slice(0, MAX);

  function label(kind, id) {
    var node = labels.querySelector("[data-" + kind + '="' + CSS.escape(id) + '"]');
    return node ? node.textContent : id;
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined && content !== null) node.textContent = content;
    return node;
  }

  function message(text) {
    var p = element("p", "sop-compare-message", text);
    root.appendChild(p);
    return p;
  }

  function finderLink(text, chosen) {
    var link = element("a", "", text);
    link.href = root.dataset.root + "scholen/" + (chosen.length ? "?vergelijk=" + chosen.join(",") : "");
    return link;
  }

  function cell(school, tag) {
    var td = element(tag || "td");
    td.setAttribute("role", tag === "th" ? "columnheader" : "cell");
    var name = element("span", "sop-compare-school", school.naam);
    td.appendChild(name);
    return td;
  }

  function row(header, schools, fill, className) {
    var tr = element("tr", className);
    tr.setAttribute("role", "row");
    var th = element("th", "", header);
    th.scope = "row";
    th.setAttribute("role", "rowheader");
    tr.appendChild(th);
    schools.forEach(function (school) {
      var td = cell(school);
      fill(td, school);
      tr.appendChild(td);
    });
    return tr;
  }

  function section(tbody, title, count) {
    var tr = element("tr", "sop-compare-section");
    tr.setAttribute("role", "row");
    var th = element("th", "", title);
    th.colSpan = count + 1;
    th.scope = "colgroup";
    th.setAttribute("role", "rowheader");
    tr.appendChild(th);
    tbody.appendChild(tr);
  }

  function table(schools) {
    var levels = root.dataset.levels.split(",");
    var wrap = element("div", "sop-compare-wrap");
    var t = element("table", "sop-compare-table");
    t.setAttribute("role", "table");
    t.appendChild(element("caption", "", schools.length + " scholen naast elkaar"));
    var thead = element("thead");
    thead.setAttribute("role", "rowgroup");
    var head = element("tr");
    head.setAttribute("role", "row");
    var corner = element("td", "sop-compare-corner");
    corner.setAttribute("role", "cell");
    head.appendChild(corner);
    schools.forEach(function (school) {
      var th = element("th");
      th.scope = "col";
      th.setAttribute("role", "columnheader");
      var link = element("a", "sop-compare-name", school.naam);
      link.href = root.dataset.root + school.pad.replace(/^\//, "");
      th.appendChild(link);
      th.appendChild(element("span", "sop-compare-where", school.soort + " in " + school.plaats));
      if (school.verlopen) th.appendChild(element("span", "sop-finder-expired sop-compare-expired", "Profiel verlopen"));
      var others = slugs.filter(function (s) { return s !== school.slug; });
      var drop = element("a", "sop-compare-drop", "Haal weg");
      drop.href = "?scholen=" + others.join(",");
      drop.appendChild(element("span", "sop-sr", ": " + school.naam));
      th.appendChild(drop);
      head.appendChild(th);
    });
    thead.appendChild(head);
    t.appendChild(thead);
    var tbody = element("tbody");
    tbody.setAttribute("role", "rowgroup");
    section(tbody, "Wat de school biedt, per onderwerp", schools.length);
    root.dataset.needs.split(",").forEach(function (need) {
      tbody.appendChild(row(label("need", need), schools, function (td, school) {
        var line = school.behoeften[need];
        if (!line) {
          td.appendChild(element("p", "sop-compare-empty", "Nog niet ingevuld"));
          return;
        }
        td.appendChild(element("span", "sop-level sop-level-" + levels.indexOf(line[0]), label("level", line[0])));
        if (line[1]) td.appendChild(element("p", "", line[1]));
        if (line[2]) {
          var limit = element("p", "sop-finder-limit");
          limit.appendChild(element("strong", "", "Waar het stopt: "));
          limit.appendChild(document.createTextNode(line[2]));
          td.appendChild(limit);
        }
      }));
    });
    section(tbody, "Praktisch", schools.length);
    (schools[0].praktisch || []).forEach(function (fact, at) {
      tbody.appendChild(row(label("fact", fact[0]), schools, function (td, school) {
        td.appendChild(document.createTextNode(school.praktisch[at][1]));
      }));
    });
    section(tbody, "Contact en afspraken", schools.length);
    tbody.appendChild(row("Wie u belt", schools, function (td, school) {
      var c = school.contact;
      td.appendChild(element("p", "", c.naam + ", " + c.rol.toLowerCase()));
      if (c.telefoon) {
        var tel = element("a", "", c.telefoon);
        tel.href = "tel:" + c.telefoon.replace(/\s/g, "");
        var p = element("p");
        p.appendChild(tel);
        td.appendChild(p);
      }
      if (c.email) {
        var mail = element("a", "", c.email);
        mail.href = "mailto:" + c.email;
        var q = element("p");
        q.appendChild(mail);
        td.appendChild(q);
      }
    }));
    tbody.appendChild(row("Adres", schools, function (td, school) {
      td.appendChild(document.createTextNode(school.adres));
    }));
    tbody.appendChild(row("Basisondersteuning", schools, function (td, school) {
      td.appendChild(document.createTextNode(school.basis));
    }));
    tbody.appendChild(row("Profiel geldig tot", schools, function (td, school) {
      var until = new Date(school.geldig_tot + "T12:00:00");
      var text = until.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
      td.appendChild(element("span", school.verlopen ? "sop-finder-expired" : "", school.verlopen ? text + ": verlopen" : text));
    }));
    t.appendChild(tbody);
    wrap.appendChild(t);
    return wrap;
  }

  if (slugs.length < 2) {
    var p = message(slugs.length ? "U heeft 1 school gekozen. Kies er nog een of meer in " : "U heeft nog geen scholen gekozen. Kies ze in ");
    p.appendChild(finderLink("Vind een school", slugs));
    p.appendChild(document.createTextNode("."));
    return;
  }
  root.appendChild(message("De scholen worden geladen…"));
  Promise.all(
    slugs.map(function (slug) {
      return fetch(root.dataset.data + "school/" + slug + ".json", { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .catch(function () { return null; });
    })
  ).then(function (found) {
    root.textContent = "";
    var missing = slugs.filter(function (slug, i) { return !found[i]; });
    var schools = found.filter(Boolean);
    if (missing.length) {
      message("Deze school bestaat niet (meer) op deze site: " + missing.join(", ") + ".");
    }
    if (schools.length < 2) {
      var p = message("Er zijn te weinig scholen om te vergelijken. Kies ze in ");
      p.appendChild(finderLink("Vind een school", schools.map(function (s) { return s.slug; })));
      p.appendChild(document.createTextNode("."));
      return;
    }
    document.title = "Vergelijk " + schools.map(function (s) { return s.naam; }).join(", ") + " - " + document.title.split(" - ").pop();
    root.appendChild(table(schools));
    if (schools.length < MAX) {
      var more = element("p", "sop-compare-more");
      more.appendChild(finderLink("Voeg een school toe", schools.map(function (s) { return s.slug; })));
      root.appendChild(more);
    }
  });
})();
