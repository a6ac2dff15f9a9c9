"""The analysis tab: five questions asked of the network, each with a plain-words caption.

The static tree is built once (``analysis_panel``); the parts that follow the filters are
rendered by the functions below from ``analysis`` results, as components (corpus text is
always children, never HTML).
"""

from __future__ import annotations

import json

import pandas as pd
from dash import dcc, html

from ...corpus.model import Corpus
from ...network.graph import Network
from ...network.styles import community_color
from ...network.view import COLORINGS, MEASURES, View
from .. import ids
from .charts import MATRIX_POLARITIES
from .common import action_button, person_button, swatch

NO_SIZE = "none"  # the size dropdown's value for "every node the same size"
EVERYONE = "_everyone"  # the voice button that shows every claimant's claims
COLUMNS: dict[str, str] = {  # people table: column -> heading
    "name": "Name", "accused": "Accused by", "accuses": "Accuses", "degree": "Degree",
    "betweenness": "Betweenness", "pagerank": "PageRank",
}
HEADING_LINES: dict[str, tuple[str, ...]] = {  # headings broken to fit a narrow panel
    "accused": ("Accused", "by"), "betweenness": ("Between-", "ness"),
    "pagerank": ("Page-", "Rank"),
}
DEFAULT_SORT = {"column": "accused", "descending": True}
GRAPH_CONFIG = {"displaylogo": False, "responsive": True,
                "modeBarButtonsToRemove": ["lasso2d", "zoom2d", "pan2d", "zoomIn2d",
                                           "zoomOut2d", "autoScale2d", "resetScale2d"]}


def _section(title: str, caption: str, *children, name: str) -> html.Section:
    return html.Section([html.H3(title), html.P(caption, className="caption"), *children],
                        className=f"analysis-section analysis-{name}",
                        **{"aria-label": title})


def _choice(legend: str, radio: dcc.RadioItems) -> html.Fieldset:
    """A row of radio buttons named by a legend, so a screen reader says what they choose."""
    return html.Fieldset([html.Legend(legend, className="label"), radio], className="choice")


def analysis_panel(network: Network) -> list:
    low, high = network.bounds.years
    return [
        html.H2("Asking questions of the network"),
        html.P("Every chart here counts what the filters on the left show, and clicking "
               "them changes those filters.", className="hint"),
        _section(
            "Who accuses whom, faction by faction",
            "Each square counts relations from members of the row's faction to members of "
            "the column's faction. Click a square to show only those relations in the graph.",
            _choice("Relations counted", dcc.RadioItems(
                id=ids.RADIO_MATRIX_POLARITY, value="hostile", inline=True,
                className="radio radio-inline",
                options=[{"label": t, "value": k} for k, t in MATRIX_POLARITIES.items()])),
            html.Div(id=ids.GRAPH_MATRIX, className="chart-box"),
            html.Div([html.P(id=ids.TEXT_CELL, className="meta", **{"aria-live": "polite"}),
                      action_button("Show every square", "clear-cell", "button-small",
                                    id=ids.BUTTON_CLEAR_CELL, disabled=True)],
                     className="cell-line"),
            name="matrix"),
        _section(
            "Who is accused most",
            "The people the filters show, ranked. Accused by and Accuses count hostile "
            "relations; betweenness is high for people who link otherwise separate accusers "
            "and accused; PageRank is high for people accused often, or accused by people "
            "who are themselves much accused. Click a name to select the person.",
            html.Div([html.Label("Size nodes by", htmlFor=ids.DROPDOWN_SIZE, className="label"),
                      dcc.Dropdown(id=ids.DROPDOWN_SIZE, value=NO_SIZE, clearable=False,
                                   searchable=False, className="dropdown",
                                   options=[{"label": "The same size for everyone",
                                             "value": NO_SIZE},
                                            *({"label": t, "value": k}
                                              for k, t in MEASURES.items())])],
                     className="size-line"),
            dcc.Store(id=ids.STORE_SORT, data=DEFAULT_SORT),
            html.Div(id=ids.DIV_PEOPLE_TABLE, className="people-box"),
            name="people"),
        _section(
            "When did the alleged misdeeds happen?",
            "Bars count relations by the years they refer to, coloured by the faction of the "
            "person acted upon; a relation about several years counts once in each. Drag "
            f"across the chart to set the period filter ({low}–{high}).",
            html.Div(id=ids.GRAPH_TIMELINE, className="chart-box"),
            name="timeline"),
        _section(
            "Whose voice?",
            "Almost every relation is Kim Il Sung's account of his rivals, written down "
            "second-hand by the Soviet ambassador, so the network shows what Kim wanted "
            "Moscow to hear, not what the accused did.",
            html.Div(id=ids.DIV_VOICE),
            name="voice"),
        _section(
            "Does the network group people the way the factions do?",
            "A community-detection algorithm (Louvain) groups people who share many "
            "relations without knowing their factions; the table compares its groups with "
            "the factions declared in the data, which largely follow the regime's own "
            "sorting. Coloured by group, nodes take the colours of the table's columns and "
            "keep their faction's shape.",
            _choice("Colour nodes by", dcc.RadioItems(
                id=ids.RADIO_COLOR, value="faction", inline=True, className="radio radio-inline",
                options=[{"label": t, "value": k} for k, t in COLORINGS.items()])),
            html.Div(id=ids.DIV_COMMUNITIES),
            name="communities"),
    ]


