"""Each test starts and ends in English: a request in Welsh leaves Welsh active in the thread,
and the words of the pure tests are English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    with translation.override("en-gb"):
        yield
