"""Base classes for request and response bodies."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict


class RequestBody(BaseModel):
    """Unknown fields are refused (422), so a typo never silently drops data."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ResourceRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    created_at: datetime
    updated_at: datetime
    version: int
