"""Drawing the timeline: grouping for a prolific child, zoom, well-formed accessible SVG with
every piece of text escaped, and the words that go with it."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from cairn.timeline import drawing, events
from cairn.timeline.events import RecordedOffence

TODAY = dt.date(2026, 6, 15)
SVG = "{http://www.w3.org/2000/svg}"


def offence(on: dt.date, category: str = "theft", description: str = "") -> RecordedOffence:
    return RecordedOffence(
        offence_date=on,
        category=category,
        category_label=category.replace("_", " ").title(),
        description=description or f"Offence on {on}",
    )


def prolific(count: int = 24) -> events.Timeline:
    """`count` offences, two a month from January 2025, alternating theft and violence."""
    offences = [
        offence(
            dt.date(2025, 1 + (index // 2) % 12, 3 + 10 * (index % 2)),
            "theft" if index % 2 else "violence",
        )
        for index in range(count)
    ]
    return events.build(offences=offences, today=TODAY)


def parse(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))


def test_the_svg_is_well_formed_with_role_title_and_description():
    timeline = prolific()

    root = parse(drawing.svg(timeline, title="Timeline for Jordan Pike", id_prefix="t"))

    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "t-title t-desc"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None
    assert title.get("id") == "t-title"
    assert title.text == "Timeline for Jordan Pike"
    assert desc is not None
    assert desc.get("id") == "t-desc"
    assert desc.text == drawing.summary(timeline)


def test_text_from_the_record_is_escaped():
    nasty = '<script>alert("x")</script> & "quotes"'
    timeline = events.build(
        offences=[offence(dt.date(2025, 3, 1), description=nasty)],
        life_events=[events.LifeEventEntry(dt.date(2025, 4, 1), "other", "Other", nasty)],
        today=TODAY,
    )

    markup = str(drawing.svg(timeline, title=nasty))
    root = parse(markup)

    assert "<script>" not in markup
    assert "&lt;script&gt;" in markup
    assert root.find(f".//{SVG}script") is None
    assert root.find(f"{SVG}title").text == nasty
    assert any(nasty in (element.text or "") for element in root.iter(f"{SVG}title"))


def test_the_summary_says_how_many_offences_when_and_the_longest_gap():
    timeline = events.build(
        offences=[
            offence(dt.date(2022, 3, 1)),
            offence(dt.date(2022, 11, 1)),
            offence(dt.date(2023, 1, 1)),
            offence(dt.date(2026, 5, 1)),
        ],
        today=TODAY,
    )

    assert drawing.summary(timeline) == (
        "4 offences between 2022 and 2026; longest period without offending: 3 years and 4 months."
    )


def test_the_summary_of_an_empty_record_and_of_a_child_with_no_gap():
    assert drawing.summary(events.build(offences=[], today=TODAY)) == "No offences recorded."
    recent = events.build(offences=[offence(dt.date(2026, 5, 1))], today=TODAY)
    assert drawing.summary(recent) == (
        "1 offence in 2026; no period of six months or more without offending."
    )


def test_the_summary_of_a_zoomed_timeline_says_how_many_in_all():
    shown = prolific().within(2025, 2025)
    assert drawing.summary(shown).startswith("24 offences in 2025")
    partial = events.build(
        offences=[offence(dt.date(2024, 1, 1)), offence(dt.date(2025, 1, 1))], today=TODAY
    ).within(2025, 2025)
    assert drawing.summary(partial).startswith("1 offence (of 2 in all) in 2025")


def test_durations_read_as_people_say_them():
    assert drawing.duration(1) == "1 month"
    assert drawing.duration(8) == "8 months"
    assert drawing.duration(12) == "1 year"
    assert drawing.duration(26) == "2 years and 2 months"


def test_under_twenty_offences_each_is_drawn_on_its_day():
    timeline = prolific(19)
    axis = drawing.axis_for(timeline)

    assert drawing.bucket_size(axis, len(timeline.offences)) == "day"


def test_twenty_offences_or_more_are_grouped_by_month_or_quarter():
    timeline = prolific(24)
    axis = drawing.axis_for(timeline)  # 2025 and half of 2026: months are wide enough
    size = drawing.bucket_size(axis, len(timeline.offences))

    groups = drawing.group_offences(timeline.offences, size)

    assert size == "month"
    assert len(groups) == 24  # each month: one theft marker and one violence marker
    assert {group.count for group in groups} == {1}
    assert sum(group.count for group in groups) == 24

    wide = drawing.Axis(dt.date(2016, 1, 1), dt.date(2027, 1, 1))
    assert drawing.bucket_size(wide, 24) in {"quarter", "year"}
    by_quarter = drawing.group_offences(timeline.offences, "quarter")
    assert len(by_quarter) == 8  # four quarters of 2025, two groups each
    assert {group.count for group in by_quarter} == {3}


def test_grouped_markers_show_their_count():
    offences = [offence(dt.date(2025, 3, day)) for day in range(1, 25)]
    timeline = events.build(offences=offences, today=TODAY)

    root = parse(drawing.svg(timeline, title="Timeline"))

    counts = [element.text for element in root.iter(f"{SVG}text") if element.text == "24"]
    assert counts == ["24"]
    titles = [element.text or "" for element in root.iter(f"{SVG}title")]
    assert any(title.startswith("March 2025:") for title in titles)


def test_zooming_to_a_year_draws_only_that_year():
    timeline = events.build(
        offences=[offence(dt.date(2023, 5, 1)), offence(dt.date(2025, 7, 9))], today=TODAY
    )

    root = parse(drawing.svg(timeline.within(2025, 2025), title="Timeline"))

    titles = [element.text or "" for element in root.iter(f"{SVG}title")]
    assert any("9 July 2025" in title for title in titles)
    assert not any("2023" in title for title in titles)
    years = [element.text for element in root.iter(f"{SVG}text") if (element.text or "").isdigit()]
    assert years == ["2025"]


def test_each_offence_group_has_its_own_shape_as_well_as_colour():
    shapes = [style[0] for style in drawing.GROUP_STYLE.values()]
    colours = [style[1] for style in drawing.GROUP_STYLE.values()]

    assert len(set(shapes)) == len(shapes) == len(events.GROUP_ORDER)
    assert len(set(colours)) == len(colours)


def test_the_legend_names_only_what_is_drawn():
    timeline = events.build(offences=[offence(dt.date(2025, 1, 1), "robbery")], today=TODAY)

    labels = [item.label for item in drawing.legend(timeline)]

    assert labels[0] == "Violence, robbery and public order"
    assert "Drugs" not in labels
    assert labels[-1].startswith("Six months or more without offending")


def test_custody_and_stages_and_periods_are_drawn_as_bars_with_titles():
    dto = RecordedOffence(
        offence_date=dt.date(2024, 1, 1),
        category="burglary_domestic",
        category_label="Burglary (domestic)",
        description="Burglary",
        outcome_type="detention_and_training_order",
        outcome_label="Detention and training order",
        outcome_date=dt.date(2024, 2, 1),
        order_end_date=dt.date(2025, 2, 1),
        is_sanction=True,
    )
    stage = events.StageEntry(
        dt.date(2024, 1, 10), None, "Pre-sentence report", "in_progress", "In progress"
    )
    timeline = events.build(offences=[dto], stages=[stage], today=TODAY)

    root = parse(drawing.svg(timeline, title="Timeline"))

    titles = [element.text or "" for element in root.iter(f"{SVG}title")]
    assert any(
        title.startswith("Detention and training order: custody, estimated") for title in titles
    )
    assert "Pre-sentence report (In progress)" in titles
    assert any("without offending" in title for title in titles)
    lane_names = {element.text for element in root.iter(f"{SVG}text")}
    assert {"Offences", "Outcomes", "Custody", "Assessments"} <= lane_names
    assert "Life events" not in lane_names


def test_rows_never_overlap_until_the_last_row():
    spans = [(0.0, 10.0), (5.0, 15.0), (12.0, 20.0), (1.0, 2.0)]

    assert drawing.rows_for(spans, most=2) == [0, 1, 0, 1]


def test_life_event_labels_go_right_then_left_then_nowhere():
    placed = drawing.place_labelled([200.0, 980.0, 985.0], [80.0, 80.0, 80.0], right_edge=986.0)

    assert placed == [(0, "right"), (0, "left"), (1, "left")]
    crowded = drawing.place_labelled([200.0] * 4, [80.0] * 4, right_edge=986.0, most=2)
    assert [side for _row, side in crowded] == ["right", "right", "", ""]  # no room left of 200
