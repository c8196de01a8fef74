"""Effort benchmark in a real browser: what an out-of-court stage costs a practitioner.

    .venv/bin/python bench/effort_browser.py

Builds its own database (SQLite at /tmp/cairn-effort.sqlite3 unless EFFORT_DATABASE_URL names
another; anything in it is replaced), migrates it and loads the demo data, serves Cairn with
Django's development server on a free 127.0.0.1 port, and drives /usr/bin/chromium with
Playwright, as a practitioner would:

signs in as pat.practitioner, opens the demo child Kai Brennan, starts a light out-of-court
stage, and on each section answers only the required questions it shows (the first option of
a choice, select or checkbox list, the first radio, a short sentence in a text box), waits for
each answer to save itself, then marks the section complete; follow-up questions that the
answers bring in appear when the section reloads, and are answered too. Finally it completes
the stage from "What is left".

It counts every input made (each fill, check or select, including choosing the stage's
purpose) and every page loaded (main-frame navigations) from the child's record to the
completed stage, and prints

    out_of_court inputs_made=<n> pages_loaded=<n> screens=<sections>

then whether the proportionality target is met: at most 40 required inputs on at most 6
screens (see bench/effort.py for the same budget counted from the catalogue). Exits 1 if it is
not met, 2 if the journey itself failed.
"""

from __future__ import annotations

import io
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = os.environ.get(
    "EFFORT_DATABASE_URL", "sqlite:////tmp/cairn-effort.sqlite3"
)
os.environ["DJANGO_SETTINGS_MODULE"] = "cairn.settings"
os.environ["CAIRN_INSECURE_LOCAL"] = "1"
os.environ["CAIRN_DEMO"] = "1"
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

from cairn.assessment import completion  # noqa: E402
from cairn.assessment.models import Stage  # noqa: E402
from cairn.assessment.presenters import element_id  # noqa: E402
from cairn.framework import catalogue as catalogues  # noqa: E402
from cairn.framework.schema import Question  # noqa: E402
from cairn.records.demo.load import DEMO_PASSWORD  # noqa: E402

STAGE_TYPE = "out_of_court"
STAGE_LABEL = "Out-of-court disposal"
USERNAME = "pat.practitioner"
CHILD_LINK = "Brennan, Kai"
SENTENCE = "Kai told me this when we met at the youth justice office."
MAX_REQUIRED = 40
MAX_SCREENS = 6
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
SAVED = re.compile(r"^Saved at ")


class JourneyError(RuntimeError):
    """The journey could not be completed as a practitioner would."""


