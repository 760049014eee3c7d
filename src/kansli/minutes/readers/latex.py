"""LaTeX, read as text with light cleanup.

\\section / \\subsection are HEADINGs, \\item BULLETs (nested by itemize depth), tabular lines
("a & b \\\\") ROWs; \\title, \\author, \\date go to metadata. The preamble, comments and
commands without text are dropped; \\textbf{x} and friends leave their text.
"""

from __future__ import annotations

import re

from kansli.minutes.readers._result import ReadResult
from kansli.minutes.readers.text import LineReader, split_lines

_COMMENT = re.compile(r"(?<!\\)%.*$")
_SECTION = re.compile(r"^\s*\\(section|subsection|subsubsection|paragraph)\*?\s*\{(.*)\}\s*$")
_LEVELS = {"section": 1, "subsection": 2, "subsubsection": 3, "paragraph": 4}
_META = re.compile(r"^\s*\\(title|author|date)\s*\{(.*)\}\s*$")
_ITEM = re.compile(r"^\s*\\item(?:\[([^\]]*)\])?\s*(.*)$")
_ENVIRONMENT = re.compile(r"^\s*\\(begin|end)\{([^}]*)\}")
_LISTS = frozenset({"itemize", "enumerate", "description"})
_HREF = re.compile(r"\\href\{[^}]*\}\{([^}]*)\}")
_WITH_ARGUMENT = re.compile(r"\\[A-Za-z]+\*?(?:\[[^\]]*\])?\{([^{}]*)\}")
_BARE_COMMAND = re.compile(r"\\[A-Za-z]+\*?(?:\[[^\]]*\])?")
_ESCAPED = {"\\&": "&", "\\%": "%", "\\_": "_", "\\#": "#", "\\$": "$", "\\{": "{", "\\}": "}"}


def latex_inline(text: str) -> str:
    text = _HREF.sub(r"\1", text)
    for _ in range(4):  # nested commands: \textbf{\emph{x}}
        text, count = _WITH_ARGUMENT.subn(r"\1", text)
        if not count:
            break
    text = text.replace("\\\\", " ")
    for escaped, plain in _ESCAPED.items():
        text = text.replace(escaped, plain)
    text = _BARE_COMMAND.sub("", text)
    text = text.replace("~", " ").replace("---", "—").replace("--", "–")
    return text.replace("``", "\u201d").replace("''", "\u201d").replace("{", "").replace("}", "")


class LatexReader(LineReader):
    numbered = ""

    def __init__(self, lines: list[str]) -> None:
        super().__init__(lines)
        self.in_body = not any("\\begin{document}" in line for line in lines)
        self.list_depth = 0

    def inline(self, text: str) -> str:
        return latex_inline(text)

    def line(self, line: str, number: int) -> None:
        line = _COMMENT.sub("", line)
        if not self.in_body:
            self.metadata_line(line)
            self.in_body = "\\begin{document}" in line
            return
        if "\\end{document}" in line:
            self.in_body = False
            return
        super().line(line, number)

    def metadata_line(self, line: str) -> None:
        meta = _META.match(line)
        if meta and latex_inline(meta[2]).strip():
            self.metadata.append((meta[1], latex_inline(meta[2]).strip()))

    def special(self, line: str, number: int) -> bool:
        section = _SECTION.match(line)
        if section:
            self.heading(section[2], number, level=_LEVELS[section[1]], marker=f"\\{section[1]}")
            return True
        environment = _ENVIRONMENT.match(line)
        if environment:
            if environment[2] in _LISTS:
                self.list_depth += 1 if environment[1] == "begin" else -1
            # The environment's own arguments ({ll} of a tabular) are not text.
            rest = re.sub(
                r"^(?:\s*(?:\{[^{}]*\}|\[[^\]]*\]))+", "", line[environment.end() :]
            ).strip()
            if rest:
                self.line(rest, number)
            return True
        item = _ITEM.match(line)
        if item:
            marker = item[1] or "\\item"
            self.out.bullet(
                self.inline(item[2]), number, level=max(0, self.list_depth - 1), marker=marker
            )
            self.open = None
            return True
        if "&" in line.replace("\\&", "") and line.rstrip().endswith("\\\\"):
            cells = re.split(r"(?<!\\)&", line.rstrip()[:-2])
            self.out.row([self.inline(cell) for cell in cells], number)
            return True
        if re.fullmatch(r"\s*(\\[A-Za-z]+\*?(\[[^\]]*\])?(\{[^{}]*\})*\s*)+", line):
            stripped = latex_inline(line).strip()
            if not stripped or line.strip().startswith(("\\hline", "\\maketitle", "\\newpage")):
                return True
        return False


def read(text: str) -> ReadResult:
    return LatexReader(split_lines(text)).run()
