"""How fast search answers, against the database's own full-text query on the same data, in
the same run. From the repo root:

    .venv/bin/python bench/search.py [--documents N] [--rounds R]   (or `make bench`)

For each database (SQLite always; PostgreSQL when `DATABASE_URL`, default
postgres://postgres@127.0.0.1:5432/test, answers), a child process:

1. migrates a database of its own (a temporary SQLite file; a schema of its own in
   PostgreSQL, dropped afterwards) and generates 200,000 search documents (items) in 20,000
   meetings of 20 bodies, 9 of 10 meetings published, their titles (2-6 words) and texts
   (10-60 words) drawn word by word from the Swedish corpus (tests/corpus/sv/*.md), so common
   words are common; written straight into the search tables and indexed by the index's own
   `added()` (the app's indexing path, minus reading the meetings).
2. times, query by query in interleaved rounds after a warm-up round:
   - **search()**: `kansli.search.backend.search(user, q, 20)` as a member of four bodies
     and secretary of a fifth (of 20): parsing and stemming, permissions inside the query,
     loading the hits and their snippets.
   - **raw**: the bare full-text query for the same words on the same connection, no
     permissions, ids only: `SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY
     bm25(...) LIMIT 20` on SQLite; `... WHERE search_vector @@ plainto_tsquery('swedish', ?)
     ORDER BY ts_rank(...) DESC LIMIT 20` on PostgreSQL.
   The queries: 15 common words, 15 middling, 15 rare (by their frequency in the corpus) and 15
   pairs of a common and a middling word.

Goals (reported, never asserted): median <= 2x raw, p95 <= 100 ms. The exit code is 1 only
when something failed.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from machine import cpu_model

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
CORPUS = ROOT / "tests" / "corpus" / "sv"
PG_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test")
DOCUMENTS = 200_000
BODIES = 20
PER_MEETING = 10
BATCH = 5_000
ROUNDS = 5
LIMIT = 20
PER_CLASS = 15
MEDIAN_GOAL = 2.0  # x raw
P95_GOAL = 0.100  # seconds


# --- the machine (the parent process) -----------------------------------------------------------


def revision() -> str:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        return done.stdout.strip()

    head = git("rev-parse", "--short", "HEAD")
    dirty = git("status", "--porcelain", "src/kansli/search", "bench/search.py")
    return f"{head}{' +uncommitted changes' if dirty else ''}" or "unknown"


def postgres_answers() -> bool:
    try:
        import psycopg  # noqa: PLC0415 — only when PostgreSQL is tried

        psycopg.connect(PG_URL, connect_timeout=3).close()
    except Exception:
        return False
    return True


# --- the words ----------------------------------------------------------------------------------


def corpus_words() -> list[str]:
    """Every word of the Swedish corpus, in order (so sampling it keeps their frequencies)."""
    from kansli.search.text import WORD  # noqa: PLC0415

    words: list[str] = []
    for path in sorted(CORPUS.glob("*.md")):
        words += [w for w in WORD.findall(path.read_text(encoding="utf-8")) if w.isalpha()]
    return words


@dataclass(frozen=True)
class Query:
    kind: str
    text: str


def queries(words: list[str], rng: random.Random) -> list[Query]:
    from kansli.search.text import STOP_WORDS, terms  # noqa: PLC0415

    counts = collections.Counter(
        stem for w in words if w.lower() not in STOP_WORDS for stem in terms(w)
    )
    form = {}  # one written form of each stem
    for w in words:
        for stem in terms(w):
            form.setdefault(stem, w.lower())
    ranked = [stem for stem, _ in counts.most_common() if len(stem) > 2]
    common, middling = ranked[:40], ranked[150:600]
    rare = [stem for stem in ranked if counts[stem] == 1]
    picked = [
        *(Query("common", form[s]) for s in rng.sample(common, PER_CLASS)),
        *(Query("middling", form[s]) for s in rng.sample(middling, PER_CLASS)),
        *(Query("rare", form[s]) for s in rng.sample(rare, PER_CLASS)),
    ]
    picked += [
        Query("two words", f"{form[a]} {form[b]}")
        for a, b in zip(rng.sample(common, PER_CLASS), rng.sample(middling, PER_CLASS), strict=True)
    ]
    return picked


# --- the child: one database ---------------------------------------------------------------------


def generate(documents: int, words: list[str], rng: random.Random) -> Any:
    """Bodies, the bench's user, meetings and search documents; returns the user."""
    from django.contrib.auth.models import User  # noqa: PLC0415
    from django.db import connection, transaction  # noqa: PLC0415

    from kansli.meetings.models import Meeting  # noqa: PLC0415
    from kansli.registry.models import Body, Membership, Person, Role  # noqa: PLC0415
    from kansli.search.backend import index  # noqa: PLC0415

    with transaction.atomic():
        bodies = Body.objects.bulk_create(Body(name=f"Bänkgrupp {n}") for n in range(BODIES))
        user = User.objects.create(username="bench")
        me = Person.objects.create(name="Bänk Mätare", user=user)
        Membership.objects.bulk_create(
            Membership(body=body, person=me, role=Role.SECRETARY if n == 4 else Role.MEMBER)
            for n, body in enumerate(bodies[:5])
        )
        now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        meetings = Meeting.objects.bulk_create(
            (
                Meeting(
                    body=bodies[i % BODIES],
                    year=2000 + (i // BODIES) // 50,
                    number=(i // BODIES) % 50 + 1,
                    date=dt.date(2000 + (i // BODIES) // 50, 1, 1),
                    published_at=now if i % 10 else None,
                )
                for i in range(documents // PER_MEETING)
            ),
            batch_size=2000,
        )
    # Rows written with executemany rather than model instances: the index gets the same
    # values through its own `added()`, which reads only these attributes.
    backend = index()
    columns = "id, kind, object_id, meeting_id, body_id, published, date, title, text, url"
    insert = f"INSERT INTO search_searchdocument ({columns}) VALUES ({', '.join(['%s'] * 10)})"
    for start in range(0, documents, BATCH):
        batch = []
        for n in range(start, min(start + BATCH, documents)):
            meeting = meetings[n // PER_MEETING]
            title = " ".join(rng.choices(words, k=rng.randint(2, 6))).capitalize()
            text = " ".join(rng.choices(words, k=rng.randint(10, 60))) + "."
            published = meeting.published_at is not None
            batch.append(
                Row(n + 1, meeting.body_id, published, meeting.pk, meeting.date, title, text)
            )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(
                insert,
                [
                    (r.pk, "item", r.pk, r.meeting_id, r.body_id, r.published, r.date, r.title,
                     r.text, f"/moten/{r.meeting_id}/#item-{r.pk}")
                    for r in batch
                ],
            )  # fmt: skip
            backend.added(batch)  # type: ignore[arg-type] — the attributes it reads
    return user


@dataclass(frozen=True)
class Row:
    pk: int
    body_id: int
    published: bool
    meeting_id: int
    date: dt.date
    title: str
    text: str


def raw_query(vendor: str) -> tuple[str, Any]:
    """The bare full-text query and how it gets its parameter from the user's words."""
    from kansli.search.backend import TITLE_WEIGHT, fts_query, parse_query  # noqa: PLC0415

    if vendor == "sqlite":
        sql = (
            "SELECT rowid FROM search_fts WHERE search_fts MATCH ?"
            f" ORDER BY bm25(search_fts, {TITLE_WEIGHT}, 1.0, 0.0) LIMIT {LIMIT}"
        )
        return sql, lambda q: (fts_query(parse_query(q).terms),)
    sql = (
        "SELECT id FROM search_searchdocument WHERE search_vector @@ plainto_tsquery('swedish', %s)"
        " ORDER BY ts_rank(search_vector, plainto_tsquery('swedish', %s)) DESC LIMIT " + str(LIMIT)
    )
    return sql, lambda q: (parse_query(q).words, parse_query(q).words)


def child(args: argparse.Namespace) -> dict[str, Any]:
    sys.path.insert(0, str(BENCH))
    os.environ["DJANGO_SETTINGS_MODULE"] = "search_site.settings"
    import django  # noqa: PLC0415

    django.setup()
    from django.core.management import call_command  # noqa: PLC0415
    from django.db import connection  # noqa: PLC0415

    from kansli.search.backend import search  # noqa: PLC0415

    rng = random.Random(2026)
    words = corpus_words()
    asked = queries(words, rng)
    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    t1 = time.perf_counter()
    user = generate(args.documents, words, rng)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES('optimize')")
            cursor.execute("ANALYZE")
        else:
            cursor.execute("VACUUM ANALYZE search_searchdocument")
    t2 = time.perf_counter()

    sql, params = raw_query(connection.vendor)
    raw = connection.connection  # the driver's own connection: no Django in the way

    def run_raw(q: str) -> int:
        cursor = raw.cursor()
        cursor.execute(sql, params(q))
        found = len(cursor.fetchall())
        cursor.close()
        return found

    count_sql = (
        "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?"
        if connection.vendor == "sqlite"
        else "SELECT count(*) FROM search_searchdocument"
        " WHERE search_vector @@ plainto_tsquery('swedish', %s)"
    )
    matches = {}
    for q in asked:
        cursor = raw.cursor()
        cursor.execute(count_sql, params(q.text)[:1])
        matches[q.text] = cursor.fetchone()[0]
        cursor.close()

    times: dict[str, list[float]] = {f"{q.text}|{side}": [] for q in asked for side in "or"}
    order = list(asked)
    for rnd in range(args.rounds + 1):  # round 0 warms up
        rng.shuffle(order)
        for q in order:
            a = time.perf_counter()
            search(user, q.text, LIMIT)
            b = time.perf_counter()
            run_raw(q.text)
            c = time.perf_counter()
            if rnd:
                times[f"{q.text}|o"].append(b - a)
                times[f"{q.text}|r"].append(c - b)
    return {
        "vendor": connection.vendor,
        "server": raw.info.server_version
        if connection.vendor == "postgresql"
        else sqlite3.sqlite_version,
        "documents": args.documents,
        "migrate_s": t1 - t0,
        "generate_s": t2 - t1,
        "queries": [asdict(q) for q in asked],
        "matches": matches,
        "times": times,
    }


# --- the report (the parent) ----------------------------------------------------------------------


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def report(result: dict[str, Any]) -> bool:
    """Prints one database's table; True when both goals are met."""
    asked = [Query(**q) for q in result["queries"]]
    times, matches = result["times"], result["matches"]
    print()
    title = f"{result['vendor']} {result['server']}: {result['documents']:,} documents"
    print(title)
    print("-" * len(title))
    print(f"migrate {result['migrate_s']:.1f} s, generate and index {result['generate_s']:.1f} s")
    print(
        f"{'queries':<12}{'n':>4}{'matches (median)':>18}{'raw median':>12}{'p95':>9}"
        f"{'search() median':>17}{'p95':>9}{'ratio':>8}"
    )
    met = True
    classes = [*dict.fromkeys(q.kind for q in asked), "all"]
    for kind in classes:
        chosen = [q for q in asked if kind in ("all", q.kind)]
        ours = [t for q in chosen for t in times[f"{q.text}|o"]]
        raw = [t for q in chosen for t in times[f"{q.text}|r"]]
        found = statistics.median(matches[q.text] for q in chosen)
        ratio = statistics.median(ours) / statistics.median(raw)
        print(
            f"{kind:<12}{len(chosen):>4}{found:>18,.0f}{statistics.median(raw) * 1000:>10.2f}ms"
            f"{p95(raw) * 1000:>7.1f}ms{statistics.median(ours) * 1000:>15.2f}ms"
            f"{p95(ours) * 1000:>7.1f}ms{ratio:>7.2f}x"
        )
        if kind == "all":
            median_ok, p95_ok = ratio <= MEDIAN_GOAL, p95(ours) <= P95_GOAL
            met = median_ok and p95_ok
            print(
                f"goals: median <= {MEDIAN_GOAL:g}x raw: {ratio:.2f}x "
                f"{'met' if median_ok else 'NOT met'}; p95 <= {P95_GOAL * 1000:.0f} ms: "
                f"{p95(ours) * 1000:.1f} ms {'met' if p95_ok else 'NOT met'}"
            )
    slowest = max(asked, key=lambda q: statistics.median(times[f"{q.text}|o"]))
    print(
        f"slowest query: {slowest.text!r} ({slowest.kind}, {matches[slowest.text]:,} matches): "
        f"search() {statistics.median(times[f'{slowest.text}|o']) * 1000:.1f} ms, "
        f"raw {statistics.median(times[f'{slowest.text}|r']) * 1000:.1f} ms"
    )
    return met


def run_child(args: argparse.Namespace, vendor: str) -> dict[str, Any] | None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [
        sys.executable, __file__, "--child", vendor,
        "--documents", str(args.documents), "--rounds", str(args.rounds),
    ]  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="kansli-bench-search-") as tmp:
        env["KANSLI_VAR_DIR"] = tmp
        schema = f"bench_search_{os.getpid()}"
        if vendor == "sqlite":
            env["KANSLI_BENCH_DB"] = str(Path(tmp) / "search.sqlite3")
            env.pop("KANSLI_BENCH_PG_SCHEMA", None)
        else:
            env["DATABASE_URL"] = PG_URL
            env["KANSLI_BENCH_PG_SCHEMA"] = schema
            _pg(f"CREATE SCHEMA {schema}")
        try:
            done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        finally:
            if vendor == "postgresql":
                _pg(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    if done.returncode != 0:
        print(f"{vendor}: the run failed\n{done.stderr[-3000:]}", file=sys.stderr)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def _pg(statement: str) -> None:
    import psycopg  # noqa: PLC0415

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(statement)  # type: ignore[arg-type] — our own fixed statements


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=DOCUMENTS)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--child", choices=("sqlite", "postgresql"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args)))
        return 0

    started = time.perf_counter()
    print("Search: search() against the raw full-text query")
    print(f"date       {dt.date.today().isoformat()}")
    print(f"cpu        {cpu_model()}, {os.cpu_count()} cores")
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load avg   {load} (1/5/15 min; others on the machine skew the figures)")
    packages = ", ".join(f"{p} {metadata.version(p)}" for p in ("Django", "PyStemmer", "psycopg"))
    print(f"python     {platform.python_version()}; {packages}")
    print(f"kansli rev {revision()}")
    print(
        f"run        {args.documents:,} documents, {4 * PER_CLASS} queries x {args.rounds} rounds"
    )
    failed = False
    vendors = ["sqlite"] + (["postgresql"] if postgres_answers() else [])
    if "postgresql" not in vendors:
        print(f"(PostgreSQL does not answer at {PG_URL}: SQLite only)")
    for vendor in vendors:
        result = run_child(args, vendor)
        if result is None:
            failed = True
            continue
        report(result)
    print(f"\n{time.perf_counter() - started:.0f} s in all")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
