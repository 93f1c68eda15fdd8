"""`herald export --format gdelt|icews` on a real coded store: the files load with pandas under the column names
those projects publish, with the dtypes their users expect, and carry our values in the right fields."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from herald.ingestion import examples_dir, ingest_paths
from herald.store import Store
from herald.store.filters import EventFilters
from herald.store.layouts import event_number
from tests.conftest import SEED

# The GDELT 2.0 event table, as its codebook lists the 61 fields (written out here, not imported, so that the test
# checks our order against the published one).
_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code"]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_NAMES = (["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
               + [f"Actor1{n}" for n in _ACTOR] + [f"Actor2{n}" for n in _ACTOR]
               + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                  "NumMentions", "NumSources", "NumArticles", "AvgTone"]
               + [f"Actor1Geo_{n}" for n in _GEO] + [f"Actor2Geo_{n}" for n in _GEO]
               + [f"ActionGeo_{n}" for n in _GEO] + ["DATEADDED", "SOURCEURL"])
GDELT_CODES = {name: str for name in GDELT_NAMES if name.endswith("Code") or name.endswith("FeatureID")}
ICEWS_NAMES = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
               "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
               "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("exports") / "herald.duckdb"
    ingest_paths([str(examples_dir()), str(SEED)], path)
    return path


@pytest.fixture(scope="module")
def seed_meeting(db) -> dict:
    """The seed's first event: the Kazakh ambassador met the Speaker of the Belgian Senate, in Brussels."""
    with Store.open(db, read_only=True) as store:
        rows = store.events(EventFilters(article_id="kazinform-2021-10-17", event=["CONSULT"]), limit=None,
                            sort="article")
    return next(r for r in rows if r["trigger_text"] == "met")


def export(db, tmp_path, fmt: str, *filters: str):
    out = tmp_path / f"events.{fmt}"
    done = subprocess.run([sys.executable, "-m", "herald", "export", "--db", str(db), "-f", fmt, "-o", str(out),
                           *filters], capture_output=True, text=True, check=True)
    return out, int(done.stderr.split()[1])


def test_gdelt_file_reads_with_the_codebook_columns(db, tmp_path, seed_meeting):
    path, written = export(db, tmp_path, "gdelt")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(line.count("\t") == 60 for line in lines)  # 61 fields, no header
    frame = pd.read_csv(path, sep="\t", header=None, names=GDELT_NAMES, dtype=GDELT_CODES)
    with Store.open(db, read_only=True) as store:
        assert len(frame) == written == store.count("events")
    assert frame["GLOBALEVENTID"].dtype == "int64" and frame["GLOBALEVENTID"].is_unique
    dates = pd.to_datetime(frame["SQLDATE"].astype(str), format="%Y%m%d")
    assert (frame["MonthYear"] == frame["SQLDATE"] // 100).all() and (frame["Year"] == dates.dt.year).all()
    assert frame["QuadClass"].between(1, 4).all() and frame["GoldsteinScale"].between(-10, 10).all()
    assert (frame["EventRootCode"] == frame["EventCode"].str[:2]).all()
    assert frame["EventCode"].str.fullmatch(r"\d{3,4}").all()  # leading zeros kept: "040", not 40
    assert frame["AvgTone"].isna().all() and frame["Actor1Geo_Type"].isna().all()  # unknown: empty
    meeting = frame.set_index("GLOBALEVENTID").loc[event_number(seed_meeting["id"])]
    assert meeting["SQLDATE"] == 20211017 and meeting["FractionDate"] == pytest.approx(2021 + (10 * 30 + 17) / 365,
                                                                                        abs=1e-4)
    assert (meeting["EventCode"], meeting["EventBaseCode"], meeting["EventRootCode"]) == ("040", "040", "04")
    assert meeting["QuadClass"] == 1 and meeting["GoldsteinScale"] == seed_meeting["goldstein"]
    assert (meeting["Actor1CountryCode"], meeting["Actor1Type1Code"], meeting["Actor1Code"]) == ("KAZ", "GOV",
                                                                                                 "KAZGOV")
    assert meeting["Actor1Name"] == "Margulan Baimukhan"
    assert (meeting["Actor2CountryCode"], meeting["Actor2Type1Code"]) == ("BEL", "LEG")
    assert meeting["ActionGeo_Type"] == 4 and meeting["ActionGeo_FullName"].startswith("Brussels, ")
    assert meeting["ActionGeo_FullName"].endswith(", Belgium")
    assert meeting["ActionGeo_CountryCode"] == "BE" and meeting["ActionGeo_FeatureID"] == "2800866"
    assert meeting["ActionGeo_Lat"] == pytest.approx(50.85, abs=0.01)
    assert meeting["ActionGeo_Long"] == pytest.approx(4.35, abs=0.01)
    assert meeting["SOURCEURL"] == "kazinform-2021-10-17"  # no URL stored: the article id
    assert len(str(meeting["DATEADDED"])) == 14


def test_icews_file_reads_with_its_header(db, tmp_path, seed_meeting):
    path, written = export(db, tmp_path, "icews")
    frame = pd.read_csv(path, sep="\t", dtype={"CAMEO Code": str, "Story ID": str}, parse_dates=["Event Date"])
    assert list(frame.columns) == ICEWS_NAMES and len(frame) == written
    assert frame["Event ID"].dtype == "int64" and str(frame["Event Date"].dtype).startswith("datetime64")
    assert frame["Intensity"].dtype == "float64" and frame["Latitude"].dtype == "float64"
    meeting = frame.set_index("Event ID").loc[event_number(seed_meeting["id"])]
    assert meeting["Event Date"] == pd.Timestamp("2021-10-17")
    assert (meeting["Source Name"], meeting["Source Sectors"], meeting["Source Country"]) == (
        "Margulan Baimukhan", "Government", "Kazakhstan")
    assert (meeting["Target Country"], meeting["Target Sectors"]) == ("Belgium", "Legislative / Parliamentary")
    assert meeting["CAMEO Code"] == "040" and meeting["Event Text"].startswith("Consult")
    assert meeting["Story ID"] == "kazinform-2021-10-17"
    assert meeting["Sentence Number"] == seed_meeting["sentence_index"] + 1
    assert (meeting["City"], meeting["Country"]) == ("Brussels", "Belgium")


def test_layout_exports_take_the_event_filters(db, tmp_path):
    path, written = export(db, tmp_path, "gdelt", "--actor", "KAZ")
    frame = pd.read_csv(path, sep="\t", header=None, names=GDELT_NAMES, dtype=GDELT_CODES)
    with Store.open(db, read_only=True) as store:
        assert written == len(store.events(EventFilters(actor_country="KAZ"), limit=None)) == len(frame) > 0
    assert (frame["Actor1CountryCode"] == "KAZ").all()
