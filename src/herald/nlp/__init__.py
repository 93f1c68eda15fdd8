"""NLP: the spaCy pipeline behind one loader (herald.nlp.loader), English inflection for lexicons
(herald.nlp.morph), the per-Doc token arrays every stage reads (herald.nlp.arrays) and selective parsing
(herald.nlp.selective)."""
from herald.nlp.loader import DEFAULT_MODEL, load_nlp

__all__ = ["DEFAULT_MODEL", "load_nlp"]
