"""NLP: the spaCy pipeline behind one loader (herald.nlp.loader) and English inflection for lexicons
(herald.nlp.morph)."""
from herald.nlp.loader import DEFAULT_MODEL, load_nlp

__all__ = ["DEFAULT_MODEL", "load_nlp"]
