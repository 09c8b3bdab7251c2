"""Turn what a user types into a safe SQLite FTS5 query.

FTS5 has its own query language (`AND`, `OR`, `NOT`, `NEAR`, `*`, `^`, `:`,
`-`, parentheses, quotes); text typed into a search box must never reach it
raw.  Every word becomes a quoted string, so operators and punctuation are
plain text.  Two conveniences survive: a balanced "quoted phrase" stays a
phrase, and a word typed with a trailing `*` stays a prefix search.

A term typed twice counts once, and only the first `MAX_TERMS` distinct terms
are searched for: FTS5's cost grows with every term (a query of 1,000 repeated
words took seconds, on the window's GUI thread), and no real search needs more.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from library.article import CJK_CHAR
from library.chinese import is_cjk
from library.errors import InvalidQuery
from library.search_index import index_form

#: Distinct terms searched for; the rest of a longer query is ignored.
MAX_TERMS = 32

# A balanced double-quoted phrase, a run of word characters with an optional
# trailing star (prefix search), or a run of anything else that is not space:
# emoji and other symbols, which FTS5's tokenizer drops (kept only if they
# contain a symbol, see `_symbols`).
_TOKEN = re.compile(r'"([^"]*)"|(\w+)(\*?)|([^\w\s"]+)', re.UNICODE)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchQuery:
    """A parsed search: the FTS5 expression and the plain terms it looks for.

    `terms` are the words a caller can highlight or match with LIKE when FTS5
    cannot help (CJK text, which the unicode61 tokenizer does not split, and
    emoji or other symbols, which it does not index at all).
    """

    fts: str
    terms: tuple[str, ...]

    @property
    def needs_substring_search(self) -> bool:
        """True when a term has CJK characters or symbols, which FTS5 cannot find."""
        return any(CJK_CHAR.search(term) or _is_symbol_term(term) for term in self.terms)


def parse_query(text: str) -> SearchQuery:
    """Parse user text into a `SearchQuery` of at most `MAX_TERMS` distinct terms.

    Raises:
        InvalidQuery: the text has nothing to search for (e.g. only punctuation).
    """
    parts: dict[str, None] = {}  # insertion-ordered set
    terms: dict[str, None] = {}
    for match in _TOKEN.finditer(text):
        if len(terms) >= MAX_TERMS:
            break
        phrase, word, star, other = match.groups()
        if phrase is not None:
            words = _WORD.findall(phrase)
            if words:
                parts[_quote(" ".join(words))] = None
                terms[" ".join(words)] = None
        elif word:
            parts[_quote(word) + ("*" if star else "")] = None
            terms[word] = None
        elif other:
            symbols = _symbols(other)
            if symbols:
                # Searched by substring (see `needs_substring_search`); in the
                # FTS5 expression too, so that it is never empty: unicode61
                # indexes some emoji (🙂) and drops others (☕) without error.
                parts[_quote(symbols)] = None
                terms[symbols] = None
    if not terms:
        shown = text if len(text) <= 40 else text[:39] + "…"
        raise InvalidQuery(f"Nothing to search for in {shown!r}: type at least one word.")
    return SearchQuery(fts=" ".join(parts), terms=tuple(terms))


def _symbols(run: str) -> str:
    """The part of a punctuation run from its first to its last symbol ("!🙂?" → "🙂").

    Marks, modifiers and joiners after a symbol stay with it (❤️, 👍🏽, 👩‍🔬);
    a run with no symbol at all ("-:()", "C++") gives "".
    """
    keep = [i for i, ch in enumerate(run) if unicodedata.category(ch) == "So"]
    if not keep:
        return ""
    end = keep[-1] + 1
    while end < len(run) and unicodedata.category(run[end]) in ("Mn", "Me", "Sk", "Cf"):
        end += 1
    return run[keep[0] : end]


def _is_symbol_term(term: str) -> bool:
    return any(unicodedata.category(ch) == "So" for ch in term)


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
