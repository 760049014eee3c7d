"""minutes/1 JSON: the shape of `to_json`, the schema, and `from_json` as its validating inverse."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

from kansli.minutes.errors import InvalidMinutesJsonError, MinutesError
from kansli.minutes.model import (
    Action,
    Decision,
    Event,
    Item,
    Kind,
    Minutes,
    NextMeetingAgenda,
    ParseWarning,
    Participant,
    Referral,
    Source,
    Status,
    Table,
    Tabling,
)
from kansli.minutes.render.json import from_json, schema, to_json

CONTRACT_KEYS = {
    "schema",
    "kind",
    "language",
    "body",
    "meeting_number",
    "date",
    "start_time",
    "end_time",
    "place",
    "author",
    "chair",
    "secretary",
    "adjusters",
    "participants",
    "items",
    "events",
    "next_meeting_agenda",
    "referrals",
}
ADDED_KEYS = {"warnings", "source_name", "source_format"}

VALIDATOR = Draft202012Validator(schema(), format_checker=FormatChecker())


def src(line: int, page: int | None = 1) -> Source:
    return Source(page, line, line)


def founding() -> Minutes:
    """The founding document's meeting, by hand: every kind of node, most with a source."""
    cecilia = "Cecilia Mårtensson"
    return Minutes(
        kind=Kind.NOTES,
        language="sv",
        body="Södertörnskommunernas ledningsgrupp",
        meeting_number="1",
        date=dt.date(2019, 1, 25),
        start_time=dt.time(8, 30),
        end_time=dt.time(11, 30),
        place="Norrskogen, StorSthlm",
        author="Anna Söderström",
        chair="Rickard Sundbom",
        secretary="Anna Söderström",
        adjusters=("Leif Eriksson",),
        participants=(
            Participant("Leif Eriksson", "Botkyrka kommun", source=src(14)),
            Participant("Rickard Sundbom", "Södertälje kommun", "S", "ordförande"),
            Participant("Magnus Gyllestad", "Haninge kommun", status=Status.ABSENT),
            Participant(cecilia, "Södertörnskommunerna", status=Status.GUEST),
        ),
        items=(
            Item("1", "Incheckning", text="Rickard öppnar mötet.", source=Source(1, 36, 38)),
            Item(
                "3",
                "Årsredovisning och bokslut 2018",
                decisions=(Decision("Frågan bordläggs till nästa möte med SSK.", src(80)),),
                tabled=Tabling(dt.date(2019, 2, 7), "SSK", "Årsredovisningen är försenad"),
            ),
            Item(
                "4",
                "Samordnad varudistribution",
                tables=(Table(("Kommun", "Beslut KS"), (("Botkyrka", "x"), ("Haninge", ""))),),
            ),
            Item(
                "5",
                "Efter SSK-konferensen",
                subheadings=("Kraftförsörjning",),
                actions=(
                    Action(cecilia, "förbereder bilder", dt.date(2019, 2, 7), "SSK", src(99, 2)),
                    Action("Kommundirektörerna", "frågar socialcheferna"),
                ),
            ),
        ),
        events=(
            Event("Almedalen", dt.date(2019, 7, 1), dt.date(2019, 7, 3)),
            Event("Nyckeltalsdagen", dt.date(2019, 9, 1), dt.date(2019, 11, 30), approximate=True),
        ),
        next_meeting_agenda=NextMeetingAgenda(
            "SSK", dt.date(2019, 2, 7), "Nykvarn", ("VP 2019",), Source(3, 150, 160)
        ),
        referrals=(Referral("Trafikplan 2020", "Trafikförvaltningen", dt.date(2019, 3, 1)),),
        warnings=(ParseWarning("damaged-text", "Sidan 2 har ett skadat textlager.", (2,)),),
        source_name="sodertorn-ledningsgrupp-2019-01-25.docx",
        source_format="docx",
    )


def test_it_gives_exactly_the_contract_keys_and_the_added_ones() -> None:
    assert set(to_json(founding())) == CONTRACT_KEYS | ADDED_KEYS


def test_it_gives_every_node_its_contract_keys() -> None:
    data = to_json(founding())
    items = data["items"]
    assert isinstance(items, list)
    assert set(items[0]) == {
        "number",
        "title",
        "text",
        "subheadings",
        "decisions",
        "actions",
        "tabled",
        "tables",
        "source",
    }
    assert set(items[3]["actions"][0]) == {"assignee", "text", "due", "due_body", "source"}
    assert set(items[1]["tabled"]) == {"to_date", "to_body", "reason"}
    assert data["participants"][1] == {
        "name": "Rickard Sundbom",
        "organisation": "Södertälje kommun",
        "party": "S",
        "role": "ordförande",
        "status": "present",
    }


