"""Property tests: whatever comes in, only the documented errors come out."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kansli.minutes.blocks import BlockKind, Document
from kansli.minutes.errors import MinutesError
from kansli.minutes.readers import TEXT_FORMATS, _read_bytes, _read_text

# The private entry points skip the public functions' safety net (which turns any surprise
# into UnreadableError): here a surprise must fail the test, not be hidden.

MARKUP = st.sampled_from(
    [
        "# ",
        "## ",
        "* ",
        "- ",
        "1. ",
        "| ",
        " | ",
        "|---|",
        "\t",
        "**",
        "<li>",
        "<h1>",
        "</ul>",
        "<!-- sida 2 -->",
        "---\n",
        "#+TITLE: ",
        "====\n",
        "= ",
        '#let x = "y"\n',
        "#f([a], [b])",
        "\\section{",
        "\\item ",
        "\f",
        "\n",
        "\n\n",
        "  ",
        "\uf0b7 ",
        "• ",
        "<br>",
        "&quot;",
        "`",
        "[x](y)",
    ]
)
TEXTISH = st.lists(st.one_of(MARKUP, st.text(max_size=20)), max_size=30).map("".join)


def check(document: Document) -> None:
    for block in document.blocks:
        assert block.text == block.text.strip()
        if block.kind is BlockKind.ROW:
            assert block.table > 0 and block.cells
    widths: dict[int, set[int]] = {}
    for block in document.blocks:
        if block.kind is BlockKind.ROW:
            widths.setdefault(block.table, set()).add(len(block.cells))
    assert all(len(w) == 1 for w in widths.values())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_raise_only_documented_errors(data: bytes) -> None:
    with contextlib.suppress(MinutesError):
        check(_read_bytes(data, "x"))


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]),
    st.binary(max_size=3000),
)
def test_damaged_pdf_docx_and_ole_raise_only_documented_errors(head: bytes, tail: bytes) -> None:
    with contextlib.suppress(MinutesError):
        check(_read_bytes(head + tail, "x"))


@settings(max_examples=300, deadline=None)
@given(TEXTISH, st.sampled_from(("auto", *TEXT_FORMATS)))
def test_arbitrary_text_raises_only_documented_errors(text: str, fmt: str) -> None:
    with contextlib.suppress(MinutesError):
        check(_read_text(text, "x", fmt))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_any_unicode_text_raises_only_documented_errors(text: str) -> None:
    with contextlib.suppress(MinutesError):
        check(_read_text(text, None, "auto"))