def chart(kind: str, figure: object) -> dcc.Graph:
    """A chart of the tab, mounted into its box when the tab first opens: a ``dcc.Graph`` in
    the first page would make every visitor load plotly.js (4.7 MB) before the network."""
    return dcc.Graph(id={"type": kind, "id": "chart"}, figure=figure, config=GRAPH_CONFIG,
                     className="chart")


# --- the parts that follow the filters -------------------------------------------------------


def cell_text(corpus: Corpus, view: View) -> str:
    if not view.cell:
        return "No square chosen: the graph shows every faction pair."
    source, target = (corpus.factions[f].label for f in view.cell[:2])
    kind = "" if view.cell[2] == "all" else f"{view.cell[2]} "
    return f"The graph shows only {kind}relations from {source} to {target}."


def sort_people(table: pd.DataFrame, sort: dict | None) -> pd.DataFrame:
    """The table sorted by a column of ``COLUMNS``; ties by name. Unknown sorts give the default."""
    sort = sort if isinstance(sort, dict) and sort.get("column") in COLUMNS else DEFAULT_SORT
    column, descending = sort["column"], bool(sort.get("descending"))
    if column == "name":
        return table.sort_values("name", ascending=not descending, kind="stable")
    return table.sort_values([column, "name"], ascending=[not descending, True], kind="stable")


def _number(column: str, value: float) -> str:
    return f"{value:.3f}" if column in ("betweenness", "pagerank") else str(int(value))


def people_table(table: pd.DataFrame, corpus: Corpus, sort: dict, selected: str) -> html.Table:
    """The people table; a header button sorts, a name selects the person."""
    head = []
    for column, heading in COLUMNS.items():
        order = "none"
        if column == sort.get("column"):
            order = "descending" if sort.get("descending") else "ascending"
        arrow = {"descending": " ▼", "ascending": " ▲"}.get(order, "")
        lines = HEADING_LINES.get(column, (heading,))
        text = [part for line in lines[:-1] for part in (line, html.Br())] + [lines[-1] + arrow]
        following = {"column": column, "descending": column != "name"}
        if column == sort.get("column"):
            following = {"column": column, "descending": not sort.get("descending")}
        head.append(html.Th(html.Button(
            text, className="sort", type="button", title=f"Sort by {heading.lower()}",
            **{"aria-label": heading, "data-store": ids.STORE_SORT,
               "data-value": json.dumps(following)}), scope="col", **{"aria-sort": order}))
    rows = []
    for person_id, row in table.iterrows():
        name = person_button(corpus.people[person_id], "link row-link")
        rows.append(html.Tr(
            [html.Th(html.Span([swatch(corpus, row["faction"]), name], className="name-cell"),
                     scope="row")]
            + [html.Td(_number(c, row[c]), className="num") for c in list(COLUMNS)[1:]],
            className="is-selected" if person_id == selected else None))
    caption = html.Caption(f"{len(rows)} people and groups shown", className="visually-hidden")
    return html.Table([caption, html.Thead(html.Tr(head)), html.Tbody(rows)],
                      className="people-table")


