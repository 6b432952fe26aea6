// The finder's result list (loaded on first use): the data, the search and the school cards.
import { schoolHref } from "./address.js";
import { cached, getJSON } from "./data.js";
import { append, element, levelBadge, limitLine, nodes, say, specialLine, telLink } from "./dom.js";
import * as finder from "./finder.js";
import { compliance, km } from "./format.js";
import { postcodeWrong, readPostcode } from "./geo.js";
import * as pagefind from "./pagefind.js";

const byIndex = (data) => Object.fromEntries(data.scholen.map((row) => [row[0], row.slice(1)]));

/** The list of ``page`` (vinder.js: elements, ``view`` state, ``remember``, ``toggle``, ...). */
export function results(page) {
  const { form, view, tx } = page;
  const base = form.dataset.data;
  const index = cached(() => getJSON(base, "scholen.json").then(finder.decodeIndex));
  const need = cached((id) => getJSON(base, "behoefte-" + id + ".json").then(byIndex));
  const postcodes = cached(() => getJSON(base, "postcodes.json"));
  const searchIndex = cached(() => pagefind.load(new URL(form.dataset.pagefind, location.href)));

  const state = () =>
    finder.search(index.value(), {
      q: page.text.value,
      met: page.facts.filter((box) => box.checked).map((box) => box.value),
      ...Object.fromEntries(page.selects.map((select) => [select.name, select.value])),
    });

  function card(school, s, data) {
    // The school's page opened at the first chosen need, with this search to lead back to.
    const link = element("a", "", school.naam);
    link.href = schoolHref(page.root, school.slug, location.search.slice(1), s.needs[0]);
    const item = append(element("li", "sop-card"), append(element("h2", "sop-finder-name"), link));
    const where = [finder.label(data.soorten.map(([id, label]) => ({ id, label })), school.soort), " · " + school.adres];
    if (view.origin && school.punt) {
      where.push(" · ", ...tx.t("vinder.js.afstand", "{km} van {waar}", { km: km(school.afstand, tx), waar: view.origin.label }));
    }
    const whereLine = element("p", "sop-finder-where", where);
    if (school.telefoon) whereLine.append(" · ", telLink(school.telefoon));
    item.append(whereLine);
    if (school.speciaal) item.append(specialLine(school.toelating, tx));
    if (school.verlopen) {
      item.append(element("p", "sop-finder-expired", tx.t("kaart.verlopen", "Let op: dit profiel is verlopen. Vraag de school wat nu geldt.")));
    }
    if (s.needs.length) {
      for (const id of s.needs) {
        const line = (need.value(id) || {})[school.i];
        const level = finder.levelOf(data, school, id);
        const named = s.needs.length > 1 ? [finder.label(data.behoeften, id), ": "] : [];
        item.append(append(element("p", "sop-finder-level"), levelBadge(data.niveaus.indexOf(level), level.label),
          " ", ...nodes(named), ...nodes(tx.dutch(line ? line[1] : ""))));
        if (line && line[2]) item.append(limitLine(line[2], tx));
      }
    } else if (school.sterk.length) {
      const strong = school.sterk.map((id) => finder.label(data.behoeften, id));
      item.append(append(element("p", "sop-finder-strong"), element("span", "", [...tx.t("kaart.sterk", "Sterk in:"), " "]),
        ...nodes(strong.flatMap((label, at) => (at ? [", ", label] : [label])))));
    }
    item.append(element("p", "sop-finder-compliance", compliance(school.basis, tx)));
    const box = element("input");
    box.type = "checkbox";
    box.id = "vergelijk-" + school.slug;
    box.value = school.slug;
    box.checked = view.chosen.includes(school.slug);
    box.addEventListener("change", () => page.toggle(school.slug, box.checked));
    const boxLabel = append(element("label", "", tx.t("vinder.js.vergelijk", "Vergelijk")), element("span", "sop-sr", " " + school.naam));
    boxLabel.htmlFor = box.id;
    item.append(append(element("p", "sop-finder-pick"), box, boxLabel));
    return item;
  }

  function render() {
    const data = index.value();
    const s = state();
    const explained = finder.explanation(data, s, tx);
    page.note.hidden = !explained.length;
    say(page.note, explained);
    page.remember();
    if (!finder.active(s, view.origin) && !page.direct) return page.prompt();
    const point = view.origin && [view.origin.lat, view.origin.lon];
    const rows = finder.select(data, s, view.hits, point);
    page.list.textContent = "";
    page.list.append(...rows.slice(0, view.shown).map((school) => card(school, s, data)));
    page.more.hidden = rows.length <= view.shown;
    const needs = s.needs.map((id) => finder.label(data.behoeften, id));
    const special = finder.asksForSpecial(data, s) ? 0 : rows.filter((school) => school.speciaal).length;
    say(page.count, finder.countLine(rows.length, needs, Boolean(view.origin), special, tx));
  }

  function update() {
    view.shown = finder.PAGE;
    index()
      .then(() => Promise.all(state().needs.map(need)))
      .then(render)
      .catch(page.failed);
  }

  function setOrigin(value, message = "") {
    view.origin = value;
    say(page.place, value ? tx.t("vinder.js.volgorde", "Scholen op volgorde van afstand tot {waar}.", { waar: value.label }) : message);
    update();
  }

  // The postcode as typed: nothing or the first digits clear an old message; a wrong one or
  // one far away says so (and drops the old postcode's order).
  function fromPostcode() {
    const typed = page.postcode.value;
    const { state, digits } = readPostcode(typed);
    const wrong = (text) => {
      say(page.place, text);
      page.postcode.setAttribute("aria-invalid", "true");
      if (view.origin && view.origin.postcode) setOrigin(null, text);
    };
    page.postcode.removeAttribute("aria-invalid");
    if (state === "fout") return wrong(postcodeWrong(tx));
    if (state !== "compleet") {
      if (view.origin && view.origin.postcode) setOrigin(null);
      else if (!view.origin) say(page.place, "");
      return;
    }
    postcodes()
      .then((table) => {
        if (page.postcode.value !== typed) return; // typed on meanwhile
        const point = table[digits];
        const label = tx.t("vinder.js.postcode", "postcode {cijfers}", { cijfers: digits });
        if (point) return setOrigin({ lat: point[0], lon: point[1], label, postcode: digits });
        wrong(tx.t("vinder.js.postcode.ver", "De postcode {cijfers} ligt niet in of bij dit samenwerkingsverband. Controleer de cijfers.",
          { cijfers: digits }));
      })
      .catch(() => {
        say(page.place, tx.t("vinder.js.postcodes.fout", "De postcodes konden niet worden geladen."));
      });
  }

  // Words that name no need or fact: the school pages the search index finds for them.
  async function searchWords() {
    try {
      await index();
      const query = state().rest.join(" ");
      if (query === view.query) return;
      view.query = query;
      view.hits = null;
      if (!query) return update();
      const found = await (await searchIndex()).search(query);
      if (query !== view.query) return;
      const pages = await Promise.all(found.results.slice(0, 200).map((result) => result.data()));
      if (query !== view.query) return;
      view.hits = finder.schoolPaths(pages.map((p) => p.url), location.href);
      update();
    } catch {
      view.hits = null; // the list still filters on names, places and choices
    }
  }

  function more() {
    view.shown += finder.PAGE;
    render();
  }

  return { update, setOrigin, fromPostcode, searchWords, more };
}
