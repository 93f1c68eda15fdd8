"""NLP: the spaCy pipeline behind one loader, and helpers over its Docs."""
from herald.nlp.loader import DEFAULT_MODEL, load_nlp

__all__ = ["DEFAULT_MODEL", "load_nlp"]
