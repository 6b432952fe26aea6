// Building the finder's cards and the comparison's table.

/** A ``tag`` element with ``className`` and text ``content`` (both optional). */
export function element(tag, className, content) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content !== undefined && content !== null) node.textContent = content;
  return node;
}

/** ``parent`` with ``children`` (nodes or texts) added. */
export function append(parent, ...children) {
  parent.append(...children);
  return parent;
}

/** A level badge; its ``position`` in the levels picks the colour. */
export const levelBadge = (position, text) => element("span", "sop-level sop-level-" + position, text);

/** "Waar het stopt: ..." under what a school offers. */
export const limitLine = (text) =>
  append(element("p", "sop-finder-limit"), element("strong", "", "Waar het stopt: "), text);

/** A phone number as a link that calls it. */
export function telLink(number) {
  const link = element("a", "", number);
  link.href = "tel:" + number.replace(/\s/g, "");
  return link;
}

/** "Speciale school" and the SWV's sentence about the toelaatbaarheidsverklaring (TLV). */
export const specialLine = (admission) =>
  append(element("p", "sop-special"), element("span", "sop-special-label", "Speciale school"), admission ? " " + admission : "");
