"""Every card of a region on A4 sheets, ten to a page, to print and cut (docs/legal.md,
"Hotline cards"). The Chinese is real text in an embedded TrueType font (WenQuanYi Micro
Hei, from the ``paperang-p2-fonts-cjk`` package), so ``pdftotext`` extracts it."""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from importlib import resources

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from liushou.legal.cards_qr import qr_runs
from liushou.legal.cards_schemas import HotlineCard
from liushou.legal.cards_svg import HEIGHT_MM, LINE_SPACING, QR_MM, WIDTH_MM, card_lines

MEDIA_TYPE = "application/pdf"
FONT_NAME = "WenQuanYiMicroHei"
COLUMNS, ROWS = 2, 5
RED = (0x9B / 255, 0x1C / 255, 0x1C / 255)


@functools.cache
def cjk_font() -> str:
    """Register the CJK font with reportlab once per process (parsing the 5 MB collection
    takes ~0.3 s; every later sheet reuses it) and return its name. reportlab embeds only
    the glyphs a sheet uses."""
    path = resources.files("paperang_p2_fonts_cjk") / "fonts" / "wqy-microhei.ttc"
    with resources.as_file(path) as font_file:
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_file), subfontIndex=0))
    return FONT_NAME


def _card(canvas: Canvas, card: HotlineCard, left: float, top: float) -> None:
    """One card with its top-left corner at (left, top), in points from the bottom-left."""
    font = cjk_font()
    width, height = WIDTH_MM * mm, HEIGHT_MM * mm
    canvas.setStrokeColorRGB(*RED)
    canvas.setLineWidth(0.6)
    canvas.roundRect(left, top - height, width, height, 3 * mm)
    canvas.setFillColorRGB(*RED)
    canvas.rect(left, top - 10 * mm, width, 10 * mm, stroke=0, fill=1)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.setFont(font, 4.2 * mm)
    canvas.drawString(left + 4 * mm, top - 6.9 * mm, "便民找法服务卡")
    canvas.setFont(font, 2.6 * mm)
    canvas.drawString(left + 52 * mm, top - 6.6 * mm, "一村一法律顾问")
    canvas.setFillColorRGB(0.1, 0.1, 0.1)
    y = 14.5
    for size, value, _bold in card_lines(card):
        canvas.setFont(font, size * mm)
        canvas.drawString(left + 4 * mm, top - y * mm, value)
        y += size * LINE_SPACING
    qr = qr_runs(card.public_url)
    qr_left, qr_top = left + (WIDTH_MM - QR_MM - 2.5) * mm, top - 12 * mm
    _qr(canvas, qr.size, qr.runs, qr_left, qr_top)
    canvas.setFont(font, 2.1 * mm)
    canvas.setFillColorRGB(0.1, 0.1, 0.1)
    canvas.drawString(qr_left + 3.2 * mm, qr_top - (QR_MM + 3) * mm, "扫码查看最新顾问")


def _qr(
    canvas: Canvas, size: int, runs: tuple[tuple[int, int, int], ...], left: float, top: float
) -> None:
    """The QR code as one filled path of rectangles in module units (``cm`` scales them
    and turns y down), written as PDF operators: ~400 runs a symbol, and reportlab's
    number formatting of its own path objects was most of a sheet's time."""
    module = QR_MM * mm / size
    rects = " ".join(f"{x} {y} {n} 1 re" for x, y, n in runs)
    canvas.addLiteral(f"q {module:.4f} 0 0 {-module:.4f} {left:.3f} {top:.3f} cm 0 g {rects} f Q")


def print_sheet(cards: Sequence[HotlineCard], title: str) -> bytes:
    """A4 pages of ten cards each; one page saying so when the region has none today."""
    font = cjk_font()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor("liushou")
    page_width, page_height = A4
    margin_x = (page_width - COLUMNS * WIDTH_MM * mm) / (COLUMNS + 1)
    margin_y = (page_height - ROWS * HEIGHT_MM * mm) / (ROWS + 1)
    if not cards:
        canvas.setFont(font, 14)
        canvas.drawString(
            25 * mm, page_height - 30 * mm, f"{title}：今天没有在合同期内的法律顾问。"
        )
    for i, card in enumerate(cards):
        slot = i % (COLUMNS * ROWS)
        if i and not slot:
            canvas.showPage()
        column, row = slot % COLUMNS, slot // COLUMNS
        left = margin_x + column * (WIDTH_MM * mm + margin_x)
        top = page_height - margin_y - row * (HEIGHT_MM * mm + margin_y)
        _card(canvas, card, left, top)
    canvas.save()
    return out.getvalue()
