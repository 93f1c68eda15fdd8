"""Who did it and to whom, read off the dependency parse around a trigger.

Each side gets an ordered list of candidate head tokens, each with the name of the rule that found it; the coder
takes the first candidate the actor resolver accepts as an actor. The rule names go into the event's `coder`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from herald.events.match import TriggerMatch
from herald.events.syntax import ADJUNCT_PREPS, acts_as_verb, is_passive, prep_objects, to_infinitive
from herald.nlp.morph import verb_forms

if TYPE_CHECKING:
    from spacy.tokens import Token

_NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})


def verb_forms_of(lemmas: str) -> frozenset[str]:
    """Every inflected form of the space-separated verb lemmas."""
    return frozenset(form for lemma in lemmas.split() for form in verb_forms(lemma))


# Verbs whose subject is not the agent of a noun event they mention ("Trump confirmed the killing").
NOT_AGENT_VERBS = verb_forms_of(
    "say tell report confirm describe note mention cite claim acknowledge recall witness see watch survive mourn "
    "fear expect predict follow precede spark trigger cause prompt provoke end stop halt escape flee publish document "
    "record reveal show suggest call term dub investigate probe discuss debate condemn criticize welcome praise blame "
    "deny reject face await oppose support demand urge doubt question study monitor remember explain analyze assess "
    "review justify defend mark commemorate protest denounce decry applaud hail celebrate blame accuse survive "
    "investigate highlight underscore characterize characterise label brand portray view regard")
# Verbs that make someone else act: their subject is the actor of the embedded event ("ordered troops to seal").
CAUSATIVE_VERBS = verb_forms_of("order direct instruct authorize authorise approve")
# ... and whose subject is the one an arrest, trial or sentence is done to ("is serving a life sentence")
PLACING = verb_forms_of("be remain stay put place go face stand serve complete finish receive get begin start")
PROTESTING = verb_forms_of("march rally protest demonstrate gather assemble chant strike")
# A meeting noun after these prepositions is attended by the subject of the verb they hang on.
MEETING_PREPS = frozenset({"for", "after", "before", "during", "following", "at", "in"})
ADDRESSING_PREPS = frozenset({"on", "upon"})  # the preposition of a phrasal trigger that names its addressee


@dataclass(slots=True)
class Arguments:
    """Candidate heads for each side, best first: [(token, rule), ...]."""

    actors: list[tuple["Token", str]] = field(default_factory=list)
    recipients: list[tuple["Token", str]] = field(default_factory=list)


def subject_candidates(verb: "Token", depth: int = 0) -> list[tuple["Token", str]]:
    """The agent of a verb: its subject, the agent of a passive, or the subject it inherits (xcomp, conj, relcl)."""
    if depth > 4:
        return []
    passive = is_passive(verb)
    if passive:
        return [(agent, "agent") for agent in prep_objects(verb, "by")][:1]
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return [(verb.head, "relcl")]
            return [(child, "nsubj")]
    if verb.dep_ == "relcl" and verb.head.tag_.startswith("NN"):
        return []
    if verb.dep_ == "acl" and verb.tag_ == "VBG":  # "militants attacking the base"
        noun = verb.head
        out = [(noun, "acl")]
        if noun.dep_ in ("dobj", "pobj") and noun.head.tag_.startswith(("VB", "IN")) and depth < 4:
            # "sent a letter requesting new rules", "issued a statement condemning the attack": the sender acts
            governor = noun.head.head if noun.dep_ == "pobj" else noun.head
            if governor.tag_.startswith("VB"):
                out += [(t, f"acl-{rule}") for t, rule in subject_candidates(governor, depth + 1)]
        return out
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp") and verb.head.i != verb.i:
        head = verb.head
        controller: list[tuple[Token, str]] = []
        if verb.dep_ == "pcomp" and head.dep_ == "prep":
            if head.lower_ in ("for", "of") and head.head.tag_.startswith("VB"):
                # "praised ECOWAS for activating its force", "accused Iran of attacking": the object acts
                controller = [(c, "object-control") for c in head.head.children if c.dep_ == "dobj"]
            elif head.lower_ in ("for", "of") and head.head.dep_ == "dobj":  # the same, "for" hung on the object
                controller = [(head.head, "object-control")]
            head = head.head
        if head.tag_.startswith("VB"):
            if head.lower_ in CAUSATIVE_VERBS:
                return [(t, "causative") for t, _ in subject_candidates(head, depth + 1)]
            out: list[tuple[Token, str]] = []
            if verb.dep_ == "xcomp":  # object control: "urged Iran to release" -> Iran
                out += [(c, "control") for c in head.children if c.dep_ == "dobj"]
                # raising: "Suga is expected to visit", "the army is set to deploy"
                out += [(c, "raising") for c in head.children if c.dep_ == "nsubjpass"]
            return controller + out + [(t, f"{verb.dep_}-subject") for t, _ in subject_candidates(head, depth + 1)]
        return controller
    return []


def _prep_candidates(owners: list["Token"], slot: str, exclude: set[int]) -> list[tuple["Token", str]]:
    return [(p, slot) for owner in owners for p in prep_objects(owner, slot) if p.i not in exclude]


def _verb_recipients(match: TriggerMatch, exclude: set[int]) -> list[tuple["Token", str]]:
    verb = match.token
    passive = is_passive(verb)
    out: list[tuple[Token, str]] = []
    owners = [verb] + ([match.obj] if match.obj is not None else [])
    for slot in match.entry.recipient:
        if slot == "dobj":
            if passive:
                out += [(c, "passive-subject") for c in verb.children if c.dep_ == "nsubjpass"]
                if verb.dep_ == "acl":
                    out.append((verb.head, "passive-head"))
                elif verb.dep_ in ("advcl", "pcomp", "xcomp", "conj"):
                    # "One of the leaders is dead, killed in ...", "before being caught by guards": the patient is
                    # the subject of the clause the participle hangs on
                    head = verb.head.head if verb.dep_ == "pcomp" else verb.head
                    out += [(t, "participle-head-subject") for t, _ in subject_candidates(head)]
            else:
                out += [(c, "dobj") for c in verb.children if c.dep_ == "dobj"]
                # "called on Japan to ...": the object of the trigger's own preposition is the one addressed
                out += [(g, "dobj") for c in verb.children if c.dep_ == "prep" and c.i in match.words
                        and c.lower_ in ADDRESSING_PREPS for g in c.children if g.dep_ == "pobj"]
        elif slot == "dative":
            out += [(c, "dative") for c in verb.children if c.dep_ in ("dative", "iobj")]
        else:
            out += _prep_candidates(owners, slot, exclude)
    return [(t, r) for t, r in out if t.i not in exclude]


# Dependencies a recipient phrase may sit under without leaving the trigger's clause ("keeping tariffs in place
# on Mexico", "imposed new sanctions on the regime's leaders").
_PHRASE_DEPS = frozenset({"prep", "pobj", "dobj", "npadvmod", "advmod", "prt", "attr", "oprd", "appos", "amod"})


def deep_prep_candidates(root: "Token", slots: tuple[str, ...], exclude: set[int]) -> list[tuple["Token", str]]:
    """Objects of the slot prepositions anywhere in the trigger's own phrase (not in other clauses)."""
    words = {s for s in slots if s not in ("dobj", "dative", "between", "of")}
    out: list[tuple[Token, str]] = []
    stack = [c for c in root.children if c.dep_ in _PHRASE_DEPS]
    while stack:
        token = stack.pop(0)
        if token.i in exclude:
            continue
        if token.dep_ == "prep" and token.lower_ in words:
            out += [(c, f"deep-{token.lower_}") for c in token.children if c.dep_ == "pobj" and c.i not in exclude]
        stack.extend(c for c in token.children if c.dep_ in _PHRASE_DEPS)
    return out


