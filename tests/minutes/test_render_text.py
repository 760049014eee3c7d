"""The Markdown and the Swedish summary: the house labels, the values, and never "None"."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

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
    Status,
    Table,
    Tabling,
)
from kansli.minutes.render.markdown import to_markdown
from kansli.minutes.render.summary import event_when, to_summary

SSK = dt.date(2019, 2, 7)


def notes() -> Minutes:
    """The founding document's meeting, cut down to one of each thing the renderers show."""
    return Minutes(
        kind=Kind.NOTES,
        body="Södertörnskommunernas ledningsgrupp",
        meeting_number="1",
        date=dt.date(2019, 1, 25),
        start_time=dt.time(8, 30),
        end_time=dt.time(11, 30),
        place="Norrskogen, StorSthlm",
        author="Anna Söderström",
        chair="Rickard Sundbom",
        secretary="Anna Söderström",
        participants=(
            Participant("Leif Eriksson", "Botkyrka kommun"),
            Participant("Birgitta Elvås", "Nykvarns kommun"),
            Participant("Rickard Sundbom", "Södertälje kommun", role="ordförande"),
            Participant("Magnus Gyllestad", "Haninge kommun", status=Status.ABSENT),
            Participant("Cecilia Mårtensson", "Södertörnskommunerna", status=Status.GUEST),
        ),
        items=(
            Item(
                "1",
                "Incheckning",
                text="Rickard öppnar mötet och hälsar välkommen.\n- Leif är ny\n- Hanna gästar",
            ),
            Item(
                "3",
                "Årsredovisning och bokslut 2018",
                decisions=(Decision("Frågan bordläggs till nästa möte med SSK den 7 februari."),),
                tabled=Tabling(SSK, "SSK", "Årsredovisningen är försenad"),
            ),
            Item(
                "4",
                "Samordnad varudistribution",
                tables=(
                    Table(
                        ("Kommun", "Beslut KS", "Info KSO"),
                        (("Botkyrka", "x", "x"), ("Haninge", "", "x|y")),
                    ),
                ),
            ),
            Item(
                "5",
                "Efter SSK-konferensen",
                subheadings=("Kraftförsörjning",),
                decisions=(Decision("Börja i liten skala kring de två första punkterna."),),
                actions=(
                    Action("Cecilia Mårtensson", "förbereder bilder", SSK, "SSK"),
                    Action(None, "ta fram en pitch"),
                ),
            ),
            Item("7", "Nätverken", tabled=Tabling(reason="för få deltagare på detta möte")),
        ),
        events=(
            Event("Slutkonferens Systemanalys", dt.date(2019, 2, 22)),
            Event("Almedalen (Kommunikation)", dt.date(2019, 7, 1), dt.date(2019, 7, 3)),
            Event("Nyckeltalsdagen", dt.date(2019, 9, 1), dt.date(2019, 11, 30), approximate=True),
        ),
        next_meeting_agenda=NextMeetingAgenda(
            "SSK", SSK, "Nykvarn", ("Aktuellt Nykvarn", "VP 2019")
        ),
        referrals=(Referral("Trafikplan 2020", "Trafikförvaltningen, region Stockholm"),),
        warnings=(ParseWarning("damaged-text", "Skadat textlager", (2, 3)),),
        source_name="sodertorn-ledningsgrupp-2019-01-25.docx",
        source_format="docx",
    )


def protocol() -> Minutes:
    return Minutes(
        kind=Kind.PROTOCOL,
        body="Kommunstyrelsens arbetsutskott",
        date=dt.date(2024, 3, 12),
        secretary="Andrea Egerlundh",
        adjusters=("Fredrik Hansson",),
        participants=(Participant("Lisa Andersson", party="M", role="ordförande"),),
        items=(Item("92", "Val av justerare"),),
    )


# --- summary -----------------------------------------------------------------------------


def test_the_summary_opens_with_kind_body_number_and_the_swedish_date() -> None:
    lines = to_summary(notes()).splitlines()
    assert lines[0] == "Minnesanteckningar – Södertörnskommunernas ledningsgrupp, möte 1"
    assert "Datum: fredag 25 januari 2019, kl. 08.30–11.30" in lines
    assert "Plats: Norrskogen, StorSthlm" in lines
    assert "Ordförande: Rickard Sundbom" in lines
    assert "Källa: sodertorn-ledningsgrupp-2019-01-25.docx (DOCX, svenska)" in lines


