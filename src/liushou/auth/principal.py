"""Who is calling: the principal built from a verified access token."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from liushou.auth.roles import UNSCOPED_ROLES, Role


@dataclass(frozen=True, slots=True)
class Principal:
    kind: str  # "user" or "client"
    id: uuid.UUID
    name: str  # username or client_id
    role: Role
    scopes: frozenset[str]
    region_id: uuid.UUID | None
    # The caller's region path ("<id>/<id>/"), None for roles that see every region.
    region_path: str | None
    organization_id: uuid.UUID | None
    # "user:<id>" or "client:<id>": who a request is counted for (docs/security.md, "Rate
    # limits"). Built once with the principal, which the token cache keeps.
    caller_key: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "caller_key", f"{self.kind}:{self.id}")

    @property
    def sees_everything(self) -> bool:
        return self.role in UNSCOPED_ROLES

    def ancestor_paths(self) -> list[str]:
        """Paths of the regions above the caller's own (its township, county, ...)."""
        if not self.region_path:
            return []
        parts = self.region_path.rstrip("/").split("/")
        return ["/".join(parts[:i]) + "/" for i in range(1, len(parts))]
