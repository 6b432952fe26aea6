// The comparison: 2 to 4 schools side by side, from ?scholen=a,b,c. Each school's data is a
// small JSON file of this site (vinder/school/<slug>.json); nothing is sent anywhere else.
import { schoolHref } from "./modules/address.js";
import { compared, finderHref, MAX_COMPARE } from "./modules/compare.js";
import { getJSON } from "./modules/data.js";
import { append, element, levelBadge, limitLine, specialLine, telLink } from "./modules/dom.js";
import { longDate } from "./modules/format.js";

const root = document.getElementById("vergelijking");
if (root) start(root);

function start(root) {
  const labels = document.getElementById("vergelijk-labels").content;
  const params = new URLSearchParams(location.search);
  const slugs = compared(params.get("scholen"));
  // The need chosen in the finder (it travels in the address): its row comes first.
  const needs = root.dataset.needs.split(",");
  const chosen = needs.includes(params.get("behoefte")) ? params.get("behoefte") : "";

  function label(kind, id) {
    const node = labels.querySelector("[data-" + kind + '="' + CSS.escape(id) + '"]');
    return node ? node.textContent : id;
  }

  function message(text) {
    return root.appendChild(element("p", "sop-compare-message", text));
  }

  function finderLink(text, picked) {
    const link = element("a", "", text);
    link.href = finderHref(root.dataset.root, picked, location.search);
    return link;
  }

  // This comparison without one school (the other choices kept).
  function without(slug) {
    const next = new URLSearchParams(location.search);
    next.set("scholen", slugs.filter((s) => s !== slug).join(","));
    return "?" + next.toString().replace(/%2C/g, ",");
  }

  function withRole(node, role) {
    node.setAttribute("role", role);
    return node;
  }

  function row(header, schools, fill, className) {
    const th = element("th", "", header);
    th.scope = "row";
    const tr = append(withRole(element("tr", className), "row"), withRole(th, "rowheader"));
    for (const school of schools) {
      const td = withRole(element("td"), "cell");
      td.append(element("span", "sop-compare-school", school.naam));
      fill(td, school);
      tr.append(td);
    }
    return tr;
  }

  function section(title, count) {
    const th = element("th", "", title);
    th.colSpan = count + 1;
    th.scope = "colgroup";
    return append(withRole(element("tr", "sop-compare-section"), "row"), withRole(th, "rowheader"));
  }

  function heading(school) {
    const th = element("th");
    th.scope = "col";
    withRole(th, "columnheader");
    const link = element("a", "sop-compare-name", school.naam);
    link.href = schoolHref(root.dataset.root, school.slug, location.search.slice(1), chosen);
    th.append(link, element("span", "sop-compare-where", school.soort + " in " + school.plaats));
    if (school.speciaal) th.append(specialLine(school.toelating));
    if (school.verlopen) th.append(element("span", "sop-finder-expired sop-compare-expired", "Profiel verlopen"));
    const drop = element("a", "sop-compare-drop", "Haal weg");
    drop.href = without(school.slug);
    drop.append(element("span", "sop-sr", ": " + school.naam));
    th.append(drop);
    return th;
  }

  function contact(td, school) {
    const c = school.contact;
    td.append(element("p", "", c.naam + ", " + c.rol.toLowerCase()));
    if (c.telefoon) td.append(append(element("p"), telLink(c.telefoon)));
    if (c.email) {
      const mail = element("a", "", c.email);
      mail.href = "mailto:" + c.email;
      td.append(append(element("p"), mail));
    }
  }

  function needRow(need, schools, levels) {
    return row(label("need", need), schools, (td, school) => {
      const line = school.behoeften[need];
      if (!line) return td.append(element("p", "sop-compare-empty", "Nog niet ingevuld"));
      td.append(levelBadge(levels.indexOf(line[0]), label("level", line[0])));
      if (line[1]) td.append(element("p", "", line[1]));
      if (line[2]) td.append(limitLine(line[2]));
    });
  }

  function table(schools) {
    const levels = root.dataset.levels.split(",");
    const t = withRole(element("table", "sop-compare-table"), "table");
    t.append(element("caption", "", schools.length + " scholen naast elkaar"));
    const head = append(withRole(element("tr"), "row"), withRole(element("td", "sop-compare-corner"), "cell"));
    head.append(...schools.map(heading));
    t.append(append(withRole(element("thead"), "rowgroup"), head));
    const tbody = withRole(element("tbody"), "rowgroup");
    // What the parent looked for first, then whom to call, then the rest.
    if (chosen) {
      tbody.append(section("Wat u zocht", schools.length));
      tbody.append(needRow(chosen, schools, levels));
    }
    tbody.append(section("Wie u belt", schools.length));
    tbody.append(row("Wie u belt", schools, contact, "sop-compare-contact"));
    tbody.append(row("Adres", schools, (td, school) => td.append(school.adres)));
    tbody.append(section(chosen ? "De andere onderwerpen" : "Wat de school biedt, per onderwerp", schools.length));
    for (const need of needs) if (need !== chosen) tbody.append(needRow(need, schools, levels));
    tbody.append(section("Praktisch", schools.length));
    (schools[0].praktisch || []).forEach(([fact], at) => {
      tbody.append(row(label("fact", fact), schools, (td, school) => td.append(school.praktisch[at][1])));
    });
    tbody.append(section("Afspraken", schools.length));
    tbody.append(row("Basisondersteuning", schools, (td, school) => td.append(school.basis)));
    tbody.append(row("Profiel geldig tot", schools, (td, school) => {
      const until = longDate(school.geldig_tot);
      td.append(element("span", school.verlopen ? "sop-finder-expired" : "", school.verlopen ? until + ": verlopen" : until));
    }));
    t.append(tbody);
    return append(element("div", "sop-compare-wrap"), t);
  }

  if (slugs.length < 2) {
    const p = message(slugs.length ? "U heeft 1 school gekozen. Kies er nog een of meer in " : "U heeft nog geen scholen gekozen. Kies ze in ");
    p.append(finderLink("Vind een school", slugs), ".");
    return;
  }
  message("De scholen worden geladen…");
  const load = (slug) => getJSON(root.dataset.data, "school/" + slug + ".json").catch(() => null);
  Promise.all(slugs.map(load)).then((found) => {
    root.textContent = "";
    const missing = slugs.filter((slug, i) => !found[i]);
    const schools = found.filter(Boolean);
    if (missing.length) message("Deze school bestaat niet (meer) op deze site: " + missing.join(", ") + ".");
    const picked = schools.map((s) => s.slug);
    if (schools.length < 2) {
      message("Er zijn te weinig scholen om te vergelijken. Kies ze in ").append(finderLink("Vind een school", picked), ".");
      return;
    }
    document.title = "Vergelijk " + schools.map((s) => s.naam).join(", ") + " - " + document.title.split(" - ").pop();
    // The way back also above the table: on a phone the table is many screens long.
    root.append(append(element("p", "sop-compare-more"), finderLink("Terug naar uw zoekresultaten", picked)));
    root.append(table(schools));
    const back = append(element("p", "sop-compare-more"), finderLink("Terug naar uw zoekresultaten", picked));
    if (schools.length < MAX_COMPARE) back.append(" · ", finderLink("Voeg een school toe", picked));
    root.append(back);
  });
}
