"""Benchmark library search on a few thousand articles, English and Chinese.

    PYTHONPATH=. .venv/bin/python benchmarks/library_search_bench.py [--articles 3000] [--dir DIR]

Articles are made up: English ones from the sample articles' words, Chinese
ones from a small vocabulary of news words, a third of them in traditional
characters (converted with OpenCC), with years and Latin names glued to the
Chinese as real copy has them.  Reported: the median time of `search()` with
50 results and snippets, per kind of query, and how many articles each finds.
Uses only `LibraryStore`'s public API, so the same script measures an older
checkout (run it with that checkout on PYTHONPATH).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import tempfile
import time
from pathlib import Path

import opencc

from library.article import Article
from library.store import LibraryStore

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "articles"
_ZH_WORDS = (
    "国家 安全 部长 局长 表示 记者 北京 上海 政府 经济 发展 会议 通报 调查 案件 官员 "
    "公司 市场 企业 学校 学生 医院 警方 法院 宣布 报道 消息 人士 问题 计划 合作 国际 "
    "中央 地方 改革 政策 部门 工作 委员会 主席 总理 外交 军事 网络 平台 用户 数据 "
    "间谍 保密 机关 文章 公众号 发布 称 以来 目前 已经 此前 其中 多名 相关"
)
WORDS_ZH = _ZH_WORDS.split()
GLUED = ["2022年", "2005年", "10月", "WeChat", "iPhone", "GDP", "5G"]


def english_corpus(rng: random.Random) -> list[str]:
    words = []
    for path in sorted(SAMPLES.glob("*.md")):
        words += re.findall(r"[A-Za-z][A-Za-z'-]+", path.read_text(encoding="utf-8"))
    return [rng.choice(words) for _ in range(50_000)]


def chinese_text(rng: random.Random, sentences: int) -> str:
    out = []
    for _ in range(sentences):
        parts = rng.choices(WORDS_ZH, k=rng.randint(8, 16))
        if rng.random() < 0.5:
            parts.insert(rng.randrange(len(parts)), rng.choice(GLUED))
        out.append("".join(parts) + rng.choice("。，；") + ("\n\n" if rng.random() < 0.2 else ""))
    return "".join(out)


def fill(store: LibraryStore, count: int, rng: random.Random) -> None:
    english = english_corpus(rng)
    to_traditional = opencc.OpenCC("s2t")
    for i in range(count):
        if i % 2:
            body = " ".join(rng.choices(english, k=rng.randint(300, 900))) + "."
            title = " ".join(rng.choices(english, k=6))
        else:
            body = chinese_text(rng, rng.randint(20, 60))
            title = "".join(rng.choices(WORDS_ZH, k=5))
            if i % 3 == 0:
                body, title = to_traditional.convert(body), to_traditional.convert(title)
        store.add(Article(title=title, body=body, source_path=f"/bench/{i}.txt"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--dir", type=Path, help="data dir (default: a temporary one)")
    args = parser.parse_args()
    rng = random.Random(7)
    data_dir = args.dir or Path(tempfile.mkdtemp(prefix="library-bench-"))
    store = LibraryStore(data_dir)
    if store.count() < args.articles:
        started = time.perf_counter()
        fill(store, args.articles - store.count(), rng)
        print(f"filled {args.articles:,} articles in {time.perf_counter() - started:.1f} s")
    queries = {
        "English word": ["ministry", "security", "the", "plenary"],
        "Chinese, simplified": ["国家安全部", "局长", "间谍", "公众号"],
        "Chinese, traditional": ["國家安全部", "局長", "間諜"],
        "glued Latin/number": ["WeChat", "2022", "2005"],
        "mixed": ["WeChat 用户", "国家 security"],
    }
    size = (data_dir / "library.db").stat().st_size / 1e6
    print(f"articles: {store.count():,}  db: {size:.0f} MB")
    print("| query | median | found (of 50) |")
    print("|---|---:|---|")
    for label, texts in queries.items():
        times, found = [], []
        for text in texts:
            for _ in range(5):
                t0 = time.perf_counter()
                hits = store.search(text, limit=50)
                times.append(time.perf_counter() - t0)
            found.append(f"{text}: {len(hits)}")
        print(f"| {label} | {statistics.median(times) * 1000:.1f} ms | {', '.join(found)} |")
    store.close()


if __name__ == "__main__":
    main()
