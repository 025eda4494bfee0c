"""A hotline card as a vCard 4.0 (RFC 6350): the advisor as a contact a phone can save
(docs/legal.md, "Hotline cards")."""

from __future__ import annotations

from liushou.legal.cards_schemas import HotlineCard

MEDIA_TYPE = "text/vcard"


def _text(value: str) -> str:
    """A TEXT value (RFC 6350 §3.4): backslash, comma, semicolon and newlines escaped."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets folded (RFC 6350 §3.2), never inside a UTF-8 character:
    a continuation line starts with one space."""
    parts: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode())
        limit = 75 if not parts else 74  # the continuation's leading space counts
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _tel_uri(phone: str) -> str:
    # A tel: URI holds digits and the visual separators "-", "." and "+" only.
    return "tel:" + "".join(c for c in phone if c.isascii() and (c.isdigit() or c in "+-."))


def vcard(card: HotlineCard) -> str:
    advisor = card.advisor
    place = " ".join(
        p for p in (card.township.name if card.township else None, card.village.name) if p
    )
    note = f"{place}（{card.village.code}）法律顾问，合同有效期至 {card.valid_until.isoformat()}"
    if advisor.service_hours:
        note += f"；服务时间：{advisor.service_hours}"
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "KIND:individual",
        f"UID:urn:uuid:{advisor.id}",
        f"FN:{_text(advisor.name)}",
        f"ORG:{_text(advisor.law_firm)}",
        f"TEL;VALUE=uri;TYPE=work,voice:{_tel_uri(advisor.phone)}",
        f"NOTE:{_text(note)}",
        f"URL:{card.public_url}",
        "END:VCARD",
    ]
    return "".join(_fold(line) + "\r\n" for line in lines)
