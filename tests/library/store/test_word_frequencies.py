"""Word document frequencies kept up to date as articles come and go."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from library.article import Article, split_paragraphs
from library.compare.units import terms
from library.store import LibraryStore
from library.store import word_frequencies as wf
from tests.helpers import frequencies_from_scratch


def _stored(store: LibraryStore) -> tuple[dict[str, int], int]:
    store.fold_word_counts()
    rows = store.db.execute(f"SELECT term, df FROM {wf.TABLE}").fetchall()
    return {t: d for t, d in rows}, int(store.get_meta(wf.PARAGRAPHS_KEY) or 0)


def _add(store: LibraryStore, body: str, path: str) -> int:
    outcome = store.add(Article(title="T", body=body, source_path=path))
    assert outcome.article.id is not None
    return outcome.article.id


@pytest.mark.parametrize("fold_every", [1, 2, 1000])
def test_counts_follow_imports_versions_and_removals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fold_every: int
) -> None:
    # Folding after every import, every other one, or only when read: a
    # version retired before or after it was counted in leaves the same counts.
    monkeypatch.setattr(wf, "FOLD_EVERY", fold_every)
    store = LibraryStore(tmp_path / "home")
    _add(store, "The harbour reopened.\n\nFerries sailed to the harbour at dawn.", "/a.txt")
    b = _add(store, "Ferries were cancelled.\n\nA storm hit the coast.", "/b.txt")
    _add(store, "The harbour reopened.\n\nFerries sailed to the harbour at dawn.", "/dup.txt")
    assert _stored(store) == frequencies_from_scratch(store)
    reopened = terms("reopened")[0]
    assert _stored(store)[0][reopened] == 1  # the duplicate text was not stored twice
    _add(store, "Ferries resumed.\n\nThe storm passed; the harbour is calm.", "/b.txt")
    assert _stored(store) == frequencies_from_scratch(store)  # version 1 counted out, version 2 in
    _add(store, "Ferries resumed twice.\n\nNo storm.", "/b.txt")
    store.remove(b)
    assert _stored(store) == frequencies_from_scratch(store)
    assert terms("storm")[0] not in _stored(store)[0]  # a term no article has any more is gone
    store.close()


def test_removing_everything_leaves_no_counts(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path / "home")
    ids = [_add(store, f"Story {i}.\n\nSecond paragraph {i}.", f"/{i}.txt") for i in range(3)]
    for article_id in ids:
        store.remove(article_id)
    assert _stored(store) == ({}, 0)
    store.close()


def test_an_existing_library_is_counted_once_at_upgrade(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path / "home")
    for i in range(4):
        _add(store, f"Bridge story {i}.\n\nThe mayor spoke {i} times.", f"/{i}.txt")
    store.close()
    # As a library written before the table existed: no counts, migration pending.
    conn = sqlite3.connect(tmp_path / "home" / "library.db")
    conn.execute(f"DROP TABLE {wf.TABLE}")
    conn.execute("DELETE FROM meta WHERE key = ?", [wf.PARAGRAPHS_KEY])
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm004_word_frequencies'")
    conn.commit()
    conn.close()
    store = LibraryStore(tmp_path / "home")
    expected = frequencies_from_scratch(store)
    assert _stored(store) == expected and expected[1] == 8
    store.close()


def test_paragraph_terms_are_the_engines_terms() -> None:
    body = (
        "Don't stop: 1,000.5 tonnes — x’y said (Zhaozong) “quoted”.\n\n"
        "香港港口重新开放。 Ferries/boats at 6:30, re-opened.\n\nÉtat déjà vu; naïve café"
    )
    assert list(wf.paragraph_terms(body)) == [set(terms(p)) for p in split_paragraphs(body)]


def test_queued_imports_are_counted_by_readers_and_folded_in_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wf, "FOLD_EVERY", 3)
    store = LibraryStore(tmp_path / "home")
    for i in range(2):
        _add(store, f"Harbour story {i}.\n\nThe pier {i}.", f"/{i}.txt")
    queued = len(wf.queued(store.db.conn))
    assert queued == 2 and store.db.execute(f"SELECT count(*) FROM {wf.TABLE}").fetchone()[0] == 0
    (harbour,) = terms("harbour")
    df, paragraphs = wf.lookup(store.db.conn, [harbour, "unseen"])
    assert (df, paragraphs) == ({harbour: 2}, 4)  # exact before any fold
    _add(store, "Harbour story 2.\n\nThe pier 2.", "/2.txt")  # the third folds
    assert wf.queued(store.db.conn) == []
    assert wf.lookup(store.db.conn, [harbour]) == ({harbour: 3}, 6)
    store.close()


def test_an_import_leaves_nothing_queued(tmp_path: Path) -> None:
    from library.importer import import_paths

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(f"Story {i}\n\nThe harbour {i}.", encoding="utf-8")
    store = LibraryStore(tmp_path / "home")
    import_paths(store, [folder])
    assert wf.queued(store.db.conn) == []
    rows = store.db.execute(f"SELECT term, df FROM {wf.TABLE}").fetchall()
    assert dict(rows) == frequencies_from_scratch(store)[0]
    store.close()


def test_body_counts_are_paragraph_term_sets_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    body = "Harbour, harbour reopened.\n\nThe harbour’s pier; 国家安全部.\n\n\n  \n\nPier 6:30."
    expected: Counter[str] = Counter()
    for paragraph in split_paragraphs(body):
        expected.update(set(terms(paragraph)))
    assert wf.body_counts(body) == (expected, 3)
    terms_found, paragraphs = wf.body_terms(body)  # what an import keeps until the fold
    assert (Counter(terms_found), paragraphs) == (expected, 3)
    # The chunk cache empties when full and keeps giving the same terms.
    monkeypatch.setattr(wf, "_CHUNK_CACHE_SIZE", 2)
    wf._CHUNK_TERMS.clear()
    assert wf.body_counts(body) == (expected, 3)
    assert len(wf._CHUNK_TERMS) <= 2
    wf._CHUNK_TERMS.clear()


def test_awkward_terms_are_counted_in_and_out_exactly(tmp_path: Path) -> None:
    # The batch goes to SQLite as one JSON object: quotes, backslashes,
    # apostrophes, accents, Chinese and emoji-adjacent words keep their counts.
    store = LibraryStore(tmp_path / "home")
    bodies = [
        'He said "Varnholt\\\\Quay" don\'t café naïve.\n\n国家安全部 局长 Kestrel’s 🙂pier',
        "Café again; don't stop.\n\n国家 局长 said “Quay” twice",
    ]
    ids = [_add(store, body, f"/{i}.txt") for i, body in enumerate(bodies)]
    assert _stored(store) == frequencies_from_scratch(store)
    assert any("'" in term or "’" in term for term in _stored(store)[0])
    store.remove(ids[0])
    # Counted out: every term back to its df.
    assert _stored(store) == frequencies_from_scratch(store)
    store.remove(ids[1])
    assert _stored(store) == ({}, 0)
    store.close()


CHUNKS = [
    "Harbour", "harbour,", "(HARBOUR)", "harbour.", "'s", "Quay's", "quay's.", "x’y", "“Quay”",
    "1,000.", "1,000", "-5", ".5", "5.5.", "_x_", "don't", "DON'T", "n't", "a'b'", "--", "",
    "國家,", "(国家)", "İstanbul,", "ISTANBUL", "Éire.", "6:30,", "re-opened;", "#tag", "@Name:",
]  # fmt: skip


def test_each_chunk_has_the_engines_terms_whatever_was_cached_before() -> None:
    # Chunks that differ only by case (ASCII) or by ASCII punctuation at an
    # end share one tokenizing: each still gets exactly its own terms.
    for order in (CHUNKS, CHUNKS[::-1]):
        wf._CHUNK_TERMS.clear()
        for chunk in order:
            assert wf._CHUNK_TERMS[chunk] == tuple(terms(chunk)), chunk
    assert wf._CHUNK_TERMS["harbour,"] is wf._CHUNK_TERMS["Harbour"]  # one tokenizing
    wf._CHUNK_TERMS.clear()


ASCII_CHUNKS = [
    "harbour", "Harbour,", "(harbour.", "1,000.5", "3rd", "don't", "o'neill's", "a", "I",
    "7", "x2", "_under_score", "the", "not", "never", "re-open", "U.S.", "e-mail's",
    "co-operation", "'quoted'", "AT&T", "10/25/11", "06:44PM", "…", "", "--", "isn't",
]  # fmt: skip


@pytest.mark.parametrize("chunk", ASCII_CHUNKS)
def test_ascii_chunk_terms_are_the_engines(chunk: str) -> None:
    assert wf.chunk_terms(chunk) == tuple(terms(chunk))
    assert wf.chunk_terms(chunk.upper()) == tuple(terms(chunk.upper()))


def test_an_ascii_chunk_skips_the_cjk_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    from library.compare import units

    def no_cjk_split(*args: object) -> list[str]:
        raise AssertionError("an ASCII chunk went through the CJK split")

    monkeypatch.setattr(units, "tokens", no_cjk_split)
    assert wf.chunk_terms("Harbours") == ("harbour",)
    with pytest.raises(AssertionError):
        wf.chunk_terms("國家")  # the check above can fail


JOIN_BODIES = [
    "The harbour at Quillon reopened,\u00a0officials said.\n\nIt cost 1,204.5 euros; don't ask.",
    "國家安全部局長表示\u3000今日\u2028到訪。\n\nWeChat ☕ 6:30 Ünited İstanbul's",
    "Odd\x1cspaces\x1d and\x85next\u2029lines\x0bhere \u200b zero-width",
    "",
    "a I 7 the",
]


@pytest.mark.parametrize("body", JOIN_BODIES)
def test_joined_terms_split_back_to_the_same_terms(body: str) -> None:
    terms, paragraphs = wf.body_terms(body)
    assert all(term and not any(c.isspace() for c in term) for term in terms)
    joined, same_paragraphs = wf.join_terms((terms, paragraphs))
    assert isinstance(joined, str) and same_paragraphs == paragraphs
    assert tuple(joined.split()) == terms


def test_a_fold_counts_joined_terms_as_it_counts_tuples(tmp_path: Path) -> None:
    bodies = JOIN_BODIES[:3]
    results = []
    for name, given in (
        ("tuples", wf.body_terms),
        ("joined", lambda b: wf.join_terms(wf.body_terms(b))),
    ):
        store = LibraryStore(tmp_path / name)
        with store.importing():
            for n, body in enumerate(bodies):
                store.add(Article(title=f"Story {n}", body=body), counts=given(body))
            store.fold_word_counts()
        results.append(
            store.db.execute(f"SELECT term, df FROM {wf.TABLE} ORDER BY term").fetchall()
        )
        store.close()
    assert results[0] == results[1] != []
