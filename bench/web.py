"""How fast Kansli serves its pages under load, measured on this machine. Run from the repo root:

    .venv/bin/python bench/web.py [--seconds S] [--worker-class sync|gthread]   (or `make bench`)

1. A fresh SQLite database in a temporary directory, migrated, with 10,000 generated meetings
   (`bench/web_site/data.py`: 10 bodies of 1,000 meetings, each meeting with 12 people in the
   attendance and 10 items with decisions and actions).
2. gunicorn on 127.0.0.1 serving the app with the settings of `bench/web_site/` (DEBUG off).
3. A load loop in this process (asyncio, raw HTTP/1.1, 20 connections, logged in through a
   session made in the database) against three pages, interleaved in rounds after a warm-up:
   the bare view (`/bench/bare/<body>/`: a template and one query, no login), a body's meeting
   list and a meeting page. Goal for the two app pages: >= 50 % of the bare view's requests/s,
   and p95 <= 50 ms.

Before that, every page is requested in process, one request at a time, with its queries
counted and timed, to show where the time goes. Goals are reported, never asserted; the exit
code is 1 only when a request failed (anything but HTTP 200), since then the figures mean
nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import http.client
import os
import platform
import random
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from types import FrameType

import django

from machine import cpu_model

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
MEETINGS = 10_000
CONNECTIONS = 20
SECONDS = 10.0  # measured per page, split over ROUNDS interleaved rounds
ROUNDS = 5
WARMUP = 1.5  # seconds per page before measuring
REQUEST_TIMEOUT = 30.0
SHARE_GOAL = 0.50  # of the bare view's requests/s
P95_GOAL = 0.050  # seconds


# --- the machine -----------------------------------------------------------------------------


def revision() -> str:
    """The commit measured, with "+changes" when tracked files under src/ differ from it."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        return done.stdout.strip()

    try:
        head, dirty = git("rev-parse", "--short", "HEAD"), git("status", "--porcelain", "src")
    except OSError:
        return "unknown"
    return f"{head}{' +uncommitted changes in src/' if dirty else ''}" or "unknown"


def heading(title: str) -> None:
    print()
    print(title)
    print("-" * len(title))


def print_machine(args: argparse.Namespace) -> None:
    heading("Machine")
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    packages = ("kansli", "Django", "gunicorn")
    print(f"date         {dt.date.today().isoformat()}")
    print(f"cpu          {cpu_model()}, {os.cpu_count()} cores")
    print(f"load avg     {load} (1/5/15 min; others on the machine skew the figures)")
    print(f"python       {platform.python_version()}, SQLite {sqlite3.sqlite_version}")
    print("packages     " + ", ".join(f"{p} {metadata.version(p)}" for p in packages))
    print(f"kansli rev   {revision()}")
    print(
        f"run          {args.meetings} meetings, {args.connections} connections, "
        f"{args.seconds:g} s per page in {ROUNDS} rounds, gunicorn {args.worker_class}"
    )


# --- the database ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    name: str
    paths: tuple[str, ...]  # requested in turn, so the database is not one cached row


@dataclass(frozen=True)
class Prepared:
    pages: tuple[Page, ...]
    cookie: str  # "sessionid=..."


def prepare(meetings: int) -> Prepared:
    """Migrates the bench database, fills it and says which pages to load."""
    # Django's models exist only after django.setup(); these imports must wait for it.
    from django.core.management import call_command  # noqa: PLC0415
    from django.db import connections  # noqa: PLC0415
    from django.urls import reverse  # noqa: PLC0415

    from web_site.data import BODIES, generate, session_cookie  # noqa: PLC0415

    heading("Database")
    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    t1 = time.perf_counter()
    made = generate(meetings)
    t2 = time.perf_counter()
    name, key = session_cookie(made.user)
    size = Path(os.environ["KANSLI_BENCH_DB"]).stat().st_size
    print(f"migrate      {t1 - t0:.1f} s")
    print(
        f"generate     {t2 - t1:.1f} s: {made.meetings:,} meetings over {BODIES} bodies "
        f"({made.meetings // BODIES:,} each), {made.rows:,} rows, {size / 2**20:.0f} MB"
    )
    sample = random.Random(1).sample(range(1, meetings + 1), min(500, meetings))
    pages = (
        Page("bare view (1 query)", tuple(reverse("bench-bare", args=[b]) for b in made.bodies)),
        Page("body's meeting list", tuple(reverse("body", args=[b]) for b in made.bodies)),
        Page("meeting page", tuple(reverse("meeting", args=[m]) for m in sample)),
    )
    prepared = Prepared(pages, f"{name}={key}")
    profile(prepared)
    connections.close_all()
    return prepared


