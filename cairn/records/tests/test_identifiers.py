"""PNC ID, NHS number and UPN: format, check character and canonical form."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cairn.records import identifiers
from cairn.records.identifiers import (
    PNC_CHECK_LETTERS,
    UPN_CHECK_LETTERS,
    nhs_check_digit,
    normalise_nhs_number,
    normalise_pnc,
    normalise_upn,
    pnc_check_letter,
    upn_check_letter,
)

# Property tests run the same examples every time and keep no example database in the checkout.
deterministic = settings(derandomize=True, database=None, max_examples=300)

PNC_FORMAT = "Enter a PNC ID in the format 12/1234567A"
PNC_CHECK = "Enter a real PNC ID: the check letter does not match the numbers"
NHS_FORMAT = "Enter an NHS number with 10 digits"
NHS_CHECK = "Enter a real NHS number: the last digit does not match the others"
UPN_FORMAT = "Enter a UPN as a letter followed by 12 characters"
UPN_CHECK = "Enter a real UPN: the check letter does not match the rest"


# PNC ID ---------------------------------------------------------------------------------------


def test_pnc_check_letter_is_the_year_and_padded_serial_modulo_23():
    # 121234567 % 23 == 2, and the third check letter is C
    assert pnc_check_letter("12", "1234567") == "C"


def test_pnc_check_letter_uses_the_last_two_digits_of_a_four_digit_year():
    assert pnc_check_letter("2019", "123") == pnc_check_letter("19", "123")


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("12/1234567C", "12/1234567C"),
        ("12/1234567c", "12/1234567C"),
        ("  12/1234567C  ", "12/1234567C"),
        ("12 / 1234567 C", "12/1234567C"),
        ("19/123456E", "19/0123456E"),
        ("2019/123X", "19/0000123X"),
    ],
)
def test_pnc_id_is_normalised_to_two_digit_year_and_seven_digit_serial(typed, canonical):
    assert normalise_pnc(typed) == canonical


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "12/1234567",  # no check letter
        "121234567C",  # no slash
        "1/1234567C",  # one-digit year
        "123/1234567C",  # three-digit year
        "12/12345678C",  # eight-digit serial
        "12/C",  # no serial
        "12/1234567CC",  # two letters
        "AB/1234567C",
        "12-1234567C",
    ],
)
def test_malformed_pnc_id_is_refused_with_the_expected_format(typed):
    with pytest.raises(ValueError, match=PNC_FORMAT):
        normalise_pnc(typed)


def test_pnc_id_with_the_wrong_check_letter_is_refused():
    with pytest.raises(ValueError, match=PNC_CHECK):
        normalise_pnc("12/1234567D")


@deterministic
@given(
    year=st.integers(min_value=0, max_value=99).map(lambda n: f"{n:02d}"),
    serial=st.integers(min_value=0, max_value=9_999_999).map(str),
)
def test_any_year_and_serial_with_its_computed_check_letter_normalises(year, serial):
    letter = pnc_check_letter(year, serial)

    assert normalise_pnc(f"{year}/{serial}{letter}") == f"{year}/{serial.zfill(7)}{letter}"


@deterministic
@given(
    year=st.integers(min_value=0, max_value=99).map(lambda n: f"{n:02d}"),
    serial=st.integers(min_value=0, max_value=9_999_999).map(str),
    wrong=st.sampled_from(sorted(set(PNC_CHECK_LETTERS) | set("IOS"))),
)
def test_any_pnc_id_with_an_altered_check_letter_is_refused(year, serial, wrong):
    if wrong == pnc_check_letter(year, serial):
        wrong = PNC_CHECK_LETTERS[(PNC_CHECK_LETTERS.index(wrong) + 1) % len(PNC_CHECK_LETTERS)]

    with pytest.raises(ValueError, match=PNC_CHECK):
        normalise_pnc(f"{year}/{serial}{wrong}")


@deterministic
@given(
    year=st.integers(min_value=0, max_value=99).map(lambda n: f"{n:02d}"),
    serial=st.integers(min_value=0, max_value=9_999_999).map(str),
)
def test_normalised_pnc_id_is_a_fixed_point(year, serial):
    once = normalise_pnc(f"{year}/{serial}{pnc_check_letter(year, serial)}")

    assert normalise_pnc(once) == once
    assert len(once) == 11


# NHS number -----------------------------------------------------------------------------------


def test_nhs_check_digit_is_eleven_less_the_weighted_sum_modulo_eleven():
    assert nhs_check_digit("943476591") == 9


def test_nhs_check_digit_of_eleven_is_zero():
    assert nhs_check_digit("100000006") == 0


def test_nhs_check_digit_of_ten_means_no_valid_number():
    assert nhs_check_digit("100000001") is None


@pytest.mark.parametrize(
    "typed", ["9434765919", "943 476 5919", " 943 476 5919 ", "943-476-5919", "943\t476\t5919"]
)
def test_nhs_number_is_normalised_to_three_three_four_with_spaces(typed):
    assert normalise_nhs_number(typed) == "943 476 5919"


@pytest.mark.parametrize(
    "typed", ["", "943476591", "94347659190", "943 476 591X", "NHS9434765919", "943.476.5919"]
)
def test_nhs_number_without_ten_digits_is_refused(typed):
    with pytest.raises(ValueError, match=NHS_FORMAT):
        normalise_nhs_number(typed)


def test_nhs_number_with_the_wrong_check_digit_is_refused():
    with pytest.raises(ValueError, match=NHS_CHECK):
        normalise_nhs_number("943 476 5918")


@pytest.mark.parametrize("last", [str(digit) for digit in range(10)])
def test_nhs_number_whose_check_digit_would_be_ten_is_always_refused(last):
    with pytest.raises(ValueError, match=NHS_CHECK):
        normalise_nhs_number(f"100000001{last}")


@deterministic
@given(first_nine=st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_any_nhs_number_with_its_check_digit_is_valid_and_any_other_last_digit_is_not(first_nine):
    check = nhs_check_digit(first_nine)
    for last in range(10):
        number = f"{first_nine}{last}"
        if check == last:
            assert normalise_nhs_number(number) == f"{number[:3]} {number[3:6]} {number[6:]}"
        else:
            with pytest.raises(ValueError, match=NHS_CHECK):
                normalise_nhs_number(number)


# UPN ------------------------------------------------------------------------------------------


def test_upn_check_letter_is_the_weighted_sum_modulo_23():
    assert upn_check_letter("801200001001") == "H"


def test_temporary_upn_ending_in_a_letter_has_a_check_letter():
    assert upn_check_letter("80120000100A") == "U"


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("H801200001001", "H801200001001"),
        ("h801200001001", "H801200001001"),
        (" H801 2000 01001 ", "H801200001001"),
        ("U80120000100a", "U80120000100A"),
    ],
)
def test_upn_is_normalised_to_upper_case_without_spaces(typed, canonical):
    assert normalise_upn(typed) == canonical


@pytest.mark.parametrize(
    "typed",
    ["", "801200001001", "H80120000100", "H8012000010011", "HA01200001001", "1801200001001"],
)
def test_malformed_upn_is_refused(typed):
    with pytest.raises(ValueError, match=UPN_FORMAT):
        normalise_upn(typed)


def test_upn_with_the_wrong_check_letter_is_refused():
    with pytest.raises(ValueError, match=UPN_CHECK):
        normalise_upn("A801200001001")


@deterministic
@given(
    digits=st.text(alphabet="0123456789", min_size=11, max_size=11),
    last=st.sampled_from("0123456789" + UPN_CHECK_LETTERS),
    shift=st.integers(min_value=1, max_value=len(UPN_CHECK_LETTERS) - 1),
)
def test_any_upn_with_its_check_letter_is_valid_and_altering_the_letter_fails(digits, last, shift):
    rest = digits + last
    letter = upn_check_letter(rest)
    wrong = UPN_CHECK_LETTERS[(UPN_CHECK_LETTERS.index(letter) + shift) % len(UPN_CHECK_LETTERS)]

    assert normalise_upn(letter + rest) == letter + rest
    with pytest.raises(ValueError, match=UPN_CHECK):
        normalise_upn(wrong + rest)


def test_messages_are_written_for_the_person_typing():
    messages = []
    for normalise, typed in [
        (identifiers.normalise_pnc, "x"),
        (identifiers.normalise_nhs_number, "x"),
        (identifiers.normalise_upn, "x"),
    ]:
        with pytest.raises(ValueError) as raised:
            normalise(typed)
        messages.append(str(raised.value))

    assert all(message.startswith("Enter ") for message in messages)
