"""Saved web pages: main text and stated metadata, nothing fetched.

trafilatura finds the article body and drops navigation, scripts, adverts and
footers far better than a hand-written walker could; it reads only the string
we give it.
"""

from __future__ import annotations

import logging
from typing import Any

from library.errors import ImportRefused
from library.ingest.parsed import Parsed

# trafilatura logs every page it finds little text in; we report that ourselves.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def parse_html(text: str) -> Parsed:
    """Extract the article from a saved HTML page.

    Raises:
        ImportRefused: no article text could be found on the page.
    """
    # Imported here: it costs ~130 ms, which every start-up of the window and
    # every `parallax list` would otherwise pay for pages they never read.
    import trafilatura

    result = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None:
        raise ImportRefused("is a web page with no article text Parallax can find")
    data: dict[str, Any] = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    body = data.get("text") or ""
    title = data.get("title")
    if title and body.startswith(title):
        # The headline is kept as the title; repeating it as paragraph one
        # would make it a unit of every comparison.
        body = body[len(title) :].lstrip()
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    if not paragraphs:
        raise ImportRefused("is a web page with no article text Parallax can find")
    return Parsed(
        body="\n\n".join(paragraphs),
        title=title,
        outlet=data.get("sitename"),
        author=data.get("author"),
        published=data.get("date"),
        url=data.get("url"),
        language=data.get("language"),
    )
