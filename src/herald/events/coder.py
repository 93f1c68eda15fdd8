"""The rule-based event coder: triggers + dependency arguments + actor resolution -> PLOVER/CAMEO events.

For each sentence: find triggers (herald.events.match), fold embedded events into the frames that govern them
("threatened to strike" is a THREATEN, not an ASSAULT), read candidate actors and recipients off the parse
(herald.events.arguments), keep the first candidate the actor resolver accepts (herald.actors), decide the modality
(herald.events.modality), and emit one Event per (type, actor, recipient) with the rule that fired and why.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from herald.events.arguments import complement_recipients, find_arguments
from herald.events.lexicon import TriggerLexicon, load_lexicon
from herald.events.match import TriggerMatch, find_triggers
from herald.events.modality import announced_by_actor, modality_of, negated_volition
from herald.events.ontology import Ontology, load_ontology
from herald.events.rules import (CONFLICTUAL, OBLIGATION_ENTRY, REQUEST_MODE, Candidate, commitment_labels,
                                 conditional_commitment, fold_reason, frame_mode, intent_to_cooperate, merge_battles,
                                 merge_noun_subjects, obligation_candidates, readiness_candidates)
from herald.events.replies import Accusers, reply_recipient
from herald.events.semantics import (STATE_SECTORS, argument_problem, campaign_rally, characterisation, kind_of,
                                     protest_gathering, verbal_attack, verbal_clash)
from herald.events.syntax import is_passive, prep_objects
from herald.records import Actor, Article, Event, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

log = logging.getLogger(__name__)

SYMMETRIC = frozenset({"CONSULT", "COOPERATE"})
# Events whose unresolved object is still a target worth keeping ("attacked a passenger train").
TARGETED = frozenset({"ASSAULT", "COERCE", "AID", "RETREAT"})
# Things that are not targets of an attack or a crackdown, even as its grammatical object.
ABSTRACT = frozenset("rights right freedom freedoms liberty liberties democracy dissent speech expression activities "
                     "activity issue issues policy policies corruption crime crimes violence terrorism extremism drugs "
                     "trafficking smuggling unrest immigration migration abortion dissent opposition media press "
                     "information corruption fraud".split())
# Events a statement or meeting makes: they need someone who makes them.
VERBAL = frozenset({"AGREE", "CONSULT", "SUPPORT", "REQUEST", "REJECT", "THREATEN", "CONCEDE"})
FORCES = frozenset({"MIL", "COP", "REB", "SPY", "UAF", "GOV", None})
QUOTES = frozenset({'"', "'", "\u201d", "\u2019", ")"})
CIVIL = frozenset({"NGO", "MNC"})
YIELDING = frozenset({"CONCEDE", "RETREAT", "AGREE"})
# Future acts whose announcement by their actor is itself a promise (cooperative) or a threat (conflictual).
COMMITTABLE = frozenset({"SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE", "SANCTION", "COERCE", "MOBILIZE",
                         "PROTEST", "ASSAULT"})
# Event nouns that report an event on their own ("the offensive", "protests", "talks", "the withdrawal"); other
# nouns ("their crackdown", "its export controls", "the ban") only count with someone they are aimed at.
STANDALONE_NOUNS = frozenset({"ASSAULT", "PROTEST", "CONSULT", "RETREAT", "MOBILIZE", "CONCEDE"})
# Where to look for the recipient when the trigger names none: in what is demanded or threatened ("demanded that
# Ottawa drop..."), or in the purpose of the act ("deployed to push back the rebels").
COMPLEMENT_AIMED = frozenset({"REQUEST", "THREATEN"})
PURPOSE_AIMED = frozenset({"MOBILIZE", "CONSULT", "AID", "ASSAULT", "COERCE"})
# Words for a country's state in "anti-X" modifiers.
STATE_WORDS = frozenset({"government", "regime", "state", "establishment"})
# Stances whose object may be a policy or decision rather than its author ("criticised the bill").
STANCES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})
# Events a court does; in the passive its name may stand as the venue ("was sentenced in federal court").
JUDICIAL = frozenset({"SANCTION", "ACCUSE"})
# Judicial verbs whose unnamed agent in a passive sentence is a court or a prosecutor ("was sentenced", "were
# indicted"); "was accused" or "was sued" may be by anyone.
IMPLIED_JUDICIARY = frozenset({"convict", "sentence", "find", "indict", "prosecute", "charge"})
__all__ = ["CodedEvent", "EventCoder"]


class ArticleActorsLike(Protocol):
    """The finished actor table of the article (herald.actors.ArticleActors): read, never written."""

    def actor_for(self, token: "Token", *, other: Actor | None = None) -> Actor | None: ...
    def context_country(self, token: int, nearest: bool = False) -> str | None: ...


class ArticlePlacesLike(Protocol):
    def place_at(self, token: "Token"): ...


@dataclass(slots=True)
class CodedEvent:
    """An event and the parse evidence behind it (the trigger token, for dating and placing it)."""

    event: Event
    trigger: "Token"
    why: list[str] = field(default_factory=list)


class EventCoder:
    def __init__(self, lexicon: TriggerLexicon, ontology: Ontology | None = None, *, hypothetical: bool = False):
        """`hypothetical`: also code events the text only supposes ("could impose sanctions", "if attacked")."""
        self.lexicon = lexicon
        self.ontology = ontology or load_ontology()
        self.hypothetical = hypothetical

    @classmethod
    def default(cls, user_files: Iterable[str | Path] = (), hypothetical: bool = False) -> "EventCoder":
        return cls(load_lexicon(user_files), hypothetical=hypothetical)

    # -- public ---------------------------------------------------------------------------------------------------
    def code(self, doc: "Doc", article: Article, actors: ArticleActorsLike, trace: list[dict] | None = None,
             places: ArticlePlacesLike | None = None) -> list[CodedEvent]:
        """Events of every sentence. With `trace`, a record of every trigger considered (kept or not) and why."""
        out: list[CodedEvent] = []
        accusers = Accusers()
        for index, sent in enumerate(doc.sents):
            out.extend(self.code_sentence(sent, index, article, actors, trace, places, accusers))
        return out

    def code_sentence(self, sent: "SpacySpan", index: int, article: Article, actors: ArticleActorsLike,
                      trace: list[dict] | None = None, places: ArticlePlacesLike | None = None,
                      accusers: Accusers | None = None) -> list[CodedEvent]:
        """Events of one sentence; `accusers` carries the article's accusations so far (herald.events.replies)."""
        accusers = accusers if accusers is not None else Accusers()
        found = [self._candidate(m) for m in find_triggers(sent, self.lexicon)]
        found = readiness_candidates(sent, obligation_candidates(sent, found))
        candidates = self._fold(found, trace, index)
        coded: list[CodedEvent] = []
        seen: set[tuple] = set()
        for cand in candidates:
            why: list[str] = []
            items = self._events_for(cand, sent, index, article, actors, places, why, accusers)
            if trace is not None:
                trace.append(_decision(index, cand, bool(items), why))
            for item in items:
                e = item.event
                key = (e.event, _side_key(e.actor), _side_key(e.recipient))
                if key in seen:
                    continue
                seen.add(key)
                coded.append(item)
                accusers.note(e.event, e.modality, e.actor)
        return _drop_shown_weapons(_drop_partial_repeats(coded))

    # -- frames ---------------------------------------------------------------------------------------------------
    def _candidate(self, match: TriggerMatch) -> Candidate:
        entry = match.entry
        return Candidate(match=match, args=find_arguments(match), event=entry.event, mode=entry.mode,
                         cameo=entry.cameo)

    def _fold(self, candidates: list[Candidate], trace: list[dict] | None, index: int) -> list[Candidate]:
        """Drop candidates that are not events of their own, moving what they tell into the one that codes them."""
        by_token = {c.match.token.i: c for c in candidates}
        candidates = merge_battles(merge_noun_subjects(candidates, by_token), by_token)
        by_token = {c.match.token.i: c for c in candidates}
        objects = {c.match.obj.i for c in candidates if c.match.obj is not None}
        kept: list[Candidate] = []
        for cand in candidates:
            reason = fold_reason(cand, by_token, objects)
            if reason is None:
                kept.append(cand)
            elif trace is not None:
                trace.append(_decision(index, cand, False, [reason]))
        for cand in kept:
            if cand.embedded:
                frame_mode(cand)
        return kept

    # -- events -----------------------------------------------------------------------------------------------------
    def _events_for(self, cand: Candidate, sent: "SpacySpan", index: int, article: Article,
                    actors: ArticleActorsLike, places: ArticlePlacesLike | None, why: list[str],
                    accusers: Accusers) -> list[CodedEvent]:
        match, args, entry = cand.match, cand.args, cand.match.entry
        why.append(f"trigger {article.text[match.start:match.end]!r} matched {entry.id} ({entry.pos} '{entry.lemma}'"
                   f"{' + ' + ' '.join(entry.words) if entry.words else ''}) from {entry.source}")
        if cand.embedded:
            why.append("frame over: " + ", ".join(f"{c.match.token.text!r} ({c.event})" for c in cand.embedded))
        # a demand made as an obligation ("X said Y must ...") is asserted: the "must" belongs to what is demanded
        modality = "asserted" if entry.id == OBLIGATION_ENTRY.id else modality_of(match.token)
        commitment = conditional_commitment(cand)
        if commitment is not None:  # "will withdraw unless ...", "would meet him if ...": a threat or a promise
            why.append(f"a conditional commitment: {commitment} over {cand.event}")
            cand.event, cand.mode, cand.cameo = commitment_labels(commitment, cand.event)
            modality = "asserted"
        if modality == "hypothetical" and not self.hypothetical:
            why.append("dropped: hypothetical")
            return []
        if _question(sent):
            why.append("dropped: the sentence is a question; it asks, it does not report")
            return []
        if entry.pos == "noun" and characterisation(match.token):
            why.append(f"dropped: '{match.token.text}' says what something else is (a characterisation), no event")
            return []
        actor, actor_rule = _resolve(args.actors, actors, None)
        if cand.event == "ASSAULT" and actor is not None and actor_rule in ("compound", "nmod") and \
                (actor.resolved_by or "").startswith("gazetteer:capital"):
            why.append(f"'{actor.text}' before the attack is where it happened, not who did it")
            actor, actor_rule = None, "none"  # "a Kabul car bombing killed five"
        recipient_candidates = list(args.recipients)
        for inner in cand.embedded:  # "threatened to use force against North Korea"
            recipient_candidates += [(t, f"embedded-{r}") for t, r in inner.args.recipients]
        if cand.event in COMPLEMENT_AIMED or cand.event in PURPOSE_AIMED:
            anchor = match.token if entry.pos == "verb" else (match.token.head if match.token.dep_ in (
                "dobj", "nsubjpass", "nsubj") else match.token)
            recipient_candidates += complement_recipients(
                anchor, {t.i for t, _ in args.actors}, purpose=cand.event in PURPOSE_AIMED,
                consequence=cand.event in ("ASSAULT", "COERCE"), clauses=cand.event in COMPLEMENT_AIMED)
        recipient, recipient_rule = _resolve(recipient_candidates, actors, actor)
        if recipient is None and recipient_candidates:
            recipient, recipient_rule = self._fallback_recipient(cand, recipient_candidates[0], places, actor, actors)
        if actor is None and cand.event in JUDICIAL and entry.pos == "verb" and is_passive(match.token):
            # "was sentenced in federal court": the court the passive names as the venue is the one that acts
            venue, venue_rule = _resolve([(t, "venue") for w in ("in", "by", "before") for t in
                                          prep_objects(match.token, w)], actors, recipient)
            if venue is not None and venue.sector == "JUD":
                actor, actor_rule = venue, venue_rule
            elif recipient is not None and entry.lemma in IMPLIED_JUDICIARY and entry.pos == "verb":
                # "was sentenced to five years", "were convicted of fraud", "was indicted": only courts and
                # prosecutors do this
                actor, actor_rule = Actor(text=None, sector="JUD", resolved_by="implied:court"), "implied:court"
        event_type, mode, cameo = cand.event, cand.mode, cand.cameo
        if event_type == "REJECT" and recipient is None and entry.pos == "verb":  # "denied the allegations"
            recipient, recipient_rule = reply_recipient(match.token, actor, accusers,
                                                        lambda c: _resolve(c, actors, actor))
        if verbal_attack(event_type, entry, [t for t, _ in recipient_candidates]):
            event_type, mode, cameo = "ACCUSE", "disapprove", "111"
            if recipient is not None and (recipient.resolved_by or "").startswith("target"):
                recipient, recipient_rule = None, "none"  # an idea is no target: the recipient is its author or none
            why.append(f"an attack on '{recipient_candidates[0][0].text}' (an idea, decision or statement): criticism")
        if event_type == "ASSAULT" and verbal_clash(match.token, actor, recipient):
            event_type, mode, cameo = "ACCUSE", "disapprove", "111"
            why.append("a clash between politicians, with no force on either side: a dispute in words")
        if intent_to_cooperate(cand):
            event_type, mode, cameo = "AGREE", None, "030"
            why.append("an intent to cooperate (AGREE), not yet cooperation")
        if modality == "negated" and event_type in YIELDING:  # "will not accept", "did not release": a refusal
            event_type, mode, cameo, modality = "REJECT", "yield", "124", "asserted"
            why.append("a concession that is refused (REJECT)")
        if negated_volition(match.token) and event_type != "REJECT":  # "does not want to meet"
            event_type, mode, cameo, modality = "REJECT", REQUEST_MODE.get(event_type, "change"), "120", "asserted"
            why.append("a refusal: the will to do it is negated")
        if event_type == "CONSULT" and mode == "multilateral" and entry.pos == "verb" and \
                protest_gathering(match.token, [t for t, _ in args.actors]):
            event_type, mode, cameo = "PROTEST", "demo", "141"
            why.append("a gathering of protesters, against something or with slogans: a demonstration")
        if event_type == "PROTEST" and entry.pos == "verb" and any(c.dep_ == "ccomp" for c in match.token.children):
            event_type, mode, cameo = "ACCUSE", "disapprove", "114"  # "protested that ...": a complaint
        if event_type == "PROTEST" and campaign_rally(match.token, actor):
            why.append("dropped: a rally of a campaign, a candidate, a politician or a party is campaigning, not a "
                       "protest")
            return []
        if event_type == "PROTEST" and mode == "demo" and actor is not None and actor.country and \
                actor.sector in STATE_SECTORS:
            event_type, mode, cameo = "ACCUSE", "disapprove", "114"  # a government "protests": it complains
        if event_type == "PROTEST" and actor is None and args.actors:  # protesters are civilians by default
            token, how = args.actors[0]
            actor, actor_rule = Actor(text=_phrase(token), sector="CVL", start=token.idx,
                                      resolved_by="protesters"), f"{how}:protesters"
        elif event_type == "PROTEST" and actor is None and recipient is not None and recipient.country and \
                recipient.sector in STATE_SECTORS:
            # "anti-government protests": unnamed protesters, at home in the country whose state they oppose
            actor, actor_rule = Actor(text=None, country=recipient.country, sector="CVL",
                                      resolved_by="protesters+recipient"), "implied:protesters"
        elif event_type == "PROTEST" and actor is None and entry.pos == "noun" and mode == "demo" and \
                match.token.dep_ in ("nsubjpass", "nsubj") and not any(
                    c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in match.token.children) and \
                not any(c.dep_ == "neg" for c in match.token.head.children):
            # "rallies were held across the country", "demonstrations took place": protesters no one names
            # ("the protests began in June" refers back to protests already told)
            actor, actor_rule = Actor(text=None, sector="CVL", resolved_by="implied:protesters"), "implied:protesters"
        if event_type == "THREATEN" and recipient is None and not (
                cand.embedded or any(c.dep_ == "xcomp" for c in match.token.children)):
            why.append("dropped: a warning with no target and no threatened action is a statement")
            return []
        why.append(f"actor: {_describe(actor, actor_rule, args.actors)}")
        why.append(f"recipient: {_describe(recipient, recipient_rule, recipient_candidates)}")
        why.append(f"modality: {modality}")
        group = actor is not None and len(actor.members) >= 2 and event_type in SYMMETRIC
        if entry.needs_recipient and recipient is None and not group:
            why.append("dropped: this trigger needs a recipient actor")
            return []
        if actor is None and recipient is None:
            why.append("dropped: neither an actor nor a recipient")
            return []
        if entry.pos == "noun" and recipient is None and event_type not in STANDALONE_NOUNS and \
                actor_rule.startswith("poss") and args.actors and args.actors[0][0].tag_ == "PRP$" and \
                not any(c.dep_ in ("acl", "ccomp", "relcl") for c in match.token.children):
            # "their crackdown", "its export controls": a reference back to something already told
            why.append(f"dropped: '{args.actors[0][0].text} {match.token.text}' refers back to an earlier {event_type}")
            return []
        if event_type == "CONSULT" and recipient is None and not group and cand.mode != "multilateral":
            why.append("dropped: a meeting needs someone on the other side")
            return []
        if actor is None and event_type in VERBAL:
            why.append("dropped: a statement or meeting needs someone who makes it")
            return []
        if event_type == "MOBILIZE" and actor is not None and (actor.sector not in FORCES or actor.country in CIVIL):
            why.append(f"dropped: {actor.sector} is not a force that mobilizes")
            return []
        problem = argument_problem(event_type, mode, entry, match.token, [t for t, _ in args.actors],
                                   [t for t, _ in recipient_candidates], actor, recipient)
        if problem is not None:
            why.append(f"dropped: {problem}")
            return []
        if actor is None:
            sector = "UAF" if event_type == "ASSAULT" else None
            actor = Actor(text=None, sector=sector, resolved_by="unidentified")
        rule = f"rule:{entry.id}[{actor_rule}|{recipient_rule}]"
        labels = [(event_type, mode, cameo, modality, rule)]
        if modality == "future" and event_type in COMMITTABLE and actor.country and announced_by_actor(match.token):
            # "X will provide aid", "X said it would boycott the vote": the announcement itself is a promise or a
            # threat (asserted), besides the future act
            promise = "THREATEN" if event_type in CONFLICTUAL else "AGREE"
            labels.append((*commitment_labels(promise, event_type), "asserted", f"{rule}+announced"))
            why.append(f"announced by its actor: also a {promise}")
        out = []
        for a, r in _pairs(actor, recipient, event_type):
            for label, label_mode, label_cameo, label_modality, label_rule in labels:
                event = self._event(article, label, label_mode, label_cameo, entry.context, label_modality, a, r,
                                    match, sent, index, label_rule)
                out.append(CodedEvent(event=event, trigger=match.token, why=list(why)))
        return out

    def _fallback_recipient(self, cand: Candidate, first: tuple["Token", str], places: ArticlePlacesLike | None,
                            actor: Actor | None, actors: ArticleActorsLike) -> tuple[Actor | None, str]:
        """A recipient that is not an actor: a visited place stands for its country ("trips to the Afghan capital");
        the object of an attack or arrest is its target ("attacked a passenger train"); a policy, law or decision
        that is criticised, rejected or backed stands for the government that made it, the actor's own when the
        text names no other ("the archbishop criticised the proceedings")."""
        token, rule = first
        text = _phrase(token)
        if rule == "anti" and token.lower_ in STATE_WORDS:  # "anti-government protests": this country's state
            country = actors.context_country(token.i, nearest=True)
            if country:
                return Actor(text=token.text, country=country, sector="GOV", start=token.idx,
                             resolved_by="anti+context"), f"{rule}:context"
        if cand.event in STANCES and actor is not None and actor.country and "abstract" in kind_of(token):
            party, how = _resolve([(t, f"{rule}-{w}") for w in ("with", "between", "by", "of")
                                   for t in prep_objects(token, w)], actors, actor)
            if party is not None:  # "endorsed an agreement with the European Union"
                return party, how
            return Actor(text=text, country=actor.country, sector="GOV", start=token.idx,
                         resolved_by="policy-author"), f"{rule}:policy"
        place = places.place_at(token) if places is not None else None
        if cand.event == "CONSULT" and place is not None and getattr(place, "country", None):
            return Actor(text=text, country=place.country, sector="GOV", start=token.idx,
                         resolved_by="visited-place"), f"{rule}:place"
        if cand.event in TARGETED and token.tag_.startswith(("NN", "CD")) and token.lower_ not in ABSTRACT:
            return Actor(text=text, start=token.idx, resolved_by="target"), f"{rule}:target"
        return None, "none"

    def _event(self, article: Article, event_type: str, mode: str | None, cameo: str | None, context, modality: str,
               actor: Actor, recipient: Actor | None, match: TriggerMatch, sent: "SpacySpan", index: int,
               rule: str) -> Event:
        ptype = self.ontology.types[event_type]
        code = (self.ontology.cameo.get(cameo) if cameo else None) or self.ontology.cameo.get(ptype.cameo_root)
        # the lexicon's prior; the pipeline replaces it with the calibrated confidence (herald.events.confidence)
        confidence = match.entry.confidence
        return Event(
            id="", article_id=article.id, event=event_type, mode=mode, context=list(context),
            cameo=code.code if code else None, quad_class=code.quad_class if code else ptype.quad_class,
            goldstein=code.goldstein if code else None, modality=modality, actor=actor, recipient=recipient,
            trigger=Span(article.text[match.start:match.end], match.start, match.end),
            sentence_index=index, sentence=Span(article.text[sent.start_char:sent.end_char], sent.start_char,
                                                sent.end_char),
            coder=rule, confidence=round(min(confidence, 0.99), 3))


