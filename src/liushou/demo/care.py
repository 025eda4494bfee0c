"""Demo care for ``liushou seed-demo``: who looks after the synthetic register of 黄屯街道.

The 黄屯 report describes the scheme: the village committee names a contact for every
left-behind person (联系人包保制度), volunteers pair up with elders (情暖夕阳) and tutor
children after school (四点半课堂), and the health centre visits the sick (医路相伴).
So every village gets a village cadre and a child director (儿童主任); the township has
two volunteers of the family planning association and a doctor of the health centre; and
金色嘉苑社区 has a volunteer of its own team. Names are made up; phones sit in the synthetic
``1370000xxxx`` block (persons use ``1380000xxxx`` and ``1390000xxxx``).

The logins ``demo_village`` (金色嘉苑's village cadre) and ``demo_volunteer`` (金色嘉苑's
volunteer) are linked to caretaker records, so they see the persons assigned to them.

About nine persons in ten on the register have a primary contact: children their child
director, women and elders the village cadre, a few elders of 金色嘉苑 the volunteer; an
unattended child (``guardianship_type=none``) always has one. Each assigned person has a
short history of visits, dated before today, mostly within the interval so that a few
persons (about one in twelve) are overdue: the latest visit is older than the interval, or
the assignment started long ago and nobody has visited yet.

Caretakers and assignments go through ``guardianship.caretakers`` and ``guardianship.assignments`` under the CLI principal
(area rules, one primary contact, intervals by category and risk, due dates, audit events);
visits go through ``guardianship.visits.add_visit``, with one ``guardianship.assignments.refresh_due``
per person (see ``_record_visits``). Ids are ``uuid5`` and each person's draws come
from a generator seeded with the person's id, so the plan is the same every time; a person
whose assignments already exist is skipped as a whole (with its visits), which makes a
second run create nothing, on the same day or any later one.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa
from sqlmodel import Session, col, select

from liushou.auth.accounts import CLI_PRINCIPAL
from liushou.clock import today
from liushou.config import Settings
from liushou.demo import persons as demo_persons
from liushou.guardianship import assignments as assignment_service
from liushou.guardianship import caretakers as caretaker_service
from liushou.guardianship import repository as guardianship_repo
from liushou.guardianship import visits as visit_service
from liushou.guardianship.models import (
    Assignment,
    AssignmentRole,
    Caretaker,
    CaretakerKind,
    VisitMode,
    VisitNeed,
    VisitRiskLevel,
)
from liushou.guardianship.schemas import AssignmentCreate, CaretakerCreate, VisitCreate
from liushou.registry.enums import GuardianshipType, PersonCategory
from liushou.registry.models import Person
from liushou.registry.person_values import PersonalData
from liushou.registry.register import on_register

NAMESPACE = uuid.UUID("0b8e7c55-2f5d-4d8a-8c1e-3a9f6b2d4e71")
SEED = demo_persons.SEED

UNASSIGNED_SHARE = 0.1  # no primary contact yet (a no_primary_contact alert)
OVERDUE_SHARE = 0.08  # of the assigned whose assignment is old enough to be late
MAX_VISITS = 3  # the history kept per person: the latest few visits
HOME_VOLUNTEER_PRIMARY = 2  # elders of 金色嘉苑 whose primary contact is its volunteer
HOME_VOLUNTEER_COMPANION = 2  # children of 金色嘉苑 it accompanies

MALE_GIVEN = (
    "庆华", "建军", "卫东", "志刚", "海涛", "振宇", "广勇", "宪臣", "德顺", "传军",
    "红军", "兆峰", "玉军", "长青", "继伟", "洪涛",
)  # fmt: skip
FEMALE_GIVEN = (
    "秀芹", "红梅", "丽娟", "春燕", "晓红", "玉芳", "凤霞", "美华", "海霞", "桂香",
    "淑华", "秀娟", "艳玲", "晓静", "丽萍", "文静",
)  # fmt: skip
YOUNG_GIVEN = ("晓雯", "子怡", "梦琪", "思雨", "浩然", "博文", "雨晴", "佳琪")

# (findings, needs, risk level) by category; the first of a list is the most common.
Finding = tuple[str, tuple[str, ...], str]
CHILD_FINDINGS: tuple[Finding, ...] = (
    ("孩子学习、生活正常，祖辈照料较好，叮嘱按时完成作业。", (), "normal"),
    ("与孩子谈心，孩子想念在外打工的父母，已约定每周与父母视频通话。", ("psychological",), "normal"),
    ("讲解防溺水、用电用火安全知识，检查居住环境。", ("safety",), "normal"),
    ("发放书包、本子等学习用品（“微心愿”活动），鼓励孩子好好学习。", ("study",), "normal"),
    ("孩子近期成绩下滑、不爱说话，建议参加“四点半课堂”作业辅导。", ("study", "psychological"), "attention"),
    ("监护人年老体弱，孩子衣食照料不足，请村里多加关注。", ("daily_care",), "attention"),
    ("孩子感冒发烧，已联系监护人带到卫生院就诊。", ("health",), "attention"),
)  # fmt: skip
UNATTENDED_FINDINGS: tuple[Finding, ...] = (
    ("上门查看孩子吃饭、上学情况，正常；提醒晚上锁好门窗。", ("daily_care", "safety"), "attention"),
    ("孩子独自在家，已联系在外务工的父母尽快落实委托照护人。", ("daily_care", "safety", "legal"), "urgent"),
)  # fmt: skip
WOMAN_FINDINGS: tuple[Finding, ...] = (
    ("家中务农，身体尚好，近况良好。", (), "normal"),
    ("有意参加育婴员、养老护理员培训，已登记并告知街道计生协培训安排。", ("economic",), "normal"),
    ("丈夫长期在外，独自照顾老人孩子，压力较大，进行了心理疏导。", ("psychological",), "attention"),
    ("咨询妇女权益方面的法律问题，已告知司法所联系方式。", ("legal",), "attention"),
    ("腰椎劳损，提醒参加免费健康检查。", ("health",), "normal"),
)  # fmt: skip
ELDER_FINDINGS: tuple[Finding, ...] = (
    ("老人身体尚可，生活能自理，检查了燃气和用电安全。", ("safety",), "normal"),
    ("子女很少联系，老人感到孤单，陪老人聊天、拉家常。", ("psychological",), "normal"),
    ("低保、高龄津贴按时发放，生活基本有保障。", ("economic",), "normal"),
    ("高血压需按时服药，已联系卫生院上门随访、送药。", ("health",), "attention"),
    ("行动不便，帮助购买米面油等生活用品。", ("daily_care",), "attention"),
    ("老人在家中摔倒，已通知在外子女并联系卫生院。", ("health", "daily_care"), "urgent"),
)  # fmt: skip
FINDING_WEIGHTS = (40, 12, 12, 10, 8, 6, 2)  # the first (everyday) finding dominates


@dataclass(frozen=True)
class CareVillage:
    id: uuid.UUID
    code: str
    name: str
    community: bool  # 社区 rather than 村 (四点半课堂 runs in the communities)
    committee_id: uuid.UUID | None  # the 村(居)民委员会 organization, where there is one


@dataclass(frozen=True)
class CareSetting:
    """Where the demo caretakers work and whom they are linked to."""

    township_id: uuid.UUID
    villages: Sequence[CareVillage]
    home_village_id: uuid.UUID  # 金色嘉苑社区: demo_village and demo_volunteer work there
    volunteer_team_id: uuid.UUID | None  # 金色嘉苑社区志愿者服务队
    township_volunteers_org_id: uuid.UUID | None  # 黄屯街道计划生育协会
    health_center_id: uuid.UUID | None  # 黄屯街道卫生院
    village_user_id: uuid.UUID | None  # demo_village
    volunteer_user_id: uuid.UUID | None  # demo_volunteer


@dataclass
class CareReport:
    caretakers_created: int = 0
    assignments_created: int = 0
    visits_created: int = 0


def _id(*parts: object) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "demo-care/" + "/".join(str(p) for p in parts))


def demo_persons_of(session: Session) -> list[Person]:
    """The live persons of the demo register (demo/persons.py), in the register's order."""
    order = {person_id: n for n, person_id in enumerate(demo_persons.demo_person_ids())}
    rows = session.exec(
        select(Person).where(col(Person.id).in_(list(order)), col(Person.deleted_at).is_(None))
    ).all()
    return sorted(rows, key=lambda p: order[p.id])