def _object_possessors(candidates: list[tuple["Token", str]]) -> list[tuple["Token", str]]:
    """"rejected its offer", "condemned Iran's decision", "criticized the decision of the government": whose thing
    it is, as further candidates after the thing itself."""
    out = [(c, f"{rule}-poss") for t, rule in candidates for c in t.children if c.dep_ == "poss"]
    out += [(c, f"{rule}-modifier") for t, rule in candidates for c in t.children
            if c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP", "ORG")]  # "the U.S. proposal"
    return out + [(p, f"{rule}-of") for t, rule in candidates for p in prep_objects(t, "of")]


def _usable(candidates: list[tuple["Token", str]], match: TriggerMatch) -> list[tuple["Token", str]]:
    """Drop candidates that are trigger words themselves or dates and numbers ("on Tuesday", "to 50%")."""
    span = set(match.words) or {match.token.i}
    return [(t, r) for t, r in candidates if t.i not in span and (
        t.ent_type_ not in _NOT_ACTORS or any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children))]


def verb_arguments(match: TriggerMatch) -> Arguments:
    actors = subject_candidates(match.token)
    if "dobj" in match.entry.actor:  # "troops were deployed": what is deployed is the actor
        passive = is_passive(match.token)
        actors += [(c, "theme") for c in match.token.children
                   if c.dep_ == ("nsubjpass" if passive else "dobj")]
    exclude = {t.i for t, _ in actors}
    recipients = _verb_recipients(match, exclude)
    seen = {t.i for t, _ in recipients}
    recipients += [(t, r) for t, r in deep_prep_candidates(match.token, match.entry.recipient, exclude)
                   if t.i not in seen]
    recipients += _object_possessors(recipients)
    return Arguments(_usable(actors, match), _usable(recipients, match))


