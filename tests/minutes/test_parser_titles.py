"""Titles written the ways real minutes write them: the kind, the body and the date they give.

Each case is a hand-written title line over the same small document; the body is named as a
reader would name it (without "fört vid", articles, "meeting", the date).
"""

from __future__ import annotations

import datetime as dt

import pytest

from kansli.minutes import parse_text
from kansli.minutes.model import Kind

DOCUMENT = "{title}\n\nNärvarande: Anna Berg, Per Holm\n\n1. Mötets öppnande\nMötet öppnades.\n"
MARCH_12 = dt.date(2024, 3, 12)

CASES = [
    (
        "Protokoll fört vid styrelsemöte i Föreningen Östra Hamnen 2024-03-12",
        Kind.PROTOCOL,
        "Föreningen Östra Hamnen",
    ),
    (
        "Protokoll fört vid sammanträde med Socialnämnden den 12 mars 2024",
        Kind.PROTOCOL,
        "Socialnämnden",
    ),
    (
        "Protokoll från kommunstyrelsens arbetsutskott 2024-03-12",
        Kind.PROTOCOL,
        "Kommunstyrelsens arbetsutskott",
    ),
    (
        "Minnesanteckningar från styrgruppsmöte för Samverkan Nordost, 2024-03-12",
        Kind.NOTES,
        "Samverkan Nordost",
    ),
    ("Styrelsemöte Brf Solrosen 2024-03-12", Kind.NOTES, "Brf Solrosen"),
    (
        "Minutes of the Board of Directors meeting, March 12, 2024",
        Kind.MINUTES,
        "Board of Directors",
    ),
    (
        "Minutes of the Annual Meeting of the Friends of the Library, 2024-03-12",
        Kind.MINUTES,
        "Friends of the Library",
    ),
    (
        "Minutes of the meeting of the Finance Committee held on 12 March 2024",
        Kind.MINUTES,
        "Finance Committee",
    ),
]


@pytest.mark.parametrize(("title", "kind", "body"), CASES, ids=[c[2] for c in CASES])
def test_the_title_gives_kind_body_and_date(title: str, kind: Kind, body: str) -> None:
    minutes = parse_text(DOCUMENT.format(title=title))
    assert (minutes.kind, minutes.body, minutes.date) == (kind, body, MARCH_12)


def test_a_first_line_without_a_date_or_kind_word_is_no_title() -> None:
    minutes = parse_text(DOCUMENT.format(title="Vi träffades i kommunhuset."))
    assert minutes.body is None
    assert minutes.date is None


def test_an_organisation_above_the_title_joins_the_body_the_title_names() -> None:
    text = (
        "The Friends of the Library\n\n"
        "Minutes of a Regular Meeting of the Board of Directors\n\n"
        "March 12, 2024\n\n"
        "A regular meeting of the Board was held at Central Library Hall beginning at 18:00.\n\n"
        "1. Minutes of past meetings\n\nThe February minutes were approved.\n"
    )
    minutes = parse_text(text)
    assert minutes.body == "Friends of the Library Board of Directors"
    assert minutes.date == MARCH_12
    assert minutes.place == "Central Library Hall"
    assert minutes.start_time == dt.time(18, 0)
