"""Accounts that can sign in: staff users and partner clients, and their refresh tokens."""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from liushou import clock
from liushou.auth.roles import Role
from liushou.db import Resource, UTCDateTime, enum_type


class UserAccount(Resource, table=True):
    __tablename__ = "user_account"

    username: str = Field(max_length=64, sa_column_kwargs={"unique": True})
    password_hash: str = Field(max_length=255)
    role: Role = Field(sa_type=enum_type(Role, "user_role"))
    region_id: uuid.UUID | None = Field(default=None, foreign_key="region.id", index=True)
    organization_id: uuid.UUID | None = Field(
        default=None, foreign_key="organization.id", index=True
    )
    active: bool = Field(default=True)


class ApiClient(Resource, table=True):
    """A partner system (police station, women's federation) using client credentials."""

    __tablename__ = "api_client"

    client_id: str = Field(max_length=64, sa_column_kwargs={"unique": True})
    secret_hash: str = Field(max_length=255)
    name: str = Field(max_length=200)
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True)
    scopes: str = Field(max_length=500, description="Space-separated granted scopes")
    active: bool = Field(default=True)


class RefreshToken(SQLModel, table=True):
    """Rotating refresh tokens. Only a hash is stored; a family shares one login."""

    __tablename__ = "refresh_token"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    token_hash: str = Field(max_length=64, sa_column_kwargs={"unique": True})
    family_id: uuid.UUID = Field(index=True)
    user_id: uuid.UUID = Field(foreign_key="user_account.id", index=True)
    scopes: str = Field(max_length=500)
    issued_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class LoginFailure(SQLModel, table=True):
    """Failed sign-in attempts for the lockout rules (docs/security.md): a password's under
    its username, a client secret's under ``client:`` and a keyed digest of the client id
    and the caller's network."""

    __tablename__ = "login_failure"
    __table_args__ = (sa.Index("ix_login_failure_username_at", "username", "at"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    username: str = Field(max_length=64)
    at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)


class TokenRevocation(SQLModel, table=True):
    """A revoked login session (``session_id``: the ``sid`` of its access tokens, the family
    of its refresh tokens) or every token issued to a subject (a user, a client or an
    organization id) before ``revoked_at``. Read by every API process into memory
    (liushou.auth.revocation, docs/security.md "Token revocation")."""

    __tablename__ = "token_revocation"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    session_id: uuid.UUID | None = Field(default=None)
    subject_id: uuid.UUID | None = Field(default=None)
    # Real time, not liushou.clock: it is compared with the tokens' own `iat`.
    revoked_at: datetime = Field(sa_type=UTCDateTime, index=True)
