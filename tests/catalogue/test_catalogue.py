"""The shipped catalogue loads and validates; broken catalogues are refused precisely.

Broken catalogues are small inline folders written to tmp_path, so each test shows the one
fault it is about."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cairn.framework import catalogue, validation
from cairn.framework.checks import check_catalogue

STAGES = (
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


def write(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def minimal(folder: Path, questions: str, facts: str = "facts: []\n") -> Path:
    write(
        folder,
        "catalogue.yaml",
        """
        version: "2099.1"
        status: draft
        title: {en: Test, cy: Prawf}
        sections: [home]
    """,
    )
    stages = "stages:\n" + "".join(
        f"  - key: {key}\n    label: {{en: {key}, cy: {key}}}\n    description: {{en: d, cy: d}}\n"
        f"    depth: core\n    due_days: 10\n    sections: [{{section: home}}]\n"
        for key in STAGES
    )
    write(folder, "stages.yaml", stages)
    write(folder, "facts.yaml", facts)
    write(
        folder,
        "sections/home.yaml",
        textwrap.dedent("""
        key: home
        part: information_gathering
        title: {en: Home, cy: Cartref}
        written_by: Test
        checked_by: Test
        questions:
    """)
        + textwrap.indent(textwrap.dedent(questions), "  "),
    )
    return folder


def load_problems(folder: Path) -> list[str]:
    return [str(problem) for problem in validation.errors(catalogue.load_from(folder))]


def test_shipped_catalogue_has_no_errors():
    loaded = catalogue.load()
    assert validation.errors(loaded) == []
    assert {stage.key for stage in loaded.stages} >= set(STAGES)


def test_system_check_passes_on_the_shipped_catalogue():
    assert [message for message in check_catalogue() if message.level >= 40] == []


def test_check_catalogue_command_succeeds(capsys):
    call_command("check_catalogue")
    assert "stage types" in capsys.readouterr().out


def test_a_valid_minimal_catalogue_loads(tmp_path):
    folder = minimal(
        tmp_path,
        """
        - key: home.settled
          kind: yes_no
          label: {en: "Is home settled?", cy: "A yw'r cartref yn sefydlog?"}
          yet_to_clarify: true
    """,
    )
    assert load_problems(folder) == []
    question = catalogue.load_from(folder).question("home.settled")
    assert [option.value for option in question.choices()] == ["yet_to_clarify"]


def test_unknown_key_is_refused_with_its_path(tmp_path):
    folder = minimal(
        tmp_path,
        """
        - key: home.settled
          kind: yes_no
          label: {en: Settled, cy: Sefydlog}
          colour: blue
    """,
    )
    with pytest.raises(
        catalogue.CatalogueError, match=r"home\.yaml: questions\.0\.colour: unknown key"
    ):
        catalogue.load_from(folder)


def test_unknown_kind_is_refused(tmp_path):
    folder = minimal(
        tmp_path,
        """
        - key: home.settled
          kind: slider
          label: {en: Settled, cy: Sefydlog}
    """,
    )
    with pytest.raises(catalogue.CatalogueError, match=r"questions\.0\.kind"):
        catalogue.load_from(folder)


def test_show_if_cycle_is_named(tmp_path):
    folder = minimal(
        tmp_path,
        """
        - key: home.first
          kind: yes_no
          label: {en: First, cy: Cyntaf}
          show_if: {question: home.second, equals: "yes"}
        - key: home.second
          kind: yes_no
          label: {en: Second, cy: Ail}
          show_if: {question: home.first, equals: "yes"}
    """,
    )
    problems = load_problems(folder)
    assert "question home.first: show-if cycle: home.first → home.second → home.first" in problems


def test_show_if_to_an_unknown_question_is_refused(tmp_path):
    folder = minimal(
        tmp_path,
        """
        - key: home.first
          kind: text
          label: {en: First, cy: Cyntaf}
          show_if: {question: home.nowhere, answered: true}
    """,
    )
    assert load_problems(folder) == [
        "question home.first: show_if refers to unknown question 'home.nowhere'"
    ]


def test_missing_welsh_label_on_a_core_question_is_an_error(tmp_path):
    folder = minimal(
        tmp_path,
        """
        - key: home.settled
          kind: text
          label: {en: Settled}
    """,
    )
    assert load_problems(folder) == ["question home.settled: missing Welsh label"]


def test_missing_welsh_label_on_a_further_question_is_only_a_warning(tmp_path):
    folder = minimal(
        tmp_path,
        """
        - key: home.settled
          kind: text
          depth: further
          label: {en: Settled}
    """,
    )
    loaded = catalogue.load_from(folder)
    assert validation.errors(loaded) == []
    assert [str(p) for p in validation.problems(loaded)] == [
        "question home.settled: missing Welsh label"
    ]


def test_two_questions_drawing_on_the_same_fact_are_refused(tmp_path):
    facts = (
        "facts:\n  - key: child.date_of_birth\n    label: {en: Date of birth, cy: Dyddiad geni}\n"
    )
    folder = minimal(
        tmp_path,
        """
        - key: home.born
          kind: date
          label: {en: Born, cy: Ganwyd}
          source: child.date_of_birth
        - key: home.birthday
          kind: date
          label: {en: Birthday, cy: Pen-blwydd}
          source: child.date_of_birth
    """,
        facts,
    )
    assert load_problems(folder) == [
        "question home.birthday: draws on the same fact 'child.date_of_birth' as home.born: ask each fact once"
    ]


def test_a_source_that_is_not_a_known_fact_is_refused(tmp_path):
    folder = minimal(
        tmp_path,
        """
        - key: home.born
          kind: date
          label: {en: Born, cy: Ganwyd}
          source: child.star_sign
    """,
    )
    assert load_problems(folder) == [
        "question home.born: source 'child.star_sign' is not a Core Record fact in facts.yaml"
    ]


def test_analysis_in_information_gathering_is_refused(tmp_path):
    folder = minimal(
        tmp_path,
        """
        - key: home.why
          kind: long_text
          nature: analysis
          label: {en: Why, cy: Pam}
    """,
    )
    assert "Explanations and Conclusions" in load_problems(folder)[0]


def test_choice_without_options_and_list_without_items_are_refused(tmp_path):
    folder = minimal(
        tmp_path,
        """
        - key: home.kind
          kind: choice
          label: {en: Kind, cy: Math}
        - key: home.factors
          kind: list
          label: {en: Factors, cy: Ffactorau}
    """,
    )
    assert load_problems(folder) == [
        "question home.kind: a choice question needs options",
        "question home.factors: a list question needs items (the fields of each entry)",
    ]


def test_question_key_must_belong_to_its_section(tmp_path):
    folder = minimal(
        tmp_path,
        """
        - key: school.kind
          kind: text
          label: {en: Kind, cy: Math}
    """,
    )
    assert load_problems(folder) == [
        "question school.kind: key must start with its section 'home.'"
    ]


def test_missing_stage_type_is_refused(tmp_path):
    folder = minimal(
        tmp_path,
        """
        - key: home.settled
          kind: text
          label: {en: Settled, cy: Sefydlog}
    """,
    )
    text = (folder / "stages.yaml").read_text()
    (folder / "stages.yaml").write_text(text.replace("- key: bail", "- key: bailiff"))
    problems = load_problems(folder)
    assert "stages.yaml: stage type 'bail' is missing" in problems


def test_invalid_yaml_is_reported_with_the_file(tmp_path):
    folder = minimal(
        tmp_path,
        """
        - key: home.settled
          kind: text
          label: {en: Settled, cy: Sefydlog}
    """,
    )
    (folder / "facts.yaml").write_text("facts: [unclosed\n")
    with pytest.raises(catalogue.CatalogueError, match=r"facts\.yaml: not valid YAML"):
        catalogue.load_from(folder)


def test_check_catalogue_command_fails_with_a_precise_message(tmp_path, capsys):
    folder = minimal(
        tmp_path,
        """
        - key: home.settled
          kind: text
          label: {en: Settled}
    """,
    )
    with pytest.raises(CommandError, match="1 error"):
        call_command("check_catalogue", str(folder))
    assert "question home.settled: missing Welsh label" in capsys.readouterr().err


def test_released_versions_never_change():
    """A released catalogue's files are pinned: change them by making a new version."""
    pinned: dict[str, str] = {}
    for version in catalogue.versions():
        loaded = catalogue.load_from(catalogue.root() / version)
        if loaded.manifest.status == "released":
            assert loaded.digest == pinned[version], f"released catalogue {version} changed"
