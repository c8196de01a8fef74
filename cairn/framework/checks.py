"""Cairn refuses to start with a broken catalogue: a Django system check runs the validator."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, Warning, register

from cairn.framework import catalogue, validation


@register("catalogue")
def check_catalogue(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    try:
        loaded = catalogue.load()
    except (catalogue.CatalogueError, IndexError, FileNotFoundError) as error:
        return [Error(f"The AssetPlus catalogue cannot be loaded: {error}", id="framework.E001")]
    messages: list[CheckMessage] = []
    for problem in validation.problems(loaded):
        if problem.is_error:
            messages.append(Error(f"Catalogue {loaded.version}: {problem}", id="framework.E002"))
        else:
            messages.append(Warning(f"Catalogue {loaded.version}: {problem}", id="framework.W001"))
    return messages
