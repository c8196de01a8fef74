"""Cairn refuses to start with a faulty judgement rules file."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, register

from cairn.judgements import rules


@register("judgements")
def check_rules(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    try:
        rules.active()
    except rules.RulesError as error:
        return [Error(f"The judgement rules cannot be used: {error}", id="judgements.E001")]
    return []
