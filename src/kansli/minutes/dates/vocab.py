"""The date vocabulary: words per language, loaded from `lang/<code>/dates.toml`.

Several languages merge into one `Vocabulary` (the rules do not care which language a word
comes from). Words are stored in lower case, as written in the TOML files.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

_ROOT = "kansli.minutes"
MONTHS = 12
WEEKDAYS = 7


_SINGLE_WORDS = (
    ("weekdays", "names"),
    ("weekdays", "articles"),
    ("relative", "forward_cues"),
    ("numbers", "not_before"),
    ("times", "prefixes"),
)
"""Lists the context checks read word by word (see `dates.context.Scan`)."""


class VocabularyError(ValueError):
    """A dates.toml file is missing or malformed."""


@dataclass(frozen=True, slots=True)
class Season:
    first_month: int
    last_month: int
    """Inclusive; lower than `first_month` when the season runs over new year (winter)."""
    words: tuple[str, ...]
    """Read after a prefix, before a year or as a whole cell ("i höst", "höst 2019", "Höst")."""
    definite: tuple[str, ...]
    """Read on their own in running text ("hösten")."""
    past: tuple[str, ...]
    """After a `this` prefix: the latest occurrence that has started ("i höstas")."""


@dataclass(frozen=True, slots=True)
class MonthPart:
    words: tuple[str, ...]
    first_day: int
    last_day: int
    """31 stands for the month's last day."""


@dataclass(frozen=True, slots=True)
class Vocabulary:
    languages: tuple[str, ...]
    month_names: tuple[tuple[str, ...], ...]
    """Twelve entries, January first; full names of all languages."""
    month_abbreviations: tuple[tuple[str, ...], ...]
    month_first: tuple[tuple[str, ...], ...]
    """Names and abbreviations of the languages that write "Month day" ("Oct. 16")."""
    capitalized: frozenset[str]
    month_prefixes: tuple[str, ...]
    month_parts: tuple[MonthPart, ...]
    ordinal_suffixes: tuple[str, ...]
    day_joiners: tuple[str, ...]
    weekdays: tuple[tuple[str, ...], ...]
    """Seven entries, Monday first; names and abbreviations."""
    articles: tuple[str, ...]
    seasons: tuple[Season, ...]
    season_this: tuple[str, ...]
    season_prefixes: tuple[str, ...]
    season_next: tuple[str, ...]
    ambiguous_seasons: frozenset[str]
    ambiguous_followers: tuple[str, ...]
    week_words: tuple[str, ...]
    relative_days: tuple[tuple[str, int], ...]
    forward_cues: tuple[str, ...]
    weekday_coming: tuple[str, ...]
    """Before a weekday: its next occurrence after the meeting ("på lördag", "on Saturday")."""
    weekday_next_week: tuple[str, ...]
    """Before a weekday: that day of the week after the meeting's ("nästa lördag")."""
    time_prefixes: tuple[str, ...]
    time_prepositions: tuple[str, ...]
    am: tuple[str, ...]
    pm: tuple[str, ...]
    not_before: tuple[str, ...]
    not_after: tuple[str, ...]
    not_dates: tuple[str, ...]
    day_slash_month: bool
    """Some language writes D/M ("7/2" = 7 February)."""


def load_vocabulary(languages: Sequence[str]) -> Vocabulary:
    if not languages:
        raise VocabularyError("at least one language is needed")
    return _merge(tuple(languages), [_Lang(code, _read(code)) for code in languages])


def _read(code: str) -> Mapping[str, object]:
    path = resources.files(_ROOT).joinpath("lang", code, "dates.toml")
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise VocabularyError(f"no date vocabulary for language {code!r}") from None
    except tomllib.TOMLDecodeError as exc:
        raise VocabularyError(f"lang/{code}/dates.toml: {exc}") from exc


class _Lang:
    """Typed access to one parsed TOML file; every getter checks the shape it returns."""

    def __init__(self, code: str, table: Mapping[str, object]) -> None:
        self.code = code
        self.table = table

    def section(self, *path: str) -> Mapping[str, object]:
        node: object = self.table
        for key in path:
            if not isinstance(node, Mapping) or not isinstance(node.get(key), Mapping):
                raise VocabularyError(f"lang/{self.code}/dates.toml: missing [{'.'.join(path)}]")
            node = node[key]
        assert isinstance(node, Mapping)
        return node

    def words(self, section: str, key: str) -> tuple[str, ...]:
        return _strings(self.section(section).get(key, []), f"{self.code}:{section}.{key}")

    def nested(self, section: str, key: str, size: int) -> tuple[tuple[str, ...], ...]:
        value = self.section(section).get(key, [])
        where = f"{self.code}:{section}.{key}"
        if not isinstance(value, list) or len(value) != size:
            raise VocabularyError(f"{where}: expected {size} entries")
        return tuple(_strings(entry, where) for entry in value)

    def named(self, section: str, key: str, size: int) -> tuple[tuple[str, ...], ...]:
        """A list of `size` single words, as one-word groups (so it merges like `nested`)."""
        words = self.words(section, key)
        if len(words) != size:
            raise VocabularyError(f"{self.code}:{section}.{key}: expected {size} entries")
        return tuple((word,) for word in words)

    def flag(self, section: str, key: str) -> bool:
        value = self.section(section).get(key, False)
        if not isinstance(value, bool):
            raise VocabularyError(f"{self.code}:{section}.{key} must be true or false")
        return value

    def tables(self, section: str, key: str) -> list[Mapping[str, object]]:
        value = self.section(section).get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            raise VocabularyError(f"{self.code}:{section}.{key}: expected an array of tables")
        return value


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise VocabularyError(f"{where}: expected a list of strings")
    return tuple(v.lower() for v in value)


