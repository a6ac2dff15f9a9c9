"""A Dash tool for studying the December 1955 turn against the Soviet Koreans.

The package is split by concern: ``corpus`` loads and validates the CSV corpus,
``graph``, ``passages``, ``search`` and ``analysis`` are plain functions over it,
and ``layout``/``callbacks`` turn them into a Dash app (``app.create_app``).
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_DATA_DIR = PACKAGE_DIR.parent / "data"

__all__ = ["DEFAULT_DATA_DIR", "PACKAGE_DIR"]
