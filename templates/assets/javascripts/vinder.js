// The school finder. Without JavaScript the page shows the lists per need and per gemeente;
// this script adds the form: filters on what each school declared, "near me", and choosing
// schools to compare. Distances are computed in the browser: the visitor's postcode or location
// is never sent. This module holds the form, the address and the choice to compare; the list
// (modules/results.js: the data, the search index and the cards) loads when first used.
import { readFinder, SELECTS, writeFinder } from "./modules/address.js";
import { choiceLine, choose, compareHref, full } from "./modules/compare.js";
import { pageTexts, say } from "./modules/dom.js";

const form = document.getElementById("vinder");
if (form && document.getElementById("vinder-lijst")) start(form);

function start(form) {
  const [list, count, note, more, bar, locate, place, summary] = ["lijst", "aantal", "uitleg", "meer", "vergelijk", "locatie", "plaats", "samenvatting"]
    .map((id) => document.getElementById("vinder-" + id));
  const { q: text, postcode } = form.elements;
  const selects = SELECTS.map((name) => form.elements[name]);
  const facts = [...form.querySelectorAll("input[name=met]")];
  const checked = () => facts.filter((box) => box.checked).map((box) => box.value);
  const root = form.dataset.root;
  // the texts this script writes, in the page's language (modules/texts.js)
  const tx = pageTexts();
  const PROMPT = tx.t("vinder.js.vraag", "Kies wat uw kind nodig heeft, of zoek scholen bij u in de buurt.");
  // Beyond the form: where "near me" measures from ({lat, lon, label, postcode?}), the schools
  // to compare, and (modules/results.js) the cards shown and the search index's hits for the words.
  const view = { origin: null, chosen: [], shown: 0, hits: null, query: "" };

  function remember() {
    const search = writeFinder({
      q: text.value,
      ...Object.fromEntries(selects.map((select) => [select.name, select.value])),
      met: checked(),
      postcode: view.origin && view.origin.postcode,
      vergelijk: view.chosen,
    });
    history.replaceState(null, "", search ? "?" + search : location.pathname);
  }

  function prompt() {
    list.textContent = "";
    more.hidden = true;
    say(count, PROMPT);
  }

  function failed() {
    say(count, tx.t("vinder.js.fout", "De gegevens konden niet worden geladen. Gebruik de lijsten hieronder."));
  }

  function showBar() {
    const go = bar.querySelector("a");
    bar.hidden = view.chosen.length === 0;
    say(bar.querySelector("p"), choiceLine(view.chosen.length, tx));
    go.hidden = view.chosen.length < 2;
    go.href = compareHref(root, view.chosen, location.search);
  }

  // After a search the form folds to one line on a phone ("Gedrag · 1966 · wijzigen"), so the
  // first school shows in the first screen; "wijzigen" opens it again. (On a wide screen the
  // stylesheet keeps the form open and the line hidden.)
  function choices() {
    const shown = [];
    for (const select of selects) if (select.value) shown.push(select.selectedOptions[0].textContent.trim());
    if (postcode && postcode.value.trim()) shown.push(postcode.value.trim());
    if (text.value.trim()) shown.push("“" + text.value.trim() + "”");
    for (const box of facts) if (box.checked) shown.push(box.parentElement.textContent.trim());
    return shown;
  }

  function fold() {
    const shown = choices();
    if (!shown.length || !summary) return false;
    summary.querySelector("span").textContent = shown.join(" · ");
    summary.hidden = false;
    form.classList.add("sop-finder-folded");
    return true;
  }

  function unfold() {
    if (!summary) return;
    summary.hidden = true;
    form.classList.remove("sop-finder-folded");
  }

  function toggle(slug, on) {
    const next = choose(view.chosen, slug, on);
    if (next.refused) {
      document.getElementById("vergelijk-" + slug).checked = false;
      say(bar.querySelector("p"), full(tx));
      return;
    }
    view.chosen = next.chosen;
    showBar();
    remember();
  }

  const page = { form, list, count, note, more, place, text, postcode, selects, facts, root, view, remember, prompt, toggle,
    failed, tx, direct: form.dataset.direct === "1" };
  // The list's module, loaded once (tried again after a failure, which is said like missing data).
  let loaded = null;
  function withResults(act) {
    loaded ??= import("./modules/results.js").then((module) => module.results(page));
    loaded.then(act, () => {
      loaded = null;
      failed();
    });
  }
  const use = (action) => () => withResults((r) => r[action]());

  function fromLocation() {
    if (!navigator.geolocation) {
      say(place, tx.t("vinder.js.locatie.geen", "Uw browser kan uw locatie niet geven. Vul uw postcode in."));
      return;
    }
    say(place, tx.t("vinder.js.locatie.vraag", "Uw locatie wordt opgevraagd. Uw browser vraagt of dat mag."));
    navigator.geolocation.getCurrentPosition(
      (position) => {
        if (postcode) postcode.value = "";
        const origin = { lat: position.coords.latitude, lon: position.coords.longitude, label: tx.t("vinder.js.locatie", "uw locatie") };
        withResults((r) => r.setOrigin(origin));
      },
      () => {
        say(place, tx.t("vinder.js.locatie.fout", "Uw locatie is niet beschikbaar. Vul uw postcode in."));
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
    );
  }

  function fromAddress() {
    const saved = readFinder(location.search);
    text.value = saved.q;
    for (const select of selects) {
      const value = saved[select.name];
      if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) select.value = value;
    }
    for (const box of facts) box.checked = saved.met.includes(box.value);
    if (saved.open) document.getElementById("vinder-meer-filters").open = true;
    view.chosen = saved.vergelijk;
    if (postcode && saved.postcode) {
      postcode.value = saved.postcode;
      use("fromPostcode")();
    }
    showBar();
  }

  let timer = null;
  form.hidden = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    withResults((r) => (r.searchWords(), r.update()));
    if (fold()) count.focus(); // the results, now in view
  });
  if (summary) {
    summary.querySelector("button").addEventListener("click", () => {
      unfold();
      selects[0].focus();
    });
  }
  form.addEventListener("reset", () => {
    unfold();
    setTimeout(() => {
      view.query = "";
      view.hits = null;
      view.origin = null;
      place.textContent = "";
      use("update")();
    });
  });
  for (const control of [...selects, ...facts]) control.addEventListener("change", use("update"));
  text.addEventListener("input", () => {
    use("update")();
    clearTimeout(timer);
    timer = setTimeout(use("searchWords"), 250);
  });
  if (postcode) postcode.addEventListener("input", use("fromPostcode"));
  if (locate) {
    locate.hidden = false;
    locate.addEventListener("click", fromLocation);
  }
  more.querySelector("button").addEventListener("click", use("more"));
  bar.querySelector("button").addEventListener("click", () => {
    view.chosen = [];
    for (const box of list.querySelectorAll(".sop-finder-pick input")) box.checked = false;
    showBar();
    remember();
  });
  fromAddress();
  // Arriving with a search (from the home page, a shared link, back from a school): its results
  // at once, the form folded to one line.
  fold();
  // A small SWV's list shows at once; else when the address asks for one.
  if (page.direct || text.value || checked().length || selects.some((select) => select.value)) {
    withResults((r) => (r.update(), r.searchWords()));
  } else {
    say(count, PROMPT);
  }
}
