"""The English translation of the web UI: complete, compiled, in step with the code, and used.

The catalogue is read by the small reader below (polib is not a dependency). No `__init__.py`
in this folder: as a package it would be named `site` and clash with Python's own module.
"""

from __future__ import annotations

import re
import shutil
import time
from dataclasses import dataclass, field
from gettext import GNUTranslations
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client, override_settings

SRC = Path(__file__).parents[2] / "src" / "kansli"
PO = SRC / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")

Key = tuple[str | None, str, str | None]
"""An entry's identity: (msgctxt, msgid, msgid_plural)."""


@dataclass
class Entry:
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    """Singular entries keep their msgstr under 0; plural ones under each msgstr[n]."""
    flags: set[str] = field(default_factory=set)

    @property
    def key(self) -> Key:
        return (self.msgctxt, self.msgid, self.msgid_plural)


_LINE = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr)(?:\[(\d+)\])? (".*")$')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m[1], m[1]), text.strip()[1:-1])


def read_po(path: Path) -> list[Entry]:
    """The live entries of a .po file, header excluded; obsolete (`#~`) entries are skipped."""
    entries: list[Entry] = []
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        entry, target = Entry(), ""
        for line in block.splitlines():
            if line.startswith("#,"):
                entry.flags |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#"):
                continue  # translator, reference and obsolete (#~) lines
            elif match := _LINE.match(line):
                keyword, index, text = match[1], match[2], _unquote(match[3])
                target = f"{keyword}[{index}]" if index else keyword
                _set(entry, target, text)
            elif line.startswith('"') and target:
                _set(entry, target, _get(entry, target) + _unquote(line))
        if entry.msgid or entry.msgid_plural:
            entries.append(entry)
    return entries


def _get(entry: Entry, target: str) -> str:
    if target.startswith("msgstr"):
        return entry.msgstr[int(target[7:-1]) if "[" in target else 0]
    return getattr(entry, target) or ""


def _set(entry: Entry, target: str, text: str) -> None:
    if target.startswith("msgstr"):
        entry.msgstr[int(target[7:-1]) if "[" in target else 0] = text
    else:
        setattr(entry, target, text)


def test_it_reads_a_po_file(tmp_path: Path) -> None:
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        '#: a.py:1\n#, python-format\nmsgid "%(n)d av "\n"%(m)d"\nmsgid_plural "flera"\n'
        'msgstr[0] "one \\"of\\""\nmsgstr[1] "many"\n\n'
        'msgctxt "meny"\nmsgid "Arkiv"\nmsgstr "File"\n\n'
        '#~ msgid "Gammal"\n#~ msgstr "Old"\n',
        encoding="utf-8",
    )
    plural, context = read_po(po)
    assert plural.key == (None, "%(n)d av %(m)d", "flera")
    assert plural.msgstr == {0: 'one "of"', 1: "many"}
    assert plural.flags == {"python-format"}
    assert context.key == ("meny", "Arkiv", None)
    assert context.msgstr == {0: "File"}


def test_it_translates_every_string() -> None:
    entries = read_po(PO)
    assert len(entries) > 100
    untranslated = [e.msgid for e in entries if not all(e.msgstr.values()) or not e.msgstr]
    fuzzy = [e.msgid for e in entries if "fuzzy" in e.flags]
    assert untranslated == []
    assert fuzzy == []
    plural = [e.msgid for e in entries if e.msgid_plural and sorted(e.msgstr) != [0, 1]]
    assert plural == [], "English has two plural forms"


def test_it_keeps_every_placeholder() -> None:
    placeholder = re.compile(r"%\([a-z_]+\)[-#0 +]*\d*(?:\.\d+)?[sdif]")
    wrong = [
        (e.msgid, text)
        for e in read_po(PO)
        for text in e.msgstr.values()
        if sorted(placeholder.findall(text)) != sorted(placeholder.findall(e.msgid))
    ]
    assert wrong == []


def test_it_compiled_the_catalogue_from_the_po() -> None:
    with MO.open("rb") as mo:
        catalogue = GNUTranslations(mo)
    assert catalogue.info().get("language") == "en"
    stale = []
    for e in read_po(PO):
        if e.msgid_plural is not None:
            got = {
                0: _plural(catalogue, e, 1),
                1: _plural(catalogue, e, 2),
            }
        elif e.msgctxt is not None:
            got = {0: catalogue.pgettext(e.msgctxt, e.msgid)}
        else:
            got = {0: catalogue.gettext(e.msgid)}
        if got != e.msgstr:
            stale.append(e.msgid)
    assert stale == [], "recompile: msgfmt -o django.mo django.po (src/kansli/locale/README.md)"


def _plural(catalogue: GNUTranslations, entry: Entry, n: int) -> str:
    assert entry.msgid_plural is not None
    if entry.msgctxt is not None:
        return catalogue.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
    return catalogue.ngettext(entry.msgid, entry.msgid_plural, n)


def test_it_covers_every_string_marked_in_the_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """makemessages over a copy of the code, into the copy's own locale folder, gives exactly
    the committed entries: nothing marked is missing and nothing left over is kept."""
    copy = tmp_path / "kansli"
    shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("locale", "__pycache__"))
    monkeypatch.chdir(copy)
    started = time.perf_counter()
    with override_settings(LOCALE_PATHS=[copy / "locale"]):
        call_command("makemessages", locale=["en"], verbosity=0)
    elapsed = time.perf_counter() - started
    fresh = {e.key for e in read_po(copy / "locale" / "en" / "LC_MESSAGES" / "django.po")}
    committed = {e.key for e in read_po(PO)}
    assert sorted(fresh - committed, key=str) == [], "new strings: see src/kansli/locale/README.md"
    assert sorted(committed - fresh, key=str) == [], "strings no longer in the code"
    assert elapsed < 10, f"makemessages took {elapsed:.1f} s"


def test_it_shows_the_login_page_in_swedish_by_default(client: Client) -> None:
    page = client.get("/logga-in/")
    html = page.content.decode()
    assert page.status_code == 200
    assert '<html lang="sv">' in html
    assert "Logga in" in html


def test_it_shows_english_once_the_user_chooses_it(db: None) -> None:
    ledamoten = Client()
    ledamoten.force_login(User.objects.create_user("ledamoten"))
    assert "Mina grupper" in ledamoten.get("/").content.decode()

    chosen = ledamoten.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert chosen.status_code == 302
    assert chosen["Location"] == "/"

    html = ledamoten.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "My groups" in html
    assert "You are not in any group yet." in html
    assert "Log out" in html
    assert "Mina grupper" not in html
