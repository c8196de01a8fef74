"""The reoffending score: a model of the OGRS family, held as data, applied to a child's inputs.

Pure: no database. A model is a frozen `ScoringModel`, read from a YAML file (`parse_model`)
or from the same shape stored as JSON (`model_from_data`); `default_model()` is OGRS3 as
shipped in `scoring_models/ogrs3.yaml`. `score(model, inputs)` computes the 1- and 2-year
probabilities, the band and each term's contribution, or raises `CannotScore` with every
reason the inputs cannot be scored. `what_moved` says which inputs moved a score between two
stages.

Words for people (term labels and explanations, reasons, what moved, error messages) are
translated with `gettext` when they are made, so a `Score` speaks the language active when
`score()` was called; presenters that need another language score again. Band and model
labels are data in the model file, in English and Welsh (`label_in(language)`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

FORMULA = "ogrs3"
SEXES = ("male", "female")

# Cairn's offence category codes (records.models.Offence.Category), in the order of OGRS3.md.
OFFENCE_CODES = (
    "violence",
    "robbery",
    "public_order",
    "sexual_not_child",
    "sexual_child",
    "soliciting",
    "burglary_domestic",
    "burglary_other",
    "theft",
    "handling",
    "fraud",
    "absconding_bail",
    "taking_vehicle",
    "theft_from_vehicle",
    "other_motoring",
    "drink_driving",
    "criminal_damage",
    "drug_production",
    "drug_possession_supply",
    "other",
)

DEFAULT_MODEL_FILE = Path(__file__).parent / "scoring_models" / "ogrs3.yaml"
LARGEST_FILE = 100_000  # characters; a model file is a few kilobytes


# The model ----------------------------------------------------------------------------------


class ModelFileError(ValueError):
    """A model file (or stored model data) that cannot be used, with the key at fault."""


def _in_language(label: Mapping[str, str], language: str) -> str:
    if language.startswith("cy") and label.get("cy"):
        return label["cy"]
    return label["en"]


@dataclass(frozen=True)
class Band:
    """A band of the displayed 2-year percentage, both ends included."""

    key: str
    label: dict[str, str]
    lower_percent: int
    upper_percent: int

    def __hash__(self) -> int:  # the label is a dict: hash its items
        return hash(
            (self.key, tuple(sorted(self.label.items())), self.lower_percent, self.upper_percent)
        )

    def label_in(self, language: str) -> str:
        return _in_language(self.label, language)


@dataclass(frozen=True)
class AgeBand:
    """Ages `lower_age` to `upper_age` (both included; no upper age: every older age)."""

    lower_age: int
    upper_age: int | None
    male: float
    female: float

    def covers(self, age: int) -> bool:
        return age >= self.lower_age and (self.upper_age is None or age <= self.upper_age)

    def coefficient(self, sex: str) -> float:
        return self.male if sex == "male" else self.female

    def describe(self) -> str:
        if self.upper_age is None:
            return _("%(low)d and over") % {"low": self.lower_age}
        return _("%(low)d–%(high)d") % {"low": self.lower_age, "high": self.upper_age}


@dataclass(frozen=True)
class ScoringModel:
    name: str
    version: str
    source: str
    label: dict[str, str]
    intercept_1_year: float
    intercept_2_years: float
    copas_coefficient: float
    copas_added_years: float
    sanctions_none: float
    sanctions_some: float
    minimum_age: int
    age_bands: tuple[AgeBand, ...]
    offence_categories: dict[str, float]
    bands: tuple[Band, ...]
    minimum_percent: int
    maximum_percent: int
    formula: str = FORMULA

    def __hash__(self) -> int:  # holds dicts: hash the data it is made of
        return hash(json.dumps(model_to_data(self), sort_keys=True))

    def label_in(self, language: str) -> str:
        return _in_language(self.label, language)

    @property
    def title(self) -> str:
        """Name and version, as a score names its model: "OGRS3 2009.1"."""
        return f"{self.name} {self.version}"

    def age_band_for(self, age: int) -> AgeBand | None:
        return next((band for band in self.age_bands if band.covers(age)), None)

    def percent(self, probability: float) -> int:
        """A probability as the whole percentage shown: rounded half-up, then clamped."""
        exact = Decimal(repr(probability)).scaleb(2)
        rounded = int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
        return min(self.maximum_percent, max(self.minimum_percent, rounded))

    def band_for(self, p_2_years: float) -> Band:
        """The band of the 2-year percentage as displayed, so the screen and band agree."""
        shown = self.percent(p_2_years)
        return next(b for b in self.bands if b.lower_percent <= shown <= b.upper_percent)


@cache
def default_model() -> ScoringModel:
    """OGRS3 as shipped with Cairn, read once."""
    return parse_model(DEFAULT_MODEL_FILE.read_text(encoding="utf-8"))


# Reading a model file -----------------------------------------------------------------------


class _StrictLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing a key given twice instead of keeping the last."""


