"""``RESULTS.md``: one section per benchmark, each rewritten by its own script.

Standard library only: the load test imports it too.
"""

from __future__ import annotations

import re
from pathlib import Path

PREAMBLE = ("# Benchmark results\n\nOne section per benchmark, each rewritten by its script "
            "(see README.md).\n\n")


def write_section(path: Path, heading: str, section: str) -> None:
    """Replace the section whose heading line starts with ``heading`` (or add it at the end),
    leaving the others as they are; the file is created when missing."""
    text = path.read_text(encoding="utf-8") if path.exists() else PREAMBLE
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith(heading)), None)
    if start is None:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = next((i for i in range(start + 1, len(lines)) if re.match(r"#{1,2} ", lines[i])),
                   len(lines))
        text = "".join(lines[:start]) + section + ("\n" if end < len(lines) else "") \
            + "".join(lines[end:])
    path.write_text(text, encoding="utf-8")
