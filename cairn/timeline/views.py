"""The child's timeline page: the whole history on one time axis, zoomed to a year or a
range of years with ?from=YYYY&to=YYYY, with its table alternative, ready to print on A4
landscape."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from cairn.accounts.requests import membership_of
from cairn.audit.operations import Actor
from cairn.records import operations as record_operations
from cairn.records import queries as record_queries
from cairn.records.access import Access
from cairn.records.presenters import child_header
from cairn.timeline import presenters, queries


@login_required
def child_timeline(request: HttpRequest, child_id: int) -> HttpResponse:
    child, access = record_queries.child_for(membership_of(request), child_id, Access.READ)
    record_operations.record_viewed(by=Actor.from_request(request), child=child, page="timeline")
    timeline = queries.timeline_of(child)
    chosen = presenters.chosen_years(request.GET, timeline)
    shown = timeline.within(*chosen) if chosen else timeline
    first, last = shown.shown_years()
    title = (
        _("Timeline for %(name)s, %(year)d") % {"name": child.full_name, "year": first}
        if first == last
        else _("Timeline for %(name)s, %(first)d to %(last)d")
        % {"name": child.full_name, "first": first, "last": last}
    )
    base = reverse("timeline:child-timeline", args=[child.pk])
    context = child_header(membership_of(request), child, access, "timeline")
    context.update(
        {
            "view": presenters.timeline_view(shown, title=title, id_prefix="timeline"),
            "years": presenters.year_links(timeline, chosen, base),
            "chosen": chosen,
            "first_year": first,
            "last_year": last,
        }
    )
    return render(request, "timeline/child_timeline.html", context)
