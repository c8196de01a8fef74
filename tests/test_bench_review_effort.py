"""bench/review_effort.py: a review after one Core Record change, measured by doing it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

PATH = Path(__file__).resolve().parent.parent / "bench" / "review_effort.py"


def load():
    spec = importlib.util.spec_from_file_location("review_effort", PATH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["review_effort"] = module
    spec.loader.exec_module(module)
    return module


def test_a_review_after_one_change_needs_the_change_a_confirm_per_section_on_one_page_and_no_more():
    effort = load().measure()

    assert effort.change == 1
    assert effort.section_confirms > 0
    # Carried answers are confirmed section by section on one page, never one by one.
    assert effort.screens == 1 + 1 + effort.reconfirmations + effort.answer_screens
    assert effort.required_inputs == (
        1 + effort.section_confirms + effort.reconfirmations + effort.answers
    )
    assert effort.line() == (
        f"review_after_one_change required_inputs={effort.required_inputs} screens={effort.screens}"
    )
