"""Classroom mode as components: the toolbar, the walk panel and the printable handout.

The static parts are built once; ``step_body`` and ``handout`` are rendered by the
callbacks in ``callbacks/story.py`` and ``callbacks/export.py``. Corpus text always
goes in as children (plain text), never as HTML.
"""

from __future__ import annotations

from dash import dcc, html

from ...corpus.model import Corpus, Relation
from ...network.exports import caption
from ...network.graph import Network, shown
from ...network.story import SHORT, step_passages
from ...network.view import View
from .. import ids
from .common import action_button, marked, person_button, verb, years
from .legend import legend

EXPORT_LABELS: dict[str, str] = {
    "nodes-csv": "People (CSV)",
    "edges-csv": "Relations (CSV)",
    "gexf": "Network for Gephi (GEXF)",
    "graphml": "Network for Cytoscape (GraphML)",
    "annotations": "Relations as Web Annotations (JSON-LD)",
}


def _tool(label: str, id_: str, title: str, **extra) -> html.Button:
    return html.Button(label, id=id_, className="tool", title=title, n_clicks=0, type="button",
                       **extra)


def toolbar() -> html.Div:
    """Walk, projector, full screen, controls and exports: one row above the graph."""
    exports = [html.Button("Picture (PNG, high resolution)", id=ids.BUTTON_EXPORT_PNG,
                           n_clicks=0, className="menu-item"),
               html.Button("Picture (SVG)", id=ids.BUTTON_EXPORT_SVG, n_clicks=0,
                           className="menu-item")]
    exports += [html.Button(label, id={"type": ids.BUTTON_EXPORT, "id": key}, n_clicks=0,
                            className="menu-item") for key, label in EXPORT_LABELS.items()]
    exports.append(html.Button("Handout (print or save as PDF)", id=ids.BUTTON_HANDOUT,
                               n_clicks=0, className="menu-item"))
    return html.Div([
        _tool("Guided walk", ids.BUTTON_WALK, "Read the document step by step "
              "as the network grows (arrow keys move between steps)",
              **{"aria-pressed": "false", "data-action": "walk"}),
        _tool("Projector view", ids.BUTTON_PRESENT, "Large text and high contrast for a "
              "projector", **{"aria-pressed": "false", "data-action": "present"}),
        _tool("Full screen", ids.BUTTON_FULLSCREEN, "Fill the screen (Esc to leave)"),
        _tool("Show controls", ids.BUTTON_CONTROLS, "Show the filters and the side panel",
              **{"aria-expanded": "false"}),
        html.Details([html.Summary("Export", className="tool"),
                      html.Div(exports, className="menu", role="menu")],
                     className="export-menu"),
    ], className="toolbar", role="toolbar", **{"aria-label": "Views and classroom tools"})


def walk_panel() -> html.Section:
    """The step being read; the buttons stay in the tree so the keys always find them."""
    return html.Section([
        html.Div(id=ids.DIV_WALK_BODY, className="walk-body"),
        html.Div([
            action_button("◀ Previous", "step previous", "walk-button",
                          "Previous step (← ↑ or Page Up)", id=ids.BUTTON_STEP_PREV,
                          disabled=True),
            action_button("Next ▶", "step next", "walk-button walk-next",
                          "Next step (→ ↓ space or Page Down)", id=ids.BUTTON_STEP_NEXT,
                          disabled=True),
        ], className="walk-nav"),
    ], id=ids.DIV_WALK, className="panel-walk", **{"aria-label": "Guided walk"})


