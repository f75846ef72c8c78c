"""The ACLED CSV row: ACLED's columns and order, and text that cannot run as a formula."""

from __future__ import annotations

import datetime as dt

from rasad.export import ACLED_COLUMNS, acled_row
from rasad.store.synthetic import make_event


def test_acled_columns_are_acleds_in_order() -> None:
    assert ACLED_COLUMNS == (
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp")


def test_row_values() -> None:
    record = make_event(event_id="SYR1", assoc_actor_2=["Militia A", "Militia B"], civilian_targeting=True,
                        fatalities=3, source="Outlet A;Outlet B", admin3=None).to_dict()
    row = dict(zip(ACLED_COLUMNS, acled_row(record, updated_at=dt.datetime(2023, 1, 1, tzinfo=dt.timezone.utc))))
    assert row["event_id_cnty"] == "SYR1" and row["year"] == "2022" and row["event_date"] == "2022-12-04"
    assert row["assoc_actor_2"] == "Militia A; Militia B" and row["civilian_targeting"] == "Civilian targeting"
    assert row["region"] == "Middle East" and row["admin3"] == "" and row["fatalities"] == 3
    assert row["timestamp"] == 1672531200


def test_text_cannot_become_a_spreadsheet_formula() -> None:
    record = make_event(notes='=HYPERLINK("http://evil.example","click")', location="+1 town", source="@wire",
                        latitude=-1.5).to_dict()
    row = dict(zip(ACLED_COLUMNS, acled_row(record)))
    assert row["notes"].startswith("'=") and row["location"] == "'+1 town" and row["source"] == "'@wire"
    assert row["latitude"] == -1.5  # numbers stay numbers
