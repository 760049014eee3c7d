"""The minutes as a standalone HTML document in the house style, for the screen and for print.

The parts are those of the DOCX (`house.py`): the title as <h1>, the attendance groups and the
items as <h2>, "Beslut" and "Åtgärder" as <h3>, tables with <th scope> for every heading cell.
The print stylesheet sets A4 pages with a running header — "Avsändare" over the writer, the
date, "sida 1 (4)" from CSS page counters — which is what `pdf.py` prints; on the screen that
header is a line above the title.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from kansli.minutes.model import Minutes
from kansli.minutes.render.house import (
    Bullet,
    Grid,
    GridKind,
    Heading,
    HouseDocument,
    Paragraph,
    Style,
    house_document,
)

STYLE = """
:root { color: #1a1a1a; }
body {
  font-family: "DejaVu Sans", Calibri, Arial, sans-serif;
  font-size: 10.5pt;
  line-height: 1.3;
  margin: 2rem auto;
  max-width: 44rem;
  padding: 0 1rem;
}
/* Printed, the layout is what a reader of the PDF goes by: a paragraph starts with an indent
   and without a gap; a gap comes before headings and labels, and before a paragraph only where
   the line above would otherwise read as going on in it. */
h1, h2, h3 { color: #2f5496; line-height: 1.2; break-after: avoid; }
h1 { font-size: 15pt; margin: 0 0 12pt; }
h2 { font-size: 12.5pt; margin: 18pt 0 3pt; }
h2.group { font-size: 11pt; margin: 14pt 0 3pt; }
h3 { color: inherit; font-size: 10.5pt; margin: 8pt 0 3pt; }
p { margin: 0 0 2pt; text-indent: 1em; }
p.gap { margin-top: 12pt; }
p.note { font-style: italic; }
p.closing { margin-top: 20pt; }
ul { margin: 0 0 3pt; padding-left: 2.2em; }
li { margin: 0 0 2pt; }
table { border-collapse: collapse; margin: 0 0 3pt; }
th, td { text-align: left; vertical-align: top; font-weight: normal; padding: 0 8pt 2pt 0; }
table.people th, table.events th { width: 5.5cm; }
table.fields th { width: 3cm; }
table.events th, table.actions td:nth-child(1), table.actions td:nth-child(4) {
  white-space: nowrap;
}
table.data, table.actions { width: 100%; margin-top: 3pt; }
table.data th, table.data td, table.actions th, table.actions td {
  border: 0.5pt solid #8c8c8c;
  padding: 2pt 5pt;
}
table.data thead th, table.actions thead th { background: #eef2f8; font-weight: bold; }
table.actions td:nth-child(1) { width: 2.5em; }
table.actions td:nth-child(3) { width: 25%; }
/* Printed, a table is kept on one page where it fits, and its heading row is not repeated:
   a reader of the PDF would take a table's parts on two pages, or a heading row again, for
   other tables or rows. */
table.data, table.actions { break-inside: avoid; }
tr { break-inside: avoid; }
nav.contents table { width: 100%; }
nav.contents td { padding: 0 0 1pt; }
nav.contents td.page { text-align: right; vertical-align: bottom; width: 3em; }
nav.contents a { color: inherit; text-decoration: none; }
.letterhead { display: flex; gap: 2rem; font-size: 9pt; color: #444; margin-bottom: 1.5rem; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  .letterhead { display: none; }
  thead { display: table-row-group; }
  /* The page beside the entry's last line. */
  nav.contents td.page a::after { content: target-counter(attr(href), page); }
}
"""

NBSP = "\u00a0"

_PAGE = """
@page {{
  size: A4;
  margin: 4.6cm 2.5cm 3.1cm 2.5cm;
  @top-left {{ content: {sender}; width: 45%; }}
  @top-center {{ content: {date}; width: 30%; text-align: left; }}
  @top-right {{ content: "\\A {page} " counter(page) " (" counter(pages) ")"; width: 25%;
    text-align: right; }}
}}
@page {{
  @top-left {{ {box} }}
  @top-center {{ {box} }}
  @top-right {{ {box} }}
}}
"""
# The page header's boxes: the body's font (margin boxes do not inherit it), at the foot of
# the top margin with room below.
_BOX = (
    'font-family: "DejaVu Sans", Calibri, Arial, sans-serif; font-size: 8.5pt; color: #333;'
    " white-space: pre; vertical-align: bottom; padding-bottom: 1.6cm;"
)


def to_html(minutes: Minutes) -> str:
    house = house_document(minutes)
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(house.language.split("-")[0])}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(house.title)}</title>",
    ]
    if house.author:
        head.append(f'<meta name="author" content="{escape(house.author)}">')
    head.append('<meta name="generator" content="Kansli">')
    head.append(f"<style>{STYLE}{_page_style(house)}</style>")
    body = ["</head>", "<body>", *_letterhead(house), "<main>", *_body(house), "</main>"]
    return "\n".join([*head, *body, "</body>", "</html>"]) + "\n"


def _css_string(text: str) -> str:
    """A CSS string literal; a newline is the CSS escape "\\A " (with `white-space: pre`)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ")
    return f'"{escaped}"'


def _page_style(house: HouseDocument) -> str:
    # Without a writer the label keeps its line of its own (a no-break space holds the one
    # under it), as the Word header's table does.
    return _PAGE.format(
        sender=_css_string(f"{house.labels.sender}\n{house.sender or NBSP}"),
        date=_css_string(f"\n{house.date or ''}"),
        page=house.labels.page,
        box=_BOX,
    )


def _letterhead(house: HouseDocument) -> list[str]:
    """The page header on the screen (in print the page margins carry it)."""
    cells = [f"<span>{escape(house.labels.sender)}: {escape(house.sender or '–')}</span>"]
    if house.date:
        cells.append(f"<span>{escape(house.date)}</span>")
    return [f'<header class="letterhead">{"".join(cells)}</header>']


def _contents(house: HouseDocument) -> str:
    """The items with their pages, in minutes whose items have no numbers: in a PDF (which has
    no headings for its reader) this list is what tells such an item's heading from a line of
    text. Numbered items are told by their numbers."""
    rows = "".join(
        f'<tr><td><a href="#{escape(p.anchor)}">{escape(p.text)}</a></td>'
        f'<td class="page"><a href="#{escape(p.anchor)}" aria-hidden="true"></a></td></tr>'
        for p in house.parts
        if isinstance(p, Heading) and p.anchor
    )
    return (
        '<nav class="contents" aria-labelledby="contents">'
        f'<h2 id="contents">{escape(house.labels.contents)}</h2>'
        f'<table role="presentation">{rows}</table></nav>'
    )


def _body(house: HouseDocument) -> Iterator[str]:
    bullets: list[str] = []
    contents = house.unnumbered_items
    for part in house.parts:
        if isinstance(part, Bullet):
            bullets.append(f"<li>{escape(part.text)}</li>")
            continue
        if bullets:
            yield "<ul>" + "".join(bullets) + "</ul>"
            bullets = []
        if contents and isinstance(part, Heading) and part.anchor:
            yield _contents(house)  # before the first item
            contents = False
        if isinstance(part, Heading):
            yield _heading(part)
        elif isinstance(part, Paragraph):
            yield _paragraph(part)
        elif isinstance(part, Grid):
            yield _table(part)
    if bullets:
        yield "<ul>" + "".join(bullets) + "</ul>"


def _heading(part: Heading) -> str:
    # The attendance groups are a level below the title, like the items (Word's house style
    # writes them as Heading 3; an outline should not skip a level).
    if part.level == 3:
        return f'<h2 class="group">{escape(part.text)}</h2>'
    anchor = f' id="{escape(part.anchor)}"' if part.anchor else ""
    return f"<h{part.level}{anchor}>{escape(part.text)}</h{part.level}>"


def _paragraph(part: Paragraph) -> str:
    text = escape(part.text)
    if part.style == Style.LABEL:
        return f"<h3>{text}</h3>"
    if part.style == Style.NOTE:
        return f'<p class="note">{text}</p>'
    if part.style == Style.CLOSING:
        return f'<p class="closing">{text}</p>'
    if part.gap:
        return f'<p class="gap">{text}</p>'
    return f"<p>{text}</p>" if text else ""


def _table(grid: Grid) -> str:
    rows = [_held(row) for row in grid.rows] if grid.kind == GridKind.DATA else list(grid.rows)
    lines = [f'<table class="{grid.kind.value}">']
    if grid.has_heading_row:
        cells = "".join(f'<th scope="col">{escape(c)}</th>' for c in rows.pop(0))
        lines.append(f"<thead><tr>{cells}</tr></thead>")
    lines.append("<tbody>")
    for row in rows:
        if grid.kind in (GridKind.FIELDS, GridKind.PEOPLE, GridKind.EVENTS):
            first, *rest = row
            cells = f'<th scope="row">{escape(first)}</th>'
            cells += "".join(f"<td>{escape(c)}</td>" for c in rest)
        else:
            cells = "".join(f"<td>{escape(c)}</td>" for c in row)
        lines.append(f"<tr>{cells}</tr>")
    lines.append("</tbody></table>")
    return "".join(lines)


def _held(row: tuple[str, ...]) -> tuple[str, ...]:
    """A row whose first cell is empty, or with one cell filled, has "-" in its empty cells:
    printed, a line with text in one column only reads as the wrapped cells of the row above."""
    if row and row[0].strip() and sum(1 for cell in row if cell.strip()) >= 2:
        return row
    return tuple(cell if cell.strip() else "-" for cell in row)
