"""Word list numbering: which paragraphs are list items, and the number Word would show."""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml.etree import _Element  # type: ignore[import-untyped]  # lxml ships no stubs


@dataclass(frozen=True, slots=True)
class Level:
    fmt: str
    """"bullet", "decimal", "lowerLetter", "upperRoman", ..."""
    text: str
    """lvlText: "%1.", "%1.%2", "•"."""
    start: int = 1


@dataclass(slots=True)
class Numbering:
    """numId -> levels, plus running counters so "1.", "2.", "a)" come out as Word shows them."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def from_part(cls, numbering: _Element | None) -> Numbering:
        result = cls()
        if numbering is None:
            return result
        abstract: dict[str, dict[int, Level]] = {}
        for node in numbering.iterfind(qn("w:abstractNum")):
            levels: dict[int, Level] = {}
            for lvl in node.iterfind(qn("w:lvl")):
                levels[_int(lvl.get(qn("w:ilvl")))] = Level(
                    fmt=_val(lvl, "w:numFmt") or "decimal",
                    text=_val(lvl, "w:lvlText") or "",
                    start=_int(_val(lvl, "w:start"), 1),
                )
            abstract[node.get(qn("w:abstractNumId")) or ""] = levels
        for num in numbering.iterfind(qn("w:num")):
            result.levels[num.get(qn("w:numId")) or ""] = abstract.get(
                _val(num, "w:abstractNumId") or "", {}
            )
        return result

    def marker(self, num_id: str, ilvl: int) -> str:
        """The marker of the next item of list `num_id` at depth `ilvl` ("•", "3.", "b)")."""
        level = self.levels.get(num_id, {}).get(ilvl)
        if level is None:
            return "•"
        if level.fmt in ("bullet", "none"):
            glyph = level.text.strip()
            # Symbol-font bullets live in the private use area ("\uf0b7"): show them as "•".
            return "•" if not glyph or any("\ue000" <= c <= "\uf8ff" for c in glyph) else glyph
        counters = self.counters.setdefault(num_id, [])
        while len(counters) <= ilvl:
            depth = len(counters)
            counters.append(self.levels[num_id].get(depth, level).start - 1)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = self.levels[num_id].get(deeper, level).start - 1
        text = level.text or f"%{ilvl + 1}."
        for depth in range(ilvl + 1):
            fmt = self.levels[num_id].get(depth, level).fmt
            text = text.replace(f"%{depth + 1}", _format(max(counters[depth], 1), fmt))
        return text.strip()


def _format(number: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        n = number
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(number)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(number)


def _roman(number: int) -> str:
    values = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    out = ""
    for value, letters in values:
        while number >= value and len(out) < 30:
            out += letters
            number -= value
    return out


def _val(node: _Element, tag: str) -> str | None:
    child = node.find(qn(tag))
    return None if child is None else child.get(qn("w:val"))


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
