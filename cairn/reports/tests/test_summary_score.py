"""The adult model's band is not the judgement (issue 10, item 12): the one-page summary, which
partners see, shows the practitioner's rating of the likelihood of reoffending as the judgement,
and the score only with its caveat (the model named, indicative), never OGRS3's adult band as
if it were a rating or a proposal."""

from __future__ import annotations

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from cairn.accounts.models import Membership
from cairn.judgements.models import Judgement, Kind
from cairn.records.access import Access
from cairn.records.models import Child
from cairn.reports import summary
from cairn.reports.tests.builders import MODEL_LABEL

pytestmark = pytest.mark.django_db


def test_the_reoffending_line_is_the_rating_with_the_score_beside_it(
    assessed_child: Child,
) -> None:
    found = summary.summary_for(assessed_child, Access.EDIT)
    [line] = [line for line in found.judgements if line.kind == Kind.REOFFENDING]
    assert line.rating == "High"  # the practitioner's
    assert line.proposed == ""  # the band is not offered as the judgement
    assert not line.differs
    assert line.score is not None
    assert line.score.model_label == MODEL_LABEL


def test_the_summary_page_never_shows_the_adult_band(
    assessed_child: Child, client_for, practitioner: Membership
) -> None:
    judgement = Judgement.objects.get(stage__child=assessed_child, kind=Kind.REOFFENDING)
    band = judgement.detail["band_label"]["en"]
    client: Client = client_for(practitioner)

    page = html.unescape(
        client.get(reverse("reports:summary", args=[assessed_child.pk])).content.decode()
    )

    table = re.search(
        r'<table class="govuk-table cairn-summary__judgements">.*?</table>', page, re.S
    )
    assert table is not None
    row = re.search(r"Likelihood of reoffending</th>(.*?)</tr>", table.group(0), re.S)
    assert row is not None
    text = " ".join(re.sub(r"<[^>]+>", " ", row.group(1)).split())
    percent = judgement.detail["percent_2_years"]
    assert text.startswith("High – Indicative score from " + MODEL_LABEL)
    assert f"{percent}% of people with the same history were proven to reoffend" in text
    assert "It is not this child’s rating: the rating is the practitioner’s." in text
    assert "band" not in text.lower()
    assert f"({band.lower()})" not in text.lower()