def _decision(index: int, cand: Candidate, kept: bool, why: list[str]) -> dict:
    """What `herald explain` shows of one trigger: coded or not, and why."""
    return {"sentence": index, "trigger": cand.match.token.text, "start": cand.match.start,
            "rule": cand.match.entry.id, "event": cand.event, "kept": kept, "why": why}


# Heads that only count or group the actors after "of": "thousands of farmers", "one of the leaders".
QUANTIFIERS = frozenset("thousands hundreds dozens scores millions tens some many several most one two three all "
                        "group groups number members member crowd crowds couple handful rest majority part".split())


def _resolve(candidates: list[tuple["Token", str]], actors: ArticleActorsLike,
             other: Actor | None) -> tuple[Actor | None, str]:
    """The first candidate the resolver accepts as an actor (and that is not the other side)."""
    for token, rule in candidates:
        tries = [(token, rule)]
        if token.lower_ in QUANTIFIERS or token.tag_ == "CD":
            tries += [(t, f"{rule}-of") for t in prep_objects(token, "of")]
        for head, how in tries:
            actor = actors.actor_for(head, other=other)
            if actor is not None and not (other is not None and _same(actor, other)):
                return actor, how
    return None, "none"


def _drop_partial_repeats(coded: list[CodedEvent]) -> list[CodedEvent]:
    """"ramped up his trade war with Canada, doubling the tariff on its neighbour's steel": two mentions of one
    event, one of which lost its recipient. Keep the events with a recipient; drop a same-type, same-actor event
    without one."""
    with_recipient = {(c.event.event, _side_key(c.event.actor)) for c in coded if c.event.recipient is not None}
    return [c for c in coded if c.event.recipient is not None
            or (c.event.event, _side_key(c.event.actor)) not in with_recipient]


