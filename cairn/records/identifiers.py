"""The national identifiers on a child's Core Record and their check characters.

- PNC (Police National Computer) ID: ``YY/NNNNNNNC``, a two-digit year, up to seven digits
  and a check letter: ``CHECK_LETTERS[int(YY + NNNNNNN zero-padded) % 23]``.
- NHS number: ten digits, the last a modulus 11 check digit.
- UPN (unique pupil number): a check letter, then twelve characters (LA code, establishment
  number, year, serial; a temporary UPN ends in a letter); the check letter is the weighted
  sum of characters 2-13 (weights 2..13) modulo 23.

Each `normalise_*` returns the canonical form or raises `ValueError` with a message written
for the person typing it.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

PNC_CHECK_LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY"
UPN_CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
_UPN_LETTER_VALUES = {letter: index for index, letter in enumerate(UPN_CHECK_LETTERS)}

_PNC = re.compile(r"^(\d{2}|\d{4})/(\d{1,7})([A-Z])$")
_UPN = re.compile(r"^[A-Z]\d{11}[0-9A-Z]$")


def pnc_check_letter(year: str, serial: str) -> str:
    return PNC_CHECK_LETTERS[int(year[-2:] + serial.zfill(7)) % 23]


def normalise_pnc(value: str) -> str:
    text = value.strip().upper().replace(" ", "")
    match = _PNC.match(text)
    if not match:
        raise ValueError(
            _("Enter a PNC ID in the format 12/1234567A: year, slash, up to 7 digits and a letter")
        )
    year, serial, letter = match.groups()
    if pnc_check_letter(year, serial) != letter:
        raise ValueError(_("Enter a real PNC ID: the check letter does not match the numbers"))
    return f"{year[-2:]}/{serial.zfill(7)}{letter}"


def nhs_check_digit(first_nine: str) -> int | None:
    total = sum(
        int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def normalise_nhs_number(value: str) -> str:
    digits = re.sub(r"[\s-]", "", value)
    if not re.fullmatch(r"\d{10}", digits):
        raise ValueError(_("Enter an NHS number with 10 digits, like 943 476 5919"))
    if nhs_check_digit(digits[:9]) != int(digits[9]):
        raise ValueError(_("Enter a real NHS number: the last digit does not match the others"))
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def upn_check_letter(rest: str) -> str:
    total = 0
    for weight, char in enumerate(rest, start=2):
        total += weight * (int(char) if char.isdigit() else _UPN_LETTER_VALUES.get(char, 0))
    return UPN_CHECK_LETTERS[total % 23]


def normalise_upn(value: str) -> str:
    text = value.strip().upper().replace(" ", "")
    if not _UPN.match(text):
        raise ValueError(_("Enter a UPN as a letter followed by 12 characters, like A123456789012"))
    if upn_check_letter(text[1:]) != text[0]:
        raise ValueError(_("Enter a real UPN: the check letter does not match the rest"))
    return text
