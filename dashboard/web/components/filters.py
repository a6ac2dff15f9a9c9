"""The filter column: every filter of the view, each a control mirrored in the URL."""

from __future__ import annotations

from dash import dcc, html

from ...corpus.schema import RELATION_TYPES
from ...network.graph import Network
from ...network.view import FACTION_MODES, LAYOUTS
from .. import ids
from .common import action_button
from .reader import document_options


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
    """The filters, in a column that folds away (``folds`` in ``assets/walk.js``)."""
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
    ], id=ids.DIV_FILTERS, className="panel-filters", **{"aria-label": "Filters"})
