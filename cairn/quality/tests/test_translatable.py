"""Every word the countersigning policy page writes is text for translation
(the reader's language), apart from data: the organisation's name, the catalogue's stage labels
and the rating labels, which carry their own Welsh."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from cairn.assessment.tests import factories
from cairn.judgements import presenters as judgement_presenters
from cairn.quality import policy
from cairn.quality.policy import policy_for
from cairn.ui import jinja

pytestmark = pytest.mark.django_db
MARK = "\u27e6"


class MainText(HTMLParser):
    """The text nodes inside <main>, script and style aside."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.depth += 1
        if tag in {"script", "style"}:
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.depth -= 1
        if tag in {"script", "style"}:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip and data.strip():
            self.found.append(data.strip())


def unmarked(html: str, data: set[str]) -> list[str]:
    parser = MainText()
    parser.feed(html)
    return [
        text
        for text in parser.found
        if MARK not in text
        and text not in data
        and not text.strip("⟧.:()– ").isdigit()
        and text.strip("⟧.:()– ")
    ]


def test_the_policy_page_writes_only_text_for_translation(client_for, manager):
    client = client_for(manager)
    client.get("/")  # sign-in's own pages aside
    translation.activate("en")
    catalogue = factories.catalogue()
    data = {manager.organisation.name} | {stage.label.get("en") for stage in catalogue.stages}
    data |= {
        judgement_presenters.rating_label("serious_harm", key, "en")
        for key in policy.MINIMUM_RATINGS
    }
    with_marks = pytest.MonkeyPatch()
    try:
        real = translation._trans.gettext  # type: ignore[attr-defined]
        real_n = translation._trans.ngettext  # type: ignore[attr-defined]
        with_marks.setattr(translation._trans, "gettext", lambda m: f"{MARK}{real(m)}\u27e7")
        with_marks.setattr(
            translation._trans, "ngettext", lambda s, p, n: f"{MARK}{real_n(s, p, n)}\u27e7"
        )
        jinja._translated.cache_clear()
        html = client.get(reverse("quality:policy")).content.decode()
    finally:
        with_marks.undo()
        jinja._translated.cache_clear()

    parser = MainText()
    parser.feed(html)
    assert len([text for text in parser.found if MARK in text]) > 5
    assert unmarked(html, data) == []


def test_a_manager_can_take_back_a_minimum_rating(client_for, manager):
    """ "Ratings never call for countersigning" is a radio of its own: once a rating is chosen,
    a manager can still choose none (a radio cannot be cleared)."""
    client = client_for(manager)
    url = reverse("quality:policy")
    client.post(url, {"stage_types": ["pre_sentence"], "minimum_rating": "high"})
    page = factories.text(client.get(url))
    assert "Ratings never call for countersigning" in page

    assert client.post(url, {"stage_types": [], "minimum_rating": "none"}).status_code == 302

    found = policy_for(manager.organisation_id)
    assert (found.stage_types, found.minimum_rating, found.is_default) == (frozenset(), "", False)
    assert 'value="none" checked' in client.get(url).content.decode()
