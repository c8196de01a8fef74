"""Load Cairn's fictional demo: organisations, staff, children and their assessments
(idempotent)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from cairn.demo import load


class Command(BaseCommand):
    help = (
        "Create the demo organisations, users, fictional children and their assessment "
        "history. Safe to run again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        summary = load.load_demo()
        self.stdout.write(self.style.SUCCESS(summary))
