"""The risk and safety plan as a PDF, printed by WeasyPrint from its own HTML.

A small renderer of the plan's own (reports, which prints the summary, sits above plans). The
document carries its styles inline and needs nothing from outside, so the fetcher refuses
every URL: a value typed into the plan can never make the server fetch one. Tagged for screen
readers.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from weasyprint import HTML
from weasyprint.urls import URLFetcher


def _refusing_fetcher() -> URLFetcher:
    return URLFetcher(allowed_protocols=("data",), allow_redirects=False, timeout=1)


def render(html: str) -> bytes:
    document = HTML(
        string=html, base_url=str(settings.BASE_DIR), url_fetcher=_refusing_fetcher()
    ).render(pdf_tags=True)
    found: Any = document.write_pdf(pdf_tags=True)
    return bytes(found)
