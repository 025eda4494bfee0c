"""The QR code of a card (docs/legal.md, "Hotline cards"): made by segno, drawn by the SVG
and the PDF from the same runs of dark modules, so both print the same symbol."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import segno

QUIET_ZONE = 4
"""Modules of white border around the symbol: ISO/IEC 18004 asks for four."""


@dataclass(frozen=True)
class QrRuns:
    size: int
    """Modules across, quiet zone included."""
    runs: tuple[tuple[int, int, int], ...]
    """(x, y, length) of each horizontal run of dark modules, in modules."""


@functools.lru_cache(maxsize=256)
def qr_runs(data: str) -> QrRuns:
    """The symbol of ``data``. Choosing the best of the eight masks, as ISO/IEC 18004 asks,
    costs segno ~12 ms a symbol in pure Python, most of a print sheet's time; a village's
    address never changes, so its symbol is kept (256 of them, ~30 kB each)."""
    # A full QR code (never a Micro QR, which phone cameras often do not read), level M:
    # a card in a village office gets creased and smudged.
    qr = segno.make_qr(data, error="m")
    runs: list[tuple[int, int, int]] = []
    rows = list(qr.matrix_iter(border=QUIET_ZONE))
    for y, row in enumerate(rows):
        start = None
        for x, dark in enumerate([*row, 0]):
            if dark and start is None:
                start = x
            elif not dark and start is not None:
                runs.append((start, y, x - start))
                start = None
    return QrRuns(len(rows), tuple(runs))
