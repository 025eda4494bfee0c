"""Duplicate candidates: the pure scoring (registry/duplicates.py), no database."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from liushou.registry import duplicates as dup
from liushou.registry.duplicates import DuplicateReason as R
from liushou.registry.person_values import pinyin_of

TOWNSHIP = "root/county/huangtun/"
VILLAGE = uuid.uuid4()
VILLAGE_PATH = f"{TOWNSHIP}{VILLAGE}/"
NEIGHBOUR = uuid.uuid4()
NEIGHBOUR_PATH = f"{TOWNSHIP}{NEIGHBOUR}/"
FAR = uuid.uuid4()
FAR_PATH = f"root/county/liuxing/{FAR}/"
BORN = date(2014, 3, 9)


def candidate(
    name: str,
    birth_date: date = BORN,
    region: tuple[uuid.UUID, str] = (VILLAGE, VILLAGE_PATH),
    id: uuid.UUID | None = None,
) -> dup.Candidate:
    return dup.Candidate(
        id=id or uuid.uuid4(),
        name=name,
        birth_date=birth_date,
        region_id=region[0],
        region_path=region[1],
    )


def query(name: str, birth_date: date | None = BORN, here: bool = True) -> dup.Query:
    return dup.Query(
        name=name,
        birth_date=birth_date,
        region_id=VILLAGE if here else None,
        region_path=VILLAGE_PATH if here else None,
    )


@pytest.mark.parametrize(
    ("new", "registered"),
    [("张伟", "章伟"), ("章伟", "张伟"), ("李娜", "李纳"), ("刘芳", "刘方"), ("王小明", "王晓明")],
)
def test_homophones_match_as_same_pinyin(new: str, registered: str) -> None:
    match = dup.score(query(new), candidate(registered))
    assert match is not None
    assert match.reasons == (R.same_pinyin, R.same_birth_date, R.same_village)
    assert match.score == pytest.approx(0.95)


def test_same_characters_are_same_name_not_also_same_pinyin() -> None:
    match = dup.score(query("张伟"), candidate("张伟"))
    assert match is not None
    assert match.reasons == (R.same_name, R.same_birth_date, R.same_village)
    assert match.score == 1.0


def test_whitespace_and_full_width_forms_do_not_hide_a_same_name() -> None:
    assert dup.name_reason(dup.name_key(" 王 芳 "), dup.name_key("王芳")) == R.same_name
    assert dup.name_reason(dup.name_key("ＡＮＮＡ"), dup.name_key("anna")) == R.same_name


def test_a_surname_s_other_readings_count() -> None:
    # 单 reads dan by default but shan as a surname; 曾 reads ceng by default, zeng as one.
    assert dup.name_reason(dup.name_key("单伟"), dup.name_key("善伟")) == R.same_pinyin
    assert dup.name_reason(dup.name_key("善伟"), dup.name_key("单伟")) == R.same_pinyin
    assert dup.name_reason(dup.name_key("曾小明"), dup.name_key("增小明")) == R.same_pinyin


@pytest.mark.parametrize(
    ("new", "registered"),
    [("陈静", "程静"), ("刘金", "刘晶"), ("张山", "臧山"), ("孙丽", "孙妮"), ("周珊", "邹山")],
)
def test_fuzzy_pinyin_confusions_are_similar_pinyin(new: str, registered: str) -> None:
    key_new, key_old = dup.name_key(new), dup.name_key(registered)
    if dup.name_reason(key_new, key_old) == R.same_pinyin:  # pragma: no cover - data guard
        pytest.fail(f"{new}/{registered} are homophones, not a fuzzy pair")
    assert dup.name_reason(key_new, key_old) == R.similar_pinyin


@pytest.mark.parametrize(
    ("new", "registered"),
    [
        ("王芳", "李娜"),  # nothing in common
        ("张伟", "张敏"),  # same surname only
        ("张伟", "张伟伟"),  # a syllable more
        ("张伟", "伟张"),  # same syllables, other order
        ("李娜", "李明"),
        ("王小明", "王小红"),
    ],
)
def test_different_people_are_not_matched(new: str, registered: str) -> None:
    # Even with every other signal agreeing: a name that does not match is no candidate.
    assert dup.score(query(new), candidate(registered)) is None


def test_name_alone_is_enough_when_nothing_else_is_known() -> None:
    match = dup.score(query("章伟", birth_date=None, here=False), candidate("张伟"))
    assert match is not None
    assert match.reasons == (R.same_pinyin,)
    assert match.score == 0.55


def test_a_known_different_birth_date_halves_the_name_weight() -> None:
    far_birth = date(1950, 7, 1)
    same_name = dup.score(query("张伟", here=False), candidate("张伟", birth_date=far_birth))
    assert same_name is not None
    assert same_name.score == 0.3
    assert same_name.reasons == (R.same_name,)
    # A homophone born decades apart, elsewhere, is a namesake: left out.
    other = dup.score(
        query("张伟"), candidate("章伟", birth_date=far_birth, region=(FAR, FAR_PATH))
    )
    assert other is None


@pytest.mark.parametrize(
    ("registered", "expected"),
    [
        (date(2014, 3, 9), R.same_birth_date),
        (date(2014, 3, 8), R.similar_birth_date),  # one digit
        (date(2041, 3, 9), R.similar_birth_date),  # adjacent digits swapped
        (date(2014, 9, 3), R.similar_birth_date),  # month and day swapped
        (date(2016, 3, 9), R.similar_birth_date),  # one digit of the year
    ],
)
def test_birth_date_typing_slips(registered: date, expected: R) -> None:
    assert dup.birth_reason(BORN, registered) == expected


@pytest.mark.parametrize("registered", [date(2013, 4, 10), date(1950, 1, 1), date(2014, 12, 30)])
def test_other_birth_dates_are_unlike(registered: date) -> None:
    assert dup.birth_reason(BORN, registered) is False
    assert dup.birth_reason(None, registered) is None


def test_places() -> None:
    assert dup.place_reason(VILLAGE, VILLAGE_PATH, VILLAGE, VILLAGE_PATH) == R.same_village
    assert dup.place_reason(VILLAGE, VILLAGE_PATH, NEIGHBOUR, NEIGHBOUR_PATH) == R.same_township
    assert dup.place_reason(VILLAGE, VILLAGE_PATH, FAR, FAR_PATH) is None
    assert dup.place_reason(None, None, VILLAGE, VILLAGE_PATH) is None


def test_rank_orders_best_first_and_is_stable() -> None:
    ids = sorted(uuid.uuid4() for _ in range(2))
    pool = [
        candidate("王芳"),  # no name match: dropped
        candidate("章伟", region=(FAR, FAR_PATH)),  # 0.55 + 0.3
        # 0.6 + 0.15 (one digit off) + 0.05 (same township)
        candidate("张伟", birth_date=date(2014, 3, 8), region=(NEIGHBOUR, NEIGHBOUR_PATH)),
        candidate("张伟"),  # 1.0
        candidate("张炜", id=ids[1]),  # 0.95
        candidate("章伟", id=ids[0]),  # 0.95
        candidate("张维", birth_date=date(1950, 1, 1), region=(FAR, FAR_PATH)),  # dropped
    ]
    ranked = dup.rank(query("张伟"), pool)
    assert [(m.candidate.name, m.score) for m in ranked] == [
        ("张伟", 1.0),
        ("章伟", 0.95),
        ("张炜", 0.95),
        ("章伟", 0.85),
        ("张伟", 0.8),
    ]
    assert [m.candidate.id for m in ranked[1:3]] == ids  # equal scores: id order
    assert ranked[3].reasons == (R.same_pinyin, R.same_birth_date)
    assert ranked[4].reasons == (R.same_name, R.similar_birth_date, R.same_township)
    assert dup.rank(query("张伟"), pool, limit=2) == ranked[:2]


def test_scores_stay_within_0_and_1() -> None:
    for name in ("张伟", "章伟", "张维", "赵伟"):
        for born in (BORN, date(2014, 3, 8), date(1950, 1, 1), None):
            match = dup.score(query("张伟", birth_date=born), candidate(name))
            assert match is None or dup.MIN_SCORE <= match.score <= 1.0


def test_fetch_keys_cover_every_reading_and_the_stored_form() -> None:
    pinyins, initials = dup.fetch_keys(dup.Query("单伟"))
    assert pinyin_of("单伟")[0] in pinyins  # the form stored in Person.name_pinyin
    assert {"shan wei", "dan wei"} <= set(pinyins)
    assert {"sw", "dw"} <= set(initials)
    # l/n are confused, so both initials are fetched.
    assert {"ln", "ll"} <= set(dup.fetch_keys(dup.Query("李娜"))[1])
    stored_initials = pinyin_of("章伟")[1]
    assert stored_initials in dup.fetch_keys(dup.Query("张伟"))[1]
