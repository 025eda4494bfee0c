"""Garbage-collector settings for the long-running server process."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def startup_objects_frozen() -> Iterator[None]:
    """Keep the objects start-up created out of the garbage collector's full passes.

    Start-up leaves ~150k objects that live as long as the process (modules, routes,
    pydantic and SQLAlchemy metadata). Every full collection walked all of them: pauses of
    ~100 ms during which the worker served nothing. Under PostgreSQL load a full pass came
    every few seconds and set the p99 (~100 ms; ~35 ms frozen). Frozen objects are not
    scanned; everything created later is collected as usual.

    Use it around the lifespan's ``yield``. No ``gc.collect()`` first: that would be a full
    pass at every start (and in tests, at every app). Leaving unfreezes, so the objects of an
    app that was shut down (tests build many) can be collected again.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
