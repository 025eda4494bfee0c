"""A plausible, entirely synthetic register of 黄屯街道 for ``liushou seed-demo``.

Every person is made up: names are drawn from common surnames (with 济宁's 孔, 孟, 颜, 曾)
and generation-typical given names by a seeded ``random.Random``; ID numbers are built by
``make_id_number`` for the county code 370871 (valid check character, birth date and sex
agreeing, sequence codes unique within the demo); phones sit in the synthetic
``1380000xxxx`` (persons) and ``1390000xxxx`` (guardians) blocks.

The mix follows the 2016 national survey and the 黄屯 report: most children
live with grandparents (a few with relatives, an entrusted carer or an incapable parent, and
a few unattended, ``guardianship_type=none``, all of them 12 or older); elders carry risk
tiers derived from age, living arrangement, health and benefits; women have an employment
status and training interests (养老护理员, 育婴员, ...). About one in twelve has since left
the register (parents or spouse returned, moved away, died).

Persons go through ``registry.service.create_person`` (encryption, blind index, versions,
audit) under the CLI principal. Ids are ``uuid5`` of the person's index, so a second run
creates nothing. Birth and start dates are drawn relative to today, so a child is under 16
and an elder 60 or over whenever the seed runs; the names, mix and places stay the same.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session, col, select

from liushou.api import resources
from liushou.auth.accounts import CLI_PRINCIPAL
from liushou.clock import today
from liushou.config import Settings
from liushou.registry import identifiers as ids
from liushou.registry import service as registry
from liushou.registry.enums import PersonCategory, Sex
from liushou.registry.models import Person
from liushou.registry.person_values import PersonalData
from liushou.registry.schemas import PersonCreate, PersonExit

NAMESPACE = uuid.UUID("6f1d3c2e-5b4a-4e8f-9a7b-1c2d3e4f5a6b")
SEED = 20190523  # the day 黄屯 became a 三留守 project site, give or take
COUNTY6 = "370871"

CHILDREN = 150
WOMEN = 90
ELDERS = 120

# Weighted toward the surnames common in 济宁 (孔, 孟, 颜 and 曾 of 曲阜 and 嘉祥 included).
SURNAMES = (
    ("王", 12), ("张", 10), ("李", 10), ("刘", 8), ("孙", 6), ("杨", 5), ("赵", 5),
    ("陈", 4), ("徐", 4), ("马", 3), ("孔", 4), ("孟", 3), ("颜", 2), ("曾", 2),
    ("周", 3), ("吴", 2), ("朱", 3), ("高", 3), ("郭", 3), ("韩", 2), ("宋", 2),
    ("胡", 2), ("姜", 2), ("田", 2), ("魏", 2), ("侯", 1), ("苏", 1), ("吕", 1),
)  # fmt: skip
CHILD_NAMES = {
    Sex.male: (
        "子轩", "浩宇", "宇轩", "俊熙", "浩然", "子墨", "博文", "皓轩", "沐阳", "锦程",
        "梓睿", "一鸣", "嘉豪", "思远", "天佑", "明哲", "泽宇", "昊天", "晨阳", "伟",
    ),
    Sex.female: (
        "梓涵", "欣怡", "一诺", "雨桐", "梓萱", "诗涵", "思雨", "佳怡", "若汐", "可欣",
        "语桐", "紫涵", "梦瑶", "雨欣", "子涵", "依诺", "欣然", "嘉怡", "悦", "娜",
    ),
}  # fmt: skip
WOMAN_NAMES = (
    "丽", "静", "敏", "燕", "艳", "娟", "霞", "芳", "红霞", "秀梅", "海燕", "晓燕",
    "丽娜", "婷婷", "雪", "倩", "慧", "莉", "春梅", "玉霞", "美玲", "秀云", "淑芬", "娜",
)  # fmt: skip
ELDER_NAMES = {
    Sex.male: (
        "建国", "国庆", "德明", "凤山", "长福", "玉成", "洪文", "广才", "振华", "传福",
        "庆云", "家兴", "宝山", "春生", "维新", "立本", "文才", "永贵", "伟",
    ),
    Sex.female: (
        "秀英", "桂英", "玉兰", "凤英", "秀兰", "桂兰", "淑珍", "秀珍", "翠花", "玉梅",
        "兰英", "桂芝", "凤兰", "素英", "玉珍", "金凤", "淑兰",
    ),
}  # fmt: skip
WORK_PLACES = (
    "浙江省宁波市", "江苏省苏州市", "广东省东莞市", "上海市", "北京市", "山东省青岛市",
    "天津市", "福建省厦门市", "浙江省义乌市", "江苏省昆山市", "山东省济南市",
)  # fmt: skip
TRAININGS = (
    "养老护理员", "育婴员", "家政服务", "电子商务", "面点制作", "手工编织", "种植技术",
    "美容美发", "中式烹调",
)  # fmt: skip
PRIMARY = "黄屯街道中心小学"
JUNIOR = "黄屯中学"
SENIOR = ("济宁市第十三中学", "济宁高新区职业中专")
KINDERGARTEN = ("黄屯街道中心幼儿园", "金色嘉苑幼儿园")


@dataclass
class PersonsReport:
    created: Counter[str] = field(default_factory=Counter)  # by category
    exited: int = 0

    @property
    def total(self) -> int:
        return sum(self.created.values())


@dataclass(frozen=True)
class DemoVillage:
    id: uuid.UUID
    name: str
    community: bool  # 社区 (addresses by building) rather than 村


class _Drawer:
    """Deterministic draws; one instance per run, so the register is the same every time."""

    def __init__(self, settings: Settings, on: date) -> None:
        self.rng = random.Random(SEED)
        self.settings = settings
        self.today = on
        self.sequence = 0

    def pick(self, weighted: Any) -> Any:
        values, weights = zip(*weighted, strict=True)
        return self.rng.choices(values, weights)[0]

    def surname(self) -> str:
        return str(self.pick(SURNAMES))

    def born(self, min_age: int, max_age: int) -> date:
        """A birth date for someone aged min_age..max_age today."""
        latest = ids.birthday_at_age(self.today, -min_age) - timedelta(days=1)
        earliest = ids.birthday_at_age(self.today, -(max_age + 1))
        latest = min(latest, self.today)
        return earliest + timedelta(days=self.rng.randint(1, (latest - earliest).days))

    def between(self, start: date, end: date) -> date:
        return start + timedelta(days=self.rng.randint(0, max((end - start).days, 0)))

    def id_number(self, birth_date: date, sex: Sex) -> str:
        self.sequence += 2  # make_id_number sets the last bit from the sex: stays unique
        return ids.make_id_number(COUNTY6, birth_date, self.sequence % 1000, sex)

    def phone(self, block: str, n: int) -> str:
        return f"{block}{n:04d}"

    def address(self, village: DemoVillage) -> str:
        r = self.rng
        if village.community:
            return f"{village.name}{r.randint(1, 24)}号楼{r.randint(1, 3)}单元{r.randint(1, 6)}0{r.randint(1, 2)}室"
        return f"{village.name}{r.randint(1, 260)}号"


def seed_persons(
    session: Session,
    settings: Settings,
    villages: Sequence[DemoVillage],
    pii: PersonalData,
) -> PersonsReport:
    """Create the demo register in ``villages`` (黄屯街道's 33); existing ids are skipped."""
    draw = _Drawer(settings, today())
    plans = _plan(draw, list(villages))
    existing = set(
        session.exec(select(Person.id).where(col(Person.id).in_([p.id for p in plans]))).all()
    )
    report = PersonsReport()
    for plan in plans:
        if plan.id in existing:
            continue
        registry.create_person(session, settings, pii, CLI_PRINCIPAL, plan.body, plan.id)
        report.created[plan.body.category.value] += 1
        if plan.exit is not None:
            check = registry.writable(session, CLI_PRINCIPAL)
            person = resources.for_change(session, Person, plan.id, None, check)
            registry.exit_person(session, CLI_PRINCIPAL, person, plan.exit)
            report.exited += 1
    return report


@dataclass(frozen=True)
class _Plan:
    id: uuid.UUID
    body: PersonCreate
    exit: PersonExit | None


def _plan(draw: _Drawer, villages: list[DemoVillage]) -> list[_Plan]:
    """Every demo person, elders first (children's grandparents link to them)."""
    plans: list[_Plan] = []
    elders_by_village: dict[uuid.UUID, list[tuple[uuid.UUID, str, Sex]]] = {}
    for n in range(ELDERS):
        village = villages[n % len(villages)]
        plan, sex = _elder(draw, village, len(plans))
        plans.append(plan)
        if plan.body.elder_profile and plan.body.elder_profile.living_arrangement in (
            "with_grandchildren",
            "with_spouse_only",
        ):
            elders_by_village.setdefault(village.id, []).append((plan.id, plan.body.name, sex))
    for n in range(WOMEN):
        plans.append(_woman(draw, villages[(n * 7) % len(villages)], len(plans)))
    for n in range(CHILDREN):
        village = villages[(n * 5) % len(villages)]
        plans.append(_child(draw, village, len(plans), elders_by_village.get(village.id, [])))
    return plans


def _person_id(n: int) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"demo-person/{n}")