def _drop_shown_weapons(coded: list[CodedEvent]) -> list[CodedEvent]:
    """"launched rockets at the airport": a launch with a target is the attack (ASSAULT), not a show of weapons
    (MOBILIZE); without a target ("launched two missiles on Tuesday") it stays a MOBILIZE."""
    attacks = {c.trigger.i for c in coded if c.event.event == "ASSAULT"}
    return [c for c in coded if not (c.event.event == "MOBILIZE" and c.trigger.i in attacks)]


def _pairs(actor: Actor, recipient: Actor | None, event_type: str) -> list[tuple[Actor, Actor | None]]:
    """One event per actor and per recipient; a two-member group meeting itself is a dyad."""
    actors = actor.members or [actor]
    if recipient is None and event_type in SYMMETRIC and len(actors) == 2:
        return [(actors[0], actors[1])]
    actors = _one_per_country(actors)
    recipients = _one_per_country(recipient.members or [recipient]) if recipient is not None else [None]
    pairs = [(a, r) for a in actors for r in recipients if r is None or not _same(a, r)]
    return pairs or [(a, None) for a in actors]  # a recipient that is only the actor itself: none


def _question(sent: "SpacySpan") -> bool:
    """A direct question ("Will the people have to compromise ...?", "what will you do if ...?"): it reports no event.
    A reported one ends otherwise ("'Why did they attack?' he asked.")."""
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in QUOTES), None)
    return last is not None and last.text == "?"


