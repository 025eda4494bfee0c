"""Who may be on the register: the age (and, for a woman, sex) rules of each category.

One rule for every way in (docs/registry.md, "Eligibility"): create, replace, update,
reactivation and the import all call :func:`check_eligible`.
"""

from __future__ import annotations

from datetime import date

from liushou.clock import today
from liushou.config import Settings
from liushou.errors import FieldInvalid, Unprocessable, field_error
from liushou.registry import identifiers as ids
from liushou.registry.enums import PersonCategory, Sex


class NotEligible(Unprocessable):
    code = "not_eligible"


def check_eligible(
    settings: Settings,
    category: PersonCategory,
    birth_date: date,
    sex: str,
    since: date,
    sex_loc: tuple[str, ...] = ("body", "sex"),
) -> date | None:
    """Refuse (422 not_eligible) unless eligible on ``since``; a child's last day + 1.

    ``sex_loc`` is where the sex came from (the ID number when it was derived from it)."""
    if since > today():
        raise FieldInvalid(
            ["body", "left_behind_since"],
            "date_in_future",
            "留守开始日期不能晚于今天。",
            "left_behind_since cannot be in the future.",
        )
    if birth_date > since:
        raise NotEligible("出生日期晚于留守开始日期。", "Born after left_behind_since.")
    age = ids.age_on(birth_date, since)
    if category == PersonCategory.child:
        # Only the age on `since` decides (docs/registry.md): a child registered late, after its
        # 16th birthday, is on record (and counts for the days before it) but not active.
        until = ids.sixteenth_birthday(birth_date)
        if age >= 16:
            raise NotEligible(
                "留守儿童须不满十六周岁。",
                "A left-behind child is under 16.",
            )
        return until
    if category == PersonCategory.elder and age < 60:
        raise NotEligible("留守老人须年满六十周岁。", "A left-behind elder is 60 or over.")
    if category == PersonCategory.woman and sex != Sex.female:
        # A left-behind woman (留守妇女) is a woman whose husband works away.
        raise NotEligible(
            "留守妇女的性别须为女。",
            "A left-behind woman is female.",
            errors=[field_error(sex_loc, "A left-behind woman is female.", "not_eligible")],
        )
    if category == PersonCategory.woman and not (
        settings.woman_min_age <= age <= settings.woman_max_age
    ):
        raise NotEligible(
            f"留守妇女的年龄须在 {settings.woman_min_age}–{settings.woman_max_age} 岁之间。",
            f"A left-behind woman is {settings.woman_min_age} to {settings.woman_max_age}.",
        )
    return None
