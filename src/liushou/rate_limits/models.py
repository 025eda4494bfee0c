"""The shared count of requests per caller and minute on PostgreSQL (docs/security.md,
"Rate limits"): each API process adds its own hits here every quarter second."""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class RateLimitHits(SQLModel, table=True):
    __tablename__ = "rate_limit_hits"

    caller: str = Field(max_length=64, primary_key=True)  # "user:<id>", "client:<id>"
    minute: int = Field(primary_key=True)  # minutes since the epoch (UTC)
    hits: int = Field(default=0)