def seed_care(
    session: Session,
    settings: Settings,
    setting: CareSetting,
    persons: Sequence[Person],
    pii: PersonalData,
) -> CareReport:
    """Caretakers, assignments and visits for ``persons``; what exists is skipped."""
    on = today()
    caretakers = _caretakers(setting)
    report = CareReport()
    existing = set(
        session.exec(
            select(Caretaker.id).where(col(Caretaker.id).in_([c.id for c in caretakers.values()]))
        ).all()
    )
    for caretaker in caretakers.values():
        if caretaker.id in existing:
            continue
        body = caretaker.body
        if body.user_id is not None and guardianship_repo.caretaker_of_user(session, body.user_id):
            body = body.model_copy(update={"user_id": None})  # the login has its own already
        caretaker_service.create_caretaker(session, pii, CLI_PRINCIPAL, body, caretaker.id)
        report.caretakers_created += 1
    live = set(
        session.exec(
            select(Caretaker.id).where(
                col(Caretaker.id).in_([c.id for c in caretakers.values()]),
                col(Caretaker.deleted_at).is_(None),
            )
        ).all()
    )

    plans = _person_plans(settings, setting, caretakers, persons, on)
    person_ids = [p.person_id for p in plans]
    # Persons already cared for (by an earlier run or by hand) are left alone entirely.
    taken = set(
        session.exec(
            select(Assignment.person_id).where(
                col(Assignment.person_id).in_(person_ids),
                sa.or_(
                    col(Assignment.id).in_([a.id for p in plans for a in p.assignments]),
                    sa.and_(
                        col(Assignment.role) == AssignmentRole.primary_contact,
                        col(Assignment.ends_on).is_(None),
                        col(Assignment.deleted_at).is_(None),
                    ),
                ),
            )
        ).all()
    )
    for plan in plans:
        if plan.person_id in taken or any(
            a.body.caretaker_id not in live for a in plan.assignments
        ):
            continue
        interval = None
        for assignment in plan.assignments:
            row = assignment_service.create_assignment(
                session, settings, CLI_PRINCIPAL, assignment.body, assignment.id
            )
            interval = interval or row.visit_interval_days  # the primary contact's, first
            report.assignments_created += 1
        if plan.visits and interval is not None:
            _record_visits(session, plan, interval)
            report.visits_created += len(plan.visits)
    return report


