"""GOV.UK pagination options for a Django page, keeping the rest of the query string."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page
from django.http import QueryDict


def pagination(page: Page[Any], query: QueryDict) -> dict[str, Any] | None:
    if page.paginator.num_pages <= 1:
        return None
    rest = query.copy()
    rest.pop("page", None)
    prefix = "?" + (rest.urlencode() + "&" if rest else "")

    def href(number: int) -> str:
        return f"{prefix}page={number}"

    items: list[dict[str, Any]] = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
        if isinstance(number, int):
            items.append({"number": number, "href": href(number), "current": number == page.number})
        else:
            items.append({"ellipsis": True})
    return {
        "previous": {"href": href(page.previous_page_number())} if page.has_previous() else None,
        "next": {"href": href(page.next_page_number())} if page.has_next() else None,
        "items": items,
    }
