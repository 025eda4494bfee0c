"""The callers a route may require: one annotation per scope, declared once
(docs/architecture.md, "Who may call a route").

A route names its caller by the scope it needs, ``caller: CareReader``; the role → scope
table is in auth/roles.py. ``PersonReader`` and ``PersonWriter`` are for the routes of one
person (``/persons/{person_id}...``): a partner gets 404 there, as for an unknown id, not
403 (docs/privacy.md).
"""

from __future__ import annotations

from typing import Annotated

from liushou.auth.dependencies import requires, requires_for_one_person
from liushou.auth.principal import Principal

SignedIn = Annotated[Principal, requires()]
Admin = Annotated[Principal, requires("admin")]
AuditReader = Annotated[Principal, requires("audit:read")]
ReportReader = Annotated[Principal, requires("reports:read")]

RegistryReader = Annotated[Principal, requires("registry:read")]
RegistryWriter = Annotated[Principal, requires("registry:write")]
PersonReader = Annotated[Principal, requires_for_one_person("registry:read")]
PersonWriter = Annotated[Principal, requires_for_one_person("registry:write")]

CareReader = Annotated[Principal, requires("care:read")]
CareWriter = Annotated[Principal, requires("care:write")]

ReferralReader = Annotated[Principal, requires("referrals:read")]
ReferralWriter = Annotated[Principal, requires("referrals:write")]

ServiceReader = Annotated[Principal, requires("services:read")]
ServiceWriter = Annotated[Principal, requires("services:write")]

LegalReader = Annotated[Principal, requires("legal:read")]
LegalWriter = Annotated[Principal, requires("legal:write")]
