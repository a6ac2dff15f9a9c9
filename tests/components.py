"""Reading Dash component trees in tests."""

from __future__ import annotations


def text_of(component: object) -> str:
    """The strings under ``component``, in order, joined by spaces."""
    if isinstance(component, str):
        return component
    if isinstance(component, list | tuple):
        return " ".join(text_of(c) for c in component)
    children = getattr(component, "children", None)
    return text_of(children) if children is not None else ""
