"""Versions, ETags and If-Match (optimistic concurrency, RFC 9110 §13.1.1)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Header

from liushou.errors import PreconditionFailed

IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description='The ETag read before (e.g. `"3"`); a stale one is refused with 412.',
    ),
]


def etag(version: int) -> str:
    return f'"{version}"'


def check_if_match(if_match: str | None, current_version: int | None) -> None:
    """Refuse the write (412) unless If-Match is absent or names the current version.

    ``current_version`` is None when the resource does not exist yet.
    """
    if if_match is None:
        return
    tags = [t.strip() for t in if_match.split(",") if t.strip()]
    if current_version is not None:
        if "*" in tags or etag(current_version) in tags:  # strong comparison: W/ never matches
            return
    raise PreconditionFailed(
        "资源已被他人修改（版本不符），请重新读取后再提交。",
        "The resource has changed since you read it (version mismatch); read it again.",
        current_version=current_version,
    )
