"""Render the window's scenes to PNGs: library, comparison, a review in progress, notes, and
a Chinese article against an English one (crosslingual).

Each scene starts from a fresh data dir seeded with the two sample articles;
the review and notes scenes add reviews (with reasons), a hand link and notes
through the same calls the window's menus make.  One process per size and
colour scheme (the scheme is read at start-up)::

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/review_screenshots.py --all
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/review_screenshots.py \\
        --size 1280x800 --scheme dark --out /tmp/shots

`--all` writes `resources/screenshots/{scene}-{W}x{H}-{scheme}.png` for
1280×800 and 1920×1080, light and dark, and the README's `comparison.png`
(the review scene, 1920×1080 light).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "resources" / "screenshots"
SCENES = ("library", "comparison", "review", "notes", "crosslingual")
SIZES = ("1280x800", "1920x1080")


# Two invented reports of one invented event (a port strike), Chinese and English,
# with one number that differs (8% against 6 percent): the crosslingual scene.
CROSSLINGUAL = {
    "harbour-zh.txt": (
        "韦尔莫拉港工人结束九天罢工\n\n"
        "韦尔莫拉港的码头工人在周二结束了为期九天的罢工，恢复工作。"
        "韦尔莫拉码头工会表示，其2300名会员接受了8%的加薪。"
        "港口主任安塞姆·库里夫说，海上等待的船只将在周五前卸货完毕。\n"
    ),
    "harbour-en.txt": (
        "Harbour workers in Velmora end nine-day strike\n\n"
        "Dock workers at the port of Velmora returned to work on Tuesday after a "
        "nine-day strike over pay. The Velmora Dockers Union said its 2,300 members "
        "accepted a wage rise of 6 percent. Port director Anselm Kuriv said ships "
        "waiting offshore would be unloaded by Friday.\n"
    ),
}


def _crosslingual_pair(collection: object, data: Path) -> tuple[object, object]:
    folder = data / "crosslingual"
    folder.mkdir()
    for name, text in CROSSLINGUAL.items():
        (folder / name).write_text(text, encoding="utf-8")
    collection.import_paths([folder])  # type: ignore[attr-defined]
    titles = {a.title: a for a in collection.library.articles()}  # type: ignore[attr-defined]
    return titles["韦尔莫拉港工人结束九天罢工"], titles[
        "Harbour workers in Velmora end nine-day strike"
    ]


def _wait(signal: object, timeout_ms: int = 60_000) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def _settle(ms: int = 300) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _idle(win: object, timeout_s: float = 30.0) -> None:
    """Let the window's background work (coverage, notes, previews) finish, so a shot
    shows what a user sees a moment after opening, not a half-built panel."""
    import time

    end = time.monotonic() + timeout_s
    _settle(100)
    while win.tasks.busy and time.monotonic() < end:  # type: ignore[attr-defined]
        _settle(100)


def _select(view: object, side: str, unit_id: int) -> None:
    from PySide6.QtGui import QTextCursor

    unit = next(u for u in getattr(view._comparison, side).units if u.id == unit_id)  # type: ignore[attr-defined]
    edit = view.panes[side].text_edit  # type: ignore[attr-defined]
    cursor = QTextCursor(edit.document())
    cursor.setPosition(unit.start)
    cursor.setPosition(unit.end, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def _pair_with(view: object, a_unit: int) -> int:
    layout = view._layout  # type: ignore[attr-defined]
    return next(p.index for p in layout.pairs if a_unit in p.a)


def shoot(scene: str, size: tuple[int, int], path: Path, *, summary: bool = False) -> None:
    """Render one scene at `size` into `path` (a QApplication must exist).

    `summary`: open the summary panel (F7) where the window would fold it for room.
    """
    from PySide6.QtCore import Qt

    from desktop.main_window import MainWindow
    from desktop.screenshot import save_window
    from desktop.settings import Settings
    from library.collection import Collection

    data = Path(tempfile.mkdtemp(prefix="parallax-shot-"))
    collection = Collection(data)
    try:
        articles = {a.title[:20]: a for a in collection.library.articles()}
        a = next(v for k, v in articles.items() if k.startswith("In recent days"))
        b = next(v for k, v in articles.items() if k.startswith("The Fourth Plenary"))
        if scene == "crosslingual":
            a, b = _crosslingual_pair(collection, data)
        win = MainWindow(collection, Settings(collection.data_dir))
        win.setWindowState(Qt.WindowState.WindowNoState)
        win.resize(*size)
        win.show()
        if scene != "library":
            win.open_comparison(a, b)
            _wait(win.comparison_settled)
            if summary:
                win.comparison_view.summary_fold.set_open(True)
            _settle()
        view, reviewing = win.comparison_view, win.reviewing
        if scene == "review":
            # The bureau's first article: confirmed; the two leak cases: not the same
            # case (different dates); two sentences the machine missed, linked by hand.
            first, leak = _pair_with(view, 5), _pair_with(view, 11)
            reviewing.review_pair(first, judgement="confirm", reason="Both cite the WeChat post")
            reviewing.review_pair(
                leak, relation="divergent", reason="Two different leak cases: 9 Nov vs 13 Oct"
            )
            _select(view, "a", 4)
            _select(view, "b", 3)
            reviewing.link_selection("same", "Both: the bureau steps out of the shadows")
            for pane in view.panes.values():
                pane.text_edit.moveCursor(pane.text_edit.textCursor().MoveOperation.Start)
            view._select_pair(first, None)
        if scene == "notes":
            notes = collection.notes
            leak = _pair_with(view, 11)
            notes.add_comparison_note(a.id, b.id, "B reads like a rewrite of A's sources.")
            reviewing.refresh()
            claim = reviewing.claim_of(leak)
            assert claim is not None
            notes.add_comparison_note(
                a.id, b.id, "Which leak case? Check the ministry's notice.", claim=claim
            )
            unit = view._comparison.a.units[7]
            notes.add_passage_note(a, unit.start, unit.end, "Li Zhaozong: both name him.")
            panel = win.notes_panel
            panel.refresh()
            win.notes.show_noted_spans()
            view._select_pair(_pair_with(view, 7), None)
            for row in range(panel.model.rowCount()):  # the claim note open in the editor
                index = panel.model.index(row)
                if "leak case" in str(index.data()):
                    panel.list_view.setCurrentIndex(index)
        _idle(win)
        _settle()
        if not save_window(win, path):
            raise SystemExit(f"could not write {path}")
        win.close()
    finally:
        collection.close()
        shutil.rmtree(data, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--scheme", choices=("light", "dark"), default="light")
    parser.add_argument("--out", type=Path, default=SHOTS)
    parser.add_argument("--scene", action="append", choices=SCENES)
    parser.add_argument("--all", action="store_true", help="every size and scheme, one run each")
    parser.add_argument(
        "--summary", action="store_true", help="open the summary panel where it would be folded"
    )
    args = parser.parse_args()
    if args.all:
        for size in SIZES:
            for scheme in ("light", "dark"):
                cmd = [sys.executable, __file__, "--size", size, "--scheme", scheme]
                subprocess.run([*cmd, "--out", str(args.out)], check=True)
        shutil.copyfile(args.out / "review-1920x1080-light.png", args.out / "comparison.png")
        return 0
    os.environ["PARALLAX_COLOR_SCHEME"] = args.scheme
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from desktop.theme import apply_theme, new_application

    app = new_application(sys.argv[0])
    app.setApplicationName("Parallax")
    apply_theme(app)
    width, height = (int(n) for n in args.size.split("x"))
    for scene in args.scene or SCENES:
        name = f"{scene}-summary" if args.summary else scene
        path = args.out / f"{name}-{args.size}-{args.scheme}.png"
        shoot(scene, (width, height), path, summary=args.summary)
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
