"""The service as a real server: uvicorn in a subprocess on a free port, for the tests that
drive it from outside the process (a browser, a generated client)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.conftest import TEST_DATA_KEY, TEST_INDEX_KEY, TEST_SECRET


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(database_url: str, cwd: Path) -> Iterator[str]:
    """``liushou.app:create_app`` served on ``database_url``; yields its base URL."""
    port = _free_port()
    env = {
        **os.environ,
        "LIUSHOU_DATABASE_URL": database_url,
        "LIUSHOU_SECRET_KEY": TEST_SECRET,
        "LIUSHOU_DATA_KEY": TEST_DATA_KEY,
        "LIUSHOU_INDEX_KEY": TEST_INDEX_KEY,
        "LIUSHOU_LOG_LEVEL": "WARNING",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "liushou.app:create_app", "--factory"]
        + ["--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        # Importing the app alone took 12 s on a loaded 2-core machine (load 14): a generous
        # wait costs nothing when the server starts, and a crash still ends it at once.
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, process.stderr.read().decode()  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
