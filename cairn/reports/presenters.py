"""What the reports app adds to the child's overview."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from cairn.records.access import Access
from cairn.records.models import Child


def overview_panel(child: Child, access: Access) -> dict[str, Any] | None:
    """A link to the one-page summary, for those who see no tabs: summary grant holders."""
    if access != Access.SUMMARY:
        return None
    return {
        "url": reverse("reports:summary", args=[child.pk]),
        "pdf_url": reverse("reports:summary-pdf", args=[child.pk]),
    }
