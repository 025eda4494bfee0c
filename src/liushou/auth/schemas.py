"""Bodies of the auth endpoints."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel

from liushou.api.schemas import ResourceRead
from liushou.auth.roles import Role


class TokenResponse(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int
    refresh_token: str | None = None
    scope: str


class RegionSummary(BaseModel):
    id: uuid.UUID
    code: str
    name: str
    level: str


class Me(BaseModel):
    kind: Literal["user", "client"]
    id: uuid.UUID
    username: str | None = None
    client_id: str | None = None
    role: Role
    region: RegionSummary | None
    organization_id: uuid.UUID | None
    scopes: list[str]


class UserRead(ResourceRead):
    username: str
    role: Role
    region_id: uuid.UUID | None
    organization_id: uuid.UUID | None
    active: bool
