"""Django's Jinja2 backend, with every rendered page made safe to send (cairn.ui.text).

Input refuses NUL and unpaired surrogates, but anything stored before that (or by another way
in) must not make a page fail: a lone surrogate cannot be written as UTF-8, so the response
would raise. The rendered text shows each as U+FFFD instead. (Checking a page costs one
UTF-8 encoding of it; the replacement runs only when there is something to replace.)
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.backends.jinja2 import Jinja2 as DjangoJinja2
from django.template.backends.jinja2 import Template

from cairn.ui.text import printable


class SafeTextTemplate(Template):
    def render(
        self, context: dict[str, Any] | None = None, request: HttpRequest | None = None
    ) -> str:
        return printable(super().render(context, request))


class Jinja2(DjangoJinja2):
    def from_string(self, template_code: str) -> Template:
        return SafeTextTemplate(super().from_string(template_code).template, self)

    def get_template(self, template_name: str) -> Template:
        return SafeTextTemplate(super().get_template(template_name).template, self)
