"""A year of the 黄屯街道 services programme for ``liushou seed-demo`` (docs/services.md, "Demo").

The figures follow the 黄屯 report: weekly 四点半课堂 sessions in four communities (with
some 课业辅导 and 安全教育), 微心愿 and 爱心圆梦 wishes in every state, school supplies at the
start of each term; counselling, 90-odd legal consultations and 利益维权 cases, training
classes and 25 women helped into work; 医路相伴 for 40 elders, festival visits, birthday
cakes and performances (情暖夕阳); 60-odd 孕前优生健康检查; 3,000-odd leaflets and 300-odd
bags handed out.

Rows are written through the models of ``services/models.py`` in the demo's session (the
API of the services is built beside it), keeping every rule the API checks
(``services/rules.py``): the type serves the person's category, the day is not in the future
and the person was on the register that day; an activity's attendees each have one record of
its type dated ``held_on``, and its ``attendee_count`` counts them and the anonymous ones; a
fulfilled wish has one record of its kind. Dates fall in the twelve months up to today, drawn
by a ``random.Random`` with a fixed seed, so the plan is the same on a given day.

Ids are ``uuid5`` of a name made of the plan's keys (a village and the session's ordinal, a
wish's ordinal ...), not of dates: an activity, a wish (with its timeline and record), a
record or a distribution whose id exists is skipped, so a second run creates nothing on the
same day; a later one adds only what its plan holds beyond the first (one more week's
session, a festival that has come into the year).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, select

from liushou.demo import persons as demo_persons
from liushou.demo import regions_data as data
from liushou.demo.services_rows import (
    CREATED_BY,
    RowBuilder,
    ServicesReport,
    between,
    birthday_in,
    in_year,
    long_stay,
    morning_of,
    row_id,
    write_plan,
)
from liushou.regions.models import Region
from liushou.registry import identifiers as ids
from liushou.registry.enums import PersonCategory
from liushou.registry.models import Person
from liushou.registry.person_values import PersonalData
from liushou.services import rules
from liushou.services.enums import DistributionItem, WishKind, WishStatus
from liushou.services.models import ServiceType, Wish, WishTransition

__all__ = ["ServicesReport", "seed_services"]

SEED = demo_persons.SEED + 8

AFTER_SCHOOL_VILLAGES = 4  # 金色嘉苑 and the communities with the most children
ELDERS_IN_HEALTH = 40  # 医路相伴: "为辖区40名留守老人提供……医疗服务"
JOB_PLACEMENTS = 25  # "帮助25人就业"
LEGAL_TOTAL = 96  # "法律政策咨询、利益维权90余次"
CHECKUPS_TOTAL = 64  # "孕前优生健康检查……60余人次"

# Festival days (春节, 中秋, 重阳) by year; another year falls back to a nearby day.
SPRING_FESTIVAL = {2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26)}
MID_AUTUMN = {2024: (9, 17), 2025: (10, 6), 2026: (9, 25), 2027: (9, 15), 2028: (10, 3)}
DOUBLE_NINTH = {2024: (10, 11), 2025: (10, 29), 2026: (10, 18), 2027: (10, 8), 2028: (10, 26)}

MICRO_WISHES = (
    ("想要一个新书包", 80), ("想要一套《十万个为什么》", 120), ("想要一双运动鞋", 150),
    ("想要一盏护眼台灯", 100), ("想要一盒水彩笔和画本", 50), ("想要一件过冬的羽绒服", 200),
    ("想要一本新华字典", 40), ("想要一个篮球", 90), ("想要一套英语点读书", 160),
)  # fmt: skip
DREAMS = (
    ("想去济南看看大明湖和趵突泉", 800), ("想要一辆自行车骑车上学", 600),
    ("想学电子琴，需要一架电子琴", 1200), ("想去北京看天安门升旗", 2500),
    ("想要一台学习用的电脑", 3000),
)  # fmt: skip
DONORS = ("王建华", "李红梅", "孔祥军", "张丽", "刘振东", "孟凡强", "赵敏", "陈晓东")
JOBS = (
    "经技能培训后在黄屯工业园服装厂就业", "到济宁高新区家政服务公司做育婴员",
    "到街道敬老院做养老护理员", "在社区超市做收银员", "到附近食品厂做包装工",
    "经推荐到电商企业做客服", "到本村合作社从事蔬菜种植",
)  # fmt: skip


def seed_services(
    session: Session,
    persons: Sequence[Person],
    organization_ids: Mapping[str, uuid.UUID],
    pii: PersonalData,
) -> ServicesReport:
    """Add the programme's rows that do not exist yet (flushes; the caller commits)."""
    regions = {
        r.code: r
        for r in session.exec(
            select(Region).where(
                col(Region.code).in_(
                    [data.HUANGTUN_CODE]
                    + [v.code for v in data.VILLAGES_BY_TOWNSHIP[data.HUANGTUN_CODE]]
                ),
                col(Region.deleted_at).is_(None),
            )
        ).all()
    }
    types = {t.code: t for t in session.exec(select(ServiceType)).all() if t.deleted_at is None}
    builder = _Programme(regions, types, organization_ids, persons, pii, SEED)
    builder.build()
    return write_plan(session, builder.plan)


