"""The names subset font (issue 12) covers every Hangul, Hanja and Cyrillic letter of data/.

When one fails, rerun scripts/subset_fonts.py (assets/fonts/README.md says how).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
CSS = ROOT / "assets" / "fonts.css"
SCRIPTS = ("HANGUL", "CJK", "CYRILLIC")  # how Unicode names begin for these letters


def data_letters() -> set[str]:
    files = [p for p in (ROOT / "data").rglob("*") if p.suffix in (".csv", ".txt")]
    assert files, "no data files found"
    return {c for p in files for c in p.read_text(encoding="utf-8")
            if unicodedata.name(c, "").startswith(SCRIPTS)}


def font_url() -> Path:
    urls = re.findall(r'url\("?([^")]+)"?\)', CSS.read_text(encoding="utf-8"))
    assert len(urls) == 1, urls
    return CSS.parent / urls[0]


def test_fonts_css_points_at_a_woff2_that_exists() -> None:
    path = font_url()
    assert path.suffix == ".woff2" and path.is_file(), path
    assert (path.parent / "OFL.txt").is_file(), "the OFL must travel with the font"


def test_every_name_letter_of_the_data_is_in_the_subset() -> None:
    letters = data_letters()
    assert any(unicodedata.name(c).startswith("HANGUL") for c in letters)
    cmap = TTFont(font_url()).getBestCmap()
    missing = sorted(c for c in letters if ord(c) not in cmap)
    assert not missing, f"not in the subset font: {' '.join(missing)}"


def test_unicode_range_covers_those_letters() -> None:
    css = CSS.read_text(encoding="utf-8")
    ranges = [(int(lo, 16), int(hi or lo, 16))
              for lo, hi in re.findall(r"U\+([0-9A-F]+)(?:-([0-9A-F]+))?", css, re.I)]
    outside = sorted(c for c in data_letters()
                     if not any(lo <= ord(c) <= hi for lo, hi in ranges))
    assert not outside, f"outside the unicode-range of fonts.css: {' '.join(outside)}"
