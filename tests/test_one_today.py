"""One "today" for fremdrift.yaml: the latest date anywhere in the file, wherever that date stands.

The front page, the Go-live page, the steering group's status page and the go/no-go answer all count
from it. Before, the go/no-go answer and the status page left the cut-over steps out, so a step done
after the last count made the front page say 3 days to go-live and the status page 10.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml
from progress_support import contents, progress_text, project
from site_reading import danish_date

from conftest import example_text, set_value

LATEST = {
    "the last count": (("status", -1, "dato"), "2027-02-24"),
    "a control round": (("kontrolrunder", "kontrolrunde_1", "dato"), "2027-02-24"),
    "a go/no-go check": (("go_no_go", "ds_startdatoer", "dato"), "2027-02-24"),
    "a cut-over step": (("overgang", "frysning", "dato"), "2027-02-26"),
}


def days_and_dates(pages: dict) -> dict[str, tuple[int, dt.date]]:
    """(days to go-live, the date they count from) as each page shows them."""
    front = re.search(r"\| Dage til go-live \| (\d+) \(fra ([^,]+),", pages["index.md"])
    golive = re.search(r"\| Dage til go-live \| (\d+) \(fra ([^,]+),", pages["golive/index.md"])
    status = re.search(r"pr\. \w+dag den ([^:]+): (\d+) dage til go-live", pages["status.md"])
    answer = re.search(r"`fremdrift\.yaml` pr\. ([^.]+\.[^.]+?)\. Go-live", pages["fremdrift/go-no-go.md"])
    assert front and golive and status and answer
    return {
        "forside": (int(front[1]), danish_date(front[2])),
        "go-live": (int(golive[1]), danish_date(golive[2])),
        "status": (int(status[2]), danish_date(status[1])),
        "go/no-go": (int(front[1]), danish_date(answer[1])),
    }


@pytest.mark.parametrize("where", LATEST, ids=list(LATEST))
def test_every_page_counts_from_the_latest_date_in_the_file(tmp_path, where):
    path, value = LATEST[where]
    pages = contents(project(tmp_path, set_value(progress_text(), path, value)))
    latest = dt.date.fromisoformat(value)
    go_live = yaml.safe_load(example_text())["projekt"]["go_live"]
    shown = days_and_dates(pages)
    assert set(shown.values()) == {((go_live - latest).days, latest)}, shown