def _one_per_country(members: list[Actor]) -> list[Actor]:
    """Coordinated actors of one country are one side of one event ("Dodik and his aides", "women and children",
    "he and other U.S. officials"): the first of them with a sector stands for all."""
    kept: dict[str | None, Actor] = {}
    for m in members:
        if m.country not in kept or (kept[m.country].sector is None and m.sector is not None):
            kept[m.country] = m
    return list(kept.values())


def _same(a: Actor, b: Actor) -> bool:
    if a.start is not None and a.start == b.start and a.end == b.end:
        return True
    return bool(a.name and a.name == b.name)


def _side_key(actor: Actor | None) -> tuple:
    if actor is None:
        return ()
    return (actor.country, actor.name or (actor.text or "").lower())


def _phrase(token: "Token") -> str:
    """The noun phrase of a head token, without trailing relative clauses."""
    doc = token.doc
    end = token.i
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "punct", "cc") or child.dep_ == "prep" and child.lower_ not in ("of",):
            break
        end = child.right_edge.i
    return doc[token.left_edge.i:end + 1].text


def _describe(actor: Actor | None, rule: str, candidates: list[tuple["Token", str]]) -> str:
    if actor is None:
        tried = ", ".join(f"{t.text!r} ({r})" for t, r in candidates[:4])
        return f"none ({'tried ' + tried + ': not actors' if tried else 'no candidate in the parse'})"
    return (f"{actor.text!r} via {rule} -> {actor.country or '?'} {actor.sector or '?'}"
            f" ({actor.resolved_by or 'resolved'})")
