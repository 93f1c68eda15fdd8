"""Which reports are of one event (`herald.clusters.matching`), and near-copies by MinHash/LSH
(`herald.clusters.nearcopy`): the rules one at a time, on reports and texts written here."""
from __future__ import annotations

import datetime as dt

from herald.clusters import ClusterSettings
from herald.clusters.matching import Report, assign, cluster_id
from herald.clusters.nearcopy import NearCopyFinder, buckets, jaccard, shingles

D = dt.date
KEY = ("CONSULT", "asserted", "NOR", "GOV", "KEN", "GOV")


def report(n: int, key=KEY, lo=D(2024, 3, 4), hi=D(2024, 3, 4), country=None, actor=None, recipient=None) -> Report:
    return Report(f"a{n}#0", f"a{n}", key, lo, hi, country, actor, recipient)


def clusters_of(*reports: Report) -> list[str]:
    result = assign(reports, [], lambda _: False)
    return [cid for _, cid in result.members]


def test_same_key_overlapping_dates_join_and_the_id_is_the_first_reports():
    ids = clusters_of(report(1), report(2, lo=D(2024, 3, 1), hi=D(2024, 3, 31)), report(3))
    assert ids == [cluster_id("a1#0")] * 3


def test_each_difference_keeps_reports_apart():
    base = report(1, country="KEN", actor="Espen Barth Eide")
    assert len(set(clusters_of(base, report(2, key=("ACCUSE", *KEY[1:]))))) == 2  # type
    assert len(set(clusters_of(base, report(2, key=(*KEY[:2], "SWE", *KEY[3:]))))) == 2  # actor country
    assert len(set(clusters_of(base, report(2, key=(*KEY[:3], "MIL", *KEY[4:]))))) == 2  # actor sector
    assert len(set(clusters_of(base, report(2, key=(*KEY[:5], None))))) == 2  # recipient sector
    assert len(set(clusters_of(base, report(2, key=(KEY[0], "negated", *KEY[2:]))))) == 2  # a denial
    assert len(set(clusters_of(base, report(2, lo=D(2024, 3, 5), hi=D(2024, 3, 5))))) == 2  # date
    assert len(set(clusters_of(base, report(2, country="NOR")))) == 2  # place
    assert len(set(clusters_of(base, report(2, actor="Jonas Gahr Store")))) == 2  # another named actor


def test_unknown_place_and_shorter_names_are_compatible():
    ids = clusters_of(report(1, country="KEN", actor="Espen Barth Eide"), report(2, actor="Eide"),
                      report(3, country="KEN"))
    assert len(set(ids)) == 1


def test_a_cluster_narrows_instead_of_chaining():
    """"March" joins "4 March"; "31 March" overlaps "March" but not what the two agree on."""
    ids = clusters_of(report(1), report(2, lo=D(2024, 3, 1), hi=D(2024, 3, 31)),
                      report(3, lo=D(2024, 3, 31), hi=D(2024, 3, 31)))
    assert ids[0] == ids[1] != ids[2]


def test_reports_without_any_country_are_their_own_clusters():
    key = ("ASSAULT", "asserted", None, "UAF", None, "CVL")
    assert len(set(clusters_of(report(1, key=key), report(2, key=key)))) == 2


def test_a_taken_id_is_not_reused():
    taken = {cluster_id("a1#0")}
    result = assign([report(1)], [], lambda i: i in taken)
    assert result.members[0][1] == cluster_id("a1#0", 1) != cluster_id("a1#0")


STORY = ("The central bank of the republic raised its main interest rate by half a point on Thursday, the third "
         "increase this year, saying that food and fuel prices were still rising faster than wages. Analysts had "
         "expected a smaller step. The governor told reporters that the bank would act again if needed.")
EDITED = STORY.replace("Analysts had expected a smaller step.", "Most analysts had expected a smaller step.") \
    .replace("told reporters", "told journalists")
OTHER = ("Heavy rain flooded dozens of villages in the north of the country on Thursday, and the army sent boats "
         "to carry families to schools turned into shelters, the regional governor said.")


def test_shingles_minhash_buckets_and_jaccard():
    settings = ClusterSettings()
    a, b, c = (shingles(t, settings.shingle_words) for t in (STORY, EDITED, OTHER))
    assert 0.6 < jaccard(a, b) < 1.0 and jaccard(a, c) < 0.05
    assert buckets(a, settings) == buckets(set(a), settings)  # deterministic
    assert set(buckets(a, settings)) & set(buckets(b, settings))  # similar texts share a bucket
    assert not set(buckets(a, settings)) & set(buckets(c, settings))
    assert buckets(set(), settings) == []


def test_near_copies_are_found_through_shared_buckets_only():
    """The finder only compares texts that share a bucket: the stored texts it asks for are the candidates."""
    settings = ClusterSettings()
    stored_buckets = [(b, "stored-story") for b in buckets(shingles(STORY, 3), settings)]
    stored_buckets += [(b, "stored-flood") for b in buckets(shingles(OTHER, 3), settings)]
    asked: list[list[str]] = []

    def candidates(wanted):
        return [(b, a) for b, a in stored_buckets if b in set(wanted)]

    def texts(ids):
        asked.append(list(ids))
        return {"stored-story": STORY, "stored-flood": OTHER}

    finder = NearCopyFinder(settings, candidates, lambda ids: {i: t for i, t in texts(ids).items() if i in ids})
    found = finder.find([("new-copy", EDITED), ("new-copy-2", EDITED + " More later."), ("new-other", "Short.")])
    assert [(f.article_id, f.copy_of) for f in found] == [
        ("new-copy", "stored-story"), ("new-copy-2", "new-copy"), ("new-other", None)]
    assert asked == [["stored-story"]]  # the flood story never was a candidate
    assert {a for _, a in finder.new_buckets} == {"new-copy", "new-copy-2", "new-other"}