_TAKING_PART = verb_forms_of("engage participate take join involve")


def _light_verb(noun: "Token", meeting: bool = False) -> "Token | None":
    """The verb a noun trigger is the object of: "held [talks]", "went on [strike]", "launched 10 days of [war games]",
    "launched a [mediation] effort"."""
    anchor = noun
    for _ in range(3):
        if anchor.dep_ == "compound" or (anchor.dep_ == "pobj" and anchor.head.lower_ == "of"
                                         and anchor.head.head.tag_.startswith("NN")):
            anchor = anchor.head if anchor.dep_ == "compound" else anchor.head.head
        else:
            break
    head = anchor.head
    if anchor.dep_ in ("dobj", "attr", "conj") and head.tag_.startswith("VB"):
        return head
    if anchor.dep_ == "pobj" and head.head.tag_.startswith("VB") and (
            head.lower_ in ("on", "into", "under") or (head.lower_ == "in" and head.head.lower_ in _TAKING_PART)):
        return head.head  # "went on strike", "engaged in talks", "put under investigation"; not "died in a raid"
    if meeting and anchor.dep_ == "pobj" and head.head.tag_.startswith("VB") and head.lower_ in MEETING_PREPS:
        return head.head  # "travels to Baku for talks with ...", "said after a phone call with ..."
    return None


def _anti_target(noun: "Token") -> "Token | None":
    """X in "anti-X <noun>" ("anti-government protests", "an anti-Brexit march"): the word after "anti" and "-"."""
    doc = noun.doc
    for child in noun.children:
        i = child.i
        if child.lower_ == "anti" and i + 2 < noun.i and doc[i + 1].text == "-" and doc[i + 2].head.i == noun.i:
            return doc[i + 2]
    return None