def claimant_label(corpus: Corpus, claimant: str) -> str:
    """The claimant's name, marked as the author's own narration when they wrote a document."""
    person = corpus.people.get(claimant)
    name = person.name if person else claimant
    if any(d.author == name for d in corpus.documents.values()):
        return f"{name} (the author's own narration)"
    return name


def voice_panel(shares: pd.DataFrame, corpus: Corpus, view: View) -> list:
    """Each claimant's share of the shown relations, and buttons to keep only one voice."""
    bars = [html.Li([
        html.Span(claimant_label(corpus, c), className="voice-name"),
        html.Span(html.Span(className="voice-fill", style={"width": f"{row.share:.0%}"}),
                  className="voice-bar", role="img",
                  **{"aria-label": f"{row.share:.0%} of the relations shown"}),
        html.Span(f"{int(row.relations)} ({row.share:.0%})", className="voice-count"),
    ], className="voice") for c, row in shares.iterrows()]
    current = view.claimants[0] if view.claimants and len(view.claimants) == 1 else (
        EVERYONE if view.claimants is None else "")
    options = [(EVERYONE, "Everyone's claims")] + [
        (c, f"Only {claimant_label(corpus, c).split(' (')[0]}'s") for c in shares.index]
    buttons = [action_button(text, f"claimant {key}", "toggle",
                             **{"aria-pressed": str(key == current).lower()})
               for key, text in options]
    return [html.Ul(bars, className="voices"),
            html.Div(buttons, className="toggles", role="group",
                     **{"aria-label": "Show the claims of"})]


def agreement_words(ari: float | None) -> str:
    """The adjusted Rand index in plain words.

    >>> agreement_words(0.13)
    'weak: the network groups people little better than chance would'
    """
    if ari is None:
        return "too few people with relations to compare"
    if ari >= 0.8:
        return "very close: the network groups people almost exactly as the factions do"
    if ari >= 0.5:
        return "substantial: the groups largely follow the factions"
    if ari >= 0.2:
        return "partial: some groups follow the factions, others cut across them"
    return "weak: the network groups people little better than chance would"


def community_panel(table: pd.DataFrame, ari: float | None, corpus: Corpus) -> list:
    """Declared faction (rows) by detected community (columns), with the agreement score."""
    score = html.P([html.Strong("Agreement with the declared factions: "),
                    f"{ari:.2f} — " if ari is not None else "", agreement_words(ari)],
                   className="note")
    if table.empty:
        return [score]
    head = html.Tr([html.Th("Faction \\ group", scope="col")] + [
        html.Th([html.Span(className="swatch swatch-community",
                           style={"backgroundColor": community_color(int(c))}),
                 str(int(c) + 1)], scope="col", title=f"Detected group {int(c) + 1}")
        for c in table.columns])
    rows = [html.Tr([html.Th([swatch(corpus, f), corpus.factions[f].label], scope="row")]
                    + [html.Td(str(int(n)) if n else "·", className="num") for n in values])
            for f, values in zip(table.index, table.to_numpy().tolist(), strict=True)]
    return [score, html.Table([
        html.Caption("People in each declared faction (rows) placed in each detected "
                     "group (columns, numbered by size)"),
        html.Thead(head), html.Tbody(rows)], className="contingency"),
        html.P("The adjusted Rand index (Hubert & Arabie 1985) is 1 when the groups are "
               "exactly the factions and about 0 when they agree no more than chance; only "
               "people with at least one relation shown are counted.", className="hint")]
