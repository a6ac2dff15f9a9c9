"""The analysis tab: its controls and clicks as view records, its charts as functions of the URL.

``CONTROLS`` and ``EVENTS`` join the one sync callback (``view.register``): the colour and
size choices mirror ``view.color`` and ``view.size``; a matrix square, a timeline brush and a
voice button turn the current view into a new one. ``register`` binds the output-only
callbacks, each a pure function of the URL's search string.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from dash import ALL, Dash, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate
from plotly.graph_objects import Figure

from .. import analysis, ids
from ..analysis_layout import (
    DEFAULT_SORT,
    EVERYONE,
    NO_SIZE,
    cell_text,
    chart,
    community_panel,
    people_table,
    sort_people,
    voice_panel,
)
from ..charts import MATRIX_POLARITIES, brushed_years, matrix_figure, timeline_figure
from ..graph import Network
from ..view import COLORINGS, MEASURES, View, normalize_ids, parse_query
from .view import Control, Event

# --- two-way controls and one-way events (the sync callback) ---------------------------------


def _read_color(network: Network, value: object, view: View) -> View:
    return replace(view, color=value if value in COLORINGS else "faction")


def _read_size(network: Network, value: object, view: View) -> View:
    return replace(view, size=value if value in MEASURES else "")


CONTROLS: tuple[Control, ...] = (
    Control(ids.RADIO_COLOR, "value", lambda n, v: v.color, _read_color),
    Control(ids.DROPDOWN_SIZE, "value", lambda n, v: v.size or NO_SIZE, _read_size),
)


def click_cell(network: Network, trigger: object, value: object, view: View,
               state: dict) -> View | None:
    """A matrix square: show only its relations, and only its polarity when the matrix
    shows one. The chosen square again clears it; an empty square is ignored."""
    try:
        point = value["points"][0]  # type: ignore[index]
        cell, count = (str(point["y"]), str(point["x"])), point.get("z")
    except (TypeError, KeyError, IndexError):
        return None
    if not all(f in network.bounds.factions for f in cell) or not count:
        return None
    if cell == view.cell:
        return replace(view, cell=None)
    polarity = state.get(ids.RADIO_MATRIX_POLARITY)
    if polarity in network.bounds.polarities:
        view = replace(view, polarities=normalize_ids([polarity], network.bounds.polarities))
    return replace(view, cell=cell)


def clear_cell(network: Network, trigger: object, value: object, view: View,
               state: dict) -> View | None:
    return replace(view, cell=None) if value and view.cell else None


def brush_years(network: Network, trigger: object, value: object, view: View,
                state: dict) -> View | None:
    """A horizontal selection on the timeline sets the period filter to the years it touches."""
    years = brushed_years(value, network.bounds.years)
    if years is None:
        return None
    return replace(view, years=None if years == network.bounds.years else years)


def pick_voice(network: Network, trigger: object, value: object, view: View,
               state: dict) -> View | None:
    """Keep one claimant's claims, or everyone's."""
    key = trigger.get("id") if isinstance(trigger, dict) else None
    if not value:
        return None  # a button was created, not clicked
    if key == EVERYONE:
        return replace(view, claimants=None)
    if key in network.bounds.claimants:
        return replace(view, claimants=normalize_ids([key], network.bounds.claimants))
    return None


EVENTS: tuple[Event, ...] = (
    Event({"type": ids.CHART_MATRIX, "id": ALL}, "clickData", click_cell,
          state=((ids.RADIO_MATRIX_POLARITY, "value"),)),
    Event(ids.BUTTON_CLEAR_CELL, "n_clicks", clear_cell),
    Event({"type": ids.CHART_TIMELINE, "id": ALL}, "selectedData", brush_years),
    Event({"type": ids.BUTTON_CLAIMANT, "id": ALL}, "n_clicks", pick_voice),
)


# --- outputs: pure functions of the URL ------------------------------------------------------

MEMO_SIZE = 64  # filter views whose analysis results are kept


def filters_of(view: View) -> View:
    """The part of a view the analysis depends on: the filters, not the selection or styling."""
    return replace(view, person="", relation="", color="faction", size="", present=False)


class Memo:
    """The analysis functions' results per filter view, for one network.

    A class of students on the same few filters asks the same questions: the second
    student gets the first one's answer instead of a new networkx computation or plotly
    figure. The results are never changed after they are made, so sharing them is safe.
    """

    def __init__(self, network: Network, size: int = MEMO_SIZE) -> None:
        self.network = network
        self._cached = lru_cache(maxsize=size)(self._compute)

    def _compute(self, function: Callable, view: View, *args):
        return function(self.network, view, *args)

    def __call__(self, function: Callable, view: View, *args):
        return self._cached(function, filters_of(view), *args)


def _direct(network: Network) -> Callable:
    return lambda function, view, *args: function(network, view, *args)


def _matrix_figure(network: Network, view: View, polarity: str) -> Figure:
    table = analysis.faction_matrix(network, view, None if polarity == "all" else polarity)
    return matrix_figure(table, network.corpus.factions, polarity, view.cell)


def matrix(network: Network, search: str, polarity: str | None,
           memo: Callable | None = None) -> tuple[Figure, str, bool]:
    """The matrix figure for the URL's view, what it filters, and whether "clear" is off."""
    view = parse_query(search, network.bounds)
    polarity = polarity if polarity in MATRIX_POLARITIES else "hostile"
    figure = (memo or _direct(network))(_matrix_figure, view, polarity)
    return figure, cell_text(network.corpus, view), view.cell is None


