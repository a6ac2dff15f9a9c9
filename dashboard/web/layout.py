"""The component tree. Everything a view can change starts at its default here.

The graph gets the room: the filter column and the side panel fold away (the buttons at
either end of the graph's bar; ``store-folds`` remembers the choice in the browser), and
on a narrow screen the graph comes first.
"""

from __future__ import annotations

import dash_cytoscape as cyto
from dash import dcc, html

from ..network.drawing import drawing
from ..network.graph import Network
from ..network.styles import stylesheet
from ..network.view import PANEL_IGNORES
from . import ids
from .callbacks import CONTROLS
from .callbacks.url import show_view
from .components.analysis import analysis_panel
from .components.classroom import handout_section, stores, toolbar, walk_panel
from .components.common import by_id
from .components.detail import intro_panel
from .components.filters import filters
from .components.legend import counts_text, legend_json
from .components.plain import plain
from .components.reader import reader
from .components.table import table_frame

#: The elements carry their positions: the first layout only fits them to the screen.
START_LAYOUT = {"name": "preset", "fit": True, "padding": 30, "animate": False}
#: One notch of a mouse wheel zooms about 1.25 times (Cytoscape's default is about 2.5).
WHEEL_SENSITIVITY = 0.25
NOT_DRAWN = "(not drawn)"  # a panel key no URL gives: the panel is drawn on first opening


def _fold(label: str, id_: str, controls: str, title: str) -> html.Button:
    return html.Button(label, id=id_, n_clicks=0, className="tool tool-fold", type="button",
                       title=title, **{"aria-expanded": "true", "aria-controls": controls})


def graph_bar(network: Network) -> html.Div:
    """Fold the filters, the counts, the table view and the classroom tools, fold the
    side panel."""
    bar = toolbar()
    bar.children.insert(0, html.Button(
        "Table view", id=ids.BUTTON_TABLE_VIEW, className="tool tool-table",
        type="button", title="The people and relations shown, as a list and a table "
        "(keyboard and screen readers)",
        **{"aria-pressed": "false", "aria-controls": ids.DIV_TABLE_VIEW,
           "data-action": "table"}))
    return html.Div([
        _fold("Filters", ids.BUTTON_FOLD_FILTERS, ids.DIV_FILTERS, "Show or hide the filters"),
        html.P(counts_text(network, network.bounds.start), id=ids.TEXT_COUNTS, className="counts",
               **{"aria-live": "polite"}),
        bar,
        _fold("Details", ids.BUTTON_FOLD_SIDE, ids.DIV_SIDE,
              "Show or hide the details, the document and the analysis"),
    ], className="graph-bar")


def camera_buttons() -> html.Div:
    """Zoom in, zoom out and fit, over the graph (``assets/camera.js``)."""
    def button(text: str, what: str, title: str) -> html.Button:
        return html.Button(text, type="button", className="camera-button", title=title,
                           **{"data-camera": what, "aria-label": title})
    return html.Div([button("+", "in", "Zoom in"), button("−", "out", "Zoom out"),
                     button("⤢", "fit", "Fit the graph to the screen")],
                    className="camera", role="group", **{"aria-label": "Zoom"})


