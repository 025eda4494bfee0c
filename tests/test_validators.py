"""Pure rules: 统一社会信用代码 check characters and region code shapes (docs/domain.md)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from liushou.regions.codes import check_region
from liushou.regions.models import RegionKind, RegionLevel
from liushou.validators import USCC_ALPHABET, is_valid_credit_code, uscc_check_char

body17 = st.builds(
    lambda head, region, tail: head + region + tail,
    st.text(USCC_ALPHABET, min_size=2, max_size=2),
    st.text("0123456789", min_size=6, max_size=6),
    st.text(USCC_ALPHABET, min_size=9, max_size=9),
)


@given(body17)
def test_a_code_with_its_check_character_is_valid(first17: str) -> None:
    assert is_valid_credit_code(first17 + uscc_check_char(first17))
    assert is_valid_credit_code((first17 + uscc_check_char(first17)).lower())


@given(body17, st.integers(0, 17), st.sampled_from(USCC_ALPHABET))
def test_any_single_character_change_is_caught(first17: str, position: int, new: str) -> None:
    code = first17 + uscc_check_char(first17)
    changed = code[:position] + new + code[position + 1 :]
    if changed != code:
        assert not is_valid_credit_code(changed)


def test_known_credit_codes() -> None:
    assert is_valid_credit_code("91350100M000100Y43")  # published example (GB 32100)
    assert not is_valid_credit_code("91350100M000100Y44")
    assert not is_valid_credit_code("91350100M000100I43")  # I is not in the alphabet


def codes(problems) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.code for p in problems]


TOWNSHIP = ("370871005000", RegionLevel.township)
COUNTY = ("370871", RegionLevel.county)


@given(st.integers(1, 99))
def test_subdistricts_are_001_to_099(n: int) -> None:
    code = f"370871{n:03d}000"
    assert check_region(code, RegionLevel.township, RegionKind.subdistrict, COUNTY) == []
    assert check_region(code, RegionLevel.township, RegionKind.town, COUNTY) != []


@given(st.integers(1, 399))
def test_communities_are_001_to_199_and_villages_200_to_399(n: int) -> None:
    code = f"370871005{n:03d}"
    community = check_region(code, RegionLevel.village, RegionKind.community, TOWNSHIP)
    village = check_region(code, RegionLevel.village, RegionKind.village, TOWNSHIP)
    assert (community == []) == (n <= 199)
    assert (village == []) == (n >= 200)


def test_a_village_code_must_sit_under_its_township() -> None:
    assert check_region("370871002201", RegionLevel.village, RegionKind.village, TOWNSHIP) != []
    assert check_region("370871005201", RegionLevel.village, RegionKind.village, TOWNSHIP) == []


def test_shapes_by_level() -> None:
    assert check_region("370871", RegionLevel.county, None, ("370800", RegionLevel.city)) == []
    assert check_region("37087", RegionLevel.county, None, ("370800", RegionLevel.city)) != []
    assert check_region("370871005001", RegionLevel.township, RegionKind.subdistrict, COUNTY) != []
    assert check_region("370000", RegionLevel.province, None, None) == []
    # a village cannot hang directly under a county
    assert check_region("370871005201", RegionLevel.village, RegionKind.village, COUNTY) != []
