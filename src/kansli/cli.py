"""The `kansli` command line: `kansli parse FILE [--format json|md|summary|html|docx|pdf]
[--out PATH]` (DOCX and PDF are bytes: to the file, or to standard out's bytes).

Every failure ends as one line on stderr and a documented exit code (see README), never a
traceback: the user of an importer is a secretary, not a Python programmer.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import json
import os
import sys
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import TextIO

from kansli.minutes import parse_file
from kansli.minutes.blocks import Block
from kansli.minutes.errors import MinutesError, UnreadableError
from kansli.minutes.model import Minutes
from kansli.minutes.parser import parse_document
from kansli.minutes.readers import read_file
from kansli.minutes.render import to_docx, to_html, to_json, to_markdown, to_pdf, to_summary

EXIT_IMPORT = 11
"""`kansli import`: at least one of the files could not be imported (each said why)."""
EXIT_OUTPUT = 9
EXIT_NOT_FOUND = 12
"""`kansli export MEETING`: no stored meeting has that number."""
"""--out could not be written. Not 2: argparse already uses 2 for a usage error."""
EXIT_INTERNAL = 70  # EX_SOFTWARE in sysexits.h
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for `kansli parse … | head`
EXIT_INTERRUPTED = 130  # 128 + SIGINT

Command = Callable[[argparse.Namespace], int]

# The operating system's own wording is English; these are the reasons a user meets.
_OS_REASONS = {
    errno.ENOENT: "mappen eller filen finns inte",
    errno.EACCES: "åtkomst nekad",
    errno.EPERM: "åtkomst nekad",
    errno.EISDIR: "det är en mapp",
    errno.ENOTDIR: "en del av sökvägen är ingen mapp",
    errno.ENOSPC: "disken är full",
    errno.EROFS: "skrivskyddat filsystem",
}


class OutputError(Exception):
    """The result could not be written where --out said."""

    exit_code = EXIT_OUTPUT

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(self.message())

    def message(self) -> str:
        return (
            f"{self.path}: resultatet kunde inte skrivas ({self.reason}) / "
            "the output could not be written"
        )


class NotFoundError(Exception):
    """`kansli export` / `kansli agenda` was asked for a meeting or body that is not stored."""

    exit_code = EXIT_NOT_FOUND

    def __init__(self, name: str, what: str = "möte") -> None:
        self.name = name
        self.what = what
        super().__init__(self.message())

    def message(self) -> str:
        if self.what == "möte":
            return f"möte {self.name} finns inte (se id:t i adressen /moten/ID/) / no such meeting"
        return f"{self.what} {self.name} finns inte / not found"


class UsageError(Exception):
    """A command-line value that cannot be used (argparse's own errors exit with 2 too)."""

    exit_code = 2

    def message(self) -> str:
        return str(self)


def _json_text(minutes: Minutes) -> str:
    return json.dumps(to_json(minutes), ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Callable[[Minutes], str | bytes]] = {
    "json": _json_text,
    "md": to_markdown,
    "summary": to_summary,
    "html": to_html,
    "docx": to_docx,
    "pdf": to_pdf,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command: Command = args.command
    try:
        return command(args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except MinutesError as err:
        _complain(_with_file(err, args))
        return err.exit_code
    except (OutputError, NotFoundError, UsageError) as err:
        _complain(err.message())
        return err.exit_code
    except Exception as err:  # the last resort: a bug must still not show a traceback
        _complain(_internal_error(err, args))
        return EXIT_INTERNAL


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kansli",
        description="Kansli – sekretariatet för kommunala samverkansorgan / "
        "the secretariat for municipal collaboration bodies",
    )
    parser.add_argument("--version", action="version", version=f"kansli {_version()}")
    commands = parser.add_subparsers(title="kommandon / commands", metavar="KOMMANDO")
    commands.required = True

    parse = commands.add_parser(
        "parse",
        help="läs ett mötesdokument och visa vad som förstods / read a minutes document",
        description="Läser minnesanteckningar eller ett protokoll (text, Markdown, Org, reST, "
        "HTML, DOCX, PDF) och skriver ut det som minutes/1-JSON, Markdown, en "
        "sammanfattning eller som dokument i husstilen (HTML, DOCX, PDF). / Reads minutes and "
        "prints them as minutes/1 JSON, Markdown, a summary, or as a house-style document.",
    )
    parse.add_argument("file", type=Path, metavar="FIL", help="dokumentet / the document")
    parse.add_argument(
        "--format",
        choices=[*sorted(RENDERERS), "trace"],
        default="json",
        help="utdataformat (standard: json) / output format (default: json)",
    )
    parse.add_argument(
        "--out",
        type=Path,
        metavar="SÖKVÄG",
        help="skriv till filen i stället för standard ut / write to this file, not stdout",
    )
    parse.set_defaults(command=_cmd_parse)

    imports = commands.add_parser(
        "import",
        help="läs in mötesdokument i registren / import minutes documents into the registers",
        description="Läser varje fil och för in mötet, närvaron, punkterna, besluten, åtgärderna "
        "och bordläggningarna i databasen. En fil som redan importerats (samma innehåll) "
        "hoppas över. / Reads each file and enters the meeting into the database; a file "
        "imported before is skipped.",
    )
    imports.add_argument("files", type=Path, nargs="+", metavar="FIL", help="dokumenten")
    imports.set_defaults(command=_cmd_import)

    exports = commands.add_parser(
        "export",
        help="skriv ut lagrade möten som minutes/1-JSON / print stored meetings as minutes/1",
        description="Skriver ut ett lagrat möte (id:t i adressen /moten/ID/) eller alla (--all, "
        "en lista) som minutes/1-JSON. / Prints one stored meeting, or all as a list, as "
        "minutes/1 JSON.",
    )
    which = exports.add_mutually_exclusive_group(required=True)
    which.add_argument("meeting", nargs="?", metavar="MÖTE", help="mötets id / the meeting's id")
    which.add_argument("--all", action="store_true", help="alla möten / every meeting")
    exports.add_argument(
        "--out", type=Path, metavar="SÖKVÄG", help="skriv till filen / write to this file"
    )
    exports.set_defaults(command=_cmd_export)

    agenda = commands.add_parser(
        "agenda",
        help="föreslå nästa dagordning / propose the next agenda",
        description="Föreslår dagordningen för gruppens möte den dagen: stående punkter, ärenden "
        "från andra möten, bordlagda ärenden och uppföljning av åtgärder, som JSON. / "
        "Proposes the agenda of the body's meeting on that date, as JSON.",
    )
    agenda_commands = agenda.add_subparsers(metavar="DELKOMMANDO")
    agenda_commands.required = True
    propose = agenda_commands.add_parser("propose", help="föreslå / propose")
    propose.add_argument("body", metavar="GRUPP", help="namn, kortnamn eller id / name or id")
    propose.add_argument("date", metavar="DATUM", help="ÅÅÅÅ-MM-DD")
    propose.set_defaults(command=_cmd_agenda_propose)

    remind = commands.add_parser(
        "remind",
        help="skicka dagens påminnelser / send today's reminders (cron)",
        description="Skickar till varje person en sammanfattning av åtgärder som förfaller inom "
        "N arbetsdagar och försenade åtgärder. Högst ett utskick per person och dag. / Sends "
        "each person a digest of actions due within N working days and overdue ones; once a day.",
    )
    remind.add_argument(
        "--days", type=int, default=5, help="arbetsdagar framåt (standard 5) / working days"
    )
    remind.add_argument("--date", metavar="DATUM", help="dagen att räkna från (standard: i dag)")
    remind.set_defaults(command=_cmd_remind)
    return parser


def _cmd_parse(args: argparse.Namespace) -> int:
    path: Path = args.file
    out: Path | None = args.out
    text = _trace(path) if args.format == "trace" else RENDERERS[args.format](_parse(path))
    if out is None:
        _emit(sys.stdout, text)
    else:
        _save(out, text)
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    """Through the same service as the web upload; one line per file, counted ("[3/40]")."""
    from kansli.site.setup import ready_database  # Django only for the commands that store

    ready_database()
    from kansli.meetings.services import import_document

    files: list[Path] = args.files
    failed = 0
    for number, path in enumerate(files, start=1):
        counter = f"[{number}/{len(files)}]"
        _progress(number - 1, len(files), path.name)
        try:
            _checked(path)
            result = import_document(_read(path), path.name)
        except MinutesError as err:
            _complain(f"{counter} {_with_file(err, args)}")
            failed += 1
            continue
        done = "importerad" if result.created else "redan importerad"
        _emit(sys.stdout, f"{counter} {path.name}: {done} – {result.meeting}\n")
    _progress(len(files), len(files), "")
    return EXIT_IMPORT if failed else 0


def _progress(done: int, total: int, name: str) -> None:
    """A bar on the terminal for many files ("[#####-----] 12/40 fil.docx"); nothing when
    stderr is a log or a pipe, where the counted lines on stdout say the same."""
    if total < 2 or not sys.stderr.isatty():
        return
    width = 30
    filled = width * done // total
    bar = "#" * filled + "-" * (width - filled)
    end = "\n" if done == total else ""
    sys.stderr.write(f"\r\x1b[K[{bar}] {done}/{total} {name[:40]}{end}")
    sys.stderr.flush()


def _cmd_agenda_propose(args: argparse.Namespace) -> int:
    """The proposed agenda as JSON: [{title, origin, reason, link}, ...]."""
    from kansli.site.setup import ready_database

    date = _date_argument(args.date)
    ready_database()
    from django.db.models import Q

    from kansli.followup.agenda import propose
    from kansli.meetings.models import Meeting
    from kansli.registry.models import Body

    wanted = Q(name__iexact=args.body) | Q(short_name__iexact=args.body)
    if args.body.isdigit():
        wanted |= Q(pk=int(args.body))
    body = Body.objects.filter(wanted).first()
    if body is None:
        raise NotFoundError(args.body, what="gruppen")
    meeting = Meeting.objects.filter(body=body, date=date).first()
    proposals = [p.as_json() for p in propose(body, date, meeting=meeting)]
    _emit(sys.stdout, json.dumps(proposals, ensure_ascii=False, indent=2) + "\n")
    return 0


def _cmd_remind(args: argparse.Namespace) -> int:
    """Cron: `kansli remind` once a day (running it again the same day sends nothing more)."""
    from kansli.site.setup import ready_database

    day = _date_argument(args.date) if args.date else None
    ready_database()
    from kansli.followup.reminders import send_reminders

    sent = send_reminders(on=day, within_working_days=args.days)
    _emit(sys.stdout, f"påminnelser skickade: {sent}\n")
    return 0


def _date_argument(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{text}: inget datum; skriv ÅÅÅÅ-MM-DD / not a date") from None


def _cmd_export(args: argparse.Namespace) -> int:
    """Stored meetings as minutes/1 JSON: one object, or a list with --all (oldest first)."""
    from kansli.site.setup import ready_database

    ready_database(migrate=False)
    from kansli.meetings.content import minutes_of
    from kansli.meetings.models import Meeting

    meetings = Meeting.objects.select_related("body").order_by("date", "pk")
    if args.all:
        data: object = [to_json(minutes_of(m)) for m in meetings]
    else:
        meeting = meetings.filter(pk=int(args.meeting)).first() if args.meeting.isdigit() else None
        if meeting is None:
            raise NotFoundError(args.meeting)
        data = to_json(minutes_of(meeting))
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.out is None:
        _emit(sys.stdout, text)
    else:
        _save(args.out, text)
    return 0


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise UnreadableError(str(path), _reason(err)) from err


def _trace(path: Path) -> str:
    """For engineers: which structural rule took each line ("sida:rad regel typ text")."""
    lines: list[str] = []

    def hear(block: Block, rule: str) -> None:
        where = f"{block.source.page or '-'}:{block.source.line_start}"
        text = " | ".join(block.cells) if block.cells else block.text
        lines.append(f"{where:>8}  {rule:<20} {block.kind.value:<9} {text[:100]}")

    _checked(path)
    parse_document(read_file(path), trace=hear)
    return "\n".join(lines) + "\n"


def _checked(path: Path) -> None:
    # The readers report their own errors; these checks only make the commonest mistakes
    # (a typo in the name, a folder) read as plainly as the readers' messages do.
    if not path.exists():
        raise UnreadableError(str(path), "filen finns inte")
    if path.is_dir():
        raise UnreadableError(str(path), "det är en mapp")


def _parse(path: Path) -> Minutes:
    _checked(path)
    try:
        return parse_file(path)
    except OSError as err:
        raise UnreadableError(str(path), _reason(err)) from err


def _save(out: Path, text: str | bytes) -> None:
    try:
        if isinstance(text, bytes):
            out.write_bytes(text)
        else:
            out.write_text(text, encoding="utf-8")
    except OSError as err:
        raise OutputError(out, _reason(err)) from err


def _reason(err: OSError) -> str:
    known = _OS_REASONS.get(err.errno) if err.errno is not None else None
    return known or err.strerror or type(err).__name__


def _emit(stream: TextIO, text: str | bytes) -> None:
    """Write UTF-8 whatever the locale says: a Latin-1 terminal must not turn "–" into a crash.
    A DOCX or PDF goes to the stream's bytes as it is."""
    try:
        buffer = stream.buffer
    except AttributeError:  # an in-memory stream has no bytes underneath
        stream.write(text if isinstance(text, str) else text.decode("utf-8", "replace"))
        return
    stream.flush()
    buffer.write(text if isinstance(text, bytes) else text.encode("utf-8"))
    buffer.flush()


def _complain(message: str) -> None:
    # One line, always: a message with a newline in a detail would read as two errors.
    _emit(sys.stderr, "kansli: " + " ".join(message.split()) + "\n")


def _with_file(err: MinutesError, args: argparse.Namespace) -> str:
    if err.name:
        return err.message()
    return f"{getattr(args, 'file', '')}: {err.message()}"


def _internal_error(err: Exception, args: argparse.Namespace) -> str:
    where = f"{args.file}: " if getattr(args, "file", None) else ""
    return (
        f"{where}internt fel ({type(err).__name__}: {err}) – rapportera det gärna till "
        "projektet, med filen om den får delas / internal error, please report it"
    )


def _silence_stdout() -> None:
    # The reader of our output has gone (`| head`); point stdout at /dev/null so that the
    # interpreter's final flush does not raise again while exiting.
    # ValueError/OSError: stdout is no real file (embedded, captured) and needs no flush.
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _version() -> str:
    try:
        return metadata.version("kansli")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "okänd version"


if __name__ == "__main__":
    sys.exit(main())
