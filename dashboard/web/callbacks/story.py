"""The guided walk and the projector view: actions that change the view, and what they show.

Next and Previous (buttons, or the keys a presenter's clicker sends, which press them in
``assets/walk.js``), starting and ending the walk and the projector toggle are actions
of the one URL callback, like every other click. The walk's text is drawn for
``store-step-key`` (the step in the URL, passed on by the browser only when it changes);
the app's classes (projector, walking, controls shown, panels folded) are set in the
browser (``frame`` in ``assets/walk.js``) from the URL and ``store-folds``, with no
request.
"""

from __future__ import annotations

from dataclasses import replace

from dash import ClientsideFunction, Dash, Input, Output, State

from ...network.graph import Network
from ...network.view import View, parse_query
from .. import ids
from ..components.classroom import step_body
from ..components.plain import plain
from .url import Action


def move(network: Network, view: View, args: tuple[str, ...], value: object) -> View | None:
    """``step next`` or ``step previous``; from outside the walk, either starts it. Moving
    on lets go of a selection, so the step's text comes back in its place."""
    walk = network.walk
    if not len(walk) or not args or args[0] not in ("next", "previous"):
        return None
    current = walk.clamp(view.step)
    delta = 1 if args[0] == "next" else -1
    return replace(view.filters_only(),
                   step=max(1, walk.clamp(current + delta)) if current else 1)


def toggle_walk(network: Network, view: View, args: tuple[str, ...],
                value: object) -> View | None:
    """Start the walk at step 1 (letting go of a selection, so the text shows), or end it."""
    if not len(network.walk):
        return None
    return replace(view, step=0) if view.step else replace(view.filters_only(), step=1)


ACTIONS: tuple[Action, ...] = (
    Action("step", move),
    Action("walk", toggle_walk),
    Action("present", lambda n, v, a, x: replace(v, present=not v.present)),
)


def walk(network: Network, key: object) -> tuple:
    """The step panel (as plain lists) and whether Previous/Next can be pressed, for the
    step in ``key``."""
    step = network.walk.clamp(parse_query(key if isinstance(key, str) else "",
                                          network.bounds).step)
    if not step:
        return [], True, True
    return plain(step_body(network, step)), step <= 1, step >= len(network.walk)


def register(app: Dash, network: Network) -> None:
    app.callback(
        Output(ids.STORE_WALK_PANEL, "data"),
        Output(ids.BUTTON_STEP_PREV, "disabled"), Output(ids.BUTTON_STEP_NEXT, "disabled"),
        Input(ids.STORE_STEP_KEY, "data"), prevent_initial_call=True,
    )(lambda key: walk(network, key))
    app.clientside_callback(  # drawn in the browser as plain elements (assets/lists.js)
        ClientsideFunction(namespace="ivanovLists", function_name="renderWalk"),
        Output(ids.STORE_WALK_DRAWN, "data"), Input(ids.STORE_WALK_PANEL, "data"),
        prevent_initial_call=True)
    app.clientside_callback(  # the step in the URL, passed on only when it changes
        ClientsideFunction(namespace="ivanovWalk", function_name="stepKey"),
        Output(ids.STORE_STEP_KEY, "data"),
        Input(ids.URL, "search"), State(ids.STORE_STEP_KEY, "data"))
    app.clientside_callback(  # the app's classes and the toolbar's labels, from the URL
        ClientsideFunction(namespace="ivanovWalk", function_name="frame"),
        Output(ids.DIV_APP, "className"),
        Output(ids.BUTTON_CONTROLS, "children"), Output(ids.BUTTON_CONTROLS, "aria-expanded"),
        Output(ids.BUTTON_WALK, "children"), Output(ids.BUTTON_WALK, "aria-pressed"),
        Output(ids.BUTTON_PRESENT, "children"), Output(ids.BUTTON_PRESENT, "aria-pressed"),
        Output(ids.BUTTON_FOLD_FILTERS, "aria-expanded"),
        Output(ids.BUTTON_FOLD_SIDE, "aria-expanded"),
        Input(ids.URL, "search"), Input(ids.BUTTON_CONTROLS, "n_clicks"),
        Input(ids.STORE_FOLDS, "data"),
        State(ids.DIV_APP, "className"), State(ids.STORE_CONFIG, "data"))
    app.clientside_callback(  # a fold button folds or unfolds its panel
        ClientsideFunction(namespace="ivanovWalk", function_name="fold"),
        Output(ids.STORE_FOLDS, "data"),
        Input(ids.BUTTON_FOLD_FILTERS, "n_clicks"), Input(ids.BUTTON_FOLD_SIDE, "n_clicks"),
        State(ids.STORE_FOLDS, "data"), prevent_initial_call=True)
    app.clientside_callback(  # the camera frames what the walk has reached
        ClientsideFunction(namespace="ivanovWalk", function_name="camera"),
        Output(ids.STORE_CAMERA, "data"), Input(ids.CYTOSCAPE_GRAPH, "elements"),
        Input(ids.DIV_APP, "className"), prevent_initial_call=True)



