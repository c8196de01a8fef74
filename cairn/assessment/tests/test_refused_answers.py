"""A refused answer is never lost: long answers show the GOV.UK character count with the limit
the server enforces, and an answer the server refuses comes back, as it was typed, with its
error (the section form without JavaScript, and the autosave, which leaves the box alone)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

from cairn.assessment import answers, operations
from cairn.assessment.models import Answer
from cairn.assessment.presenters import element_id
from cairn.assessment.tests.factories import actor, answer, pick, start, text, valid_value

pytestmark = pytest.mark.django_db

HUNDRED_THOUSAND = "Kai told me about his week. " * 3572  # 100,016 characters


@pytest.fixture
def client(client_for, practitioner):
    return client_for(practitioner)


@pytest.fixture
def stage(child, practitioner):
    return start(child, actor(practitioner))


@pytest.fixture
def long_question():
    return pick(kinds=("long_text",), required=True)


def section_url(stage, section_key):
    return reverse("assessment:section", args=[stage.pk, section_key])


def test_a_long_answer_has_a_character_count_with_the_limit_the_server_enforces(
    client, stage, long_question
):
    page = client.get(section_url(stage, long_question.section_key)).content.decode()

    box = element_id(long_question.key)
    group = re.search(r'<div class="govuk-form-group govuk-character-count"[^>]*>', page)
    assert group, "no character count on the section page"
    assert f'data-maxlength="{answers.LONG_TEXT_LIMIT}"' in group.group(0)
    assert re.search(
        rf'<textarea[^>]*class="[^"]*govuk-js-character-count[^"]*"[^>]*id="{box}"', page
    )
    assert "You can enter up to 20000 characters" in page


def test_the_character_count_speaks_welsh_to_a_welsh_reader(client, stage, long_question):
    with translation.override("cy"):
        page = client.get(
            section_url(stage, long_question.section_key), HTTP_ACCEPT_LANGUAGE="cy"
        ).content.decode()

    group = re.search(r'<div class="govuk-form-group govuk-character-count"[^>]*>', page)
    assert group
    # Every plural form Welsh has, so the script never falls back to English.
    for form in ("zero", "one", "two", "few", "many", "other"):
        assert f"data-i18n.characters-under-limit.{form}=" in group.group(0)


def test_a_hundred_thousand_characters_are_refused_and_shown_back_without_javascript(
    client, stage, long_question
):
    response = client.post(
        section_url(stage, long_question.section_key),
        {
            "action": "continue",
            long_question.key: HUNDRED_THOUSAND,
            f"version:{long_question.key}": "0",
        },
    )

    assert response.status_code == 400
    page = text(response)
    assert HUNDRED_THOUSAND.strip() in page
    assert "20,000 characters or fewer" in page
    assert 'class="govuk-form-group govuk-form-group--error govuk-character-count"' in page
    assert not Answer.objects.filter(stage=stage, key=long_question.key).exists()


def test_the_autosave_refuses_a_hundred_thousand_characters_and_says_so(
    client, stage, long_question
):
    response = client.post(
        reverse("assessment:autosave", args=[stage.pk, long_question.key]),
        {long_question.key: HUNDRED_THOUSAND, f"version:{long_question.key}": "0"},
        HTTP_HX_REQUEST="true",
    )

    assert "cairn-save-status--error" in response.content.decode()
    assert "20,000 characters or fewer" in text(response)
    assert not Answer.objects.filter(stage=stage, key=long_question.key).exists()


def test_a_refused_list_keeps_every_entry_as_it_was_typed(client, child, practitioner):
    listed = pick("pre_sentence", kinds=("list",))
    stage = start(child, actor(practitioner), "pre_sentence")
    short, too_long = "Goes to football on Saturdays", "y" * (answers.TEXT_LIMIT + 1)
    first_text = next(item.key for item in listed.items if item.kind == "text")

    response = client.post(
        section_url(stage, listed.section_key),
        {
            "action": "continue",
            f"{listed.key}.0.{first_text}": short,
            f"{listed.key}.1.{first_text}": too_long,
            f"version:{listed.key}": "0",
        },
    )

    assert response.status_code == 400
    page = text(response)
    assert short in page
    assert too_long in page


def test_a_refused_list_entry_is_named_in_the_readers_language(client, child, practitioner):
    listed = pick("pre_sentence", kinds=("list",))
    stage = start(child, actor(practitioner), "pre_sentence")
    item = next(item for item in listed.items if item.kind == "text")
    client.cookies["cairn_language"] = "cy"

    response = client.post(
        section_url(stage, listed.section_key),
        {
            "action": "continue",
            f"{listed.key}.0.{item.key}": "Chwarae pêl-droed",
            f"{listed.key}.1.{item.key}": "y" * (answers.TEXT_LIMIT + 1),
            f"version:{listed.key}": "0",
        },
    )

    page = text(response)
    assert f"{item.label.cy} (2):" in page
    assert f"{item.label.en} (2):" not in page


def test_an_answers_history_notes_read_in_the_readers_language(client, child, practitioner):
    pat = actor(practitioner)
    choice = pick(kinds=("choice",), required=True)
    first = start(child, pat)
    answer(first, choice, valid_value(choice), pat)
    review = start(child, pat, "pre_sentence")
    current = Answer.objects.get(stage=review, key=choice.key)
    operations.confirm_answer(by=pat, stage=review, key=choice.key, version=current.version)
    client.cookies["cairn_language"] = "cy"

    page = text(client.get(reverse("assessment:answer-history", args=[review.pk, choice.key])))

    assert "(wedi’i gario ymlaen)" in page
    assert "(wedi’i gadarnhau)" in page
    assert "(confirmed)" not in page
