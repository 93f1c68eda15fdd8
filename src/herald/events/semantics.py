"""Is it a political event? What an event's arguments are, checked against what its trigger sense needs.

A trigger word is only an event when its arguments are of the right kind: "killed" needs an attacker that is not an
earthquake and a victim that is not an animal; "released" a person, not a software product; "received" a visitor,
not an award. Kinds come from what the parse and the resolver know of a head token: its named-entity label, whether
it is a pronoun for people, and Herald's typed noun lexicon (`data/noun_classes.yaml`: people, animals, products and
records, natural forces and accidents, vehicles, markets, sports, courtesies).

`argument_problem` is the single entry point: it returns why the event is not a political event, or None. Noun kinds
come from herald.events.kinds, accidents from herald.events.accidents.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from herald.events.accidents import VIOLENT_WORDS, accident_story, accidental, cause_tokens
from herald.events.kinds import (GROUP_ENTITIES, PEOPLE_ENTITIES, NounClasses, antecedent, has_owner, kind_of,
                                 noun_classes)
from herald.nlp.morph import verb_forms

if TYPE_CHECKING:
    from spacy.tokens import Token

    from herald.events.lexicon import TriggerEntry
    from herald.records import Actor

__all__ = ["NounClasses", "accidental", "argument_problem", "campaign_rally", "characterisation", "kind_of",
           "noun_classes", "protest_gathering", "verbal_attack", "verbal_clash"]

# Kinds that never act in a political event, whatever the verb.
NOT_AGENTS = frozenset({"hazard", "vehicle", "animal", "product", "market"})
# Kinds that are not harmed, seized or aimed at in a political event (an idea or a policy is attacked in words, a
# bill is "killed" in a vote: see verbal_attack).
NOT_PATIENTS = frozenset({"animal", "product", "market", "sport", "courtesy", "abstract"})
# Kinds of things a trigger noun may name the kind of ("an assault rifle", "attack helicopters", "aid workers"):
# the compound is the thing, no event.
THING_HEADS = frozenset({"weapon", "product", "person", "protester"})  # (an "aid convoy" carries aid: no vehicles)
# Types whose agent must be someone: violence, coercion, punishment, aid, yielding.
AGENTIVE = frozenset({"ASSAULT", "COERCE", "SANCTION", "AID", "RETREAT", "MOBILIZE", "CONCEDE"})
# Types whose patient is checked: what is given, agreed or banned may be a thing ("banned her book", "agreed to lift
# the ban on imports"); what is attacked is not an animal or a product.
PATIENT_CHECKED = frozenset({"ASSAULT"})
# Senses (PLOVER type, mode) whose patient must be people: one releases prisoners and hostages, not products.
HUMAN_PATIENT = frozenset({("RETREAT", "release")})
# Senses of other types whose patient is checked too: one arrests or captures people (or their vehicles), not birds.
PATIENT_CHECKED_SENSES = HUMAN_PATIENT | {("COERCE", "arrest")}
# Words for attacking that also mean criticising, depending on what is attacked.
ATTACK_WORDS = frozenset({"attack", "assault", "onslaught", "hit"})
STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY"})
# Words that make a vehicle an instrument of a state or force: "government helicopters", "military jets".
STATE_OWNERS = frozenset({"government", "army", "military", "police", "regime", "coalition", "navy", "naval",
                          "enemy", "rebel", "insurgent", "militant", "state", "federal", "security"})
PUBLIC_BODIES = frozenset({"IGO", "UNO", "EUR", "NGO"})
# Verbs that request only with an infinitive ("told them to leave", "asked him to resign"), not with a clause
# ("told VOA that ...") or a question ("asked him if ...", "asked why ..."); "ask for" is its own entry.
REPORTING_REQUESTS = frozenset({"tell", "ask"})
# Modifiers that make a rally a campaign event ("a campaign rally", "an election rally", "a Biden rally").
CAMPAIGN_WORDS = frozenset({"campaign", "election", "electoral", "re-election", "reelection", "presidential",
                            "primary", "fundraising"})
# Words in an organisation's name that make it a company.
CORPORATE_WORDS = frozenset("inc corp corporation co ltd plc llc ag sa nv gmbh holdings holding company companies "
                            "firm firms bank banks bancorp airline airlines insurer group's".split())
# Types a company does in the ordinary course of business (agreeing, offering, meeting, asking, refusing,
# financing): political only when a political actor is on one side.
BUSINESS_PRONE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "REQUEST", "REJECT", "AID", "CONCEDE",
                            "RETREAT", "THREATEN", "ACCUSE"})
# Sectors that act politically (PLOVER agents); private people (CVL), companies, schools, hospitals and the press
# do only when the other side is one of these.
POLITICAL_SECTORS = STATE_SECTORS | {"PTY", "OPP", "REB", "ELI", "UAF", "REL", "LAB", "IGO", "NGO", "INS", "SEP"}
# Types private people do to each other every day: asking, offering, backing, refusing, forgiving, releasing.
PRIVATE_PRONE = frozenset({"REQUEST", "SUPPORT", "AGREE", "REJECT", "CONCEDE", "RETREAT", "COOPERATE", "AID",
                           "CONSULT", "THREATEN"})
# Heads of organised groups: a side the text calls one of these is not a private person.
ORGANISED = frozenset("group movement organization organisation association union party committee coalition "
                      "alliance network council front campaign federation league society foundation".split())
# Verbs that say what something is ("denounced the raid as an attack on the constitution", "called the vote a
# declaration of war"): the noun after them characterises the object, it is no event of its own.
CHARACTERISING = frozenset(form for lemma in (
    "describe denounce condemn brand label view regard characterize characterise decry dismiss portray call see "
    "term slam criticize criticise hail praise welcome reject").split() for form in verb_forms(lemma))
# Types whose direct object is what is given or shared: a courtesy ("offered condolences") is none of them.
OFFERED = frozenset({"AGREE", "CONSULT", "SUPPORT", "AID", "COOPERATE"})


def _agent_kinds(token: "Token", classes: NounClasses) -> frozenset[str]:
    """Kinds of an agent, with the hazard of a phrase it only measures ("an earthquake with magnitude 6.3 that
    struck", "the force of the storm")."""
    kinds = kind_of(token, classes)
    if token.dep_ == "pobj" and token.head.lower_ in ("of", "with") and token.head.head.tag_.startswith("NN"):
        kinds |= kind_of(token.head.head, classes) & {"hazard"}
    return kinds


def _political(actor: "Actor | None", heads: Sequence["Token"] = ()) -> bool:
    """A side that can act politically: a state body, a party or opposition, an armed group, an international or
    non-governmental body, organised religion or labour, a group with such a member, someone the text names; or,
    when its sector is unknown or civilian, a collective ("the Palestinians", "Druze inhabitants") or a name Herald
    does not know. A pronoun for no one named or a singular common noun of no political sector ("my mother", "he", "a
    doctor") is a private person."""
    if actor is None:
        return False
    if actor.members:
        return any(_political(m) for m in actor.members)
    if actor.sector in POLITICAL_SECTORS or actor.country in PUBLIC_BODIES | {"IMG"}:
        return True
    if actor.sector not in (None, "CVL"):  # one scientist, doctor, reporter or firm, named or not: private; a
        # group of them only when the text names it
        return bool(heads and heads[0].tag_ in ("NNS", "NNPS", "PRP")) and bool(actor.name or actor.office)
    if actor.name or actor.office:
        return True
    if "people" in (actor.resolved_by or ""):  # a people named by the resolver's gazetteer: "2,000 Libyans"
        return True
    # a collective of a country ("Druze inhabitants of the Golan", "Iraqi farmers"), a name, an organised group
    return bool(heads) and ((heads[0].tag_ in ("NNS", "NNPS") and actor.country is not None) or
                            (heads[0].tag_ == "NNP" and actor.sector is None) or heads[0].lower_ in ORGANISED)


def _public(actor: "Actor | None") -> bool:
    """A state body, or an international or non-governmental organisation."""
    return actor is not None and (actor.sector in STATE_SECTORS or actor.country in PUBLIC_BODIES)


def _commercial(actor: "Actor | None") -> bool:
    """A business: sector BUS, or an organisation of no known sector whose name says it is a company ("Waste
    Management Inc", "the banks", "Pittston Co"). Unknown organisations without such a word (a rebel front, a
    campaign) and people or countries of unknown sector are not assumed to be businesses."""
    if actor is None or actor.country in PUBLIC_BODIES or actor.members:
        return False
    if actor.sector == "BUS":
        return True
    if actor.sector is not None or getattr(actor, "kind", None) != "organisation":
        return False
    words = {w.strip(".,'’()<>").lower() for w in f"{actor.text or ''} {actor.name or ''}".split()}
    return bool(words & CORPORATE_WORDS)


def _harmless(kinds: frozenset[str], bad: frozenset[str]) -> bool:
    return not (kinds & bad) or "person" in kinds


def argument_problem(event_type: str, mode: str | None, entry: "TriggerEntry", trigger: "Token",
                     actor_tokens: Sequence["Token"], patient_tokens: Sequence["Token"],
                     actor: "Actor | None", recipient: "Actor | None") -> str | None:
    """Why this cannot be a political event with these arguments, or None when it can.

    `actor_tokens` / `patient_tokens` are the candidate heads for each side (best first), `actor` / `recipient` what
    the resolver made of them."""
    classes = noun_classes()
    if event_type == "REQUEST" and entry.lemma in REPORTING_REQUESTS and not entry.words and not any(
            c.dep_ in ("xcomp", "advcl", "ccomp") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            for c in trigger.children):
        return f"'{trigger.text}' without 'to ...' reports what was said: no request"
    if entry.pos == "noun" and trigger.dep_ == "compound" and trigger.head.tag_.startswith("NN") and \
            kind_of(trigger.head, classes) & THING_HEADS:
        return f"'{trigger.text} {trigger.head.text}' names a kind of {trigger.head.text}, not an event"
    if (event_type, mode) == ("COERCE", "curfew"):
        hazard = next((t for t in trigger.sent if t.tag_.startswith("NN") and "hazard" in kind_of(t, classes)), None)
        if hazard is not None:  # "declared a state of emergency as the storm approached"
            return f"an emergency declared for a disaster ('{hazard.text}'), not coercion"
    if trigger.dep_ == "csubj" and trigger.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in trigger.children):
        return f"'{trigger.text}' names an act in general (the subject of a clause), not an event"
    if event_type in AGENTIVE and actor_tokens:
        agent = antecedent(actor_tokens[0])
        kinds = _agent_kinds(agent, classes)
        if "vehicle" in kinds and has_owner(agent, words=STATE_OWNERS):
            kinds = kinds - {"vehicle"}
        if not _harmless(kinds, NOT_AGENTS):
            return f"the agent '{agent.text}' is a {'/'.join(sorted(kinds & NOT_AGENTS))}, not an actor"
        if accidental(agent, classes):
            return f"the agent '{agent.text}' is an accident, not an actor"
    if event_type == "PROTEST" and actor_tokens:  # "silver prices rallied", "the market rallied back"
        kinds = _agent_kinds(antecedent(actor_tokens[0]), classes)
        if not _harmless(kinds, NOT_AGENTS):
            return f"'{actor_tokens[0].text}' is a {'/'.join(sorted(kinds & NOT_AGENTS))}: it does not protest"
    if event_type in AGENTIVE and actor is None:
        for cause in cause_tokens(trigger):
            kinds = kind_of(cause, classes)
            if "hazard" in kinds and cause.lower_ not in VIOLENT_WORDS:
                return f"harm caused by '{cause.text}' (a {'/'.join(sorted(kinds))}), not by an actor"
            if accidental(cause, classes):
                return f"harm caused by an accident ('{cause.text}' {cause.head.text if cause.dep_ != 'pobj' else ''})"
    if event_type in AGENTIVE and actor is None and accident_story(trigger, classes):
        return "harm with no one who caused it, told among accidents or disasters and no weapon: an accident"
    patient = patient_tokens[0] if patient_tokens else None
    patient_kinds = kind_of(patient, classes) if patient is not None else frozenset()
    # an entry that names its own objects knows what it acts on ("violated the ceasefire agreement")
    bad_patients = NOT_PATIENTS if entry.objects is None else NOT_PATIENTS - {"abstract"}
    if patient is not None and (event_type in PATIENT_CHECKED or (event_type, mode) in PATIENT_CHECKED_SENSES) and \
            not _harmless(patient_kinds, bad_patients):
        return (f"'{patient.text}' ({'/'.join(sorted(patient_kinds & bad_patients))}) is not a party to a political "
                "event")
    if trigger.lower_.startswith("execut") and patient is not None and not patient_kinds & {"person", "group"}:
        return f"executing '{patient.text}' (a plan, an order, a task) kills no one"
    themes = [c for c in trigger.children if c.dep_ == "dobj"]
    if event_type in OFFERED and any("courtesy" in kind_of(t, classes) for t in themes):
        return f"offering or receiving '{themes[0].text}' is a courtesy, not a {event_type}"
    if event_type in OFFERED and not _public(actor) and any("market" in kind_of(t, classes) for t in themes):
        return f"offering '{themes[0].text}' (shares, bonds, prices) is business, not a {event_type}"
    if event_type == "AID" and recipient is not None and (recipient.resolved_by or "").startswith("target") and \
            patient is not None and not patient_kinds & {"person", "group"} and \
            not _public(actor):
        return f"'{patient.text}' is an activity or a thing, and no state or public body aids it"
    if event_type == "ACCUSE" and mode == "investigate" and not patient_tokens and not _public(actor):
        return "an investigation of no one named, by no state or public body (an internal review)"
    if (event_type, mode) in HUMAN_PATIENT and patient is not None and recipient is None and \
            not patient_kinds & {"person", "group"}:
        return f"'{patient.text}' is not a person: nothing is {mode}d"
    if event_type == "AID" and not actor_tokens:
        return "aid or rescue by no one the text names ('were rescued') is not a political event"
    if actor is None and event_type != "ASSAULT" and (
            recipient is None or (recipient.resolved_by or "").startswith("target")):
        return "neither side is a political actor"
    if event_type in BUSINESS_PRONE and _commercial(actor) and (recipient is None or _commercial(recipient)):
        return "companies dealing with companies (or with no one named): business, not a political event"
    if event_type in PRIVATE_PRONE and not (_political(actor, actor_tokens[:1]) or
                                            _political(recipient, patient_tokens[:1])):
        return "each side is a private person or a firm: not a political event"
    if event_type == "CONSULT" and recipient is None and actor is not None and actor.sector in (None, "CVL") and \
            not actor.members and mode == "multilateral":
        return "people gathering is not a consultation between political actors"
    return None


