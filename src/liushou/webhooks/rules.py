"""The pure rules of webhooks (docs/webhooks.md): the events, who may subscribe to which,
secrets, the retry schedule and which URLs a delivery may go to."""

from __future__ import annotations

import base64
import ipaddress
import re
import secrets
import socket
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from liushou.auth.roles import Role
from liushou.errors import FieldInvalid

# The events a subscription may name (docs/webhooks.md, "Events"): f"{resource_type}.{verb}"
# of a change of the change feed (liushou.changes.capture.ChangeEvent).
EVENTS: tuple[str, ...] = (
    "person.created",
    "person.updated",
    "person.deleted",
    "referral.created",
    "referral.updated",
    "visit.created",
    "service_record.created",
    "legal_activity.created",
)
EVENT_SET = frozenset(EVENTS)
# A partner client hears only of the referrals addressed to its organization.
PARTNER_EVENTS = frozenset(e for e in EVENTS if e.startswith("referral."))
MANAGERS = frozenset({Role.admin, Role.partner})

SECRET_PREFIX = "whsec_"
SECRET_BYTES = 32  # Standard Webhooks: 24 to 64 random bytes


def new_secret() -> str:
    """``whsec_`` + base64 of fresh random bytes."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def check_events(events: Sequence[str], role: Role) -> list[str]:
    """The events, without repeats and in the catalogue's order; 422 ``unknown_event`` for
    a name outside the catalogue, ``event_not_allowed`` for a partner's non-referral one."""
    unknown = [e for e in events if e not in EVENT_SET]
    if unknown:
        raise FieldInvalid(
            ["body", "events"],
            "unknown_event",
            "未知的事件：" + "、".join(unknown[:5]),
            "Unknown events: " + ", ".join(unknown[:5]),
        )
    if role == Role.partner:
        refused = [e for e in events if e not in PARTNER_EVENTS]
        if refused:
            raise FieldInvalid(
                ["body", "events"],
                "event_not_allowed",
                "合作单位只能订阅转介事件：" + "、".join(refused[:5]),
                "A partner may subscribe to referral events only: " + ", ".join(refused[:5]),
            )
    if not events:
        raise FieldInvalid(
            ["body", "events"], "unknown_event", "须至少订阅一个事件。", "Name at least one event."
        )
    given = set(events)
    return [e for e in EVENTS if e in given]


_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DELAY = re.compile(r"(\d+)([smhd])")


def parse_schedule(text: str) -> tuple[float, ...]:
    """``"5s,5m,30m,2h"`` as seconds: the delays of the retries after the first attempt."""
    delays = []
    for part in text.split(","):
        match = _DELAY.fullmatch(part.strip())
        if match is None:
            raise ValueError(f"retry delay {part.strip()!r} is not like 5s, 5m, 2h or 1d")
        delays.append(float(int(match[1]) * _UNIT_SECONDS[match[2]]))
    return tuple(delays)


class UrlRefused(Exception):
    """A URL a delivery may not go to; ``code`` is the API's error code."""

    def __init__(self, code: str, message_zh: str, message_en: str) -> None:
        super().__init__(message_en)
        self.code, self.message_zh, self.message_en = code, message_zh, message_en


Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (blocking: call it off the event loop)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def is_public(address: str) -> bool:
    """A globally routable unicast address: not private, loopback, link-local, reserved,
    shared (100.64/10), multicast or unspecified; an IPv4-mapped IPv6 address as its IPv4."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_url(url: str, production: bool, resolver: Resolver = resolve) -> list[str]:
    """Raise :class:`UrlRefused` for a URL a delivery may not go to; return the addresses
    its host resolved to (production), or [] (development: any http(s) URL is allowed).

    Production: ``https://`` only, and every address the host resolves to must be public
    (SSRF); checked when a subscription is saved and again before every attempt (the name
    may resolve elsewhere by then: DNS rebinding)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise UrlRefused("invalid_url", "URL 无效。", "The URL is not valid.") from None
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username:
        raise UrlRefused(
            "invalid_url",
            "URL 须为 http(s)://主机/路径，且不含用户名。",
            "The URL must be http(s)://host/path, without credentials.",
        )
    if not production:
        return []
    if parts.scheme != "https":
        raise UrlRefused(
            "url_not_https", "生产环境只接受 https:// 地址。", "Production needs https://."
        )
    host = parts.hostname
    try:
        addresses = resolver(host, port or 443)
    except OSError:
        raise UrlRefused(
            "invalid_url", f"无法解析主机 {host}。", f"The host {host} does not resolve."
        ) from None
    if not addresses or not all(is_public(a) for a in addresses):
        raise UrlRefused(
            "url_not_public",
            "地址指向内网、本机或保留网段，不允许。",
            "The host resolves to a private, loopback, link-local or reserved address.",
        )
    return addresses
