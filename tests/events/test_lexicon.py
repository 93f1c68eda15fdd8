"""The trigger lexicon: our YAML loads and validates, users extend and override it, PETRARCH dictionaries load."""
from __future__ import annotations

import pytest

from herald.errors import ConfigError
from herald.events import EventCoder, load_lexicon, load_ontology
from herald.events.lexicon import load_yaml_entries
from herald.events.petrarch import load_petrarch_verbs
from herald.nlp.morph import noun_forms, verb_forms


def test_every_plover_type_has_triggers():
    lexicon = load_lexicon()
    assert {e.event for e in lexicon.entries} == set(load_ontology().types)
    assert len(lexicon) > 400


@pytest.mark.parametrize("form,pos,rule", [
    ("met", "verb", "consult.meet"), ("talks", "noun", "consult.talks"), ("visited", "verb", "consult.visit"),
    ("congratulated", "verb", "support.praise"), ("urged", "verb", "request.urge"), ("accused", "verb", "accuse.accuse"),
    ("condemned", "verb", "accuse.criticize"), ("denied", "verb", "reject.deny"), ("threatened", "verb", "threaten.threaten"),
    ("sanctions", "noun", "sanction.sanctions"), ("tariffs", "noun", "sanction.sanctions"), ("deployed", "verb", "mobilize.deploy"),
    ("arrested", "verb", "coerce.arrest"), ("detained", "verb", "coerce.arrest"), ("killed", "verb", "assault.kill"),
    ("airstrike", "noun", "assault.air"), ("attack", "noun", "assault.attack"), ("hijacking", "noun", "assault.abduct"),
    ("released", "verb", "retreat.release"), ("ceasefire", "noun", "retreat.ceasefire"), ("offered", "verb", "agree.offer"),
    ("pledged", "verb", "agree.agree"), ("protest", "noun", "protest.demo"),
])
def test_inflected_forms_find_their_entries(form, pos, rule):
    assert rule in {e.id for e in load_lexicon().lookup(form, pos)}


def test_morphology_of_lexicon_words():
    assert {"meet", "meets", "met", "meeting"} <= verb_forms("meet")
    assert {"ban", "banned", "banning", "bans"} <= verb_forms("ban")
    assert {"seize", "seized", "seizing"} <= verb_forms("seize")
    assert {"ally", "allies"} <= noun_forms("ally") and "spokesmen" in noun_forms("spokesman")
    # a prefix keeps the irregular forms of its verb; short stems double their consonant
    assert {"retook", "retaken", "retaking"} <= verb_forms("retake") and "retaked" not in verb_forms("retake")
    assert {"overran", "overrunning"} <= verb_forms("overrun") and {"underwent", "undergone"} <= verb_forms("undergo")
    assert {"hitting", "setting", "cutting"} <= verb_forms("hit") | verb_forms("set") | verb_forms("cut")


def test_user_yaml_extends_and_overrides(tmp_path, code_text):
    user = tmp_path / "mine.yaml"
    user.write_text("- id: mine.snub\n  event: REJECT\n  cameo: '120'\n  verbs: [snub]\n  recipient: [dobj]\n")
    lexicon = load_lexicon([user])
    assert [e.id for e in lexicon.lookup("snubbed", "verb")] == ["mine.snub"]
    coder = EventCoder(lexicon)
    result = code_text("The Chilean president snubbed the Peruvian foreign minister at the summit.")
    doc_pipeline = result  # the default pipeline does not know "snub"
    assert not [e for e in doc_pipeline.events if e.event == "REJECT"]
    assert coder.lexicon.lookup("snub", "verb")[0].source == str(user)


@pytest.mark.parametrize("text,message", [
    ("- id: x\n  event: PRAISE\n  verbs: [hail]\n", "unknown PLOVER event type"),
    ("- id: x\n  event: CONSULT\n  mode: telepathy\n  verbs: [meet]\n", "not a mode of CONSULT"),
    ("- id: x\n  event: CONSULT\n  cameo: '999'\n  verbs: [meet]\n", "unknown CAMEO code"),
    ("- id: x\n  event: CONSULT\n  verbs: [meet]\n  recipient: [on]\n", "quote the preposition"),
    ("- id: x\n  event: CONSULT\n", "give `verbs` or `nouns`"),
    ("- id: x\n  event: CONSULT\n  verbs: [meet]\n  colour: red\n", "unknown keys"),
    ("- id: x\n  event: CONSULT\n  verbs: [meet]\n  not_objects: [a]\n  not_objects: [b]\n", "given twice"),
])
def test_bad_user_lexicons_are_refused_with_the_reason(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_yaml_entries(path)


def test_petrarch_verb_dictionary_loads(shared):
    entries = load_petrarch_verbs(shared / "reference" / "CAMEO.2.0.txt")
    assert len(entries) > 10_000
    by_id = {e.id: e for e in entries}
    rush_aid = by_id["petrarch.accelerate.rush.070"]
    assert rush_aid.event == "AID" and "aid" in rush_aid.objects
    assert {e.event for e in entries} == set(load_ontology().types)
    assert not [e for e in entries if e.cameo and e.cameo.startswith("01")]  # statements are not coded


def test_petrarch_dictionary_codes_through_the_coder(shared, code_text, pipeline):
    lexicon = load_lexicon([shared / "reference" / "CAMEO.2.0.txt"])
    coder = EventCoder(lexicon)
    # "expedite" is not in Herald's lexicon; PETRARCH's ACCELERATE block codes it with an AID object.
    assert not load_lexicon().lookup("expedited", "verb")
    from herald.pipeline import Pipeline

    swapped = Pipeline(pipeline.nlp, pipeline.actors, coder, pipeline.times, pipeline.places)
    import datetime as dt

    from herald.records import Article

    text = "Japan expedited aid to Malawi after the floods."
    result = swapped.process(Article(id="p", published=dt.date(2024, 1, 5), text=text, content_hash="p"))
    assert [(e.event, e.actor.country) for e in result.events] == [("AID", "JPN")]
    assert result.events[0].coder.startswith("rule:petrarch.accelerate.expedite")


def test_not_a_petrarch_file(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("hello\n")
    with pytest.raises(ConfigError, match="not a PETRARCH verb dictionary"):
        load_petrarch_verbs(path)
