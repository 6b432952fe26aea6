// A school page opened from the finder or a comparison carries their choices in its address
// (?behoefte=gedrag&postcode=1966, ?scholen=a,b&behoefte=gedrag): the chosen need's declaration
// is marked, and a link leads back to the same results. Without JavaScript the address's
// #behoefte-<need> still opens the page at that declaration (marked by the stylesheet).
import { backLink, chosenNeed } from "./modules/address.js";
import { append, element, pageTexts } from "./modules/dom.js";

// the texts this script writes, in the page's language (modules/texts.js)
const tx = pageTexts();
const back = backLink(location.search, tx);
const need = chosenNeed(location.search);
const section = need ? document.getElementById("behoefte-" + need) : null;

function backTo(where, className) {
  const link = element("a", "", where.text);
  link.href = where.href;
  return append(element("p", className), link);
}

if (back) document.querySelector(".sop-intro")?.prepend(backTo(back, "sop-back"));
if (section) {
  section.classList.add("sop-need-chosen");
  const note = element("p", "sop-need-chosen-note", tx.t("school.js.gezocht", "U zocht op dit onderwerp."));
  if (back) note.append(" ", backTo(back, "sop-back-inline").firstChild);
  section.querySelector("h3").after(note);
  if (!location.hash) section.scrollIntoView();
}
