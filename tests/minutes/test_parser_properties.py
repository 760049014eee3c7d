"""Property tests: whatever text or bytes come in, the parser raises only its own errors."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kansli.minutes import MinutesError, parse_bytes, parse_text
from kansli.minutes.model import Minutes

# Text built from the pieces minutes are made of, so the rules actually fire on it.
PIECES = st.sampled_from(
    [
        "Deltagare",
        "Frånvarande",
        "Övriga",
        "deltagare",
        "Beslut",
        "Beslut:",
        "§ 92",
        "39 §",
        "1.",
        "2.",
        "Närvarande:",
        "- ",
        "* ",
        "# ",
        "## ",
        "\t",
        "|",
        " | ",
        "\n",
        "\n\n",
        "Cecilia tar fram",
        "bordläggs till nästa möte med SSK den 7 februari",
        "pga.",
        "Ärenden till SSK den 7/2 i Nykvarn",
        "Höst",
        "1-3 juli",
        "kl 08.30-11.30",
        "Vid anteckningarna:",
        "Justeras",
        "Anna Söderström",
        "Södertälje kommun, ordförande",
        "Avsändare",
        "2019-01-25",
        "1 (4)",
        "Innehåll",
        "........ 3",
        "[X]",
        "[ ]",
        "(M)",
        "Actionpoints",
        "(Digg bokar, klart)",
        "Present",
        "It was agreed that Ben would",
        "remisser:",
        "Trafikplan 2020 (Trafikförvaltningen)",
        "<!-- sida 2 -->",
        "\ufffd",
    ]
)
DOCUMENTS = st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_it_parses_any_minutes_like_text_or_says_why(text: str) -> None:
    try:
        minutes = parse_text(text, name="fuzz.txt")
    except MinutesError as error:
        assert error.message()
    else:
        assert isinstance(minutes, Minutes)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_it_parses_arbitrary_text_or_says_why(text: str) -> None:
    try:
        minutes = parse_text(text)
    except MinutesError as error:
        assert error.message()
    else:
        assert isinstance(minutes, Minutes)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_it_parses_arbitrary_bytes_or_says_why(data: bytes) -> None:
    try:
        minutes = parse_bytes(data, name="upload.bin")
    except MinutesError as error:
        assert error.message()
    else:
        assert isinstance(minutes, Minutes)


@pytest.mark.parametrize(
    "text",
    [
        "Avsändare\n: 2024-05-01",  # a label whose value has no letters (once an IndexError)
        "Minutes\nFrom\n: March 3, 2024",
        "Närvarande:\n:\n,,,",
        "§\n§ §\n1.\n1.\n",
        "Beslut:\nBeslut:\nBeslut: bifalles",
    ],
)
def test_it_reads_what_once_crashed_it(text: str) -> None:
    assert isinstance(parse_text(text), Minutes)
