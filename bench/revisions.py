"""GET /persons/{id} of two commits, measured side by side on the same core.

    .venv/bin/python bench/revisions.py BASE [--head HEAD] [--database sqlite|postgres]
                                             [--rounds 6] [--seconds 10] [--persons 3000]

A budget such as "the by-id read stays within 5 % of before" compares one commit with
another. On this shared virtual machine the same code runs up to 20 % faster or slower from
one minute to the next, and one core is not as fast as the other, so two runs of run.py
minutes apart cannot tell 3 % from 12 %. This script checks both commits out
(``git worktree``, into a temp directory) and gives each its own database (migrated and
seeded by its own ``bench/seed.py``, ``--persons`` persons and their care). Then it starts
both commits' ``liushou serve``, as it runs by default, pinned to the same core, and loads
them at the same time with one wrk each (16 connections, pinned to the other core). The
two servers share that core's slices through the same minutes, so whatever the machine
does, it does to both. The figure is the server's CPU time per request (user and system,
from /proc), each round's ratio and their median. The code under test is each commit's;
the interpreter and libraries are this checkout's ``.venv``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from run import RATE_LIMIT, ensure_wrk, free_port, fresh_database, say, stop

from liushou.pii import generate_key

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

# Run inside a commit's tree (its src/ and bench/ on the path): migrate, seed, print the id.
SEED = textwrap.dedent(
    """
    import json, os, sys
    import seed
    from liushou.config import get_settings
    from liushou.migrations import upgrade
    url = os.environ["LIUSHOU_DATABASE_URL"]
    upgrade(url, settings=get_settings())
    pii = seed.personal_data(os.environ["LIUSHOU_DATA_KEY"], os.environ["LIUSHOU_INDEX_KEY"])
    fixture = seed.seed(url, pii, int(sys.argv[1]))
    print(json.dumps({"person_id": fixture.person_id}))
    """
)


@dataclass
class Side:
    name: str
    commit: str
    tree: Path
    env: dict[str, str]
    person_id: str = ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="the commit before (e.g. fec7082)")
    parser.add_argument("--head", default="HEAD", help="the commit after (default HEAD)")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--seconds", type=int, default=10, help="seconds of load per round")
    parser.add_argument("--persons", type=int, default=3000)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if len(os.sched_getaffinity(0)) < 2:
        raise SystemExit("needs two cores: one for both servers, one for the load")
    server_core, load_core = sorted(os.sched_getaffinity(0))[:2]
    wrk = ensure_wrk()
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="liushou-revs-")))
        sides = [
            prepare(stack, workdir, name, rev, args)
            for name, rev in (("before", args.base), ("after", args.head))
        ]
        servers = [stack.enter_context(serving(side, server_core, wrk)) for side in sides]
        for load in servers:  # warm-up, one at a time
            subprocess.run(
                [*load.command, "-d2s"], capture_output=True, preexec_fn=pinned(load_core)
            )
        ratios = []
        for number in range(1, args.rounds + 1):
            before, after = measure_together(servers, args.seconds, load_core)
            ratios.append(after / before)
            say(
                f"round {number}: before {before:.0f} µs, after {after:.0f} µs of CPU a "
                f"request: {after / before:.1%}"
            )
        say(
            f"GET /persons/{{id}} on {args.database}, {args.rounds} rounds of {args.seconds} s, "
            f"both servers on one core, 16 connections each: CPU a request of "
            f"{sides[1].commit} against {sides[0].commit}: median {statistics.median(ratios):.1%} "
            f"(from {min(ratios):.1%} to {max(ratios):.1%})"
        )


def prepare(stack: ExitStack, workdir: Path, name: str, rev: str, args: argparse.Namespace) -> Side:
    """The commit's tree and database, migrated and seeded by its own code."""
    commit = git("rev-parse", "--short", rev)
    tree = workdir / name
    git("worktree", "add", "--detach", "--quiet", str(tree), commit)
    stack.callback(git, "worktree", "remove", "--force", str(tree))
    url = fresh_database(stack, args.database, tree)
    if args.database == "postgres":  # fresh_database names it by pid: one per side here
        url = rename_database(stack, url, name)
    side = Side(name, commit, tree, service_env(tree, url))
    started = time.perf_counter()
    seeded = subprocess.run(
        [PYTHON, "-c", SEED, str(args.persons)],
        env=side.env,
        cwd=side.tree,
        capture_output=True,
        text=True,
    )
    if seeded.returncode != 0:
        raise SystemExit(f"seeding {commit} failed:\n{seeded.stderr[-3000:]}")
    side.person_id = json.loads(seeded.stdout.strip().splitlines()[-1])["person_id"]
    say(f"{name} = {commit}: seeded in {time.perf_counter() - started:.0f} s")
    return side


