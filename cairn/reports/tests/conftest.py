"""Fixtures for the summary's tests: see builders.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cairn.accounts.models import Membership
from cairn.audit.operations import Actor
from cairn.records.models import Child
from cairn.reports.tests.builders import PdfText, build_assessed_child, read_pdf


@pytest.fixture
def pdf_text(tmp_path: Path) -> Callable[[bytes], PdfText]:
    return lambda content: read_pdf(content, tmp_path)


@pytest.fixture
def actor(practitioner: Membership) -> Actor:
    return Actor(user=practitioner.user, organisation=practitioner.organisation)


@pytest.fixture
def assessed_child(child: Child, actor: Actor) -> Child:
    """Kai with a pre-sentence stage in progress: strengths, three concerns, every judgement."""
    return build_assessed_child(child, actor)
