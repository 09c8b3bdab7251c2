"""What the library store's operations return: one import's outcome, one search hit.

Small frozen records, apart from the store so that their readers (the importer,
the notes store, the CLI's JSON) need not read the store's SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from library.article import Article, ArticleId

ImportStatus = Literal["added", "new_version", "unchanged"]


@dataclass(frozen=True)
class ImportOutcome:
    """What storing one article did.

    Attributes:
        status: "added" (new source), "new_version" (the source changed) or
            "unchanged" (same text already stored; nothing written).
        article: the stored article (for "unchanged", the existing one).
        previous_id: for "new_version", the id of the version it supersedes,
            so that notes anchored there can be moved.
    """

    status: ImportStatus
    article: Article
    previous_id: ArticleId | None = None


@dataclass(frozen=True)
class SearchHit:
    """One search result: the article's current version and a highlighted snippet."""

    article: Article
    snippet: str
    rank: float

    def to_dict(self) -> dict[str, Any]:
        """The JSON form `parallax search --json` prints (the snippet with its marks)."""
        return {
            "id": self.article.id,
            "title": self.article.title,
            "outlet": self.article.outlet,
            "snippet": self.snippet,
            "rank": self.rank,
        }
