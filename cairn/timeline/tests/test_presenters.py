"""The years a page asks for, the links to each year, and the table alternative's words."""

from __future__ import annotations

import datetime as dt

from cairn.timeline import events, presenters
from cairn.timeline.events import CurrentCustody, RecordedOffence

TODAY = dt.date(2026, 6, 15)


def timeline(**extra: object) -> events.Timeline:
    return events.build(
        offences=[
            RecordedOffence(dt.date(2022, 3, 1), "theft", "Theft (non-motor)", "Shoplifting"),
            RecordedOffence(dt.date(2025, 3, 1), "theft", "Theft (non-motor)", "Bike theft"),
        ],
        today=TODAY,
        **extra,  # type: ignore[arg-type]
    )


def test_chosen_years_keeps_within_the_childs_years():
    whole = timeline()

    assert presenters.chosen_years({}, whole) is None
    assert presenters.chosen_years({"from": "2024", "to": "2024"}, whole) == (2024, 2024)
    assert presenters.chosen_years({"from": "2025", "to": "2023"}, whole) == (2023, 2025)
    assert presenters.chosen_years({"from": "2024"}, whole) == (2024, 2024)
    assert presenters.chosen_years({"from": "1999", "to": "2099"}, whole) == (2022, 2026)
    assert presenters.chosen_years({"from": "20x4"}, whole) is None
    assert presenters.chosen_years({"from": "2030", "to": "2031"}, whole) is None


def test_year_links_name_every_year_and_mark_the_one_shown():
    links = presenters.year_links(timeline(), (2024, 2024), "/children/1/timeline/")

    assert [link.text for link in links] == ["All years", "2022", "2023", "2024", "2025", "2026"]
    assert [link.text for link in links if link.current] == ["2024"]
    assert links[3].href == "/children/1/timeline/?from=2024&to=2024"
    assert links[0].href == "/children/1/timeline/"


def test_the_table_lists_every_entry_in_date_order_with_periods_in_words():
    rows = presenters.table_rows(
        timeline(current_custody=CurrentCustody("remand_yda", "Oakwood Secure Training Centre"))
    )

    assert [(row.lane, row.when) for row in rows] == [
        ("Offence", "1 March 2022"),
        ("No offending", "1 March 2022 to 1 March 2025"),
        ("Offence", "1 March 2025"),
        ("Custody", "start not recorded to now"),
    ]
    assert rows[1].what == "3 years without offending"
    assert rows[3].what == (
        "Remanded to youth detention accommodation now (start not recorded), "
        "at Oakwood Secure Training Centre"
    )
