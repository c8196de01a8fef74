"""Turning a document's HTML into PDF with WeasyPrint.

The HTML is the single source (ARCHITECTURE.md, "Documents"): a template renders it, and this
module prints it. Documents carry their styles inline and need nothing from outside, so the
fetcher refuses every URL: a value typed into the record can never make the server fetch one.
The PDF is tagged (headings, tables and lists are marked for screen readers).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from markupsafe import Markup
from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.urls import URLFetcher

T = TypeVar("T")


def _refusing_fetcher() -> URLFetcher:
    return URLFetcher(allowed_protocols=("data",), allow_redirects=False, timeout=1)


@dataclass(frozen=True)
class Rendered:
    document: Document

    @property
    def pages(self) -> int:
        return len(self.document.pages)

    def pdf(self) -> bytes:
        found: Any = self.document.write_pdf(pdf_tags=True)
        return bytes(found)


def render(html: str) -> Rendered:
    """Lay out the HTML as pages, ready to be written as PDF."""
    document = HTML(
        string=html, base_url=str(settings.BASE_DIR), url_fetcher=_refusing_fetcher()
    ).render(pdf_tags=True)
    return Rendered(document)


def on_pages(
    attempts: Iterable[T], html_of: Callable[[T], str], most: int = 1
) -> tuple[Rendered, T]:
    """The first attempt whose HTML fits on `most` pages (else the last one tried).

    Each attempt is a way of laying the document out more tightly; `html_of` renders it."""
    rendered: Rendered | None = None
    chosen: T | None = None
    for attempt in attempts:
        chosen, rendered = attempt, render(html_of(attempt))
        if rendered.pages <= most:
            break
    if rendered is None or chosen is None:
        raise ValueError("No way to lay the document out was given")
    return rendered, chosen


def css_string(text: str) -> Markup:
    """Text as a quoted CSS string, safe inside a <style> element (for `content:`)."""
    escaped = "".join(
        f"\\{ord(character):x} " if character in '"\\<>&\n\r' else character for character in text
    )
    return Markup(f'"{escaped}"')  # noqa: S704 (what could end the string or element is escaped)


def css_counters(text: str) -> Markup:
    """A translated sentence with %(counter)s placeholders as a CSS `content:` value:
    "Page %(page)s of %(pages)s" gives "Page " counter(page) " of " counter(pages)."""
    parts = []
    for index, piece in enumerate(re.split(r"%\((\w+)\)s", text)):
        if index % 2 and piece in {"page", "pages"}:
            parts.append(f"counter({piece})")
        elif index % 2 or piece:
            parts.append(str(css_string(piece)))
    return Markup(" ".join(parts))  # noqa: S704 (pieces from css_string and two counter names)