def profile(prepared: Prepared) -> None:
    """Each page in process, without concurrency: its queries and where its time goes."""
    from django.db import connection  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415

    heading("In process, one request at a time (django.test.Client)")
    client = Client()
    name, _, key = prepared.cookie.partition("=")
    client.cookies[name] = key
    print(f"{'page':<22} {'queries':>7} {'SQL ms':>7} {'total ms':>8} {'KB':>6}")
    for page in prepared.pages:
        paths = page.paths[:20]
        for path in paths:  # warm: template loading, the SQLite page cache
            client.get(path)
        sql = SqlTimer()
        t0 = time.perf_counter()
        with connection.execute_wrapper(sql):
            for path in paths:
                response = client.get(path)
                if response.status_code != 200:
                    raise SystemExit(f"{path}: HTTP {response.status_code} in process")
        total = (time.perf_counter() - t0) / len(paths)
        queries, sql_ms = sql.queries / len(paths), sql.seconds / len(paths) * 1e3
        print(
            f"{page.name:<22} {queries:>7.0f} {sql_ms:>7.1f} {total * 1e3:>8.1f} "
            f"{len(response.content) / 1024:>6.0f}"
        )
    print(f"(per request, the mean over {len(paths)} different paths; SQL ms is the time in")
    print(" cursor.execute, the rest is Python: the ORM, the template, the middleware)")


class SqlTimer:
    """A `connection.execute_wrapper`: counts the queries and adds up their time."""

    def __init__(self) -> None:
        self.queries = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - t0
            self.queries += 1


# --- gunicorn --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Server:
    port: int
    process: subprocess.Popen[bytes]
    log: Path


def gunicorn_options(worker_class: str) -> list[str]:
    cores = os.cpu_count() or 1
    if worker_class == "gthread":
        # Threads share one GIL per process: one process per core, threads to overlap the
        # little waiting there is, and keep-alive connections.
        return ["--worker-class", "gthread", "--workers", str(cores), "--threads", "4"]
    # gunicorn's own rule for sync workers: 2 x cores + 1.
    return ["--worker-class", "sync", "--workers", str(2 * cores + 1)]


@contextmanager
def gunicorn(workdir: Path, worker_class: str, probe: str) -> Iterator[Server]:
    """gunicorn on a free port of 127.0.0.1, stopped on the way out whatever happens."""
    # The listening socket is made here and handed over (fd://), so no other process can
    # take the port between our choosing it and gunicorn binding it.
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(2048)
    port = listener.getsockname()[1]
    log = workdir / "gunicorn.log"
    command = [
        sys.executable, "-m", "gunicorn", "kansli.site.wsgi:application",
        "--bind", f"fd://{listener.fileno()}", "--pythonpath", str(BENCH),
        "--log-level", "warning", "--error-logfile", str(log),
        *gunicorn_options(worker_class),
    ]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            pass_fds=[listener.fileno()],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches us only; we stop gunicorn in order
        )
    listener.close()
    server = Server(port, process, log)
    try:
        wait_until_up(server, probe)
        yield server
    finally:
        stop(process)


