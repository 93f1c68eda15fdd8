"""The Pipeline: articles -> one batched spaCy pass -> actors, events, dates, places -> ArticleResult.

Every stage is passed in (dependency injection) so tests and users can swap one; `Pipeline.default()` builds the
standard set. Per-article errors become Failure records; the batch always goes on.

The actor knowledge base is read-only during a run: every article is coded against the KB as it was when the run
started, so results do not depend on article order or on how a run is split across workers or Spark executors.
What a run teaches is merged into the KB afterwards (herald.ingestion).
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from herald.errors import ArticleError, ProcessingError
from herald.ingest.reader import failure_from
from herald.records import Article, ArticleResult, Event, Failure

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from herald.actors import ActorKB, ActorResolver
    from herald.events import EventCoder
    from herald.places import ArticlePlaces, PlaceResolver
    from herald.time import TimeTagger

log = logging.getLogger(__name__)


class DocParser(Protocol):
    """What turns texts into parsed Docs: a spaCy Language, or herald.nlp.selective.SelectiveParser."""

    def pipe(self, texts: Iterable[str], batch_size: int = ...) -> Iterator["Doc"]: ...

    def __call__(self, text: str) -> "Doc": ...

# A 1,000,000-character article (the default --max-chars) parses in ~30 s on one laptop core.
DEFAULT_ARTICLE_TIMEOUT = 120.0


@dataclass(slots=True)
class PipelineOptions:
    """Settings of `Pipeline.default()`; the CLI fills them from its options."""

    batch_size: int = 32
    actor_files: Sequence[str | Path] = ()  # user actor dictionaries (YAML/CSV/Phoenix)
    trigger_files: Sequence[str | Path] = ()  # user trigger lexicons (YAML or PETRARCH verb dictionaries)
    hypothetical: bool = False  # also code events the text only supposes ("could impose sanctions")
    spacy_model: str | None = None
    # Seconds one article may take (the executors enforce it: herald.executors.run_chunk); None: no limit.
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT
    # Run tagger, parser and NER only on the sentences that may hold an event (herald.nlp.selective): faster, and
    # places, actors and dates mentioned only in the other sentences are not seen.
    selective_parse: bool = False


class Pipeline:
    def __init__(self, nlp: "Language", actors: "ActorResolver", coder: "EventCoder", times: "TimeTagger",
                 places: "PlaceResolver", *, batch_size: int = 32, parser: "DocParser | None" = None):
        self.nlp = nlp
        self.parser: DocParser = parser if parser is not None else nlp
        self.actors = actors
        self.coder = coder
        self.times = times
        self.places = places
        self.batch_size = batch_size

    @classmethod
    def default(cls, options: PipelineOptions | None = None, kb: "ActorKB | None" = None) -> "Pipeline":
        from herald.actors import ActorGazetteer, ActorKB, ActorResolver
        from herald.events import EventCoder
        from herald.events.exchanges import ExchangeFinder
        from herald.nlp import load_nlp
        from herald.places import Gazetteer, PlaceResolver
        from herald.time import TimeTagger

        options = options or PipelineOptions()
        nlp = load_nlp(options.spacy_model)
        coder = EventCoder.default(user_files=tuple(options.trigger_files), hypothetical=options.hypothetical)
        actors = ActorResolver(ActorGazetteer.default(user_files=tuple(options.actor_files)),
                               kb=kb if kb is not None else ActorKB(), exchanges=ExchangeFinder(coder.lexicon))
        parser = None
        if options.selective_parse:
            from herald.nlp.selective import SelectiveParser, TriggerIndex
            parser = SelectiveParser(nlp, TriggerIndex(coder.lexicon))
        return cls(nlp, actors, coder, TimeTagger(), PlaceResolver(Gazetteer()), batch_size=options.batch_size,
                   parser=parser)

    # -- running ------------------------------------------------------------------------------------------------
    def run(self, items: Iterable[Article | Failure]) -> Iterator[ArticleResult | Failure]:
        """Process a stream of articles (Failures from ingest pass through), in input order, batch by batch."""
        for batch in batches(items, self.batch_size):
            yield from self._run_batch(batch)

    def process(self, article: Article) -> ArticleResult:
        """One article; raises an ArticleError when it cannot be processed."""
        result = next(iter(self._run_batch([article])))
        if isinstance(result, Failure):
            raise ProcessingError(result.reason, article_id=article.id, source=article.source)
        return result

    def _run_batch(self, batch: list[Article | Failure]) -> Iterator[ArticleResult | Failure]:
        articles = [i for i in batch if isinstance(i, Article)]
        docs = self._parse(articles)
        for item in batch:
            if isinstance(item, Failure):
                yield item
                continue
            doc = docs.get(id(item))
            if isinstance(doc, Failure):
                yield doc
                continue
            try:
                yield self.analyse(item, doc)
            except ArticleError as exc:
                yield failure_from(exc, item.id, item.source, stage="code")
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
                log.exception("article %s failed", item.id)
                yield Failure(item.id, item.source, f"internal error: {type(exc).__name__}: {exc}",
                              ProcessingError.code, "code")

    def _parse(self, articles: list[Article]) -> dict[int, "Doc | Failure"]:
        """One nlp.pipe pass over the batch; if spaCy fails on the batch, isolate the article that breaks it."""
        texts = [a.text for a in articles]
        try:
            return {id(a): doc for a, doc in zip(articles, self.parser.pipe(texts, batch_size=len(texts) or 1))}
        except Exception:  # noqa: BLE001
            log.warning("spaCy failed on a batch of %d articles; parsing them one by one", len(articles))
        out: dict[int, Doc | Failure] = {}
        for article in articles:
            try:
                out[id(article)] = self.parser(article.text)
            except Exception as exc:  # noqa: BLE001
                out[id(article)] = Failure(article.id, article.source, f"spaCy could not parse it: {exc}",
                                           ProcessingError.code, "nlp")
        return out

    def analyse(self, article: Article, doc: "Doc", trace: list[dict] | None = None) -> ArticleResult:
        """All stages after the parse, for one article. `trace` collects the coder's reasons (herald explain)."""
        from herald.events.confidence import calibrated_confidence

        times = self.times.tag(doc, article.published, article.text)
        places = self.places.find(doc, article)
        actors = self.actors.for_article(doc, article)
        coded = self.coder.code(doc, article, actors, trace, places)
        events = []
        main_country = places.main_country()
        for number, item in enumerate(coded):
            event = item.event
            event.id = f"{article.id}#{number}"
            situate(event, item.trigger, times, places, article.published)
            fill_country_from_context(event, main_country)
            event.confidence = calibrated_confidence(event)
            events.append(event)
        return ArticleResult(article=article, events=events, places=places.mentions(), times=times,
                             actors=list(actors.mentions))


