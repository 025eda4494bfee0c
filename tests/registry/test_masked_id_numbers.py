"""A masked ID number cannot be undone from what is shown beside it (docs/privacy.md).

The rule, checked by ``tests/registry/anonymity.py`` over every person-shaped output and
several roles: each masked value, with the birth date, sex, age and village shown beside
it, still fits at least ``MIN_ID_CANDIDATES`` valid full numbers. The first 6 and last 4
characters (the old mask) left exactly one: the hidden digits were the birth date.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liushou.clock import today
from liushou.registry.identifiers import (
    InvalidIdNumber,
    make_id_number,
    mask_id_number,
    parse_id_number,
)
from tests.guardianship.helpers import assigned, create_caretaker
from tests.http import list_all
from tests.referrals.helpers import REFERRALS, referred
from tests.registry.anonymity import (
    MIN_ID_CANDIDATES,
    Shown,
    assert_json_keeps_the_rule,
    assert_sheet_keeps_the_rule,
    id_number_candidates,
)
from tests.registry.factories import (
    PERSONS,
    child_body,
    create,
    elder_body,
    exit_,
    woman_body,
    years_ago,
)
from tests.registry.sheets import EXPORT_CSV, EXPORT_XLSX, csv_records, xlsx_records

TODAY = date(2026, 11, 29)
DUPLICATES = f"{PERSONS}/duplicate-candidates"

regions = st.from_regex(r"[1-8][0-9]{5}", fullmatch=True)
birth_dates = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
sequences = st.integers(min_value=0, max_value=999)
sexes = st.sampled_from(["male", "female"])


# --- the mask and the counting ---------------------------------------------------------


def test_the_mask_shows_the_first_six_and_the_last_character() -> None:
    assert mask_id_number("37081119900101123X") == "370811***********X"
    assert mask_id_number("370871201605120245") == "370871***********5"
    assert mask_id_number("3708111990") == "**********"  # another shape: nothing shown


def _brute_force(masked: str, birth_date: date, sex: str) -> int:
    """Every sequence code behind a masked number whose birth date and sex are known."""
    found = 0
    for sequence in range(1000):
        body = f"{masked[:6]}{birth_date:%Y%m%d}{sequence:03d}"
        for check in "0123456789X":
            try:
                parsed = parse_id_number(body + check, TODAY)
            except InvalidIdNumber:
                continue
            if mask_id_number(parsed.number) == masked and parsed.sex == sex:
                found += 1
    return found


@given(regions, birth_dates, sequences, sexes)
def test_every_masked_number_with_its_birth_date_and_sex_fits_many_numbers(
    region: str, birth_date: date, sequence: int, sex: str
) -> None:
    number = make_id_number(region, birth_date, sequence, sex)  # type: ignore[arg-type]
    shown = Shown(mask_id_number(number), birth_date, sex, region_code=region + "005201")

    assert id_number_candidates(shown) >= MIN_ID_CANDIDATES


@pytest.mark.parametrize("sex", ["male", "female"])
def test_the_count_is_what_a_brute_force_search_finds(sex: str) -> None:
    born = date(2016, 5, 12)
    for sequence in range(0, 1000, 97):
        number = make_id_number("370871", born, sequence, sex)  # type: ignore[arg-type]
        masked = mask_id_number(number)

        counted = id_number_candidates(Shown(masked, born, sex))

        assert counted == _brute_force(masked, born, sex)


def test_the_old_mask_beside_the_birth_date_gives_the_number_back() -> None:
    # 370871********0245 next to birth_date 2016-05-12: only one number fits.
    number = make_id_number("370871", date(2016, 5, 12), 24, "female")
    old_mask = number[:6] + "*" * 8 + number[-4:]

    assert id_number_candidates(Shown(old_mask, date(2016, 5, 12), "female")) == 1
    assert id_number_candidates(Shown(old_mask)) > MIN_ID_CANDIDATES  # hidden only alone


# --- every person-shaped output, for several roles ---------------------------------------

READERS = ["auditor", "staff", "village", "volunteer"]


@pytest.fixture
def register(client, world) -> list[dict[str, Any]]:
    """A child, a woman and an elder of the community (the volunteer and the village contact
    look after the child), an elder of 东营村 who left and came back, and a referral of
    the child to the police station (the partner's organization)."""
    admin = world.as_("admin")
    child = create(client, admin, child_body(world.community, name="张伟"))
    woman = create(client, admin, woman_body(world.community, name="张薇"))
    elder = create(client, admin, elder_body(world.community, born=years_ago(70, days=40)))
    returned = create(client, admin, elder_body(world.village, name="张玮"))
    exit_(client, admin, returned, today() - timedelta(days=20))
    reactivated = client.post(f"{PERSONS}/{returned['id']}/reactivate", json={}, headers=admin)
    assert reactivated.status_code == 200, reactivated.text
    for who, role in (("volunteer", "companion"), ("village", "primary_contact")):
        kind = "volunteer" if who == "volunteer" else "village_cadre"
        caretaker = create_caretaker(
            client, admin, world.community, kind, user_id=str(world.users[who].id)
        )
        assigned(client, admin, child, caretaker, role)
    referred(client, world.as_("staff"), child, world.police)
    return [child, woman, elder, returned]


def _regions(world) -> dict[str, str]:
    places = (world.village, world.community, world.other_village, world.huangtun)
    return {str(r.id): r.code for r in places}


def _ok(response):
    assert response.status_code == 200, response.text
    return response


@pytest.mark.parametrize("who", READERS)
def test_no_json_output_lets_a_masked_number_be_undone(client, world, register, who):
    headers, regions = world.as_(who), _regions(world)
    as_of = today() - timedelta(days=30)
    listed = list_all(client, PERSONS, headers)
    assert listed, "the role sees someone"

    checked = assert_json_keeps_the_rule(listed, regions)
    checked += assert_json_keeps_the_rule(
        list_all(client, PERSONS, headers, as_of=str(as_of)), regions, on=as_of
    )
    for person in listed:
        one = _ok(client.get(f"{PERSONS}/{person['id']}", headers=headers)).json()
        checked += assert_json_keeps_the_rule(one, regions)
        history = list_all(client, f"{PERSONS}/{person['id']}/history", headers)
        checked += assert_json_keeps_the_rule(history, regions)
    for name in ("张伟", "张薇", "张玮"):
        candidates = _ok(client.get(DUPLICATES, params={"name": name}, headers=headers)).json()
        checked += assert_json_keeps_the_rule(candidates, regions)

    # each listed person's ID number (as list, as_of and one person) and phone were checked
    assert checked >= 3 * len(listed)


@pytest.mark.parametrize("who", READERS)
def test_no_export_lets_a_masked_number_be_undone(client, world, register, who):
    headers = world.as_(who)
    csv_rows = csv_records(_ok(client.get(EXPORT_CSV, headers=headers)).content)
    xlsx_rows = xlsx_records(_ok(client.get(EXPORT_XLSX, headers=headers)).content)
    assert csv_rows and len(xlsx_rows) == len(csv_rows)
    assert all(row["出生日期"] and row["性别"] for row in csv_rows)  # shown beside the mask

    checked = assert_sheet_keeps_the_rule(csv_rows) + assert_sheet_keeps_the_rule(xlsx_rows)

    assert checked >= 2 * len(csv_rows)


@pytest.mark.parametrize("who", ["partner", "staff", "village", "auditor"])
def test_no_referral_view_lets_a_masked_number_be_undone(client, world, register, who):
    referrals = list_all(client, REFERRALS, world.as_(who))
    assert referrals

    checked = assert_json_keeps_the_rule(referrals, _regions(world))
    for referral in referrals:
        one = _ok(client.get(f"{REFERRALS}/{referral['id']}", headers=world.as_(who))).json()
        checked += assert_json_keeps_the_rule(one, _regions(world))

    assert checked >= 2 * len(referrals)  # the person's masked phone, at least
