"""The indicative intervention level belongs to court orders (issue 10, item 14): only the
stages of an order (start of order, its reviews, custody and transition) and the pre-sentence
report (whose proposal to the court includes it) make it; out-of-court and bail stages do not.
Nothing Cairn says about the levels sets a minimum number of contacts: current national
standards set none, so contact is left to the order and the service's own policy."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from cairn.assessment.tests.factories import actor, start, text
from cairn.framework import catalogue as catalogues
from cairn.judgements import queries, rules
from cairn.judgements.models import Kind

COURT_ORDER_STAGES = {"pre_sentence", "start_of_order", "review", "custody_entry", "transition"}
CONTACT_MINIMUMS = re.compile(
    r"minimum contact|contact minimum|national standards require|per week|a week|fortnight"
    r"|more frequent contact|the most contact",
    re.IGNORECASE,
)


def test_only_court_order_stages_make_the_intervention_level():
    catalogue = catalogues.load()
    making = {
        stage.key for stage in catalogue.stages if Kind.INTERVENTION_LEVEL in stage.judgements
    }
    assert making == COURT_ORDER_STAGES
    assert {"out_of_court", "bail"}.isdisjoint(making)


@pytest.mark.django_db
@pytest.mark.parametrize("stage_type", ["out_of_court", "bail"])
def test_out_of_court_and_bail_stages_have_no_intervention_level(
    stage_type, child, practitioner, client_for
):
    stage = start(child, actor(practitioner), stage_type)
    assert Kind.INTERVENTION_LEVEL not in queries.kinds_of(stage)
    client = client_for(practitioner)
    level = reverse("judgements:judgement", args=[stage.pk, Kind.INTERVENTION_LEVEL])
    assert client.get(level).status_code == 404
    page = text(client.get(reverse("assessment:stage-detail", args=[stage.pk])))
    assert level not in page
    assert "Indicative intervention level" not in page


def test_the_levels_set_no_contact_minimums():
    for level in rules.active().intervention.levels:
        assert level.definition is not None
        for wording in (level.definition.en, level.definition.cy):
            assert not CONTACT_MINIMUMS.search(wording), wording


@pytest.mark.django_db
def test_the_intervention_page_says_contact_is_set_by_the_order_and_local_policy(
    child, practitioner, client_for
):
    stage = start(child, actor(practitioner), "start_of_order")
    page = text(
        client_for(practitioner).get(
            reverse("judgements:judgement", args=[stage.pk, Kind.INTERVENTION_LEVEL])
        )
    )
    plain = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "Current national standards set no minimum number of contacts" in plain
    assert "set by the order and your service’s own policy" in plain
    assert not CONTACT_MINIMUMS.search(plain)