def noun_arguments(match: TriggerMatch) -> Arguments:
    noun = match.token
    entry = match.entry
    # "al-Rufay'i's killing", "the journalist's arrest": for nouns of what is done to someone, the possessor is the
    # recipient (lexicon entries say so with `possessor: recipient`)
    patient_noun = entry.possessor_is_recipient
    recipients: list[tuple[Token, str]] = []
    possessors = [c for c in noun.children if c.dep_ == "poss"]
    actors: list[tuple[Token, str]] = [] if patient_noun else [(c, "poss") for c in possessors]
    for slot in ("by", *entry.actor):  # "attacks by militants", "a meeting of X" (extra slots from the lexicon)
        actors += [(t, slot) for t in prep_objects(noun, slot)]
    if not actors:  # "protests and lobbying by businesses": coordinated nouns share their "by" phrase
        actors += [(t, "conj-by") for c in noun.conjuncts for t in prep_objects(c, "by")]
    for child in noun.children:  # "an offensive launched by forces"
        if child.dep_ == "acl" and child.tag_ == "VBN":
            actors += [(t, "acl-by") for t in prep_objects(child, "by")]
    against = _anti_target(noun)  # "anti-government protests": the government is the recipient
    for child in noun.children:  # "U.S. airstrikes", "Taliban attacks"
        if child.dep_ in ("compound", "amod", "nmod") and child.i < match.first.i and (
                child.ent_type_ in ("NORP", "GPE", "ORG") or child.tag_ == "NNP") and \
                (against is None or child.i < against.i - 2 or child.i > against.i):
            actors.append((child, child.dep_))
    light_verb = _light_verb(noun, meeting=entry.event == "CONSULT")
    if light_verb is not None and patient_noun and (is_passive(light_verb) or light_verb.lower_ in PLACING):
        # "X was put under investigation", "X is on trial", "X remains in detention": X is the one it is done to
        recipients += [(c, "light-verb-patient") for c in light_verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    elif light_verb is not None and light_verb.lower_ not in NOT_AGENT_VERBS:
        actors += [(t, f"light-verb-{rule}") for t, rule in subject_candidates(light_verb)]
        # "Trump ramped up his trade war": the named subject before the pronoun that stands for it
        actors.sort(key=lambda candidate: candidate[1] == "poss" and candidate[0].tag_ == "PRP$")
    # Where a "with"/"against"/"to" phrase may hang: the noun, its apposition (a frequent misparse: "the meeting of
    # the Chairman ... Nurlan Nigmatulin with the speakers"), the "of" actor, or the light verb ("held talks with").
    owners = [noun, *(c for c in noun.children if c.dep_ == "appos")]
    if noun.dep_ == "compound":  # "a mediation effort between X and Y": the phrase hangs on the head noun
        owners.append(noun.head)
    owners += [t for t, rule in actors if rule == "of"]
    if light_verb is not None:
        owners.append(light_verb)
    exclude = {t.i for t, _ in actors}
    if patient_noun:
        recipients += [(c, "poss") for c in possessors]
    if against is not None:
        recipients.append((against, "anti"))
    for slot in entry.recipient:
        if slot == "between":
            for first in prep_objects(noun, "between"):
                partner = next((c for c in first.children if c.dep_ == "conj"), None)
                if all(rule in ("compound", "amod", "nmod") for _, rule in actors):
                    # "talks between X and Y", "the Oval Office clash between X and Y": X acts, before any modifier
                    actors.insert(0, (first, "between"))
                    if partner is not None:
                        recipients.append((partner, "between-conj"))
                else:
                    recipients.append((first, "between"))
        elif slot not in ("dobj", "dative"):
            recipients += _prep_candidates(owners, slot, exclude)
    seen = {t.i for t, _ in recipients} | exclude
    recipients += [(t, r) for t, r in deep_prep_candidates(noun, entry.recipient, exclude) if t.i not in seen]
    if entry.event == "PROTEST":
        recipients += _protested_clause_subject(noun)
    return Arguments(_usable(actors, match), _usable(recipients, match))


def _protested_clause_subject(noun: "Token") -> list[tuple["Token", str]]:
    """"Despite protests, the government refused ...", "amid protests, the ministry raised fuel prices": protests
    named as the circumstance of what someone does are aimed at that someone."""
    while noun.dep_ == "conj":  # "despite protests and lobbying": the first conjunct holds the preposition
        noun = noun.head
    head = noun.head
    if noun.dep_ != "pobj" or head.dep_ != "prep" or head.lower_ not in ADJUNCT_PREPS:
        return []
    verb = head.head
    if not verb.tag_.startswith("VB") or verb.lower_ in PROTESTING:  # "marched during the march": the marchers
        return []
    return [(t, "adjunct-subject") for t, _ in subject_candidates(verb)]


def find_arguments(match: TriggerMatch) -> Arguments:
    is_verb = match.entry.pos == "verb" and acts_as_verb(match.token)
    return verb_arguments(match) if is_verb else noun_arguments(match)


def complement_recipients(trigger: "Token", exclude: set[int], purpose: bool = False,
                          consequence: bool = False, clauses: bool = True) -> list[tuple["Token", str]]:
    """Who an event is aimed at when it names no one directly, found in its complement or purpose clause:
    "demanded that Ottawa drop...", "warned that it will exert pressure on Iran", "threatened to use force against
    North Korea", "troops were deployed to push back the rebels", "sent a delegation to attend the inauguration of
    Taiwan's new president"."""
    out: list[tuple[Token, str]] = []
    for child in trigger.children:
        is_purpose = child.dep_ in ("advcl", "xcomp") and to_infinitive(child)
        # "attacked the base, killing three soldiers", "inflicting casualties on government forces"
        is_consequence = child.dep_ == "advcl" and child.tag_ == "VBG"
        # "its demands that the government grant ...": a noun's that-clause is its complement too
        that_clause = child.dep_ == "acl" and any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children)
        if not (clauses and (child.dep_ in ("ccomp", "xcomp") or that_clause)) and not (purpose and is_purpose) \
                and not (consequence and is_consequence):
            continue
        for token in child.subtree:
            if token.i in exclude:
                continue
            if token.dep_ in ("nsubj", "nsubjpass") and token.head.i == child.i:
                out.append((token, "complement-subject"))
            elif token.dep_ == "pobj" and token.head.lower_ in ("on", "against", "to", "with"):
                out.append((token, f"complement-{token.head.lower_}"))
            elif (purpose or consequence) and token.dep_ == "dobj" and token.head.i == child.i:
                out.append((token, "purpose-object"))
                out += [(p, "purpose-object-of") for p in prep_objects(token, "of")]
    return out