def test_the_summary_counts_and_names_each_attendance_group_with_organisations() -> None:
    text = to_summary(notes())
    assert (
        "Närvarande (3): Leif Eriksson (Botkyrka kommun), Birgitta Elvås (Nykvarns kommun)" in text
    )
    assert "Rickard Sundbom\n    (Södertälje kommun, ordförande)" in text
    assert "Frånvarande (1): Magnus Gyllestad (Haninge kommun)" in text
    assert "Övriga deltagare (1): Cecilia Mårtensson (Södertörnskommunerna)" in text


def test_the_summary_lists_items_decisions_actions_and_tablings() -> None:
    text = to_summary(notes())
    assert "Punkter (5):\n  1. Incheckning\n  3. Årsredovisning och bokslut 2018 [bordlagd]" in text
    assert "  4. Samordnad varudistribution [tabell]" in text
    assert "      Underrubriker: Kraftförsörjning" in text
    assert "Beslut (2):\n  3. Årsredovisning och bokslut 2018\n    - Frågan bordläggs" in text
    assert "Åtgärder (2):" in text
    assert (
        "  - Cecilia Mårtensson: förbereder bilder – senast SSK torsdag 7 februari 2019 (punkt 5)"
        in text
    )
    assert "  - (ingen ansvarig angiven): ta fram en pitch (punkt 5)" in text
    assert "Bordlagda punkter (2):" in text
    assert (
        "  - 3. Årsredovisning och bokslut 2018: bordlagd till SSK torsdag 7 februari 2019. "
        "Skäl:\n    Årsredovisningen är försenad" in text
    )
    assert "  - 7. Nätverken: bordlagd (nytt möte anges inte). Skäl: för få deltagare" in text


def test_the_summary_shows_events_agenda_referrals_and_warnings() -> None:
    text = to_summary(notes())
    assert "Aktiviteter (3):\n  - 22 februari 2019: Slutkonferens Systemanalys" in text
    assert "  - 1–3 juli 2019: Almedalen (Kommunikation)" in text
    assert "  - hösten 2019: Nyckeltalsdagen" in text
    assert "Ärenden till nästa möte – SSK, torsdag 7 februari 2019, Nykvarn (2):" in text
    assert "  - Aktuellt Nykvarn\n  - VP 2019" in text
    assert "Remisser (1):\n  - Trafikplan 2020 – från Trafikförvaltningen, region Stockholm" in text
    assert "Varningar (1):\n  - Skadat textlager (sidorna 2, 3)" in text


def test_the_summary_leaves_out_empty_sections_and_never_says_none() -> None:
    text = to_summary(Minutes())
    assert text == "Mötesdokument\n"
    sparse = to_summary(Minutes(body="Styrelsen", items=(Item(None, "Övrigt"),)))
    assert sparse == "Styrelsen\n\nPunkter (1):\n  Övrigt\n"


@pytest.mark.parametrize("minutes", [notes(), protocol(), Minutes()], ids=["notes", "prot", "0"])
def test_no_renderer_ever_prints_none(minutes: Minutes) -> None:
    assert "None" not in to_summary(minutes)
    assert "None" not in to_markdown(minutes)


def test_the_summary_numbers_protocol_items_with_paragraph_signs() -> None:
    text = to_summary(protocol())
    assert text.startswith("Protokoll – Kommunstyrelsens arbetsutskott\nDatum: tisdag 12 mars 2024")
    assert "Justerare: Fredrik Hansson" in text
    assert "Närvarande (1): Lisa Andersson (M, ordförande)" in text
    assert "  § 92 Val av justerare" in text


def test_the_summary_shows_the_author_only_when_it_is_not_the_secretary() -> None:
    assert "Skrivet av" not in to_summary(notes())
    other = dataclasses.replace(notes(), author="Cecilia Mårtensson")
    assert "Skrivet av: Cecilia Mårtensson" in to_summary(other)


