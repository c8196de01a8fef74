"""Helpers that arrange stages and answers, pick questions and read pages, for assessment tests.

Nothing here names a question of the working catalogue: questions are picked at run time from
`catalogue.load()` by what they are (kind, depth, source, show-if), in catalogue order, so a
renamed question never breaks a test. Stage type keys are fixed by the framework (the catalogue
validator requires all nine), so they are named. Stages and answers are made through the app's
own operations, so arranging a test exercises the same code the pages use.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

from django.http import HttpResponse
from django.utils import timezone

from cairn.accounts.models import Membership, Organisation
from cairn.assessment import completion, operations
from cairn.assessment.models import Answer, Stage
from cairn.audit.models import AuditEvent
from cairn.audit.operations import Actor
from cairn.framework import catalogue as catalogues
from cairn.framework.catalogue import Catalogue
from cairn.framework.schema import (
    ItemField,
    Manifest,
    Option,
    Question,
    Section,
    ShowIf,
    StageSection,
    StageType,
    Text,
)
from cairn.records import operations as record_operations
from cairn.records.models import Address, Child, Contact, Grant, Offence

LIGHT = "out_of_court"


def actor(membership: Membership) -> Actor:
    return Actor(user=membership.user, organisation=membership.organisation)


def catalogue() -> Catalogue:
    return catalogues.load()


# Picking questions of the working catalogue at run time


def sections_of(stage_type: str, depth: str | None = None) -> list[tuple[Section, str]]:
    """The sections the stage type asks (not those it only offers), each with its depth."""
    found = catalogue()
    return [
        (section, section_depth)
        for section, section_depth in completion.stage_sections(
            found, stage_type, depth or found.stage(stage_type).depth
        )
        if section_depth != "further"
    ]


def stage_type_asking(kind: str) -> str:
    """The first stage type that asks, at its own depth, an unconditional question of this kind."""
    for stage in catalogue().stages:
        for section, depth in sections_of(stage.key):
            if any(
                q.kind == kind and q.show_if is None and completion.asked_at(q, depth)
                for q in section.questions
            ):
                return stage.key
    raise LookupError(f"no stage type asks a {kind} question")


def first_section(stage_type: str = LIGHT) -> Section:
    return sections_of(stage_type)[0][0]


def questions_of(stage_type: str = LIGHT, depth: str | None = None) -> list[Question]:
    return [
        question
        for section, _ in sections_of(stage_type, depth)
        for question in section.questions
        if question.asked_in(stage_type)
    ]


def pick(
    stage_type: str = LIGHT,
    *,
    section: str | None = None,
    kinds: tuple[str, ...] = (),
    depth: str | None = None,
    pulled: bool = False,
    conditional: bool = False,
    required: bool | None = None,
    where: Callable[[Question], bool] | None = None,
) -> Question:
    """The first question of the stage type that fits; unconditional and asked unless told."""
    for question in questions_of(stage_type):
        if section is not None and question.section_key != section:
            continue
        if kinds and question.kind not in kinds:
            continue
        if depth is not None and question.depth != depth:
            continue
        if (question.source is not None) != pulled:
            continue
        if (question.show_if is not None) != conditional:
            continue
        if required is not None and question.is_required != required:
            continue
        if where is not None and not where(question):
            continue
        return question
    raise LookupError("the catalogue has no such question for this stage type")


def section_with_follow_up(stage_type: str = LIGHT) -> tuple[Section, Question, Question]:
    """A section asked at core depth with a core follow-up shown when a core answer equals a value."""
    for section, depth in sections_of(stage_type):
        asked = {q.key: q for q in section.questions if completion.asked_at(q, depth)}
        for question in asked.values():
            condition = question.show_if
            if (
                condition is not None
                and condition.equals is not None
                and condition.question in asked
                and asked[condition.question].show_if is None
                and question.is_required
            ):
                return section, asked[condition.question], question
    raise LookupError("no section with a follow-up question")


def valid_value(question: Question | ItemField, variant: int = 0) -> Any:
    """An answer `answers.clean` accepts for any kind; `variant` gives a different one."""
    choices = question.choices() if isinstance(question, Question) else question.options
    if question.kind == "yes_no":
        return ("no", "yes")[variant % 2]
    if question.kind in {"choice", "rating"}:
        return choices[variant % len(choices)].value
    if question.kind == "multi_choice":
        return [choices[variant % len(choices)].value]
    if question.kind == "date":
        return (dt.date(2020, 1, 2) + dt.timedelta(days=variant)).isoformat()
    if question.kind == "number":
        return 2 + variant
    if question.kind == "list" and isinstance(question, Question):
        return [{item.key: valid_value(item, variant) for item in question.items}]
    return f"Answer {variant} to {question.key}"


def not_triggering(question: Question, section: Section) -> Any:
    """A valid answer to `question` that shows none of the section's follow-ups, if there is one."""
    followers = [
        q.show_if for q in section.questions if q.show_if and q.show_if.question == question.key
    ]
    accepted = {value for condition in followers for value in condition.accepted_values()}
    for variant in range(12):
        value = valid_value(question, variant)
        values = value if isinstance(value, list) else [value]
        if not accepted & set(values):
            return value
    return valid_value(question)


def section_answers(stage_type: str, depth: str, section_key: str) -> dict[str, Any]:
    """Answers to every required question of a section, avoiding follow-ups where it can."""
    found = catalogue()
    section = found.section(section_key)
    values: dict[str, Any] = {}
    for _round in range(10):
        progress = completion.progress(found, stage_type, depth, values).section(section_key)
        if not progress.required_missing:
            return values
        for question in progress.required_missing:
            values[question.key] = not_triggering(question, section)
    raise AssertionError("required questions kept appearing")


# Arranging stages