def _record_visits(session: Session, plan: _PersonPlan, interval: int) -> None:
    """The person's visit history through ``guardianship.visits.add_visit`` (the row and its
    audit event, due the primary contact's interval later), then one
    ``guardianship.assignments.refresh_due`` for the person's assignments instead of one per
    visit: seed-demo stays quick. The plan keeps the rules create_visit checks: past days,
    visitors of the person's area or volunteers.
    """
    for visit in plan.visits:
        body = visit.body
        assert body.caretaker_id is not None  # the plan names every visitor
        next_due = body.visited_on + timedelta(days=interval)
        visit_service.add_visit(session, CLI_PRINCIPAL, body, body.caretaker_id, next_due, visit.id)
    assignment_service.refresh_due(session, plan.person_id)


# --- caretakers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Caretaker:
    id: uuid.UUID
    body: CaretakerCreate


def _name(rng: random.Random, given: Sequence[str]) -> str:
    return str(rng.choices(*zip(*demo_persons.SURNAMES, strict=True))[0]) + rng.choice(given)


# Each village's two caretakers: its key, kind, and the given names drawn (the first with
# this probability). 儿童主任 are mostly women (often the village's women's representative).
VILLAGE_CADRE, VOLUNTEER = CaretakerKind.village_cadre, CaretakerKind.volunteer
_VILLAGE_CARETAKERS = (
    ("cadre", VILLAGE_CADRE, (MALE_GIVEN, 0.6, FEMALE_GIVEN)),
    ("director", CaretakerKind.child_director, (FEMALE_GIVEN, 0.85, MALE_GIVEN)),
)


