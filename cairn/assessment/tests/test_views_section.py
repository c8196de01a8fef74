"""Section pages: questions, pulled-through facts, saving without JavaScript, autosave, confirming."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from cairn.assessment import facts, operations
from cairn.assessment.models import Answer, AnswerRevision, SectionMark, Stage
from cairn.assessment.presenters import element_id
from cairn.assessment.tests.factories import (
    LIGHT,
    actor,
    answer,
    answer_everything_required,
    catalogue,
    events,
    fill_core_record,
    form_fields,
    hidden_version,
    pick,
    section_answers,
    section_with_follow_up,
    sections_of,
    stage_type_asking,
    start,
    text,
    valid_value,
)

pytestmark = pytest.mark.django_db

FULL = next(stage.key for stage in catalogue().stages if stage.depth == "full")
LIGHT_SECTIONS = [section.key for section, _ in sections_of(LIGHT)]


@pytest.fixture
def pat(practitioner):
    return actor(practitioner)


@pytest.fixture
def mo(manager):
    return actor(manager)


@pytest.fixture
def client(client_for, practitioner):
    return client_for(practitioner)


@pytest.fixture
def stage(child, pat):
    return start(child, pat)


@pytest.fixture
def choice():
    """The first required choice question of the first section of the light stage type."""
    return pick(kinds=("choice",), required=True)


@pytest.fixture
def notes():
    """A required long-text question in the same section."""
    first = pick(kinds=("choice",), required=True)
    return pick(kinds=("long_text",), required=True, section=first.section_key)


def url(name, *args):
    return reverse(f"assessment:{name}", args=args)


def section_url(stage, key):
    return url("section", stage.pk, key)


def map_of(page):
    return page.split('id="completion-map"', 1)[1].split("</nav>", 1)[0]


def map_entry(page, stage, section_key):
    entry = (
        map_of(page).split(f'href="{section_url(stage, section_key)}"', 1)[1].split("</li>", 1)[0]
    )
    return " ".join(re.sub(r"<[^>]+>", " ", entry).split())


def display(question, value):
    from cairn.assessment.answers import display as shown

    return shown(question, value)


# Reading a section


@pytest.mark.parametrize("section_key", LIGHT_SECTIONS)
def test_every_section_of_a_light_stage_renders_with_the_completion_map(client, stage, section_key):
    response = client.get(section_url(stage, section_key))

    page = text(response)
    assert response.status_code == 200
    assert 'id="completion-map"' in page
    assert catalogue().section(section_key).title.en in page
    assert f'href="{section_url(stage, section_key)}" aria-current="location"' in page
    for key in LIGHT_SECTIONS:
        assert section_url(stage, key) in map_of(page)


@pytest.mark.parametrize("section_key", LIGHT_SECTIONS)
def test_a_section_page_asks_its_core_questions_and_not_its_full_ones(client, stage, section_key):
    section = catalogue().section(section_key)

    page = text(client.get(section_url(stage, section_key)))

    for question in section.questions:
        if not question.asked_in(stage.stage_type):  # another stage type's question
            assert f'name="version:{question.key}"' not in page
        elif question.show_if is None and question.depth in {"core", "further"}:
            assert question.label.en in page
        if question.depth == "full":
            assert f'name="version:{question.key}"' not in page


def test_a_section_the_stage_does_not_ask_is_not_found(client, stage):
    other = next(s.key for s in catalogue().sections if s.key not in LIGHT_SECTIONS)

    assert client.get(section_url(stage, other)).status_code == 404
    assert client.get(section_url(stage, "no_such_section")).status_code == 404


def test_a_pulled_through_fact_is_shown_read_only_with_a_link_to_change_it(client, child, stage):
    fill_core_record(child)
    record = facts.prefetched(child.pk)
    question = pick(
        pulled=True, where=lambda q: bool(facts.read_facts(record, {q.source}).get(q.source))
    )
    fact = facts.FACTS[question.source]
    change = reverse(
        "records:child-section" if fact.is_section else "records:part-edit",
        args=[child.pk, fact.part],
    )

    page = text(client.get(section_url(stage, question.section_key)))

    block = page.split(f'id="question-{element_id(question.key)}"', 1)[1].split(
        'class="cairn-question', 1
    )[0]
    assert facts.read_facts(record, {question.source})[question.source] in block
    assert "From the Core Record" in block
    assert f'href="{change}">Change in the Core Record' in block
    assert f'name="{question.key}"' not in page
    assert "hx-post" not in block.split(">", 1)[0]


def test_a_pulled_through_fact_missing_from_the_core_record_says_so(client, stage):
    question = pick(pulled=True, section=LIGHT_SECTIONS[0])

    page = text(client.get(section_url(stage, question.section_key)))

    block = page.split(f'id="question-{element_id(question.key)}"', 1)[1]
    assert question.label.en in block
    assert "Change in the Core Record" in block


def test_a_follow_up_appears_once_its_condition_holds(client, stage, pat):
    section, controller, follow_up = section_with_follow_up()
    page = text(client.get(section_url(stage, section.key)))
    assert follow_up.label.en not in page

    answer(stage, controller, follow_up.show_if.equals, pat)

    page = text(client.get(section_url(stage, section.key)))
    assert follow_up.label.en in page


def test_questions_shown_since_the_last_visit_are_marked_new(client, stage, pat):
    section, controller, follow_up = section_with_follow_up()
    client.get(section_url(stage, section.key))
    answer(stage, controller, follow_up.show_if.equals, pat)

    page = text(client.get(section_url(stage, section.key)))

    block = page.split(f'id="question-{element_id(follow_up.key)}"', 1)[1].split("</div>", 1)[0]
    assert "New question" in block
    assert "1 new question" in map_entry(page, stage, section.key)
    assert "New question" not in text(client.get(section_url(stage, section.key)))


def test_deepening_marks_the_full_questions_new_for_someone_who_saw_the_section(client, stage, pat):
    question = pick(depth="full", required=True, where=lambda q: q.kind != "list")
    client.get(section_url(stage, question.section_key))

    operations.deepen_stage(by=pat, stage=stage)

    page = text(client.get(url("stage-detail", stage.pk)))
    assert "new question" in map_entry(page, stage, question.section_key)


def test_carried_forward_answers_wait_for_confirmation(client, child, stage, pat, choice):
    answer(stage, choice, valid_value(choice), pat)
    review = start(child, pat, FULL)

    page = text(client.get(section_url(review, choice.section_key)))

    assert "Carried forward from the" in page
    assert "Confirm the carried-forward answers shown on this page" in page
    assert f'name="shown" value="{choice.key}:1"' in page
    assert f'name="confirm" value="{choice.key}"' in page


def test_confirming_one_answer_without_javascript_keeps_the_other_edits(
    client, child, stage, pat, choice, notes
):
    answer(stage, choice, valid_value(choice), pat)
    review = start(child, pat, FULL)
    data = {"confirm": choice.key}
    data.update(form_fields(choice, valid_value(choice), 1))
    data.update(form_fields(notes, "Written before confirming", 0))

    response = client.post(section_url(review, choice.section_key), data)

    assert response.status_code == 302
    assert Answer.objects.get(stage=review, key=choice.key).is_confirmed
    assert Answer.objects.get(stage=review, key=notes.key).value == "Written before confirming"


# Saving a section without JavaScript


def post_section(client, stage, section_key, answers, versions=None, action="continue"):
    data = {"action": action}
    versions = versions or {}
    for key, value in answers.items():
        question = catalogue().question(key)
        data.update(form_fields(question, value, versions.get(key, 0)))
    return client.post(section_url(stage, section_key), data)


def test_saving_a_section_saves_each_answer_and_moves_to_the_next_section(
    client, stage, choice, notes
):
    response = post_section(
        client, stage, choice.section_key, {choice.key: valid_value(choice), notes.key: "Settled"}
    )

    position = LIGHT_SECTIONS.index(choice.section_key)
    assert response.status_code == 302
    assert response["Location"] == section_url(stage, LIGHT_SECTIONS[position + 1])
    assert Answer.objects.get(stage=stage, key=choice.key).value == valid_value(choice)
    assert Answer.objects.get(stage=stage, key=notes.key).value == "Settled"
    assert "Your answers have been saved" in text(client.get(response["Location"]))


def test_a_list_question_saves_its_entries_from_the_form(client, child, pat):
    stage_type = stage_type_asking("list")
    question = pick(stage_type, kinds=("list",))
    full = start(child, pat, stage_type)
    entry = valid_value(question)[0]

    response = post_section(client, full, question.section_key, {question.key: [entry, {}]})

    assert response.status_code == 302
    assert Answer.objects.get(stage=full, key=question.key).value == [entry]
    page = text(client.get(section_url(full, question.section_key)))
    assert f'name="{question.key}.1.{question.items[0].key}"' in page  # room to add another


def test_saving_the_last_section_moves_to_what_is_left(client, stage):
    response = post_section(client, stage, LIGHT_SECTIONS[-1], {})

    assert response["Location"] == url("left", stage.pk)


def test_saving_a_section_saves_only_the_answers_that_changed(client, stage, pat, choice, notes):
    answer(stage, notes, "Settled", pat)

    post_section(
        client,
        stage,
        choice.section_key,
        {choice.key: valid_value(choice), notes.key: "Settled"},
        {notes.key: 1},
    )

    assert Answer.objects.get(stage=stage, key=notes.key).version == 1
    assert AnswerRevision.objects.filter(stage=stage, key=notes.key).count() == 1
    assert Answer.objects.get(stage=stage, key=choice.key).version == 1


def test_saving_a_section_leaves_questions_the_form_did_not_carry(
    client, stage, pat, choice, notes
):
    answer(stage, notes, "Settled", pat)

    post_section(client, stage, choice.section_key, {choice.key: valid_value(choice)})

    assert Answer.objects.get(stage=stage, key=notes.key).value == "Settled"


def test_clearing_an_answer_in_the_form_saves_it_as_empty(client, stage, pat, choice):
    answer(stage, choice, valid_value(choice), pat)

    post_section(client, stage, choice.section_key, {choice.key: None}, {choice.key: 1})

    saved = Answer.objects.get(stage=stage, key=choice.key)
    assert (saved.value, saved.version) == (None, 2)


def test_an_invalid_answer_is_refused_with_the_error_summary_and_not_saved(client, stage, choice):
    response = post_section(client, stage, choice.section_key, {choice.key: "not_an_option"})

    page = text(response)
    assert response.status_code == 400
    assert "There is a problem" in page
    assert "govuk-error-summary" in page
    assert f'href="#{element_id(choice.key)}"' in page
    assert f"{choice.label.en}: Choose one of the options" in page
    assert not Answer.objects.filter(stage=stage).exists()
    assert not AnswerRevision.objects.filter(stage=stage).exists()


def test_an_invalid_answer_keeps_the_valid_answers_saved_beside_it(client, stage, choice, notes):
    """Nothing is ever blocked from saving: one bad answer does not lose the others."""
    response = post_section(
        client, stage, choice.section_key, {choice.key: "not_an_option", notes.key: "Settled"}
    )

    assert response.status_code == 400
    assert Answer.objects.get(stage=stage, key=notes.key).value == "Settled"
    assert hidden_version(response, notes.key) == "1"
    assert not Answer.objects.filter(stage=stage, key=choice.key).exists()


def test_an_over_long_answer_is_shown_back_with_its_error(client, stage, notes):
    too_long = "x" * 20_001

    response = post_section(client, stage, notes.section_key, {notes.key: too_long})

    assert response.status_code == 400
    assert too_long in text(response)
    assert "20,000 characters or fewer" in text(response)


def test_a_stale_save_shows_both_answers_and_saves_neither_over_the_other(
    client, stage, mo, choice
):
    theirs, mine = valid_value(choice, 0), valid_value(choice, 1)
    answer(stage, choice, theirs, mo)

    response = post_section(client, stage, choice.section_key, {choice.key: mine}, {choice.key: 0})

    page = text(response)
    assert response.status_code == 409
    assert "Some answers were not saved" in page
    assert re.search(rf'cairn-conflict__theirs">\s*{re.escape(display(choice, theirs))}\s*<', page)
    assert re.search(rf'cairn-conflict__yours">\s*{re.escape(display(choice, mine))}\s*<', page)
    assert "Mo Tester" in page
    assert Answer.objects.get(stage=stage, key=choice.key).value == theirs
    assert hidden_version(response, choice.key) == "1"


def test_saving_again_after_a_conflict_replaces_their_answer(client, stage, mo, choice):
    answer(stage, choice, valid_value(choice, 0), mo)
    refused = post_section(
        client, stage, choice.section_key, {choice.key: valid_value(choice, 1)}, {choice.key: 0}
    )

    again = post_section(
        client,
        stage,
        choice.section_key,
        {choice.key: valid_value(choice, 1)},
        {choice.key: int(hidden_version(refused, choice.key))},
    )

    assert again.status_code == 302
    assert Answer.objects.get(stage=stage, key=choice.key).value == valid_value(choice, 1)


def test_a_stale_form_does_not_conflict_over_an_answer_the_person_left_alone(
    client, stage, pat, mo, choice, notes
):
    answer(stage, notes, "Settled", pat)
    opened = int(hidden_version(client.get(section_url(stage, notes.section_key)), notes.key))
    answer(stage, notes, "Moved to Nan's on Friday", mo)

    response = post_section(
        client,
        stage,
        choice.section_key,
        {choice.key: valid_value(choice), notes.key: "Settled"},
        {notes.key: opened},
    )

    assert response.status_code == 302
    assert Answer.objects.get(stage=stage, key=notes.key).value == "Moved to Nan's on Friday"
    assert Answer.objects.get(stage=stage, key=choice.key).value == valid_value(choice)


def test_save_and_mark_complete_marks_the_section_and_the_map_says_complete(client, stage):
    section_key = LIGHT_SECTIONS[0]
    values = section_answers(LIGHT, stage.depth, section_key)

    response = post_section(client, stage, section_key, values, action="complete")

    assert response.status_code == 302
    assert SectionMark.objects.filter(stage=stage, section=section_key).exists()
    page = text(client.get(section_url(stage, section_key)))
    assert map_entry(page, stage, section_key).endswith("Complete")


def test_changing_an_answer_after_marking_complete_unmarks_the_section(client, stage):
    section_key = LIGHT_SECTIONS[0]
    values = section_answers(LIGHT, stage.depth, section_key)
    post_section(client, stage, section_key, values, action="complete")
    key = next(iter(values))
    question = catalogue().question(key)
    changed = next(v for n in range(1, 6) if (v := valid_value(question, n)) != values[key])

    post_section(client, stage, section_key, {key: changed}, {key: 1})

    assert not SectionMark.objects.filter(stage=stage, section=section_key).exists()
    page = text(client.get(section_url(stage, section_key)))
    assert "Complete" not in map_entry(page, stage, section_key).replace("mark complete", "")


def test_marking_complete_with_required_questions_missing_names_and_links_each_one(
    client, stage, choice, notes
):
    response = post_section(
        client, stage, choice.section_key, {choice.key: valid_value(choice)}, action="complete"
    )

    page = text(response)
    assert response.status_code == 400
    assert not SectionMark.objects.filter(stage=stage).exists()
    assert Answer.objects.get(stage=stage, key=choice.key).value == valid_value(choice)
    summary = page.split("govuk-error-summary", 1)[1].split("</ul>", 1)[0]
    assert "Answer the required questions before marking this section complete" in summary
    assert f'href="#{element_id(notes.key)}"' in summary
    assert notes.label.en in summary
    assert f'href="#{element_id(choice.key)}"' not in summary  # answered
    assert f'id="{element_id(notes.key)}"' in page  # the link's target, with its error
    assert "Answer this question to mark the section complete" in page.split(summary, 1)[1]


def test_saving_a_section_of_an_ended_stage_changes_nothing(client, stage, pat, choice):
    operations.end_stage(by=pat, stage=stage, status=Stage.Status.STOPPED, reason="Moved")

    response = post_section(client, stage, choice.section_key, {choice.key: valid_value(choice)})

    assert response["Location"] == section_url(stage, choice.section_key)
    assert not Answer.objects.filter(stage=stage).exists()
    assert "its answers cannot change" in text(client.get(response["Location"]))


def test_a_pulled_through_question_posted_in_the_form_is_ignored(client, stage):
    pulled = pick(pulled=True)

    response = client.post(
        section_url(stage, pulled.section_key),
        {pulled.key: "Elsewhere", f"version:{pulled.key}": "0"},
    )

    assert response.status_code == 302
    assert not Answer.objects.filter(stage=stage).exists()


def test_a_completed_stage_shows_its_answers_and_no_form(client, stage, pat, choice):
    answer_everything_required(stage, pat)
    operations.complete_stage(by=pat, stage=stage)

    page = text(client.get(section_url(stage, choice.section_key)))

    assert "Save and continue" not in page
    assert "hx-post" not in page
    assert display(choice, Answer.objects.get(stage=stage, key=choice.key).value) in page


def test_a_completed_stage_shows_the_core_record_facts_as_they_were_when_it_was_completed(
    client, child, stage, pat
):
    fill_core_record(child)
    record = facts.prefetched(child.pk)
    question = pick(
        pulled=True, where=lambda q: bool(facts.read_facts(record, {q.source}).get(q.source))
    )
    then = facts.read_facts(record, {question.source})[question.source]
    answer_everything_required(stage, pat)
    operations.complete_stage(by=pat, stage=stage)
    child.addresses.update(line_1="99 New Road")
    child.contacts.update(name="Sam Someone")
    child.offences.update(description="Something else")

    page = text(client.get(section_url(stage, question.section_key)))

    block = page.split(f'id="question-{element_id(question.key)}"', 1)[1].split(
        'class="cairn-question', 1
    )[0]
    assert then in block


# Autosave


def autosave(client, stage, question, value, version):
    return client.post(
        url("autosave", stage.pk, question.key), form_fields(question, value, version)
    )


def test_autosave_saves_one_answer_and_sends_back_its_new_version(client, stage, choice):
    response = autosave(client, stage, choice, valid_value(choice), 0)

    page = text(response)
    assert response.status_code == 200
    assert "Saved at" in page
    version_input = re.search(
        rf'<input[^>]*name="version:{re.escape(choice.key)}"[^>]*>', page
    ).group(0)
    assert 'value="1"' in version_input
    assert 'hx-swap-oob="true"' in version_input
    assert 'id="completion-map"' in page
    assert Answer.objects.get(stage=stage, key=choice.key).version == 1


def test_autosave_again_from_the_new_version_saves(client, stage, choice):
    autosave(client, stage, choice, valid_value(choice, 0), 0)

    response = autosave(client, stage, choice, valid_value(choice, 1), 1)

    assert 'value="2"' in text(response)
    assert Answer.objects.get(stage=stage, key=choice.key).value == valid_value(choice, 1)


def test_autosave_of_a_stale_version_answers_with_a_conflict_naming_both_values(
    client, stage, mo, choice
):
    theirs, mine = valid_value(choice, 0), valid_value(choice, 1)
    answer(stage, choice, theirs, mo)

    response = autosave(client, stage, choice, mine, 0)

    page = text(response)
    assert response.status_code == 200
    assert response["HX-Trigger"] == "cairn:conflict"
    assert "Not saved: Mo Tester changed this" in page
    assert f'cairn-conflict__theirs">{display(choice, theirs)}<' in page
    assert f'cairn-conflict__yours">{display(choice, mine)}<' in page
    assert "Keep mine" in page
    assert Answer.objects.get(stage=stage, key=choice.key).value == theirs


def test_autosave_of_an_invalid_answer_says_not_saved(client, stage, choice):
    response = autosave(client, stage, choice, "not_an_option", 0)

    page = text(response)
    assert response.status_code == 200
    assert "Not saved: Choose one of the options" in page
    assert not Answer.objects.filter(stage=stage).exists()


def test_autosave_on_an_ended_stage_says_it_cannot_change(client, stage, pat, choice):
    operations.end_stage(by=pat, stage=stage, status=Stage.Status.STOPPED, reason="Moved")

    response = autosave(client, stage, choice, valid_value(choice), 0)

    assert "This stage can no longer be changed" in text(response)
    assert not Answer.objects.filter(stage=stage).exists()


def test_autosave_of_a_pulled_through_or_unknown_question_is_not_found(client, stage):
    pulled = pick(pulled=True)

    assert client.post(url("autosave", stage.pk, pulled.key), {pulled.key: "x"}).status_code == 404
    assert client.post(url("autosave", stage.pk, "nowhere.nothing"), {}).status_code == 404
    assert not Answer.objects.filter(stage=stage).exists()


def test_autosave_only_accepts_posts(client, stage, choice):
    assert client.get(url("autosave", stage.pk, choice.key)).status_code == 405


def test_autosave_coaches_analysis_in_a_description_answer(client, stage):
    question = pick(kinds=("long_text",), where=lambda q: q.nature == "description")

    response = autosave(client, stage, question, "He stays out late because his friends do.", 0)

    assert "This reads like analysis (‘because’)" in text(response)


def test_autosave_unmarks_a_section_marked_complete(client, stage, pat, choice):
    operations.mark_section_complete(by=pat, stage=stage, section=choice.section_key)

    page = text(autosave(client, stage, choice, valid_value(choice), 0))

    assert not SectionMark.objects.filter(stage=stage).exists()
    assert "Complete" not in map_entry(page, stage, choice.section_key).replace("mark complete", "")


# Confirming carried-forward answers


@pytest.fixture
def review(child, stage, pat, choice, notes):
    answer(stage, choice, valid_value(choice), pat)
    answer(stage, notes, "Settled", pat)
    return start(child, pat, FULL)


def test_the_confirm_button_on_the_section_page_confirms_the_answer(client, review, choice):
    page = text(client.get(section_url(review, choice.section_key)))
    assert re.search(rf'name="confirm" value="{re.escape(choice.key)}"', page)
    form = {"confirm": choice.key, f"version:{choice.key}": "1", choice.key: valid_value(choice)}

    response = client.post(section_url(review, choice.section_key), form)

    assert (
        response["Location"]
        == section_url(review, choice.section_key) + f"#question-{element_id(choice.key)}"
    )
    confirmed = Answer.objects.get(stage=review, key=choice.key)
    assert confirmed.is_confirmed
    assert confirmed.version == 2


def test_confirm_with_the_version_in_the_form_confirms_the_answer(client, review, choice):
    client.post(url("confirm", review.pk, choice.key), {"version": "1"})

    assert Answer.objects.get(stage=review, key=choice.key).is_confirmed


def test_confirm_of_a_changed_answer_asks_to_check_it_again(client, review, mo, choice):
    answer(review, choice, valid_value(choice, 1), mo)

    response = client.post(url("confirm", review.pk, choice.key), {"version": "1"}, follow=True)

    assert "Someone changed this answer meanwhile" in text(response)
    assert Answer.objects.get(stage=review, key=choice.key).version == 2


@pytest.mark.parametrize("version", ["", "abc"])
def test_confirm_without_a_usable_version_is_refused(client, review, choice, version):
    client.post(url("confirm", review.pk, choice.key), {"version": version})

    assert not Answer.objects.get(stage=review, key=choice.key).is_confirmed


def test_confirm_of_an_unknown_question_is_not_found(client, review):
    assert (
        client.post(url("confirm", review.pk, "nowhere.nothing"), {"version": "1"}).status_code
        == 404
    )


def shown_on(page):
    """The carried answers the page shows ("key:version"), as its confirm forms post them."""
    return sorted(set(re.findall(r'name="shown" value="([^"]+)"', page)))


def test_confirm_section_confirms_every_carried_answer_the_page_showed(
    client, review, choice, notes, child
):
    shown = shown_on(text(client.get(section_url(review, choice.section_key))))
    assert sorted(shown) == sorted([f"{choice.key}:1", f"{notes.key}:1"])

    response = client.post(url("confirm-section", review.pk, choice.section_key), {"shown": shown})

    assert response["Location"] == section_url(review, choice.section_key)
    assert not review.answers.filter(
        key__startswith=f"{choice.section_key}.", is_confirmed=False
    ).exists()
    assert len(events(child, "assessment.answer.confirmed")) == 2
    assert "2 carried-forward answers confirmed" in text(client.get(response["Location"]))
    assert "Confirm the carried-forward answers shown on this page" not in text(
        client.get(response["Location"])
    )


def test_confirm_section_without_what_was_shown_confirms_nothing(client, review, choice):
    client.post(url("confirm-section", review.pk, choice.section_key))

    assert review.answers.filter(is_confirmed=False).count() == 2


def test_confirm_section_of_an_unknown_section_is_not_found(client, review):
    assert client.post(url("confirm-section", review.pk, "no_such_section")).status_code == 404


def test_confirm_on_an_ended_stage_says_it_cannot_change(client, review, pat, choice):
    operations.end_stage(by=pat, stage=review, status=Stage.Status.STOPPED, reason="Moved")

    one = client.post(url("confirm", review.pk, choice.key), {"version": "1"}, follow=True)
    every = client.post(url("confirm-section", review.pk, choice.section_key), follow=True)

    assert "This stage can no longer be changed" in text(one)
    assert "This stage can no longer be changed" in text(every)
    assert not review.answers.filter(is_confirmed=True).exists()


def test_a_form_post_racing_its_own_autosave_of_the_same_text_is_saved_not_a_conflict(
    client, stage, notes, monkeypatch
):
    """Typing in the last box and clicking "Save and continue": the autosave commits between
    the form post reading the answers and saving them, with the version the page opened at."""
    from cairn.assessment import views

    real = operations.record_answer
    raced = []

    def autosave_lands_first(**kwargs):
        if not raced:
            raced.append(True)
            real(by=kwargs["by"], stage=kwargs["stage"], key=notes.key, value="Settled", version=0)
        return real(**kwargs)

    monkeypatch.setattr(views.operations, "record_answer", autosave_lands_first)

    response = post_section(client, stage, notes.section_key, {notes.key: "Settled"}, {})

    assert response.status_code == 302
    saved = Answer.objects.get(stage=stage, key=notes.key)
    assert (saved.value, saved.version) == ("Settled", 1)


def test_the_autosave_version_replaces_the_hidden_input_the_form_posts(client, stage, choice):
    page = text(client.get(section_url(stage, choice.section_key)))
    on_page = re.search(rf'<input[^>]*name="version:{re.escape(choice.key)}"[^>]*>', page).group(0)

    fragment = text(autosave(client, stage, choice, valid_value(choice), 0))
    swapped = re.search(
        rf'<input[^>]*name="version:{re.escape(choice.key)}"[^>]*>', fragment
    ).group(0)

    ident = re.search(r'id="([^"]+)"', on_page).group(1)
    assert f'id="{ident}"' in swapped  # htmx swaps out of band by id
    assert 'hx-swap-oob="true"' in swapped
    assert 'value="1"' in swapped
    assert 'type="hidden"' in swapped


# Carried answers on the map, and marking a section complete


def test_a_section_with_carried_answers_to_confirm_says_so_on_the_map(
    client, review, pat, choice, notes
):
    for key, value in section_answers(FULL, review.depth, choice.section_key).items():
        if key not in {choice.key, notes.key}:
            answer(review, key, value, pat)

    page = text(client.get(section_url(review, choice.section_key)))

    entry = map_entry(page, review, choice.section_key)
    assert "2 answers to confirm" in entry
    assert "Ready to mark complete" not in entry
    assert "Complete" not in entry


def test_save_and_mark_complete_confirms_the_carried_answers_the_page_showed(
    client, review, choice, notes
):
    shown = shown_on(text(client.get(section_url(review, choice.section_key))))
    others = {
        key: value
        for key, value in section_answers(FULL, review.depth, choice.section_key).items()
        if key not in {choice.key, notes.key}
    }
    data = {"action": "complete", "shown": shown}
    for key, value in others.items():
        data.update(form_fields(catalogue().question(key), value, 0))

    response = client.post(section_url(review, choice.section_key), data)

    assert response.status_code == 302
    assert not review.answers.filter(key__in=[choice.key, notes.key], is_confirmed=False).exists()
    assert SectionMark.objects.filter(stage=review, section=choice.section_key).exists()
    page = text(client.get(section_url(review, choice.section_key)))
    assert "2 carried-forward answers shown on the page were confirmed" in page
    assert map_entry(page, review, choice.section_key).endswith("Complete")


def test_save_and_mark_complete_does_not_mark_while_a_shown_answer_changed_meanwhile(
    client, review, choice, notes, mo
):
    shown = shown_on(text(client.get(section_url(review, choice.section_key))))
    answer(review, notes, "Moved to Nan's", mo)  # confirmed by the change, now version 2
    stale = [
        entry.replace(":1", ":0") if entry.startswith(choice.key) else entry for entry in shown
    ]

    client.post(section_url(review, choice.section_key), {"action": "complete", "shown": stale})

    assert not review.answers.get(key=choice.key).is_confirmed
    assert not SectionMark.objects.filter(stage=review, section=choice.section_key).exists()


@pytest.mark.parametrize("status", [Stage.Status.STOPPED, Stage.Status.CANCELLED])
def test_an_ended_stage_map_asks_for_no_work(client, review, mo, choice, status):
    operations.end_stage(by=mo, stage=review, status=status, reason="Started in error")

    page = text(client.get(section_url(review, choice.section_key)))

    section_map = " ".join(re.sub(r"<[^>]+>", " ", map_of(page)).split())
    for work in (
        "to confirm",
        "Ready to mark complete",
        "required question",
        "To do",
        "new question",
    ):
        assert work not in section_map
