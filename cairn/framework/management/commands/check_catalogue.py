"""Validate the AssetPlus catalogue: exit status 1 and a precise message for every error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cairn.framework import catalogue, validation


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # report the catalogue's own precise messages instead
    help = "Check the catalogue's structure and meaning (unknown keys, show-if cycles, Welsh labels, duplicated facts)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path", nargs="?", help="A catalogue version folder (default: the current version)"
        )

    def handle(self, *args: Any, path: str | None = None, **options: Any) -> None:
        try:
            loaded = catalogue.load_from(Path(path)) if path else catalogue.load()
        except catalogue.CatalogueError as error:
            raise CommandError(str(error)) from None
        found = validation.problems(loaded)
        for problem in found:
            style = self.style.ERROR if problem.is_error else self.style.WARNING
            self.stderr.write(
                style(("error: " if problem.is_error else "warning: ") + str(problem))
            )
        errors = [problem for problem in found if problem.is_error]
        if errors:
            raise CommandError(f"catalogue {loaded.version}: {len(errors)} error(s)")
        questions = len(loaded.questions)
        self.stdout.write(
            self.style.SUCCESS(
                f"catalogue {loaded.version} ({loaded.manifest.status}): {len(loaded.sections)} sections, "
                f"{questions} questions, {len(loaded.stages)} stage types, {len(found)} warning(s)"
            )
        )
