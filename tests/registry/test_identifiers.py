"""ID numbers, mobile numbers, masking and ages (docs/domain.md, docs/privacy.md)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from liushou.registry.identifiers import (
    ID_CHECK_CHARS,
    ID_WEIGHTS,
    InvalidIdNumber,
    InvalidPhone,
    age_on,
    birthday_at_age,
    id_check_char,
    make_id_number,
    mask_id_number,
    mask_mobile,
    normalize_id_number,
    normalize_mobile,
    parse_id_number,
    sixteenth_birthday,
)

TODAY = date(2026, 11, 29)

regions = st.from_regex(r"[1-9][0-9]{5}", fullmatch=True)
birth_dates = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
sequences = st.integers(min_value=0, max_value=999)
sexes = st.sampled_from(["male", "female"])
valid_numbers = st.builds(make_id_number, regions, birth_dates, sequences, sexes)


def error_code(value: str, today: date = TODAY) -> str:
    with pytest.raises(InvalidIdNumber) as caught:
        parse_id_number(value, today)
    return caught.value.code


# --- ID numbers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "birth_date", "sex", "region"),
    [
        ("11010519491231002X", date(1949, 12, 31), "female", "110105"),
        ("360426199101010071", date(1991, 1, 1), "male", "360426"),
        ("34052419800101001X", date(1980, 1, 1), "male", "340524"),
    ],
)
def test_domain_examples_parse(number: str, birth_date: date, sex: str, region: str) -> None:
    parsed = parse_id_number(number, TODAY)
    assert parsed.number == number
    assert parsed.birth_date == birth_date
    assert parsed.sex == sex
    assert parsed.region_code == region
    assert parsed.kind == "mainland"


# ID numbers printed in published sources, so the check is tested against the world and
# not only against itself:
# - GB 11643-1999 公民身份号码, 附录A (公民身份号码实例) and 附录B (校验码字符值计算方法实例):
#   a woman born 1949-12-31 in 北京市朝阳区, and a man born 1880-01-01 in 广东省汕头市潮阳县.
#   Text: https://zh.wikisource.org/wiki/GB_11643-1999_公民身份号码
# - stdnum-js (a port of python-stdnum), src/cn/ric.spec.ts: two valid numbers and one with
#   a wrong check character. https://app.unpkg.com/stdnum@1.11.1/files/src/cn/ric.spec.ts
GB_11643_EXAMPLES = ["11010519491231002X", "440524188001010014"]
STDNUM_VALID = ["360426199101010071", "120103198806018241"]
STDNUM_WRONG_CHECK = "360426199101010072"


@pytest.mark.parametrize("number", GB_11643_EXAMPLES + STDNUM_VALID)
def test_published_numbers_have_the_check_character_we_compute(number: str) -> None:
    assert id_check_char(number[:17]) == number[17]


def test_the_standards_first_example_parses() -> None:
    parsed = parse_id_number("11010519491231002X", TODAY)
    assert (parsed.birth_date, parsed.sex, parsed.region_code) == (
        date(1949, 12, 31),
        "female",
        "110105",
    )


def test_the_standards_1880_example_is_refused_for_its_birth_date_only() -> None:
    # The check character is right (above); nobody born before 1900 is on the register.
    assert error_code("440524188001010014") == "id_number_birth_date"


def test_a_published_wrong_check_character_is_refused() -> None:
    assert error_code(STDNUM_WRONG_CHECK) == "id_number_checksum"


def _mod_11_2_check(digits: str) -> str:
    """ISO 7064 MOD 11-2 from its definition: the check character c makes
    sum(a_i * 2^(n-i)) + c = 1 (mod 11), c = 10 written X; computed recursively."""
    p = 0
    for digit in digits:
        p = ((p + int(digit)) * 2) % 11
    c = (12 - p) % 11
    return "X" if c == 10 else str(c)


def test_the_weights_are_powers_of_two_mod_11() -> None:
    assert ID_WEIGHTS == tuple(2 ** (17 - i) % 11 for i in range(17))


def test_the_table_is_what_mod_11_2_gives_for_each_remainder() -> None:
    # Weighted sum s (mod 11) needs c with s + c = 1 (mod 11): c = (1 - s) mod 11.
    derived = "".join("X" if (1 - s) % 11 == 10 else str((1 - s) % 11) for s in range(11))
    assert ID_CHECK_CHARS == derived


@given(st.from_regex(r"[0-9]{17}", fullmatch=True))
def test_the_check_character_is_iso_7064_mod_11_2(first17: str) -> None:
    assert id_check_char(first17) == _mod_11_2_check(first17)


@given(regions, birth_dates, sequences, sexes)
def test_every_built_number_parses_back(
    region: str, birth_date: date, sequence: int, sex: str
) -> None:
    number = make_id_number(region, birth_date, sequence, sex)  # type: ignore[arg-type]
    parsed = parse_id_number(number, TODAY)
    assert parsed.number == number
    assert parsed.birth_date == birth_date
    assert parsed.sex == sex
    assert parsed.region_code == region


@given(valid_numbers, st.integers(min_value=0, max_value=17), st.sampled_from("0123456789Xx"))
def test_every_single_character_change_fails(number: str, position: int, char: str) -> None:
    changed = number[:position] + char + number[position + 1 :]
    assume(normalize_id_number(changed) != number)
    with pytest.raises(InvalidIdNumber):
        parse_id_number(changed, TODAY)


@given(valid_numbers, st.integers(min_value=0, max_value=16), st.integers(1, 9))
def test_a_changed_digit_fails_the_checksum_when_the_date_stays_valid(
    number: str, position: int, delta: int
) -> None:
    # MOD 11-2 catches every single substitution; the format and date checks do not.
    digit = str((int(number[position]) + delta) % 10)
    changed = number[:position] + digit + number[position + 1 :]
    assume(changed[0] != "0")
    try:
        date(int(changed[6:10]), int(changed[10:12]), int(changed[12:14]))
    except ValueError:
        assume(False)
    assert error_code(changed) == "id_number_checksum"


def test_lower_case_x_and_spaces_are_normalised() -> None:
    assert normalize_id_number(" 110105 19491231 002x ") == "11010519491231002X"
    assert parse_id_number("11010519491231002x", TODAY).number == "11010519491231002X"
    # Full-width characters, as typed with a Chinese input method.
    assert normalize_id_number("１１０１０５１９４９１２３１００２ｘ") == "11010519491231002X"


@pytest.mark.parametrize(
    "value",
    [
        "",
        "1101051949123100",  # 16 characters
        "11010519491231002X1",
        "110105194912310X2X",  # X before the end
        "11010519491231002Y",
        "01010519491231002X",  # no province starts with 0
        "110105491231002",  # old 15-digit number: the contract takes 18 characters
        "１１０１０５-19491231002X",
        "١١0105194912310029",  # Arabic-Indic digits are not digits here
    ],
)
def test_malformed_numbers_fail_with_format(value: str) -> None:
    assert error_code(value) == "id_number_format"


def test_wrong_check_character_fails_with_checksum() -> None:
    assert error_code("110105194912310021") == "id_number_checksum"


@pytest.mark.parametrize(
    "birth",
    ["20230230", "20231301", "20230001", "20230100", "18991231", "19000229"],
)
def test_impossible_birth_dates_fail(birth: str) -> None:
    body = f"110105{birth}002"
    assert error_code(body + id_check_char(body)) == "id_number_birth_date"


def test_birth_date_limits() -> None:
    newborn = make_id_number("110105", TODAY, 1, "male")
    assert parse_id_number(newborn, TODAY).birth_date == TODAY
    assert error_code(newborn, TODAY - timedelta(days=1)) == "id_number_birth_date"
    oldest = make_id_number("110105", date(1900, 1, 1), 1, "male")
    assert parse_id_number(oldest, TODAY).birth_date == date(1900, 1, 1)
    leap = make_id_number("110105", date(2000, 2, 29), 1, "female")
    assert parse_id_number(leap, TODAY).birth_date == date(2000, 2, 29)


@pytest.mark.parametrize(
    ("region", "kind"),
    [
        ("810000", "hk_mo_tw"),
        ("820000", "hk_mo_tw"),
        ("830000", "hk_mo_tw"),
        ("370811", "mainland"),
    ],
)
def test_residence_permits_of_hk_macao_taiwan(region: str, kind: str) -> None:
    number = make_id_number(region, date(1990, 5, 17), 12, "female")
    parsed = parse_id_number(number, TODAY)
    assert (parsed.kind, parsed.region_code, parsed.sex) == (kind, region, "female")


def test_foreigner_permanent_residence_numbers() -> None:
    # 2023 layout: 9, issuing province, nationality code, birth date, sequence, check.
    number = make_id_number("931156", date(1985, 7, 3), 21, "male")
    parsed = parse_id_number(number, TODAY)
    assert parsed.kind == "foreigner"
    assert parsed.birth_date == date(1985, 7, 3)
    assert parsed.sex == "male"


def test_make_id_number_sets_the_sex_digit() -> None:
    assert make_id_number("110105", date(1949, 12, 31), 2, "female") == "11010519491231002X"
    assert make_id_number("110105", date(1949, 12, 31), 2, "male")[14:17] == "003"
    assert make_id_number("110105", date(1949, 12, 31), 999, "female")[14:17] == "998"
    with pytest.raises(ValueError):
        make_id_number("11010", date(1949, 12, 31), 2, "male")
    with pytest.raises(ValueError):
        make_id_number("110105", date(1949, 12, 31), 1000, "male")


def test_error_carries_both_languages() -> None:
    with pytest.raises(InvalidIdNumber) as caught:
        parse_id_number("110105194912310021", TODAY)
    assert caught.value.message_zh and caught.value.message_en
    assert isinstance(caught.value, ValueError)


def test_mask_id_number() -> None:
    number = make_id_number("370811", date(1990, 1, 1), 123, "male")
    masked = mask_id_number(number)
    assert masked == f"370811***********{number[-1]}"
    assert len(masked) == 18
    assert mask_id_number("37081119900101123X") == "370811***********X"
    assert mask_id_number("3708111990") == "**********"


# --- mobile numbers --------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "13812345678",
        " 138 1234 5678 ",
        "138-1234-5678",
        "+8613812345678",
        "+86 138 1234 5678",
        "(+86) 138-1234-5678",
        "0086 13812345678",
        "86 138 1234 5678",
        "８６１３８１２３４５６７８",
    ],
)
def test_mobile_normalisation(value: str) -> None:
    assert normalize_mobile(value) == "13812345678"


@pytest.mark.parametrize(
    "value",
    [
        "",
        "1381234567a",
        "1381234567",  # 10 digits
        "138123456789",  # 12 digits
        "23812345678",  # leading 2
        "12812345678",  # second digit 2
        "+85291234567",  # Hong Kong
        "+86+8613812345678",
        "861381234567",  # 86 + 10 digits
        "010-12345678",  # a landline
    ],
)
def test_mobile_rejection(value: str) -> None:
    with pytest.raises(InvalidPhone) as caught:
        normalize_mobile(value)
    assert caught.value.code == "phone_format"


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_every_canonical_mobile_is_kept(number: str) -> None:
    assert normalize_mobile(number) == number
    assert normalize_mobile(f"+86 {number[:3]}-{number[3:7]}-{number[7:]}") == number


def test_mask_mobile() -> None:
    assert mask_mobile("13812345678") == "138****5678"
    assert mask_mobile("1381234") == "*******"


# --- ages ------------------------------------------------------------------------------


def test_age_changes_on_the_birthday() -> None:
    born = date(2010, 6, 15)
    assert age_on(born, date(2026, 6, 14)) == 15
    assert age_on(born, date(2026, 6, 15)) == 16
    assert age_on(born, born) == 0
    assert age_on(born, born - timedelta(days=1)) == -1


def test_sixteenth_birthday() -> None:
    born = date(2010, 6, 15)
    assert sixteenth_birthday(born) == date(2026, 6, 15)
    assert age_on(born, sixteenth_birthday(born) - timedelta(days=1)) == 15


def test_born_on_29_february() -> None:
    born = date(2008, 2, 29)
    # Common years: a year older on 1 March, not on 28 February.
    assert age_on(born, date(2009, 2, 28)) == 0
    assert age_on(born, date(2009, 3, 1)) == 1
    # 2024 is a leap year: the 16th birthday is 29 February itself.
    assert sixteenth_birthday(born) == date(2024, 2, 29)
    assert age_on(born, date(2024, 2, 28)) == 15
    assert age_on(born, date(2024, 2, 29)) == 16
    assert birthday_at_age(born, 1) == date(2009, 3, 1)
    # 2100 is not a leap year.
    assert sixteenth_birthday(date(2084, 2, 29)) == date(2100, 3, 1)
    assert age_on(date(2084, 2, 29), date(2100, 2, 28)) == 15


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), st.integers(0, 120))
def test_birthday_at_age_is_where_age_on_changes(born: date, years: int) -> None:
    day = birthday_at_age(born, years)
    assert age_on(born, day) == years
    assert age_on(born, day - timedelta(days=1)) == years - 1
