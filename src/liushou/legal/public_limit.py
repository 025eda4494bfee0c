"""The public card page's rate limit and content negotiation (docs/legal.md, "The public
card page").

At most ``LIUSHOU_PUBLIC_RATE_LIMIT`` requests per client address in any 60 seconds: the
``limits`` library's moving window over its asyncio in-memory storage, which keeps one lock
per address, so an address flooding the page waits on its own lock only, never on a lock
the other addresses share. The count is per process (each server worker keeps its own).
"""

from __future__ import annotations

import math
import time
from typing import Annotated

from fastapi import Depends, Request
from limits import RateLimitItemPerMinute
from limits.aio.storage import MemoryStorage
from limits.aio.strategies import MovingWindowRateLimiter

_NAMESPACE = "public-card"


class PublicRateLimit:
    def __init__(self, per_minute: int) -> None:
        self.item = RateLimitItemPerMinute(per_minute)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    async def retry_after(self, address: str) -> int | None:
        """Count one request from ``address``: None when it may pass, else the seconds
        until the oldest request in its window leaves it (for ``Retry-After``)."""
        if await self.limiter.hit(self.item, _NAMESPACE, address):
            return None
        stats = await self.limiter.get_window_stats(self.item, _NAMESPACE, address)
        return max(1, math.ceil(stats.reset_time - time.time()))


async def public_rate_limit(request: Request) -> PublicRateLimit:
    return request.app.state.public_rate_limit


PublicRateLimitDep = Annotated[PublicRateLimit, Depends(public_rate_limit)]


def client_address(request: Request) -> str:
    """The peer's address. Behind a reverse proxy, run uvicorn with
    ``--forwarded-allow-ips`` so that this is the visitor's, not the proxy's."""
    return request.client.host if request.client else "unknown"


def _ranges(accept: str) -> list[tuple[str, float]]:
    """The Accept header's media ranges with their q (1 when not given, 0 when garbled)."""
    ranges = []
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q if math.isfinite(q) else 0.0))
    return ranges


def _quality(ranges: list[tuple[str, float]], media_type: str) -> float:
    """The q of ``media_type``: that of the most specific range matching it (RFC 9110
    §12.5.1: ``text/html;q=0.1, */*`` ranks HTML at 0.1)."""
    kind = media_type.split("/")[0] + "/*"
    found: dict[int, float] = {}
    for media, q in ranges:
        specificity = {media_type: 2, kind: 1, "*/*": 0}.get(media)
        if specificity is not None:
            found[specificity] = max(q, found.get(specificity, 0.0))
    return found[max(found)] if found else 0.0


def prefers_html(accept: str | None) -> bool:
    """True when ``Accept`` ranks HTML strictly above JSON (a browser's does: it names
    text/html and only ``*/*`` at a lower q). JSON is the default."""
    if not accept:
        return False
    ranges = _ranges(accept)
    html = max(_quality(ranges, "text/html"), _quality(ranges, "application/xhtml+xml"))
    return html > 0 and html > _quality(ranges, "application/json")
