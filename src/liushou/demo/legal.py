"""柳行街道's legal advisors for ``liushou seed-demo`` (一村一法律顾问; docs/legal.md, docs/reports.md).

The newspaper report: on 23 October 6 legal advisors signed contracts covering 柳行街道's 24
villages and communities, led by 鞠朝娟 of 济宁舜鸿律师事务所, and each holds 法治宣传 and
法治讲座 2–3 times a week. So: six advisors of three providers (舜鸿 and two made-up ones),
four villages each in code order (the contracts' ``region_ids``, within
``LIUSHOU_ADVISOR_MAX_VILLAGES``), contracts that started a year ago; five run two years,
one ends 20 days from the first run's day (the compliance report's ``expiring``). Every week
of the contracts up to today holds 1–3 activities per advisor (mostly 2–3), most of them on
site, in the advisor's villages. ``demo_lawyer`` is 鞠朝娟's login.

The demo's register lives in 黄屯街道, so no activity names a person (no service record is
written for one). Ids are ``uuid5`` of the plan's keys (the advisor's ordinal, the week's
ordinal counted from the contract's stored ``starts_on``, the activity's ordinal): a second
run on the same day adds nothing, a later one only the weeks that have come since. Dates and
types come from a ``random.Random`` seeded per advisor and week.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, col, select

from liushou import clock
from liushou.auth.models import UserAccount
from liushou.config import Settings
from liushou.demo import regions_data as data
from liushou.demo.services_rows import CREATED_BY, audit_created, existing
from liushou.legal.coverage import last_day
from liushou.legal.enums import AdvisorCategory, LegalActivityMode, LegalActivityType
from liushou.legal.models import LegalActivity, LegalAdvisor, LegalContract, LegalContractVillage
from liushou.regions.models import Region

NAMESPACE = uuid.UUID("5c1f7a0e-2b8d-4e63-9a47-d0e81b3c6f25")
VILLAGES_EACH = 4
CONTRACT_YEARS = 2
EXPIRING_IN_DAYS = 20  # the one contract the compliance report lists as expiring
LAWYER_LOGIN = "demo_lawyer"

# (name, provider, category, phone, service hours)
ADVISORS = (
    ("鞠朝娟", data.LAW_FIRM, AdvisorCategory.full_time, "13905371201", "周一、周三 9:00–12:00 驻村"),
    ("王立新", data.LAW_FIRM, AdvisorCategory.full_time, "13905371202", "周二、周四 14:30–17:30 驻村"),
    ("孔令军", data.LAW_FIRM, AdvisorCategory.part_time, "13905371203", "周五 9:00–17:00 驻村"),
    ("刘媛", data.SECOND_LAW_FIRM, AdvisorCategory.full_time, "13905371204", "周一至周五 9:00–17:00 电话咨询"),
    ("郝海军", data.SECOND_LAW_FIRM, AdvisorCategory.legal_aid, "13905371205", "周三、周五 9:00–12:00 驻村"),
    ("孟祥瑞", data.LIUXING_LEGAL_SERVICE, AdvisorCategory.grassroots_worker, "13905371206",
     "周一至周五 8:30–17:00 柳行法律服务所"),
)  # fmt: skip

# Types, weighted as an advisor's weeks go: consultations most, then 法治宣传 and 讲座.
TYPES = (
    (LegalActivityType.consultation, 40, "村民咨询{topic}问题，当场解答并告知维权途径"),
    (LegalActivityType.publicity, 15, "在村民广场开展{topic}法治宣传，发放便民找法服务卡"),
    (LegalActivityType.lecture, 12, "举办{topic}法治讲座"),
    (LegalActivityType.mediation, 10, "调解村民之间的{topic}纠纷，双方达成和解"),
    (LegalActivityType.document_review, 6, "审查村集体{topic}合同"),
    (LegalActivityType.governance_opinion, 6, "就村务决策中的{topic}事项出具法律意见"),
    (LegalActivityType.document_drafting, 5, "为村民代写{topic}法律文书"),
    (LegalActivityType.legal_aid_referral, 4, "协助村民就{topic}纠纷申请法律援助"),
    (LegalActivityType.other, 2, "参加村两委会议，提供{topic}方面的法律建议"),
)
TOPICS = ("婚姻家庭", "赡养", "土地承包", "宅基地", "劳动报酬", "邻里", "未成年人保护", "妇女权益",
          "老年人权益", "民间借贷", "交通事故", "房屋租赁")  # fmt: skip
MODES = ((LegalActivityMode.on_site, 70), (LegalActivityMode.remote, 20),
         (LegalActivityMode.appointment, 10))  # fmt: skip
WEEKLY_COUNTS = (1, 2, 2, 2, 3, 3, 3)  # the report's "2–3 times a week", a quiet week now and then


@dataclass
class LegalReport:
    advisors_created: int = 0
    contracts_created: int = 0
    activities_created: int = 0
    card_url: str = ""  # one village's public hotline card


def row_id(*parts: object) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "demo-legal/" + "/".join(str(p) for p in parts))


def card_url(settings: Settings, village_code: str) -> str:
    """The public hotline card's address (docs/legal.md, "Hotline cards")."""
    return f"{settings.public_base_url.rstrip('/')}/public/hotline-cards/{village_code}"


