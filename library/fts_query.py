"""Turn what a user types into a safe SQLite FTS5 query.

FTS5 has its own query language (`AND`, `OR`, `NOT`, `NEAR`, `*`, `^`, `:`,
`-`, parentheses, quotes); text typed into a search box must never reach it
raw.  Every word becomes a quoted string, so operators and punctuation are
plain text.  Two conveniences survive: a balanced "quoted phrase" stays a
phrase, and a word typed with a trailing `*` stays a prefix search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from library.article import CJK_CHAR
from library.chinese import is_cjk
from library.errors import InvalidQuery
from library.search_index import index_form

# A balanced double-quoted phrase, or a run of word characters with an
# optional trailing star (prefix search).
_TOKEN = re.compile(r'"([^"]*)"|(\w+)(\*?)', re.UNICODE)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchQuery:
    """A parsed search: the FTS5 expression and the plain terms it looks for.

    `terms` are the words a caller can highlight or match with LIKE when FTS5
    cannot help (CJK text, which the unicode61 tokenizer does not split).
    """

    fts: str
    terms: tuple[str, ...]

    @property
    def needs_substring_search(self) -> bool:
        """True when a term contains CJK characters, which FTS5 tokenises as one long run."""
        return any(CJK_CHAR.search(term) for term in self.terms)


def parse_query(text: str) -> SearchQuery:
    """Parse user text into a `SearchQuery`.

    Raises:
        InvalidQuery: the text has no word to search for (e.g. only punctuation).
    """
    parts: list[str] = []
    terms: list[str] = []
    for match in _TOKEN.finditer(text):
        phrase, word, star = match.groups()
        if phrase is not None:
            words = _WORD.findall(phrase)
            if words:
                parts.append(_quote(" ".join(words)))
                terms.append(" ".join(words))
        elif word:
            parts.append(_quote(word) + ("*" if star else ""))
            terms.append(word)
    if not parts:
        raise InvalidQuery(f"Nothing to search for in {text!r}: type at least one word.")
    return SearchQuery(fts=" ".join(parts), terms=tuple(terms))


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


# One quoted phrase of an FTS5 expression made by `parse_query`, and its star.
_FTS_PHRASE = re.compile(r'"((?:[^"]|"")*)"(\*?)')


def fold_query(query: SearchQuery) -> SearchQuery:
    """`query` in the form the folded search indexes hold (see `library.search_index`).

    Each phrase is folded (traditional → simplified, full-width letters to
    ASCII) and CJK characters are spaced out, so 國家安全部 is the phrase
    `"国 家 安 全 部"` and matches that run anywhere, in either script.  A star
    after a CJK character is dropped (each is a whole token already).
    """

    def one(match: re.Match[str]) -> str:
        spaced = index_form(match.group(1).replace('""', '"')) or ""
        words = spaced.split()
        star = match.group(2) if words and not is_cjk(words[-1]) else ""
        return _quote(" ".join(words)) + star

    return SearchQuery(fts=_FTS_PHRASE.sub(one, query.fts), terms=query.terms)
