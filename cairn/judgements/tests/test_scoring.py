"""The reoffending score: OGRS3's worked examples, the shipped model against OGRS3.md's tables,
bands and rounding, refusals, malformed model files and what moved a score."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
import yaml
from django.utils import translation

from cairn.judgements.scoring import (
    DEFAULT_MODEL_FILE,
    OFFENCE_CODES,
    CannotScore,
    Inputs,
    ModelFileError,
    Score,
    ScoringModel,
    age_on,
    default_model,
    model_from_data,
    model_to_data,
    parse_model,
    score,
    what_moved,
)
from cairn.records.models import Offence


def logistic(z: float) -> float:
    return math.exp(z) / (1 + math.exp(z))


def worked_example(previous_sanctions: int) -> Inputs:
    """OGRS3.md: male, born 1 Feb 1997; current, first and assessment on 1 Feb 2017; violence."""
    return Inputs(
        sex="male",
        date_of_birth=date(1997, 2, 1),
        current_sanction_date=date(2017, 2, 1),
        first_sanction_date=date(2017, 2, 1),
        previous_sanctions=previous_sanctions,
        offence_category="violence",
        assessed_on=date(2017, 2, 1),
    )


def inputs(**changes: Any) -> Inputs:
    """A boy born 14 March 2008, first sanctioned at 13, current theft at 15, assessed at 16."""
    base = Inputs(
        sex="male",
        date_of_birth=date(2008, 3, 14),
        current_sanction_date=date(2023, 6, 1),
        first_sanction_date=date(2021, 9, 1),
        previous_sanctions=2,
        offence_category="theft",
        assessed_on=date(2024, 4, 1),
    )
    return replace(base, **changes)


def reasons(model: ScoringModel, given: Inputs) -> list[str]:
    with pytest.raises(CannotScore) as refusal:
        score(model, given)
    return refusal.value.reasons


@pytest.fixture
def ogrs3() -> ScoringModel:
    return default_model()


# Worked examples -----------------------------------------------------------------------------


def test_worked_example_with_no_previous_sanctions(ogrs3):
    found = score(ogrs3, worked_example(0))
    assert abs(found.p_1_year - 0.12161553504714574) < 1e-12
    assert abs(found.p_2_years - 0.22130521140511314) < 1e-12


def test_worked_example_with_one_previous_sanction(ogrs3):
    found = score(ogrs3, worked_example(1))
    assert abs(found.p_1_year - 0.3158120100020924) < 1e-12
    assert abs(found.p_2_years - 0.48651769565917) < 1e-12


@pytest.mark.parametrize("previous", [3, 5])
def test_the_rsr_calculator_example_of_a_woman_in_her_forties(ogrs3, previous):
    """The NOMS Digital Studio rsr-calculator's own test: female, born 9 Sep 1972, current
    sanction at 37, first at 14, assessed at 43, criminal damage."""
    found = score(
        ogrs3,
        Inputs(
            sex="female",
            date_of_birth=date(1972, 9, 9),
            current_sanction_date=date(2009, 9, 9),
            first_sanction_date=date(1986, 9, 9),
            previous_sanctions=previous,
            offence_category="criminal_damage",
            assessed_on=date(2015, 9, 15),
        ),
    )
    s = 1.251124464 * math.log((previous + 1) / (10 + 37 - 14)) + 0.463062792
    s += -1.524652221 + 0.204960477
    assert abs(found.p_1_year - logistic(1.402562384 + s)) < 1e-12
    assert abs(found.p_2_years - logistic(2.121705678 + s)) < 1e-12
    assert (found.age_at_current_sanction, found.age_at_first_sanction) == (37, 14)
    assert found.age_at_assessment == 43


def test_terms_add_up_to_the_linear_score_and_the_intercepts_make_the_probabilities(ogrs3):
    found = score(ogrs3, inputs())
    assert [term.key for term in found.terms] == ["copas", "sanctions", "age_sex", "offence"]
    assert math.isclose(sum(term.value for term in found.terms), found.linear_score)
    one, two = found.intercepts
    assert (one.key, one.value) == ("intercept_1_year", 1.402562384)
    assert (two.key, two.value) == ("intercept_2_years", 2.121705678)
    assert found.p_1_year == pytest.approx(logistic(one.value + found.linear_score), abs=1e-15)
    assert found.p_2_years == pytest.approx(logistic(two.value + found.linear_score), abs=1e-15)


def test_each_term_is_explained_with_the_inputs_it_used(ogrs3):
    found = score(ogrs3, inputs())
    by_key = {term.key: term for term in found.terms}
    assert by_key["copas"].explanation == (
        "2 previous sanctions in 2 years from the first sanction (age 13) to the current one "
        "(age 15)"
    )
    assert by_key["copas"].value == 1.251124464 * math.log(3 / 12)
    assert by_key["sanctions"].explanation == "At least one previous sanction"
    assert by_key["sanctions"].value == 0.463062792
    assert by_key["age_sex"].explanation == "Male, aged 16 at the assessment (ages 16–17)"
    assert by_key["age_sex"].value == -0.061594199
    assert by_key["offence"].explanation == "Theft (non-motor)"
    assert by_key["offence"].value == 0.661244321
    assert by_key["copas"].label == "Rate of previous sanctions (Copas rate)"


def test_a_first_sanction_explains_itself_without_a_span_of_years(ogrs3):
    found = score(ogrs3, worked_example(0))
    assert found.terms[0].explanation == (
        "0 previous sanctions; the first sanction and the current one were both at age 20"
    )
    assert found.terms[1].explanation == "No previous sanctions"
    assert found.terms[1].value == 0.126142106


def test_terms_are_in_welsh_when_welsh_is_active(ogrs3):
    with translation.override("cy"):
        found = score(ogrs3, inputs())
    assert found.terms[2].label != "Age and sex"
    assert "16" in found.terms[2].explanation


# Ages ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        (date(2008, 3, 14), date(2024, 3, 13), 15),
        (date(2008, 3, 14), date(2024, 3, 14), 16),
        (date(2008, 2, 29), date(2026, 2, 28), 17),
        (date(2008, 2, 29), date(2026, 3, 1), 18),
        (date(2008, 2, 29), date(2028, 2, 29), 20),
    ],
)
def test_ages_are_whole_years_by_birthday(born, on, age):
    assert age_on(born, on) == age


@pytest.mark.parametrize(
    ("age", "male", "female"),
    [(17, -0.061594199, -0.959179629), (18, -0.625103618, -0.897480934)],
)
def test_the_age_band_is_chosen_by_age_at_the_assessment(ogrs3, age, male, female):
    on = date(2008 + age, 3, 14)
    assert score(ogrs3, inputs(assessed_on=on)).terms[2].value == male
    assert score(ogrs3, inputs(assessed_on=on, sex="female")).terms[2].value == female


# The shipped model is OGRS3.md, exactly ------------------------------------------------------

# OGRS3.md, "Age and sex": (from, to, male, female); None: and over.
BRIEF_AGE_SEX = [
    (10, 11, 0, -0.785038489),
    (12, 13, 0.083922902, -0.613852078),
    (14, 15, 0.075775765, -0.669521331),
    (16, 17, -0.061594199, -0.959179629),
    (18, 20, -0.625103618, -0.897480934),
    (21, 24, -1.051515067, -1.028488454),
    (25, 29, -1.166679288, -1.052777806),
    (30, 34, -1.325976554, -1.129127959),
    (35, 39, -1.368045933, -1.42187494),
    (40, 49, -1.499690953, -1.524652221),
    (50, None, -2.025261458, -2.44983716),
]

# OGRS3.md, "Offence category", with the codes of "Codes Cairn uses", in table order.
BRIEF_OFFENCES = [
    ("violence", "violence against the person", 0),
    ("robbery", "robbery", -0.634795912),
    ("public_order", "public order and harassment", 0.181917975),
    ("sexual_not_child", "sexual, not against a child", 0.003276327),
    ("sexual_child", "sexual, against a child", -0.653434071),
    ("soliciting", "soliciting or prostitution", 0.760608858),
    ("burglary_domestic", "burglary (domestic)", -0.12394352),
    ("burglary_other", "burglary (other)", 0.240604429),
    ("theft", "theft (non-motor)", 0.661244321),
    ("handling", "handling stolen goods", 0.351866973),
    ("fraud", "fraud and forgery", 0.159910192),
    ("absconding_bail", "absconding or bail offences", 0.733378677),
    ("taking_vehicle", "taking and driving away and related", 0.380059431),
    ("theft_from_vehicle", "theft from vehicles", 0.427225615),
    ("other_motoring", "other motoring", 0.262228428),
    ("drink_driving", "drink driving", -0.121439408),
    ("criminal_damage", "criminal damage", 0.204960477),
    ("drug_production", "drug import, export or production", -0.795556373),
    ("drug_possession_supply", "drug possession or supply", 0.077165871),
    ("other", "other offence", -0.060667525),
]


def test_the_shipped_model_has_the_formula_constants_of_ogrs3_md(ogrs3):
    assert (ogrs3.intercept_1_year, ogrs3.intercept_2_years) == (1.402562384, 2.121705678)
    assert ogrs3.copas_coefficient == 1.251124464
    assert ogrs3.copas_added_years == 10
    assert (ogrs3.sanctions_none, ogrs3.sanctions_some) == (0.126142106, 0.463062792)
    assert ogrs3.minimum_age == 10


def test_the_shipped_model_has_every_age_and_sex_row_of_ogrs3_md(ogrs3):
    rows = [(b.lower_age, b.upper_age, b.male, b.female) for b in ogrs3.age_bands]
    assert rows == BRIEF_AGE_SEX


def test_the_shipped_model_has_every_offence_row_of_ogrs3_md(ogrs3):
    assert list(ogrs3.offence_categories.items()) == [
        (code, value) for code, _name, value in BRIEF_OFFENCES
    ]


def test_cairns_offence_codes_are_the_records_categories_in_the_brief_order():
    assert list(OFFENCE_CODES) == [code for code, _name, _value in BRIEF_OFFENCES]
    assert list(Offence.Category.values) == list(OFFENCE_CODES)
    labels = {code: str(label).lower() for code, label in Offence.Category.choices}
    assert labels == {code: name for code, name, _value in BRIEF_OFFENCES}


def test_the_shipped_model_is_named_labelled_and_sourced(ogrs3):
    assert (ogrs3.name, ogrs3.version, ogrs3.formula) == ("OGRS3", "2009.1", "ogrs3")
    assert ogrs3.label_in("en-gb") == "OGRS3 (adult model), not the official YOGRS"
    assert ogrs3.label_in("cy") == "OGRS3 (model oedolion), nid y YOGRS swyddogol"
    assert "Research Summary 7/09" in ogrs3.source
    assert "rsr-calculator" in ogrs3.source
    assert "hmpps-arns-risk-actuarial-api" in ogrs3.source
    assert ogrs3.title == "OGRS3 2009.1"


def test_the_shipped_bands_are_the_adult_convention(ogrs3):
    assert [
        (b.key, b.lower_percent, b.upper_percent, b.label_in("en"), b.label_in("cy"))
        for b in ogrs3.bands
    ] == [
        ("low", 0, 49, "Low", "Isel"),
        ("medium", 50, 74, "Medium", "Canolig"),
        ("high", 75, 89, "High", "Uchel"),
        ("very_high", 90, 100, "Very high", "Uchel iawn"),
    ]
    assert (ogrs3.minimum_percent, ogrs3.maximum_percent) == (1, 99)


def test_the_default_model_is_read_once(ogrs3):
    assert default_model() is ogrs3


def test_models_bands_and_scores_can_be_hashed(ogrs3):
    copy = parse_model(DEFAULT_MODEL_FILE.read_text(encoding="utf-8"))
    assert copy is not ogrs3
    assert hash(copy) == hash(ogrs3)
    assert hash(replace(ogrs3, version="2")) != hash(ogrs3)
    assert len({score(ogrs3, inputs()), score(copy, inputs())}) == 1


# Bands, rounding, clamping -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("p", "percent", "band"),
    [
        (0.4949999, 49, "low"),
        (0.495, 50, "medium"),
        (0.7449999, 74, "medium"),
        (0.745, 75, "high"),
        (0.8949999, 89, "high"),
        (0.895, 90, "very_high"),
    ],
)
def test_band_boundaries_are_on_the_displayed_percentage(ogrs3, p, percent, band):
    assert ogrs3.percent(p) == percent
    assert ogrs3.band_for(p).key == band


@pytest.mark.parametrize(
    ("p", "percent"),
    [
        (0.125, 13),  # half-up, not to even
        (0.135, 14),
        (0.285, 29),  # 0.285 * 100 is 28.499999999999996 in floating point
        (0.5, 50),
        (0.12499, 12),
        (0.015, 2),
    ],
)
def test_percentages_round_half_up(ogrs3, p, percent):
    assert ogrs3.percent(p) == percent


@pytest.mark.parametrize(
    ("p", "percent", "band"),
    [(0.0001, 1, "low"), (0.0049, 1, "low"), (0.995, 99, "very_high"), (0.99999, 99, "very_high")],
)
def test_percentages_are_clamped_to_1_to_99(ogrs3, p, percent, band):
    assert ogrs3.percent(p) == percent
    assert ogrs3.band_for(p).key == band


def test_a_score_carries_its_rounded_percentages_and_band(ogrs3):
    found = score(ogrs3, worked_example(1))
    assert (found.percent_1_year, found.percent_2_years) == (32, 49)
    assert found.band.key == "low"


# Refusals ------------------------------------------------------------------------------------


def test_age_under_ten_at_the_current_sanction_is_refused(ogrs3):
    given = inputs(
        date_of_birth=date(2014, 3, 14),
        first_sanction_date=date(2023, 6, 1),
        current_sanction_date=date(2023, 6, 1),
        previous_sanctions=0,
    )
    assert reasons(ogrs3, given) == ["Age at the current sanction is 9; the model needs 10 or over"]


def test_a_first_sanction_after_the_current_one_is_refused(ogrs3):
    given = inputs(first_sanction_date=date(2024, 5, 4), current_sanction_date=date(2024, 3, 1))
    assert reasons(ogrs3, given) == [
        "The first sanction (4 May 2024) is after the current one (1 March 2024)"
    ]


def test_an_assessment_before_the_current_sanction_is_refused(ogrs3):
    given = inputs(assessed_on=date(2023, 5, 31))
    assert reasons(ogrs3, given) == [
        "The assessment date (31 May 2023) is before the current sanction (1 June 2023)"
    ]


def test_a_sanction_before_birth_is_refused(ogrs3):
    given = inputs(first_sanction_date=date(2000, 1, 1), current_sanction_date=date(2001, 1, 1))
    assert reasons(ogrs3, given) == [
        "The current sanction (1 January 2001) is before the date of birth (14 March 2008)"
    ]


def test_a_denominator_of_zero_or_less_is_refused(ogrs3):
    model = replace(ogrs3, copas_added_years=-5)
    assert reasons(model, inputs()) == [
        "The rate of sanctions cannot be worked out: -5 years plus the years from the first "
        "sanction to the current one make -3, and it must be more than 0"
    ]


def test_every_reason_is_given_at_once(ogrs3):
    given = inputs(
        sex="unknown",
        offence_category="arson",
        previous_sanctions=-1,
        first_sanction_date=date(2024, 1, 1),
        current_sanction_date=date(2017, 1, 1),
        assessed_on=date(2016, 12, 31),
    )
    assert reasons(ogrs3, given) == [
        "Sex is recorded as 'unknown'. The model has coefficients for male and female only, so "
        "record a practitioner rating instead",
        "The current offence category 'arson' is not one the model has a coefficient for",
        "The number of previous sanctions is -1; it cannot be negative",
        "The first sanction (1 January 2024) is after the current one (1 January 2017)",
        "Age at the current sanction is 8; the model needs 10 or over",
        "The assessment date (31 December 2016) is before the current sanction (1 January 2017)",
    ]


def test_missing_inputs_are_named(ogrs3):
    given = inputs(
        sex="",
        date_of_birth=None,
        current_sanction_date=None,
        first_sanction_date=None,
        assessed_on=None,
        previous_sanctions=None,
    )
    assert reasons(ogrs3, given) == [
        "The date of birth is not recorded",
        "There is no current sanction",
        "The date of the first sanction is missing",
        "The assessment date is missing",
        "The number of previous sanctions is missing",
        "Sex is not recorded. The model has coefficients for male and female only, so record a "
        "practitioner rating instead",
    ]


def test_cannot_score_is_a_value_error_whose_message_joins_the_reasons(ogrs3):
    with pytest.raises(ValueError, match="needs 10 or over; The assessment date"):
        score(ogrs3, inputs(date_of_birth=date(2015, 1, 1), assessed_on=date(2020, 1, 1)))


# Model files ---------------------------------------------------------------------------------


def shipped_data() -> dict[str, Any]:
    return yaml.safe_load(DEFAULT_MODEL_FILE.read_text(encoding="utf-8"))


def without(data: dict[str, Any], *path: Any) -> dict[str, Any]:
    *parents, last = path
    target: Any = data
    for key in parents:
        target = target[key]
    del target[last]
    return data


def setting(data: dict[str, Any], *path_and_value: Any) -> dict[str, Any]:
    *parents, last, value = path_and_value
    target: Any = data
    for key in parents:
        target = target[key]
    target[last] = value
    return data


def refused(data: Any) -> str:
    with pytest.raises(ModelFileError) as error:
        parse_model(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return str(error.value)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: setting(d, "offence_categories", "robbery", "abc"),
            "offence_categories.robbery: expected a number, got 'abc'",
        ),
        (
            lambda d: setting(d, "intercepts", "three_years", 3.1),
            "unknown key 'intercepts.three_years'",
        ),
        (
            lambda d: setting(setting(d, "notes", "x"), "author", "y"),
            "unknown keys 'notes', 'author'",
        ),
        (lambda d: without(d, "intercepts", "two_years"), "missing key 'intercepts.two_years'"),
        (lambda d: without(d, "display"), "missing key 'display'"),
        (
            lambda d: without(d, "offence_categories", "robbery"),
            "missing key 'offence_categories.robbery'",
        ),
        (
            lambda d: setting(d, "offence_categories", "arson", 0.2),
            "unknown key 'offence_categories.arson'",
        ),
        (
            lambda d: setting(d, "copas", "coefficient", float("nan")),
            "copas.coefficient: expected a finite number, got nan",
        ),
        (
            lambda d: setting(d, "intercepts", "one_year", float("inf")),
            "intercepts.one_year: expected a finite number, got inf",
        ),
        (
            lambda d: setting(d, "sanctions", "some", True),
            "sanctions.some: expected a number, got true",
        ),
        (
            lambda d: setting(d, "version", 2009.1),
            "version: expected text, got 2009.1 (put it in quotes)",
        ),
        (lambda d: setting(d, "name", "  "), "name: must not be empty"),
        (lambda d: setting(d, "source", ["a"]), "source: expected text, got a list"),
        (lambda d: without(d, "label", "en"), "missing key 'label.en'"),
        (lambda d: setting(d, "label", "fr", "Modèle"), "unknown key 'label.fr'"),
        (
            lambda d: setting(d, "formula", "ogrs4"),
            "formula: Cairn computes only models of the 'ogrs3' formula, got 'ogrs4'",
        ),
        (
            lambda d: setting(d, "intercepts", "x"),
            "intercepts: expected a mapping of keys to values, got 'x'",
        ),
        (
            lambda d: setting(d, "copas", "added_years", 0),
            "copas.added_years: must be more than 0, got 0",
        ),
        (
            lambda d: setting(d, "minimum_age", 10.5),
            "minimum_age: expected a whole number, got 10.5",
        ),
        (
            lambda d: setting(d, "age_sex", d["age_sex"][:-1]),
            "age_sex: no band covers ages over 49; leave out up_to on the last band so it holds "
            "every older age",
        ),
        (
            lambda d: without(d, "age_sex", 3, "up_to"),
            "age_sex[3]: only the last age band may leave out up_to",
        ),
        (
            lambda d: setting(d, "age_sex", 2, "up_to", 13),
            "age_sex[2].up_to: 13 leaves no ages in this band, which would start at 14",
        ),
        (
            lambda d: setting(d, "age_sex", 0, "up_to", 9),
            "age_sex[0].up_to: 9 leaves no ages in this band, which would start at 10",
        ),
        (lambda d: without(d, "age_sex", 0, "female"), "missing key 'age_sex[0].female'"),
        (
            lambda d: setting(d, "age_sex", 4, "male", "-0.6"),
            "age_sex[4].male: expected a number, got '-0.6'",
        ),
        (lambda d: setting(d, "age_sex", []), "age_sex: expected at least one age band"),
        (lambda d: setting(d, "age_sex", {"a": 1}), "age_sex: expected a list, got a mapping"),
        (
            lambda d: setting(d, "bands", 1, "from", 51),
            "bands must cover 0 to 100 without gaps: bands[1] starts at 51, but the band before "
            "ends at 49",
        ),
        (
            lambda d: setting(d, "bands", 2, "from", 70),
            "bands must cover 0 to 100 without gaps: bands[2] starts at 70, but the band before "
            "ends at 74",
        ),
        (
            lambda d: setting(d, "bands", 0, "from", 1),
            "bands must cover 0 to 100 without gaps: the first band starts at 1",
        ),
        (
            lambda d: setting(d, "bands", 3, "to", 99),
            "bands must cover 0 to 100 without gaps: the last band ends at 99",
        ),
        (
            lambda d: setting(d, "bands", []),
            "bands must cover 0 to 100 without gaps: there are no bands",
        ),
        (
            lambda d: setting(d, "bands", 1, "key", "low"),
            "bands[1].key: the key 'low' is used by another band",
        ),
        (
            lambda d: setting(d, "bands", 3, "key", "Very High"),
            "bands[3].key: expected lower-case letters, digits and underscores, got 'Very High'",
        ),
        (
            lambda d: setting(d, "bands", 1, "to", 45),
            "bands[1]: from (50) is after to (45)",
        ),
        (
            lambda d: setting(d, "bands", 0, "to", 49.5),
            "bands[0].to: expected a whole number, got 49.5",
        ),
        (lambda d: without(d, "bands", 2, "label"), "missing key 'bands[2].label'"),
        (
            lambda d: setting(d, "display", "minimum_percent", 99),
            "display: minimum_percent (99) must be below maximum_percent (99)",
        ),
        (
            lambda d: setting(d, "display", "maximum_percent", 101),
            "display.maximum_percent: must be between 0 and 100, got 101",
        ),
        (lambda d: [d], "The model file must be a mapping of keys to values, got a list"),
    ],
)
def test_a_malformed_model_is_refused_with_a_precise_message(change, message):
    assert refused(change(shipped_data())) == message


def test_a_file_that_is_not_yaml_is_refused_with_the_place():
    with pytest.raises(ModelFileError) as error:
        parse_model("name: OGRS3\nlabel: {en: [unclosed\n")
    assert str(error.value).startswith("The model file is not valid YAML (line 3, column 1):")


def test_an_empty_file_is_refused():
    with pytest.raises(ModelFileError, match=r"^The model file is empty$"):
        parse_model("")


def test_a_key_given_twice_is_refused():
    text = DEFAULT_MODEL_FILE.read_text(encoding="utf-8")
    text = text.replace("  robbery: -0.634795912\n", "  robbery: -0.634795912\n  robbery: 1\n")
    line = text.splitlines().index("  robbery: 1") + 1
    with pytest.raises(ModelFileError) as error:
        parse_model(text)
    assert str(error.value) == f"duplicate key 'robbery' (line {line})"


def test_a_huge_file_is_refused_before_it_is_read():
    with pytest.raises(ModelFileError, match="too large"):
        parse_model("# " + "x" * 100_000)


def test_yaml_tags_that_build_objects_are_refused():
    with pytest.raises(ModelFileError, match="not valid YAML"):
        parse_model("name: !!python/object/apply:os.system ['true']\n")


def test_a_model_survives_a_json_round_trip(ogrs3):
    stored = json.loads(json.dumps(model_to_data(ogrs3)))
    assert model_from_data(stored) == ogrs3


def test_stored_data_is_checked_like_a_file(ogrs3):
    stored = model_to_data(ogrs3)
    stored["offence_categories"]["robbery"] = None
    with pytest.raises(ModelFileError, match=r"^offence_categories.robbery: expected a number"):
        model_from_data(stored)


YOGRS_LIKE = (
    """
