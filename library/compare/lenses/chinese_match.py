"""One entry for one person or body, whatever script each article writes it in.

- Chinese and Chinese: the simplified form (`fold`) is the key, so 國家安全部
  and 国家安全部 are one ministry;
- taught aliases: a Chinese form the user taught (国家安全部 = Ministry of
  State Security) takes its group's key, as an English form does;
- Chinese and English: a person's name through toneless pinyin, surname
  first or last, spaces, hyphens and case ignored (李林一 = "Li Linyi" =
  "Linyi Li" = "Li Lin-yi"); a body or place through its CC-CEDICT senses
  (国家安全部 = "PRC Ministry of State Security", 美国 = "United States") or
  its pinyin (北京 = "Beijing").

Used by the Chinese hooks of the Names and Voices lenses.
"""

from __future__ import annotations

import re
from functools import lru_cache

from library.chinese import HAN_CHAR, fold, has_cjk
from library.compare.aliases import alias_key
from library.compare.glosses import dictionary
from library.compare.lenses.chinese_foreign import PLACES
from library.compare.lenses.names import Name
from library.compare.lenses.pattern_cache import re_compile
from library.compare.mentions import Mentions

__all__ = ["entry_key", "glossed", "glossed_key", "latin_forms", "squash", "twin", "unglued"]

_PARENS = re_compile(r"\([^)]*\)|\[[^\]]*\]")
# What a dictionary sense puts before a body's name ("PRC Ministry of State Security").
_SENSE_PREFIX = re_compile(r"^(?:the|PRC|ROC|PRC's|China's|Chinese|US|U\.S\.)\s+", re.I)
_DOTS = "·・•‧"
_IN_PARENS = re_compile(r"\(([^()]{3,80})\)")
# What a news agency's or a party's English name may drop ("Xinhua", "Reuters").
_GENERIC_TAIL = re_compile(r"(?:\s+(?:News|Agency|Company|Corporation|Group|Inc\.?|Ltd\.?))+$")


def squash(name: str) -> str:
    """A Latin name as compared across scripts: "The Li Lin-yi" -> "lilinyi"."""
    return re.sub(r"[\s\-'’.]", "", alias_key(name))


# "abbr. for 國家安全部|国家安全部[Guo2 jia1 …]": the simplified full form.
_ABBR = re_compile(r"abbr\. for [^|/\[]*\|(?P<full>[^\[/|]+)\[")


def full_form(simplified: str) -> str:
    """The full name CC-CEDICT gives for an abbreviation (国安部 -> 国家安全部), or the name."""
    m = _ABBR.search(dictionary().get(simplified, ""))
    return m.group("full") if m else simplified


def entry_key(written: str, mentions: Mentions) -> str:
    """The key of a Chinese name: its taught group's, else its simplified full form."""
    simplified = fold(written)
    if mentions.taught:
        for form in (written, simplified, full_form(simplified)):
            group = mentions.taught.key(alias_key(form))
            if group is not None:
                return group
    return full_form(simplified)


def _syllables(char: str) -> list[str]:
    from pypinyin import Style, pinyin

    read = pinyin(char, style=Style.NORMAL, heteronym=True)
    return [s.replace("ü", "v") for s in read[0]] if read else [char]