# What a gathering is for when it is a protest: "gathered to protest", "rallied, chanting slogans".
PROTEST_AIMS = frozenset().union(*(verb_forms(v) for v in (
    "protest", "demand", "denounce", "condemn", "oppose", "demonstrate", "chant", "decry", "shout", "march")))


def protest_gathering(trigger: "Token", actor_tokens: Sequence["Token"]) -> bool:
    """A gathering that is a demonstration: of protesters ("demonstrators gathered"), against something ("gathered
    against the war", "in protest"), with signs or slogans, or to protest, demand or chant."""
    classes = noun_classes()
    people = [*actor_tokens, *(g for t in actor_tokens for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                               for g in c.children if g.dep_ == "pobj")]  # "hundreds of protesters"
    if any("protester" in classes.classes(t.lower_) for t in people):
        return True
    for child in trigger.children:
        # "with slogans", "with slogans supporting the law" (the parser makes the sign the subject of what follows)
        objects = [g for g in child.children if g.dep_ == "pobj" or (g.dep_ == "pcomp" and g.tag_ == "VBG")]
        objects += [s for g in objects if g.dep_ == "pcomp" for s in g.children if s.dep_ == "nsubj"]
        if child.dep_ == "prep" and (child.lower_ == "against" or (child.lower_ == "in" and any(
                o.lower_ in ("protest", "protests", "solidarity") for o in objects))):
            return True
        if child.dep_ == "prep" and any("protest_sign" in classes.classes(o.lower_) for o in objects):
            return True
        if child.dep_ in ("advcl", "xcomp", "conj") and child.lower_ in PROTEST_AIMS:
            return True
    return False


