"""Checking the catalogue's meaning, after its structure has parsed.

Each problem names the file-level key at fault and the broken rule, so an author can fix it
without reading code. Errors stop Cairn from starting; warnings are reported only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cairn.framework.catalogue import Catalogue
from cairn.framework.schema import KINDS_WITH_OPTIONS, Question

REQUIRED_STAGE_TYPES = (
    "prevention",
    "out_of_court",
    "bail",
    "pre_sentence",
    "start_of_order",
    "review",
    "custody_entry",
    "transition",
    "end",
)
_HYGIENE = re.compile(r"(^\s|\s$|  |\s[,.;:])")


@dataclass(frozen=True)
class Problem:
    where: str
    message: str
    is_error: bool = True

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def problems(catalogue: Catalogue) -> list[Problem]:
    found: list[Problem] = []
    found += _questions(catalogue)
    found += _show_if(catalogue)
    found += _sources(catalogue)
    found += _stages(catalogue)
    return found


def errors(catalogue: Catalogue) -> list[Problem]:
    return [problem for problem in problems(catalogue) if problem.is_error]


def _questions(catalogue: Catalogue) -> list[Problem]:
    found = []
    for section in catalogue.sections:
        if not section.title.cy:
            found.append(Problem(f"section {section.key}", "missing Welsh title"))
        for question in section.questions:
            where = f"question {question.key}"
            if question.section_key != section.key:
                found.append(Problem(where, f"key must start with its section '{section.key}.'"))
            if not question.label.cy:
                found.append(
                    Problem(where, "missing Welsh label", is_error=question.depth == "core")
                )
            if question.help and not question.help.cy:
                found.append(Problem(where, "missing Welsh help text", is_error=False))
            found += _wales(question, where)
            found += _options(question, where)
            wales = question.wales
            worded = (wales.label, wales.help) if wales is not None else ()
            for text in (question.label, question.help, question.example, *worded):
                if text is not None and (
                    _HYGIENE.search(text.en) or (text.cy and _HYGIENE.search(text.cy))
                ):
                    found.append(
                        Problem(where, f"untidy text (stray or doubled spaces): '{text.en}'")
                    )
            if question.nature == "analysis" and section.part == "information_gathering":
                found.append(
                    Problem(
                        where,
                        "analysis questions belong in Explanations and Conclusions, not Information Gathering",
                    )
                )
    return found


def _wales(question: Question, where: str) -> list[Problem]:
    """A question's words for Wales are translated like its own."""
    wales = question.wales
    if wales is None:
        return []
    found = []
    if wales.label is not None and not wales.label.cy:
        found.append(Problem(where, "missing Welsh label for Wales"))
    if wales.help is not None and not wales.help.cy:
        found.append(Problem(where, "missing Welsh help text for Wales", is_error=False))
    return found


def _options(question: Question, where: str) -> list[Problem]:
    found = []
    if question.kind in KINDS_WITH_OPTIONS and not question.options:
        found.append(Problem(where, f"a {question.kind} question needs options"))
    if question.kind not in KINDS_WITH_OPTIONS and question.kind != "yes_no" and question.options:
        found.append(Problem(where, f"a {question.kind} question cannot have options"))
    values = [option.value for option in question.options]
    if len(values) != len(set(values)):
        found.append(Problem(where, "two options share a value"))
    exclusive = [option.value for option in question.options if option.exclusive]
    if exclusive and question.kind != "multi_choice":
        found.append(Problem(where, "only a multi_choice question can have an exclusive option"))
    if len(exclusive) > 1:
        found.append(Problem(where, "a question can have at most one exclusive option"))
    if question.kind == "list" and not question.items:
        found.append(Problem(where, "a list question needs items (the fields of each entry)"))
    if question.kind != "list" and question.items:
        found.append(Problem(where, "only a list question can have items"))
    for item in question.items:
        if item.kind in {"choice", "rating"} and not item.options:
            found.append(Problem(f"{where}, item {item.key}", f"a {item.kind} item needs options"))
    return found


def _show_if(catalogue: Catalogue) -> list[Problem]:
    found = []
    graph: dict[str, str] = {}
    for question in catalogue.questions.values():
        if question.show_if is None:
            continue
        where = f"question {question.key}"
        target = catalogue.questions.get(question.show_if.question)
        if target is None:
            found.append(
                Problem(where, f"show_if refers to unknown question '{question.show_if.question}'")
            )
            continue
        graph[question.key] = target.key
        allowed = {option.value for option in target.choices()}
        if target.kind == "yes_no":
            allowed |= {"yes", "no"}
        for value in question.show_if.accepted_values():
            if allowed and value not in allowed:
                found.append(
                    Problem(where, f"show_if value '{value}' is not an option of {target.key}")
                )
    for start in graph:
        path, node = [start], graph[start]
        while node in graph and node not in path:
            path.append(node)
            node = graph[node]
        if node in path and node == start:
            found.append(
                Problem(f"question {start}", "show-if cycle: " + " → ".join([*path, start]))
            )
    return found


def _sources(catalogue: Catalogue) -> list[Problem]:
    found = []
    known = {fact.key for fact in catalogue.facts}
    used: dict[str, str] = {}
    for question in catalogue.questions.values():
        if question.source is None:
            continue
        where = f"question {question.key}"
        if question.source not in known:
            found.append(
                Problem(
                    where, f"source '{question.source}' is not a Core Record fact in facts.yaml"
                )
            )
        if question.source in used:
            found.append(
                Problem(
                    where,
                    f"draws on the same fact '{question.source}' as {used[question.source]}: ask each fact once",
                )
            )
        else:
            used[question.source] = question.key
    return found


def _stages(catalogue: Catalogue) -> list[Problem]:
    found = []
    keys = [stage.key for stage in catalogue.stages]
    for missing in sorted(set(REQUIRED_STAGE_TYPES) - set(keys)):
        found.append(Problem("stages.yaml", f"stage type '{missing}' is missing"))
    if len(keys) != len(set(keys)):
        found.append(Problem("stages.yaml", "a stage type is declared twice"))
    sections = {section.key for section in catalogue.sections}
    for question in catalogue.questions.values():
        for unknown in sorted(set(question.stages) - set(keys)):
            found.append(Problem(question.key, f"stages names unknown stage type '{unknown}'"))
    for stage in catalogue.stages:
        for entry in stage.sections:
            if entry.section not in sections:
                found.append(Problem(f"stage {stage.key}", f"unknown section '{entry.section}'"))
        if not stage.label.cy:
            found.append(Problem(f"stage {stage.key}", "missing Welsh label"))
    return found
