"""Events: the trigger lexicon, the ontology (PLOVER, CAMEO) and the rule-based coder."""
from herald.events.coder import CodedEvent, EventCoder
from herald.events.lexicon import TriggerEntry, TriggerLexicon, load_lexicon
from herald.events.ontology import Ontology, load_ontology

__all__ = ["CodedEvent", "EventCoder", "Ontology", "TriggerEntry", "TriggerLexicon", "load_lexicon", "load_ontology"]