def _mapping_without_duplicates(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[object] = set()
    for key_node, _value_node in node.value:
        key = loader.construct_object(key_node)
        if not isinstance(key, str | int | float | bool):
            continue  # an unusable key: refused by the checks that follow
        if key in seen:
            raise ModelFileError(
                _("duplicate key '%(key)s' (line %(line)d)")
                % {"key": key, "line": key_node.start_mark.line + 1}
            )
        seen.add(key)
    return dict(loader.construct_mapping(node))


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates
)


def parse_model(text: str) -> ScoringModel:
    """A model from the text of a YAML model file; `ModelFileError` names what is wrong."""
    if len(text) > LARGEST_FILE:
        raise ModelFileError(
            _("The model file is too large (more than %(limit)d characters)")
            % {"limit": LARGEST_FILE}
        )
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 (a safe loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise ModelFileError(
            _("The model file is not valid YAML (line %(line)d, column %(column)d): %(problem)s")
            % {
                "line": (mark.line + 1) if mark else 0,
                "column": (mark.column + 1) if mark else 0,
                "problem": error.problem or error.context or "",
            }
        ) from None
    except yaml.YAMLError as error:
        raise ModelFileError(
            _("The model file is not valid YAML: %(problem)s") % {"problem": error}
        ) from None
    except ModelFileError:
        raise
    except ValueError as error:
        # YAML reads numbers and dates itself: a number of thousands of digits, or a date that
        # does not exist (2024-02-30), fails there rather than in the checks below.
        problem = (
            _("a number has too many digits")
            if "integer string conversion" in str(error)
            else _("a date that does not exist (%(problem)s)") % {"problem": error}
        )
        raise ModelFileError(
            _("The model file holds a value that cannot be read: %(problem)s")
            % {"problem": problem}
        ) from None
    except RecursionError:
        raise ModelFileError(
            _("The model file is nested too deeply: a model file is a few levels deep")
        ) from None
    if data is None:
        raise ModelFileError(_("The model file is empty"))
    return model_from_data(data)


_TOP_KEYS = (
    "formula",
    "name",
    "version",
    "source",
    "label",
    "intercepts",
    "copas",
    "sanctions",
    "minimum_age",
    "age_sex",
    "offence_categories",
    "bands",
    "display",
)


def model_from_data(data: Any) -> ScoringModel:
    """A model from data shaped like the model file (for example JSON stored in the database)."""
    if not isinstance(data, dict):
        raise ModelFileError(
            _("The model file must be a mapping of keys to values, got %(value)s")
            % {"value": _show(data)}
        )
    top = _keys(data, "", required=_TOP_KEYS)
    formula = _text(top["formula"], "formula")
    if formula != FORMULA:
        raise ModelFileError(
            _("formula: Cairn computes only models of the '%(known)s' formula, got %(value)s")
            % {"known": FORMULA, "value": _show(formula)}
        )
    intercepts = _keys(top["intercepts"], "intercepts", required=("one_year", "two_years"))
    copas = _keys(top["copas"], "copas", required=("coefficient", "added_years"))
    sanctions = _keys(top["sanctions"], "sanctions", required=("none", "some"))
    display = _keys(top["display"], "display", required=("minimum_percent", "maximum_percent"))
    minimum_age = _whole(top["minimum_age"], "minimum_age", low=0, high=150)
    added_years = _number(copas["added_years"], "copas.added_years")
    if added_years <= 0:
        raise ModelFileError(
            _("%(path)s: must be more than 0, got %(value)s")
            % {"path": "copas.added_years", "value": _show(copas["added_years"])}
        )
    minimum_percent, maximum_percent = _display(display)
    return ScoringModel(
        formula=formula,
        name=_text(top["name"], "name"),
        version=_text(top["version"], "version"),
        source=_text(top["source"], "source"),
        label=_label(top["label"], "label"),
        intercept_1_year=_number(intercepts["one_year"], "intercepts.one_year"),
        intercept_2_years=_number(intercepts["two_years"], "intercepts.two_years"),
        copas_coefficient=_number(copas["coefficient"], "copas.coefficient"),
        copas_added_years=added_years,
        sanctions_none=_number(sanctions["none"], "sanctions.none"),
        sanctions_some=_number(sanctions["some"], "sanctions.some"),
        minimum_age=minimum_age,
        age_bands=_age_bands(top["age_sex"], minimum_age),
        offence_categories=_offence_categories(top["offence_categories"]),
        bands=_bands(top["bands"]),
        minimum_percent=minimum_percent,
        maximum_percent=maximum_percent,
    )


def model_to_data(model: ScoringModel) -> dict[str, Any]:
    """The model as plain data in the file's shape: JSON-ready, read back by `model_from_data`."""
    age_sex: list[dict[str, Any]] = []
    for band in model.age_bands:
        row: dict[str, Any] = {} if band.upper_age is None else {"up_to": band.upper_age}
        age_sex.append({**row, "male": band.male, "female": band.female})
    return {
        "formula": model.formula,
        "name": model.name,
        "version": model.version,
        "source": model.source,
        "label": dict(model.label),
        "intercepts": {"one_year": model.intercept_1_year, "two_years": model.intercept_2_years},
        "copas": {"coefficient": model.copas_coefficient, "added_years": model.copas_added_years},
        "sanctions": {"none": model.sanctions_none, "some": model.sanctions_some},
        "minimum_age": model.minimum_age,
        "age_sex": age_sex,
        "offence_categories": dict(model.offence_categories),
        "bands": [
            {
                "key": band.key,
                "label": dict(band.label),
                "from": band.lower_percent,
                "to": band.upper_percent,
            }
            for band in model.bands
        ],
        "display": {
            "minimum_percent": model.minimum_percent,
            "maximum_percent": model.maximum_percent,
        },
    }


def _path(path: str, key: object) -> str:
    return f"{path}.{key}" if path else str(key)


def _show(value: Any) -> str:
    """A value as an error message shows it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return _("nothing")
    if isinstance(value, str):
        return f"'{value}'" if len(value) <= 40 else f"'{value[:37]}…'"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, date):
        return _("a date (%(date)s)") % {"date": value.isoformat()}
    return type(value).__name__


def _keys(
    value: Any, path: str, *, required: Iterable[str], optional: Iterable[str] = ()
) -> dict[str, Any]:
    """A mapping with exactly the required keys (and perhaps the optional ones)."""
    if not isinstance(value, dict):
        raise ModelFileError(
            _("%(path)s: expected a mapping of keys to values, got %(value)s")
            % {"path": path, "value": _show(value)}
        )
    required = tuple(required)
    allowed = set(required) | set(optional)
    unknown = [_path(path, key) for key in value if key not in allowed]
    if unknown:
        raise ModelFileError(
            ngettext("unknown key %(keys)s", "unknown keys %(keys)s", len(unknown))
            % {"keys": ", ".join(f"'{key}'" for key in unknown)}
        )
    missing = [_path(path, key) for key in required if key not in value]
    if missing:
        raise ModelFileError(
            ngettext("missing key %(keys)s", "missing keys %(keys)s", len(missing))
            % {"keys": ", ".join(f"'{key}'" for key in missing)}
        )
    return value


def _number(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ModelFileError(
            _("%(path)s: expected a number, got %(value)s") % {"path": path, "value": _show(value)}
        )
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise ModelFileError(
            _("%(path)s: expected a finite number, got %(value)s")
            % {"path": path, "value": _show(value)}
        )
    return number


def _whole(value: object, path: str, *, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ModelFileError(
            _("%(path)s: expected a whole number, got %(value)s")
            % {"path": path, "value": _show(value)}
        )
    if not low <= value <= high:
        raise ModelFileError(
            _("%(path)s: must be between %(low)d and %(high)d, got %(value)s")
            % {"path": path, "low": low, "high": high, "value": _show(value)}
        )
    return value


def _text(value: Any, path: str) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ModelFileError(
            _("%(path)s: expected text, got %(value)s (put it in quotes)")
            % {"path": path, "value": _show(value)}
        )
    if not isinstance(value, str):
        raise ModelFileError(
            _("%(path)s: expected text, got %(value)s") % {"path": path, "value": _show(value)}
        )
    if not value.strip():
        raise ModelFileError(_("%(path)s: must not be empty") % {"path": path})
    return value.strip()


def _label(value: Any, path: str) -> dict[str, str]:
    words = _keys(value, path, required=("en",), optional=("cy",))
    return {language: _text(text, _path(path, language)) for language, text in words.items()}


def _list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise ModelFileError(
            _("%(path)s: expected a list, got %(value)s") % {"path": path, "value": _show(value)}
        )
    return value


def _display(display: dict[str, Any]) -> tuple[int, int]:
    low = _whole(display["minimum_percent"], "display.minimum_percent", low=0, high=100)
    high = _whole(display["maximum_percent"], "display.maximum_percent", low=0, high=100)
    if low >= high:
        raise ModelFileError(
            _("display: minimum_percent (%(low)d) must be below maximum_percent (%(high)d)")
            % {"low": low, "high": high}
        )
    return low, high


def _age_bands(value: Any, minimum_age: int) -> tuple[AgeBand, ...]:
    rows = _list(value, "age_sex")
    if not rows:
        raise ModelFileError(_("age_sex: expected at least one age band"))
    bands: list[AgeBand] = []
    lower = minimum_age
    for index, row in enumerate(rows):
        path = f"age_sex[{index}]"
        fields = _keys(row, path, required=("male", "female"), optional=("up_to",))
        is_last = index == len(rows) - 1
        upper = _upper_age(fields, path, lower=lower, is_last=is_last)
        bands.append(
            AgeBand(
                lower_age=lower,
                upper_age=upper,
                male=_number(fields["male"], f"{path}.male"),
                female=_number(fields["female"], f"{path}.female"),
            )
        )
        lower = (upper or lower) + 1
    return tuple(bands)


def _upper_age(fields: dict[str, Any], path: str, *, lower: int, is_last: bool) -> int | None:
    if "up_to" not in fields:
        if not is_last:
            raise ModelFileError(
                _("%(path)s: only the last age band may leave out up_to") % {"path": path}
            )
        return None
    if is_last:
        raise ModelFileError(
            _(
                "age_sex: no band covers ages over %(age)s; leave out up_to on the last band so "
                "it holds every older age"
            )
            % {"age": _show(fields["up_to"])}
        )
    upper = _whole(fields["up_to"], f"{path}.up_to", low=0, high=150)
    if upper < lower:
        raise ModelFileError(
            _("%(path)s: %(value)d leaves no ages in this band, which would start at %(lower)d")
            % {"path": f"{path}.up_to", "value": upper, "lower": lower}
        )
    return upper


def _offence_categories(value: Any) -> dict[str, float]:
    fields = _keys(value, "offence_categories", required=OFFENCE_CODES)
    return {code: _number(fields[code], f"offence_categories.{code}") for code in OFFENCE_CODES}


def _bands(value: Any) -> tuple[Band, ...]:
    rows = _list(value, "bands")
    if not rows:
        raise ModelFileError(_("bands must cover 0 to 100 without gaps: there are no bands"))
    bands: list[Band] = []
    for index, row in enumerate(rows):
        band = _band(row, f"bands[{index}]", taken={b.key for b in bands})
        _check_band_follows(band, index, bands[-1] if bands else None)
        bands.append(band)
    if bands[-1].upper_percent != 100:
        raise ModelFileError(
            _("bands must cover 0 to 100 without gaps: the last band ends at %(value)d")
            % {"value": bands[-1].upper_percent}
        )
    return tuple(bands)


def _band(row: Any, path: str, *, taken: set[str]) -> Band:
    fields = _keys(row, path, required=("key", "label", "from", "to"))
    key = _text(fields["key"], f"{path}.key")
    if not key.isascii() or not key.replace("_", "").isalnum() or key != key.lower():
        raise ModelFileError(
            _("%(path)s: expected lower-case letters, digits and underscores, got %(value)s")
            % {"path": f"{path}.key", "value": _show(key)}
        )
    if key in taken:
        raise ModelFileError(
            _("%(path)s: the key '%(key)s' is used by another band")
            % {"path": f"{path}.key", "key": key}
        )
    low = _whole(fields["from"], f"{path}.from", low=0, high=100)
    high = _whole(fields["to"], f"{path}.to", low=0, high=100)
    if low > high:
        raise ModelFileError(
            _("%(path)s: from (%(low)d) is after to (%(high)d)")
            % {"path": path, "low": low, "high": high}
        )
    return Band(
        key=key,
        label=_label(fields["label"], f"{path}.label"),
        lower_percent=low,
        upper_percent=high,
    )


def _check_band_follows(band: Band, index: int, previous: Band | None) -> None:
    if previous is None:
        if band.lower_percent != 0:
            raise ModelFileError(
                _("bands must cover 0 to 100 without gaps: the first band starts at %(value)d")
                % {"value": band.lower_percent}
            )
        return
    if band.lower_percent != previous.upper_percent + 1:
        raise ModelFileError(
            _(
                "bands must cover 0 to 100 without gaps: %(path)s starts at %(value)d, but the "
                "band before ends at %(previous)d"
            )
            % {
                "path": f"bands[{index}]",
                "value": band.lower_percent,
                "previous": previous.upper_percent,
            }
        )


# Scoring ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Inputs:
    sex: str
    date_of_birth: date
    current_sanction_date: date
    first_sanction_date: date
    previous_sanctions: int
    offence_category: str
    assessed_on: date


@dataclass(frozen=True)
class Term:
    """One part of the score: `key` is copas, sanctions, age_sex, offence, or (for the
    intercepts, kept apart from `Score.terms`) intercept_1_year and intercept_2_years."""

    key: str
    label: str
    value: float
    explanation: str


@dataclass(frozen=True)
class Score:
    model: ScoringModel
    inputs: Inputs
    p_1_year: float
    p_2_years: float
    percent_1_year: int
    percent_2_years: int
    band: Band
    terms: tuple[Term, ...]  # copas, sanctions, age_sex, offence: they add up to linear_score
    linear_score: float
    intercepts: tuple[Term, Term]  # 1 year, 2 years
    age_at_assessment: int
    age_at_current_sanction: int
    age_at_first_sanction: int


class CannotScore(ValueError):
    """The inputs cannot be scored; `reasons` says every reason, in words for people."""

    def __init__(self, reasons: list[str]) -> None:
        self.reasons = list(reasons)
        super().__init__("; ".join(self.reasons))


def age_on(born: date, on: date) -> int:
    """Age in whole years on a date, by birthday (born 29 February: a year older on 1 March)."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def long_date(value: date) -> str:
    return formats.date_format(value, "j F Y")


def sex_label(sex: str) -> str:
    return {"male": _("Male"), "female": _("Female")}.get(sex, sex)


def category_label(code: str) -> str:
    """The offence category's name as the Core Record shows it (the code if unknown)."""
    from cairn.records.models import Offence  # choices only; keeps this module free of apps

    try:
        return str(Offence.Category(code).label)
    except ValueError:
        return code


def _is_date(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _missing(inputs: Inputs) -> list[str]:
    reasons = []
    if not _is_date(inputs.date_of_birth):
        reasons.append(_("The date of birth is not recorded"))
    if not _is_date(inputs.current_sanction_date):
        reasons.append(_("There is no current sanction"))
    if not _is_date(inputs.first_sanction_date):
        reasons.append(_("The date of the first sanction is missing"))
    if not _is_date(inputs.assessed_on):
        reasons.append(_("The assessment date is missing"))
    if not _is_count(inputs.previous_sanctions):
        reasons.append(_("The number of previous sanctions is missing"))
    return reasons


def sex_reason(sex: object) -> str | None:
    """Why a recorded sex cannot be scored, or None when it can."""
    if sex in SEXES:
        return None
    if not sex:
        return _(
            "Sex is not recorded. The model has coefficients for male and female only, so "
            "record a practitioner rating instead"
        )
    return _(
        "Sex is recorded as %(sex)s. The model has coefficients for male and female only, so "
        "record a practitioner rating instead"
    ) % {"sex": _show(sex)}


def _facts_reasons(model: ScoringModel, inputs: Inputs) -> list[str]:
    reasons = []
    about_sex = sex_reason(inputs.sex)
    if about_sex:
        reasons.append(about_sex)
    if not isinstance(inputs.offence_category, str) or (
        inputs.offence_category not in model.offence_categories
    ):
        reasons.append(
            _(
                "The current offence category %(category)s is not one the model has a coefficient for"
            )
            % {"category": _show(inputs.offence_category)}
        )
    if _is_count(inputs.previous_sanctions) and inputs.previous_sanctions < 0:
        reasons.append(
            _("The number of previous sanctions is %(count)d; it cannot be negative")
            % {"count": inputs.previous_sanctions}
        )
    return reasons


def _date_reasons(model: ScoringModel, inputs: Inputs) -> list[str]:
    """Reasons about the dates, all of which are known to be dates."""
    reasons = []
    first, current = inputs.first_sanction_date, inputs.current_sanction_date
    if first > current:
        reasons.append(
            _("The first sanction (%(first)s) is after the current one (%(current)s)")
            % {"first": long_date(first), "current": long_date(current)}
        )
    age_current = age_on(inputs.date_of_birth, current)
    if current < inputs.date_of_birth:
        reasons.append(
            _("The current sanction (%(current)s) is before the date of birth (%(born)s)")
            % {"current": long_date(current), "born": long_date(inputs.date_of_birth)}
        )
    elif age_current < model.minimum_age:
        reasons.append(
            _("Age at the current sanction is %(age)d; the model needs %(minimum)d or over")
            % {"age": age_current, "minimum": model.minimum_age}
        )
    if inputs.assessed_on < current:
        reasons.append(
            _("The assessment date (%(assessed)s) is before the current sanction (%(current)s)")
            % {"assessed": long_date(inputs.assessed_on), "current": long_date(current)}
        )
    denominator = _denominator(model, inputs)
    if denominator <= 0 and first <= current:
        reasons.append(
            _(
                "The rate of sanctions cannot be worked out: %(added)s years plus the years from "
                "the first sanction to the current one make %(value)s, and it must be more than 0"
            )
            % {"added": f"{model.copas_added_years:g}", "value": f"{denominator:g}"}
        )
    return reasons


def _denominator(model: ScoringModel, inputs: Inputs) -> float:
    born = inputs.date_of_birth
    years = age_on(born, inputs.current_sanction_date) - age_on(born, inputs.first_sanction_date)
    return model.copas_added_years + years


def reasons_not_to_score(model: ScoringModel, inputs: Inputs) -> list[str]:
    """Every reason these inputs cannot be scored with this model (empty when they can)."""
    missing = _missing(inputs)
    facts = _facts_reasons(model, inputs)
    if missing:
        return missing + facts
    return facts + _date_reasons(model, inputs)


def _logistic(z: float) -> float:
    if z >= 0:
        return 1 / (1 + math.exp(-z))
    e = math.exp(z)
    return e / (1 + e)


def score(model: ScoringModel, inputs: Inputs) -> Score:
    """The score of these inputs under this model, or `CannotScore` with every reason."""
    reasons = reasons_not_to_score(model, inputs)
    if reasons:
        raise CannotScore(reasons)
    born = inputs.date_of_birth
    age_now = age_on(born, inputs.assessed_on)
    age_current = age_on(born, inputs.current_sanction_date)
    age_first = age_on(born, inputs.first_sanction_date)
    age_band = model.age_band_for(age_now)
    assert age_band is not None  # the bands cover every age from minimum_age up
    count = inputs.previous_sanctions
    try:
        copas = model.copas_coefficient * math.log((count + 1) / _denominator(model, inputs))
    except OverflowError:
        copas = math.inf
    terms = (
        Term(
            key="copas",
            label=_("Rate of previous sanctions (Copas rate)"),
            value=copas,
            explanation=_copas_explanation(count, age_first, age_current),
        ),
        Term(
            key="sanctions",
            label=_("Any previous sanctions"),
            value=model.sanctions_some if count > 0 else model.sanctions_none,
            explanation=_("At least one previous sanction")
            if count > 0
            else _("No previous sanctions"),
        ),
        Term(
            key="age_sex",
            label=_("Age and sex"),
            value=age_band.coefficient(inputs.sex),
            explanation=_("%(sex)s, aged %(age)d at the assessment (ages %(band)s)")
            % {"sex": sex_label(inputs.sex), "age": age_now, "band": age_band.describe()},
        ),
        Term(
            key="offence",
            label=_("Current offence"),
            value=model.offence_categories[inputs.offence_category],
            explanation=category_label(inputs.offence_category),
        ),
    )
    linear = math.fsum(term.value for term in terms)
    p_1_year = _logistic(model.intercept_1_year + linear) if math.isfinite(linear) else 1.0
    p_2_years = _logistic(model.intercept_2_years + linear) if math.isfinite(linear) else 1.0
    if not (0 < p_1_year < 1 and 0 < p_2_years < 1):
        raise CannotScore(
            [_("The inputs give a score outside the range the model can express; check them")]
        )
    return Score(
        model=model,
        inputs=inputs,
        p_1_year=p_1_year,
        p_2_years=p_2_years,
        percent_1_year=model.percent(p_1_year),
        percent_2_years=model.percent(p_2_years),
        band=model.band_for(p_2_years),
        terms=terms,
        linear_score=linear,
        intercepts=_intercepts(model),
        age_at_assessment=age_now,
        age_at_current_sanction=age_current,
        age_at_first_sanction=age_first,
    )


def _copas_explanation(count: int, age_first: int, age_current: int) -> str:
    sanctions = ngettext("%(count)d previous sanction", "%(count)d previous sanctions", count) % {
        "count": count
    }
    years = age_current - age_first
    if years == 0:
        return _(
            "%(sanctions)s; the first sanction and the current one were both at age %(age)d"
        ) % {"sanctions": sanctions, "age": age_current}
    return _(
        "%(sanctions)s in %(years)s from the first sanction (age %(first)d) to the current one "
        "(age %(current)d)"
    ) % {
        "sanctions": sanctions,
        "years": ngettext("%(years)d year", "%(years)d years", years) % {"years": years},
        "first": age_first,
        "current": age_current,
    }


def _intercepts(model: ScoringModel) -> tuple[Term, Term]:
    return (
        Term(
            key="intercept_1_year",
            label=_("Starting point, within 1 year"),
            value=model.intercept_1_year,
            explanation=_("The same for everyone: the model's constant for 1 year"),
        ),
        Term(
            key="intercept_2_years",
            label=_("Starting point, within 2 years"),
            value=model.intercept_2_years,
            explanation=_("The same for everyone: the model's constant for 2 years"),
        ),
    )


# What moved a score -------------------------------------------------------------------------


def what_moved(previous: Score, current: Score) -> list[str]:
    """Plain sentences naming the inputs that moved the score from `previous` to `current`.

    Empty when nothing moved it: the same model and the same linear score.
    """
    same_model = model_to_data(previous.model) == model_to_data(current.model)
    if same_model and previous.linear_score == current.linear_score:
        return []
    moved = [] if same_model else [_model_moved(previous.model, current.model)]
    moved += _sanctions_moved(previous.inputs, current.inputs)
    moved += _facts_moved(previous, current)
    return moved


def _model_moved(old: ScoringModel, new: ScoringModel) -> str:
    if old.title == new.title:
        return _("The scoring model %(model)s was changed") % {"model": new.title}
    return _("The scoring model changed from %(old)s to %(new)s") % {
        "old": old.title,
        "new": new.title,
    }


def _sanctions_moved(old: Inputs, new: Inputs) -> list[str]:
    moved = []
    if new.previous_sanctions > old.previous_sanctions:
        added = new.previous_sanctions - old.previous_sanctions
        moved.append(
            ngettext(
                "%(count)d new sanction: previous sanctions went from %(old)d to %(new)d",
                "%(count)d new sanctions: previous sanctions went from %(old)d to %(new)d",
                added,
            )
            % {"count": added, "old": old.previous_sanctions, "new": new.previous_sanctions}
        )
    elif new.previous_sanctions < old.previous_sanctions:
        moved.append(
            _("Previous sanctions went from %(old)d to %(new)d")
            % {"old": old.previous_sanctions, "new": new.previous_sanctions}
        )
    if new.current_sanction_date != old.current_sanction_date:
        moved.append(
            _("The current sanction is now the one on %(new)s (it was %(old)s)")
            % {
                "new": long_date(new.current_sanction_date),
                "old": long_date(old.current_sanction_date),
            }
        )
    if new.first_sanction_date != old.first_sanction_date:
        moved.append(
            _("The first sanction is now dated %(new)s (it was %(old)s)")
            % {"new": long_date(new.first_sanction_date), "old": long_date(old.first_sanction_date)}
        )
    return moved


def _facts_moved(previous: Score, current: Score) -> list[str]:
    old, new = previous.inputs, current.inputs
    moved = []
    if new.offence_category != old.offence_category:
        moved.append(
            _("The current offence changed from %(old)s to %(new)s")
            % {
                "old": category_label(old.offence_category),
                "new": category_label(new.offence_category),
            }
        )
    if new.sex != old.sex:
        moved.append(
            _("Sex changed from %(old)s to %(new)s")
            % {"old": sex_label(old.sex), "new": sex_label(new.sex)}
        )
    if new.date_of_birth != old.date_of_birth:
        moved.append(
            _("The date of birth changed from %(old)s to %(new)s")
            % {"old": long_date(old.date_of_birth), "new": long_date(new.date_of_birth)}
        )
    age_moved = _age_band_moved(previous, current)
    if age_moved:
        moved.append(age_moved)
    return moved


def _age_band_moved(previous: Score, current: Score) -> str | None:
    # Both ages in the current model's bands: a changed model is named on its own.
    old_band = current.model.age_band_for(previous.age_at_assessment)
    new_band = current.model.age_band_for(current.age_at_assessment)
    if old_band is None or new_band is None:  # an age below a changed model's minimum
        return None
    if old_band == new_band:
        return None
    values = {
        "age": current.age_at_assessment,
        "old": old_band.describe(),
        "new": new_band.describe(),
    }
    if current.age_at_assessment > previous.age_at_assessment:
        return _("Turned %(age)d: the age band moved from %(old)s to %(new)s") % values
    return _("Aged %(age)d at this date: the age band moved from %(old)s to %(new)s") % values


# Why a new offence can lower a score --------------------------------------------------------


def _term(found: Score, key: str) -> float:
    return next((term.value for term in found.terms if term.key == key), 0.0)


def _reference_category(model: ScoringModel) -> str | None:
    """The offence category the model measures the others against (coefficient 0), if one."""
    return next((code for code, value in model.offence_categories.items() if value == 0), None)


def why_lower(previous: Score, current: Score) -> list[str]:
    """Plain sentences saying why the score fell although a new sanction was added, so nobody
    reads a lower score after more offending as a mistake. Empty unless both hold.

    Two features of OGRS3 do it: its current-offence terms measure every category against one
    reference (violence against the person, 0), so a new current offence of a category with a
    lower coefficient lowers the score whatever its seriousness; and the Copas rate (previous
    sanctions per span of the criminal career) falls as the span grows faster than the count.
    """
    old, new = previous.inputs, current.inputs
    added = (
        new.previous_sanctions > old.previous_sanctions
        or new.current_sanction_date > old.current_sanction_date
    )
    if not added or current.linear_score >= previous.linear_score:
        return []
    found = [
        _(
            "The score went down, from %(old)d%% to %(new)d%% within 2 years, although a new "
            "offence was added. That is how the model works, not a mistake:"
        )
        % {"old": previous.percent_2_years, "new": current.percent_2_years}
    ]
    old_offence, new_offence = _term(previous, "offence"), _term(current, "offence")
    if new_offence < old_offence:
        reference = _reference_category(current.model)
        values = {
            "model": current.model.name,
            "reference": category_label(reference) if reference else "",
            "new": category_label(new.offence_category),
            "new_value": f"{new_offence:+.3f}",
            "old": category_label(old.offence_category),
            "old_value": f"{old_offence:+.3f}",
        }
        if reference:
            found.append(
                _(
                    "%(model)s's current-offence terms measure every offence against one "
                    "reference category, %(reference)s (0). The new current offence, %(new)s, "
                    "counts %(new_value)s where %(old)s counted %(old_value)s: the score falls "
                    "although the offending is no less serious."
                )
                % values
            )
        else:
            found.append(
                _(
                    "The new current offence, %(new)s, counts %(new_value)s in %(model)s where "
                    "%(old)s counted %(old_value)s: the score falls although the offending is "
                    "no less serious."
                )
                % values
            )
    if _term(current, "copas") < _term(previous, "copas"):
        found.append(
            _(
                "The Copas rate counts previous sanctions per year of the criminal career, and it "
                "falls as the span from the first sanction to the current one grows faster than "
                "the count: it was %(old)s, it is now %(new)s."
            )
            % {
                "old": _copas_explanation(
                    old.previous_sanctions,
                    previous.age_at_first_sanction,
                    previous.age_at_current_sanction,
                ),
                "new": _copas_explanation(
                    new.previous_sanctions,
                    current.age_at_first_sanction,
                    current.age_at_current_sanction,
                ),
            }
        )
    if _term(current, "age_sex") < _term(previous, "age_sex"):
        found.append(_("The child is now in an age band the model scores lower."))
    return found
