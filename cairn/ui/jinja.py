"""The Jinja2 environment every page renders through, with the GOV.UK Frontend macros.

Every page pays for what is here, so the common work is done once and kept: translations,
month names and choice labels per language, each route's text, fragments that are the same
on every page (the footer), and each form component's markup (see `component`). What is kept
is exactly what the uncached path gives; tests in ui/tests/test_jinja.py compare the two.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver
from django.templatetags.static import static
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import formats, translation
from django.utils.dates import MONTHS, MONTHS_3
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader, pass_environment
from markupsafe import Markup

from cairn.ui import forms as form_adapter
from cairn.ui.pagination import pagination

# Arguments that need no quoting in a URL and that every built-in path converter they reach
# accepts as they are: a whole number, a slug, or a slug with dots (a question's key).
_SLUG = re.compile(r"[A-Za-z0-9][-A-Za-z0-9_]*")
_DOTTED = re.compile(r"[A-Za-z0-9][-A-Za-z0-9_.]*")


def _kind(arg: Any) -> str | None:
    if type(arg) is int:
        return "int" if arg >= 0 else None
    if isinstance(arg, str):
        if _SLUG.fullmatch(arg):
            return "slug"
        if _DOTTED.fullmatch(arg):
            return "dotted"
    return None


# Stand-ins that appear in no route: reversing a name with them shows where its arguments go.
_PLACEHOLDERS = {
    "int": lambda n: str(7_919_300_000_000 + n),
    "slug": lambda n: f"zq{n}xplaceholderzq",
    "dotted": lambda n: f"zq{n}x.placeholder.zq",
}


@functools.lru_cache(maxsize=1024)
def _url_parts(
    urlconf: Any, prefix: str, name: str, kinds: tuple[str, ...]
) -> tuple[str, ...] | None:
    """The fixed text of a route around its positional arguments of these kinds, or None when
    the route does not take them (Django's reverse() then does the work and raises)."""
    placeholders = [_PLACEHOLDERS[kind](index) for index, kind in enumerate(kinds)]
    try:
        path = reverse(
            name,
            args=[
                int(text) if kind == "int" else text
                for text, kind in zip(placeholders, kinds, strict=True)
            ],
        )
    except NoReverseMatch:
        return None
    parts = []
    for placeholder in placeholders:
        if path.count(placeholder) != 1:
            return None
        before, path = path.split(placeholder)
        parts.append(before)
    parts.append(path)
    return tuple(parts)


def url(name: str, *args: Any, **kwargs: Any) -> str:
    """Django's reverse(), the same text; a route is worked out once for each kind of
    argument (id, slug, key) and then filled in, since reverse() matches it afresh each time."""
    if not kwargs:
        kinds = tuple(_kind(arg) for arg in args)
        if None not in kinds:
            parts = _url_parts(get_urlconf(), get_script_prefix(), name, kinds)
            if parts is not None:
                pieces = [parts[0]]
                for arg, after in zip(args, parts[1:], strict=True):
                    pieces.append(str(arg))
                    pieces.append(after)
                return "".join(pieces)
    return reverse(name, args=args or None, kwargs=kwargs or None)


@functools.lru_cache(maxsize=4096)
def _translated(language: str | None, message: str) -> str:
    return translation.gettext(message)


def gettext(message: str) -> str:
    """Django's gettext, remembered per language: a page asks for the same few dozen strings
    on every request, and each look-up walks the chain of fallback catalogues."""
    return _translated(translation.get_language(), message)


@functools.lru_cache(maxsize=16)
def _month_names(language: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Full and three-letter month names (1 to 12) in the active language, as Django writes them."""
    return (
        ("", *(str(MONTHS[month]) for month in range(1, 13))),
        ("", *(str(MONTHS_3[month]).title() for month in range(1, 13))),
    )


@functools.lru_cache(maxsize=256)
def _choice_labels(model: type[models.Model], name: str, language: str | None) -> dict[Any, str]:
    field = model._meta.get_field(name)
    return {value: str(label) for value, label in field.flatchoices}  # type: ignore[union-attr]


def display(obj: models.Model, name: str) -> str:
    """What `obj.get_<name>_display()` says, from the field's choices translated once per
    language (Django's own method translates every choice on every call)."""
    value = getattr(obj, name)
    label: str = _choice_labels(type(obj), name, translation.get_language()).get(value, value)
    return label


_FRAGMENTS: dict[tuple[Any, ...], Markup] = {}
_MOST_FRAGMENTS = 1024


def remember(*key: Any, caller: Callable[[], Markup]) -> Markup:
    """The body of a `{% call remember(...) %}` block, rendered once per key and language.

    Only for markup that depends on nothing but the key: the footer, the service navigation
    for a role. Never for anything about a child, a user or a request."""
    full_key = (translation.get_language(), get_script_prefix(), *key)
    found = _FRAGMENTS.get(full_key)
    if found is None:
        found = caller()
        if len(_FRAGMENTS) >= _MOST_FRAGMENTS:
            _FRAGMENTS.clear()
        _FRAGMENTS[full_key] = found
    return found


# Stand-ins for what a person typed: rendered once into a component's markup in their place.
_TYPED = ("ZqTypedValue", "Zq")


class _Unfrozen(Exception):
    """A component option the cache cannot use as a key: the component renders afresh."""


def _frozen(value: Any) -> Any:
    """`value` as a hashable key that tells apart everything the macros tell apart: the
    order of mappings (attributes render in order), True from 1, Markup from plain text."""
    if isinstance(value, dict):
        return ("dict", tuple((key, _frozen(item)) for key, item in value.items()))
    if isinstance(value, list | tuple):
        return ("list", tuple(_frozen(item) for item in value))
    if value is None or isinstance(value, str | int | float):
        return (type(value), value)
    raise _Unfrozen


def _typed_values(kind: str, params: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The component's options with each typed value (a text box's, a date's parts) replaced by
    a stand-in, and the values in stand-in order. Only a non-empty plain string is replaced:
    the macros print it escaped and nothing else, while an empty one changes the markup."""
    typed: list[str] = []

    def stand_in(value: Any) -> Any:
        if type(value) is str and value:
            typed.append(value)
            return f"{_TYPED[0]}{len(typed) - 1}{_TYPED[1]}"
        return value

    if kind in {"input", "textarea", "character-count"} and "value" in params:
        return {**params, "value": stand_in(params["value"])}, typed
    if kind == "date" and params.get("items"):
        items = [
            {**item, "value": stand_in(item["value"])} if "value" in item else item
            for item in params["items"]
        ]
        return {**params, "items": items}, typed
    return params, typed


_COMPONENTS: dict[Any, Any] = {}
_NOT_KEPT = object()
_MOST_COMPONENTS = 4096


def _split(html: Markup, count: int) -> tuple[tuple[Markup, ...], tuple[int, ...]] | None:
    """The markup around the stand-ins, and which typed value goes in each gap; None when a
    stand-in does not appear exactly once (a macro changed it: that component is not cached)."""
    places = []
    for index in range(count):
        stand_in = f"{_TYPED[0]}{index}{_TYPED[1]}"
        if html.count(stand_in) != 1:
            return None
        places.append((html.index(stand_in), index, len(stand_in)))
    parts: list[Markup] = []
    order: list[int] = []
    start = 0
    for position, index, length in sorted(places):
        parts.append(html[start:position])
        order.append(index)
        start = position + length
    parts.append(html[start:])
    return tuple(parts), tuple(order)


@pass_environment
def component(env: Environment, spec: dict[str, Any]) -> Markup:
    """A GOV.UK component (ui/form.html's render_component), its markup kept between requests.

    The GOV.UK macros are slow (nested macros, escaping, indenting), while a question's
    component is the same each time but for what was typed into it and which options are
    ticked. So the markup is kept per set of options, with what was typed left as gaps that are
    filled, escaped, on each use; the ticked options are part of the key. The markup is exactly
    what the macro gives."""
    kind, params = spec["component"], spec["params"]
    shaped, typed = _typed_values(kind, params)
    try:
        key = _frozen((kind, shaped))
    except _Unfrozen:
        return _render_component(env, spec)
    kept = _COMPONENTS.get(key, _NOT_KEPT)
    if kept is _NOT_KEPT:
        kept = _split(_render_component(env, {"component": kind, "params": shaped}), len(typed))
        if len(_COMPONENTS) >= _MOST_COMPONENTS:
            _COMPONENTS.clear()
        _COMPONENTS[key] = kept
    if kept is None:
        return _render_component(env, spec)
    parts, order = kept
    pieces: list[str] = [parts[0]]
    for index, after in zip(order, parts[1:], strict=True):
        pieces.append(typed[index])  # plain text: join() escapes it
        pieces.append(after)
    return Markup("").join(pieces)


def _render_component(env: Environment, spec: dict[str, Any]) -> Markup:
    macro = env.get_template("ui/form.html").module.render_component_now  # type: ignore[attr-defined]
    rendered: Markup = macro(spec)
    return rendered


@receiver(setting_changed)
def _forget_translations(*, setting: str, **kwargs: Any) -> None:
    """Settings change only in tests; anything remembered may depend on them."""
    _translated.cache_clear()
    _month_names.cache_clear()
    _choice_labels.cache_clear()
    _url_parts.cache_clear()
    _FRAGMENTS.clear()
    _COMPONENTS.clear()


_LITERALS = frozenset(" ,:/-")
_NUMBERS: dict[str, Callable[[Any], str]] = {
    "j": lambda value: str(value.day),
    "d": lambda value: f"{value.day:02d}",
    "n": lambda value: str(value.month),
    "m": lambda value: f"{value.month:02d}",
    "Y": lambda value: f"{value.year:04d}",
}
_TIMES: dict[str, Callable[[Any], str]] = {
    "H": lambda value: f"{value.hour:02d}",
    "i": lambda value: f"{value.minute:02d}",
    "s": lambda value: f"{value.second:02d}",
}
_MOMENTS = {**_NUMBERS, **_TIMES}


def _quick_format(value: dt.date, fmt: str) -> str | None:
    """`fmt` written out directly when it uses only day, month, year, hour, minute and second
    (the formats Cairn's pages use); None for anything else, which Django formats."""
    parts = _MOMENTS if isinstance(value, dt.datetime) else _NUMBERS
    pieces = []
    for char in fmt:
        if char in _LITERALS:
            pieces.append(char)
        elif char in parts:
            pieces.append(parts[char](value))
        elif char in "FM":
            full, short = _month_names(translation.get_language())
            pieces.append((full if char == "F" else short)[value.month])
        else:
            return None
    return "".join(pieces)


def date_format(value: Any, fmt: str = "j F Y") -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, dt.date):
        quick = _quick_format(value, fmt)
        if quick is not None:
            return quick
    return formats.date_format(value, fmt)


def datetime_format(value: Any, fmt: str = "j F Y, H:i") -> str:
    if value is None:
        return ""
    from django.utils import timezone

    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return date_format(value, fmt)


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
        gettext, translation.ngettext, newstyle=True
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
            "display": display,
            "remember": remember,
            "component": component,
        }
    )
    env.filters.update(
        {"date": date_format, "datetime": datetime_format, "naturaltime": naturaltime}
    )
    return env