def _caretakers(setting: CareSetting) -> dict[str, _Caretaker]:
    """Every demo caretaker by a stable key: ``cadre/<code>``, ``director/<code>``,
    ``volunteer/home``, ``volunteer/1``, ``volunteer/2``, ``doctor``."""
    out: dict[str, _Caretaker] = {}
    phones = iter(range(1, 1000))

    def add(
        key: str,
        rng: random.Random,
        given: Sequence[str],
        kind: CaretakerKind,
        where: tuple[uuid.UUID, uuid.UUID | None],  # region, organization
        user_id: uuid.UUID | None = None,
    ) -> None:
        region_id, organization_id = where
        body = CaretakerCreate(
            name=_name(rng, given),
            phone=f"1370000{next(phones):04d}",
            kind=kind,
            region_id=region_id,
            organization_id=organization_id,
            user_id=user_id,
        )
        out[key] = _Caretaker(_id("caretaker", key), body)

    for village in setting.villages:
        rng = random.Random(f"{SEED}/caretakers/{village.code}")
        where = (village.id, village.committee_id)
        home = village.id == setting.home_village_id
        for key, kind, (mostly, share, otherwise) in _VILLAGE_CARETAKERS:
            given = mostly if rng.random() < share else otherwise
            # The home village's cadre is the demo_village login.
            user_id = setting.village_user_id if home and kind is VILLAGE_CADRE else None
            add(f"{key}/{village.code}", rng, given, kind, where, user_id)
    rng = random.Random(f"{SEED}/caretakers/township")
    home_team = (setting.home_village_id, setting.volunteer_team_id)
    volunteers = (setting.township_id, setting.township_volunteers_org_id)
    health_center = (setting.township_id, setting.health_center_id)
    add("volunteer/home", rng, YOUNG_GIVEN, VOLUNTEER, home_team, setting.volunteer_user_id)
    add("volunteer/1", rng, FEMALE_GIVEN, VOLUNTEER, volunteers)
    add("volunteer/2", rng, MALE_GIVEN, VOLUNTEER, volunteers)
    add("doctor", rng, MALE_GIVEN, CaretakerKind.doctor, health_center)
    return out


# --- assignments and visits ----------------------------------------------------------------


@dataclass(frozen=True)
class _Assignment:
    id: uuid.UUID
    body: AssignmentCreate


@dataclass(frozen=True)
class _Visit:
    id: uuid.UUID
    body: VisitCreate


@dataclass
class _PersonPlan:
    person_id: uuid.UUID
    assignments: list[_Assignment] = field(default_factory=list)
    visits: list[_Visit] = field(default_factory=list)


def _person_plans(
    settings: Settings,
    setting: CareSetting,
    caretakers: Mapping[str, _Caretaker],
    persons: Sequence[Person],
    on: date,
) -> list[_PersonPlan]:
    codes = {v.id: v.code for v in setting.villages}
    community = {v.id for v in setting.villages if v.community}
    counting = [
        p for p in persons if on_register(p.status, p.counts_until, on) and p.region_id in codes
    ]
    home = [p for p in counting if p.region_id == setting.home_village_id]
    home_elders = [p for p in home if p.category == PersonCategory.elder]
    home_children = [p for p in home if p.category == PersonCategory.child]
    volunteer_primary = {p.id for p in home_elders[:HOME_VOLUNTEER_PRIMARY]}
    volunteer_companion = {p.id for p in home_children[:HOME_VOLUNTEER_COMPANION]}
    plans = []
    for person in counting:
        rng = random.Random(f"{SEED}/care/{person.id}")
        code = codes[person.region_id]
        unattended = person.guardianship_type == GuardianshipType.none
        chosen = person.id in volunteer_primary or person.id in volunteer_companion
        if rng.random() < UNASSIGNED_SHARE and not (unattended or chosen):
            continue
        interval = assignment_service.default_interval(settings, person)
        span = rng.randint(20, 720)
        starts_on = max(person.left_behind_since, on - timedelta(days=span))
        if person.id in volunteer_primary:
            primary = caretakers["volunteer/home"]
        elif person.category == PersonCategory.child:
            primary = caretakers[f"director/{code}"]
        else:
            primary = caretakers[f"cadre/{code}"]
        plan = _PersonPlan(person.id)
        plan.assignments.append(
            _assignment(person, primary, AssignmentRole.primary_contact, starts_on)
        )
        others = _others(rng, person, caretakers, volunteer_companion, community)
        companions: list[tuple[_Caretaker, date]] = []
        for caretaker, role in others:
            since = starts_on + timedelta(days=rng.randint(0, (on - starts_on).days))
            plan.assignments.append(_assignment(person, caretaker, role, since))
            companions.append((caretaker, since))
        for n, day in enumerate(_visit_days(rng, interval, starts_on, on)):
            visitor = primary
            around = [c for c, since in companions if since <= day]
            if around and rng.random() < 0.25:
                visitor = rng.choice(around)
            plan.visits.append(_visit(rng, person, visitor, day, _id("visit", person.id, n)))
        plans.append(plan)
    return plans