def campaign_rally(trigger: "Token", actor: "Actor | None") -> bool:
    """A rally that is campaigning, not a protest: a campaign's or a candidate's ("a campaign rally", "a Biden
    rally"), or one a politician or a party holds ("Trump held his first indoor rally")."""
    if trigger.lower_ not in ("rally", "rallies"):
        return False
    return any(c.dep_ in ("compound", "poss", "amod") and (c.ent_type_ == "PERSON" or c.lower_ in CAMPAIGN_WORDS)
               for c in trigger.children) or (actor is not None and actor.sector in ("GOV", "LEG", "PTY"))


def verbal_attack(event_type: str, entry: "TriggerEntry", patient_tokens: Sequence["Token"]) -> bool:
    """"attacked the impeachment investigation", "an attack on the government's policy": an attack on an idea, a
    decision or a statement is criticism (ACCUSE), not violence."""
    if event_type != "ASSAULT" or entry.lemma not in ATTACK_WORDS or not patient_tokens:
        return False
    patient = patient_tokens[0]
    if patient.ent_type_ in PEOPLE_ENTITIES | GROUP_ENTITIES:
        return False
    kinds = kind_of(patient)
    return "abstract" in kinds and "person" not in kinds


def characterisation(trigger: "Token") -> bool:
    """A noun trigger that says what something else is: the "as" phrase or object predicate of a verb of judging
    ("denounced the moves as an attack on the constitutional order", "branded the arrest an act of war")."""
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "as" and trigger.head.dep_ == "prep":
        verb = trigger.head.head
        if verb.dep_ in ("dobj", "nsubjpass"):  # the "as" phrase hung on the object: "condemned the decision as"
            verb = verb.head
    elif trigger.dep_ == "oprd":
        verb = trigger.head
    else:
        return False
    return verb.tag_.startswith("VB") and verb.lower_ in CHARACTERISING


