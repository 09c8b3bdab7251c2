"""Sentence vectors made in a worker thread while the engine reads the texts (`embed_ahead.py`)."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import pytest

from library.compare import compare_texts
from library.compare import embed_ahead as ahead_module
from library.compare.backends import SemanticBackend
from library.compare.embed_ahead import EmbedAhead
from library.compare.segment import segment
from tests.library.compare.fakes import FakeEncoder

TEXT_A = (
    "The Varnholt city council voted 7 to 2 on Monday to close the Osterbrook ferry.\n\n"
    "Mayor Ilse Quandt said the ferry had lost 340,000 euros last year. "
    "Repairs to the pier would take until March 2031, she said."
)
TEXT_B = (
    "Varnholt's council decided on Monday, by 7 votes to 2, to shut the Osterbrook ferry.\n\n"
    "The ferry lost 430,000 euros last year, Mayor Ilse Quandt said. "
    "She did not say when the pier would reopen."
)


class ThreadedEncoder(FakeEncoder):
    """The fake encoder, noting which thread ran each call."""

    def __init__(self) -> None:
        super().__init__()
        self.threads: list[str] = []

    def __call__(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.threads.append(threading.current_thread().name)
        return super().__call__(texts)


def _texts(text: str) -> list[str]:
    return [u.text for u in segment(text)]


def test_each_side_is_encoded_once_in_the_worker_thread() -> None:
    encoder = ThreadedEncoder()
    compare_texts(TEXT_A, TEXT_B, backend=SemanticBackend(encoder))
    assert encoder.calls == [_texts(TEXT_A), _texts(TEXT_B)]
    assert all(name.startswith("embed-ahead") for name in encoder.threads)


def test_the_comparison_is_the_one_made_without_the_worker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ahead = compare_texts(TEXT_A, TEXT_B, backend=SemanticBackend(FakeEncoder())).to_dict()
    monkeypatch.setattr(ahead_module.EmbedAhead, "around", staticmethod(lambda b: (b, None)))
    encoder = ThreadedEncoder()
    inline = compare_texts(TEXT_A, TEXT_B, backend=SemanticBackend(encoder)).to_dict()
    assert encoder.threads == [threading.current_thread().name] * 2
    assert ahead == inline
    assert ahead["pairs"], "the invented pair aligns something"


def test_the_callers_backend_keeps_its_own_embed() -> None:
    encoder = FakeEncoder()
    backend = SemanticBackend(encoder)
    compare_texts(TEXT_A, TEXT_B, backend=backend)
    assert backend.embed is encoder


def test_an_encoder_error_is_raised_by_the_comparison() -> None:
    def broken(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        raise RuntimeError("weights unreadable")

    with pytest.raises(RuntimeError, match="weights unreadable"):
        compare_texts(TEXT_A, TEXT_B, backend=SemanticBackend(broken))


def test_other_texts_wait_for_the_started_call_and_are_encoded_on_the_spot() -> None:
    started = threading.Event()
    release = threading.Event()
    calls: list[tuple[str, list[str]]] = []
    first_done_before: list[bool] = []

    def slow(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        calls.append((threading.current_thread().name, list(texts)))
        first_done_before.append(release.is_set())
        if len(calls) == 1:
            started.set()
            release.wait(5)
        return np.zeros((len(texts), 4), dtype=np.float32)

    ahead = EmbedAhead(slow)
    ahead.start(["Quandt spoke first."])
    ahead.done_starting()
    assert started.wait(5)
    timer = threading.Timer(0.05, release.set)
    timer.start()
    out = ahead(["Another sentence entirely."])
    timer.join()
    assert out.shape == (1, 4)
    assert [texts for _, texts in calls] == [
        ["Quandt spoke first."],
        ["Another sentence entirely."],
    ]
    assert calls[1][0] == threading.current_thread().name
    assert first_done_before == [False, True], "the second call waited for the first"
    # The started call's result is still handed over when asked for.
    assert ahead(["Quandt spoke first."]).shape == (1, 4)
    assert len(calls) == 2


def test_a_backend_without_embed_is_left_alone() -> None:
    class Plain:
        name = "words"

    backend = Plain()
    assert EmbedAhead.around(backend) == (backend, None)
    assert EmbedAhead.around(None) == (None, None)
