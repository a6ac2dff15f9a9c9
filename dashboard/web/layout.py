"""The component tree. Everything a view can change starts at its default here."""

from __future__ import annotations

import dash_cytoscape as cyto
from dash import dcc, html

from ..corpus.schema import RELATION_TYPES
from ..network.drawing import drawing
from ..network.graph import Network
from ..network.styles import stylesheet
from ..network.view import FACTION_MODES, LAYOUTS, PANEL_IGNORES
from . import ids
from .components.analysis import analysis_panel
from .components.classroom import handout_section, stores, toolbar, walk_panel
from .components.common import action_button
from .components.detail import intro_panel
from .components.legend import legend
from .components.reader import document_options, reader


def _fieldset(legend_text: str, *children, hint: str = "", hidden: bool = False
              ) -> html.Fieldset:
    parts = [html.Legend(legend_text)]
    if hint:
        parts.append(html.P(hint, className="hint"))
    return html.Fieldset([*parts, *children], className="filter", hidden=hidden)


def _checklist(id_: str, options: list[dict], value: list[str]) -> dcc.Checklist:
    return dcc.Checklist(id=id_, options=options, value=value, className="checklist",
                         inputClassName="checklist-input", labelClassName="checklist-label")


def documents_filter(corpus) -> html.Fieldset:
    """Which documents' relations to show; hidden while the corpus has only one."""
    return _fieldset("Documents", html.Label(
        "Show relations cited from", htmlFor=ids.DROPDOWN_DOCUMENTS, className="visually-hidden"),
        dcc.Dropdown(id=ids.DROPDOWN_DOCUMENTS, options=document_options(corpus), value=[],
                     multi=True, placeholder=f"All {len(corpus.documents)} documents",
                     className="dropdown"),
        hint="Choose documents to see only the relations they record; none chosen shows all.",
        hidden=len(corpus.documents) < 2)


def filters(network: Network) -> html.Aside:
    corpus, bounds = network.corpus, network.bounds
    people = corpus.people
    low, high = bounds.years
    marks = {y: {"label": str(y)} for y in range(low, high + 1)
             if y in (low, high) or y % 5 == 0}
    return html.Aside([
        html.H2("Filters", className="visually-hidden"),
        _fieldset("Factions", _checklist(
            ids.CHECKLIST_FACTION,
            [{"label": html.Span([html.Span(className=f"swatch shape-{f.shape}",
                                            style={"backgroundColor": f.color}), f.label]),
              "value": f.id} for f in corpus.factions.values()],
            list(bounds.factions)),
            dcc.RadioItems(id=ids.RADIO_FACTION_MODE, className="radio",
                           options=[{"label": f"Relations {text}", "value": key}
                                    for key, text in FACTION_MODES.items()],
                           value="touching")),
        documents_filter(corpus),
        _fieldset("Polarity", _checklist(
            ids.CHECKLIST_POLARITY, [{"label": p, "value": p} for p in bounds.polarities],
            list(bounds.polarities))),
        _fieldset("Who claims it", _checklist(
            ids.CHECKLIST_CLAIMANT,
            [{"label": people[c].name if c in people else c, "value": c}
             for c in bounds.claimants], list(bounds.claimants)),
            hint="Most relations are Kim Il Sung's claims, as Ivanov reports them."),
        _fieldset("Years the relation refers to", html.Div(dcc.RangeSlider(
            id=ids.RANGESLIDER_YEARS, min=low, max=high, step=1, value=[low, high],
            marks=marks, allowCross=False, tooltip={"placement": "bottom"}),
            className="slider")),
        _fieldset("Relation type", _checklist(
            ids.CHECKLIST_TYPE,
            [{"label": html.Span(t, title=RELATION_TYPES[t]), "value": t} for t in bounds.types],
            list(bounds.types))),
        _fieldset("Display", _checklist(
            ids.CHECKLIST_OPTIONS,
            [{"label": "Hide people left without relations", "value": ids.OPTION_HIDE_ISOLATED}],
            []),
            html.Label("Layout", htmlFor=ids.RADIO_LAYOUT, className="label"),
            dcc.RadioItems(id=ids.RADIO_LAYOUT, className="radio", value="force",
                           options=[{"label": text, "value": key}
                                    for key, text in LAYOUTS.items()])),
        action_button("Reset all filters", "reset", "button-reset", id=ids.BUTTON_RESET),
    ], className="panel-filters", **{"aria-label": "Filters"})


