"""Caseload pages: whose children appear, search, filters, sorting and pages."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from cairn.accounts.models import Membership, Team
from cairn.records.models import Child
from cairn.records.tests.factories import text

pytestmark = pytest.mark.django_db

MINE = "/caseload/"
TEAM = "/caseload/team/"


def names(response) -> list[str]:
    """The children listed on a caseload page, in order, as "Family, Given"."""
    return re.findall(r'<a class="govuk-link" href="/children/\d+/">([^<]+)</a>', text(response))


@pytest.fixture
def east_team(northshire) -> Team:
    return Team.objects.create(organisation=northshire, name="East team")


@pytest.fixture
def east_practitioner(make_member, northshire, east_team) -> Membership:
    return make_member("eve.east", northshire, Membership.Role.PRACTITIONER, east_team)


@pytest.fixture
def children(make_child, northshire, southmoor, practitioner, manager, east_practitioner):
    """Three Northshire children in two teams, and one Southmoor child."""
    return {
        "kai": make_child(
            northshire,
            "Kai",
            "Brennan",
            case_worker=practitioner.user,
            team=practitioner.team,
            date_of_birth=dt.date(2011, 3, 14),
            pnc_number="12/1234567C",
            legal_status="bail",
            has_exploitation_concern=True,
            exploitation_note="County lines",
        ),
        "lee": make_child(
            northshire,
            "Lee",
            "Carter",
            case_worker=manager.user,
            team=manager.team,
            date_of_birth=dt.date(2010, 7, 1),
            preferred_name="Lenny",
            needs_interpreter=True,
            interpreter_language="Polish",
            looked_after="care_order",
        ),
        "mia": make_child(
            northshire,
            "Mia",
            "Evans",
            case_worker=east_practitioner.user,
            team=east_practitioner.team,
            date_of_birth=dt.date(2012, 1, 5),
            has_risk_to_staff=True,
            risk_to_staff_note="Dog",
            legal_status="community_order",
        ),
        "sam": make_child(southmoor, "Sam", "Brennan", date_of_birth=dt.date(2011, 3, 14)),
    }


def test_my_caseload_shows_only_my_cases(client_for, practitioner, children):
    response = client_for(practitioner).get(MINE)

    assert response.status_code == 200
    assert names(response) == ["Brennan, Kai"]


def test_team_caseload_shows_my_teams_cases(client_for, practitioner, children):
    response = client_for(practitioner).get(TEAM)

    assert names(response) == ["Brennan, Kai", "Carter, Lee"]


def test_manager_team_caseload_shows_the_whole_organisation(client_for, manager, children):
    response = client_for(manager).get(TEAM)

    assert names(response) == ["Brennan, Kai", "Carter, Lee", "Evans, Mia"]


def test_practitioner_in_no_team_sees_the_whole_organisation(
    client_for, make_member, northshire, children
):
    loner = make_member("lou.loner", northshire, Membership.Role.PRACTITIONER)

    response = client_for(loner).get(TEAM)

    assert names(response) == ["Brennan, Kai", "Carter, Lee", "Evans, Mia"]


def test_other_organisations_children_never_appear(
    client_for, other_practitioner, practitioner, children
):
    southmoor_team = client_for(other_practitioner).get(TEAM)
    northshire_search = client_for(practitioner).get(TEAM, {"q": "Brennan"})

    assert names(southmoor_team) == ["Brennan, Sam"]
    assert names(northshire_search) == ["Brennan, Kai"]


def test_caseload_row_shows_case_worker_alerts_and_preferred_name(client_for, manager, children):
    page = text(client_for(manager).get(TEAM))

    assert "known as Lenny" in page
    assert "Exploitation concern" in page
    assert "Interpreter needed" in page
    assert "Pat Tester" in page  # Kai's case worker
    assert "On bail" in page


def test_caseload_counts_the_children_found(client_for, manager, children):
    assert "3 children" in text(client_for(manager).get(TEAM))
    assert "1 child" in text(client_for(manager).get(TEAM, {"q": "Kai"}))
    assert "No children match." in text(client_for(manager).get(TEAM, {"q": "Nobody"}))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kai", ["Brennan, Kai"]),
        ("bren", ["Brennan, Kai"]),
        ("kai brennan", ["Brennan, Kai"]),
        ("Brennan Kai", ["Brennan, Kai"]),
        ("kai carter", []),
        ("Lenny", ["Carter, Lee"]),
        ("  Evans  ", ["Evans, Mia"]),
        ("NOR-00002", ["Carter, Lee"]),
        ("nor-00002", ["Carter, Lee"]),
        ("12/1234567C", ["Brennan, Kai"]),
        ("12/1234567c", ["Brennan, Kai"]),
        ("14/03/2011", ["Brennan, Kai"]),
        ("01/07/2010", ["Carter, Lee"]),
        ("2012-01-05", ["Evans, Mia"]),
        ("5 January 2012", ["Evans, Mia"]),
        ("31/02/2011", []),
    ],
)
def test_search_finds_children_by_name_words_local_id_pnc_or_date_of_birth(
    client_for, manager, children, query, expected
):
    response = client_for(manager).get(TEAM, {"q": query})

    assert response.status_code == 200
    assert names(response) == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"legal_status": "bail"}, ["Brennan, Kai"]),
        ({"legal_status": "community_order"}, ["Evans, Mia"]),
        ({"legal_status": "custody"}, []),
        ({"alert": "exploitation"}, ["Brennan, Kai"]),
        ({"alert": "risk_to_staff"}, ["Evans, Mia"]),
        ({"alert": "interpreter"}, ["Carter, Lee"]),
        ({"alert": "looked_after"}, ["Carter, Lee"]),
        ({"alert": "exploitation", "legal_status": "community_order"}, []),
        ({"alert": "risk_to_staff", "q": "Evans"}, ["Evans, Mia"]),
    ],
)
def test_filters_narrow_the_caseload(client_for, manager, children, params, expected):
    response = client_for(manager).get(TEAM, params)

    assert names(response) == expected


def test_looked_after_filter_leaves_out_care_leavers_and_unclarified(
    client_for, manager, make_child, northshire, children
):
    make_child(northshire, "Ned", "Young", looked_after="care_leaver")
    make_child(northshire, "Ola", "Young", looked_after="yet_to_clarify")
    make_child(northshire, "Pia", "Young", looked_after="section_20")

    response = client_for(manager).get(TEAM, {"alert": "looked_after"})

    assert names(response) == ["Carter, Lee", "Young, Pia"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["Brennan, Kai", "Carter, Lee", "Evans, Mia"]),
        ("-name", ["Evans, Mia", "Carter, Lee", "Brennan, Kai"]),
        ("dob", ["Carter, Lee", "Brennan, Kai", "Evans, Mia"]),
        ("-dob", ["Evans, Mia", "Brennan, Kai", "Carter, Lee"]),
        ("updated", ["Evans, Mia", "Brennan, Kai", "Carter, Lee"]),
        ("-updated", ["Carter, Lee", "Brennan, Kai", "Evans, Mia"]),
    ],
)
def test_caseload_sorts_by_name_date_of_birth_or_last_update(
    client_for, manager, children, sort, expected
):
    now = timezone.now()
    for days, key in [(3, "mia"), (2, "kai"), (1, "lee")]:
        Child.objects.filter(pk=children[key].pk).update(updated_at=now - dt.timedelta(days=days))

    response = client_for(manager).get(TEAM, {"sort": sort})

    assert names(response) == expected


def test_sort_links_keep_the_search_and_filters(client_for, manager, children):
    page = text(
        client_for(manager).get(TEAM, {"q": "Kai Brennan", "alert": "exploitation", "sort": "name"})
    )

    assert "?q=Kai%20Brennan&legal_status=&alert=exploitation&sort=-name" in page


@pytest.fixture
def thirty_children(make_child, northshire, manager, settings):
    settings.CAIRN_PAGE_SIZE = 25
    return [
        make_child(
            northshire, "Child", f"Number{index:02d}", case_worker=manager.user, team=manager.team
        )
        for index in range(30)
    ]


def test_caseload_shows_25_children_a_page(client_for, manager, thirty_children):
    client = client_for(manager)

    first = client.get(MINE)
    second = client.get(MINE, {"page": 2})

    assert names(first) == [f"Number{index:02d}, Child" for index in range(25)]
    assert names(second) == [f"Number{index:02d}, Child" for index in range(25, 30)]
    assert "30 children" in text(first)


def test_pagination_links_keep_the_search(client_for, manager, thirty_children):
    page = text(client_for(manager).get(MINE, {"q": "Child", "sort": "-name"}))

    assert 'href="?q=Child&sort=-name&page=2"' in page


def test_page_beyond_the_last_shows_the_last_page(client_for, manager, thirty_children):
    response = client_for(manager).get(MINE, {"page": 999})

    assert response.status_code == 200
    assert names(response) == [f"Number{index:02d}, Child" for index in range(25, 30)]


@pytest.mark.parametrize(
    "params",
    [
        {"sort": "evil"},
        {"sort": "family_name; DROP TABLE records_child"},
        {"page": "999"},
        {"page": "-1"},
        {"page": "abc"},
        {"page": ""},
        {"alert": "xyz"},
        {"legal_status": "xyz"},
        {"q": "x" * 500},
        {"q": "%"},
        {"q": "_"},
        {"q": "31/02/2020"},
        {"q": "<script>alert(1)</script>"},
        {"q": "\u00e9\u00e8 \u2019"},
    ],
)
@pytest.mark.parametrize("url", [MINE, TEAM])
def test_junk_query_parameters_never_break_the_page(client_for, manager, children, url, params):
    response = client_for(manager).get(url, params)

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_unknown_sort_falls_back_to_name(client_for, manager, children):
    response = client_for(manager).get(TEAM, {"sort": "evil"})

    assert names(response) == ["Brennan, Kai", "Carter, Lee", "Evans, Mia"]


def test_unknown_filters_are_ignored(client_for, manager, children):
    response = client_for(manager).get(TEAM, {"alert": "xyz", "legal_status": "evil"})

    assert names(response) == ["Brennan, Kai", "Carter, Lee", "Evans, Mia"]


def test_search_wildcards_are_taken_literally(client_for, manager, children):
    assert names(client_for(manager).get(TEAM, {"q": "%"})) == []
    assert names(client_for(manager).get(TEAM, {"q": "_"})) == []


@pytest.mark.parametrize(
    "who", ["secure_staff", "partner_viewer", "placements_officer", "administrator"]
)
@pytest.mark.parametrize("url", [MINE, TEAM])
def test_caseloads_are_for_youth_justice_staff_only(client_for, request, url, who):
    response = client_for(request.getfixturevalue(who)).get(url)

    assert response.status_code == 403


def test_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.get(MINE)

    assert response.status_code == 302
    assert "sign-in" in response["Location"]


def test_inactive_membership_sees_no_caseload(client_for, practitioner, children):
    Membership.objects.filter(pk=practitioner.pk).update(is_active=False)

    response = client_for(practitioner).get(MINE)

    assert response.status_code == 403
