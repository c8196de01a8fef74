"""The refusals every write to a stage's parts may raise: the answers' own are in operations;
the judgements, the plan and the child's plan share these two."""

from __future__ import annotations

from typing import Any


class StaleError(Exception):
    """Someone else changed it since it was opened; `current` is what is saved now."""

    def __init__(self, current: Any) -> None:
        super().__init__("It changed since it was opened.")
        self.current = current


class InvalidError(ValueError):
    """What was sent cannot be saved; `errors` maps each field to a specific message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors.items()))
        self.errors = errors
