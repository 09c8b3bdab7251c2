"""Chinese-English comparison (run by hand, not in CI).

- sentences: ROC-AUC of a Chinese sentence against its English translation
  (positive) versus against a random other English sentence (negative), on the
  PAWS-X zh dev sentences and their PAWS-Wiki dev originals (same ids; dev only);
- our article: the Chinese article of eval_chinese.py against our English
  translation of it: ROC-AUC over all sentence pairs, and the sentences the
  engine aligns with their translation (with the model, and anchors alone);
- planted conflicts across languages, flagged with both values named.

Usage::

    PARALLAX_EVAL=/work/shared/eval .venv/bin/python benchmarks/eval_crosslingual.py
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_chinese import ARTICLE
from eval_compare import EVAL, load, roc_auc
from eval_semantic import CachedVectors

from library.compare import compare_texts
from library.compare.backends import SemanticBackend
from library.compare.crosslingual import CrossBackend, Languages
from library.compare.segment import segment

# Our translation of eval_chinese.ARTICLE, one sentence per line (written for this benchmark).

ARTICLE_EN = """\
BEIJING, Oct. 13 - Minister of State Security Chen Yixin met a visiting delegation in Beijing on October 13.
The two sides held in-depth talks on strengthening law enforcement cooperation and fighting transnational crime.
Chen said that since taking over as Minister of State Security in October 2022 he had repeatedly stressed the importance of international cooperation.
According to official figures, 12,000 cases were solved in the first nine months of this year, up 15 percent from a year earlier.
"We are willing to work with China to safeguard regional security and stability," said Li Zhaozhong, head of the delegation.
After the talks, the two sides signed a memorandum of understanding on intelligence exchange.
Analysts said the meeting sent a positive signal that relations between the two sides were warming.
The two countries had earlier traded accusations over a cyberattack, and relations were tense for a time.
A Foreign Ministry spokesperson told a regular news briefing that China welcomes all exchanges that build mutual trust.
The delegation is expected to travel to Shanghai on October 15 to continue its visit."""  # noqa: E501

# (Chinese, English, values the conflict must name).
PLANTED = [
    (
        "法院以受贿罪判处其有期徒刑十二年。",
        "The court sentenced him to 15 years in prison for bribery.",
        ("十二", "15"),
    ),
    (
        "会议于十月十三日在北京举行。",
        "The meeting was held in Beijing on November 9.",
        ("十月十三日", "November 9"),
    ),
    (
        "事故共造成4万元经济损失，三人受伤。",
        "The accident caused 40,000 yuan in losses and injured five people.",
        ("三", "five"),
    ),
]

ZH_EN = Languages("zh", "en")


def sentences_auc(vectors: CachedVectors) -> tuple[float, float, float]:
    """(cosine alone, cross score, anchors alone) AUC on PAWS-X / PAWS-Wiki translation pairs."""
    zh = {r["id"].rsplit("-", 1)[1]: r["a"] for r in load("pawsx_zh_dev.jsonl")}
    en = {r["id"].rsplit("-", 1)[1]: r["a"] for r in load("paws_wiki_dev.jsonl")}
    ids = sorted(k for k in zh if k in en)
    rng = random.Random(0)
    others = ids[:]
    rng.shuffle(others)
    pairs = [(zh[k], en[k], 1) for k in ids] + [
        (zh[k], en[o], 0) for k, o in zip(ids, others, strict=True) if k != o
    ]
    labels = [y for _, _, y in pairs]
    cos, cross, anchors = [], [], []
    with_model, without = CrossBackend(ZH_EN, vectors), CrossBackend(ZH_EN)
    for a, b, _ in pairs:
        cos.append(float(vectors([a])[0] @ vectors([b])[0]))
        cross.append(float(with_model.matrix([a], [b])[0, 0]))
        anchors.append(float(without.matrix([a], [b])[0, 0]))
    return roc_auc(cos, labels), roc_auc(cross, labels), roc_auc(anchors, labels)


def article(vectors: CachedVectors) -> None:
    zh = [u.text for u in segment(ARTICLE)]
    en = ARTICLE_EN.split("\n")
    assert len(zh) == len(en) == 10, (len(zh), len(en))
    labels = [int(i == j) for i in range(10) for j in range(10)]
    for name, backend in (
        ("model", CrossBackend(ZH_EN, vectors)),
        ("anchors", CrossBackend(ZH_EN)),
    ):
        m = backend.matrix(zh, en)
        print(f"  our article, {name}: sentence ROC-AUC {roc_auc(list(m.ravel()), labels):.3f}")
    for name, lang_backend in (("model", SemanticBackend(vectors)), ("anchors", None)):
        c = compare_texts(ARTICLE, ARTICLE_EN, backend=lang_backend)
        right = [p for p in c.pairs if p.a == p.b]
        same = sum(1 for p in right if p.relation == "same")
        print(
            f"  our article, engine with {name}: {len(right)}/10 aligned with their translation "
            f"({same} same), {len(c.pairs) - len(right)} wrong pairs"
        )
        for p in c.pairs:
            if p.relation != "same" or p.a != p.b:
                print(f"    {p.a}~{p.b} {p.relation} {[x.explanation for x in p.conflicts]}")


def planted() -> int:
    ok = 0
    for a, b, values in PLANTED:
        c = compare_texts(a, b)
        text = " | ".join(x.explanation for p in c.pairs for x in p.conflicts)
        hit = any(p.relation == "divergent" for p in c.pairs) and all(v in text for v in values)
        ok += hit
        print(f"    {'ok ' if hit else 'MISS'} {text}")
    return ok


def main() -> int:
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} not found")
        return 0
    vectors = CachedVectors()
    cos, cross, anchors = sentences_auc(vectors)
    print(
        f"PAWS-X/PAWS-Wiki translation vs random sentence ROC-AUC: cosine {cos:.3f}, "
        f"cross score {cross:.3f}, anchors alone {anchors:.3f}"
    )
    article(vectors)
    print(f"  planted cross-language conflicts: {planted()}/{len(PLANTED)} (anchors alone)")
    vectors.save()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
