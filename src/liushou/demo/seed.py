"""`liushou seed-demo`: the demo regions, organizations, one user per role, a partner client
for the police station and one for the women's federation, a synthetic register of 黄屯街道
(demo/persons.py), who looks after it (demo/care.py), a year of its services programme
(demo/services.py), and 柳行街道's legal advisors with a year of their work (demo/legal.py). Idempotent: a second run creates nothing.

It refuses, writing nothing, in production and on a database holding anything it did not
create itself (docs/security.md)."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from liushou.auth.accounts import CLI_PRINCIPAL, create_client, create_user
from liushou.auth.models import ApiClient, UserAccount
from liushou.auth.roles import Role
from liushou.config import Settings
from liushou.demo import regions_data as data
from liushou.demo.care import CareReport, CareSetting, CareVillage, demo_persons_of, seed_care
from liushou.demo.legal import LegalReport, seed_legal
from liushou.demo.persons import DemoVillage, PersonsReport, demo_person_ids, seed_persons
from liushou.demo.referrals import ReferralsReport, seed_referrals
from liushou.demo.services import ServicesReport, seed_services
from liushou.regions import service as regions
from liushou.regions.models import Network, Organization, OrganizationType, Region
from liushou.regions.repository import live_region_by_code
from liushou.regions.schemas import OrganizationCreate, RegionCreate
from liushou.registry.models import Person
from liushou.registry.person_values import PersonalData

# (username, role, region code) — partners use client credentials, not users.
DEMO_USERS = (
    ("demo_admin", Role.admin, None),
    ("demo_staff", Role.street_staff, data.HUANGTUN_CODE),
    ("demo_village", Role.village_contact, data.JINSE_JIAYUAN_CODE),
    ("demo_volunteer", Role.volunteer, data.JINSE_JIAYUAN_CODE),
    ("demo_lawyer", Role.legal_advisor, data.COUNTY_CODE),
    ("demo_auditor", Role.auditor, None),
)
# (client_id, organization name): the partners of the rights-protection and social-care
# networks that referrals are addressed to.
DEMO_CLIENTS = (
    ("demo_police", data.HUANGTUN_POLICE_STATION),
    ("demo_womens_federation", data.HUANGTUN_WOMENS_FEDERATION),
)
COMMITTEE_TYPES = ("village_committee", "community_committee")


class SeedRefused(Exception):
    """seed-demo will not run against these settings or this database; nothing was written."""


class RefusedInProduction(SeedRefused):
    pass


class RefusedOnRealData(SeedRefused):
    pass


def refuse_in_production(settings: Settings) -> None:
    """The demo creates an admin whose password is printed, and a made-up register."""
    if settings.environment == "production":
        raise RefusedInProduction(
            "seed-demo does not run in production (LIUSHOU_ENVIRONMENT=production): it creates "
            "accounts whose passwords it prints and a synthetic register"
        )


def refuse_on_real_data(session: Session) -> None:
    """Seed only an empty database or one the seed itself filled: real users, clients,
    persons, regions or organizations must never sit beside demo accounts."""
    found = foreign_rows(session)
    if found:
        raise RefusedOnRealData(
            f"the database holds {', '.join(found)} that seed-demo did not create; it seeds "
            "only an empty database or its own demo data (nothing was written)"
        )


def foreign_rows(session: Session) -> list[str]:
    """What the database holds that the seed does not create, as plural nouns ("users").

    Demo rows are recognised by their fixed identities: the demo usernames and client ids,
    the demo persons' derived ids, the demo region codes and organization names. Deleted
    rows count too: they are somebody's data all the same.
    """
    checks: list[tuple[str, Any, Collection[object]]] = [
        ("users", UserAccount.username, [username for username, _, _ in DEMO_USERS]),
        ("partner clients", ApiClient.client_id, [client_id for client_id, _ in DEMO_CLIENTS]),
        ("persons", Person.id, demo_person_ids()),
        ("regions", Region.code, [region.code for region in data.REGIONS]),
        ("organizations", Organization.name, [org.name for org in data.ORGANIZATIONS]),
    ]
    return [
        noun
        for noun, column, demo_values in checks
        if session.exec(select(column).where(col(column).not_in(demo_values)).limit(1)).first()
        is not None
    ]


@dataclass
class SeedReport:
    regions_created: int = 0
    organizations_created: int = 0
    users_created: dict[str, str] = field(default_factory=dict)  # username -> password, once
    clients_created: dict[str, str] = field(default_factory=dict)  # client_id -> secret, once
    persons: PersonsReport = field(default_factory=PersonsReport)
    care: CareReport = field(default_factory=CareReport)
    referrals: ReferralsReport = field(default_factory=ReferralsReport)
    services: ServicesReport = field(default_factory=ServicesReport)
    legal: LegalReport = field(default_factory=LegalReport)
    # Every demo organization's id by name (data.HUANGTUN_POLICE_STATION, ...), created or
    # found: what later demo steps (referrals) address.
    organization_ids: dict[str, uuid.UUID] = field(default_factory=dict)


def seed_demo(session: Session, settings: Settings, pii: PersonalData | None = None) -> SeedReport:
    """Raises SeedRefused, before writing anything, in production or on foreign data."""
    refuse_in_production(settings)
    refuse_on_real_data(session)
    pii = pii or PersonalData.from_settings(settings)
    report = SeedReport()
    region_ids: dict[str, uuid.UUID] = {}
    for seed in data.REGIONS:
        existing = live_region_by_code(session, seed.code)
        if existing is None:
            parent_id = region_ids.get(seed.parent_code) if seed.parent_code else None
            existing = regions.create_region(
                session,
                CLI_PRINCIPAL,
                RegionCreate(
                    code=seed.code,
                    name=seed.name,
                    level=seed.level,
                    kind=seed.kind,
                    parent_id=parent_id,
                ),
            )
            report.regions_created += 1
        region_ids[seed.code] = existing.id
    for org in data.ORGANIZATIONS:
        region_id = region_ids[org.region_code]
        org_id = session.exec(
            select(Organization.id).where(
                Organization.name == org.name,
                Organization.region_id == region_id,
                col(Organization.deleted_at).is_(None),
            )
        ).first()
        if org_id is None:
            org_id = regions.create_organization(
                session,
                CLI_PRINCIPAL,
                OrganizationCreate(
                    name=org.name,
                    type=OrganizationType(org.type),
                    networks=[Network(n) for n in org.networks],
                    region_id=region_id,
                    phone=org.phone,
                    credit_code=org.credit_code,
                ),
            ).id
            report.organizations_created += 1
        report.organization_ids[org.name] = org_id
    for username, role, region_code in DEMO_USERS:
        taken = session.exec(select(UserAccount.id).where(UserAccount.username == username)).first()
        if taken is None:
            password = secrets.token_urlsafe(12)
            create_user(session, username, role, password, region_code)
            report.users_created[username] = password
    for client_id, org_name in DEMO_CLIENTS:
        if session.exec(select(ApiClient.id).where(ApiClient.client_id == client_id)).first():
            continue
        org_id = report.organization_ids[org_name]
        new = create_client(session, f"{org_name}（演示）", org_id, client_id=client_id)
        report.clients_created[client_id] = new.secret
    huangtun = data.VILLAGES_BY_TOWNSHIP[data.HUANGTUN_CODE]
    villages = [
        DemoVillage(region_ids[v.code], v.name, v.kind == data.KIND_COMMUNITY) for v in huangtun
    ]
    report.persons = seed_persons(session, settings, villages, pii)
    persons = demo_persons_of(session)
    report.care = seed_care(
        session, settings, _care_setting(session, report, region_ids), persons, pii
    )
    report.referrals = seed_referrals(
        session,
        settings,
        persons,
        session.get_one(Organization, report.organization_ids[data.HUANGTUN_POLICE_STATION]),
        session.get_one(Organization, report.organization_ids[data.HUANGTUN_WOMENS_FEDERATION]),
    )
    report.services = seed_services(session, persons, report.organization_ids, pii)
    report.legal = seed_legal(session, settings, report.organization_ids)
    return report


def _care_setting(
    session: Session, report: SeedReport, region_ids: dict[str, uuid.UUID]
) -> CareSetting:
    orgs = report.organization_ids
    committees = {
        o.region_code: orgs[o.name] for o in data.ORGANIZATIONS if o.type in COMMITTEE_TYPES
    }
    users = dict(
        session.exec(
            select(UserAccount.username, UserAccount.id).where(
                col(UserAccount.username).in_(("demo_village", "demo_volunteer")),
                col(UserAccount.deleted_at).is_(None),
            )
        ).all()
    )
    return CareSetting(
        township_id=region_ids[data.HUANGTUN_CODE],
        villages=[
            CareVillage(
                region_ids[v.code],
                v.code,
                v.name,
                v.kind == data.KIND_COMMUNITY,
                committees.get(v.code),
            )
            for v in data.VILLAGES_BY_TOWNSHIP[data.HUANGTUN_CODE]
        ],
        home_village_id=region_ids[data.JINSE_JIAYUAN_CODE],
        volunteer_team_id=orgs.get(data.JINSE_JIAYUAN_VOLUNTEER_TEAM),
        township_volunteers_org_id=orgs.get(data.HUANGTUN_FPA),
        health_center_id=orgs.get(data.HUANGTUN_HEALTH_CENTER),
        village_user_id=users.get("demo_village"),
        volunteer_user_id=users.get("demo_volunteer"),
    )
