"""The Analysis tab: its controls and clicks as view records, its answers in one callback.

``CONTROLS`` and ``ACTIONS`` join the one URL callback (``url.register``): the colour and
size choices mirror ``view.color`` and ``view.size``; a matrix square, a timeline brush and
a voice button turn the current view into a new one. The charts' clicks reach the URL
callback as actions too (``chartAction`` in ``assets/app.js``), so the charts are no
input of any server callback.

The answers (matrix, people table, timeline, voices, communities) come from one callback,
fired by ``store-analysis-key``: the part of the URL they depend on, which the browser
passes on only while the tab is open and only when it changed. The results are kept per
key (``Memo``), so a class on the same filters computes each answer once per worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, no_update
from plotly.graph_objects import Figure

from ...network import analysis
from ...network.graph import Network
from ...network.view import COLORINGS, MEASURES, View, normalize_ids, parse_query
from .. import ids
from ..components.analysis import (
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
from ..components.charts import MATRIX_POLARITIES, brushed_years, matrix_figure, timeline_figure
from .url import Action, Control

# --- two-way controls and actions (the URL callback) ----------------------------------------


def _read_color(network: Network, value: object, view: View) -> View:
    return replace(view, color=value if isinstance(value, str) and value in COLORINGS
                   else "faction")


def _read_size(network: Network, value: object, view: View) -> View:
    return replace(view, size=value if isinstance(value, str) and value in MEASURES else "")


CONTROLS: tuple[Control, ...] = (
    Control(ids.RADIO_COLOR, "value", lambda n, v: v.color, _read_color),
    Control(ids.DROPDOWN_SIZE, "value", lambda n, v: v.size or NO_SIZE, _read_size),
)


def choose_cell(network: Network, view: View, args: tuple[str, ...],
                value: object) -> View | None:
    """``cell SOURCE TARGET POLARITY``: show only the relations of one matrix square (of
    one polarity, or ``all``). The chosen square again clears it. The polarity belongs to
    the square: clearing the square leaves no filter behind."""
    if len(args) != 3 or not all(f in network.bounds.factions for f in args[:2]) or \
            args[2] not in MATRIX_POLARITIES:
        return None
    cell = (args[0], args[1], args[2])
    return replace(view, cell=None if cell == view.cell else cell)


def brush_years(network: Network, view: View, args: tuple[str, ...],
                value: object) -> View | None:
    """A horizontal selection on the timeline sets the period filter to the years it touches."""
    years = brushed_years(value, network.bounds.years)
    if years is None:
        return None
    return replace(view, years=None if years == network.bounds.years else years)


def pick_voice(network: Network, view: View, args: tuple[str, ...],
               value: object) -> View | None:
    """``claimant ID``: keep one claimant's claims; ``claimant _everyone``: everyone's."""
    key = args[0] if args else ""
    if key == EVERYONE:
        return replace(view, claimants=None)
    if key in network.bounds.claimants:
        return replace(view, claimants=normalize_ids([key], network.bounds.claimants))
    return None


ACTIONS: tuple[Action, ...] = (
    Action("cell", choose_cell),
    Action("clear-cell", lambda n, v, a, x: replace(v, cell=None) if v.cell else None),
    Action("brush", brush_years),
    Action("claimant", pick_voice),
)


# --- the answers: one callback ----------------------------------------------------------------

MEMO_SIZE = 64  # filter views whose analysis results are kept


def filters_of(view: View) -> View:
    """The part of a view the analysis depends on: the filters, not the selection or styling."""
    return replace(view, person="", relation="", color="faction", size="", present=False,
                   step=0, layout="force")


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


def _matrix_figure(network: Network, view: View, polarity: str) -> Figure:
    table = analysis.faction_matrix(network, view, None if polarity == "all" else polarity)
    return matrix_figure(table, network.corpus.factions, polarity, view.cell)


def _timeline_figure(network: Network, view: View) -> Figure:
    return timeline_figure(analysis.timeline(network, view), network.corpus.factions,
                           view.years)


def answers(network: Network, key: object, polarity: object, sort: object,
            memo: Callable | None = None) -> dict[str, object]:
    """Every answer of the tab for the view in ``key`` (a query string), by part."""
    get = memo or (lambda function, view, *args: function(network, view, *args))
    view = parse_query(key if isinstance(key, str) else "", network.bounds)
    polarity = polarity if isinstance(polarity, str) and polarity in MATRIX_POLARITIES \
        else "hostile"
    sort = sort if isinstance(sort, dict) and isinstance(sort.get("column"), str) \
        else DEFAULT_SORT
    table, ari = get(analysis.agreement, view)
    return {
        "matrix": get(_matrix_figure, view, polarity),
        "cell": cell_text(network.corpus, view),
        "no-cell": view.cell is None,
        "people": people_table(sort_people(get(analysis.people_measures, view), sort),
                               network.corpus, sort, view.person),
        "timeline": get(_timeline_figure, view),
        "voices": voice_panel(get(analysis.claimant_shares, view), network.corpus, view),
        "communities": community_panel(table, ari, network.corpus),
    }


def register(app: Dash, network: Network) -> None:
    memo = Memo(network)

    @app.callback(
        Output(ids.GRAPH_MATRIX, "children"), Output(ids.GRAPH_TIMELINE, "children"),
        Output({"type": ids.CHART_MATRIX, "id": ALL}, "figure"),
        Output({"type": ids.CHART_TIMELINE, "id": ALL}, "figure"),
        Output(ids.TEXT_CELL, "children"), Output(ids.BUTTON_CLEAR_CELL, "disabled"),
        Output(ids.DIV_PEOPLE_TABLE, "children"), Output(ids.DIV_VOICE, "children"),
        Output(ids.DIV_COMMUNITIES, "children"),
        Input(ids.STORE_ANALYSIS_KEY, "data"), Input(ids.RADIO_MATRIX_POLARITY, "value"),
        Input(ids.STORE_SORT, "data"), State(ids.GRAPH_MATRIX, "children"),
        prevent_initial_call=True,
    )
    def _answers(key, polarity, sort, mounted):
        """The sort headers set ``store-sort`` in the browser (``data-store``), so the
        people table drawn again holds no input of this callback."""
        out = answers(network, key, polarity, sort, memo)
        charts = ((no_update, no_update) if mounted else
                  ([chart(ids.CHART_MATRIX, out["matrix"])],
                   [chart(ids.CHART_TIMELINE, out["timeline"])]))
        count = len(ctx.outputs_list[2]), len(ctx.outputs_list[3])
        return (*charts, [out["matrix"]] * count[0], [out["timeline"]] * count[1],
                out["cell"], out["no-cell"], out["people"], out["voices"],
                out["communities"])

    app.clientside_callback(  # a chart click or brush becomes an action of the URL callback
        ClientsideFunction(namespace="ivanov", function_name="chartAction"),
        Output(ids.STORE_ACTION, "data", allow_duplicate=True),
        Input({"type": ids.CHART_MATRIX, "id": ALL}, "clickData"),
        Input({"type": ids.CHART_TIMELINE, "id": ALL}, "selectedData"),
        State(ids.RADIO_MATRIX_POLARITY, "value"), prevent_initial_call=True)
