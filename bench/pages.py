"""Page speed benchmark: server time per page as a ratio to a trivial view, and queries per page.

    .venv/bin/python bench/pages.py                     # national scale (about 5 minutes)
    .venv/bin/python bench/pages.py --children 2000 --runs 20   # a quick look

Builds its own database (SQLite at /tmp/cairn-bench.sqlite3 unless BENCH_DATABASE_URL names
another, e.g. postgres://postgres@127.0.0.1:5432/cairn_bench) at national scale by default:
20,000 children with offences, contacts and life events, three stages each (60,000) and about
35 answers per stage (over 2 million answers). It then requests each page through Django's
test client and prints the median and p95 server time as a ratio to a trivial view (/healthz,
requested before and after each request of the page, which is divided by the mean of the
two, so both see the machine in the same state; see `Measured`), and the queries each page
made. `--reuse` measures the database the last run built; `--only` and
`--profile` show where one page's time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import pstats
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", "sqlite:////tmp/cairn-bench.sqlite3"
)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cairn.settings")
os.environ.setdefault("CAIRN_INSECURE_LOCAL", "1")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from cairn.accounts.models import Membership, Organisation, Team, User  # noqa: E402
from cairn.assessment.models import Answer, Stage  # noqa: E402
from cairn.framework import catalogue as catalogues  # noqa: E402
from cairn.records import search  # noqa: E402
from cairn.records.models import (  # noqa: E402
    Child,
    ChildSearchTerm,
    Contact,
    Education,
    Health,
    LifeEvent,
    Offence,
    Safeguarding,
)

STAGE_TYPES = ("out_of_court", "start_of_order", "review")
TRIVIAL = "/healthz"


def build(children: int, stages_per_child: int, answers_per_stage: int) -> tuple[User, Child]:
    if _has_tables():
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    organisation = Organisation.objects.create(
        name="Benchshire YJS", code="bench", kind="yjs", short_name="Bench"
    )
    team = Team.objects.create(organisation=organisation, name="Bench team")
    user = User.objects.create_user("bench.user", password="bench-password-123")
    Membership.objects.create(user=user, organisation=organisation, role="practitioner", team=team)
    rng = random.Random(7)
    today = dt.date.today()
    batch = []
    for index in range(children):
        born = today - dt.timedelta(days=rng.randint(10 * 365 + 30, 17 * 365))
        batch.append(
            Child(
                organisation=organisation,
                team=team,
                case_worker=user if index % 10 == 0 else None,
                local_id=f"BEN-{index:06d}",
                given_name=f"Given{index}",
                family_name=f"Family{index % 997}",
                date_of_birth=born,
                sex=rng.choice(["male", "female"]),
                has_exploitation_concern=index % 13 == 0,
                needs_interpreter=index % 17 == 0,
                interpreter_language="Polish" if index % 17 == 0 else "",
            )
        )
    Child.objects.bulk_create(batch, batch_size=2000)
    terms = [
        ChildSearchTerm(child_id=values["id"], term=term)
        for values in Child.objects.values("id", *search.SEARCHED_FIELDS)
        for term in search.terms_for(values)
    ]  # what records.operations writes for each child it creates
    ChildSearchTerm.objects.bulk_create(terms, batch_size=10000)
    ids = list(Child.objects.values_list("id", "date_of_birth"))
    Education.objects.bulk_create([Education(child_id=cid) for cid, _ in ids], batch_size=2000)
    Health.objects.bulk_create([Health(child_id=cid) for cid, _ in ids], batch_size=2000)
    Safeguarding.objects.bulk_create(
        [Safeguarding(child_id=cid) for cid, _ in ids], batch_size=2000
    )
    offences, events, contacts = [], [], []
    for cid, born in ids:
        first = born + dt.timedelta(days=10 * 366)
        for n in range(rng.randint(0, 6)):
            when = min(first + dt.timedelta(days=rng.randint(0, 900)), today)
            offences.append(
                Offence(
                    child_id=cid,
                    offence_date=when,
                    description=f"Offence {n}",
                    category="theft",
                    outcome_type="youth_caution",
                    outcome_date=when,
                )
            )
        events.append(
            LifeEvent(
                child_id=cid,
                date=born + dt.timedelta(days=3000),
                event_type="moved_home",
                description="Moved",
            )
        )
        contacts.append(
            Contact(
                child_id=cid, name="Parent", relationship="mother", has_parental_responsibility=True
            )
        )
    Offence.objects.bulk_create(offences, batch_size=5000)
    LifeEvent.objects.bulk_create(events, batch_size=5000)
    Contact.objects.bulk_create(contacts, batch_size=5000)
    build_stages(
        organisation, user, [cid for cid, _ in ids], stages_per_child, answers_per_stage, rng
    )
    return user, Child.objects.filter(case_worker=user).order_by("id").first()  # type: ignore[return-value]


def build_stages(
    organisation: Organisation,
    user: User,
    child_ids: list[int],
    per_child: int,
    per_stage: int,
    rng: random.Random,
) -> None:
    catalogue = catalogues.load()
    questions = [
        q
        for q in catalogue.questions.values()
        if q.source is None and q.kind in {"text", "long_text", "yes_no", "choice"}
    ]
    now = dt.datetime.now(dt.UTC)
    for start in range(0, len(child_ids), 500):
        stages = [
            Stage(
                child_id=cid,
                organisation=organisation,
                stage_type=STAGE_TYPES[n % len(STAGE_TYPES)],
                depth="full" if n else "core",
                catalogue_version=catalogue.version,
                status="completed" if n < per_child - 1 else "in_progress",
                started_at=now - dt.timedelta(days=400 - 150 * n),
                ended_at=now - dt.timedelta(days=380 - 150 * n) if n < per_child - 1 else None,
                due_date=dt.date.today(),
                started_by=user,
            )
            for cid in child_ids[start : start + 500]
            for n in range(per_child)
        ]
        Stage.objects.bulk_create(stages, batch_size=2000)
        answers = []
        for stage in stages:
            for question in rng.sample(questions, min(per_stage, len(questions))):
                answers.append(
                    Answer(
                        stage=stage,
                        key=question.key,
                        value=_value(question, rng),
                        version=1,
                        question_label=question.label.en[:300],
                        updated_at=stage.started_at,
                        updated_by=user,
                    )
                )
        Answer.objects.bulk_create(answers, batch_size=10000)


def _value(question: object, rng: random.Random) -> object:
    kind = question.kind
    if kind == "yes_no":
        return rng.choice(["yes", "no"])
    if kind == "choice":
        return rng.choice([o.value for o in question.options])
    return "Fictional answer text for the benchmark. " * rng.randint(1, 6)


def keep_statistics() -> None:
    """Planner statistics, and on PostgreSQL the visibility map (index-only scans, as for a
    caseload's count, rely on it): what a live database's autovacuum keeps."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def _has_tables() -> bool:
    return "accounts_user" in connection.introspection.table_names()


WARM_UP = 10  # requests of the page (and of the trivial view) before measuring


@dataclass(frozen=True)
class Measured:
    """One page's figures. Each request of the page is divided by the mean of the trivial
    requests just before and just after it, so that both see the machine in the same state:
    on a shared virtual machine everything slows by up to 2 times for a second or so at a
    time, which would otherwise count against the slower page. `whole_run_p95` divides the
    page's p95 by the trivial view's median over the whole run instead, as this script did
    at first."""

    median: float
    p95: float
    whole_run_p95: float
    queries: int
    trivial_ms: float


def timed(client: Client, url: str, runs: int) -> Measured:
    """Server time of the page against the trivial view, requested in turn, and the queries
    the page makes."""
    for _ in range(WARM_UP):
        client.get(url)
        client.get(TRIVIAL)
    times: list[float] = []
    trivial = [_seconds(client, TRIVIAL)]
    for _ in range(runs):
        times.append(_seconds(client, url))
        trivial.append(_seconds(client, TRIVIAL))
    ratios = [
        page / ((before + after) / 2)
        for page, before, after in zip(times, trivial, trivial[1:], strict=False)
    ]
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    base = statistics.median(trivial)
    return Measured(
        median=statistics.median(ratios),
        p95=_p95(ratios),
        whole_run_p95=_p95(times) / base,
        queries=len(queries),
        trivial_ms=base * 1000,
    )


def _seconds(client: Client, url: str) -> float:
    start = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - start
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18]


