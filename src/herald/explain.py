"""`herald explain`: per sentence, the triggers Herald saw, the events it coded, and why."""
from __future__ import annotations

from typing import Any

from herald.errors import InputError
from herald.ingest import read_articles
from herald.pipeline import Pipeline
from herald.records import Article, Failure


def find_article(path: str, article_id: str | None = None) -> Article:
    """The article in a file (the one with `article_id` in a JSON Lines file)."""
    first_failure = None
    for item in read_articles([path]):
        if isinstance(item, Failure):
            if article_id is None or item.article_id == article_id:
                first_failure = first_failure or item
            continue
        if article_id is None or item.id == article_id:
            return item
    if first_failure is not None:
        raise InputError(f"{path}: cannot read article {first_failure.article_id or ''}: {first_failure.reason}")
    raise InputError(f"{path}: no article" + (f" with id {article_id!r}" if article_id else ""))


def explain_article(article: Article, pipeline: Pipeline | None = None) -> dict[str, Any]:
    """A JSON-ready explanation: every sentence with its trigger decisions and the events coded."""
    pipeline = pipeline or Pipeline.default()
    doc = pipeline.nlp(article.text)
    trace: list[dict] = []
    result = pipeline.analyse(article, doc, trace)
    sentences = []
    for index, sent in enumerate(doc.sents):
        sentences.append({
            "index": index, "start": sent.start_char, "end": sent.end_char, "text": sent.text,
            "decisions": [t for t in trace if t["sentence"] == index],
            "events": [e.to_dict() for e in result.events if e.sentence_index == index],
        })
    return {"article_id": article.id, "published": article.published.isoformat(), "title": article.title,
            "sentences": sentences, "times": [t.to_mention_dict(article.id) for t in result.times],
            "places": [p.to_mention_dict(article.id) for p in result.places]}


def render_explanation(explanation: dict[str, Any], all_sentences: bool = False, console=None) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = console or Console()
    console.print(f"[bold]{escape(explanation['article_id'])}[/bold] ({explanation['published']}) "
                  f"{escape(explanation.get('title') or '')}")
    for sent in explanation["sentences"]:
        if not sent["decisions"] and not all_sentences:
            continue
        console.print(f"\n[bold cyan]#{sent['index']}[/bold cyan] [{sent['start']}:{sent['end']}] "
                      f"{escape(sent['text'].strip())}")
        for decision in sent["decisions"]:
            mark = "[green]coded[/green]" if decision["kept"] else "[yellow]not coded[/yellow]"
            console.print(f"  {mark} {escape(decision['trigger'])!s} -> {decision['event']} ({decision['rule']})")
            for line in decision["why"]:
                console.print(f"      {escape(line)}")
        for event in sent["events"]:
            actor, recipient = event["actor"] or {}, event["recipient"] or {}
            date = event.get("date") or {}
            where = (event.get("location") or {}).get("name")
            console.print(f"  [bold]=> {event['event']}[/bold] {event.get('mode') or ''} cameo {event['cameo']} "
                          f"{actor.get('country') or '?'}-{actor.get('sector') or '?'} -> "
                          f"{recipient.get('country') or '-'}-{recipient.get('sector') or '-'} "
                          f"{event['modality']}; date {date.get('start')}..{date.get('end')} ({date.get('source')}); "
                          f"where {escape(str(where))}; confidence {event['confidence']}")
