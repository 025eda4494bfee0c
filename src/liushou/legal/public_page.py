"""The public card page as HTML (docs/legal.md, "The public card page"): small,
server-rendered, no script, readable on a phone, every number a ``tel:`` link. Every value
is HTML-escaped where it is written."""

from __future__ import annotations

from html import escape

from liushou.legal.cards_schemas import HOTLINES, PublicCard

CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'"
"""No script, no outside resource: the page is its own HTML and inline style."""

_STYLE = """
body{margin:0;font-family:system-ui,-apple-system,'Noto Sans CJK SC','PingFang SC',
'Microsoft YaHei',sans-serif;font-size:20px;line-height:1.5;color:#1a1a1a;background:#faf7f2}
main{max-width:36rem;margin:0 auto;padding:0 1rem 2rem}
header{background:#9b1c1c;color:#fff;margin:0 -1rem;padding:1rem}
h1{font-size:1.5rem;margin:0}h2{font-size:1.15rem;margin:1.5rem 0 .5rem;color:#9b1c1c}
.place{font-size:1.1rem;margin:.25rem 0 0}.name{font-size:1.6rem;font-weight:bold;margin:0}
p{margin:.25rem 0}ul{list-style:none;padding:0;margin:0}
li{padding:.6rem 0;border-bottom:1px solid #e5ddd0}
a{color:#0b4f9c;font-weight:bold;text-decoration:none;font-size:1.25rem}
.call{display:inline-block;margin:.5rem 0;padding:.6rem 1.2rem;border-radius:.5rem;
background:#9b1c1c;color:#fff;font-size:1.4rem}
.small{font-size:.9rem;color:#555}
""".replace("\n", "")


def _tel(number: str, shown: str | None = None, css: str | None = None) -> str:
    """A ``tel:`` link: the address keeps digits, "+" and "-" only."""
    digits = "".join(c for c in number if c.isascii() and (c.isdigit() or c in "+-"))
    klass = f' class="{css}"' if css else ""
    return f'<a{klass} href="tel:{escape(digits)}">{escape(shown or number)}</a>'


def _advisor_section(card: PublicCard) -> str:
    advisor = card.advisor
    if advisor is None:
        return (
            "<p>本村（社区）今天暂无在岗的法律顾问。</p>"
            "<p>法律问题请拨打 12348 公共法律服务热线。</p>"
        )
    parts = [
        f'<p class="name">{escape(advisor.name)}</p>',
        f"<p>{escape(advisor.law_firm)}</p>",
        f"<p>{_tel(advisor.phone, f'拨打 {advisor.phone}', 'call')}</p>",
    ]
    if advisor.service_hours:
        parts.append(f"<p>服务时间：{escape(advisor.service_hours)}</p>")
    if card.valid_until is not None:
        parts.append(f'<p class="small">聘用合同有效期至 {card.valid_until.isoformat()}</p>')
    return "".join(parts)


def _frame(title: str, heading: str, under_heading: str, body: str) -> str:
    """The page around ``body``; ``under_heading`` and ``body`` are HTML already escaped,
    ``title`` and ``heading`` are escaped here."""
    return (
        "<!DOCTYPE html>"
        '<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title>"
        f"<style>{_STYLE}</style></head><body><main>"
        f"<header><h1>{escape(heading)}</h1>{under_heading}</header>{body}"
        "</main></body></html>\n"
    )


def _hotlines() -> str:
    items = "".join(f"<li>{_tel(h.number)} {escape(h.name)}</li>" for h in HOTLINES)
    return f"<h2>服务热线</h2><ul>{items}</ul>"


def page(card: PublicCard, township_name: str | None) -> str:
    village = card.village
    place = " ".join(escape(p) for p in (township_name, village.name) if p)
    contacts = "".join(
        f"<li>{escape(c.name)}<br>"
        + (_tel(c.phone) if c.phone else f'<span class="small">{escape(c.type.label_zh)}</span>')
        + "</li>"
        for c in card.contacts
    )
    body = (
        f"<h2>法律顾问</h2>{_advisor_section(card)}"
        + (f"<h2>联系单位</h2><ul>{contacts}</ul>" if contacts else "")
        + _hotlines()
    )
    return _frame(
        f"便民找法服务卡 · {village.name}", "便民找法服务卡", f'<p class="place">{place}</p>', body
    )


def error_page(status: int, heading: str, text: str) -> str:
    """A 404 or 429 for a browser: the hotlines, no data."""
    return _frame(f"{status} {heading}", heading, "", f"<p>{escape(text)}</p>{_hotlines()}")
