"""Parallax's desktop window (PySide6).

Nothing here is imported by the command-line tools: `desktop.launch` imports
`desktop.app.run_app` only when a window is wanted, so `parallax list` never
pays for loading Qt.
"""