def test_it_writes_iso_dates_and_hhmm_times() -> None:
    data = to_json(founding())
    assert (data["date"], data["start_time"], data["end_time"]) == ("2019-01-25", "08:30", "11:30")
    assert data["items"][3]["actions"][0]["due"] == "2019-02-07"
    assert data["items"][1]["tabled"]["to_date"] == "2019-02-07"
    assert data["events"][0] == {
        "title": "Almedalen",
        "start": "2019-07-01",
        "end": "2019-07-03",
        "approximate": False,
    }
    assert data["next_meeting_agenda"]["date"] == "2019-02-07"


def test_it_names_the_referral_sender_from() -> None:
    (referral,) = to_json(founding())["referrals"]
    assert referral == {
        "title": "Trafikplan 2020",
        "from": "Trafikförvaltningen",
        "deadline": "2019-03-01",
    }


def test_it_puts_the_source_on_the_nodes_that_have_one() -> None:
    data = to_json(founding())
    items = data["items"]
    assert items[0]["source"] == {"page": 1, "lines": [36, 38]}
    assert items[3]["actions"][0]["source"] == {"page": 2, "lines": [99, 99]}
    assert data["participants"][0]["source"] == {"page": 1, "lines": [14, 14]}
    assert "source" not in items[1]
    assert "source" not in data["participants"][1]


def test_it_gives_plain_json_values() -> None:
    data = to_json(founding())
    assert type(data["kind"]) is str
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_it_says_null_when_the_document_does_not_say() -> None:
    data = to_json(Minutes())
    assert data["kind"] is None
    assert data["date"] is None
    assert data["next_meeting_agenda"] is None
    assert data["items"] == []


@pytest.mark.parametrize("minutes", [founding(), Minutes()], ids=["founding", "empty"])
def test_it_validates_against_the_published_schema(minutes: Minutes) -> None:
    errors = [e.message for e in VALIDATOR.iter_errors(to_json(minutes))]
    assert errors == []


@pytest.mark.parametrize("minutes", [founding(), Minutes()], ids=["founding", "empty"])
def test_from_json_inverts_to_json(minutes: Minutes) -> None:
    assert from_json(to_json(minutes)) == minutes


def test_from_json_survives_a_trip_through_text() -> None:
    text = json.dumps(to_json(founding()), ensure_ascii=False, indent=2)
    assert from_json(json.loads(text)) == founding()


def test_from_json_reads_every_corpus_expectation_without_losing_a_contract_value(
    corpus: Path,
) -> None:
    paths = sorted(corpus.glob("**/*.expected.json"))
    assert paths
    for path in paths:
        expected = json.loads(path.read_text(encoding="utf-8"))
        again = to_json(from_json(expected, path.name))
        assert VALIDATOR.is_valid(again), path.name
        expected.pop("_notes", None)
        assert_contains(again, expected, path.name)


def assert_contains(got: object, want: object, where: str) -> None:
    """Every key and value of `want` is in `got` (which may carry more keys)."""
    if isinstance(want, dict):
        assert isinstance(got, dict), where
        for key, value in want.items():
            assert key in got, f"{where}.{key}"
            assert_contains(got[key], value, f"{where}.{key}")
    elif isinstance(want, list):
        assert isinstance(got, list) and len(got) == len(want), where
        for i, (g, w) in enumerate(zip(got, want, strict=True)):
            assert_contains(g, w, f"{where}[{i}]")
    else:
        assert got == want, where


def broken(path: str, value: object) -> dict[str, object]:
    """The founding minutes' JSON with one value replaced (`value` DELETE removes the key)."""
    data = copy.deepcopy(to_json(founding()))
    *parents, last = path.split(".")
    node: object = data
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if value is DELETE:
        del node[last]
    else:
        node[int(last) if isinstance(node, list) else last] = value
    return data


DELETE = object()

BROKEN = [
    ("schema", "minutes/2", "$.schema"),
    ("items", DELETE, "$.items"),
    ("kind", "protokol", "$.kind"),
    ("language", "fi", "$.language"),
    ("date", "25/1 2019", "$.date"),
    ("date", "2019-02-30", "$.date"),
    ("start_time", "8.30", "$.start_time"),
    ("start_time", "24:00", "$.start_time"),
    ("body", 42, "$.body"),
    ("adjusters", "Leif Eriksson", "$.adjusters"),
    ("adjusters.0", 7, "$.adjusters[0]"),
    ("participants.0.status", "here", "$.participants[0].status"),
    ("participants.0.name", None, "$.participants[0].name"),
    ("items.0.title", DELETE, "$.items[0].title"),
    ("items.0.decisions", {}, "$.items[0].decisions"),
    ("items.3.actions.0.due", "7/2", "$.items[3].actions[0].due"),
    ("items.1.tabled.to_date", "snart", "$.items[1].tabled.to_date"),
    ("items.2.tables.0.rows.0.1", 1, "$.items[2].tables[0].rows[0][1]"),
    ("items.0.source.lines", [36], "$.items[0].source.lines"),
    ("items.0.source.page", 0, "$.items[0].source.page"),
    ("items.0.source.page", True, "$.items[0].source.page"),
    ("events.1.approximate", "yes", "$.events[1].approximate"),
    ("events.0.start", None, "$.events[0].start"),
    ("next_meeting_agenda.items", [None], "$.next_meeting_agenda.items[0]"),
    ("referrals.0.from", DELETE, "$.referrals[0].from"),
    ("warnings.0.pages", ["2"], "$.warnings[0].pages[0]"),
]


