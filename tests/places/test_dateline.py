"""Dateline parsing: the styles of wire services and newspapers (our own example lines)."""
from __future__ import annotations

import pytest

from herald.places import parse_dateline


@pytest.mark.parametrize("body, place, region", [
    ("BRUSSELS. KAZINFORM - The minister arrived.", "BRUSSELS", None),
    ("SALVADOR, Feb 26 - Rain fell on the cocoa farms.", "SALVADOR", None),
    ("KYIV, Ukraine (AP) — Air raid sirens sounded overnight.", "KYIV", "Ukraine"),
    ("BEIRUT (AP) - A convoy left the port.", "BEIRUT", None),
    ("ALBUQUERQUE, N.M. (AP) - The council voted.", "ALBUQUERQUE", "N.M."),
    ("PORTLAND, Ore., March 3 - A company said.", "PORTLAND", "Ore."),
    ("LONDON, March 3 (Reuters) - Shares fell.", "LONDON", None),
    ("BLANTYRE — Parents protested on Monday.", "BLANTYRE", None),
    ("Toronto, Feb 26 - A bank said.", "Toronto", None),
    ("NEW DELHI: The ministry said.", "NEW DELHI", None),
    ("ST. LOUIS, Mo. (AP) — Voters lined up.", "ST. LOUIS", "Mo."),
])
def test_dateline_styles(body, place, region):
    dateline = parse_dateline(body)
    assert dateline is not None
    assert dateline.place == place
    assert body[dateline.start:dateline.end] == place
    assert dateline.region == region
    assert body[dateline.span_end:][:1].isalpha() or body[dateline.span_end:][:1] in "«\"'"


@pytest.mark.parametrize("body", [
    "Security forces in Somalia say they repelled an attack.",
    "U.S. lawmakers welcomed the announcement.",
    "The U.N. - special envoy said.",
    "Toronto - the city council met.",  # title case with neither date nor agency
    "UPDATE 2-Oil prices rose.",
])
def test_not_a_dateline(body):
    assert parse_dateline(body) is None
