"""How fast Kansli reads minutes, measured on this machine. Run from the repo root:

    .venv/bin/python bench/parse.py [--quick]      (or `make bench`)

1. The founding text in process: median/p95/min of `parse_text`, split into `read_text` (the
   block stream) and `parse_document` (the parser). Goal: median <= 2 ms.
2. DOCX and PDF import against raw extraction of the same files (python-docx paragraphs and
   cells; pypdfium2 `get_text_range()` per page), in documents/s and pages/s. Both sides open
   the file from disk on every run. Goal: `parse_file` at >= 50 % of raw extraction speed.
3. Our date grammar against `dateparser` on date expressions from the corpus: what each one
   reads (against a hand-written expected reading) and what a call costs.

Every measurement warms up first and then runs its cases interleaved (A, B, C, A, B, C, ...) so
that a change in machine load hits all of them alike. The garbage collector stays on, as in
real use. Goals are reported, never asserted: this is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import dateparser
import docx
import pypdfium2 as pdfium
from dateparser.date import DateDataParser
from dateparser.search import search_dates

from kansli.minutes import MinutesError, parse_file, parse_text
from kansli.minutes.dates import DateGrammar, DateSpan, default_grammar, parse_short_iso
from kansli.minutes.parser import parse_document
from kansli.minutes.readers import read_file, read_text
from machine import cpu_model

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
FOUNDING = CORPUS / "sv" / "sodertorn-ledningsgrupp-2019-01-25"
SCANNED = "sv-assoc-pdf-sten-04.pdf"  # no text layer: nothing to extract, raw or ours

TEXT_GOAL_MS = 2.0
IMPORT_GOAL = 0.50  # ours / raw extraction speed
REF = dt.date(2019, 1, 25)
DATEPARSER_LANGUAGES = ["sv", "en"]
DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_DATES_FROM": "future",
    "RELATIVE_BASE": dt.datetime(2019, 1, 25),
}


# --- measuring -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Budget:
    """How long to measure: every case runs at least `min_runs` times and, all cases together,
    until `seconds` per case have passed, but never more than `max_runs` times."""

    min_runs: int
    max_runs: int
    seconds: float
    warmup: int = 2


@dataclass(frozen=True, slots=True)
class Plan:
    text: Budget
    files: Budget
    date_passes: int


FULL = Plan(
    text=Budget(min_runs=30, max_runs=200, seconds=3.0, warmup=5),
    files=Budget(min_runs=7, max_runs=200, seconds=1.5),
    date_passes=30,
)
QUICK = Plan(
    text=Budget(min_runs=5, max_runs=50, seconds=0.3),
    files=Budget(min_runs=3, max_runs=20, seconds=0.1, warmup=1),
    date_passes=3,
)


@dataclass(frozen=True, slots=True)
class Stats:
    samples: tuple[float, ...]
    """Seconds per run."""

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        if len(self.samples) < 2:
            return self.samples[0]
        return statistics.quantiles(self.samples, n=20, method="inclusive")[18]

    @property
    def min(self) -> float:
        return min(self.samples)

    @property
    def runs(self) -> int:
        return len(self.samples)


def measure(cases: dict[str, Callable[[], object]], budget: Budget) -> dict[str, Stats]:
    """Time every case, interleaved, after `budget.warmup` untimed runs of each."""
    for case in cases.values():
        for _ in range(budget.warmup):
            case()
    samples: dict[str, list[float]] = {name: [] for name in cases}
    gc.collect()
    started = time.perf_counter()
    limit = budget.seconds * len(cases)
    runs = 0
    while runs < budget.max_runs:
        for name, case in cases.items():
            t0 = time.perf_counter()
            case()
            samples[name].append(time.perf_counter() - t0)
        runs += 1
        if runs >= budget.min_runs and time.perf_counter() - started >= limit:
            break
    return {name: Stats(tuple(values)) for name, values in samples.items()}


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:9.2f} ms"


def heading(title: str) -> None:
    print()
    print(title)
    print("-" * len(title))


# --- the machine -----------------------------------------------------------------------------


def git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout.strip()


def revision() -> str:
    """The commit measured, with "+changes" when tracked files under src/ differ from it."""
    try:
        head = git("rev-parse", "--short", "HEAD")
        dirty = git("status", "--porcelain", "--", "src")
    except OSError:
        return "unknown"
    return f"{head}{' +uncommitted changes in src/' if dirty else ''}" or "unknown"


def print_machine(quick: bool) -> None:
    heading("Machine")
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    packages = ("kansli", "pypdfium2", "python-docx", "dateparser")
    print(f"date         {dt.date.today().isoformat()}   mode: {'--quick' if quick else 'full'}")
    print(f"cpu          {cpu_model()}, {os.cpu_count()} cores ({usable} usable)")
    print(f"load avg     {load} (1/5/15 min; others on the machine skew the figures)")
    print(f"python       {platform.python_version()} ({platform.python_implementation()})")
    print(f"platform     {platform.platform()}")
    print("packages     " + ", ".join(f"{p} {metadata.version(p)}" for p in packages))
    print(f"kansli rev   {revision()}")


# --- 1. the founding text in process ---------------------------------------------------------


def bench_text(budget: Budget) -> None:
    path = FOUNDING.with_suffix(".txt")
    heading(f"1. Founding text in process: parse_text({path.name})")
    text = path.read_text(encoding="utf-8")
    document = read_text(text, path.name)
    stats = measure(
        {
            "parse_text": lambda: parse_text(text, path.name),
            "  read_text (blocks)": lambda: read_text(text, path.name),
            "  parse_document": lambda: parse_document(document),
        },
        budget,
    )
    blocks = len(document.blocks)
    runs = stats["parse_text"].runs
    print(f"{len(text):,} characters, {blocks} blocks; {runs} timed runs of each after warm-up")
    print(f"{'':22}{'median':>12}{'p95':>12}{'min':>12}")
    for name, s in stats.items():
        print(f"{name:22}{ms(s.median)}{ms(s.p95)}{ms(s.min)}")
    median_ms = stats["parse_text"].median * 1e3
    met = median_ms <= TEXT_GOAL_MS
    verdict = "met" if met else f"NOT met: {median_ms / TEXT_GOAL_MS:.1f}x the goal"
    print(f"goal: median parse_text <= {TEXT_GOAL_MS:g} ms -> {verdict}")


# --- 2. DOCX and PDF import against raw extraction -------------------------------------------


def raw_pdf(path: Path) -> int:
    """pypdfium2 without layout: every page's text in reading order, as one string."""
    pdf = pdfium.PdfDocument(path)
    try:
        chars = 0
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            textpage.close()
            page.close()
        return chars
    finally:
        pdf.close()


