"""Synthetic persons: plausible, eligible and valid, built with the service's own helpers.

:func:`describe` makes the description of a person (what a village survey sheet holds: clear
ID number and phone, profile); :func:`columns` turns it into the ``person`` and
``person_version`` rows the service would store (pinyin, blind index, masked values,
ciphertexts, promoted profile columns, first version), the way ``registry.person_values`` does,
but without a session per person, so 100,000 of them can be inserted in bulk.
"""

from __future__ import annotations

import functools
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from liushou.clock import today
from liushou.registry import identifiers as ids
from liushou.registry.enums import (
    Benefit,
    ChildHealth,
    ElderHealth,
    EmploymentStatus,
    ExitReason,
    GuardianshipAssessment,
    GuardianshipType,
    LeftBehindReason,
    LivingArrangement,
    ParentStatus,
    PersonCategory,
    PersonStatus,
    RiskTier,
    SchoolingStatus,
    SelfCare,
    SupportStatus,
)
from liushou.registry.models import PROMOTED_COLUMNS
from liushou.registry.person_values import PersonalData, pinyin_of
from liushou.registry.schemas import ChildProfile, ElderProfile, WomanProfile

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽"
PLACES = ["浙江宁波", "广东东莞", "江苏苏州", "上海", "北京", "福建厦门", "广东深圳", "天津"]
CATEGORY_SHARE = [
    (PersonCategory.child, 0.4),
    (PersonCategory.woman, 0.25),
    (PersonCategory.elder, 0.35),
]
EXITED_SHARE = 0.05
ACTOR_NAME = "bench"


@dataclass
class Description:
    """One person as a survey sheet gives it (clear values)."""

    category: PersonCategory
    name: str
    village_id: uuid.UUID
    village_code: str
    village_path: str
    id_number: str | None
    birth_date: date
    sex: str
    phone: str | None
    address: str | None
    left_behind_since: date
    profile: dict[str, Any]  # the profile model's JSON dump, guardian_phone in clear
    exited_on: date | None = None
    exit_reason: ExitReason | None = None