def demo_person_ids() -> list[uuid.UUID]:
    """The id of every person the demo register holds, in the register's order."""
    return [_person_id(n) for n in range(CHILDREN + WOMEN + ELDERS)]


def _exit(draw: _Drawer, since: date, reasons: tuple[str, ...]) -> PersonExit | None:
    if draw.rng.random() >= 1 / 12 or since >= draw.today - timedelta(days=60):
        return None
    return PersonExit.model_validate(
        {
            "exited_on": draw.between(since + timedelta(days=30), draw.today),
            "exit_reason": draw.rng.choice(reasons),
        }
    )


def _elder(draw: _Drawer, village: DemoVillage, n: int) -> tuple[_Plan, Sex]:
    r = draw.rng
    sex = Sex.female if r.random() < 0.55 else Sex.male
    birth = draw.born(61, 92)
    age = ids.age_on(birth, draw.today)
    since = draw.between(
        max(ids.birthday_at_age(birth, 60), draw.today - timedelta(days=365 * 8)), draw.today
    )
    arrangement = draw.pick(
        (
            ("alone", 30),
            ("with_spouse_only", 35),
            ("with_grandchildren", 25),
            ("with_relatives", 7),
            ("other", 3),
        )
    )
    health = draw.pick(
        (("healthy", 30), ("chronic_illness", 50), ("disabled", 12), ("bedridden", 8))
        if age >= 75
        else (("healthy", 45), ("chronic_illness", 45), ("disabled", 8), ("bedridden", 2))
    )
    self_care = {
        "healthy": ("intact",),
        "chronic_illness": ("intact", "intact", "mild"),
        "disabled": ("moderate", "severe"),
        "bedridden": ("severe", "total"),
    }[health]
    care = r.choice(self_care)
    support = draw.pick((("adequate", 70), ("insufficient", 25), ("none", 5)))
    benefits = []
    if age >= 80:
        benefits.append("elderly_allowance")  # 高龄津贴
    if r.random() < 0.1:
        benefits.append("dibao")
    if support == "none" and r.random() < 0.5:
        benefits.append("tekun")
    if health in ("disabled", "bedridden") and r.random() < 0.4:
        benefits.append("medical_aid")
    # A local tiering of elders: high (80+ alone, or life-threatening), key
    # (disabled, dementia-like care needs, 特困/低保), general (the rest).
    if (age >= 80 and arrangement == "alone") or health == "bedridden" or support == "none":
        tier = "high"
    elif health == "disabled" or care in ("moderate", "severe", "total") or "tekun" in benefits:
        tier = "key"
    elif "dibao" in benefits or (age >= 70 and arrangement == "alone"):
        tier = "key"
    else:
        tier = "general"
    body = {
        "category": PersonCategory.elder,
        "name": draw.surname() + r.choice(ELDER_NAMES[sex]),
        "region_id": village.id,
        "id_number": draw.id_number(birth, sex),
        "phone": draw.phone("1380000", n) if r.random() < 0.6 else None,
        "address": draw.address(village),
        "left_behind_since": since,
        "elder_profile": {
            "living_arrangement": arrangement,
            "support_status": support,
            "health_status": health,
            "self_care": care,
            "benefits": benefits,
            "risk_tier": tier,
            "children_work_location": r.choice(WORK_PLACES),
        },
    }
    reasons = ("children_returned", "moved_away", "deceased")
    plan = _Plan(_person_id(n), PersonCreate.model_validate(body), _exit(draw, since, reasons))
    return plan, sex


