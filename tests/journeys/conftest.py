"""Browser fixtures for the journey tests: one headless Chromium per session, and a fresh
context (cookies, storage) per test against pytest-django's live server.

Playwright's sync API runs an event loop in the test thread, so Django's async-safety guard
is relaxed here, before anything else, for this test process only.
"""

from __future__ import annotations

import os

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from cairn.accounts.models import Membership

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

expect.set_options(timeout=10_000)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(
    browser: Browser, live_server: Any, transactional_db: None
) -> Iterator[Callable[..., BrowserContext]]:
    """Make browser contexts against the live server; every one is closed after the test.

    `bypass_csp` (the default) lets the test inject axe-core: the app's CSP rightly forbids
    injected scripts. A test of the policy itself passes `bypass_csp=False`.
    """
    contexts: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        options.setdefault("bypass_csp", True)
        context = browser.new_context(base_url=live_server.url, **options)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context: Callable[..., BrowserContext]) -> Page:
    return new_context().new_page()


@pytest.fixture
def demo_mode(settings: Any) -> None:
    """Demo mode: accounts marked as demo accounts skip two-factor sign-in."""
    settings.CAIRN_DEMO = True


@pytest.fixture
def as_demo(demo_mode: None) -> Callable[[Membership], Membership]:
    """Mark a member's account as a demo account, so it signs in with a password only."""

    def mark(membership: Membership) -> Membership:
        membership.user.is_demo_account = True
        membership.user.save(update_fields=["is_demo_account"])
        return membership

    return mark