def batches(items: Iterable[Article | Failure], batch_size: int) -> Iterator[list[Article | Failure]]:
    """The batches `Pipeline.run` parses together: `batch_size` articles each, failures riding along where they
    appear."""
    batch: list[Article | Failure] = []
    articles = 0
    for item in items:
        batch.append(item)
        if isinstance(item, Article):
            articles += 1
            if articles >= batch_size:
                yield batch
                batch, articles = [], 0
    if batch:
        yield batch


def situate(event: Event, trigger: "Token", times: list, places: "ArticlePlaces", published: "dt.date") -> None:
    """The event's date (from its clause, else its tense) and place (from its clause, else the story's focus when
    the event is local to it)."""
    from herald.events.ontology import load_ontology
    from herald.places import location_for
    from herald.time import date_for

    event.date = date_for(trigger, times, published, event.modality, verbal=event.quad_class in (1, 3))
    transnational = load_ontology().special_countries  # IGO, UNO, NGO...: not places
    sides = {side.country for side in (event.actor, event.recipient)
             if side is not None and side.country and side.country not in transnational}
    event.location = location_for(trigger, places, countries=sides)


def fill_country_from_context(event: Event, main_country: str | None) -> None:
    """An actor the text leaves without a country ("the militants", "the government", "prison guards", an unidentified
    attacker) is taken to belong where the event happened, else to the country the article is about: the base rate
    of news about domestic politics and conflict. Marked `+context` in `resolved_by` so users can filter it out."""
    where = event.location.country if event.location is not None else None
    for side in (event.actor, event.recipient):
        if side is None or side.country is not None or (side.text is None and side.sector is None):
            continue
        country = where or main_country
        if country:
            side.country = country
            side.resolved_by = f"{side.resolved_by or 'resolved'}+context"
