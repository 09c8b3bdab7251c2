"""The theme makes no Python `QStyle` at start-up, and looks as it did."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from desktop import theme
from tests.helpers import python_output


def test_the_fusion_light_table_is_fusions_own_palette(qapp: QApplication) -> None:
    # FUSION_LIGHT is copied from Qt: a Qt whose Fusion palette changed fails here.
    fusion = QStyleFactory.create("Fusion")
    assert fusion is not None
    own, table = fusion.standardPalette(), theme.fusion_light_palette()
    assert table == own
    # The same roles set (Link and LinkVisited come from the platform, as before).
    assert table.resolveMask() == own.resolveMask()


def test_the_light_palette_keeps_our_two_colours(qapp: QApplication) -> None:
    light = theme.light_palette()
    assert light.color(QPalette.ColorRole.Highlight).name() == "#2f6fc8"
    assert light.color(QPalette.ColorRole.AlternateBase).name() == "#f4f6f9"
    assert light.color(QPalette.ColorRole.Window).name() == "#efefef"


APP_CODE = """
import sys
import PySide6.QtWidgets as widgets
lazy = "QStyle" not in vars(widgets)  # PySide makes a class when it is first used
from desktop import theme
from tests.helpers import python_output
if sys.argv[1] == "new":
    app = theme.new_application(sys.argv[0])
else:
    app = widgets.QApplication([sys.argv[0]])
theme.apply_theme(app)
made_style = "QStyle" in vars(widgets)
from PySide6.QtGui import QPalette
palette = app.palette()
colours = [palette.color(group, role).rgba64().toArgb32()
           for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Disabled)
           for role in QPalette.ColorRole if role != QPalette.ColorRole.NColorRoles]
window = QPalette.ColorRole.Window
own = app.style().standardPalette().color(window).name() == palette.color(window).name()
print(lazy, made_style, app.style().name(), hash(tuple(colours)), own)
"""


def _theme_in_subprocess(how: str, **env: str) -> list[str]:
    return python_output(APP_CODE, how, **env).split()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_new_application_is_fusion_without_a_python_style(scheme: str) -> None:
    # `app.setStyle("Fusion")` and `style().standardPalette()` returned the
    # style to Python, and PySide made QStyle's class and its 11 enums (~6 ms
    # of start-up CPU): the style is now chosen by `-style`, the palette built
    # from a table.  Style and palette are those of an application styled the
    # old way (`apply_theme` on an application made elsewhere still sets it).
    lazy, made_style, style, colours, _ = _theme_in_subprocess("new", PARALLAX_COLOR_SCHEME=scheme)
    _, old_made_style, old_style, old_colours, _ = _theme_in_subprocess(
        "old", PARALLAX_COLOR_SCHEME=scheme
    )
    assert (style, colours) == (old_style, old_colours) == ("fusion", colours)
    if lazy == "True":
        assert made_style == "False"
        assert old_made_style == "True"


def test_a_style_the_user_chose_still_wins() -> None:
    env = {"QT_STYLE_OVERRIDE": "Windows", "PARALLAX_COLOR_SCHEME": "light"}
    new, old = _theme_in_subprocess("new", **env), _theme_in_subprocess("old", **env)
    assert new[2] == old[2] == "windows"
    # the style's own light palette (window colour), not Fusion's table
    assert new[4] == old[4] == "True"
