"""The Jinja2 environment every page renders through, with the GOV.UK Frontend macros."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.templatetags.static import static
from django.urls import reverse
from django.utils import formats, translation
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader

from cairn.ui import forms as form_adapter
from cairn.ui.pagination import pagination


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def date_format(value: Any, fmt: str = "j F Y") -> str:
    if value is None or value == "":
        return ""
    return formats.date_format(value, fmt)


def datetime_format(value: Any, fmt: str = "j F Y, H:i") -> str:
    if value is None:
        return ""
    from django.utils import timezone

    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, fmt)


def environment(**options: Any) -> Environment:
    base_loader = options.pop("loader")
    options["extensions"] = ["jinja2.ext.i18n"]
    options.pop("autoescape", None)
    env = Environment(
        autoescape=True,
        loader=ChoiceLoader(
            [
                base_loader,
                PrefixLoader(
                    {"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja", "templates")}
                ),
            ]
        ),
        **options,
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        translation.gettext, translation.ngettext, newstyle=True
    )
    env.globals.update(
        {
            "static": static,
            "url": url,
            "settings": settings,
            "field": form_adapter.field,
            "error_summary": form_adapter.error_summary,
            "pagination": pagination,
            "get_language": translation.get_language,
        }
    )
    env.filters.update(
        {"date": date_format, "datetime": datetime_format, "naturaltime": naturaltime}
    )
    return env
