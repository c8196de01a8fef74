"""The rules that propose ratings: the default impact-by-likelihood matrix and intervention
table cell by cell (written out here independently, so a typo in the YAML fails), the imminent
raise, the highest of the concerns, malformed rules files refused with the path to the fault,
a service's own file through CAIRN_JUDGEMENT_RULES, and the system check."""

from __future__ import annotations

import itertools
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from django.core import checks

from cairn.assessment.tests.factories import actor, start
from cairn.judgements import proposals, queries, rules
from cairn.judgements.checks import check_rules
from cairn.judgements.models import Kind
from cairn.judgements.tests.arrange import FULL, add_concern, decide

IMPACTS = ["minor", "moderate", "serious", "severe"]
LIKELIHOODS = ["unlikely", "possible", "likely", "very_likely"]
IMMINENCES = ["not_soon", "months", "weeks", "imminent"]
RATINGS = ["low", "medium", "high", "very_high"]
LEVELS = ["standard", "enhanced", "intensive"]

# The documented default (cairn/judgements/rules/default.yaml): one row per impact, one column
# per likelihood.
MATRIX = {
    "minor": ["low", "low", "low", "medium"],
    "moderate": ["low", "medium", "medium", "medium"],
    "serious": ["medium", "medium", "high", "high"],
    "severe": ["medium", "high", "high", "very_high"],
}
# One row per likelihood-of-reoffending rating, one column per risk of serious harm rating.
INTERVENTION = {
    "low": ["standard", "enhanced", "intensive", "intensive"],
    "medium": ["enhanced", "enhanced", "intensive", "intensive"],
    "high": ["intensive", "intensive", "intensive", "intensive"],
    "very_high": ["intensive", "intensive", "intensive", "intensive"],
}

MATRIX_CELLS = [
    pytest.param(impact, likelihood, MATRIX[impact][column], id=f"{impact}-{likelihood}")
    for impact in IMPACTS
    for column, likelihood in enumerate(LIKELIHOODS)
]
INTERVENTION_CELLS = [
    pytest.param(reoffending, harm, INTERVENTION[reoffending][column], id=f"{reoffending}-{harm}")
    for reoffending in RATINGS
    for column, harm in enumerate(RATINGS)
]


@pytest.fixture
def default() -> rules.Rules:
    return rules._load(str(rules.DEFAULT_FILE))


def concern(impact: str, likelihood: str, imminence: str = "months") -> Any:
    return SimpleNamespace(impact=impact, likelihood=likelihood, imminence=imminence)


# The shipped default


def test_the_default_names_its_choices_in_order(default):
    assert [c.key for c in default.ratings] == RATINGS
    assert [c.key for c in default.impact] == IMPACTS
    assert [c.key for c in default.likelihood] == LIKELIHOODS
    assert [c.key for c in default.imminence] == IMMINENCES
    assert [c.key for c in default.intervention.levels] == LEVELS
    assert [c.key for c in default.to_whom.serious_harm] == [
        "public",
        "known_adult",
        "child",
        "staff",
        "other",
    ]
    assert [c.key for c in default.to_whom.safety_wellbeing] == ["the_child"]


def test_the_default_matrix_has_exactly_the_documented_rows(default):
    assert {row: list(cells) for row, cells in default.matrix.items()} == MATRIX


@pytest.mark.parametrize(("impact", "likelihood", "expected"), MATRIX_CELLS)
@pytest.mark.parametrize("imminence", ["not_soon", "months", "weeks"])
def test_each_matrix_cell_proposes_its_rating(default, impact, likelihood, expected, imminence):
    assert rules.concern_rating(default, impact, likelihood, imminence) == expected


@pytest.mark.parametrize(("impact", "likelihood", "cell"), MATRIX_CELLS)
def test_an_imminent_concern_rated_high_is_raised_to_very_high(default, impact, likelihood, cell):
    expected = "very_high" if cell in ("high", "very_high") else cell
    assert rules.concern_rating(default, impact, likelihood, "imminent") == expected


def test_the_imminent_raise_is_as_documented(default):
    raise_ = default.imminent_raises
    assert raise_ is not None
    assert (raise_.imminence, raise_.from_, raise_.to) == ("imminent", "high", "very_high")


def test_without_an_imminent_raise_imminence_changes_nothing(default):
    plain = default.model_copy(update={"imminent_raises": None})
    assert rules.concern_rating(plain, "serious", "likely", "imminent") == "high"


def test_the_proposal_is_the_highest_rating_of_the_concerns_in_any_order(default):
    concerns = [
        concern("minor", "unlikely"),  # low
        concern("serious", "likely"),  # high
        concern("moderate", "possible"),  # medium
    ]
    for order in itertools.permutations(concerns):
        assert rules.proposed_rating(default, order) == "high"
    assert rules.proposed_rating(default, [*concerns, concern("severe", "likely", "imminent")]) == (
        "very_high"
    )


def test_with_no_concerns_the_proposal_is_low(default):
    assert rules.proposed_rating(default, []) == "low"
    assert proposals.risk(default, []).value == "low"