def _woman(draw: _Drawer, village: DemoVillage, n: int) -> _Plan:
    r = draw.rng
    low, high = draw.settings.woman_min_age, draw.settings.woman_max_age
    birth = draw.born(min(low + 3, high), high)
    earliest = max(ids.birthday_at_age(birth, low), draw.today - timedelta(days=365 * 6))
    since = draw.between(earliest, draw.today)
    spouse_away = since - timedelta(days=r.randint(0, 400))
    age = ids.age_on(birth, draw.today)
    employment = draw.pick(
        (("farming", 40), ("employed", 25), ("self_employed", 15), ("unemployed", 20))
    )
    interests = r.sample(TRAININGS, k=r.choice((0, 1, 1, 2, 2, 3)))
    children = 0 if age < 23 else r.choice((1, 1, 2, 2, 2, 3))
    body = {
        "category": PersonCategory.woman,
        "name": draw.surname() + r.choice(WOMAN_NAMES),
        "region_id": village.id,
        "id_number": draw.id_number(birth, Sex.female),
        "phone": draw.phone("1380000", n) if r.random() < 0.95 else None,
        "address": draw.address(village),
        "left_behind_since": since,
        "woman_profile": {
            "spouse_away_since": spouse_away,
            "spouse_work_location": r.choice(WORK_PLACES),
            "employment_status": employment,
            "training_interests": interests,
            "children_count": children,
            "health_notes": r.choice((None, None, None, None, "腰椎劳损", "高血压", "慢性胃炎")),
        },
    }
    reasons = ("spouse_returned", "spouse_returned", "moved_away")
    return _Plan(_person_id(n), PersonCreate.model_validate(body), _exit(draw, since, reasons))


