"""Effort benchmark: how much each stage type asks of a practitioner, from the catalogue alone.

    .venv/bin/python bench/effort.py [--version 2026.1]

Prints one line per stage type in the catalogue,

    <stage_type> required_inputs=<n> optional_inputs=<n> screens=<n> optional_screens=<n>

counted by `cairn.assessment.completion.effort` when nothing triggers a follow-up: required
inputs are the questions that must be answered before the stage can be completed, optional
inputs every other question the practitioner could type into (full-depth questions of a light
stage, further exploration, follow-ups, the questions of sections only offered), screens the
sections the stage must go through, optional screens the sections it only offers (depth
`further` in stages.yaml: never required). Core Record facts
shown instead of asked are not inputs. Then one line measured by doing it,

    review_after_one_change required_inputs=<n> screens=<n>

what a review stage needs when one Core Record fact changed since a completed full stage (the
change, one confirm per section of carried answers on one page, the judgements to reconfirm and
any new required answer; bench/review_effort.py), in a throwaway database of its own (SQLite in
memory, or a test database beside DATABASE_URL's). A last line says whether an out-of-court
stage meets the proportionality target: at most 40 required inputs on at most 6 screens. Exits 1
if it does not.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cairn.settings")
os.environ.setdefault("CAIRN_INSECURE_LOCAL", "1")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from cairn.assessment.completion import effort  # noqa: E402
from cairn.framework import catalogue as catalogues  # noqa: E402

TARGET_STAGE = "out_of_court"
MAX_REQUIRED = 40
MAX_SCREENS = 6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", help="catalogue version (default: the current one)")
    args = parser.parse_args()
    try:
        catalogue = catalogues.load(args.version)
    except catalogues.CatalogueError as error:
        print(f"cannot read the catalogue: {error}", file=sys.stderr)
        return 2
    figures = {}
    for stage in catalogue.stages:
        figures[stage.key] = found = effort(catalogue, stage.key)
        print(
            f"{stage.key} required_inputs={found['required_inputs']} "
            f"optional_inputs={found['optional_inputs']} screens={found['screens']} "
            f"optional_screens={found['optional_screens']}"
        )
    print(review_after_one_change())
    target = figures.get(TARGET_STAGE)
    if target is None:
        print(
            f"{TARGET_STAGE}: not in catalogue {catalogue.version}, so the target cannot be checked"
        )
        return 1
    meets = target["required_inputs"] <= MAX_REQUIRED and target["screens"] <= MAX_SCREENS
    print(
        f"{TARGET_STAGE} {'meets' if meets else 'DOES NOT meet'} the target "
        f"(at most {MAX_REQUIRED} required inputs on at most {MAX_SCREENS} screens): "
        f"{target['required_inputs']} required inputs on {target['screens']} screen(s) "
        f"(catalogue {catalogue.version})"
    )
    return 0 if meets else 1


def review_after_one_change() -> str:
    """Measure a review after one change in a throwaway database, then drop it."""
    sys.path.insert(0, str(ROOT / "bench"))
    from review_effort import measure  # needs Django set up, so imported here

    kept = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        found = measure()
    finally:
        connection.creation.destroy_test_db(kept, verbosity=0)
    return f"{found.line()}\n{found.breakdown()}"


if __name__ == "__main__":
    sys.exit(main())
