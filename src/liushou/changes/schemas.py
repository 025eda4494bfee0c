"""The feed's response (docs/changes.md)."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field, SerializeAsAny


class ChangeOp(StrEnum):
    upsert = "upsert"
    delete = "delete"


class ChangeItem(BaseModel):
    resource_type: str = Field(description="`person`, `consent`, … (the `types=` names)")
    id: uuid.UUID
    op: ChangeOp = Field(
        description="`upsert`: the resource as `data` shows it now; `delete`: drop it "
        "(deleted, or no longer in the caller's sight)"
    )
    version: int = Field(description="The version this change wrote")
    changed_at: datetime
    data: dict[str, Any] | None = Field(
        description="The resource exactly as the caller's GET of it answers now; null for a delete"
    )


class ChangePage(BaseModel):
    items: list[ChangeItem]
    next_cursor: str = Field(description="Always present: pass it as `after` to continue")
    has_more: bool = Field(description="More changes follow now: call again at once")


class ChangeItemOut(ChangeItem):
    """How an item is written: ``data`` is the GET's own response model, serialized by it,
    so the bytes are those of :class:`ChangeItem` holding that model's JSON dump."""

    data: SerializeAsAny[BaseModel] | None  # type: ignore[assignment]


class ChangePageOut(ChangePage):
    """:class:`ChangePage` as written (the OpenAPI document describes ChangePage)."""

    items: list[ChangeItemOut]  # type: ignore[assignment]
