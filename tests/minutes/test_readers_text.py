"""Text readers: what Markdown, HTML, Org, reST, Typst, LaTeX and plain text turn into."""

from __future__ import annotations

from kansli.minutes.blocks import Block, BlockKind, Document
from kansli.minutes.readers import merge_continued, read_text


def kinds(document: Document) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in document.blocks if b.kind is not BlockKind.BLANK]


def only(document: Document, kind: BlockKind) -> list[Block]:
    return [b for b in document.blocks if b.kind is kind]


# -- Markdown ---------------------------------------------------------------------------------


def test_it_strips_markdown_inline_markup() -> None:
    document = read_text(
        "# Möte\n\n**Beslut:** \\[vis.gl\\] se [protokollet](https://x.se/p.pdf) och "
        "<https://example.org> &quot;nu&quot; `kod` _kursiv_\n",
        fmt="markdown",
    )
    assert kinds(document) == [
        ("heading", "Möte"),
        ("paragraph", 'Beslut: [vis.gl] se protokollet och https://example.org "nu" kod kursiv'),
    ]


def test_it_reads_markdown_headings_lists_and_tables() -> None:
    document = read_text(
        "Rubrik\n======\n\n## 1. Öppnande\n\n- ett\n  - två\n    - tre\n  - fyra\n1. första\n"
        "2) andra\n\n| Namn | Roll |\n|------|------|\n| **Anna** | ordf |\n",
        fmt="markdown",
    )
    headings = [(b.level, b.text) for b in only(document, BlockKind.HEADING)]
    assert headings == [(1, "Rubrik"), (2, "1. Öppnande")]
    bullets = [(b.level, b.marker, b.text) for b in only(document, BlockKind.BULLET)]
    assert bullets == [
        (0, "-", "ett"),
        (1, "-", "två"),
        (2, "-", "tre"),
        (1, "-", "fyra"),
        (0, "1.", "första"),
        (0, "2)", "andra"),
    ]
    assert [b.cells for b in only(document, BlockKind.ROW)] == [("Namn", "Roll"), ("Anna", "ordf")]


def test_it_nests_tab_indented_lists() -> None:
    document = read_text("- a\n\t- b\n\t\t- c\n\t- d\n", fmt="markdown")
    assert [b.level for b in only(document, BlockKind.BULLET)] == [0, 1, 2, 1]


def test_it_reads_front_matter_as_metadata_and_page_comments_as_pages() -> None:
    document = read_text(
        "---\ndatum: 2024-03-12\norgan: ks-au\n---\n\n"
        "<!-- sida 1 -->\n\nFörsta\n\n<!-- page 2 -->\nAndra\n",
        fmt="markdown",
    )
    assert document.metadata == (("datum", "2024-03-12"), ("organ", "ks-au"))
    assert [
        (b.kind.value, b.source.page) for b in document.blocks if b.kind is not BlockKind.BLANK
    ] == [("page", 1), ("paragraph", 1), ("page", 2), ("paragraph", 2)]
    assert document.blocks[1].source.line_start == 8  # physical line numbers of the file


def test_it_reads_html_inside_markdown() -> None:
    document = read_text(
        "<h1>Årsmöte</h1>\n<strong>§1 Mötet öppnas</strong>\n"
        "<strong>Datum:</strong> 2016-07-12<br>kl 18\n"
        "<ul>\n <li>Karin, ordförande</li>\n</ul>\n",
        fmt="markdown",
    )
    assert [(b.kind.value, b.text, b.emphasis) for b in document.blocks] == [
        ("heading", "Årsmöte", False),
        ("paragraph", "§1 Mötet öppnas", True),
        ("paragraph", "Datum: 2016-07-12", False),
        ("paragraph", "kl 18", False),
        ("bullet", "Karin, ordförande", False),
    ]


def test_it_marks_whole_line_bold_as_emphasis() -> None:
    document = read_text("**Beslut**\n\n**a** och **b**\n", fmt="markdown")
    assert [(b.text, b.emphasis) for b in only(document, BlockKind.PARAGRAPH)] == [
        ("Beslut", True),
        ("a och b", False),
    ]


def test_it_marks_running_headers_of_converted_pages() -> None:
    page = (
        "KOMMUN   PROTOKOLL   {n} (3)\nKommunstyrelsen\n\n§ {n} Ärende {n}\n\nText om ärende {n}.\n"
    )
    text = "".join(f"<!-- sida {n} -->\n" + page.format(n=n) for n in (1, 2, 3))
    document = read_text(text, fmt="markdown")
    assert [b.text for b in document.blocks if b.furniture] == [
        "KOMMUN | PROTOKOLL | 2 (3)",
        "Kommunstyrelsen",
        "KOMMUN | PROTOKOLL | 3 (3)",
        "Kommunstyrelsen",
    ]


# -- plain text -------------------------------------------------------------------------------


