"""Make assets/fonts/NamesSubset-Regular.woff2: the Hangul, Hanja and Cyrillic letters the
corpus uses, cut from Noto Sans CJK KR, so names render on a machine without CJK fonts.

The app is offline, so the font is served from assets/ (assets/fonts.css declares it as
"Names Subset"). Rerun this script whenever data/ gains a Hangul, Hanja or Cyrillic letter
(tests/test_fonts.py fails until then):

    python3 -m venv /tmp/venv-fonts
    /tmp/venv-fonts/bin/pip install fonttools==4.68.0 brotli==1.2.1
    /tmp/venv-fonts/bin/python scripts/subset_fonts.py --source PATH/NotoSansCJK-Regular.ttc

assets/fonts/README.md says where the source font comes from (Debian's fonts-noto-cjk).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / "data"
DEFAULT_SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
OUTPUT = ROOT / "assets" / "fonts" / "NamesSubset-Regular.woff2"

#: The face taken from a .ttc collection, and the sha256 of the file this subset was made
#: from (Debian 12 fonts-noto-cjk 1:20220127+repack1-1, Noto Sans CJK 2.004).
FACE = "Noto Sans CJK KR"
SOURCE_SHA256 = "b76b0433203017ca80401b2ee0dd69350349871c4b19d504c34dbdd80541690a"

#: The new family name: a Modified Version must not carry the Reserved Font Name ('Source',
#: from Source Han Sans), and we keep clear of "Noto" too. assets/fonts.css uses the same.
FAMILY = "Names Subset"
POSTSCRIPT = "NamesSubset-Regular"

#: The scripts the subset covers; assets/fonts.css gives the same list as unicode-range.
RANGES = [
    (0x0400, 0x052F),  # Cyrillic, Cyrillic Supplement
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x3130, 0x318F),  # Hangul Compatibility Jamo
    (0x3400, 0x4DBF),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs (Hanja)
    (0xA960, 0xA97F),  # Hangul Jamo Extended-A
    (0xAC00, 0xD7A3),  # Hangul Syllables
    (0xD7B0, 0xD7FF),  # Hangul Jamo Extended-B
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
]

#: Always kept, whatever the data holds: the Hangul of the search box's placeholder
#: ("Any spelling: Pak Hon-yong, Ho Ka-i, 박헌영…") and the whole basic Russian alphabet,
#: so a Cyrillic spelling typed into the search box renders too (66 letters, a few KB).
PLACEHOLDER = "박헌영"
RUSSIAN = "".join(map(chr, range(0x0410, 0x0450))) + "Ёё"


def covered(char: str) -> bool:
    """Whether ``char`` belongs to a script of the subset.

    >>> [covered(c) for c in "P박Пō彭"]
    [False, True, True, False, True]
    """
    return any(lo <= ord(char) <= hi for lo, hi in RANGES)


def corpus_files(data: Path) -> list[Path]:
    """Every table and document text of a data folder (its .csv and .txt files, at any depth)."""
    return sorted(p for p in data.rglob("*") if p.is_file() and p.suffix in (".csv", ".txt"))


def corpus_characters(data: Path) -> set[str]:
    """The Hangul, Hanja and Cyrillic characters used in the data folder."""
    return {c for path in corpus_files(data) for c in path.read_text(encoding="utf-8")
            if covered(c)}


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def open_face(source: Path):
    """The KR face of a .ttc collection (or the font itself, for a single .otf/.ttf)."""
    from fontTools.ttLib import TTCollection, TTFont

    if source.suffix.lower() in (".ttc", ".otc"):
        names = [f["name"].getDebugName(1) for f in TTCollection(source, lazy=True).fonts]
        if FACE not in names:
            sys.exit(f"{source}: no face {FACE!r} in the collection ({', '.join(names)})")
        number = names.index(FACE)
    else:
        number = -1
    # recalcTimestamp=False: the same inputs give the same bytes, so a rerun shows no diff.
    return TTFont(source, fontNumber=number, recalcTimestamp=False)


def rename(font, source_name: str) -> None:
    """Give the subset its own names, in the name table and in the CFF table; keep the
    copyright, trademark, designer and licence entries."""
    name = font["name"]
    version = (name.getDebugName(5) or "").split(";")[0].removeprefix("Version ")
    for name_id in (1, 2, 3, 4, 6, 16, 17, 21, 22):
        name.removeNames(nameID=name_id)
    for name_id, text in {
        1: FAMILY, 2: "Regular", 4: FAMILY, 6: POSTSCRIPT,
        3: f"{POSTSCRIPT};subset of {source_name} {version}",
        10: f"A subset of {source_name} {version} for the names in this project's data/, "
            "made with scripts/subset_fonts.py.",
    }.items():
        name.setName(text, name_id, 3, 1, 0x409)
    if "CFF " in font:  # a CID-keyed CFF names itself and each of its FDArray dicts
        cff = font["CFF "].cff
        old = cff.fontNames[0]
        cff.fontNames[0] = POSTSCRIPT
        top = cff.topDictIndex[0]
        top.FullName, top.FamilyName = f"{FAMILY} Regular", FAMILY
        for fd in getattr(top, "FDArray", []):
            fd.FontName = fd.FontName.replace(old, POSTSCRIPT)


def subset(source: Path, characters: set[str], output: Path) -> None:
    from fontTools import subset as ft_subset

    font = open_face(source)
    source_name = font["name"].getDebugName(4)
    cmap = font.getBestCmap()
    missing = sorted(c for c in characters if ord(c) not in cmap)
    if missing:
        sys.exit(f"{source_name} has no glyph for: {' '.join(missing)}")
    options = ft_subset.Options()
    options.flavor = "woff2"        # needs the brotli package
    options.hinting = False         # browsers hint CJK outlines well enough without
    options.desubroutinize = True   # compresses better under woff2
    options.name_IDs = ["*"]        # keep copyright (0), trademark (7), licence (13, 14)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(map(ord, characters)))
    subsetter.subset(font)
    rename(font, source_name)
    output.parent.mkdir(parents=True, exist_ok=True)
    font.flavor = "woff2"
    font.save(output)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="data folder whose .csv and .txt files are read (default: data/)")
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE,
                        help=f"Noto Sans CJK Regular .ttc or a KR .otf (default: {DEFAULT_SOURCE})")
    parser.add_argument("--output", type=Path, default=OUTPUT,
                        help="the WOFF2 to write (default: assets/fonts/NamesSubset-Regular.woff2)")
    args = parser.parse_args(argv)
    try:
        import brotli  # noqa: F401  (fontTools writes WOFF2 with it)
        import fontTools
    except ImportError:
        sys.exit("needs fontTools and brotli: pip install fonttools==4.68.0 brotli==1.2.1")
    if not args.source.is_file():
        sys.exit(f"{args.source}: no such font; see assets/fonts/README.md for where to get it")
    digest = sha256(args.source)
    if digest != SOURCE_SHA256:
        print(f"note: {args.source} has sha256 {digest}, not the {SOURCE_SHA256} "
              "recorded in assets/fonts/README.md; update the README", file=sys.stderr)
    from_data = corpus_characters(args.data)
    characters = from_data | set(PLACEHOLDER) | set(RUSSIAN)
    subset(args.source, characters, args.output)
    print(f"{args.output}: {len(characters)} characters ({len(from_data)} from {args.data}), "
          f"{args.output.stat().st_size / 1024:.1f} KB, fontTools {fontTools.version}")
    print("".join(sorted(characters)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