# Sectors of people who clash in words: office holders, legislators, judges, parties and the opposition.
SPEAKING_SECTORS = frozenset({"GOV", "LEG", "JUD", "PTY", "OPP", "ELI"})
# Words that make a clash a fight: its modifiers ("violent clashes") or the sides' heads ("opposition forces").
FORCE_WORDS = frozenset("violent armed deadly fierce heavy bloody fresh sporadic border forces troops soldiers "
                        "fighters militia militias gunmen army police sides".split())


def verbal_clash(trigger: "Token", actor: "Actor | None", recipient: "Actor | None") -> bool:
    """"the Oval Office clash between Trump and Zelenskyy", "clashed with lawmakers over the budget": a clash whose
    every side is someone in office, a legislature, a court or a party (no army, police, armed group or crowd) is a
    dispute in words (ACCUSE), not violence. With no actor told, the other side must be a named person."""
    if not trigger.lower_.startswith("clash") or any(c.lower_ in FORCE_WORDS for c in trigger.children):
        return False
    sides = [m for side in (actor, recipient) if side is not None for m in (side.members or [side])]
    return bool(sides) and all(s.sector in SPEAKING_SECTORS and not FORCE_WORDS & set((s.text or "").lower().split())
                               for s in sides) and (actor is not None or any(s.name for s in sides))
