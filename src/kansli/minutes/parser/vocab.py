"""Vocabularies: the words the parser's rules look for, loaded from lang/<code>/keywords.toml.

The rules never name a word themselves; they ask a `Vocabulary` whether a text starts with, is,
or contains one of a group of phrases. A document is read with the vocabulary of its language
merged over the other languages' (Swedish minutes quote English words and vice versa).
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kansli.minutes.parser.text import fold, split_sentences

LANG_DIR = Path(__file__).resolve().parent.parent / "lang"
LANGUAGES = ("sv", "en")


@dataclass(frozen=True, slots=True)
class PhraseSet:
    """A group of phrases, matched case-insensitively on word boundaries.

    Matching runs on `text.lower()`, which keeps the text's length, so match offsets are valid
    in the original text; spaces in a phrase match any run of whitespace. The phrases are
    compiled as a trie ("beslut(?:a(?:r|de)|...)"), so a failing attempt costs a character test,
    not one per phrase.
    """

    phrases: tuple[str, ...]
    pattern: re.Pattern[str] | None
    alternation: str = "(?!)"
    """The phrases as one regex (never matches when there are none)."""

    @classmethod
    def of(cls, phrases: Iterable[str]) -> PhraseSet:
        folded = sorted({fold(p) for p in phrases if p.strip()}, key=len, reverse=True)
        if not folded:
            return cls((), None)
        alternation = _trie(folded)
        # Word boundaries that also work for phrases ending in "." or ":" ("pga.", "beslut:").
        pattern = re.compile(rf"(?<!\w){alternation}(?!\w)")
        return cls(tuple(folded), pattern, alternation)

    def is_(self, text: str) -> bool:
        """The whole text (without a trailing colon) is one of the phrases."""
        return bool(self.pattern and self.pattern.fullmatch(text.lower().strip().rstrip(" :")))

    def search(self, text: str) -> re.Match[str] | None:
        """First phrase anywhere in `text`."""
        return self.pattern.search(text.lower()) if self.pattern else None

    def prefix(self, text: str) -> str | None:
        """The longest phrase the text starts with (as written in `text`), or None."""
        match = self.pattern.match(text.lower()) if self.pattern else None
        return text[: match.end()] if match else None

    def split(self, text: str) -> list[str]:
        """`text` cut at every phrase ("A och B samt C" -> A, B, C), the phrases dropped; not
        after a word that ends in a hyphen ("Havs- och Vattenmyndigheten" stays one)."""
        if self.pattern is None:
            return [text]
        parts, start = [], 0
        for match in self.pattern.finditer(text.lower()):
            if text[: match.start()].rstrip().endswith("-"):
                continue
            parts.append(text[start : match.start()])
            start = match.end()
        parts.append(text[start:])
        return parts

    def strip_end(self, text: str, punctuation: str = " ,-–()") -> str:
        """`text` without trailing phrases and punctuation ("Kommunikationscheferna träffas
        nästa gång den" -> "Kommunikationscheferna träffas")."""
        text = text.rstrip(punctuation)
        while self.pattern is not None:
            matches = list(self.pattern.finditer(text.lower()))
            last = matches[-1] if matches else None
            if last is None or last.end() != len(text):
                return text
            text = text[: last.start()].rstrip(punctuation)
        return text

    def remove(self, text: str) -> str:
        """`text` without any of the phrases."""
        return " ".join(" ".join(self.split(text)).split())


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """All phrase groups of one or more languages, keyed "section.name" ("decisions.headings")."""

    language: str
    groups: Mapping[str, PhraseSet]
    roles_by_heading: Mapping[str, str]
    kinds: Mapping[str, str]
    role_names: Mapping[str, str] = field(default_factory=dict)
    """Abbreviated roles written out: "ordf" -> "ordförande"."""
    defaults: Mapping[str, str] = field(default_factory=dict)
    """The document language's own settings ("[defaults]": the kind of a document whose title
    does not say, the title of an item made for notes without item headings)."""
    compiled: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False, hash=False)
    unions: dict[str, PhraseSet] = field(default_factory=dict, compare=False, hash=False)

    def __getitem__(self, key: str) -> PhraseSet:
        return self.groups.get(key, EMPTY)

    def regex(self, template: str) -> re.Pattern[str]:
        """A rule's regex with `{section.name}` standing for that group's phrases (matched in
        any case), compiled once per vocabulary: rules keep their shape, the words come from the
        language files. Matched against the text as written."""
        pattern = self.compiled.get(template)
        if pattern is None:
            source = PLACEHOLDER.sub(lambda m: f"(?i:{self[m.group(1)].alternation})", template)
            pattern = self.compiled[template] = re.compile(source)
        return pattern

    def union(self, *keys: str) -> PhraseSet:
        """All phrases of several groups as one set (one regex instead of several), cached."""
        name = "|".join(keys)
        found = self.unions.get(name)
        if found is None:
            found = self.unions[name] = PhraseSet.of(p for key in keys for p in self[key].phrases)
        return found

    def sentences(self, text: str) -> tuple[str, ...]:
        """`text` split into sentences; this language's abbreviations ("bl.a.", "kl.") hold."""
        return split_sentences(text, self.regex(ABBREVIATION_END))

    def kind_of(self, word: str) -> str | None:
        return self.kinds.get(fold(word))