formula: ogrs3
name: YOGRS
version: "2025-local"
source: Held by Northshire under licence
label: {en: YOGRS (local coefficients)}
intercepts: {one_year: 1.0, two_years: 2.0}
copas: {coefficient: 1.0, added_years: 5}
sanctions: {none: 0, some: 0.5}
minimum_age: 10
age_sex:
  - {up_to: 14, male: 0.1, female: -0.1}
  - {male: 0.2, female: -0.2}
offence_categories:
"""
    + "".join(f"  {code}: 0.{index}\n" for index, code in enumerate(OFFENCE_CODES))
    + """
bands:
  - {key: low, label: {en: Low}, from: 0, to: 59}
  - {key: high, label: {en: High, cy: Uchel}, from: 60, to: 100}
display: {minimum_percent: 0, maximum_percent: 100}
"""
)


def test_another_model_of_the_family_loads_and_scores_without_code_changes():
    model = parse_model(YOGRS_LIKE)
    assert model.label_in("cy") == "YOGRS (local coefficients)"  # no Welsh: English
    found = score(model, inputs())
    s = 1.0 * math.log(3 / (5 + 2)) + 0.5 + 0.2 + 0.8
    assert found.p_2_years == pytest.approx(logistic(2.0 + s), abs=1e-15)
    assert found.band.key == "high"
    assert found.band.label_in("cy") == "Uchel"
    assert found.model.title == "YOGRS 2025-local"


# What moved ----------------------------------------------------------------------------------


def scored(**changes: Any) -> Score:
    return score(default_model(), inputs(**changes))


def test_nothing_moved_when_the_inputs_are_the_same():
    assert what_moved(scored(), scored()) == []


def test_nothing_moved_when_only_the_assessment_date_moved_within_an_age_band():
    assert what_moved(scored(), scored(assessed_on=date(2024, 5, 1))) == []


def test_a_new_sanction_moves_the_score():
    before = scored()
    after = scored(
        previous_sanctions=3,
        current_sanction_date=date(2024, 3, 1),
        offence_category="robbery",
    )
    assert what_moved(before, after) == [
        "1 new sanction: previous sanctions went from 2 to 3",
        "The current sanction is now the one on 1 March 2024 (it was 1 June 2023)",
        "The current offence changed from Theft (non-motor) to Robbery",
    ]


def test_a_birthday_crossing_an_age_band_moves_the_score():
    before = scored(assessed_on=date(2026, 3, 13))
    after = scored(assessed_on=date(2026, 3, 14))
    assert what_moved(before, after) == ["Turned 18: the age band moved from 16–17 to 18–20"]
    assert after.p_2_years < before.p_2_years


def test_an_earlier_date_crossing_back_names_the_age_without_a_birthday():
    assert what_moved(scored(assessed_on=date(2026, 3, 14)), scored()) == [
        "Aged 16 at this date: the age band moved from 18–20 to 16–17"
    ]


def test_a_corrected_first_sanction_and_fewer_sanctions_move_the_score():
    before = scored()
    after = scored(first_sanction_date=date(2022, 9, 1), previous_sanctions=1)
    assert what_moved(before, after) == [
        "Previous sanctions went from 2 to 1",
        "The first sanction is now dated 1 September 2022 (it was 1 September 2021)",
    ]


def test_a_changed_model_is_named():
    before = scored()
    after = score(parse_model(YOGRS_LIKE), inputs())
    assert what_moved(before, after) == [
        "The scoring model changed from OGRS3 2009.1 to YOGRS 2025-local"
    ]


def test_sex_and_date_of_birth_changes_are_named():
    after = scored(sex="female", date_of_birth=date(2008, 3, 15))
    assert what_moved(scored(), after) == [
        "Sex changed from Male to Female",
        "The date of birth changed from 14 March 2008 to 15 March 2008",
    ]