def _int(table: Mapping[str, object], key: str, where: str) -> int:
    value = table.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise VocabularyError(f"{where}: {key} must be an integer")
    return value


def _union(groups: Iterable[Iterable[str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(word for group in groups for word in group))


def _join(
    first: tuple[tuple[str, ...], ...], second: tuple[tuple[str, ...], ...]
) -> tuple[tuple[str, ...], ...]:
    return tuple((*a, *b) for a, b in zip(first, second, strict=True))


def _columns(rows: Sequence[tuple[tuple[str, ...], ...]], size: int) -> tuple[tuple[str, ...], ...]:
    """Merge per-language tables of `size` word groups column by column."""
    return tuple(_union(row[i] for row in rows) for i in range(size))


def _seasons(lang: _Lang) -> list[Season]:
    seasons = []
    for table in lang.tables("seasons", "season"):
        where = f"{lang.code}:seasons.season"
        first, last = _int(table, "first_month", where), _int(table, "last_month", where)
        if not (1 <= first <= MONTHS and 1 <= last <= MONTHS):
            raise VocabularyError(f"{where}: months must be 1-12")
        seasons.append(
            Season(
                first,
                last,
                _strings(table.get("words", []), where),
                _strings(table.get("definite", []), where),
                _strings(table.get("past", []), where),
            )
        )
    return seasons


def _parts(lang: _Lang) -> list[MonthPart]:
    parts = []
    for table in lang.tables("months", "parts"):
        where = f"{lang.code}:months.parts"
        first, last = _int(table, "first_day", where), _int(table, "last_day", where)
        if not 1 <= first <= last <= 31:
            raise VocabularyError(f"{where}: days must satisfy 1 <= first_day <= last_day <= 31")
        parts.append(MonthPart(_strings(table.get("words", []), where), first, last))
    return parts


def _relative(lang: _Lang) -> list[tuple[str, int]]:
    days = lang.section("relative").get("days", {})
    if not isinstance(days, Mapping):
        raise VocabularyError(f"{lang.code}:relative.days must be a table")
    return [(word.lower(), _int(days, word, f"{lang.code}:relative.days")) for word in days]


def _merge(codes: tuple[str, ...], langs: list[_Lang]) -> Vocabulary:
    def union(section: str, key: str) -> tuple[str, ...]:
        return _union(lang.words(section, key) for lang in langs)

    month_names = [lang.named("months", "names", MONTHS) for lang in langs]
    month_abbreviations = [lang.nested("months", "abbreviations", MONTHS) for lang in langs]
    weekdays = [
        _join(
            lang.named("weekdays", "names", WEEKDAYS),
            lang.nested("weekdays", "variants", WEEKDAYS),
        )
        for lang in langs
    ]
    month_first = [
        _join(full, short)
        for lang, full, short in zip(langs, month_names, month_abbreviations, strict=True)
        if lang.flag("months", "before_day")
    ]
    for section, key in _SINGLE_WORDS:
        for lang in langs:
            if any(len(word.split()) != 1 for word in lang.words(section, key)):
                raise VocabularyError(f"{lang.code}:{section}.{key}: single words only")
    return Vocabulary(
        languages=codes,
        month_names=_columns(month_names, MONTHS),
        month_abbreviations=_columns(month_abbreviations, MONTHS),
        month_first=_columns(month_first, MONTHS),
        capitalized=frozenset(union("months", "capitalized")),
        month_prefixes=union("months", "prefixes"),
        month_parts=tuple(part for lang in langs for part in _parts(lang)),
        ordinal_suffixes=union("months", "ordinal_suffixes"),
        day_joiners=union("months", "day_joiners"),
        weekdays=_columns(weekdays, WEEKDAYS),
        articles=union("weekdays", "articles"),
        seasons=tuple(season for lang in langs for season in _seasons(lang)),
        season_this=union("seasons", "this"),
        season_prefixes=union("seasons", "prefixes"),
        season_next=union("seasons", "next"),
        ambiguous_seasons=frozenset(union("seasons", "ambiguous")),
        ambiguous_followers=union("seasons", "ambiguous_followers"),
        week_words=union("weeks", "words"),
        relative_days=tuple(dict(pair for lang in langs for pair in _relative(lang)).items()),
        forward_cues=union("relative", "forward_cues"),
        weekday_coming=union("relative", "weekday_coming"),
        weekday_next_week=union("relative", "weekday_next_week"),
        time_prefixes=union("times", "prefixes"),
        time_prepositions=union("times", "prepositions"),
        am=union("times", "am"),
        pm=union("times", "pm"),
        not_before=union("numbers", "not_before"),
        not_after=union("numbers", "not_after"),
        not_dates=union("numbers", "not_dates"),
        day_slash_month=any(lang.flag("numbers", "day_slash_month") for lang in langs),
    )