def step_body(network: Network, number: int) -> list:
    """The head ("Step 7 of 17: …"), the passage with its marks, and who is new."""
    corpus, walk = network.corpus, network.walk
    step = walk.step(number)
    if step is None:
        return []
    doc = corpus.documents.get(step.document)
    paras = [html.P([html.Span(f"¶{p.paragraph.number}", className="para-num",
                               **{"aria-hidden": "true"}),
                     *marked(p)],
                    className="walk-para" + (" has-relations" if p.relations else "")
                    + (" is-short" if len(p.paragraph.text) < SHORT else ""))
             for p in step_passages(corpus, walk, number)]
    newcomers = walk.newcomers(corpus, number)
    return [
        html.Div([
            html.P(f"Step {number} of {len(walk)}", className="walk-count"),
            html.H2(step.title, className="walk-title"),
            html.P(step.summary, className="walk-summary") if step.summary else None,
            html.P(f"{doc.title if doc else step.document}, {step.citation}",
                   className="walk-source"),
        ], className="walk-head", **{"aria-live": "polite"}),
        html.Div(paras, className="walk-text", key=f"walk-text-{number}", tabIndex="0",
                 role="region", **{"aria-label": "The step's text"}),
        html.P([html.Span("New in this step: " if newcomers else "No one new in this step.",
                          className="walk-new-label"),
                *[person_button(corpus.people[a], "chip chip-new")
                  for a in newcomers if a in corpus.people]], className="walk-new"),
    ]


def handout_section() -> html.Section:
    return html.Section(id=ids.DIV_HANDOUT, className="handout",
                        **{"aria-label": "Printable handout"})


def handout(network: Network, view: View) -> list:
    """The graph (its picture is filled in by the browser), the legend, the relations."""
    corpus = network.corpus
    about = corpus.about
    rels = sorted((corpus.relations[r] for r in shown(network, view).relations),
                  key=lambda r: (r.document, r.paragraph, r.id))
    sources = [f"{d.author}, {d.title} ({d.date}), {d.archive_ref}."
               for d in corpus.documents.values()][:3]
    return [
        html.H1(about.title),
        html.P([about.subtitle, " ", about.caveat], className="handout-source"),
        html.P(" ".join(sources), className="handout-source"),
        html.P(caption(network, view), className="handout-caption"),
        html.Img(id=ids.IMG_HANDOUT, alt="The network as shown on screen",
                 className="handout-graph"),
        html.Div(legend(network, view), className="legend handout-legend"),
        html.H2(f"The relations shown ({len(rels)})"),
        html.Table([
            html.Thead(html.Tr([html.Th(h) for h in ("Who", "Does what", "To whom",
                                                     "Claimed by", "Years", "Quote",
                                                     "Citation")])),
            html.Tbody([_row(corpus, r) for r in rels]),
        ], className="handout-table"),
        html.P(" ".join(dict.fromkeys(d.rights for d in corpus.documents.values())),
               className="handout-rights"),
    ]


def _row(corpus: Corpus, rel: Relation) -> html.Tr:
    name = {p: corpus.people[p].name if p in corpus.people else p
            for p in (rel.source, rel.target, rel.claimant, rel.against) if p}
    target = name[rel.target] + (f", against {name[rel.against]}" if rel.against else "")
    return html.Tr([html.Td(name[rel.source]),
                    html.Td(verb(rel.type), className=f"polarity-{rel.polarity}"),
                    html.Td(target), html.Td(name[rel.claimant]),
                    html.Td(years(rel)), html.Td(f"“{rel.quote}”", className="quote"),
                    html.Td(rel.citation, className="citation-cell")])


def stores() -> list:
    """The invisible parts: the step drawn, the picture asked for, the download."""
    return [dcc.Store(id=ids.STORE_STEP_KEY, data=""), dcc.Store(id=ids.STORE_PICTURE, data={}),
            dcc.Store(id=ids.STORE_WALK_PANEL, data=[]),
            dcc.Store(id=ids.STORE_WALK_DRAWN, data=""),
            dcc.Store(id=ids.STORE_CAMERA, data=""),
            dcc.Store(id=ids.STORE_EXPORTED, data=""), dcc.Download(id=ids.DOWNLOAD_EXPORT)]