def _assignment(
    person: Person, caretaker: _Caretaker, role: AssignmentRole, starts_on: date
) -> _Assignment:
    body = AssignmentCreate.model_validate(
        {
            "person_id": person.id,
            "caretaker_id": caretaker.id,
            "role": role,
            "starts_on": starts_on,
        }
    )
    return _Assignment(_id("assignment", person.id, role.value, caretaker.id), body)


def _others(
    rng: random.Random,
    person: Person,
    caretakers: Mapping[str, _Caretaker],
    home_companion: set[uuid.UUID],
    community: set[uuid.UUID],
) -> list[tuple[_Caretaker, AssignmentRole]]:
    """Companions beside the primary contact: the volunteers of 情暖夕阳 with elders living
    alone, 四点半课堂 tutors for primary pupils of the communities, the health centre's
    doctor for the disabled and bedridden."""
    out: list[tuple[_Caretaker, AssignmentRole]] = []
    township_volunteer = caretakers[f"volunteer/{rng.choice((1, 2))}"]
    if person.id in home_companion:
        out.append((caretakers["volunteer/home"], AssignmentRole.companion))
    if person.category == PersonCategory.elder:
        if person.living_arrangement == "alone" and rng.random() < 0.35:
            out.append((township_volunteer, AssignmentRole.companion))
        if person.health_status in ("disabled", "bedridden"):
            out.append((caretakers["doctor"], AssignmentRole.doctor))
    elif (
        person.category == PersonCategory.child
        and person.schooling_status == "primary"
        and person.region_id in community
        and rng.random() < 0.3
    ):
        out.append((township_volunteer, AssignmentRole.tutor))
    return out


def _visit_days(rng: random.Random, interval: int, starts_on: date, on: date) -> list[date]:
    """The days of the person's latest visits, oldest first.

    Mostly the latest lies within the interval; for about one in twelve whose assignment is
    older than its interval the latest is older than that (or there was none at all): those
    are the overdue. A young assignment may have no visit yet (not overdue)."""
    age = (on - starts_on).days
    if age > interval + 3 and rng.random() < OVERDUE_SHARE:
        if rng.random() < 0.3:
            return []  # started long ago, never visited
        latest = on - timedelta(days=interval + rng.randint(2, min(60, age - interval)))
    elif age < interval and rng.random() < 0.3:
        return []  # a new assignment, first visit not due yet
    else:
        latest = on - timedelta(days=rng.randint(0, min(interval - 1, age)))
    days = [latest]
    while len(days) < MAX_VISITS:
        previous = days[-1] - timedelta(days=interval - rng.randint(0, interval // 4))
        if previous < starts_on:
            break
        days.append(previous)
    return days[::-1]


def _visit(
    rng: random.Random, person: Person, visitor: _Caretaker, day: date, visit_id: uuid.UUID
) -> _Visit:
    modes: tuple[tuple[VisitMode, int], ...]
    if person.category == PersonCategory.child:
        pool = (
            UNATTENDED_FINDINGS
            if person.guardianship_type == GuardianshipType.none
            else CHILD_FINDINGS
        )
        school = person.schooling_status in ("primary", "junior_secondary")
        modes = ((VisitMode.home, 7), (VisitMode.school, 2 if school else 0), (VisitMode.phone, 1))
    elif person.category == PersonCategory.woman:
        pool = WOMAN_FINDINGS
        modes = ((VisitMode.home, 6), (VisitMode.phone, 3), (VisitMode.video, 1))
    else:
        pool = ELDER_FINDINGS
        modes = ((VisitMode.home, 8), (VisitMode.phone, 2))
    findings, needs, risk = rng.choices(pool, FINDING_WEIGHTS[: len(pool)])[0]
    mode = rng.choices([m for m, _ in modes], [weight for _, weight in modes])[0]
    body = VisitCreate.model_validate(
        {
            "person_id": person.id,
            "caretaker_id": visitor.id,
            "visited_on": day,
            "mode": mode,
            "findings": findings,
            "needs": [VisitNeed(need) for need in needs],
            "risk_level": VisitRiskLevel(risk),
        }
    )
    return _Visit(visit_id, body)
