"""A bail stage does not ask for the child's account of the offence: it is only alleged and the
child may be pleading not guilty. It asks about the circumstances of the bail decision instead;
every other stage type keeps the child's account (issue 10, item 13)."""

from __future__ import annotations

import pytest

from cairn.assessment import completion
from cairn.framework import catalogue as catalogues

ACCOUNT = "offending.child_view"
FEELINGS = "offending.feelings"
BAIL = "offending.bail_circumstances"


def asked(stage_type: str, depth: str) -> set[str]:
    catalogue = catalogues.load()
    progress = completion.progress(catalogue, stage_type, depth, {})
    return {question.key for section in progress.sections for question in section.asked}


@pytest.mark.parametrize("depth", ["core", "full"])
def test_a_bail_stage_asks_about_the_bail_decision_not_the_childs_account(depth):
    keys = asked("bail", depth)

    assert BAIL in keys
    assert ACCOUNT not in keys
    assert FEELINGS not in keys


@pytest.mark.parametrize("stage_type", ["out_of_court", "pre_sentence", "review"])
def test_other_stages_keep_the_childs_account_and_do_not_ask_about_bail(stage_type):
    keys = asked(stage_type, "full")

    assert ACCOUNT in keys
    assert BAIL not in keys


def test_the_bail_question_is_required_and_says_not_to_ask_about_the_offence():
    question = catalogues.load().questions[BAIL]

    assert question.is_required
    assert "not guilty" in question.help.get("en")
