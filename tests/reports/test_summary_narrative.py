"""The narrative (工作简报): one test per sentence shape, from figures built by hand, and the
route over the seeded data."""

from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Any

import pytest

from liushou.reports.narrative import narrative, period_zh
from liushou.reports.summary_schemas import (
    CareFigures,
    LegalFigures,
    RegistryCounts,
    RegistryFigures,
    ServiceFigures,
    SummaryReport,
    WishFigures,
)
from liushou.reports.summary_service import Summary
from tests.reports.summary_data import (
    get_summary,
    seed_registry_and_care,
    seed_services,
    t,
)

SINCE, UNTIL = date(2026, 1, 1), date(2026, 11, 30)
ZERO = re.compile(r"(?<!\d)0[名次个人分]")  # a zero figure in words
OPENING = "黄屯街道2026年1月1日至11月30日工作简报："
NAMES = {
    "after_school_class": ("四点半课堂", "education"),
    "homework_tutoring": ("课业辅导", "education"),
    "legal_consultation": ("法律政策咨询", "legal"),
    "rights_protection": ("利益维权", "legal"),
    "skills_training": ("技能培训", "employment"),
    "job_placement": ("帮助就业", "employment"),
    "medicine_delivery": ("送医送药", "health"),
}


def _zero() -> RegistryCounts:
    return RegistryCounts(active=0, new=0, exited=0)


def _summary(
    total: RegistryCounts | None = None,
    services: dict[str, tuple[int, int]] | None = None,
    legal: dict[str, Any] | None = None,
    villages: int = 0,
) -> Summary:
    """``services``: code → (persons, quantity)."""
    figures = [
        ServiceFigures(
            service_type=code,
            name_zh=NAMES[code][0],
            program=NAMES[code][1],
            records=quantity,
            persons=persons,
            quantity=quantity,
        )
        for code, (persons, quantity) in sorted((services or {}).items())
    ]
    legal_figures = {
        "activities": {},
        "consultations": 0,
        "onsite_minutes": 0,
        "villages": villages,
        "villages_with_advisor": 0,
        "villages_without_advisor": villages,
        **(legal or {}),
    }
    report = SummaryReport(
        region_id=uuid.uuid4(),
        from_=SINCE,
        to=UNTIL,
        registry=RegistryFigures(
            child=_zero(), woman=_zero(), elder=_zero(), total=total or _zero()
        ),
        care=CareFigures(active=0, with_primary_contact=0, visits=0, persons_visited=0, overdue=0),
        services=figures,
        activities=[],
        wishes=WishFigures(made=0, fulfilled=0, open=0),
        legal=LegalFigures(**legal_figures),
        distributions=[],
    )
    return Summary(
        report=report,
        region_name="黄屯街道",
        region_code="370871005000",
        units=dict.fromkeys(services or {}, "次"),
        names={code: NAMES[code][0] for code in (services or {})},
    )


def test_all_zero():
    assert narrative(_summary()) == OPENING + "本期暂无登记、服务和法律服务数据。"


def test_only_the_registry():
    text = narrative(_summary(RegistryCounts(active=120, new=8, exited=3)))
    assert text == OPENING + "在册留守人员120名，新增8名，退出3名。"


def test_a_zero_registry_figure_is_left_out():
    text = narrative(_summary(RegistryCounts(active=120, new=0, exited=3)))
    assert text == OPENING + "在册留守人员120名，退出3名。"
    assert "新增" not in text
    assert not ZERO.search(text)


def test_services_of_several_programmes():
    text = narrative(
        _summary(
            services={
                "after_school_class": (30, 48),
                "homework_tutoring": (10, 12),
                "legal_consultation": (40, 58),
                "rights_protection": (20, 35),
                "medicine_delivery": (6, 9),
            }
        )
    )
    assert text == OPENING + (
        "四点半课堂方面，提供四点半课堂48次、课业辅导12次；"
        "法律服务方面，提供法律政策咨询58次、利益维权35次；"
        "医路相伴方面，提供送医送药9次。"
    )


def test_job_placement_counts_persons():
    text = narrative(_summary(services={"skills_training": (15, 8), "job_placement": (25, 31)}))
    assert text == OPENING + "就业帮扶方面，提供技能培训8次，帮助25人就业。"
    alone = narrative(_summary(services={"job_placement": (25, 31)}))
    assert alone == OPENING + "就业帮扶方面，帮助25人就业。"


def test_legal_present():
    text = narrative(
        _summary(
            legal={
                "activities": {"consultation": 12, "mediation": 3, "publicity": 0},
                "consultations": 12,
                "onsite_minutes": 480,
                "villages_with_advisor": 2,
                "villages_without_advisor": 1,
            },
            villages=3,
        )
    )
    assert text == OPENING + (
        "法律顾问开展法律咨询12次、矛盾纠纷调解3次；驻村服务480分钟；"
        "辖区共有村（社区）3个，已配备法律顾问的2个，尚未配备法律顾问的1个。"
    )
    assert "普法宣传" not in text
    assert not ZERO.search(text)


def test_legal_absent_but_villages():
    text = narrative(_summary(villages=2))
    assert text == OPENING + "辖区共有村（社区）2个，尚未配备法律顾问的2个。"


def test_every_section_together():
    text = narrative(
        _summary(
            RegistryCounts(active=5, new=2, exited=1),
            services={"legal_consultation": (2, 4)},
            villages=2,
        )
    )
    assert text == OPENING + (
        "在册留守人员5名，新增2名，退出1名。法律服务方面，提供法律政策咨询4次。"
        "辖区共有村（社区）2个，尚未配备法律顾问的2个。"
    )


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        (date(2026, 1, 1), date(2026, 11, 30), "2026年1月1日至11月30日"),
        (date(2025, 12, 1), date(2026, 1, 31), "2025年12月1日至2026年1月31日"),
        (date(2026, 5, 4), date(2026, 5, 4), "2026年5月4日"),
    ],
)
def test_the_period_in_words(since, until, expected):
    assert period_zh(since, until) == expected


def test_the_route(client, world, db):
    seeded = seed_registry_and_care(client, world)
    seed_services(db, world, seeded.persons)
    response = get_summary(client, world.as_("staff"), world.huangtun, t(-30), t(-10), "/narrative")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["region_id"] == str(world.huangtun.id)
    assert (body["from"], body["to"]) == (t(-30).isoformat(), t(-10).isoformat())
    assert body["text"] == (
        f"黄屯街道{period_zh(t(-30), t(-10))}工作简报："
        "在册留守人员5名，新增2名，退出1名。"
        "心理疏导与健康咨询方面，提供心理疏导3次；法律服务方面，提供法律政策咨询4次；"
        "就业帮扶方面，帮助1人就业。"
        "辖区共有村（社区）2个，尚未配备法律顾问的2个。"
    )