def build_database() -> None:
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    call_command("loaddemo", verbosity=0, stdout=io.StringIO())
    connections.close_all()  # the server process owns the database from here


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(port: int, log: Any) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise JourneyError(f"the development server exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return server
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    server.terminate()
    raise JourneyError("the development server did not answer within 60 seconds")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


class Practitioner:
    """Drives the browser and counts what the practitioner has to do."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.inputs = 0
        self.pages = 0
        self.counting = False
        self.screens: list[str] = []
        self.refusals = 0  # a section refused as complete: follow-ups appeared on reload
        page.on("framenavigated", self._navigated)

    def _navigated(self, frame: Any) -> None:
        if self.counting and frame.parent_frame is None:
            self.pages += 1

    def heading(self) -> Any:
        return self.page.get_by_role("heading", level=1)

    def click_through(self, button: Any) -> None:
        with self.page.expect_navigation():
            button.click()

    def sign_in(self) -> None:
        self.page.goto("/accounts/sign-in/")
        self.page.get_by_label("Username").fill(USERNAME)
        self.page.get_by_label("Password").fill(DEMO_PASSWORD)
        self.click_through(self.page.get_by_role("button", name="Sign in"))
        expect(self.heading()).to_have_text("My caseload")

    def start_stage(self) -> int:
        self.counting = True
        self.click_through(self.page.get_by_role("link", name=CHILD_LINK))
        nav = self.page.get_by_role("navigation", name="Child’s record")
        self.click_through(nav.get_by_role("link", name="Assessments", exact=True))
        self.click_through(self.page.get_by_role("button", name="Start an assessment"))
        self.page.get_by_role("radio", name=STAGE_LABEL, exact=True).check()
        self.inputs += 1
        self.click_through(self.page.get_by_role("button", name="Start assessment"))
        expect(self.heading()).to_have_text(f"{STAGE_LABEL} assessment")
        match = re.search(r"/stages/(\d+)/", self.page.url)
        if match is None:
            raise JourneyError(f"no stage page after starting: {self.page.url}")
        self.click_through(self.page.get_by_role("button", name="Continue assessment"))
        return int(match.group(1))

    def answer(self, question: Question) -> Any:
        """Answer one question the way the benchmark says; return the value the page holds."""
        ident = element_id(question.key)
        block = self.page.locator(f"#question-{ident}")
        kind = question.kind
        if kind in {"text", "long_text"}:
            block.locator(f"#{ident}").fill(SENTENCE)
            self.inputs += 1
            value: Any = SENTENCE
        elif kind == "number":
            block.locator(f"#{ident}").fill("1")
            self.inputs += 1
            value = 1
        elif kind == "date":
            for part, text in (("day", "1"), ("month", "1"), ("year", "2026")):
                block.locator(f"#{ident}-{part}").fill(text)
                self.inputs += 1
            value = "2026-01-01"
        elif block.locator("select").count():
            select = block.locator("select")
            select.select_option(index=1)  # the first option after "Select an option"
            self.inputs += 1
            value = select.input_value()
        elif block.locator("input[type=radio]").count():
            radio = block.locator("input[type=radio]").first
            radio.check()
            self.inputs += 1
            value = radio.get_attribute("value")
        elif block.locator("input[type=checkbox]").count():
            box = block.locator("input[type=checkbox]").first
            box.check()
            self.inputs += 1
            value = [box.get_attribute("value")]
        else:
            raise JourneyError(f"cannot answer {question.key} ({kind}) on {self.page.url}")
        expect(self.page.locator(f"#status-{ident}")).to_have_text(SAVED)
        return value

    def complete_section(self, catalogue: Any, section: str, values: dict[str, Any]) -> None:
        self.screens.append(section)
        for _attempt in range(5):
            expect(self.page).to_have_url(re.compile(rf"/sections/{section}/$"))
            found = completion.progress(catalogue, STAGE_TYPE, Stage.Depth.LIGHT, values)
            shown = [
                question
                for question in found.section(section).required_missing
                if self.page.locator(f"#question-{element_id(question.key)}").count()
            ]
            for question in shown:
                values[question.key] = self.answer(question)
            self.click_through(
                self.page.get_by_role("button", name="Save and mark section complete")
            )
            if not re.search(rf"/sections/{section}/$", self.page.url):
                return
            # Refused: follow-up questions the answers brought in are now on the page.
            self.refusals += 1
        raise JourneyError(f"section {section} could not be marked complete")

    def complete_stage(self) -> None:
        expect(self.heading()).to_have_text("What is left")
        expect(self.page.get_by_role("main")).to_contain_text(
            "Every required question for this stage is answered."
        )
        self.click_through(self.page.get_by_role("button", name="Complete stage"))
        expect(self.page.get_by_role("alert", name="Success")).to_contain_text("Stage completed")
        self.counting = False


def journey(base_url: str) -> tuple[Practitioner, int]:
    catalogue = catalogues.load()
    sections = [
        section.key
        for section, _ in completion.stage_sections(
            catalogue, STAGE_TYPE, catalogue.stage(STAGE_TYPE).depth
        )
    ]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(base_url=base_url).new_page()
            page.set_default_timeout(15_000)
            expect.set_options(timeout=15_000)
            practitioner = Practitioner(page)
            practitioner.sign_in()
            stage_id = practitioner.start_stage()
            values: dict[str, Any] = {}
            for section in sections:
                practitioner.complete_section(catalogue, section, values)
            practitioner.complete_stage()
        finally:
            browser.close()
    return practitioner, stage_id


def main() -> int:
    print(f"database {os.environ['DATABASE_URL']}", file=sys.stderr)
    build_database()
    port = free_port()
    log_path = Path("/tmp/cairn-effort-server.log")
    with log_path.open("wb") as log:
        server = start_server(port, log)
        try:
            practitioner, stage_id = journey(f"http://127.0.0.1:{port}")
        except Exception as error:  # report, and leave the server log for a look
            print(f"the journey failed: {error}\n(server log: {log_path})", file=sys.stderr)
            return 2
        finally:
            stop_server(server)
    stage = Stage.objects.get(pk=stage_id)
    if stage.status != Stage.Status.COMPLETED:
        print(f"stage {stage_id} is {stage.status}, not completed", file=sys.stderr)
        return 2
    screens = len(practitioner.screens)
    print(
        f"{STAGE_TYPE} inputs_made={practitioner.inputs} pages_loaded={practitioner.pages} "
        f"screens={screens}"
    )
    meets = practitioner.inputs <= MAX_REQUIRED and screens <= MAX_SCREENS
    print(
        f"{STAGE_TYPE} {'meets' if meets else 'DOES NOT meet'} the target (at most "
        f"{MAX_REQUIRED} required inputs on at most {MAX_SCREENS} screens): "
        f"{practitioner.inputs} inputs on {screens} screen(s)"
    )
    print(
        f"{stage.answers.count()} answers saved; {practitioner.refusals} of the pages loaded were a "
        "section shown again because follow-up questions appear only after it is saved"
    )
    return 0 if meets else 1


if __name__ == "__main__":
    sys.exit(main())