@pytest.mark.parametrize(
    ("start", "end", "approximate", "expected"),
    [
        ((2019, 2, 22), None, False, "22 februari 2019"),
        ((2019, 7, 1), (2019, 7, 3), False, "1–3 juli 2019"),
        ((2019, 6, 30), (2019, 7, 2), False, "30 juni–2 juli 2019"),
        ((2019, 12, 30), (2020, 1, 2), False, "30 december 2019–2 januari 2020"),
        ((2019, 9, 1), (2019, 11, 30), True, "hösten 2019"),
        ((2019, 3, 1), (2019, 5, 31), True, "våren 2019"),
        ((2019, 6, 1), (2019, 8, 31), True, "sommaren 2019"),
        ((2019, 12, 1), (2020, 2, 29), True, "vintern 2019/2020"),
        ((2019, 7, 1), (2019, 7, 31), True, "juli 2019"),
        ((2019, 7, 1), None, True, "juli 2019"),
        ((2019, 4, 1), (2019, 5, 31), True, "ungefär april–maj 2019"),
    ],
)
def test_events_read_as_swedish_dates_ranges_and_seasons(
    start: tuple[int, int, int],
    end: tuple[int, int, int] | None,
    approximate: bool,
    expected: str,
) -> None:
    event = Event("x", dt.date(*start), dt.date(*end) if end else None, approximate)
    assert event_when(event) == expected


# --- markdown ----------------------------------------------------------------------------


def test_the_markdown_has_a_title_and_the_time_and_place() -> None:
    text = to_markdown(notes())
    assert text.startswith("# Minnesanteckningar – Södertörnskommunernas ledningsgrupp, möte 1\n")
    assert "**Tid:** fredag 25 januari 2019, kl. 08.30–11.30  \n**Plats:** Norrskogen" in text


def test_the_markdown_lists_attendance_with_organisation_and_role() -> None:
    text = to_markdown(notes())
    assert "## Deltagare\n\n- Leif Eriksson, Botkyrka kommun\n" in text
    assert "- Rickard Sundbom, Södertälje kommun, ordförande" in text
    assert "## Frånvarande\n\n- Magnus Gyllestad, Haninge kommun" in text
    assert "## Övriga deltagare\n\n- Cecilia Mårtensson, Södertörnskommunerna" in text


def test_the_markdown_numbers_items_and_shows_decisions_actions_and_tabling() -> None:
    text = to_markdown(notes())
    assert (
        "## 1. Incheckning\n\nRickard öppnar mötet och hälsar välkommen.\n\n- Leif är ny\n-" in text
    )
    assert "## 5. Efter SSK-konferensen\n\n*Underrubriker: Kraftförsörjning*" in text
    assert "**Beslut**\n\n- Börja i liten skala kring de två första punkterna." in text
    assert "**Åtgärder**\n\n- Cecilia Mårtensson: förbereder bilder (senast 2019-02-07)\n" in text
    assert "- ta fram en pitch\n" in text
    assert "**Bordläggs** till SSK 2019-02-07. Skäl: Årsredovisningen är försenad" in text
    assert "**Bordläggs.** Skäl: för få deltagare på detta möte" in text


def test_the_markdown_renders_tables_as_pipe_tables() -> None:
    text = to_markdown(notes())
    assert (
        "| Kommun | Beslut KS | Info KSO |\n"
        "| --- | --- | --- |\n"
        "| Botkyrka | x | x |\n"
        "| Haninge |  | x\\|y |\n"
    ) in text


def test_the_markdown_ends_with_activities_agenda_referrals_and_the_writer() -> None:
    text = to_markdown(notes())
    assert "## Aktiviteter\n\n- 22 februari 2019: Slutkonferens Systemanalys\n" in text
    assert "- hösten 2019: Nyckeltalsdagen" in text
    assert "## Ärenden till nästa möte – SSK, torsdag 7 februari 2019, Nykvarn\n\n" in text
    assert "1. Aktuellt Nykvarn\n2. VP 2019" in text
    assert "## Remisser\n\n- Trafikplan 2020 (från Trafikförvaltningen, region Stockholm)" in text
    assert text.endswith("\n\nVid anteckningarna: Anna Söderström\n")


def test_the_markdown_of_a_protocol_uses_paragraph_signs_and_signs_vid_protokollet() -> None:
    text = to_markdown(protocol())
    assert "## § 92 Val av justerare" in text
    assert "**Justerare:** Fredrik Hansson" in text
    assert "- Lisa Andersson (M), ordförande" in text
    assert text.endswith("Vid protokollet: Andrea Egerlundh\n")


def test_the_markdown_escapes_what_would_become_markup() -> None:
    minutes = Minutes(items=(Item(None, "[vis.gl] Project *Charter*", text="# inte en rubrik"),))
    text = to_markdown(minutes)
    assert "## \\[vis.gl\\] Project \\*Charter\\*" in text
    assert "\\# inte en rubrik" in text