def test_it_keeps_empty_cells_of_tab_tables() -> None:
    document = read_text("Kommun\tBeslut KS\tInfo\nBotkyrka\tx\t\nHaninge\t\tx\n", fmt="text")
    assert [b.cells for b in only(document, BlockKind.ROW)] == [
        ("Kommun", "Beslut KS", "Info"),
        ("Botkyrka", "x", ""),
        ("Haninge", "", "x"),
    ]
    assert len({b.table for b in only(document, BlockKind.ROW)}) == 1


def test_it_reads_the_pdf_exported_pseudo_table() -> None:
    document = read_text(
        "- | | |\n|---|---|\n| • 22 februari | Slutkonferens |\n| \uf0b7 Höst | Dag |\n"
    )
    assert [b.cells for b in only(document, BlockKind.ROW)] == [
        ("22 februari", "Slutkonferens"),
        ("Höst", "Dag"),
    ]


def test_it_reads_tables_drawn_with_inner_pipes_and_wrapped_cells() -> None:
    document = read_text(
        "Vad                          | Vem   | När\n"
        "-----------------------------+-------+-----------\n"
        "Sammanställa avtalstider för | Lena  | 2025-09-26\n"
        "trygghetslarm                |       |\n"
        "Boka lokal                   | Ida   | 17/10\n",
        fmt="text",
    )
    assert [b.cells for b in only(document, BlockKind.ROW)] == [
        ("Vad", "Vem", "När"),
        ("Sammanställa avtalstider för trygghetslarm", "Lena", "2025-09-26"),
        ("Boka lokal", "Ida", "17/10"),
    ]
    assert len({b.table for b in only(document, BlockKind.ROW)}) == 1


def test_it_keeps_a_heading_row_and_its_rule_in_the_table_and_wraps_the_first_column() -> None:
    document = read_text(
        "     Action                                 Owner     Due\n"
        "     -----------------------------------------------------\n"
        "     Report lighting recommendation to      Ian       1 Jul 2025\n"
        "     Council\n"
        "     Notify applicants                      Ian       17 June\n",
        fmt="text",
    )
    assert [b.cells for b in only(document, BlockKind.ROW)] == [
        ("Action", "Owner", "Due"),
        ("Report lighting recommendation to Council", "Ian", "1 Jul 2025"),
        ("Notify applicants", "Ian", "17 June"),
    ]


def test_it_reads_lines_under_a_label_column_as_more_rows_or_as_a_wrap() -> None:
    document = read_text(
        "Members present:    Cllr Rosalind Hart (Chair)\n"
        "                    Graham Pike\n"
        "Present:    Denise Okafor (Chair), Martin Kowalczyk (Treasurer), Jane Whitfield\n"
        "            (Secretary), Luis Ortega, Harriet Boone\n",
        fmt="text",
    )
    assert [b.cells for b in only(document, BlockKind.ROW)] == [
        ("Members present:", "Cllr Rosalind Hart (Chair)"),
        ("", "Graham Pike"),
        (
            "Present:",
            "Denise Okafor (Chair), Martin Kowalczyk (Treasurer), Jane Whitfield (Secretary), "
            "Luis Ortega, Harriet Boone",
        ),
    ]


def test_it_reads_an_item_number_set_apart_as_text_not_a_table() -> None:
    document = read_text("1.   APOLOGIES\n     Apologies were received.\n", fmt="text")
    assert kinds(document)[0] == ("paragraph", "1. APOLOGIES")


def test_it_keeps_numbered_agenda_lines_as_text_in_plain_text() -> None:
    document = read_text("1. Incheckning\n\n- Beslut ett\n", fmt="text")
    assert kinds(document) == [("paragraph", "1. Incheckning"), ("bullet", "Beslut ett")]


def test_it_marks_soft_wraps_of_hard_wrapped_text() -> None:
    lines = [
        "Kommunstyrelsens arbetsutskott får information om hur arbetet i Kungsbacka Live",
        "fortlöper. Informationen berör hur det har gått för de event som har varit i rummet",
        "under 2023, vilket genomslag arbetet har fått i media samt hur eventen som har ägt",
        "rum har mottagits av allmänheten.",
        "Kort rad.",
        "Ny rad som inte fortsätter något alls.",
    ]
    document = read_text("\n".join(lines), fmt="text")
    assert [b.continued for b in document.blocks] == [False, True, True, True, False, False]
    merged = merge_continued(document.blocks)
    assert merged[0].text.startswith("Kommunstyrelsens") and merged[0].text.endswith("allmänheten.")
    assert (merged[0].source.line_start, merged[0].source.line_end) == (1, 4)


def test_it_starts_a_page_at_a_form_feed() -> None:
    document = read_text("Sida ett\n\fSida två\n", fmt="text")
    assert [(b.kind.value, b.source.page) for b in document.blocks] == [
        ("page", 1),
        ("paragraph", 1),
        ("page", 2),
        ("paragraph", 2),
    ]


# -- HTML -------------------------------------------------------------------------------------