def _festival(table: Mapping[int, tuple[int, int]], year: int, fallback: tuple[int, int]) -> date:
    return date(year, *table.get(year, fallback))


class _Programme(RowBuilder):
    """The year of the programme, section by section."""

    def build(self) -> None:
        self.education()
        self.wishes()
        self.women()
        self.legal()
        self.elders()
        self.publicity()

    def education(self) -> None:
        """四点半课堂 every Wednesday of the school terms in four communities, 课业辅导 before
        the exams there, 安全教育 before the holidays for the whole township."""
        child = PersonCategory.child
        home = self.communities[0]
        sites = sorted(
            self.communities,
            key=lambda v: (v.id != home.id, -len(self.present(child, self.on, v)), v.code),
        )[:AFTER_SCHOOL_VILLAGES]
        for village in sites:
            n = 0
            for day in self.days(2):
                if not _school_term(day):
                    continue
                pupils = self.present(child, day, village, (6, 13))
                attendees = [p for p in pupils if self.rng.random() < 0.8]
                self.activity(
                    f"after-school/{village.code}/{n}",
                    "after_school_class",
                    "四点半课堂：作业辅导与课后托管",
                    village,
                    day,
                    attendees,
                    self.rng.randint(6, 14),
                    data.JINSE_JIAYUAN_VOLUNTEER_TEAM,
                    f"{village.name}党群服务中心",
                )
                n += 1
        for n, day in enumerate(d for d in self.days(5) if d.month in (1, 6, 11, 12)):
            village = sites[n % len(sites)]
            pupils = self.present(child, day, village, (7, 15))
            self.activity(
                f"tutoring/{n}", "homework_tutoring", "期末复习课业辅导", village, day,
                pupils[: self.rng.randint(2, 6)], self.rng.randint(3, 8), data.HUANGTUN_FPA,
            )  # fmt: skip
        lectures = (
            ((6, 25), "暑假防溺水安全教育"), ((1, 10), "寒假安全教育：防火、防煤气中毒"),
            ((9, 8), "开学第一课：交通安全与文明礼仪"), ((11, 9), "消防安全宣传日安全教育"),
        )  # fmt: skip
        for n, ((month, mday), title) in enumerate(lectures):
            day = in_year(self.start, self.on, month, mday)
            pupils = self.present(child, day, self.township, (6, 15))
            self.activity(
                f"safety/{n}", "safety_education", title, self.township, day,
                self.rng.sample(pupils, min(len(pupils), 18)), self.rng.randint(30, 60),
                data.HUANGTUN_POLICE_STATION, "黄屯街道中心小学",
            )  # fmt: skip
        # 学习用品 at the start of each term (with the distribution of the supplies).
        for term, (month, mday) in enumerate(((9, 5), (3, 2))):
            day = in_year(self.start, self.on, month, mday)
            pupils = self.present(child, day, self.township, (6, 15))
            chosen = self.rng.sample(pupils, min(len(pupils), 36))
            activity = self.activity(
                f"supplies/{term}", "school_supplies", "爱心助学：为留守儿童发放学习用品",
                self.township, day, chosen, 0, data.HUANGTUN_FPA, "黄屯街道计生协",
            )  # fmt: skip
            self.distribution(
                f"supplies/{term}", self.township, day, DistributionItem.school_supplies,
                len(chosen), len(chosen), activity, "书包、本子、钢笔、课外书",
            )  # fmt: skip

    def wishes(self) -> None:
        """36 wishes: fulfilled (with the record of their kind), claimed, open, cancelled."""
        children = [c for c in self.by_category[PersonCategory.child] if long_stay(self.window(c))]
        states = (
            [WishStatus.fulfilled] * 20 + [WishStatus.claimed] * 6
            + [WishStatus.open] * 6 + [WishStatus.cancelled] * 4
        )  # fmt: skip
        chosen = self.rng.sample(children, min(len(children), len(states)))
        for n, (child, status) in enumerate(zip(chosen, states, strict=False)):
            self.wish(n, child, status)

    def wish(self, n: int, child: Person, status: WishStatus) -> None:
        rng = self.rng
        lo, hi = self.window(child) or (self.on, self.on)
        dream = n % 5 == 4
        description, value = rng.choice(DREAMS if dream else MICRO_WISHES)
        kind = WishKind.dream_come_true if dream else WishKind.micro_wish
        wish_id = row_id("wish", n)
        opened = self.day_for(child, hi=hi - timedelta(days=40))
        if status == WishStatus.open:
            opened = self.day_for(child, lo=max(lo, hi - timedelta(days=30)))
        steps: list[tuple[date, WishStatus | None, WishStatus, str | None]] = [
            (opened, None, WishStatus.open, None)
        ]
        claimed = fulfilled = None
        donor: dict[str, Any] = {}
        if status in (WishStatus.claimed, WishStatus.fulfilled) or (
            status == WishStatus.cancelled and n % 2
        ):
            claimed = min(opened + timedelta(days=rng.randint(2, 20)), hi)
            steps.append((claimed, WishStatus.open, WishStatus.claimed, None))
            phone = f"1360000{n:04d}"
            organization = rng.choice((None, None, data.HUANGTUN_FPA, "共青团黄屯街道工委"))
            donor = {
                "donor_name": rng.choice(DONORS),
                "donor_organization_id": self.orgs.get(organization) if organization else None,
                "donor_phone_cipher": self.pii.seal_in("wish", wish_id, "donor_phone", phone),
                "donor_phone_masked": ids.mask_mobile(phone),
            }
        if status == WishStatus.fulfilled:
            assert claimed is not None
            fulfilled = min(claimed + timedelta(days=rng.randint(3, 25)), hi)
            steps.append(
                (fulfilled, WishStatus.claimed, WishStatus.fulfilled, "心愿已送到孩子手中")
            )
        elif status == WishStatus.cancelled:
            day = min((claimed or opened) + timedelta(days=rng.randint(3, 15)), hi)
            steps.append(
                (day, steps[-1][2], WishStatus.cancelled, "孩子父母已返乡，心愿由家人实现")
            )
        wish = Wish(
            id=wish_id,
            person_id=child.id,
            kind=kind,
            description=description,
            estimated_value=Decimal(value),
            status=status,
            claimed_on=claimed if status != WishStatus.open else None,
            fulfilled_on=fulfilled,
            created_by=CREATED_BY,
            created_at=morning_of(opened, 0),
            **donor,
        )
        transitions = [
            WishTransition(
                id=row_id("wish", n, "step", seq),
                wish_id=wish_id,
                seq=seq,
                from_status=before,
                to_status=after,
                at=morning_of(day, seq),
                by=CREATED_BY,
                note=note,
            )
            for seq, (day, before, after, note) in enumerate(steps, start=1)
        ]
        fulfilment = []
        if fulfilled is not None:
            fulfilment.append(
                self.record(("wish", n), child, kind.value, fulfilled, wish_id=wish_id,
                            provider=data.HUANGTUN_FPA, outcome=description.replace("想", "已", 1))
            )  # fmt: skip
        self.plan.wishes.append((wish, transitions, fulfilment))

    def women(self) -> None:
        """Counselling by the 爱心小组, training classes, 25 women into work, check-ups."""
        women = self.by_category[PersonCategory.woman]
        for n, woman in enumerate(self.rng.sample(women, min(len(women), 30))):
            for k in range(self.rng.choice((1, 1, 2))):
                self.single((n, k), woman, "psychological_counseling", self.day_for(woman),
                            provider=data.HUANGTUN_FPA)  # fmt: skip
        for n, woman in enumerate(self.rng.sample(women, min(len(women), 34))):
            self.single((n,), woman, "reproductive_health_counseling", self.day_for(woman),
                        provider=data.HUANGTUN_FPA, outcome="生殖健康咨询与优生优育指导")  # fmt: skip
        classes = (
            ("养老护理员培训班", (4, 12)), ("育婴员培训班", (5, 20)),
            ("养老护理员培训班（第二期）", (9, 16)), ("家政服务培训班", (11, 5)),
        )  # fmt: skip
        for n, (title, (month, mday)) in enumerate(classes):
            day = in_year(self.start, self.on, month, mday)
            present = self.present(PersonCategory.woman, day, self.township, (20, 55))
            self.activity(
                f"training/{n}", "skills_training", title, self.township, day,
                self.rng.sample(present, min(len(present), self.rng.randint(12, 18))),
                self.rng.randint(2, 6), data.HUANGTUN_WOMENS_FEDERATION, "黄屯街道妇女之家",
            )  # fmt: skip
        for n, woman in enumerate(self.rng.sample(women, min(len(women), JOB_PLACEMENTS))):
            self.single((n,), woman, "job_placement", self.day_for(woman),
                        provider=data.HUANGTUN_WOMENS_FEDERATION, outcome=self.rng.choice(JOBS))  # fmt: skip
        total = 0
        checked: set[uuid.UUID] = set()
        for n, (month, mday) in enumerate(((3, 15), (6, 10), (9, 22), (11, 24))):
            day = in_year(self.start, self.on, month, mday)
            present = self.present(PersonCategory.woman, day, self.township, (20, 49))
            fresh = [p for p in present if p.id not in checked] or present
            chosen = self.rng.sample(fresh, min(len(fresh), 16))
            checked.update(p.id for p in chosen)
            total += len(chosen)
            self.activity(
                f"prepregnancy/{n}", "prepregnancy_checkup", "免费孕前优生健康检查",
                self.township, day, chosen, self.rng.randint(3, 8), data.HUANGTUN_HEALTH_CENTER,
                "黄屯街道卫生院",
            )  # fmt: skip
        for n in range(CHECKUPS_TOTAL - total):  # too few on the register those days
            woman = women[n % len(women)]
            self.single((n,), woman, "prepregnancy_checkup", self.day_for(woman),
                        provider=data.HUANGTUN_HEALTH_CENTER)  # fmt: skip

    def legal(self) -> None:
        """The 司法所's 留守妇女权益维护 lecture, then consultations and 维权 cases to 96."""
        day = in_year(self.start, self.on, 3, 8)
        present = self.present(PersonCategory.woman, day, self.township)
        lecture = self.rng.sample(present, min(len(present), 20))
        activity = self.activity(
            "rights-lecture", "legal_consultation", "“留守妇女权益维护”法律宣讲",
            self.township, day, lecture, 15, "黄屯司法所", "黄屯街道妇女之家",
        )  # fmt: skip
        self.distribution("rights-lecture/cards", self.township, day,
                          DistributionItem.hotline_card, 60, 45, activity)  # fmt: skip
        women, elders = (
            self.by_category[PersonCategory.woman],
            self.by_category[PersonCategory.elder],
        )
        pool = women * 2 + elders
        cases = LEGAL_TOTAL - len(lecture)
        for n in range(cases):
            person = self.rng.choice(pool)
            code = "rights_protection" if n % 4 == 0 else "legal_consultation"
            self.single((n,), person, code, self.day_for(person), provider="黄屯司法所")

    def elders(self) -> None:
        """医路相伴 for 40 elders; festival visits, birthday cakes and performances."""
        elders = self.by_category[PersonCategory.elder]
        long_stays = [e for e in elders if long_stay(self.window(e))]
        cared = self.rng.sample(long_stays, min(len(long_stays), ELDERS_IN_HEALTH))
        center = data.HUANGTUN_HEALTH_CENTER
        for n, elder in enumerate(cared):
            for k in range(self.rng.randint(1, 3)):
                self.single(
                    (n, k), elder, "health_consultation", self.day_for(elder), provider=center
                )
            if n % 2 == 0:
                for k in range(self.rng.randint(2, 5)):
                    self.single(
                        (n, k), elder, "medicine_delivery", self.day_for(elder), provider=center
                    )
            if n % 4 == 1:
                for k in range(self.rng.randint(2, 4)):
                    self.single((n, k), elder, "rehabilitation_nursing", self.day_for(elder),
                                provider=center)  # fmt: skip
        for n, (month, mday) in enumerate(((5, 18), (10, 20))):
            day = in_year(self.start, self.on, month, mday)
            present = [e for e in cared if rules.on_register_on(e, day)]
            self.activity(
                f"checkup/{n}", "medical_checkup", "留守老人免费健康体检", self.township, day,
                self.rng.sample(present, min(len(present), 22)), 0, center, "黄屯街道卫生院",
            )  # fmt: skip
        festivals = (("spring", SPRING_FESTIVAL, (2, 1)), ("mid-autumn", MID_AUTUMN, (9, 20)),
                     ("double-ninth", DOUBLE_NINTH, (10, 15)))  # fmt: skip
        for name, table, fallback in festivals:
            for year in sorted({self.start.year, self.on.year}):
                day = _festival(table, year, fallback) - timedelta(days=2)
                if not self.start <= day <= self.on:
                    continue
                present = self.present(PersonCategory.elder, day)
                for n, elder in enumerate(self.rng.sample(present, min(len(present), 30))):
                    self.single((name, year, n), elder, "holiday_visit", day, provider=data.HUANGTUN_FPA,
                                outcome="走访慰问，送去米、面、油")  # fmt: skip
                if name == "double-ninth":
                    self.activity(
                        f"performance/double-ninth/{year}", "cultural_performance", "重阳节敬老文艺演出",
                        self.township, day + timedelta(days=2),
                        self.rng.sample(present, min(len(present), 25)), 60, data.HUANGTUN_FPA,
                        "黄屯街道文化广场",
                    )  # fmt: skip
                if name == "spring":
                    home = self.communities[0]
                    self.activity(
                        f"performance/spring/{year}", "cultural_performance", "迎新春文艺汇演", home, day,
                        self.present(PersonCategory.elder, day, home), 40,
                        data.JINSE_JIAYUAN_VOLUNTEER_TEAM, "金色嘉苑社区广场",
                    )  # fmt: skip
        for n, elder in enumerate(elders):
            birthday = birthday_in(elder.birth_date, self.start, self.on)
            if birthday and rules.on_register_on(elder, birthday) and self.rng.random() < 0.6:
                self.single((n,), elder, "birthday_celebration", birthday,
                            provider=data.JINSE_JIAYUAN_VOLUNTEER_TEAM, outcome="送生日蛋糕")  # fmt: skip

    def publicity(self) -> None:
        """The 签名活动 with its handout, and each village's leaflets and bags."""
        day = in_year(self.start, self.on, 5, 29)
        signing = self.activity(
            "signing", "publicity", "“携手关爱留守人群 创建幸福家庭”签名活动", self.township,
            day, [], 200, data.HUANGTUN_FPA, "黄屯街道文化广场",
        )  # fmt: skip
        self.distribution("signing/leaflets", self.township, day, DistributionItem.publicity_leaflet,
                          300, None, signing)  # fmt: skip
        self.distribution("signing/bags", self.township, day, DistributionItem.publicity_bag,
                          60, None, signing)  # fmt: skip
        for village in self.villages:
            day = between(self.rng, self.start, self.on)
            leaflets = self.rng.randint(92, 130)
            self.distribution(f"{village.code}/leaflets", village, day,
                              DistributionItem.publicity_leaflet, leaflets,
                              leaflets * 4 // 5, note="计生宣传资料、三留守关爱政策")  # fmt: skip
            bags = self.rng.randint(8, 12)
            self.distribution(f"{village.code}/bags", village, day, DistributionItem.publicity_bag,
                              bags, bags, note="计生宣传挂袋")  # fmt: skip


def _school_term(day: date) -> bool:
    """Not in the winter (mid-January to mid-February) or summer holidays, nor 国庆."""
    md = (day.month, day.day)
    return not ((1, 18) <= md <= (2, 20) or (7, 5) <= md <= (8, 31) or (10, 1) <= md <= (10, 7))