@lru_cache(maxsize=4096)
def latin_forms(key: str, kind: str) -> frozenset[str]:
    """The squashed Latin forms a simplified Chinese name may take in English.

    Args:
        key: the name, simplified.
        kind: "person" (pinyin, either order), or a body or place (dictionary
            senses and pinyin).
    """
    if not has_cjk(key):
        return frozenset()
    out: set[str] = set()
    dotted = any(d in key for d in _DOTS)
    if kind == "person" and not dotted and 2 <= len(key) <= 4:
        # A surname may be read several ways (曾: zeng / ceng); the given name once.
        from pypinyin import lazy_pinyin

        given = "".join(lazy_pinyin(key[1:]))
        for surname in _syllables(key[0]):
            out.update((surname + given, given + surname))
    # A foreign name by its dictionary entry, whole or its last part
    # (特朗普 /Donald Trump (1946-), …/ is "Donald Trump" and "Trump").
    last = re.split(f"[{_DOTS}]", key)[-1] if kind == "person" else key
    # 美国国务院: the dictionary knows 国务院 (/State Department (USA)/).
    country = next((p for p in PLACES if key.startswith(p) and len(key) - len(p) >= 2), "")
    words = dict.fromkeys((key, full_form(key), last, key[len(country) :]))
    senses = [sense for word in words for sense in dictionary().get(word, "").split("/")]
    for raw in senses:
        # "DPP (Democratic Progressive Party, Taiwan)": a name of words in brackets too
        # (not "(Taiwan)" after a council of Taiwan).
        inside = [x for x in _IN_PARENS.findall(raw) if len(x.split(",")[0].split()) > 1]
        for sense in [_PARENS.sub(" ", raw).strip(), *inside]:
            if not sense or sense.startswith(("variant of", "abbr.", "CL:", "to ", "surname")):
                continue
            # "Weixin or WeChat", "Xinhua News Agency, founded in 1931 …": each name alone.
            for part in sense.split(",")[0].split(" or "):
                out.add(squash(_SENSE_PREFIX.sub("", part)))
                out.add(squash(part))
                if kind == "person" and part.split():
                    out.add(squash(part.split()[-1]))  # "Trump" alone
                elif part.split():
                    out.add(squash(_GENERIC_TAIL.sub("", part)))  # "Xinhua" (News Agency)
    if kind == "place":
        from pypinyin import lazy_pinyin

        out.add("".join(lazy_pinyin(key)))
    out.discard("")
    return frozenset(out)


def twin(key: str, kind: str, latin: dict[str, str]) -> str | None:
    """The key of the Latin entry a Chinese name is, if exactly one.

    Args:
        key: the Chinese name's simplified form.
        kind: its kind ("person", "body", "place", "title").
        latin: squashed form -> entry key, for every Latin-script entry.
    """
    hits = {latin[f] for f in latin_forms(key, kind) if f in latin}
    return hits.pop() if len(hits) == 1 else None


def latin_index(entries: dict[str, list[str]]) -> dict[str, str]:
    """Squashed form -> key, for the entries written in Latin script.

    Args:
        entries: key -> every form written for it.
    """
    out: dict[str, str] = {}
    for key, forms in entries.items():
        if has_cjk(key):
            continue
        for form in [key, *forms]:
            if not has_cjk(form):
                out.setdefault(squash(form), key)
                # "China's Ministry of State Security" is the ministry too.
                owned = form.replace("’", "'").partition("'s ")[2]
                if owned:
                    out.setdefault(squash(owned), key)
    return out


def pair_name(a_form: str, b_form: str) -> str:
    """How a person met in two scripts is named: "Li Linyi (李林一)", Latin first."""
    latin, chinese = (a_form, b_form) if has_cjk(b_form) else (b_form, a_form)
    return f"{latin} ({chinese})"


_HAN_CLASS = HAN_CHAR.pattern[1:-1]
# The English name a Hong Kong or Taiwan paper puts after a Chinese one: 李家超（John Lee）.
_GLOSS = re_compile(
    r"\s*[（(]\s*(?P<latin>[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,3})\s*[）)]"
)


def glossed(text: str, end: int) -> str | None:
    """The Latin name in brackets right after `text[:end]` (李家超（John Lee）), if any."""
    m = _GLOSS.match(text, end)
    return m.group("latin") if m else None


def glossed_key(text: str, end: int, latin: dict[str, str]) -> str | None:
    """The key of the Latin entry a bracketed English name after `end` names, if any."""
    gloss = glossed(text, end)
    return latin.get(squash(gloss)) if gloss else None


# A Latin name and the Chinese it is glued to (WeChat公众号发文): the English
# lens reads both as one word.
_GLUED = re_compile(f"^([^{_HAN_CLASS}]*[A-Za-z])[{_HAN_CLASS}]")


def unglued(n: Name) -> Name:
    """`n` cut to its Latin part when the English lens glued Chinese to it."""
    m = _GLUED.match(n.name)
    if m is None:
        return n
    name = m.group(1).strip()
    return Name(name.lower(), name, [], list(n.a), list(n.b), n.description)