def test_highest_ignores_what_is_not_a_rating():
    assert rules.highest(["medium", "severe", "", "low"]) == "medium"
    assert rules.highest([]) == "low"


def test_the_risk_proposal_keeps_each_concerns_rating(default):
    found = proposals.risk(
        default,
        [
            SimpleNamespace(pk=7, impact="minor", likelihood="unlikely", imminence="months"),
            SimpleNamespace(pk=9, impact="severe", likelihood="possible", imminence="imminent"),
        ],
    )
    assert found.value == "very_high"
    assert found.detail == {
        "concerns": [{"id": 7, "rating": "low"}, {"id": 9, "rating": "very_high"}]
    }


def test_the_default_intervention_table_has_exactly_the_documented_rows(default):
    table = {row: list(cells) for row, cells in default.intervention.table.items()}
    assert table == INTERVENTION


@pytest.mark.parametrize(("reoffending", "harm", "expected"), INTERVENTION_CELLS)
def test_each_intervention_cell_proposes_its_level(default, reoffending, harm, expected):
    assert rules.intervention_level(default, reoffending, harm) == expected
    found = proposals.intervention(default, reoffending, harm)
    assert (found.value, found.detail) == (
        expected,
        {"reoffending": reoffending, "serious_harm": harm},
    )


def test_every_rating_has_a_yjb_definition_in_english_and_welsh(default):
    for choice in default.ratings:
        assert choice.definition is not None, choice.key
        assert choice.definition.en, choice.key
        assert choice.definition.cy, choice.key
    assert default.harm_and_serious_harm.harm.en.startswith("Harm:")
    assert default.harm_and_serious_harm.serious_harm.en.startswith("Serious harm:")


def test_safety_and_wellbeing_has_its_own_definitions_and_examples(default):
    safety = default.safety_wellbeing
    assert [wording.key for wording in safety.ratings] == list(rules.RATING_ORDER)
    serious = {choice.definition.en for choice in default.ratings if choice.definition}
    for wording in safety.ratings:
        assert wording.definition.en, wording.key
        assert wording.definition.cy, wording.key
        assert wording.example is not None
        assert wording.example.en, wording.key
        assert wording.example.cy, wording.key
        assert wording.definition.en not in serious, wording.key
        assert "child" in wording.definition.en, wording.key
    assert "harm to the child" in safety.lead.en
    assert "harm the child may cause other people" in default.serious_harm.lead.en
    assert safety.lead.cy
    assert default.serious_harm.lead.cy


def test_safety_ratings_out_of_order_are_refused():
    data = default_data()
    data["safety_wellbeing"]["ratings"].reverse()
    with pytest.raises(rules.RulesError, match=r"safety_wellbeing\.ratings must be low, medium"):
        rules.parse(yaml.safe_dump(data))


# Malformed rules files


def default_data() -> dict[str, Any]:
    return yaml.safe_load(rules.DEFAULT_FILE.read_text(encoding="utf-8"))


def refused(data: Any) -> str:
    with pytest.raises(rules.RulesError) as caught:
        rules.parse(yaml.safe_dump(data, allow_unicode=True))
    return str(caught.value)


def test_the_default_file_parses():
    assert rules.parse(yaml.safe_dump(default_data())).version == "2026.1"


def test_an_unknown_key_is_refused_by_name():
    data = default_data()
    data["colour"] = "blue"
    assert refused(data) == "colour: unknown key"


def test_an_unknown_nested_key_is_refused_with_its_path():
    data = default_data()
    data["intervention"]["notes"] = "see policy"
    assert refused(data) == "intervention.notes: unknown key"


def test_a_missing_matrix_row_is_refused():
    data = default_data()
    del data["matrix"]["severe"]
    assert refused(data) == "matrix: no row for severe"


def test_a_misspelt_matrix_row_is_refused():
    data = default_data()
    data["matrix"]["sevre"] = data["matrix"].pop("severe")
    assert refused(data) == "matrix: no row for severe"


def test_an_extra_matrix_row_is_refused():
    data = default_data()
    data["matrix"]["catastrophic"] = ["high", "high", "very_high", "very_high"]
    assert refused(data) == "matrix: unknown row catastrophic"


def test_a_matrix_row_of_the_wrong_width_is_refused():
    data = default_data()
    data["matrix"]["minor"] = ["low", "low", "low"]
    assert refused(data) == "matrix.minor: 3 cells, expected 4 (one per likelihood)"


def test_an_unknown_rating_in_a_matrix_cell_is_refused():
    data = default_data()
    data["matrix"]["moderate"][2] = "mediun"
    assert refused(data) == "matrix.moderate[2]: unknown value 'mediun'"


def test_an_unknown_imminence_in_the_imminent_raise_is_refused():
    data = default_data()
    data["imminent_raises"]["imminence"] = "soon"
    assert refused(data) == "imminent_raises.imminence: unknown 'soon'"


def test_an_unknown_rating_in_the_imminent_raise_is_refused():
    data = default_data()
    data["imminent_raises"]["to"] = "critical"
    assert refused(data) == "imminent_raises.to: unknown rating 'critical'"