WORD = re.compile(r"\w+")
EMPTY = PhraseSet.of(())
PLACEHOLDER = re.compile(r"\{([a-z_]+\.[a-z_]+)\}")
# A sentence that ends in an abbreviation ("bl.a.", "kl.") or an initial ("S.") goes on.
ABBREVIATION_END = r"(?:(?<!\w){words.abbreviations}|(?<!\w)[A-ZÅÄÖ])\.$"


def _trie(phrases: Iterable[str]) -> str:
    """One regex for all `phrases`, as a trie; the longest phrase wins. Every non-ASCII
    character may also be U+FFFD: documents whose å/ä/ö/§ a wrong encoding destroyed still match
    their keywords."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(root)


def _branches(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    ends = "" in node
    options = [_char(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not options:
        return ""
    body = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
    return f"(?:{body})?" if ends else body


def _char(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ord(ch) > 127:
        return f"[{re.escape(ch)}\ufffd]"
    return re.escape(ch)


def _read(code: str) -> dict[str, object]:
    with (LANG_DIR / code / "keywords.toml").open("rb") as handle:
        return tomllib.load(handle)


def _merge(
    tables: list[dict[str, object]],
) -> tuple[dict[str, list[str]], dict[str, str], dict[str, str], dict[str, str]]:
    groups: dict[str, list[str]] = {}
    roles: dict[str, str] = {}
    role_names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for table in tables:
        for section, content in table.items():
            if section == "defaults":
                continue  # the document language's alone: see load_vocabulary
            if not isinstance(content, dict):
                if section == "markers" and isinstance(content, list):
                    groups.setdefault(f"markers.{table['language']}", []).extend(map(str, content))
                continue
            for name, value in content.items():
                if section == "kinds" and isinstance(value, list):
                    for word in value:
                        kinds.setdefault(fold(str(word)), name)
                    groups.setdefault("kinds.all", []).extend(map(str, value))
                elif name in ("default_roles", "role_names") and isinstance(value, dict):
                    target = roles if name == "default_roles" else role_names
                    for written, role in value.items():
                        target.setdefault(fold(written), str(role))
                elif isinstance(value, list):
                    groups.setdefault(f"{section}.{name}", []).extend(map(str, value))
    return groups, roles, kinds, role_names


@functools.cache
def load_vocabulary(language: str) -> Vocabulary:
    """The vocabulary for a document in `language`, with the other languages' words after it."""
    order = [language] + [code for code in LANGUAGES if code != language]
    tables = [_read(code) for code in order]
    groups, roles, kinds, role_names = _merge(tables)
    defaults = tables[0].get("defaults", {})
    return Vocabulary(
        language=language,
        groups={key: PhraseSet.of(words) for key, words in groups.items()},
        roles_by_heading=roles,
        kinds=kinds,
        role_names=role_names,
        defaults={str(k): str(v) for k, v in defaults.items()}
        if isinstance(defaults, dict)
        else {},
    )


def detect_language(texts: Iterable[str]) -> str:
    """The language whose marker words occur most often in the first thousand words."""
    words: Counter[str] = Counter()
    seen = 0
    for text in texts:
        found = WORD.findall(text.lower())
        words.update(found)
        seen += len(found)
        if seen > 1000:
            break
    counts = {code: sum(words[m] for m in _markers(code)) for code in LANGUAGES}
    return max(LANGUAGES, key=lambda code: counts[code])


@functools.cache
def _markers(code: str) -> frozenset[str]:
    return frozenset(load_vocabulary(code)[f"markers.{code}"].phrases)