def profile(client: Client, name: str, url: str, runs: int) -> None:
    """The functions that take the most time over `runs` requests of one page."""
    client.get(url)  # warm up
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        client.get(url)
    profiler.disable()
    print(f"\n== {name} ({url}), {runs} requests ==")
    stats = pstats.Stats(profiler).strip_dirs().sort_stats("cumulative")
    stats.print_stats(45)
    stats.sort_stats("tottime").print_stats(25)
    if os.environ.get("BENCH_CALLERS"):
        stats.print_callers(os.environ["BENCH_CALLERS"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--children", type=int, default=20_000)
    parser.add_argument("--stages", type=int, default=3, help="stages per child")
    parser.add_argument("--answers", type=int, default=35, help="answers per stage")
    parser.add_argument("--runs", type=int, default=100, help="requests of each page")
    parser.add_argument(
        "--reuse", action="store_true", help="measure the database the last run built"
    )
    parser.add_argument(
        "--only", default="", help="measure only the pages whose name contains this text"
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="print where the time of each measured page goes (cProfile) instead of ratios",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    if args.reuse and _has_tables() and User.objects.filter(username="bench.user").exists():
        call_command("migrate", verbosity=0)  # tables added since the database was built
        keep_statistics()
        user = User.objects.get(username="bench.user")
        child = Child.objects.filter(case_worker=user).order_by("id").first()
        assert child is not None
        TOTPDevice.objects.filter(user=user).delete()
    else:
        user, child = build(args.children, args.stages, args.answers)
        keep_statistics()
    print(
        f"database: {connection.vendor}, children: {Child.objects.count():,}, "
        f"stages: {Stage.objects.count():,}, answers: {Answer.objects.count():,}, "
        f"offences: {Offence.objects.count():,} (built in {time.perf_counter() - started:.0f} s)"
    )
    stage = Stage.objects.filter(child=child, status="in_progress").first()
    assert stage is not None
    section = catalogues.load().stage(stage.stage_type).sections[0].section
    client = Client()
    device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    reset_queries()
    pages = {
        "my caseload": "/caseload/",
        "team caseload": "/caseload/team/",
        "caseload search": "/caseload/team/?q=Family12",
        "caseload page 40": "/caseload/team/?page=40",
        "child overview": f"/children/{child.pk}/",
        "offences section": f"/children/{child.pk}/offences/",
        "edit personal details": f"/children/{child.pk}/personal-details/edit/",
        "assessments list": f"/children/{child.pk}/stages/",
        "completion map (stage)": f"/stages/{stage.pk}/",
        "section page": f"/stages/{stage.pk}/sections/{section}/",
        "what is left": f"/stages/{stage.pk}/left/",
        "changes (vs previous)": f"/stages/{stage.pk}/changes/?compare=previous",
    }
    print(
        f"{'page':<24}{'median×':>9}{'p95×':>8}{'p95× whole run':>16}{'queries':>9}"
        f"{'trivial ms':>12}"
    )
    for name, url in {"trivial view": TRIVIAL, **pages}.items():
        if args.only not in name and name != "trivial view":
            continue
        if args.profile:
            if name != "trivial view":
                profile(client, name, url, args.runs)
            continue
        found = timed(client, url, args.runs)
        print(
            f"{name:<24}{found.median:>9.1f}{found.p95:>8.1f}{found.whole_run_p95:>16.1f}"
            f"{found.queries:>9}{found.trivial_ms:>12.1f}"
        )


if __name__ == "__main__":
    main()