def tools() -> html.Div:
    """The classroom toolbar, led by the switch to the table view."""
    bar = toolbar()
    bar.children.insert(0, html.Button(
        "Table view", id=ids.BUTTON_TABLE_VIEW, n_clicks=0, className="tool tool-table",
        title="The people and relations shown, as a list and a table (keyboard and screen "
              "readers)", **{"aria-pressed": "false", "aria-controls": ids.DIV_TABLE_VIEW}))
    return bar


#: The elements carry their positions: the first layout only fits them to the screen.
START_LAYOUT = {"name": "preset", "fit": True, "padding": 30, "animate": False}


def graph_section(network: Network) -> html.Section:
    return html.Section([
        html.Div([html.P(id=ids.TEXT_COUNTS, className="counts", **{"aria-live": "polite"}),
                  tools()], className="graph-bar"),
        html.Div(cyto.Cytoscape(
            id=ids.CYTOSCAPE_GRAPH, elements=drawing(network, network.bounds.start).elements(),
            stylesheet=stylesheet(network.corpus), layout=START_LAYOUT,
            autoRefreshLayout=False, responsive=True, minZoom=0.2, maxZoom=4,
            boxSelectionEnabled=False,
            style={"width": "100%", "height": "100%"}, className="graph"), className="graph-box"),
        html.Div(id=ids.DIV_TABLE_VIEW, className="table-view", hidden=True,
                 role="region", **{"aria-label": "The network as a list and a table"}),
        walk_panel(),
        html.Div(legend(network, network.bounds.start), id=ids.DIV_LEGEND, className="legend"),
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
        html.Div(intro_panel(network.corpus, network.bounds.start), id=ids.DIV_DETAIL,
                 className="detail", role="tabpanel"),
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


NOT_DRAWN = "(not drawn)"  # a panel key no URL gives: the panel is drawn on first opening


def config(network: Network) -> dict:
    """What the browser scripts need to know: the walk's length, the panels' keys."""
    return {"steps": len(network.walk), "panelIgnores": PANEL_IGNORES}


def build_layout(network: Network) -> html.Div:
    return html.Div([
        dcc.Location(id=ids.URL, refresh=False),
        dcc.Store(id=ids.STORE_CONFIG, data=config(network)),
        # A store whose data is None is set (to undefined) when it mounts, which fires its
        # callbacks: every store a callback reads starts with a value.
        dcc.Store(id=ids.STORE_ACTION, data={}),
        dcc.Store(id=ids.STORE_SELECTED_AT, data=0),
        dcc.Store(id=ids.STORE_JUMP, data={}),
        dcc.Store(id=ids.STORE_GRAPH_QUERY, data=""),  # the start view (``Bounds.start``)
        dcc.Store(id=ids.STORE_GRAPH_CHANGES, data={}),
        dcc.Store(id=ids.STORE_TAB, data="detail"),
        dcc.Store(id=ids.STORE_DETAIL_KEY, data=""),  # the intro panel, drawn below
        dcc.Store(id=ids.STORE_ANALYSIS_KEY, data=NOT_DRAWN),
        dcc.Store(id=ids.STORE_TABLE_VIEW, data=False),
        dcc.Store(id=ids.STORE_TABLE_QUERY, data={}),
        *stores(),
        header(network),
        html.Main([filters(network), graph_section(network), side_panel(network)],
                  className="app-main"),
        handout_section(),
    ], id=ids.DIV_APP, className="app")
