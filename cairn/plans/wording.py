"""The wording of targets the service writes itself (the demo's plans), in the reader's
language.

A target's objective is the practitioner's own text and is shown as written. A generated one
is stored as its English pattern around the finding it rests on (the finding is the
practitioner's words); `objective_text` shows the pattern in the reader's language and keeps
the finding as written.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Each generated objective: its English opening as stored, and its wording to translate.
GENERATED: dict[str, tuple[str, Promise]] = {
    "against": ("Less pull from: ", _("Less pull from: %(finding)s")),
    "strength": ("Build on a strength: ", _("Build on a strength: %(finding)s")),
    "concern": ("Keep everyone safe: ", _("Keep everyone safe: %(finding)s")),
}


def generated_objective(kind: str, finding: str) -> str:
    """A generated objective as stored: its English opening and the finding."""
    return GENERATED[kind][0] + finding


def objective_text(objective: str) -> str:
    """An objective in the reader's language: a generated one's wording translated."""
    for opening, wording in GENERATED.values():
        if objective.startswith(opening):
            return str(wording) % {"finding": objective[len(opening) :]}
    return objective
