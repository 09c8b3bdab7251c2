"""The `parallax` console script: the command line, with the window plugged in.

`library.cli` must not import Qt, so the GUI is handed to it as a callable;
Qt itself is imported only when a window is really opened.
"""

from __future__ import annotations

import sys


def open_window(
    data_dir: str | None,
    files: list[str],
    screenshot: str | None,
    screenshot_size: tuple[int, int] | None = None,
) -> int:
    from desktop.app import SCREENSHOT_SIZE, run_app

    return run_app(
        data_dir=data_dir,
        files=files,
        screenshot=screenshot,
        screenshot_size=screenshot_size or SCREENSHOT_SIZE,
    )


def main() -> int:
    from library.cli import main as cli_main

    return cli_main(sys.argv[1:], open_window=open_window)


if __name__ == "__main__":
    raise SystemExit(main())