def people(network: Network, search: str, sort: dict | None,
           memo: Callable | None = None) -> object:
    view = parse_query(search, network.bounds)
    sort = sort if isinstance(sort, dict) else DEFAULT_SORT
    table = sort_people((memo or _direct(network))(analysis.people_measures, view), sort)
    return people_table(table, network.corpus, sort, view.person)


def next_sort(column: object, clicked: object, current: dict | None) -> dict | object:
    """A header click sorts by its column, most first; the same header again flips it."""
    if not clicked or not isinstance(column, str):
        return no_update
    current = current if isinstance(current, dict) else DEFAULT_SORT
    if current.get("column") == column:
        return {"column": column, "descending": not current.get("descending")}
    return {"column": column, "descending": column != "name"}


def _timeline_figure(network: Network, view: View) -> Figure:
    return timeline_figure(analysis.timeline(network, view), network.corpus.factions,
                           view.years)


def timeline(network: Network, search: str, memo: Callable | None = None) -> Figure:
    view = parse_query(search, network.bounds)
    return (memo or _direct(network))(_timeline_figure, view)


def voices(network: Network, search: str, memo: Callable | None = None) -> list:
    view = parse_query(search, network.bounds)
    shares = (memo or _direct(network))(analysis.claimant_shares, view)
    return voice_panel(shares, network.corpus, view)


def communities(network: Network, search: str, memo: Callable | None = None) -> list:
    view = parse_query(search, network.bounds)
    table, ari = (memo or _direct(network))(analysis.agreement, view)
    return community_panel(table, ari, network.corpus)


def when_open(compute: Callable) -> Callable:
    """Run ``compute`` only while the Analysis tab is open: every URL change would otherwise
    recompute five charts nobody sees. Opening the tab fires them for the current view."""
    def callback(tab: str | None, *args):
        if tab != "analysis":
            raise PreventUpdate
        return compute(*args)
    return callback


def mount_charts(tab: str | None, mounted: object) -> tuple[list, list]:
    """The two plotly charts, put into their boxes the first time the tab opens, so plotly.js
    is fetched then and not before the network is drawn. Mounting them fires the figure
    callbacks, whose outputs are the charts (a pattern that matches nothing until then)."""
    if tab != "analysis" or mounted:
        raise PreventUpdate
    return [chart(ids.CHART_MATRIX)], [chart(ids.CHART_TIMELINE)]


def _each_chart(compute: Callable) -> Callable:
    """Give every mounted chart (none, or the one) the figure ``compute`` returns (first,
    when it returns a tuple for several outputs, the charts being the first of them)."""
    def callback(*args):
        result = compute(*args)
        if isinstance(result, tuple):
            return ([result[0]] * len(ctx.outputs_list[0]), *result[1:])
        return [result] * len(ctx.outputs_list)
    return callback


def register(app: Dash, network: Network) -> None:
    tab = Input(ids.STORE_TAB, "data")
    memo = Memo(network)
    app.callback(Output(ids.GRAPH_MATRIX, "children"), Output(ids.GRAPH_TIMELINE, "children"),
                 tab, State(ids.GRAPH_MATRIX, "children"))(mount_charts)
    app.callback(Output({"type": ids.CHART_MATRIX, "id": ALL}, "figure"),
                 Output(ids.TEXT_CELL, "children"),
                 Output(ids.BUTTON_CLEAR_CELL, "disabled"), tab,
                 Input(ids.URL, "search"), Input(ids.RADIO_MATRIX_POLARITY, "value"))(
        _each_chart(when_open(lambda search, polarity: matrix(network, search, polarity, memo))))
    app.callback(Output(ids.DIV_PEOPLE_TABLE, "children"), tab,
                 Input(ids.URL, "search"), Input(ids.STORE_SORT, "data"))(
        when_open(lambda search, sort: people(network, search, sort, memo)))
    app.callback(Output({"type": ids.CHART_TIMELINE, "id": ALL}, "figure"), tab,
                 Input(ids.URL, "search"))(
        _each_chart(when_open(lambda search: timeline(network, search, memo))))
    app.callback(Output(ids.DIV_VOICE, "children"), tab, Input(ids.URL, "search"))(
        when_open(lambda search: voices(network, search, memo)))
    app.callback(Output(ids.DIV_COMMUNITIES, "children"), tab, Input(ids.URL, "search"))(
        when_open(lambda search: communities(network, search, memo)))

    @app.callback(Output(ids.STORE_SORT, "data"),
                  Input({"type": ids.BUTTON_SORT, "id": ALL}, "n_clicks"),
                  State(ids.STORE_SORT, "data"), prevent_initial_call=True)
    def _sort(clicks, current):
        trigger = ctx.triggered_id
        clicked = ctx.triggered[0].get("value") if ctx.triggered else None
        return next_sort(trigger.get("id") if isinstance(trigger, dict) else None,
                         clicked, current)
