"""Plotly figures for the analysis tab: the faction matrix and the timeline (no Dash).

Colours come from the corpus's factions (Okabe–Ito in the shipped data) and the
polarity colours of the graph; every count is also written as text or shown on hover,
so nothing is carried by colour alone.
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd
import plotly.graph_objects as go

from ...corpus.model import Faction
from ...network.styles import POLARITY_STYLES

FONT = dict(family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, "
                   "sans-serif", size=12, color="#1a1a1a")
#: The matrix's polarity choices: a polarity, or "all".
MATRIX_POLARITIES: dict[str, str] = {
    "hostile": "Hostile",
    "supportive": "Supportive",
    "neutral": "Neutral",
    "all": "All",
}
BAR_HALF = 0.4  # half a bar's width, in years (bargap 0.2)
AXIS_WORDS: dict[str, tuple[str, str]] = {  # (row title, column title) per polarity
    "hostile": ("Accuser's faction", "Faction of the accused"),
    "all": ("Faction of the actor", "Faction acted upon"),
}


def wrap(label: str, width: int = 14) -> str:
    """An axis label: a long label loses its parenthesis (hover shows it whole) and is
    broken into short lines with ``<br>`` (plotly's line break).

    >>> wrap("Pak Heon-yeong group (South Korean Workers' Party)")
    'Pak Heon-yeong<br>group'
    >>> wrap("Chinese (Yan'an) Koreans")
    "Chinese<br>(Yan'an)<br>Koreans"
    """
    if len(label) > 24 and " (" in label:
        label = label.split(" (")[0]
    return "<br>".join(textwrap.wrap(label, width)) or label


def _base(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left", font=dict(size=14)), font=FONT,
        height=height, margin=dict(l=8, r=8, t=36, b=8), paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff", hoverlabel=dict(font=dict(size=13)),
    )
    return fig


def matrix_figure(matrix: pd.DataFrame, factions: dict[str, Faction], polarity: str,
                  cell: tuple[str, ...] | None = None) -> go.Figure:
    """A heatmap of relations, actor's faction (rows) by faction acted upon (columns).

    Axis values are faction ids (so a click names the cell), shown as wrapped labels.
    The chosen ``cell`` is outlined.
    """
    rows, cols = list(matrix.index), list(matrix.columns)
    label = {f: factions[f].label if f in factions else f for f in rows + cols}
    row_title, col_title = AXIS_WORDS.get(polarity, AXIS_WORDS["all"])
    what = "relations" if polarity == "all" else f"{polarity} relations"
    color = POLARITY_STYLES.get(polarity, POLARITY_STYLES["mixed"])["color"]
    fig = go.Figure(go.Heatmap(
        z=matrix.to_numpy().tolist(), x=cols, y=rows, xgap=2, ygap=2,
        colorscale=[[0, "#f7f7f7"], [1, color]], zmin=0, showscale=False,
        texttemplate="%{z}", textfont=dict(size=13),
        customdata=[[[label[r], label[c]] for c in cols] for r in rows],
        hovertemplate=f"%{{customdata[0]}} → %{{customdata[1]}}<br>%{{z}} {what}"
                      "<extra></extra>",
    ))
    _base(fig, f"{what.capitalize()} from faction to faction", 420)
    fig.update_xaxes(title=dict(text=col_title, standoff=6), side="top", type="category",
                     tickvals=cols, ticktext=[wrap(label[c], 10) for c in cols],
                     tickangle=0, tickfont=dict(size=10), fixedrange=True)
    fig.update_yaxes(title=dict(text=row_title, standoff=4), autorange="reversed",
                     type="category", tickvals=rows, ticktext=[wrap(label[r]) for r in rows],
                     tickfont=dict(size=10), fixedrange=True)
    fig.update_layout(margin=dict(t=110), title=dict(y=0.98, yanchor="top"))
    if cell and cell[0] in rows and cell[1] in cols:
        x, y = cols.index(cell[1]), rows.index(cell[0])
        fig.add_shape(type="rect", x0=x - 0.5, x1=x + 0.5, y0=y - 0.5, y1=y + 0.5,
                      line=dict(color="#000000", width=3), fillcolor="rgba(0,0,0,0)")
    return fig


def timeline_figure(table: pd.DataFrame, factions: dict[str, Faction],
                    years: tuple[int, int] | None = None) -> go.Figure:
    """Stacked bars: relations per year they refer to, by faction of the one acted upon.

    The view's year range, if any, is shaded; dragging across the chart selects a new one.
    """
    fig = go.Figure()
    for faction in table.columns:
        if not table[faction].any():
            continue
        info = factions.get(faction)
        name = info.label if info else faction
        fig.add_bar(x=list(table.index), y=table[faction].tolist(),
                    name=wrap(name, 40).replace("<br>", " "),
                    marker=dict(color=info.color if info else "#999999",
                                line=dict(color="#222222", width=0.5)),
                    hovertemplate=f"%{{x}}: %{{y}} relations acting on {name}<extra></extra>")
    _base(fig, "Relations by the years they refer to", 330)
    fig.update_layout(
        barmode="stack", bargap=1 - 2 * BAR_HALF, dragmode="select", selectdirection="h",
        legend=dict(orientation="h", y=-0.12, yanchor="top", x=0, font=dict(size=10),
                    entrywidth=0.5, entrywidthmode="fraction", traceorder="normal",
                    title=dict(text="Acted upon:", side="top")),
        margin=dict(b=10),
    )
    fig.update_xaxes(title=None, dtick=1, tickformat="d", tickangle=0, fixedrange=True,
                     tickfont=dict(size=10),
                     range=[table.index.min() - 0.5, table.index.max() + 0.5])
    fig.update_yaxes(title=dict(text="Relations"), fixedrange=True, gridcolor="#e5e5e5")
    if years:
        fig.add_vrect(x0=years[0] - 0.5, x1=years[1] + 0.5, fillcolor="#ffbf47",
                      opacity=0.25, line_width=0, layer="below")
    return fig


def brushed_years(selected: object, span: tuple[int, int]) -> tuple[int, int] | None:
    """The years whose bars a horizontal selection touches (bars are 0.8 wide), clipped
    to ``span``; None for no usable selection.

    >>> brushed_years({"range": {"x": [1949.7, 1952.1]}}, (1945, 1955))
    (1950, 1952)
    >>> brushed_years({"range": {"x": [1949.5, 1949.55]}}, (1945, 1955)) is None
    True
    """
    try:
        low, high = sorted(float(v) for v in selected["range"]["x"])  # type: ignore[index]
    except (TypeError, KeyError, ValueError):
        return None
    if not (math.isfinite(low) and math.isfinite(high)):
        return None  # NaN or infinity: no years to brush
    first = max(math.ceil(low - BAR_HALF), span[0])
    last = min(math.floor(high + BAR_HALF), span[1])
    return (first, last) if first <= last else None