def test_an_intervention_row_of_the_wrong_width_is_refused():
    data = default_data()
    data["intervention"]["table"]["high"] = ["intensive", "intensive", "intensive"]
    assert refused(data) == (
        "intervention.table.high: 3 cells, expected 4 (one per risk of serious harm rating)"
    )


def test_an_unknown_level_in_the_intervention_table_is_refused():
    data = default_data()
    data["intervention"]["table"]["low"][0] = "minimal"
    assert refused(data) == "intervention.table.low[0]: unknown value 'minimal'"


def test_ratings_out_of_order_are_refused():
    data = default_data()
    data["ratings"][0], data["ratings"][1] = data["ratings"][1], data["ratings"][0]
    assert refused(data) == "ratings must be low, medium, high, very_high in that order"


def test_a_file_that_is_not_a_mapping_or_not_yaml_is_refused():
    with pytest.raises(rules.RulesError, match=r"^expected a mapping at the top level$"):
        rules.parse("- just\n- a list\n")
    with pytest.raises(rules.RulesError, match=r"^not valid YAML: "):
        rules.parse("matrix: [low, medium\n")


def test_a_faulty_file_is_refused_with_its_path(tmp_path):
    data = default_data()
    del data["matrix"]["severe"]
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(rules.RulesError) as caught:
        rules._load(str(path))
    assert str(caught.value) == f"{path}: matrix: no row for severe"


def test_a_missing_file_is_refused_with_its_path(tmp_path):
    path = tmp_path / "nowhere.yaml"
    with pytest.raises(rules.RulesError, match=r"cannot be read \(No such file or directory\)$"):
        rules._load(str(path))


# A service's own file


@pytest.fixture
def own_rules(settings, tmp_path) -> Any:
    """Point CAIRN_JUDGEMENT_RULES at a file written by the test; the cache is cleared around."""

    def use(data: dict[str, Any]) -> Path:
        path = tmp_path / "our-rules.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        settings.CAIRN_JUDGEMENT_RULES = str(path)
        rules._load.cache_clear()
        return path

    rules._load.cache_clear()
    yield use
    rules._load.cache_clear()


def stricter() -> dict[str, Any]:
    data = default_data()
    data["version"] = "northshire-1"
    data["matrix"]["minor"] = ["medium", "medium", "high", "high"]
    data["intervention"]["table"]["low"] = ["enhanced", "intensive", "intensive", "intensive"]
    return data


def test_the_setting_unset_means_the_default(settings):
    settings.CAIRN_JUDGEMENT_RULES = ""
    assert rules.active().version == "2026.1"
    assert rules.active() is rules._load(str(rules.DEFAULT_FILE))


def test_a_services_own_file_changes_the_proposals(own_rules):
    own_rules(stricter())
    found = rules.active()
    assert found.version == "northshire-1"
    assert rules.proposed_rating(found, [concern("minor", "unlikely")]) == "medium"
    assert rules.proposed_rating(found, [concern("minor", "likely")]) == "high"
    assert rules.intervention_level(found, "low", "low") == "enhanced"
    assert proposals.ratings_for(Kind.INTERVENTION_LEVEL) == tuple(LEVELS)


@pytest.mark.django_db
def test_a_services_own_file_changes_a_stages_proposals(own_rules, child, practitioner):
    by = actor(practitioner)
    stage = start(child, by, FULL)
    add_concern(stage, by, impact="minor", likelihood="unlikely", imminence="not_soon")
    decide(stage, by, Kind.REOFFENDING, rating="low", reason="No sanction yet; my own view.")
    before = queries.review(stage)
    assert before.states[Kind.SERIOUS_HARM].proposal.value == "low"
    assert before.states[Kind.INTERVENTION_LEVEL].proposal.value == "standard"

    own_rules(stricter())
    after = queries.review(stage)
    assert after.states[Kind.SERIOUS_HARM].proposal.value == "medium"
    assert after.states[Kind.INTERVENTION_LEVEL].proposal.value == "intensive"  # low × medium


# The system check


def test_the_system_check_passes_the_default(settings):
    settings.CAIRN_JUDGEMENT_RULES = ""
    assert check_rules() == []


def test_the_system_check_reports_a_faulty_file(own_rules):
    data = default_data()
    data["matrix"]["minor"][0] = "lo"
    path = own_rules(data)
    found = check_rules()
    assert [(message.id, message.level) for message in found] == [("judgements.E001", checks.ERROR)]
    assert found[0].msg == (
        f"The judgement rules cannot be used: {path}: matrix.minor[0]: unknown value 'lo'"
    )


def test_the_system_check_is_registered_and_reports_a_missing_file(settings, tmp_path):
    settings.CAIRN_JUDGEMENT_RULES = str(tmp_path / "missing.yaml")
    rules._load.cache_clear()
    try:
        found = checks.run_checks(tags=["judgements"])
    finally:
        rules._load.cache_clear()
    assert [message.id for message in found] == ["judgements.E001"]
    assert "missing.yaml: cannot be read" in found[0].msg
