"""Caseload search by the words of names and identifiers, through kept search terms."""

from __future__ import annotations

import pytest

from cairn.audit.operations import Actor
from cairn.records import operations, queries, search
from cairn.records.models import ChildSearchTerm

pytestmark = pytest.mark.django_db


def found(membership, text: str) -> list[str]:
    children = queries.caseload(
        membership, scope="team", filters=queries.CaseloadFilter(search=text)
    )
    return [child.full_name for child in children]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Siân", {"sian"}),
        ("O’Brien", {"obrien"}),
        ("Mary-Jane", {"mary-jane", "mary", "jane"}),
        ("  Zoë  Ann ", {"zoe", "ann"}),
        ("Jo, Joey", {"jo", "joey"}),
        ("Straße", {"strasse"}),
    ],
)
def test_names_become_normalised_words(name, expected):
    assert search.terms_for({"given_name": name}) == expected


def test_identifiers_are_whole_terms_without_spaces():
    assert search.terms_for({"local_id": "NOR-00002", "pnc_number": "12/1234567C"}) == {
        "nor-00002",
        "12/1234567c",
    }


def test_typed_words_are_normalised_like_terms():
    assert search.words(" Siân  O'Brien, ") == ["sian", "obrien"]
    assert search.words("% _ ’") == ["_"]


@pytest.fixture
def people(make_child, northshire, manager):
    return [
        make_child(northshire, "Siân", "O’Brien", team=manager.team),
        make_child(northshire, "Mary-Jane", "Smith", middle_names="Rose", team=manager.team),
        make_child(northshire, "Kai", "van der Berg", preferred_name="KJ", team=manager.team),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sian", ["Siân O’Brien"]),
        ("SIÂN", ["Siân O’Brien"]),
        ("o'brien", ["Siân O’Brien"]),
        ("obr", ["Siân O’Brien"]),
        ("jane", ["Mary-Jane Smith"]),
        ("mary-jane smith", ["Mary-Jane Smith"]),
        ("rose", ["Mary-Jane Smith"]),
        ("berg", ["Kai van der Berg"]),
        ("kj", ["Kai van der Berg"]),
        ("brien", []),  # a word is found from its start, not from its middle
        ("smith siân", []),
        ("%", []),
    ],
)
def test_search_finds_each_word_at_the_start_of_a_name(manager, people, text, expected):
    assert found(manager, text) == expected


def test_search_finds_a_local_id_from_its_start(manager, people):
    local_id = people[0].local_id

    assert found(manager, local_id.lower()) == ["Siân O’Brien"]
    assert set(found(manager, local_id[:4])) == {
        "Siân O’Brien",
        "Mary-Jane Smith",
        "Kai van der Berg",
    }


def test_a_changed_name_is_found_by_its_new_words_only(manager, people):
    child = people[0]

    operations.update_record(
        by=Actor.system(child.organisation),
        obj=child,
        data={"given_name": "Ffion", "family_name": "Evans"},
        version=child.version,
        part="personal_details",
    )

    assert found(manager, "ffion evans") == ["Ffion Evans"]
    assert found(manager, "sian") == []
    assert found(manager, "obrien") == []


def test_a_change_to_other_fields_leaves_the_terms_alone(manager, people):
    child = people[0]
    before = set(ChildSearchTerm.objects.filter(child=child).values_list("pk", flat=True))

    operations.update_record(
        by=Actor.system(child.organisation),
        obj=child,
        data={"pronouns": "she/her"},
        version=child.version,
        part="personal_details",
    )

    assert set(ChildSearchTerm.objects.filter(child=child).values_list("pk", flat=True)) == before


def test_terms_are_the_childs_own(manager, people, make_child, southmoor):
    make_child(southmoor, "Siân", "Jones")

    assert found(manager, "sian") == ["Siân O’Brien"]
