"""Web pages and WARC crawls written for these tests (invented news, our own words), shared by tests/ingest and
tests/watch."""
from __future__ import annotations

import io
from pathlib import Path

# Three short stories of ours, each a paragraph that codes at least one event.
PORT_STORY = ("The government of Chile reopened the port of Valparaiso on Monday after talks with union leaders "
              "ended a week-long strike, officials said. The transport minister met union leaders in Santiago on "
              "Sunday and agreed to raise the wages of dock workers.")
BORDER_STORY = ("The foreign minister of Peru met his Bolivian counterpart in La Paz on Wednesday to discuss the "
                "reopening of border crossings closed last year. The two governments agreed to hold further talks "
                "next month, a spokesman for the ministry said.")
PROTEST_STORY = ("Police in Quito arrested twelve protesters on Friday after a march against fuel prices turned "
                 "violent, the interior ministry of Ecuador said. The government accused opposition leaders of "
                 "organising the unrest.")
BOILERPLATE = ("Subscribe to our newsletter", "Copyright 2024 Example Daily", "Most read stories")


def page_html(title: str, story: str, published: str | None = None) -> str:
    """A news page: navigation, the article, related links and a footer around it."""
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    paragraphs = "".join(f"<p>{sentence.rstrip('.')}.</p>" for sentence in story.split(". ") if sentence.strip())
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>{meta}</head><body>"
            "<header><nav><a href='/'>Home</a> | <a href='/world'>World</a> | <a href='/sport'>Sport</a></nav>"
            f"<p>{BOILERPLATE[0]}</p></header>"
            f"<main><article><h1>{title}</h1>{paragraphs}</article></main>"
            f"<aside><h2>{BOILERPLATE[2]}</h2><ul><li><a href='/a'>Weather warning for the coast</a></li>"
            "<li><a href='/b'>Football results</a></li></ul></aside>"
            f"<footer><p>{BOILERPLATE[1]}. All rights reserved.</p></footer></body></html>")


def write_warc(path: Path, records: list[tuple[str, str, bytes, str]], warc_date: str = "2024-05-06T09:30:00Z",
               gzip: bool = True) -> Path:
    """A WARC file of response records (url, HTTP status line, body, content type), as a crawler writes them."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "herald tests"}))
        for url, status, body, content_type in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": warc_date})
            writer.write_record(record)
    return path


VISIT_STORY = ("The president of Argentina visited Brasilia on Tuesday and signed an agreement with Brazil on "
               "energy cooperation, the two governments said in a joint statement.")
TRADE_STORY = ("Uruguay imposed new tariffs on imports of steel from Paraguay on Thursday, and the government of "
               "Paraguay threatened to file a complaint with the regional trade bloc, officials said.")
