"""Refuse text Cairn cannot store before any view sees it (cairn.ui.text).

An API body in JSON holding a NUL or an unpaired surrogate answers 422 in the shape of the
API's other refusals, naming where; any request whose query string holds one answers 400.
(Form posts: Django's fields refuse NUL, and a form cannot send a surrogate.)
"""

from __future__ import annotations

import json
from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, JsonResponse

from cairn.ui import text


class RefuseUnsafeTextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        for key, values in request.GET.lists():
            if not text.is_safe(key) or any(not text.is_safe(value) for value in values):
                raise BadRequest("Unsafe text in the query string")
        if (
            request.path.startswith("/api/")
            and request.method in {"POST", "PUT", "PATCH"}
            and request.content_type == "application/json"
            and request.body
        ):
            try:
                where = text.first_unsafe(json.loads(request.body))
            except (ValueError, RecursionError):
                where = None  # malformed or absurdly deep JSON: the API's own parser answers
            if where is not None:
                return JsonResponse(
                    {
                        "detail": [
                            {
                                "type": "value_error",
                                "loc": ["body", *where],
                                "msg": text.problem("\x00"),
                            }
                        ]
                    },
                    status=422,
                )
        return self.get_response(request)