def _schooling(age: int, r: random.Random) -> dict[str, Any]:
    if age < 3:
        return {"schooling_status": "not_in_kindergarten"}
    if age < 6:
        return {"schooling_status": "kindergarten", "school": r.choice(KINDERGARTEN)}
    if age < 12:
        return {"schooling_status": "primary", "school": PRIMARY, "grade": f"{age - 5}年级"}
    if age < 15:
        grade = ("初一", "初二", "初三")[age - 12]
        return {
            "schooling_status": "junior_secondary",
            "school": JUNIOR,
            "grade": grade,
            "boarding": r.random() < 0.3,
        }
    status = r.choice(("senior_secondary", "senior_secondary", "vocational", "not_in_school"))
    if status == "not_in_school":
        return {"schooling_status": status}
    school = SENIOR[0] if status == "senior_secondary" else SENIOR[1]
    return {"schooling_status": status, "school": school, "grade": "高一", "boarding": True}


def _child(
    draw: _Drawer,
    village: DemoVillage,
    n: int,
    grandparents: list[tuple[uuid.UUID, str, Sex]],
) -> _Plan:
    r = draw.rng
    sex = Sex.male if r.random() < 0.53 else Sex.female
    guardianship = draw.pick(
        (
            ("grandparents", 80),
            ("relatives", 7),
            ("entrusted", 4),
            ("parent_incapable", 5),
            ("none", 4),
        )
    )
    # Nobody leaves an under-8 unattended (未保法 art. 21): the unattended are 12 to 15.
    birth = draw.born(12, 15) if guardianship == "none" else draw.born(0, 15)
    age = ids.age_on(birth, draw.today)
    since = draw.between(max(birth, draw.today - timedelta(days=365 * 5)), draw.today)
    profile: dict[str, Any] = {
        "left_behind_reason": "both_parents_away",
        "guardianship_type": guardianship,
        "father_status": "migrant",
        "mother_status": "migrant",
        "parents_work_location": r.choice(WORK_PLACES),
        "health_status": draw.pick((("healthy", 97), ("disabled", 2), ("seriously_ill", 1))),
        **_schooling(age, r),
    }
    surname = draw.surname()
    if guardianship == "grandparents":
        profile["guardianship_assessment"] = draw.pick((("good", 60), ("fair", 35), ("poor", 5)))
        if grandparents and r.random() < 0.5:
            gp_id, gp_name, gp_sex = r.choice(grandparents)
            surname = gp_name[0]  # a paternal grandparent: same surname
            profile["guardian_person_id"] = gp_id
            profile["guardian_name"] = gp_name
            profile["guardian_relation"] = "祖父" if gp_sex == Sex.male else "祖母"
        else:
            relation = r.choice(("祖父", "祖母", "祖母", "外祖母", "外祖父"))
            female = relation.endswith("母")
            given = r.choice(ELDER_NAMES[Sex.female if female else Sex.male])
            gp_surname = surname if relation.startswith("祖") else draw.surname()
            profile["guardian_name"] = gp_surname + given
            profile["guardian_relation"] = relation
    elif guardianship == "relatives":
        profile["guardianship_assessment"] = draw.pick((("good", 40), ("fair", 50), ("poor", 10)))
        profile["guardian_relation"] = r.choice(("叔叔", "姑姑", "舅舅", "姨妈", "哥哥"))
        profile["guardian_name"] = draw.surname() + r.choice(WOMAN_NAMES)
    elif guardianship == "entrusted":
        profile["guardianship_assessment"] = draw.pick((("fair", 70), ("poor", 30)))
        profile["guardian_relation"] = r.choice(("邻居", "亲戚", "父亲的朋友"))
        profile["guardian_name"] = draw.surname() + r.choice(WOMAN_NAMES)
    elif guardianship == "parent_incapable":
        profile["left_behind_reason"] = "one_away_other_incapable"
        profile["guardianship_assessment"] = draw.pick((("fair", 40), ("poor", 60)))
        incapable = r.choice(("father_status", "mother_status"))
        profile[incapable] = "at_home_incapable"
        profile["guardian_relation"] = "父亲" if incapable == "father_status" else "母亲"
        profile["guardian_name"] = surname + r.choice(
            ELDER_NAMES[Sex.male] if incapable == "father_status" else WOMAN_NAMES
        )
    else:  # none: 无人监护, a legal red flag
        profile["guardianship_assessment"] = "poor"
        profile["special_needs"] = "无人监护，需每日走访"
    if "guardian_name" in profile:
        profile["guardian_phone"] = draw.phone("1390000", n)
    body: dict[str, Any] = {
        "category": PersonCategory.child,
        "name": surname + r.choice(CHILD_NAMES[sex]),
        "region_id": village.id,
        "address": draw.address(village),
        "left_behind_since": since,
        "child_profile": profile,
    }
    if age < 1 and r.random() < 0.5:
        body.update(sex=sex, birth_date=birth)  # no household registration yet: no ID number
    else:
        body["id_number"] = draw.id_number(birth, sex)
    reasons = ("parents_returned", "parents_returned", "migrated_with_parents")
    return _Plan(_person_id(n), PersonCreate.model_validate(body), _exit(draw, since, reasons))
