// The search page: Pagefind's index (every part merged, modules/pagefind.js) with a result list
// of our own, so that each result says what it is ("Workshop, geweest: ...") and workshops and
// events that are over come after every current page. Fills in ?q= from a search form.
import { append, element, pageTexts, say } from "./modules/dom.js";
import { load } from "./modules/pagefind.js";
import { currentFirst, excerptParts, kind, PAGE, PAST, resultsLine } from "./modules/search.js";

const form = document.getElementById("zoekformulier");
if (form) start(form);

function start(form) {
  const [box, count, list, more] = ["zoekvak", "zoek-aantal", "zoek-lijst", "zoek-meer"].map((id) => document.getElementById(id));
  // the texts this script writes, in the page's language (modules/texts.js)
  const tx = pageTexts();
  const index = load(new URL(form.dataset.pagefind, location.href));
  let current = { query: "", results: [], past: new Set(), shown: 0 };
  let timer = null;

  async function item(result, past) {
    const data = await result.data();
    const link = element("a", "", data.meta.title || data.url);
    link.href = data.url;
    const heading = append(element("h2", "sop-search-title"), element("span", "sop-search-kind", [...kind(data.meta, past, tx), ": "]), link);
    const excerpt = element("p", "sop-search-excerpt");
    for (const [text, marked] of excerptParts(data.excerpt)) excerpt.append(marked ? element("mark", "", text) : text);
    return append(element("li", past ? "sop-search-result sop-search-past" : "sop-search-result"), heading, excerpt);
  }

  async function show(next) {
    const mine = current;
    const batch = mine.results.slice(mine.shown, next);
    const items = await Promise.all(batch.map((result) => item(result, mine.past.has(result.id))));
    if (current !== mine) return; // another search began meanwhile
    list.append(...items);
    mine.shown = next;
    more.hidden = mine.shown >= mine.results.length;
  }

  async function search(query) {
    query = query.trim();
    if (query === current.query) return;
    const asked = { query, results: [], past: new Set(), shown: 0 };
    current = asked;
    list.textContent = "";
    more.hidden = true;
    history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname);
    if (!query) return (count.textContent = "");
    say(count, tx.t("zoeken.js.bezig", "Zoeken…"));
    try {
      const pagefind = await index;
      const [all, past] = await Promise.all([pagefind.search(query), pagefind.search(query, { filters: PAST })]);
      if (current !== asked) return; // another search began meanwhile
      asked.past = new Set(past.results.map((result) => result.id));
      asked.results = currentFirst(all.results, asked.past);
      await show(PAGE); // the first results are in the list before the count says so
      if (current === asked) say(count, resultsLine(asked.results.length, query, tx));
    } catch {
      if (current === asked) say(count, tx.t("zoeken.js.fout", "Zoeken lukt nu niet. Probeer het later opnieuw."));
    }
  }

  form.hidden = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    search(box.value);
  });
  box.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(box.value), 300);
  });
  more.querySelector("button").addEventListener("click", () => show(current.shown + PAGE));
  const query = new URLSearchParams(location.search).get("q");
  if (query) {
    box.value = query;
    search(query);
  }
}
