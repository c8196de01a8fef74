"""The one-page summary, as a page of the child's record and as a PDF.

Both answer anyone who reaches the child at SUMMARY level or more (a partner agency with a
summary grant is who the summary is for); what each level sees is in `summary.py`. Both write
a viewed event. The PDF follows the active language, or `?lang=cy` / `?lang=en` for that
document only.
"""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from cairn.accounts.requests import membership_of
from cairn.audit.operations import Actor
from cairn.records import operations as record_operations
from cairn.records import queries as record_queries
from cairn.records.access import Access
from cairn.records.models import Child
from cairn.records.presenters import child_header
from cairn.reports import pdf, summary

LANGUAGES = {"cy": "cy", "en": "en-gb", "en-gb": "en-gb"}


def _summary_of(request: HttpRequest, child: Child, access: Access) -> summary.Summary:
    membership = membership_of(request)
    user: Any = request.user
    return summary.summary_for(
        child,
        access,
        produced_by=user.display_name,
        produced_for=membership.organisation.name if membership else "",
    )


def _stage_url(found: summary.Summary) -> str:
    if found.stage is None or not found.is_full:
        return ""
    return reverse("assessment:stage-detail", args=[found.stage.stage_id])


@login_required
def summary_page(request: HttpRequest, child_id: int) -> HttpResponse:
    membership = membership_of(request)
    child, access = record_queries.child_for(membership, child_id, Access.SUMMARY)
    record_operations.record_viewed(by=Actor.from_request(request), child=child, page="summary")
    found = summary.fit(_summary_of(request, child, access))
    pdf_url = reverse("reports:summary-pdf", args=[child.pk])
    in_welsh = summary.language() == "cy"
    context = child_header(membership, child, access, "summary")
    context.update(
        {
            "summary": found,
            "stage_url": _stage_url(found),
            "pdf_url": pdf_url,
            "other_language_pdf_url": f"{pdf_url}?lang={'en' if in_welsh else 'cy'}",
            "other_language_code": "en" if in_welsh else "cy",
            "other_language_text": _("Download the summary in English (PDF)")
            if in_welsh
            else _("Download the summary in Welsh (PDF)"),
        }
    )
    return render(request, "reports/summary.html", context)


def filename_for(child: Child) -> str:
    """summary-<local ID or id>-<date>.pdf: never the child's name."""
    reference = re.sub(r"[^A-Za-z0-9_-]", "", child.local_id) or str(child.pk)
    return f"summary-{reference}-{timezone.localdate().isoformat()}.pdf"


@login_required
def summary_pdf(request: HttpRequest, child_id: int) -> HttpResponse:
    membership = membership_of(request)
    child, access = record_queries.child_for(membership, child_id, Access.SUMMARY)
    record_operations.record_viewed(by=Actor.from_request(request), child=child, page="summary PDF")
    language = LANGUAGES.get(request.GET.get("lang", ""), translation.get_language())
    with translation.override(language):
        full = _summary_of(request, child, access)
        rendered, _limits = pdf.on_pages(
            summary.DENSITIES,
            lambda limits: render_to_string(
                "reports/summary_pdf.html",
                {
                    "summary": summary.fit(full, limits),
                    "stage_url": "",
                    "language": summary.language(),
                    "marking_css": pdf.css_string(_("OFFICIAL-SENSITIVE")),
                    "page_numbers_css": pdf.css_counters(_("Page %(page)s of %(pages)s")),
                },
            ),
        )
        content = rendered.pdf()
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename_for(child)}"'
    response["Content-Language"] = "cy" if language == "cy" else "en-GB"
    patch_cache_control(response, private=True, no_store=True)
    return response