def test_it_reads_html() -> None:
    document = read_text(
        "<!DOCTYPE html><html><head><title>Protokoll</title></head><body>"
        "<!-- sida 1 --><h2>§ 1 Öppnande</h2><p><b>Beslut</b></p><p>Ett<br>Två</p>"
        "<ol><li>Första<ul><li>Under</li></ul></li></ol>"
        "<table><tr><th>Namn</th><th colspan=2>Roll</th></tr>"
        "<tr><td>Anna</td><td>a</td><td>b</td></tr></table>"
        "</body></html>"
    )
    assert document.format == "html"
    assert document.metadata == (("title", "Protokoll"),)
    assert [
        (b.kind.value, b.text, b.level, b.emphasis)
        for b in document.blocks
        if b.kind is not BlockKind.ROW
    ] == [
        ("page", "", 0, False),
        ("heading", "§ 1 Öppnande", 2, False),
        ("paragraph", "Beslut", 0, True),
        ("paragraph", "Ett", 0, False),
        ("paragraph", "Två", 0, False),
        ("bullet", "Första", 0, False),
        ("bullet", "Under", 1, False),
    ]
    assert [b.cells for b in only(document, BlockKind.ROW)] == [
        ("Namn", "Roll", ""),
        ("Anna", "a", "b"),
    ]


# -- Org, reST, Typst, LaTeX ------------------------------------------------------------------


def test_it_reads_org() -> None:
    document = read_text(
        "#+TITLE: IX Årsmöte\n#+DATE: 2020-03-23\n#+OPTIONS: toc:nil\n\n* Öppnande\n** Val\n"
        " - Erik [[https://x.se][länk]]\n"
        "| Inkomster | 10 |\n|-----+----|\n| Utgifter | 5 |\n\\clearpage\n",
        fmt="auto",
    )
    assert document.format == "org"
    assert document.metadata == (("title", "IX Årsmöte"), ("date", "2020-03-23"))
    assert kinds(document) == [
        ("heading", "Öppnande"),
        ("heading", "Val"),
        ("bullet", "Erik länk"),
        ("row", "Inkomster | 10"),
        ("row", "Utgifter | 5"),
    ]
    assert [b.level for b in only(document, BlockKind.HEADING)] == [1, 2]


def test_it_reads_org_tasks_as_points_with_their_deadline() -> None:
    document = read_text(
        "* § 5 Remiss\n*** TODO Elsy sammankallar arbetsgruppen\n    DEADLINE: <2025-09-05 fre>\n"
        "*** DONE Boka lokal\n",
        fmt="org",
    )
    blocks = merge_continued(document.blocks)
    assert [(b.kind.value, b.text) for b in blocks if b.kind is not BlockKind.BLANK] == [
        ("heading", "§ 5 Remiss"),
        ("bullet", "Elsy sammankallar arbetsgruppen (deadline 2025-09-05)"),
        ("bullet", "[x] Boka lokal"),
    ]


def test_it_reads_rst() -> None:
    document = read_text(
        "Protokoll\n=========\n\n1   Närvaro\n-----------\n\n"
        "Se `Python.org Redesign <#python-org-redesign>`_ "
        "och **fet**.\n\n- punkt\n\n.. note::\n   dold\n",
        fmt="auto",
    )
    assert document.format == "rst"
    assert [(b.level, b.text) for b in only(document, BlockKind.HEADING)] == [
        (1, "Protokoll"),
        (2, "1 Närvaro"),
    ]
    assert "Se Python.org Redesign och fet." in [b.text for b in document.blocks]
    assert "dold" not in [b.text for b in document.blocks]


def test_it_reads_typst_lightly() -> None:
    document = read_text(
        '#import "mall.typ": attSatser\n#let time = "17:23"\n'
        "#show: setup.with(\n  time: time,\n)\n\n"
        "= Öppnande\nMötet öppnades #time \\\n\n#deltagare(\n  [Anna Berg], [Ja],\n)\n\n"
        "== Beslut\n#attSatser([ bifalles ])\n#pagebreak()\n= Slut\n",
        fmt="auto",
    )
    assert document.format == "typst"
    assert kinds(document) == [
        ("page", ""),
        ("heading", "Öppnande"),
        ("paragraph", "Mötet öppnades 17:23"),
        ("row", "Anna Berg | Ja"),
        ("heading", "Beslut"),
        ("paragraph", "bifalles"),
        ("page", ""),
        ("heading", "Slut"),
    ]


def test_it_reads_latex_lightly() -> None:
    document = read_text(
        "\\documentclass{article}\n\\title{Protokoll}\n\\begin{document}\n\\section{Öppnande}\n"
        "Ordförande \\textbf{Anna} öppnade. % kommentar\n"
        "\\begin{itemize}\n\\item Ett\n\\end{itemize}\n"
        "\\begin{tabular}{ll}\nNamn & Roll \\\\\n\\hline\nAnna & ordf \\\\\n"
        "\\end{tabular}\n\\end{document}\n"
    )
    assert document.format == "latex"
    assert document.metadata == (("title", "Protokoll"),)
    assert kinds(document) == [
        ("heading", "Öppnande"),
        ("paragraph", "Ordförande Anna öppnade."),
        ("bullet", "Ett"),
        ("row", "Namn | Roll"),
        ("row", "Anna | ordf"),
    ]
