"""Tables of the internal site that reflow on a phone instead of scrolling sideways.

On a narrow screen ``intern.css`` shows every row of a table as a block of its own: the row's
heading on top, then each cell on a line of its own, preceded by the heading of its column.
That heading comes from the cell's ``data-label``, which ``label_cells`` adds to every data cell
from the table's ``<thead>``: the templates write plain tables, and no template has to repeat
its column headings. On a wide screen and on paper the tables are ordinary tables.

The HTML is our own (Jinja with autoescape): a '<' in a text is always '&lt;', so the tags found
here are tags. The headings' text is already escaped for HTML, so it can stand in an attribute.
"""

from __future__ import annotations

import re

_TABLE = re.compile(r"<table\b.*?</table>", re.S)
_HEAD = re.compile(r"<thead\b.*?</thead>", re.S)
_BODY = re.compile(r"<tbody\b.*?</tbody>", re.S)
_ROW = re.compile(r"<tr\b.*?</tr>", re.S)
_HEADING = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_CELL = re.compile(r"<(td|th)\b([^>]*)>")
_SPAN = re.compile(r'\bcolspan="(\d+)"')
_TAG = re.compile(r"<[^>]+>")


def _headings(head: str) -> list[str]:
    """The text of each column's heading (tags removed, spaces folded)."""
    return [" ".join(_TAG.sub(" ", h).split()) for h in _HEADING.findall(head)]


def _label_row(row: str, headings: list[str]) -> str:
    """``row`` with ``data-label`` on each of its data cells (a row heading keeps none)."""
    column = 0

    def label(cell: re.Match[str]) -> str:
        nonlocal column
        tag, attributes = cell.group(1), cell.group(2)
        span = _SPAN.search(attributes)
        index, column = column, column + (int(span.group(1)) if span else 1)
        if tag == "th" or index >= len(headings) or "data-label" in attributes:
            return cell.group(0)
        return f'<{tag} data-label="{headings[index]}"{attributes}>'

    return _CELL.sub(label, row)


def _label_table(table: re.Match[str]) -> str:
    text = table.group(0)
    head = _HEAD.search(text)
    if head is None:
        return text
    headings = _headings(head.group(0))
    return _BODY.sub(
        lambda body: _ROW.sub(lambda row: _label_row(row.group(0), headings), body.group(0)),
        text,
    )


def label_cells(html: str) -> str:
    """``html`` with every data cell of a table that has a ``<thead>`` labelled with its
    column's heading (``data-label``), for the stacked tables of ``intern.css``."""
    return _TABLE.sub(_label_table, html)