def graph_section(network: Network) -> html.Section:
    """The bar, the graph, the table view, the walk and the legend. The graph's camera is
    ``assets/camera.js``'s alone: dash-cytoscape's ``responsive`` would move it again on
    every resize."""
    return html.Section([
        graph_bar(network),
        html.Div([cyto.Cytoscape(
            id=ids.CYTOSCAPE_GRAPH, elements=drawing(network, network.bounds.start).elements(),
            stylesheet=stylesheet(network.corpus), layout=START_LAYOUT,
            autoRefreshLayout=False, responsive=False, minZoom=0.1, maxZoom=4,
            boxSelectionEnabled=False, wheelSensitivity=WHEEL_SENSITIVITY,
            style={"width": "100%", "height": "100%"}, className="graph"), camera_buttons()],
            className="graph-box", id=ids.DIV_GRAPH_BOX, tabIndex="-1"),
        html.Div(table_frame(), id=ids.DIV_TABLE_VIEW, className="table-view", hidden=True,
                 tabIndex="-1", role="region",
                 **{"aria-label": "The network as a list and a table"}),
        html.Div(html.Img(id=ids.IMG_PRINT, alt="The network as shown on screen",
                          className="print-graph"), className="print-only"),
        walk_panel(),
        html.Div(id=ids.DIV_LEGEND, className="legend",  # drawn by assets/lists.js
                 **{"data-legend": legend_json(network, network.bounds.start)}),
    ], id=ids.SECTION_GRAPH, className="panel-graph", **{"aria-label": "Network of relations"})


def side_panel(network: Network) -> html.Aside:
    """Details, the document reader and the analysis as three tabs; all stay mounted so the
    reader keeps its scroll position and a passage can be scrolled to at once."""
    return html.Aside([
        html.Div([
            html.Button("Details", id=ids.BUTTON_TAB_DETAIL, className="tab", role="tab",
                        **{"aria-selected": "true", "aria-controls": ids.DIV_DETAIL}),
            html.Button("Document", id=ids.BUTTON_TAB_READER, className="tab", role="tab",
                        **{"aria-selected": "false", "aria-controls": ids.DIV_READER}),
            html.Button("Analysis", id=ids.BUTTON_TAB_ANALYSIS, className="tab", role="tab",
                        **{"aria-selected": "false", "aria-controls": ids.DIV_ANALYSIS}),
        ], role="tablist", className="tabs", **{"aria-label": "Side panel"}),
        html.Div(id=ids.DIV_DETAIL, className="detail", role="tabpanel"),  # lists.js draws it
        html.Div(reader(network.corpus), id=ids.DIV_READER, className="reader",
                 role="tabpanel", tabIndex="0", **{"aria-label": "The document"}),
        html.Div(analysis_panel(network), id=ids.DIV_ANALYSIS, className="analysis",
                 role="tabpanel"),
    ], id=ids.DIV_SIDE, className="panel-side show-detail")


def header(network: Network) -> html.Header:
    about = network.corpus.about
    return html.Header([
        html.Div([html.H1(about.title), html.P(
            " ".join(t for t in (about.subtitle, about.caveat) if t), className="subtitle")],
            className="titles"),
        html.Div([
            html.Label("Find a person", htmlFor=ids.INPUT_SEARCH, className="label"),
            dcc.Input(id=ids.INPUT_SEARCH, type="search", debounce=False, autoComplete="off",
                      placeholder="Any spelling: Pak Hon-yong, Ho Ka-i, 박헌영…",
                      className="input-search"),
            html.Ul([], id=ids.LIST_SEARCH_RESULTS, className="search-results is-empty",
                    **{"aria-live": "polite"}),
        ], className="search", role="search"),
    ], className="app-header")


def skip_links() -> html.Nav:
    """The first tab stops: straight to the graph, or to its table view."""
    return html.Nav([html.A("Skip to the graph", href=f"#{ids.DIV_GRAPH_BOX}",
                            className="skip-link"),
                     html.A("Skip to the table view", href=f"#{ids.BUTTON_TABLE_VIEW}",
                            className="skip-link")],
                    className="skip-links", **{"aria-label": "Skip links"})


def config(network: Network) -> dict:
    """What the browser scripts need to know: the walk's length, the panels' keys."""
    return {"steps": len(network.walk), "panelIgnores": PANEL_IGNORES}


