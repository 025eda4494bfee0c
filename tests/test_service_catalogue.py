"""The seeded catalogue of service types (CONTRACT §6): every database has exactly these
codes, programmes and categories from migration 0008, and every test starts with them."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from liushou.db import Database
from liushou.tables import service_type_t

ALL = ["child", "elder", "woman"]
# (program, code, text name_zh contains, categories), as CONTRACT §6 fixes them.
CONTRACT_TYPES = [
    ("education", "after_school_class", "四点半课堂", ["child"]),
    ("education", "homework_tutoring", "课业辅导", ["child"]),
    ("education", "safety_education", "安全教育", ["child"]),
    ("wishes", "micro_wish", "微心愿", ["child"]),
    ("wishes", "dream_come_true", "爱心圆梦", ["child"]),
    ("wishes", "school_supplies", "学习用品", ["child"]),
    ("counseling", "psychological_counseling", "心理疏导", ALL),
    ("counseling", "reproductive_health_counseling", "生殖健康咨询", ["woman"]),
    ("legal", "legal_consultation", "法律政策咨询", ALL),
    ("legal", "rights_protection", "利益维权", ALL),
    ("employment", "skills_training", "技能培训", ["woman"]),
    ("employment", "job_placement", "帮助就业", ["woman"]),
    ("health", "health_consultation", "健康咨询", ALL),
    ("health", "medical_checkup", "健康体检", ALL),
    ("health", "medicine_delivery", "送医送药", ["elder"]),
    ("health", "rehabilitation_nursing", "康复护理", ["elder"]),
    ("health", "prepregnancy_checkup", "孕前优生健康检查", ["woman"]),
    ("companionship", "companionship_visit", "陪伴走访", ALL),
    ("companionship", "holiday_visit", "节日慰问", ALL),
    ("companionship", "birthday_celebration", "生日祝福", ALL),
    ("companionship", "cultural_performance", "文艺演出", ALL),
    ("publicity", "publicity", "宣传", ALL),
]


def _catalogue(db: Database) -> list[dict[str, object]]:
    with db.engine.connect() as conn:
        rows = conn.execute(sa.select(service_type_t).order_by(service_type_t.c.code))
        return [dict(r) for r in rows.mappings()]


@pytest.mark.parametrize("run", [1, 2])
def test_every_database_has_the_fixed_catalogue_seeded(db: Database, run: int) -> None:
    """Run twice: the second test starts from the same catalogue (on PostgreSQL the tables
    are emptied between tests and the seeded rows put back)."""
    rows = {row["code"]: row for row in _catalogue(db)}
    assert sorted(rows) == sorted(code for _, code, _, _ in CONTRACT_TYPES)
    for program, code, name, categories in CONTRACT_TYPES:
        row = rows[code]
        assert row["program"] == program
        assert name in str(row["name_zh"])
        assert row["categories"] == categories
        assert row["unit"] == "次"
        assert row["seeded"] is True
        assert row["deleted_at"] is None and row["version"] == 1
    if run == 1:  # a change a test makes does not leak into the next one
        with db.engine.begin() as conn:
            conn.execute(sa.update(service_type_t).values(name_zh="改过"))


def test_seeded_ids_are_the_same_on_every_database(db: Database) -> None:
    """uuid5 of the code: a client can hard-code a seeded type's id as well as its code."""
    namespace = uuid.UUID("6f1d7c2e-5b1a-4d39-9a57-2f0c6f6b7e01")
    for row in _catalogue(db):
        assert row["id"] == uuid.uuid5(namespace, str(row["code"]))