@dataclass
class Serving:
    pid: int
    command: list[str]  # wrk's, without its duration


@contextmanager
def serving(side: Side, core: int, wrk: str) -> Iterator[Serving]:
    port = free_port()
    serve = [PYTHON, "-m", "liushou", "serve", "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(
        serve,
        env=side.env,
        cwd=side.tree,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=pinned(core),
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_healthy(base, proc)
        token = get_token(base)
        url = f"{base}/api/v1/persons/{side.person_id}"
        yield Serving(proc.pid, [wrk, "-t1", "-c16", "-H", f"Authorization: Bearer {token}", url])
    finally:
        stop(proc)


def pinned(core: int) -> Callable[[], None]:
    """A ``preexec_fn`` that keeps the child on ``core``."""
    return lambda: os.sched_setaffinity(0, {core})


def measure_together(servers: list[Serving], seconds: int, core: int) -> tuple[float, float]:
    """Both servers loaded at once for ``seconds``: each one's CPU µs per request."""
    ticks = [cpu_ticks(s.pid) for s in servers]
    loads = [
        subprocess.Popen(
            [*s.command, f"-d{seconds}s"],
            stdout=subprocess.PIPE,
            text=True,
            preexec_fn=pinned(core),
        )
        for s in servers
    ]
    outs = [load.communicate()[0] for load in loads]
    used = [cpu_ticks(s.pid) - t for s, t in zip(servers, ticks, strict=True)]
    per_request = []
    for out, ticks_used in zip(outs, used, strict=True):
        if "Non-2xx" in out or "Socket errors" in out:
            raise SystemExit(f"a server answered with errors:\n{out}")
        requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
        per_request.append(ticks_used / CLOCK_TICKS / requests * 1e6)
    return per_request[0], per_request[1]


def git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def rename_database(stack: ExitStack, url: str, suffix: str) -> str:
    """fresh_database's PostgreSQL database under a second name of this run's own."""
    import psycopg
    from run import POSTGRES_ADMIN_URL

    name = url.rsplit("/", 1)[1]
    other = f"{name}_{suffix}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {other} WITH (FORCE)")
        conn.execute(f"ALTER DATABASE {name} RENAME TO {other}")

    def drop() -> None:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {other} WITH (FORCE)")

    stack.callback(drop)
    return url.rsplit("/", 1)[0] + "/" + other


def service_env(tree: Path, url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIUSHOU_")}
    return {
        **env,
        "PYTHONPATH": f"{tree / 'src'}{os.pathsep}{tree / 'bench'}",
        "LIUSHOU_RATE_LIMIT_PER_MINUTE": str(RATE_LIMIT),
        "LIUSHOU_DATABASE_URL": url,
        "LIUSHOU_SECRET_KEY": secrets.token_urlsafe(48),
        "LIUSHOU_DATA_KEY": f"b1:{generate_key()}",
        "LIUSHOU_INDEX_KEY": f"b2:{generate_key()}",
    }


def wait_healthy(base: str, proc: subprocess.Popen) -> None:  # type: ignore[type-arg]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"the server on {base} did not become healthy")


def get_token(base: str) -> str:
    form = urllib.parse.urlencode(
        {"grant_type": "password", "username": "bench_staff", "password": "bench-password-1"}
    ).encode()
    with urllib.request.urlopen(base + "/api/v1/auth/token", data=form, timeout=10) as r:
        return str(json.load(r)["access_token"])


def cpu_ticks(pid: int) -> int:
    """User and system time of a process, in clock ticks (/proc/PID/stat fields 14 and 15)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


if __name__ == "__main__":
    main()