def build_layout(network: Network) -> html.Div:
    """The page at the start view: the graph, the controls (as the URL callback would set
    them) and the panels all show it, so a load at the start view posts nothing."""
    root = html.Div([
        skip_links(),
        dcc.Location(id=ids.URL, refresh=False),
        dcc.Store(id=ids.STORE_CONFIG, data=config(network)),
        # A store whose data is None is set (to undefined) when it mounts, which fires its
        # callbacks: every store a callback reads starts with a value.
        # The query the layout was built for, the start view's (always ""): a load at the
        # start view posts nothing, since ``passSearch`` passes on only a query that differs.
        dcc.Store(id=ids.STORE_SEARCH, data=""),
        dcc.Store(id=ids.STORE_ACTION, data={}),
        dcc.Store(id=ids.STORE_SELECTED_AT, data=0),
        dcc.Store(id=ids.STORE_JUMP, data={}),
        dcc.Store(id=ids.STORE_FOLDS, data={}, storage_type="local"),
        dcc.Store(id=ids.STORE_GRAPH_QUERY, data=""),  # the start view (``Bounds.start``)
        dcc.Store(id=ids.STORE_GRAPH_CHANGES, data={}),
        dcc.Store(id=ids.STORE_TAB, data="detail"),
        dcc.Store(id=ids.STORE_DETAIL_KEY, data=""),  # the intro panel, drawn below
        dcc.Store(id=ids.STORE_DETAIL_PANEL,
                  data=plain(intro_panel(network.corpus, network.bounds.start))),
        dcc.Store(id=ids.STORE_DETAIL_DRAWN, data=""),
        dcc.Store(id=ids.STORE_ANALYSIS_KEY, data=NOT_DRAWN),
        dcc.Store(id=ids.STORE_READER_KEY, data=NOT_DRAWN),
        dcc.Store(id=ids.STORE_READER_TEXT, data={}),
        dcc.Store(id=ids.STORE_READER_DRAWN, data=""),
        dcc.Store(id=ids.STORE_TABLE_VIEW, data=False),
        dcc.Store(id=ids.STORE_TABLE_QUERY, data={}),
        dcc.Store(id=ids.STORE_TABLE_ROWS, data={}),
        dcc.Store(id=ids.STORE_TABLE_DRAWN, data=""),
        *stores(),
        header(network),
        html.Main([filters(network), graph_section(network), side_panel(network)],
                  className="app-main"),
        handout_section(),
    ], id=ids.DIV_APP, className="app folds-auto")  # walk.js `frame` sets the classes
    show_view(root, network, network.bounds.start, CONTROLS)
    later(root)
    return root


#: ``later`` wraps each container's children in a ``dcc.Tabs`` named after it with this
#: suffix; its value goes from LATER to DRAWN (``assets/panels.js``).
LATER_SUFFIX, LATER, DRAWN = "-later", "later", "drawn"


def later(root: html.Div) -> None:
    """Hold the children of ``ids.DRAWN_AFTER_GRAPH`` (the filter column, the side panel,
    the table view) back until the graph is on screen.

    A class looks at the graph first, and drawing those hundred components (nine option
    lists that each measure themselves, the slider's and the menus' own scripts) and laying
    out the side panel's text before it kept the graph from the screen for about a
    tenth of the load (``benchmarks/README.md``). Each container's children become the
    second tab of a ``dcc.Tabs`` whose first tab is empty: Dash knows every component from
    the start (the callbacks, the URL's controls, ``show_view``'s values are unchanged),
    but React draws only the open tab. ``assets/panels.js`` opens the second tab once
    Cytoscape has drawn the graph; the boxes of the tabs are ``display: contents`` and
    their headers hidden (``frame.css``), so the page is laid out as without them, and
    the graph's box keeps its size. What the browser scripts write into a box not drawn
    yet waits for it (``fill`` in ``assets/lists.js``)."""
    found = by_id(root)
    for key in ids.DRAWN_AFTER_GRAPH:
        box = found[key]
        box.children = dcc.Tabs(
            id=key + LATER_SUFFIX, value=LATER, className="later-tabs",
            parent_className="later", content_className="later",
            children=[dcc.Tab(value=LATER), dcc.Tab(value=DRAWN, children=box.children)])
