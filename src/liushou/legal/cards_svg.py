"""A hotline card as an SVG the size of a bank card, 85.6 × 54 mm (ISO/IEC 7810 ID-1), for
printing (docs/legal.md, "Hotline cards"). The text stays text (``<text>``, selectable and
sharp at any size); the QR code is a path of its dark modules."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from liushou.legal.cards_qr import qr_runs
from liushou.legal.cards_schemas import HotlineCard

MEDIA_TYPE = "image/svg+xml"
WIDTH_MM, HEIGHT_MM = 85.6, 54.0
QR_MM = 24.0
LINE_SPACING = 1.65
"""Baseline to baseline, in font sizes."""
FONT = (
    "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', sans-serif"
)


def _text(
    x: float, y: float, size: float, value: str, *, bold: bool = False, fill: str = "#1a1a1a"
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return f'<text x="{x}" y="{y}" font-size="{size}"{weight} fill="{fill}">{escape(value)}</text>'


def card_lines(card: HotlineCard) -> list[tuple[float, str, bool]]:
    """The card's text lines below the header, top to bottom: (font size in mm, text,
    bold). The PDF sets the same lines."""
    advisor = card.advisor
    place = " ".join(
        p for p in (card.township.name if card.township else "", card.village.name) if p
    )
    lines = [
        (3.2, place, True),
        (3.4, f"法律顾问 {advisor.name}", True),
        (2.5, advisor.law_firm, False),
        (3.4, f"电话 {advisor.phone}", True),
    ]
    if advisor.service_hours:
        lines.append((2.3, f"服务时间 {advisor.service_hours}", False))
    hotlines = [f"{h.number} {h.name}" for h in card.hotlines]
    lines.append((2.3, "  ".join(hotlines[:2]), False))
    lines.append((2.3, "  ".join(hotlines[2:]), False))
    lines.append((2.1, f"有效期至 {card.valid_until.isoformat()}", False))
    return lines


def qr_path(data: str) -> tuple[int, str]:
    """The QR code's size in modules and its dark modules as one SVG path (unit squares
    joined into horizontal runs)."""
    qr = qr_runs(data)
    return qr.size, "".join(f"M{x} {y}h{n}v1h-{n}z" for x, y, n in qr.runs)


def svg(card: HotlineCard) -> str:
    modules, path = qr_path(card.public_url)
    qr_x, qr_y = WIDTH_MM - QR_MM - 2.5, 12.0
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH_MM}mm" height="{HEIGHT_MM}mm" '
        f'viewBox="0 0 {WIDTH_MM} {HEIGHT_MM}" font-family={quoteattr(FONT)}>',
        f"<title>{escape(f'便民找法服务卡 · {card.village.name}')}</title>",
        f'<rect x="0.2" y="0.2" width="{WIDTH_MM - 0.4}" height="{HEIGHT_MM - 0.4}" rx="3" '
        'fill="#ffffff" stroke="#9b1c1c" stroke-width="0.4"/>',
        f'<path d="M0.2 3.2a3 3 0 0 1 3-3h{WIDTH_MM - 6.4}a3 3 0 0 1 3 3v6.8h-{WIDTH_MM - 0.4}z" fill="#9b1c1c"/>',
        _text(4, 6.9, 4.2, "便民找法服务卡", bold=True, fill="#ffffff"),
        _text(52, 6.6, 2.6, "一村一法律顾问", fill="#ffffff"),
    ]
    y = 14.5
    for size, value, bold in card_lines(card):
        parts.append(_text(4, round(y, 2), size, value, bold=bold))
        y += size * LINE_SPACING
    scale = QR_MM / modules
    parts.append(
        f'<g transform="translate({qr_x} {qr_y}) scale({scale:.5f})">'
        f'<rect width="{modules}" height="{modules}" fill="#ffffff"/>'
        f'<path id="qr" d="{path}" fill="#000000" shape-rendering="crispEdges"/></g>'
    )
    parts.append(_text(qr_x + 3.2, qr_y + QR_MM + 3, 2.1, "扫码查看最新顾问"))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
