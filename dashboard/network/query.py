"""The values of a URL query, read one by one: never an exception, a default instead.

``view.parse_query`` puts them together into a ``View``; each reader here takes the
query's text for one field and what that field may hold, and drops what it does not know.
"""

from __future__ import annotations

from ..corpus.schema import POLARITIES

MAX_STEP = 10_000
MAX_MOVED = 150  # people moved by hand that a link keeps


NONE = "-"  # the query value for "none ticked"


def ids(values: list[str], allowed: tuple[str, ...]) -> tuple[str, ...] | None:
    """Known ids from comma-separated query values, in the allowed order.

    Absent or all-unknown values give ``None`` (all); ``-`` gives ``()`` (none); ticking
    every id is the same as all.
    """
    if not values:
        return None
    wanted = {v.strip() for value in values for v in value.split(",")}
    if wanted == {NONE}:
        return ()
    chosen = tuple(a for a in allowed if a in wanted)
    return None if not chosen or len(chosen) == len(allowed) else chosen


def normalize_ids(values: list[str] | None, allowed: tuple[str, ...]) -> tuple[str, ...] | None:
    """The same rule for values coming from a checklist: every box ticked means all."""
    chosen = tuple(a for a in allowed if a in set(values or ()))
    return None if len(chosen) == len(allowed) else chosen


CELL_POLARITIES = (*POLARITIES, "all")


def cell(value: str, factions: tuple[str, ...]) -> tuple[str, str, str] | None:
    """``soviet,yanan,hostile`` (a link from before the polarity joined the square has two
    parts: all polarities)."""
    parts = value.split(",")
    if len(parts) == 2:
        parts.append("all")
    if len(parts) != 3 or not all(p in factions for p in parts[:2]) or \
            parts[2] not in CELL_POLARITIES:
        return None
    return parts[0], parts[1], parts[2]


def choice(value: str | None, allowed: dict[str, str], default: str) -> str:
    return value if value is not None and value in allowed else default


def moved(value: str, people: frozenset[str]) -> tuple[tuple[str, int, int], ...]:
    """``pak-il-u:120:-40;hegai:0:15``: known people and whole numbers only.

    >>> moved("pak-il-u:120:-40;nobody:1:1;hegai:x:2;hegai:3:4", frozenset({"pak-il-u", "hegai"}))
    (('pak-il-u', 120, -40), ('hegai', 3, 4))
    """
    out: dict[str, tuple[str, int, int]] = {}
    for item in value.split(";")[:MAX_MOVED]:
        parts = item.split(":")
        if len(parts) == 3 and parts[0] in people and all(coordinate(p) for p in parts[1:]):
            out.pop(parts[0], None)
            out[parts[0]] = (parts[0], int(parts[1]), int(parts[2]))
    return tuple(out.values())


def coordinate(text: str) -> bool:
    digits = text[1:] if text.startswith("-") else text
    return digits.isascii() and digits.isdigit() and len(digits) <= 7


def small_int(value: str | None) -> int:
    """A positive whole number written in ASCII digits, else 0."""
    if value and value.isascii() and value.isdigit() and len(value) <= 5:
        return min(int(value), MAX_STEP)
    return 0


def year(value: str | None) -> int | None:
    return int(value) if value and len(value) == 4 and value.isascii() and value.isdigit() else None


def years(low: str | None, high: str | None, span: tuple[int, int]) -> tuple[int, int] | None:
    """A year range clipped to the corpus span; the whole span is ``None``."""
    start = year(low) or span[0]
    end = year(high) or span[1]
    start, end = max(start, span[0]), min(end, span[1])
    if start > end or (start, end) == span:
        return None
    return start, end