@pytest.mark.parametrize(("path", "value", "where"), BROKEN, ids=[b[0] for b in BROKEN])
def test_from_json_rejects_bad_input_naming_the_key(path: str, value: object, where: str) -> None:
    with pytest.raises(MinutesError) as caught:
        from_json(broken(path, value), "import.json")
    assert isinstance(caught.value, InvalidMinutesJsonError)
    assert caught.value.code == "invalid-json"
    message = caught.value.message()
    assert message.startswith("import.json: ogiltig minutes/1-JSON")
    assert where in message


@pytest.mark.parametrize(("path", "value", "where"), BROKEN, ids=[b[0] for b in BROKEN])
def test_the_schema_rejects_what_from_json_rejects(path: str, value: object, where: str) -> None:
    assert not VALIDATOR.is_valid(broken(path, value))


@pytest.mark.parametrize("data", [None, [], "minutes/1", {1: "x"}], ids=repr)
def test_from_json_rejects_what_is_no_object(data: object) -> None:
    with pytest.raises(InvalidMinutesJsonError, match=r"\$: ett objekt väntades"):
        from_json(data)


def test_from_json_ignores_keys_it_does_not_know() -> None:
    data = to_json(founding()) | {"x_extra": {"anything": 1}, "_notes": ["hand-made"]}
    assert from_json(data) == founding()


# --- property: any model the dataclasses allow renders to valid JSON and comes back the same ---

texts = st.text(max_size=20)
maybe_texts = st.none() | texts
dates = st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31))
maybe_dates = st.none() | dates
# The contract's times are HH:MM: seconds are not part of minutes.
maybe_times = st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0))
sources = st.none() | st.builds(
    Source, st.none() | st.integers(1, 9999), st.integers(0, 10**6), st.integers(0, 10**6)
)
small = {"max_size": 3}

minutes_strategy = st.builds(
    Minutes,
    kind=st.none() | st.sampled_from(Kind),
    language=st.sampled_from(["sv", "en"]),
    body=maybe_texts,
    meeting_number=maybe_texts,
    date=maybe_dates,
    start_time=maybe_times,
    end_time=maybe_times,
    place=maybe_texts,
    author=maybe_texts,
    chair=maybe_texts,
    secretary=maybe_texts,
    adjusters=st.tuples(texts),
    participants=st.lists(
        st.builds(
            Participant,
            texts,
            maybe_texts,
            maybe_texts,
            maybe_texts,
            st.sampled_from(Status),
            sources,
        ),
        **small,
    ).map(tuple),
    items=st.lists(
        st.builds(
            Item,
            maybe_texts,
            texts,
            texts,
            st.tuples(texts),
            st.lists(st.builds(Decision, texts, sources), **small).map(tuple),
            st.lists(
                st.builds(Action, maybe_texts, texts, maybe_dates, maybe_texts, sources), **small
            ).map(tuple),
            st.none() | st.builds(Tabling, maybe_dates, maybe_texts, maybe_texts, sources),
            st.lists(
                st.builds(
                    Table,
                    st.tuples(texts, texts),
                    st.lists(st.tuples(texts, texts), **small).map(tuple),
                    sources,
                ),
                **small,
            ).map(tuple),
            sources,
        ),
        **small,
    ).map(tuple),
    events=st.lists(
        st.builds(Event, texts, dates, maybe_dates, st.booleans(), sources), **small
    ).map(tuple),
    next_meeting_agenda=st.none()
    | st.builds(
        NextMeetingAgenda,
        maybe_texts,
        maybe_dates,
        maybe_texts,
        st.lists(texts, **small).map(tuple),
        sources,
    ),
    referrals=st.lists(st.builds(Referral, texts, maybe_texts, maybe_dates, sources), **small).map(
        tuple
    ),
    warnings=st.lists(
        st.builds(ParseWarning, texts, texts, st.lists(st.integers(1, 999), **small).map(tuple)),
        **small,
    ).map(tuple),
    source_name=maybe_texts,
    source_format=maybe_texts,
)


@settings(max_examples=60, deadline=None)
@given(minutes_strategy)
def test_any_minutes_render_to_valid_json_and_back(minutes: Minutes) -> None:
    data = to_json(minutes)
    assert VALIDATOR.is_valid(data)
    assert from_json(json.loads(json.dumps(data))) == minutes