class People:
    """A deterministic stream of distinct persons. ID numbers never repeat within one process,
    across streams too: the seeded register, the sheet and the baselines' rows share a table."""

    _numbers: set[str] = set()  # noqa: RUF012 - shared on purpose

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.today = today()

    def describe(
        self,
        village_id: uuid.UUID,
        village_code: str,
        village_path: str,
        category: PersonCategory | None = None,
        *,
        may_exit: bool = True,
    ) -> Description:
        rng = self.rng
        if category is None:
            category = rng.choices([c for c, _ in CATEGORY_SHARE], [w for _, w in CATEGORY_SHARE])[
                0
            ]
        now = self.today
        if category == PersonCategory.child:
            birth = now - timedelta(days=rng.randint(365, 15 * 365))
            since = max(birth, now - timedelta(days=rng.randint(0, 3 * 365)))
            sex = rng.choice(["male", "female"])
        elif category == PersonCategory.woman:
            birth = now - timedelta(days=rng.randint(23 * 366, 55 * 365))
            since = now - timedelta(days=rng.randint(0, 700))
            sex = "female"
        else:
            birth = now - timedelta(days=rng.randint(62 * 366, 90 * 365))
            since = now - timedelta(days=rng.randint(0, 700))
            sex = rng.choice(["male", "female"])
        name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice([1, 2, 2])))
        # Some children have no household registration yet: no ID number.
        number = None
        if not (category == PersonCategory.child and rng.random() < 0.05):
            number = self._id_number(village_code[:6], birth, sex)
        phone = self._mobile() if category != PersonCategory.child and rng.random() < 0.8 else None
        description = Description(
            category=category,
            name=name,
            village_id=village_id,
            village_code=village_code,
            village_path=village_path,
            id_number=number,
            birth_date=birth,
            sex=sex,
            phone=phone,
            address=f"{rng.randint(1, 200)}号" if rng.random() < 0.7 else None,
            left_behind_since=since,
            profile=self._profile(category, now),
        )
        if may_exit and rng.random() < EXITED_SHARE:
            description.exited_on = since + timedelta(days=rng.randint(0, (now - since).days))
            description.exit_reason = rng.choice(
                [ExitReason.parents_returned, ExitReason.moved_away, ExitReason.other]
            )
        return description

    def _id_number(self, region6: str, birth: date, sex: str) -> str:
        sequence = self.rng.randint(0, 999)
        while True:
            number = ids.make_id_number(region6, birth, sequence, sex)  # type: ignore[arg-type]
            if number not in self._numbers:
                self._numbers.add(number)
                return number
            sequence = (sequence + 2) % 1000

    def _mobile(self) -> str:
        return f"1{self.rng.choice('3456789')}{self.rng.randint(0, 999_999_999):09d}"

    def _profile(self, category: PersonCategory, now: date) -> dict[str, Any]:
        rng = self.rng
        if category == PersonCategory.child:
            guardianship = (
                GuardianshipType.none
                if rng.random() < 0.05
                else rng.choice(
                    [GuardianshipType.grandparents, GuardianshipType.relatives]
                    + [GuardianshipType.entrusted]
                )
            )
            profile: Any = ChildProfile(
                left_behind_reason=rng.choice(list(LeftBehindReason)),
                guardianship_type=guardianship,
                guardianship_assessment=rng.choice(list(GuardianshipAssessment)),
                guardian_name=None
                if guardianship == GuardianshipType.none
                else rng.choice(SURNAMES) + rng.choice(GIVEN),
                guardian_relation=None if guardianship == GuardianshipType.none else "祖父母",
                guardian_phone=None if guardianship == GuardianshipType.none else self._mobile(),
                father_status=ParentStatus.migrant,
                mother_status=rng.choice([ParentStatus.migrant, ParentStatus.at_home_incapable]),
                parents_work_location=rng.choice(PLACES),
                school="中心小学" if rng.random() < 0.6 else None,
                grade=None,
                schooling_status=rng.choice(
                    [SchoolingStatus.primary, SchoolingStatus.junior_secondary]
                    + [SchoolingStatus.kindergarten]
                ),
                boarding=rng.random() < 0.3,
                health_status=rng.choice([ChildHealth.healthy] * 8 + [ChildHealth.disabled]),
            )
        elif category == PersonCategory.woman:
            profile = WomanProfile(
                spouse_away_since=now - timedelta(days=rng.randint(100, 3000)),
                spouse_work_location=rng.choice(PLACES),
                employment_status=rng.choice(list(EmploymentStatus)),
                training_interests=rng.sample(["电商", "种植", "养殖", "家政", "手工"], 2),
                children_count=rng.randint(0, 3),
            )
        else:
            profile = ElderProfile(
                living_arrangement=rng.choice(list(LivingArrangement)),
                support_status=rng.choice(list(SupportStatus)),
                health_status=rng.choice(list(ElderHealth)),
                self_care=rng.choice(list(SelfCare)),
                benefits=rng.sample([Benefit.dibao, Benefit.elderly_allowance], rng.randint(0, 2)),
                risk_tier=rng.choice(list(RiskTier)),
                children_work_location=rng.choice(PLACES),
            )
        return profile.model_dump(mode="json")


