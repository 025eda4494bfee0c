"""415 for a JSON route given anything but JSON (FastAPI would answer with a vague 422)."""

from __future__ import annotations

from fastapi import Depends, Request

from liushou.errors import AppError


class UnsupportedMediaType(AppError):
    status, code = 415, "unsupported_media_type"
    detail_zh = "请求体须为 JSON（Content-Type: application/json）。"
    detail_en = "The request body must be JSON (Content-Type: application/json)."


async def require_json(request: Request) -> None:
    if request.method not in ("POST", "PUT", "PATCH"):
        return
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";", 1)[0].strip().lower()
    if media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    ):
        return
    if not media and not await request.body():
        return  # no body at all: validation reports the missing fields
    raise UnsupportedMediaType()


# Declared on the write routes only: a router-wide dependency would run on every GET too.
JSON_BODY = [Depends(require_json)]