def raw_docx(path: Path) -> int:
    """python-docx without structure: every body paragraph's and table cell's text."""
    document = docx.Document(str(path))
    chars = sum(len(paragraph.text) for paragraph in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            chars += sum(len(cell.text) for cell in row.cells)
    return chars


def pdf_pages(path: Path) -> int:
    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


@dataclass(frozen=True, slots=True)
class FileRun:
    name: str
    pages: int | None
    stats: dict[str, Stats]


def bench_file(path: Path, raw: Callable[[Path], int], budget: Budget) -> FileRun | None:
    try:
        read_file(path)
    except MinutesError as error:
        print(f"skipped {path.name}: {error}")
        return None
    cases: dict[str, Callable[[], object]] = {
        "raw": lambda: raw(path),
        "read_file": lambda: read_file(path),
        "parse_file": lambda: parse_file(path),
    }
    pages = pdf_pages(path) if path.suffix == ".pdf" else None
    return FileRun(path.name, pages, measure(cases, budget))


def print_files(runs: Sequence[FileRun], raw_name: str) -> None:
    print(f"median of N runs per file; raw = {raw_name}")
    head = f"{'file':40}{'pages':>6}{'N':>4}{'raw':>12}{'read_file':>12}{'parse_file':>12}"
    print(head)
    for run in runs:
        cells = "".join(ms(run.stats[k].median) for k in ("raw", "read_file", "parse_file"))
        pages = "" if run.pages is None else str(run.pages)
        print(f"{run.name:40}{pages:>6}{run.stats['raw'].runs:>4}{cells}")


def print_throughput(runs: Sequence[FileRun]) -> None:
    """Totals over the set: documents/s, pages/s and ours/raw for read_file and parse_file."""
    kinds = ("raw", "read_file", "parse_file")
    total = {kind: sum(run.stats[kind].median for run in runs) for kind in kinds}
    pages = sum(run.pages or 0 for run in runs)
    for kind, seconds in total.items():
        per_page = f"{pages / seconds:8.1f} pages/s" if pages else ""
        ratio = "" if kind == "raw" else f"   ours/raw {total['raw'] / seconds:6.1%}"
        print(f"  {kind:11}{len(runs) / seconds:8.2f} documents/s{per_page}{ratio}")
    best = {kind: sum(run.stats[kind].min for run in runs) for kind in kinds}
    read, parse = best["raw"] / best["read_file"], best["raw"] / best["parse_file"]
    print(f"  (from the fastest runs instead: read_file {read:.1%}, parse_file {parse:.1%} of raw)")
    ratio = total["raw"] / total["parse_file"]
    verdict = "met" if ratio >= IMPORT_GOAL else f"NOT met: {IMPORT_GOAL / ratio:.1f}x too slow"
    print(f"  goal: parse_file >= {IMPORT_GOAL:.0%} of raw speed -> {verdict}")


def bench_imports(budget: Budget) -> None:
    heading("2. Import throughput against raw extraction (files read from disk every run)")
    docx_path = FOUNDING.with_suffix(".docx")
    docx_runs = [r for r in [bench_file(docx_path, raw_docx, budget)] if r is not None]
    print_files(docx_runs, "docx.Document + all paragraph and table cell texts")
    print("DOCX total:")
    print_throughput(docx_runs)
    print()
    pdfs = [p for p in sorted((CORPUS / "pdf").glob("*.pdf")) if p.name != SCANNED]
    pdfs.append(FOUNDING.with_suffix(".pdf"))
    pdf_runs = [r for r in (bench_file(p, raw_pdf, budget) for p in pdfs) if r is not None]
    print_files(pdf_runs, "pypdfium2.PdfDocument + get_textpage().get_text_range() per page")
    print(f"PDF total ({len(pdf_runs)} documents, {sum(r.pages or 0 for r in pdf_runs)} pages):")
    print_throughput(pdf_runs)


# --- 3. our date grammar against dateparser --------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reading:
    """What an expression means with the meeting on 2019-01-25: a day, a range, or a season
    or month (`approximate`), and/or a clock time or time range."""

    start: dt.date | None = None
    end: dt.date | None = None
    approximate: bool = False
    clock: tuple[dt.time, dt.time | None] | None = None

    @property
    def last(self) -> dt.date | None:
        return self.end or self.start


D, T = dt.date, dt.time
AUTUMN = Reading(D(2019, 9, 1), D(2019, 11, 30), approximate=True)
EXPRESSIONS: tuple[tuple[str, Reading], ...] = (
    ("2019-01-25", Reading(D(2019, 1, 25))),
    ("Fredag 25 januari 2019 kl 08.30-11.30", Reading(D(2019, 1, 25), clock=(T(8, 30), T(11, 30)))),
    ("den 7 februari", Reading(D(2019, 2, 7))),
    ("7/2", Reading(D(2019, 2, 7))),
    ("22 februari", Reading(D(2019, 2, 22))),
    ("1-3 juli", Reading(D(2019, 7, 1), D(2019, 7, 3))),
    ("5-6 september", Reading(D(2019, 9, 5), D(2019, 9, 6))),
    ("Höst", AUTUMN),
    ("ännu i höst", AUTUMN),
    ("i oktober", Reading(D(2019, 10, 1), D(2019, 10, 31), approximate=True)),
    ("15.9.2022", Reading(D(2022, 9, 15))),
    ("kl. 18.00 – 19.37", Reading(clock=(T(18, 0), T(19, 37)))),
    ("den 19 mars", Reading(D(2019, 3, 19))),
    ("tisdag 12 mars kl. 13.00", Reading(D(2019, 3, 12), clock=(T(13, 0), None))),
    ("nästa möte 14 mars", Reading(D(2019, 3, 14))),
    ("vecka 15", Reading(D(2019, 4, 8), D(2019, 4, 14))),
    ("Oct. 16", Reading(D(2019, 10, 16))),
    ("November 8, 2005", Reading(D(2005, 11, 8))),
    ("17-18/1", Reading(D(2019, 1, 17), D(2019, 1, 18))),
    ("25/1 2019", Reading(D(2019, 1, 25))),
    ("24-09-16", Reading(D(2024, 9, 16))),
)


def ours(grammar: DateGrammar, text: str) -> tuple[Reading, str]:
    """Our reading and the call that gave it: parse_date for a whole cell, else the first of
    find_dates, else parse_short_iso (YY-MM-DD, kept out of find_dates by design); find_times
    adds the clock."""
    times = grammar.find_times(text)
    clock = (times[0].start, times[0].end) if times else None
    span: DateSpan | None = grammar.parse_date(text, REF)
    via = "parse_date"
    if span is None:
        found = grammar.find_dates(text, REF)
        span, via = (found[0], "find_dates") if found else (None, "")
    if span is not None:
        return Reading(span.start, span.end, span.approximate, clock), via
    short = parse_short_iso(text)
    if short is not None:
        return Reading(short, clock=clock), "parse_short_iso"
    return Reading(clock=clock), "find_times" if clock else "-"


def show_reading(reading: Reading) -> str:
    parts = []
    if reading.start is not None:
        day = reading.start.isoformat()
        if reading.end is not None:
            day += f"..{reading.end.isoformat()}"
        parts.append(day + ("~" if reading.approximate else ""))
    if reading.clock is not None:
        begin, end = reading.clock
        parts.append(begin.strftime("%H:%M") + (f"-{end.strftime('%H:%M')}" if end else ""))
    return " ".join(parts) or "-"


def show_moment(moment: dt.datetime) -> str:
    if moment.time() == dt.time():
        return moment.date().isoformat()
    return moment.strftime("%Y-%m-%d %H:%M")


def judge_moment(moment: dt.datetime | None, want: Reading) -> str:
    """dateparser returns one datetime: "ok" when it is the whole reading, "part" when it is
    one end of a range, one day of a month or season, or the date without its clock."""
    if moment is None:
        return "MISS"
    day, clock = moment.date(), moment.time()
    if want.start is None or want.last is None:  # a clock time only
        hit = want.clock is not None and clock == want.clock[0]
        return "part" if hit else "WRONG"
    if not want.start <= day <= want.last:
        return "WRONG"
    whole_day = want.end is None and not want.approximate
    clock_ok = want.clock is None or (clock == want.clock[0] and want.clock[1] is None)
    return "ok" if whole_day and clock_ok else "part"


def judge_search(found: list[tuple[str, dt.datetime]] | None, want: Reading) -> str:
    if not found:
        return "MISS"
    verdicts = [judge_moment(moment, want) for _, moment in found]
    if verdicts == ["ok"]:
        return "ok"
    wrong = verdicts.count("WRONG")
    if wrong == len(verdicts):
        return "WRONG"
    return "part" + (f" +{wrong} false" if wrong else "")


def dp_parse(text: str) -> dt.datetime | None:
    return dateparser.parse(text, languages=DATEPARSER_LANGUAGES, settings=DATEPARSER_SETTINGS)


def dp_search(text: str) -> list[tuple[str, dt.datetime]] | None:
    return search_dates(text, languages=DATEPARSER_LANGUAGES, settings=DATEPARSER_SETTINGS)


def first_calls() -> None:
    """One-off costs: building our grammar, and dateparser's first call (it loads its language
    data then). Must run before anything else in the process calls dateparser."""
    t0 = time.perf_counter()
    DateGrammar(("sv", "en"))
    t1 = time.perf_counter()
    dp_parse("25 januari 2019")
    t2 = time.perf_counter()
    print(f"one-off: DateGrammar(('sv', 'en')) built in {ms(t1 - t0).strip()}; ", end="")
    print(f"dateparser's first call in the process {ms(t2 - t1).strip()}")


def print_readings(grammar: DateGrammar) -> None:
    """What each one read, against the expected reading; ~ marks a season or whole month."""
    print(f"readings with the meeting on {REF}: expected is by hand, ~ = approximate (a season or")
    print("month); kansli says ok when it read exactly the expected, and which call read it")
    print(f"{'expression':39}{'expected':24}{'kansli':22}{'dateparser.parse':24}search_dates")
    tally: dict[str, list[str]] = {"kansli": [], "parse": [], "search": []}
    for text, want in EXPRESSIONS:
        mine, via = ours(grammar, text)
        mark = "ok" if mine == want else "WRONG"
        moment, found = dp_parse(text), dp_search(text)
        verdicts = (mark, judge_moment(moment, want), judge_search(found, want))
        for key, verdict in zip(tally, verdicts, strict=True):
            tally[key].append(verdict.split()[0])
        dp_cell = f"{show_moment(moment) if moment else '-'} {verdicts[1]}"
        search = ", ".join(show_moment(m) for _, m in found or []) or "-"
        kansli = f"ok, {via}" if mark == "ok" else f"{show_reading(mine)} WRONG, {via}"
        print(f"{text:39}{show_reading(want):24}{kansli:22}{dp_cell:24}{search} {verdicts[2]}")
    for key, verdicts in tally.items():
        counts = ", ".join(f"{verdicts.count(v)} {v}" for v in ("ok", "part", "WRONG", "MISS"))
        print(f"  {key:8} {counts}  (of {len(EXPRESSIONS)})")


def time_dates(grammar: DateGrammar, passes: int) -> dict[str, dict[str, Stats]]:
    """Seconds per call, per expression and function; all calls interleaved, `passes` times."""
    parser = DateDataParser(languages=DATEPARSER_LANGUAGES, settings=DATEPARSER_SETTINGS)
    calls: dict[str, Callable[[str], object]] = {
        "find_dates": lambda s: grammar.find_dates(s, REF),
        "parse_date": lambda s: grammar.parse_date(s, REF),
        "dp.parse": dp_parse,
        "DDP reused": parser.get_date_data,
        "search_dates": dp_search,
    }
    texts = [text for text, _ in EXPRESSIONS]
    samples = {name: {text: [] for text in texts} for name in calls}
    gc.collect()
    for _ in range(passes + 1):  # the first pass is a warm-up
        for text in texts:
            for name, call in calls.items():
                t0 = time.perf_counter()
                call(text)
                samples[name][text].append(time.perf_counter() - t0)
    return {
        name: {text: Stats(tuple(values[1:])) for text, values in per_text.items()}
        for name, per_text in samples.items()
    }


def print_date_times(times: dict[str, dict[str, Stats]]) -> None:
    passes = next(iter(next(iter(times.values())).values())).runs
    print(f"microseconds per call, median of {passes} interleaved passes")
    print(f"{'expression':39}" + "".join(f"{name:>14}" for name in times))
    for text, _ in EXPRESSIONS:
        print(f"{text:39}" + "".join(f"{times[n][text].median * 1e6:14.1f}" for n in times))
    medians = {name: statistics.median(s.median for s in t.values()) for name, t in times.items()}
    totals = {name: sum(s.median for s in t.values()) for name, t in times.items()}
    print(f"{'median over expressions':39}" + "".join(f"{medians[n] * 1e6:14.1f}" for n in times))
    print(f"{'sum over expressions':39}" + "".join(f"{totals[n] * 1e6:14.1f}" for n in times))
    print("over the whole list, dateparser.parse takes", end=" ")
    print(f"{totals['dp.parse'] / totals['find_dates']:.1f}x the time of find_dates,", end=" ")
    print(f"a reused DateDataParser {totals['DDP reused'] / totals['parse_date']:.1f}x parse_date")


def bench_dates(passes: int) -> None:
    heading("3. Date expressions: our grammar against dateparser " + dateparser.__version__)
    print(f"dateparser: languages={DATEPARSER_LANGUAGES}, settings={DATEPARSER_SETTINGS}")
    first_calls()
    grammar = default_grammar()
    print()
    print_readings(grammar)
    print()
    print_date_times(time_dates(grammar, passes))
    print("DDP reused = one DateDataParser built once, get_date_data per call; dateparser.parse")
    print("builds one per call when given languages/settings. search_dates finds dates in text.")


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    options.add_argument("--quick", action="store_true", help="a short run (rougher figures)")
    args = options.parse_args(argv)
    plan = QUICK if args.quick else FULL
    started = time.perf_counter()
    print_machine(args.quick)
    bench_text(plan.text)
    bench_imports(plan.files)
    bench_dates(plan.date_passes)
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\n(done in {time.perf_counter() - started:.0f} s; load avg now {load})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
