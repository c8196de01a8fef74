"""The printed child's plan: one A4 page in large type, as HTML and as PDF.

The HTML is the single source: the print view shows it and WeasyPrint prints it. It needs
nothing from outside (the icons are drawn in the template, the fonts are the machine's), so
the fetcher refuses every URL, as the reports app's documents do. If a plan does not fit one
page, it is laid out again more tightly (smaller gaps and icons, never type below 14pt); the
operations' limits keep the longest plan within the tightest layout.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from markupsafe import Markup
from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.urls import URLFetcher

from cairn.assessment.models import Stage
from cairn.childplan.models import ChildPlan, ChildResponse
from cairn.childplan.operations import PlanText
from cairn.childplan.wording import date_in, words_for

LAYOUTS = ("roomy", "compact", "tight")
STYLESHEET = Path(__file__).parent / "static" / "childplan" / "print.css"
RESPONSE_WORDING = {
    ChildResponse.Response.AGREE: "agreed",
    ChildResponse.Response.DISAGREE: "disagreed",
    ChildResponse.Response.COULD_NOT_ANSWER: "could_not_answer",
}


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    text: str = ""
    items: tuple[str, ...] = ()
    helpers: tuple[tuple[str, str], ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.text or self.items or self.helpers)


@dataclass(frozen=True)
class Printed:
    language: str
    words: dict[str, str]
    name: str
    date: str
    worker: str
    is_draft: bool
    changed_since_agreed: bool
    response_line: str
    response_words: str
    version: int
    sections: tuple[Section, ...]


def language_for(requested: str, plan: ChildPlan | None) -> str:
    """ "cy" or "en": the one asked for (?lang=), else the plan's own language."""
    if requested in {"cy", "en"}:
        return requested
    return plan.language if plan is not None else "en"


def printed(stage: Stage, plan: ChildPlan | None, language: str) -> Printed:
    words = words_for(language)
    text = PlanText.of(plan) if plan is not None else PlanText()
    child = stage.child
    worker = child.case_worker.display_name if child.case_worker else ""
    day: dt.date = timezone.localdate(plan.updated_at) if plan else timezone.localdate()
    latest = plan.latest_response if plan is not None else None
    response_line = response_words = ""
    if latest is not None and latest.plan_version == plan.version:  # type: ignore[union-attr]
        wording = words[RESPONSE_WORDING[ChildResponse.Response(latest.response)]]
        response_line = wording % {"date": date_in(language, latest.responded_on)}
        response_words = latest.words
    return Printed(
        language=language,
        words=words,
        name=f"{child.known_as} {child.family_name}",
        date=date_in(language, day),
        worker=worker,
        is_draft=plan is None or not plan.is_agreed,
        changed_since_agreed=plan is not None and plan.changed_since_agreed,
        response_line=response_line,
        response_words=response_words,
        version=plan.version if plan else 0,
        sections=(
            Section("want", words["what_i_want"], text=text.what_i_want),
            Section("good", words["what_im_good_at"], text=text.what_im_good_at),
            Section("do", words["what_ill_do"], items=text.what_ill_do),
            Section(
                "help",
                words["who_will_help"],
                helpers=tuple((helper.who, helper.how) for helper in text.who_will_help),
            ),
            Section("know", words["how_well_know"], text=text.how_well_know),
        ),
    )


@cache
def _stylesheet() -> Markup:
    """The print styles, to put inline in the PDF's HTML (our own file, not user input)."""
    return Markup(STYLESHEET.read_text(encoding="utf-8"))  # noqa: S704


def html(
    document: Printed,
    layout: str = LAYOUTS[0],
    for_screen: bool = False,
    back_url: str = "",
    back_text: str = "",
) -> str:
    context: dict[str, Any] = {
        "doc": document,
        "layout": layout,
        "for_screen": for_screen,
        "inline_css": "" if for_screen else _stylesheet(),
        "back_url": back_url,
        "back_text": back_text,
    }
    with translation.override("cy" if document.language == "cy" else "en-gb"):
        return render_to_string("childplan/print.html", context)


def _refusing_fetcher() -> URLFetcher:
    return URLFetcher(allowed_protocols=("data",), allow_redirects=False, timeout=1)


def _render(source: str) -> Document:
    return HTML(
        string=source, base_url=str(settings.BASE_DIR), url_fetcher=_refusing_fetcher()
    ).render(pdf_tags=True)


@dataclass(frozen=True)
class Rendered:
    document: Document
    layout: str

    @property
    def pages(self) -> int:
        return len(self.document.pages)

    def pdf(self) -> bytes:
        found: Any = self.document.write_pdf(pdf_tags=True)
        return bytes(found)


def render(document: Printed) -> Rendered:
    """The first layout that fits one page (else the tightest)."""
    rendered = Rendered(_render(html(document, LAYOUTS[0])), LAYOUTS[0])
    for layout in LAYOUTS[1:]:
        if rendered.pages <= 1:
            break
        rendered = Rendered(_render(html(document, layout)), layout)
    return rendered
