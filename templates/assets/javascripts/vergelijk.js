// The comparison: 2 to 4 schools side by side, from ?scholen=a,b,c. Each school's data is a
// small JSON file of this site (vinder/school/<slug>.json); nothing is sent anywhere else.
import { schoolHref } from "./modules/address.js";
import { compared, finderHref, MAX_COMPARE } from "./modules/compare.js";
import { getJSON } from "./modules/data.js";
import { append, element, levelBadge, limitLine, nodes, pageTexts, specialLine, telLink } from "./modules/dom.js";
import { compliance, list, longDate } from "./modules/format.js";
import { plain } from "./modules/texts.js";

const root = document.getElementById("vergelijking");
if (root) start(root);

function start(root) {
  const labels = document.getElementById("vergelijk-labels").content;
  // the texts this script writes, in the page's language (modules/texts.js)
  const tx = pageTexts();
  const t = tx.t;
  const params = new URLSearchParams(location.search);
  const slugs = compared(params.get("scholen"));
  // The need chosen in the finder (it travels in the address): its row comes first.
  const needs = root.dataset.needs.split(",");
  const chosen = needs.includes(params.get("behoefte")) ? params.get("behoefte") : "";

  function label(kind, id) {
    const node = labels.querySelector("[data-" + kind + '="' + CSS.escape(id) + '"]');
    if (!node) return tx.dutch(id);
    // the label in the page's language (without a computer translation's mark); one the
    // language lacks is Dutch, marked so by the template
    const copy = node.cloneNode(true);
    for (const mark of copy.querySelectorAll(".sop-machine-mark")) mark.remove();
    const text = copy.textContent.trim();
    return copy.querySelector('[lang="nl"]') ? tx.dutch(text) : text;
  }

  function message(text) {
    return root.appendChild(element("p", "sop-compare-message", text));
  }

  function finderLink(text, picked) {
    const link = element("a", "", text);
    link.href = finderHref(root.dataset.root, picked, location.search);
    return link;
  }

  // A practical fact's value: as written in the Dutch data (ja, nee, 3 km), or in the data of
  // another language yes (true), no (false), not filled in (null) or a number with its unit.
  function factValue(value) {
    if (value === true) return t("vergelijk.js.ja", "ja");
    if (value === false) return t("vergelijk.js.nee", "nee");
    if (value === null) return t("vergelijk.js.niet-ingevuld", "niet ingevuld");
    return value;
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
    th.append(link, element("span", "sop-compare-where", t("school.soort-in", "{soort} in {plaats}", { soort: school.soort, plaats: school.plaats })));
    if (school.speciaal) th.append(specialLine(school.toelating, tx));
    if (school.verlopen) th.append(element("span", "sop-finder-expired sop-compare-expired", t("vergelijk.js.verlopen", "Profiel verlopen")));
    const drop = element("a", "sop-compare-drop", t("vergelijk.js.weg", "Haal weg"));
    drop.href = without(school.slug);
    drop.append(element("span", "sop-sr", ": " + school.naam));
    th.append(drop);
    return th;
  }

  function contact(td, school) {
    const c = school.contact;
    td.append(element("p", "", [c.naam + ", ", ...tx.dutch(c.rol.toLowerCase())]));
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
      if (!line) return td.append(element("p", "sop-compare-empty", t("school.niet-ingevuld", "Nog niet ingevuld")));
      td.append(levelBadge(levels.indexOf(line[0]), label("level", line[0])));
      if (line[1]) td.append(element("p", "", tx.dutch(line[1])));
      if (line[2]) td.append(limitLine(line[2], tx));
    });
  }

  function table(schools) {
    const levels = root.dataset.levels.split(",");
    const table = withRole(element("table", "sop-compare-table"), "table");
    table.append(element("caption", "", tx.tn("vergelijk.js.naast", "{n} school naast elkaar", "{n} scholen naast elkaar", schools.length)));
    const head = append(withRole(element("tr"), "row"), withRole(element("td", "sop-compare-corner"), "cell"));
    head.append(...schools.map(heading));
    table.append(append(withRole(element("thead"), "rowgroup"), head));
    const tbody = withRole(element("tbody"), "rowgroup");
    // What the parent looked for first, then whom to call, then the rest.
    if (chosen) {
      tbody.append(section(t("vergelijk.js.gezocht", "Wat u zocht"), schools.length));
      tbody.append(needRow(chosen, schools, levels));
    }
    const call = t("vergelijk.js.bellen", "Wie u belt");
    tbody.append(section(call, schools.length));
    tbody.append(row(call, schools, contact, "sop-compare-contact"));
    tbody.append(row(t("vergelijk.js.adres", "Adres"), schools, (td, school) => td.append(school.adres)));
    tbody.append(section(chosen ? t("vergelijk.js.andere", "De andere onderwerpen") : t("vergelijk.js.onderwerpen", "Wat de school biedt, per onderwerp"),
      schools.length));
    for (const need of needs) if (need !== chosen) tbody.append(needRow(need, schools, levels));
    tbody.append(section(t("school.praktisch", "Praktisch"), schools.length));
    (schools[0].praktisch || []).forEach(([fact], at) => {
      tbody.append(row(label("fact", fact), schools, (td, school) => td.append(...nodes(factValue(school.praktisch[at][1])))));
    });
    tbody.append(section(t("vergelijk.js.afspraken", "Afspraken"), schools.length));
    tbody.append(row(t("school.basisondersteuning", "Basisondersteuning"), schools,
      (td, school) => td.append(...nodes(typeof school.basis === "string" ? school.basis : compliance(school.basis, tx)))));
    tbody.append(row(t("vergelijk.js.geldig", "Profiel geldig tot"), schools, (td, school) => {
      const until = longDate(school.geldig_tot, tx);
      td.append(element("span", school.verlopen ? "sop-finder-expired" : "",
        school.verlopen ? t("vergelijk.js.geldig.verlopen", "{datum}: verlopen", { datum: until }) : until));
    }));
    table.append(tbody);
    return append(element("div", "sop-compare-wrap"), table);
  }

  if (slugs.length < 2) {
    const find = finderLink(t("vinder.kop", "Vind een school"), slugs);
    message(slugs.length
      ? t("vergelijk.js.een", "U heeft 1 school gekozen. Kies er nog een of meer in {vinder}.", { vinder: find })
      : t("vergelijk.js.geen", "U heeft nog geen scholen gekozen. Kies ze in {vinder}.", { vinder: find }));
    return;
  }
  message(t("vergelijk.js.laden", "De scholen worden geladen…"));
  const load = (slug) => getJSON(root.dataset.data, "school/" + slug + ".json").catch(() => null);
  Promise.all(slugs.map(load)).then((found) => {
    root.textContent = "";
    const missing = slugs.filter((slug, i) => !found[i]);
    const schools = found.filter(Boolean);
    if (missing.length) message(t("vergelijk.js.weg-van-site", "Deze school bestaat niet (meer) op deze site: {scholen}.", { scholen: list(missing, tx) }));
    const picked = schools.map((s) => s.slug);
    if (schools.length < 2) {
      const find = finderLink(t("vinder.kop", "Vind een school"), picked);
      message(t("vergelijk.js.te-weinig", "Er zijn te weinig scholen om te vergelijken. Kies ze in {vinder}.", { vinder: find }));
      return;
    }
    const names = list(schools.map((s) => s.naam), tx);
    document.title = plain(t("vergelijk.js.titel", "Vergelijk {scholen}", { scholen: names })) + " - " + document.title.split(" - ").pop();
    // The way back also above the table: on a phone the table is many screens long.
    const backText = t("vergelijk.js.terug", "Terug naar uw zoekresultaten");
    root.append(append(element("p", "sop-compare-more"), finderLink(backText, picked)));
    root.append(table(schools));
    const back = append(element("p", "sop-compare-more"), finderLink(backText, picked));
    if (schools.length < MAX_COMPARE) back.append(" · ", finderLink(t("vergelijk.js.toevoegen", "Voeg een school toe"), picked));
    root.append(back);
  });
}
