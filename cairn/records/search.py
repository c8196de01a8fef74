"""The words a caseload search finds a child by.

Each child's names and identifiers are kept as search terms (`ChildSearchTerm` rows), which
`records.operations` rewrites whenever a child is created or one of `SEARCHED_FIELDS`
changes. Terms and the words people type are normalised the same way: lower case, accents
and apostrophes dropped (so "Sian" finds Siân and "obrien" finds O'Brien). Names are split
into words, and a hyphenated name also into its parts. A typed word finds a child when one of
the child's terms begins with it, so "bren" finds Brennan; the terms' index serves that on
SQLite and PostgreSQL alike, however many children there are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

NAME_FIELDS = ("given_name", "middle_names", "family_name", "preferred_name", "other_names")
IDENTIFIER_FIELDS = ("local_id", "pnc_number", "upn")
SEARCHED_FIELDS = frozenset(NAME_FIELDS + IDENTIFIER_FIELDS)

TERM_LENGTH = 100

_APOSTROPHES = str.maketrans("", "", "'’‘`")
_NAME_WORD = re.compile(r"[\w-]+")
_EDGES = re.compile(r"^[^\w/-]+|[^\w/-]+$")


def normalise(text: str) -> str:
    """Lower case, without accents or apostrophes: "Siân O’Brien" → "sian obrien"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.casefold().translate(_APOSTROPHES)


def terms_for(values: Mapping[str, Any]) -> set[str]:
    """The terms of a child with these field values (a child's names and identifiers)."""
    found: set[str] = set()
    for name in NAME_FIELDS:
        for word in _NAME_WORD.findall(normalise(values.get(name) or "")):
            found.add(word.strip("-"))
            found.update(word.split("-"))
    for name in IDENTIFIER_FIELDS:
        found.add(normalise(values.get(name) or "").replace(" ", ""))
    return {term[:TERM_LENGTH] for term in found if term}


def words(text: str) -> list[str]:
    """The words of a search, normalised as terms are; punctuation around a word is dropped."""
    found = (_EDGES.sub("", word) for word in normalise(text).split())
    return [word[:TERM_LENGTH] for word in found if word]