def columns(
    d: Description,
    pii: PersonalData,
    at: datetime,
    actor_id: uuid.UUID,
    pinyin: Callable[[str], tuple[str, str]] | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The person row and its version rows, as registry.service would write them.

    Personal data as the service stores it: ciphertext bound to the row and column, blind
    index, masked form; the profile with ``guardian_phone`` replaced by its masked form.
    """
    person_id = uuid.uuid4()
    profile = dict(d.profile)
    guardian_phone = profile.pop("guardian_phone", None)
    if d.category == PersonCategory.child:
        profile["guardian_phone_masked"] = (
            ids.mask_mobile(guardian_phone) if guardian_phone else None
        )
    name_pinyin, initials = (pinyin or _pinyin)(d.name)
    exited = d.exited_on is not None
    row: dict[str, Any] = {
        "id": person_id,
        "created_at": at,
        "updated_at": at + timedelta(days=1) if exited else at,
        "version": 2 if exited else 1,
        "deleted_at": None,
        "category": d.category.value,
        "name": d.name,
        "name_pinyin": name_pinyin,
        "name_initials": initials,
        "region_id": d.village_id,
        "region_path": d.village_path,
        "sex": d.sex,
        "birth_date": d.birth_date,
        "id_number_cipher": pii.seal(person_id, "id_number", d.id_number) if d.id_number else None,
        "id_number_index": pii.index.index(d.id_number) if d.id_number else None,
        "id_number_masked": ids.mask_id_number(d.id_number) if d.id_number else None,
        "phone_cipher": pii.seal(person_id, "phone", d.phone) if d.phone else None,
        "phone_masked": ids.mask_mobile(d.phone) if d.phone else None,
        "guardian_phone_cipher": pii.seal(person_id, "guardian_phone", guardian_phone)
        if guardian_phone
        else None,
        "address": d.address,
        "status": PersonStatus.exited.value if exited else PersonStatus.active.value,
        "left_behind_since": d.left_behind_since,
        "exited_on": d.exited_on,
        "exit_reason": d.exit_reason.value if d.exit_reason else None,
        "counts_until": ids.sixteenth_birthday(d.birth_date)
        if d.category == PersonCategory.child
        else None,
        "profile": profile,
    }
    for name in PROMOTED_COLUMNS:
        row[name] = profile.get(name)
    created = {
        **row,
        "version": 1,
        "updated_at": at,
        "status": PersonStatus.active.value,
        "exited_on": None,
        "exit_reason": None,
    }
    changed = ["category", "left_behind_since", "name", "region_id", f"{d.category.value}_profile"]
    changed += [f for f in ("id_number", "phone", "address") if getattr(d, f) is not None]
    if d.id_number is None:
        changed += ["birth_date", "sex"]
    versions = [_version(created, actor_id, "create", sorted(changed))]
    if exited:
        versions.append(_version(row, actor_id, "exit", ["exit_reason", "exited_on", "status"]))
    return row, versions


@functools.lru_cache(maxsize=100_000)
def _pinyin(name: str) -> tuple[str, str]:
    return pinyin_of(name)  # names repeat: one conversion each


def _version(
    row: dict[str, Any], actor_id: uuid.UUID, action: str, changed: list[str]
) -> dict[str, Any]:
    """registry.versions.record_version's row for a person in the state ``row``."""
    snapshot = {
        "category": row["category"],
        "name": row["name"],
        "region_id": str(row["region_id"]),
        "sex": row["sex"],
        "birth_date": row["birth_date"].isoformat(),
        "id_number_masked": row["id_number_masked"],
        "phone_masked": row["phone_masked"],
        "address": row["address"],
        "status": row["status"],
        "left_behind_since": row["left_behind_since"].isoformat(),
        "exited_on": row["exited_on"].isoformat() if row["exited_on"] else None,
        "exit_reason": row["exit_reason"],
        "profile": row["profile"],
        "guardianship_type": row["guardianship_type"],
    }
    return {
        "id": uuid.uuid4(),
        "person_id": row["id"],
        "version": row["version"],
        "at": row["updated_at"],
        "actor_id": actor_id,
        "actor_name": ACTOR_NAME,
        "action": action,
        "changed_fields": changed,
        "category": row["category"],
        "region_path": row["region_path"],
        "status": row["status"],
        "left_behind_since": row["left_behind_since"],
        "exited_on": row["exited_on"],
        "counts_until": row["counts_until"],
        "deleted": False,
        "snapshot": snapshot,
    }


def created_at(rng: random.Random) -> datetime:
    """A registration instant within the last two years (UTC, microseconds)."""
    now = datetime.now(UTC)
    return now - timedelta(
        seconds=rng.randint(86_400 * 2, 86_400 * 730), microseconds=rng.randint(0, 999_999)
    )