def seed_legal(
    session: Session, settings: Settings, organization_ids: Mapping[str, uuid.UUID]
) -> LegalReport:
    """Add the advisors, contracts and activities that do not exist yet (flushes; the caller
    commits)."""
    report = LegalReport()
    codes = [v.code for v in data.VILLAGES_BY_TOWNSHIP[data.LIUXING_CODE]]
    regions = {
        r.code: r
        for r in session.exec(
            select(Region).where(col(Region.code).in_(codes), col(Region.deleted_at).is_(None))
        ).all()
    }
    villages = [regions[code] for code in codes]
    report.card_url = card_url(settings, villages[0].code)
    lawyer = session.exec(
        select(UserAccount.id).where(
            UserAccount.username == LAWYER_LOGIN, col(UserAccount.deleted_at).is_(None)
        )
    ).first()
    on = clock.today()
    starts_on = on - timedelta(days=364)
    advisors, contracts, links = [], [], []
    for n, (name, provider, category, phone, hours) in enumerate(ADVISORS):
        firm = organization_ids[provider]
        advisors.append(
            LegalAdvisor(
                id=row_id("advisor", n),
                name=name,
                law_firm_id=firm,
                license_no=f"1370820{n + 1:010d}",
                phone=phone,
                category=category,
                service_hours=hours,
                user_id=lawyer if n == 0 else None,
            )
        )
        ends_on = starts_on.replace(year=starts_on.year + CONTRACT_YEARS) - timedelta(days=1)
        if n == len(ADVISORS) - 1:
            ends_on = on + timedelta(days=EXPIRING_IN_DAYS)
        contract_id = row_id("contract", n)
        contracts.append(
            LegalContract(
                id=contract_id,
                law_firm_id=firm,
                advisor_id=row_id("advisor", n),
                starts_on=starts_on,
                ends_on=ends_on,
                signed_on=starts_on - timedelta(days=9),
                last_day=last_day(ends_on, None),
                created_by=CREATED_BY,
            )
        )
        links += [
            LegalContractVillage(contract_id=contract_id, region_id=v.id, region_path=v.path)
            for v in villages[n * VILLAGES_EACH : (n + 1) * VILLAGES_EACH]
        ]
    have = existing(session, LegalAdvisor, [a.id for a in advisors])
    new_advisors = [a for a in advisors if a.id not in have]
    known = existing(session, LegalContract, [c.id for c in contracts])
    new_contracts = [c for c in contracts if c.id not in known]
    session.add_all(new_advisors)
    session.flush()
    session.add_all(new_contracts)
    session.flush()
    session.add_all([link for link in links if link.contract_id not in known])
    session.flush()
    report.advisors_created, report.contracts_created = len(new_advisors), len(new_contracts)

    # The activities follow the contracts as stored (a later run keeps the first run's dates).
    ordinal = {c.id: n for n, c in enumerate(contracts)}
    served = {
        c.id: villages[ordinal[c.id] * VILLAGES_EACH : (ordinal[c.id] + 1) * VILLAGES_EACH]
        for c in contracts
    }
    stored = session.exec(
        select(LegalContract).where(col(LegalContract.id).in_(list(ordinal)))
    ).all()
    planned = [row for c in stored for row in _activities(ordinal[c.id], c, served[c.id], on)]
    known = existing(session, LegalActivity, [a.id for a in planned])
    new_activities = [a for a in planned if a.id not in known]
    session.add_all(new_activities)
    session.flush()
    report.activities_created = len(new_activities)
    audit_created(session, [*new_advisors, *new_contracts, *new_activities])
    return report


def _activities(
    n: int, contract: LegalContract, villages: list[Region], on: date
) -> list[LegalActivity]:
    """Every week of the contract up to ``on``: 1–3 activities on days the contract covers."""
    rows = []
    first = contract.starts_on
    last = min(on, contract.last_day)
    week = 0
    while first + timedelta(weeks=week) <= last:
        monday = first + timedelta(weeks=week)
        rng = random.Random(f"{contract.id}/{week}")
        days = [d for d in (monday + timedelta(days=k) for k in range(7)) if d <= last]
        for k in range(rng.choice(WEEKLY_COUNTS)):
            kind, _, text = rng.choices(TYPES, weights=[w for _, w, _ in TYPES])[0]
            mode = rng.choices([m for m, _ in MODES], weights=[w for _, w in MODES])[0]
            gathering = kind in (LegalActivityType.publicity, LegalActivityType.lecture)
            on_site = gathering or mode == LegalActivityMode.on_site
            village = rng.choice(villages)
            rows.append(
                LegalActivity(
                    id=row_id("activity", n, week, k),
                    advisor_id=contract.advisor_id,
                    contract_id=contract.id,
                    region_id=village.id,
                    region_path=village.path,
                    type=kind,
                    mode=LegalActivityMode.on_site if on_site else mode,
                    held_on=rng.choice(days),
                    duration_minutes=rng.randint(90, 240) if on_site else rng.randint(15, 60),
                    attendees=rng.randint(20, 80) if gathering else rng.randint(1, 3),
                    summary=text.format(topic=rng.choice(TOPICS)),
                    created_by=CREATED_BY,
                )
            )
        week += 1
    return rows
