"""The guided walk and the projector view: events that change the view, and what they show.

Next/Previous (buttons, or the keys in ``assets/keys.js``, which click them), starting
and ending the walk and the projector toggle are ``Event`` records: they go through the
one URL callback like every other click. The walk panel and the app root's classes are
plain functions of the URL.
"""

from __future__ import annotations

from dataclasses import replace

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, no_update

from .. import ids
from ..classroom import frame_class, step_body
from ..graph import Network
from ..view import View, parse_query
from .view import Event, _pick


def _move(delta: int):
    def apply(network: Network, trigger: object, value: object, view: View, state: dict):
        walk = network.walk
        if not value or not len(walk):
            return None
        current = walk.clamp(view.step)
        return replace(view, step=max(1, walk.clamp(current + delta)) if current else 1)
    return apply


def _toggle_walk(network: Network, trigger: object, value: object, view: View, state: dict):
    if not value or not len(network.walk):
        return None
    return replace(view, step=0 if view.step else 1)


def _toggle_present(network: Network, trigger: object, value: object, view: View,
                    state: dict):
    return replace(view, present=not view.present) if value else None


EVENTS: tuple[Event, ...] = (
    Event(ids.BUTTON_STEP_NEXT, "n_clicks", _move(+1)),
    Event(ids.BUTTON_STEP_PREV, "n_clicks", _move(-1)),
    Event(ids.BUTTON_WALK, "n_clicks", _toggle_walk),
    Event(ids.BUTTON_PRESENT, "n_clicks", _toggle_present),
    Event({"type": ids.BUTTON_NEWCOMER, "id": ALL}, "n_clicks",
          _pick((ids.BUTTON_NEWCOMER,), "people", "select_person")),
)


def walk(network: Network, search: str, drawn: int | None) -> tuple:
    """The step panel, the drawn step and whether Previous/Next can be pressed;
    ``no_update`` everywhere when the step on screen is already the URL's."""
    step = network.walk.clamp(parse_query(search, network.bounds).step)
    if step == drawn:
        return (no_update,) * 4
    return step_body(network, step), step, step <= 1, step == 0 or step >= len(network.walk)


def frame(network: Network, search: str, trigger: object, classes: str | None) -> tuple:
    """The root's classes and the toolbar's labels; the Controls button toggles its class."""
    view = parse_query(search, network.bounds)
    was_open = "controls-open" in (classes or "").split()
    controls_open = (not was_open) if trigger == ids.BUTTON_CONTROLS else was_open
    walking = bool(network.walk.clamp(view.step))
    return (frame_class(network, view, controls_open),
            "Hide controls" if controls_open else "Show controls", str(controls_open).lower(),
            "End the walk" if walking else "Walk through the document", str(walking).lower(),
            "Leave projector view" if view.present else "Projector view",
            str(view.present).lower())


def register(app: Dash, network: Network) -> None:
    app.callback(
        Output(ids.DIV_WALK_BODY, "children"), Output(ids.STORE_STEP, "data"),
        Output(ids.BUTTON_STEP_PREV, "disabled"), Output(ids.BUTTON_STEP_NEXT, "disabled"),
        Input(ids.URL, "search"), State(ids.STORE_STEP, "data"),
    )(lambda search, drawn: walk(network, search, drawn))
    app.clientside_callback(  # the projector's camera frames what the walk has reached
        ClientsideFunction(namespace="ivanovWalk", function_name="frame"),
        Output(ids.STORE_CAMERA, "data"), Input(ids.CYTOSCAPE_GRAPH, "elements"),
        Input(ids.DIV_APP, "className"), prevent_initial_call=True)

    @app.callback(
        Output(ids.DIV_APP, "className"),
        Output(ids.BUTTON_CONTROLS, "children"), Output(ids.BUTTON_CONTROLS, "aria-expanded"),
        Output(ids.BUTTON_WALK, "children"), Output(ids.BUTTON_WALK, "aria-pressed"),
        Output(ids.BUTTON_PRESENT, "children"), Output(ids.BUTTON_PRESENT, "aria-pressed"),
        Input(ids.URL, "search"), Input(ids.BUTTON_CONTROLS, "n_clicks"),
        State(ids.DIV_APP, "className"),
    )
    def _frame(search, clicks, classes):
        return frame(network, search, ctx.triggered_id, classes)