def wait_until_up(server: Server, path: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise SystemExit(f"gunicorn stopped:\n{server.log.read_text(errors='replace')}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
            connection.request("GET", path)
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"gunicorn did not answer in 30 s:\n{server.log.read_text(errors='replace')}")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()  # the arbiter stops its workers gracefully
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


# --- the load loop ---------------------------------------------------------------------------


@dataclass
class Load:
    latencies: list[float] = field(default_factory=list)
    rounds: list[tuple[int, float]] = field(default_factory=list)  # (responses, seconds)
    failures: int = 0
    first_failures: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Responses per second over all rounds."""
        seconds = sum(t for _, t in self.rounds)
        return sum(n for n, _ in self.rounds) / seconds if seconds else float("nan")

    @property
    def best(self) -> float:
        """Responses per second in the best round: the least disturbed by others' load."""
        return max((n / t for n, t in self.rounds if t), default=float("nan"))

    def fail(self, message: str) -> None:
        self.failures += 1
        if len(self.first_failures) < 5:
            self.first_failures.append(message)


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """(status, whether the server closes the connection) of one response, body read."""
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    status = int(head[0].split()[1])
    headers = {}
    for line in head[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip().lower()
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
        return status, headers.get("connection") == "close"
    if "chunked" in headers.get("transfer-encoding", ""):
        raise ValueError("chunked response: not expected from Django's pages")
    await reader.read()  # no length: the body ends with the connection
    return status, True


@dataclass(frozen=True)
class Target:
    port: int
    cookie: str  # "sessionid=..."
    connections: int


async def client(target: Target, page: Page, first: int, deadline: float, load: Load) -> None:
    """One connection: request after request until the deadline, reconnecting when the
    server closes (gunicorn's sync workers close after every response)."""
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    i = first
    while time.perf_counter() < deadline:
        path = page.paths[i % len(page.paths)]
        i += target.connections
        request = (
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{target.port}\r\nCookie: {target.cookie}\r\n"
            "Accept-Language: sv\r\n\r\n"
        ).encode()
        t0 = time.perf_counter()
        try:
            if writer is None or reader is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", target.port)
            writer.write(request)
            status, close = await asyncio.wait_for(read_response(reader), REQUEST_TIMEOUT)
        except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError) as error:
            load.fail(f"{path}: {error!r}")
            if writer is not None:
                writer.close()
            reader = writer = None
            continue
        load.latencies.append(time.perf_counter() - t0)
        if status != 200:
            load.fail(f"{path}: HTTP {status}")
        if close:
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def window(target: Target, page: Page, seconds: float, load: Load) -> None:
    """All connections for `seconds`; the time counted runs until the last response."""
    started, before = time.perf_counter(), len(load.latencies)
    deadline = started + seconds
    await asyncio.gather(
        *(client(target, page, c, deadline, load) for c in range(target.connections))
    )
    load.rounds.append((len(load.latencies) - before, time.perf_counter() - started))


async def measure(target: Target, pages: Sequence[Page], seconds: float) -> list[Load]:
    for page in pages:
        await window(target, page, WARMUP, Load())
    loads = [Load() for _ in pages]
    for _ in range(ROUNDS):
        for page, load in zip(pages, loads, strict=True):
            await window(target, page, seconds / ROUNDS, load)
    return loads


# --- the report ------------------------------------------------------------------------------


def percentile(samples: Sequence[float], p: int) -> float:
    if len(samples) < 2:
        return samples[0] if samples else float("nan")
    return statistics.quantiles(samples, n=100, method="inclusive")[p - 1]


def report(prepared: Prepared, loads: Sequence[Load], connections: int) -> None:
    heading(f"Under load: {connections} connections, gunicorn on 127.0.0.1")
    bare = loads[0]
    print(
        f"{'page':<22} {'requests':>8} {'req/s':>7} {'of bare':>7} {'best':>7} {'of bare':>7} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}"
    )
    for page, load in zip(prepared.pages, loads, strict=True):
        lat = load.latencies
        print(
            f"{page.name:<22} {len(lat):>8} {load.rate:>7.1f} {load.rate / bare.rate:>7.0%} "
            f"{load.best:>7.1f} {load.best / bare.best:>7.0%} "
            f"{percentile(lat, 50) * 1e3:>7.1f} {percentile(lat, 95) * 1e3:>7.1f} "
            f"{percentile(lat, 99) * 1e3:>7.1f}"
        )
    print(f"(best: the best of the {ROUNDS} rounds, the least disturbed by other load)")
    heading(f"Goals: >= {SHARE_GOAL:.0%} of the bare view's req/s, p95 <= {P95_GOAL * 1e3:.0f} ms")
    for page, load in zip(prepared.pages[1:], loads[1:], strict=True):
        share, p95 = load.rate / bare.rate, percentile(load.latencies, 95)
        share_met, p95_met = share >= SHARE_GOAL, p95 <= P95_GOAL
        print(
            f"{page.name:<22} req/s {share:>4.0%} of bare: {'met' if share_met else 'NO'};"
            f"  p95 {p95 * 1e3:.1f} ms: {'met' if p95_met else 'NO'}"
        )
    # Little's law: with every connection always waiting on a response, the mean latency is
    # connections / throughput, whatever the page. Say what the p95 goal asks of throughput.
    need = connections / P95_GOAL
    print(
        f"(with {connections} connections always busy the mean latency is {connections} / req/s:"
        f" a p95 of {P95_GOAL * 1e3:.0f} ms needs well over {need:.0f} req/s;"
        f" the bare view gives {bare.rate:.0f})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    options.add_argument("--meetings", type=int, default=MEETINGS)
    options.add_argument("--connections", type=int, default=CONNECTIONS)
    options.add_argument("--seconds", type=float, default=SECONDS, help="measured per page")
    options.add_argument("--worker-class", choices=("sync", "gthread"), default="sync")
    args = options.parse_args(argv)

    def interrupted(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)  # stop gunicorn and clean up, as on Ctrl-C
    started = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="kansli-bench-web-"))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="web_site.settings",
        KANSLI_BENCH_DB=str(workdir / "bench.sqlite3"),
        KANSLI_VAR_DIR=str(workdir),  # the app's settings make this folder; keep var/ clean
    )
    try:
        print_machine(args)
        django.setup()
        prepared = prepare(args.meetings)
        with gunicorn(workdir, args.worker_class, prepared.pages[0].paths[0]) as server:
            options_line = " ".join(gunicorn_options(args.worker_class))
            print(f"\ngunicorn     {options_line}, port {server.port}")
            cpu, wall = time.process_time(), time.perf_counter()
            target = Target(server.port, prepared.cookie, args.connections)
            loads = asyncio.run(measure(target, prepared.pages, args.seconds))
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            errors = server.log.read_text(errors="replace").strip()
        report(prepared, loads, args.connections)
        print(
            f"\nThe load loop itself used {cpu / wall:.0%} of one core on the same machine "
            f"({cpu:.1f} s CPU in {wall:.1f} s), time the server could not use."
        )
    except KeyboardInterrupt:
        print("\navbruten", file=sys.stderr)
        return 130
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    failures = sum(load.failures for load in loads)
    load_now = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\n(done in {time.perf_counter() - started:.0f} s; load avg now {load_now})")
    if failures:
        print(f"\n{failures} requests failed, for example:", file=sys.stderr)
        for load in loads:
            for message in load.first_failures:
                print(f"  {message}", file=sys.stderr)
        if errors:
            print(f"gunicorn's log:\n{errors[-3000:]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