def start(child: Child, by: Actor | None = None, stage_type: str = LIGHT, **extra: Any) -> Stage:
    return operations.start_stage(
        by=by or Actor.system(child.organisation), child=child, stage_type=stage_type, **extra
    )


def answer(stage: Stage, question: Question | str, value: Any, by: Actor | None = None) -> Answer:
    key = question if isinstance(question, str) else question.key
    current = Answer.objects.filter(stage=stage, key=key).first()
    return operations.record_answer(
        by=by or Actor.system(stage.organisation),
        stage=stage,
        key=key,
        value=value,
        version=current.version if current else 0,
    )


def answer_everything_required(stage: Stage, by: Actor | None = None) -> None:
    """Answer each required question until none is missing (answers may show follow-ups)."""
    found = catalogues.load(stage.catalogue_version)
    for _round in range(10):
        stage.refresh_from_db()
        values = dict(stage.answers.values_list("key", "value"))
        missing = completion.progress(found, stage.stage_type, stage.depth, values).required_missing
        if not missing:
            return
        for question in missing:
            answer(stage, question, valid_value(question), by)
    raise AssertionError("required questions kept appearing")


def answer_whole_section(stage: Stage, section: Section, by: Actor | None = None) -> int:
    """Answer every question of a section that can be answered, follow-ups included."""
    count = 0
    for question in section.questions:
        if question.source is None:
            answer(stage, question, valid_value(question), by)
            count += 1
    return count


@contextmanager
def frozen(moment: dt.datetime) -> Iterator[None]:
    """Operations read the time as `timezone.now()`: fix it while arranging."""
    with mock.patch.object(timezone, "now", return_value=moment):
        yield


# The Core Record behind pulled-through questions


def fill_core_record(child: Child) -> None:
    system = Actor.system(child.organisation)
    record_operations.add_to_record(
        by=system,
        child=child,
        model=Address,
        part="addresses",
        data={
            "line_1": "1 High Street",
            "town": "Northtown",
            "postcode": "NT1 1AA",
            "from_date": timezone.localdate() - dt.timedelta(days=700),
        },
    )
    record_operations.add_to_record(
        by=system,
        child=child,
        model=Contact,
        part="contacts",
        data={
            "name": "Jo Brennan",
            "relationship": Contact.Relationship.MOTHER,
            "has_parental_responsibility": True,
        },
    )
    record_operations.add_to_record(
        by=system,
        child=child,
        model=Offence,
        part="offences",
        data={
            "offence_date": child.tenth_birthday + dt.timedelta(days=400),
            "description": "Theft of a bicycle",
            "category": Offence.Category.THEFT,
        },
    )


def custody_grant(child: Child, organisation: Organisation) -> Grant:
    return record_operations.open_grant(
        by=Actor.system(child.organisation),
        child=child,
        organisation=organisation,
        scope=Grant.Scope.CUSTODY,
        reason="In custody at Oakwood",
    )


# Inline catalogues for pure-function tests


def words(en: str) -> Text:
    return Text(en=en, cy=f"{en} (cy)")


def options(*values: str) -> tuple[Option, ...]:
    return tuple(
        Option(value=value, label=words(value.replace("_", " ").title())) for value in values
    )


def question(key: str, kind: str = "text", **extra: Any) -> Question:
    if "show_if" in extra and isinstance(extra["show_if"], dict):
        extra["show_if"] = ShowIf.model_validate(extra["show_if"])
    return Question(key=key, kind=kind, label=words(key), **extra)


def section(key: str, *questions: Question) -> Section:
    return Section(
        key=key,
        part="information_gathering",
        title=words(key),
        written_by="tests",
        checked_by="tests",
        questions=questions,
    )


def stage_type(key: str, depth: str, *sections: str | tuple[str, str]) -> StageType:
    return StageType(
        key=key,
        label=words(key),
        description=words(key),
        depth=depth,
        due_days=10,
        sections=tuple(
            StageSection(section=entry[0], depth=entry[1])
            if isinstance(entry, tuple)
            else StageSection(section=entry)
            for entry in sections
        ),
    )


def inline_catalogue(sections: list[Section], stages: list[StageType]) -> Catalogue:
    manifest = Manifest(
        version="2099.1",
        status="draft",
        title=words("Test catalogue"),
        sections=tuple(s.key for s in sections),
    )
    questions = {q.key: q for s in sections for q in s.questions}
    return Catalogue(manifest, tuple(sections), tuple(stages), (), "test", questions)


# Reading pages


def text(response: HttpResponse) -> str:
    return html.unescape(response.content.decode())


def events(child: Child, event_type: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(child_id=child.pk, event_type=event_type).order_by("id"))


def hidden_version(response: HttpResponse, key: str) -> str:
    found = re.search(
        rf'<input[^>]*name="version:{re.escape(key)}"[^>]*>', response.content.decode()
    )
    assert found, f"no version input for {key}"
    value = re.search(r'value="(\d+)"', found.group(0))
    assert value
    return value.group(1)


def form_fields(question: Question, value: Any, version: int) -> dict[str, Any]:
    """How the section form posts one answer without JavaScript."""
    data: dict[str, Any] = {f"version:{question.key}": str(version)}
    if question.kind == "date":
        day = dt.date.fromisoformat(value) if value else None
        for part in ("day", "month", "year"):
            data[f"{question.key}_{part}"] = str(getattr(day, part)) if day else ""
    elif question.kind == "list":
        for n, entry in enumerate(value or []):
            for field, item in entry.items():
                data[f"{question.key}.{n}.{field}"] = "" if item is None else str(item)
    elif question.kind == "multi_choice":
        data[question.key] = list(value or [])
    else:
        data[question.key] = "" if value is None else str(value)
    return data
