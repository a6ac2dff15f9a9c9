"""The callbacks as plain functions, on the Network of tests/fixtures/valid/.

The fixture: factions partisan, soviet, domestic; six people; four relations, two of
them merged on the edge hegai -> kim-yeol. Every relation is claimed by kim-il-sung,
so the claimant checklist has one box. Years run from 1948 to 1955.

Every view-changing button carries ``data-action="NAME ARG…"``; the browser sends it to
``store-action``, and ``url.sync`` is the one place it is applied. Here the actions are
sent to ``sync`` as the browser would send them.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from dash import dcc, html, no_update
from dash.development.base_component import Component

from dashboard.corpus import Alias, Corpus, Document, Paragraph, Person, Relation
from dashboard.network.arrays import Drawing
from dashboard.network.drawing import cytoscape_layout, drawing
from dashboard.network.graph import Network
from dashboard.network.passages import PassageIndex
from dashboard.network.search import SearchIndex
from dashboard.network.styles import DIM_RULE
from dashboard.network.view import View, parse_query, to_query
from dashboard.web import ids
from dashboard.web.callbacks import url
from dashboard.web.callbacks.detail import panel, results
from dashboard.web.callbacks.graph import counts_text, redraw
from dashboard.web.components.common import by_id
from dashboard.web.components.detail import intro_panel, person_panel, relation_panel
from dashboard.web.components.search import search_results
from dashboard.web.components.table import table_rows
from tests.changes import apply_changes, keyed
from tests.components import text_of

DEFAULT_CONTROLS = (["partisan", "soviet", "domestic"], "touching",
                    ["criticizes", "recommends", "associates", "protects"],
                    ["hostile", "supportive", "neutral"], ["kim-il-sung"], [1948, 1955], [],
                    "force", [])
PROTECTS, RECOMMENDS = "hegai-protects-kim-yeol", "hegai-recommends-kim-yeol"
HOSTILE = "<script>alert(1)</script>"
HOSTILE_ALIAS = "<img src=x onerror=alert(1)>"
CONTROLS = tuple(c.id for c in url.CORE_CONTROLS)
GRAPH = ids.CYTOSCAPE_GRAPH
ACTION = ids.STORE_ACTION + ".data"


@pytest.fixture(scope="module")
def net(valid_network: Network) -> Network:
    return valid_network


@pytest.fixture(scope="module")
def passages(valid_passages: PassageIndex) -> PassageIndex:
    return valid_passages


@pytest.fixture(scope="module")
def index(valid_search: SearchIndex) -> SearchIndex:
    return valid_search


def controls_for(net: Network, view: View) -> tuple:
    return tuple(c.write(net, view) for c in url.CORE_CONTROLS)


def sync(net: Network, trigger: str | None, value: object, search: str | None,
         values: tuple) -> tuple:
    """The URL callback with the core controls and actions."""
    return url.sync(net, trigger, value, search, values)


def act(net: Network, action: object, search: str, values: tuple | None = None) -> tuple:
    """Send ``action`` (``data-action``'s text, or a raw store value) to the URL callback,
    with the controls showing ``search``."""
    value = {"action": action, "at": 1} if isinstance(action, str) else action
    return sync(net, ACTION, value, search, values or shown(net, search))


def url_only(result: tuple) -> object:
    """The URL a ``sync`` result writes, after checking that no control changes."""
    assert len(result) == 2 + len(CONTROLS)
    assert all(value is no_update for value in result[2:])
    return result[0]


def selected(result: tuple) -> object:
    """The URL of a ``sync`` result that selected something (which opens the Details tab)."""
    assert result[1] is True
    return url_only(result)


def with_control(name: str, value: object) -> tuple:
    values = list(copy.deepcopy(DEFAULT_CONTROLS))
    values[CONTROLS.index(name)] = value
    return tuple(values)


def shown(net: Network, search: str) -> tuple:
    """The control values while ``search`` is in the URL (the URL callback wrote them)."""
    return controls_for(net, parse_query(search, net.bounds))


# --- sync: the URL and the controls -----------------------------------------------------------


def test_default_controls_match_the_fixture(net: Network) -> None:
    assert controls_for(net, View()) == DEFAULT_CONTROLS


def _values(tree: Component, controls: tuple) -> list:
    found = by_id(tree)
    return [getattr(found[c.id], c.prop) for c in controls]


def test_the_layout_shows_the_start_view_in_every_control(net: Network) -> None:
    """A load at the start view posts nothing, so the layout's controls must already say
    what the URL callback would write for it, the analysis tab's included: a corpus whose
    start view is not the default one (the first of many documents) opens right."""
    from dashboard.web.callbacks import CONTROLS
    from dashboard.web.layout import build_layout
    start = View(documents=("ivanov-1955-12-07",), hide_isolated=True, layout="faction",
                 color="community")
    shifted = dataclasses.replace(net, bounds=dataclasses.replace(net.bounds, start=start))
    for network, view in ((net, View()), (shifted, start)):
        assert network.bounds.start == view
        assert _values(build_layout(network), CONTROLS) == [
            c.write(network, view) for c in CONTROLS]
    assert _values(build_layout(shifted), url.CORE_CONTROLS)[-3:] == [
        [ids.OPTION_HIDE_ISOLATED], "faction", ["ivanov-1955-12-07"]]


def test_the_panels_wait_for_the_graph_and_dash_knows_them_from_the_start(
        net: Network) -> None:
    """The filter column, the side panel and the table view are drawn once the graph is on
    screen: each behind a closed ``dcc.Tabs`` (React draws nothing of it) that still holds
    every component, so the callbacks and the URL's controls find them from the start.
    What a class sees first (the graph, the bar, the search box, the legend) is not held."""
    from dashboard.web.callbacks import CONTROLS
    from dashboard.web.layout import DRAWN, LATER, LATER_SUFFIX, build_layout
    tree = build_layout(net)
    found = by_id(tree)
    held: set[str] = set()
    for key in ids.DRAWN_AFTER_GRAPH:
        tabs = found[key].children
        assert isinstance(tabs, dcc.Tabs) and tabs.id == key + LATER_SUFFIX
        assert tabs.value == LATER
        first, second = tabs.children
        assert first.value == LATER and not getattr(first, "children", None)
        assert second.value == DRAWN and by_id(second)
        held |= set(by_id(second))
    assert {c.id for c in CONTROLS} <= set(found)
    assert {ids.CHECKLIST_FACTION, ids.BUTTON_TAB_DETAIL, ids.DIV_DETAIL,
            ids.LIST_PEOPLE} <= held
    assert not held & {ids.CYTOSCAPE_GRAPH, ids.INPUT_SEARCH, ids.DIV_LEGEND,
                       ids.TEXT_COUNTS, ids.BUTTON_FOLD_FILTERS, ids.BUTTON_FOLD_SIDE,
                       ids.DIV_WALK, ids.URL, ids.STORE_SEARCH}
    # assets/panels.js opens them: the value it sets, the box it finds them by
    script = (Path(__file__).parents[1] / "assets" / "panels.js").read_text(encoding="utf-8")
    assert f'{{value: "{DRAWN}"}}' in script and ids.DIV_APP in script


def test_a_control_missing_from_the_layout_is_an_error(net: Network) -> None:
    lone = html.Div([dcc.Checklist(id=ids.CHECKLIST_FACTION, options=[], value=[])])
    with pytest.raises(ValueError, match=ids.RADIO_FACTION_MODE):
        url.show_view(lone, net, View(), url.CORE_CONTROLS)


@pytest.mark.parametrize("trigger", [None, ids.STORE_SEARCH + ".data"])
def test_a_url_sets_the_controls_and_is_left_alone(net: Network, trigger: str | None) -> None:
    search = "?faction=soviet&type=protects&from=1950&isolated=hide&layout=faction&person=hegai"
    address, selected, *values = sync(net, trigger, search, search, DEFAULT_CONTROLS)
    assert address is no_update and selected is no_update
    assert tuple(values) == (["soviet"], "touching", ["protects"],
                             ["hostile", "supportive", "neutral"], ["kim-il-sung"], [1950, 1955],
                             [ids.OPTION_HIDE_ISOLATED], "faction", [])


@pytest.mark.parametrize("search", ["", None, "?faction=nope&layout=<script>", "?" + "x" * 5000])
def test_a_bad_url_sets_default_controls(net: Network, search: str | None) -> None:
    assert sync(net, ids.STORE_SEARCH + ".data", search, search, ()) == (
        no_update, no_update, *DEFAULT_CONTROLS)


@pytest.mark.parametrize(("name", "value", "query"), [
    (ids.CHECKLIST_FACTION, ["domestic", "soviet"], "?faction=soviet%2Cdomestic&person=hegai"),
    (ids.CHECKLIST_FACTION, [], "?faction=-&person=hegai"),
    (ids.CHECKLIST_FACTION, ["soviet", "partisan", "domestic"], "?person=hegai"),
    (ids.RADIO_FACTION_MODE, "between", "?mode=between&person=hegai"),
    (ids.RADIO_FACTION_MODE, "sideways", "?person=hegai"),
    (ids.CHECKLIST_TYPE, ["protects", "criticizes"], "?type=criticizes%2Cprotects&person=hegai"),
    (ids.CHECKLIST_POLARITY, ["hostile"], "?polarity=hostile&person=hegai"),
    (ids.CHECKLIST_CLAIMANT, [], "?claimant=-&person=hegai"),
    (ids.RANGESLIDER_YEARS, [1950, 1952], "?from=1950&to=1952&person=hegai"),
    (ids.RANGESLIDER_YEARS, [1940, 1960], "?person=hegai"),
    (ids.RANGESLIDER_YEARS, None, "?person=hegai"),
    (ids.CHECKLIST_OPTIONS, [ids.OPTION_HIDE_ISOLATED], "?isolated=hide&person=hegai"),
    (ids.RADIO_LAYOUT, "concentric", "?layout=concentric&person=hegai"),
    (ids.RADIO_LAYOUT, "spiral", "?person=hegai"),
    (ids.DROPDOWN_DOCUMENTS, ["ivanov-1955-12-07"], "?person=hegai"),  # every document
    (ids.DROPDOWN_DOCUMENTS, "nonsense", "?person=hegai"),
])
def test_a_control_writes_the_query_and_keeps_the_selection(net: Network, name: str,
                                                            value: object, query: str) -> None:
    result = sync(net, f"{name}.value", value, "?person=hegai", with_control(name, value))
    assert result[1] is no_update  # a filter selects nothing: the Details tab stays as it is
    assert url_only(result) == query


def test_a_control_keeps_a_selected_relation(net: Network) -> None:
    address, *_ = sync(net, f"{ids.RADIO_LAYOUT}.value", "faction", f"?relation={PROTECTS}",
                       with_control(ids.RADIO_LAYOUT, "faction"))
    assert address == f"?layout=faction&relation={PROTECTS}"


def test_reset_goes_back_to_the_start_and_mirrors_only_what_changed(net: Network) -> None:
    search = "?faction=soviet&layout=faction&person=hegai"
    expected = ["", no_update, *([no_update] * len(CONTROLS))]
    expected[2 + CONTROLS.index(ids.CHECKLIST_FACTION)] = ["partisan", "soviet", "domestic"]
    expected[2 + CONTROLS.index(ids.RADIO_LAYOUT)] = "force"
    assert act(net, "reset", search) == tuple(expected)


# --- actions and taps: every click that changes the view ------------------------------------


@pytest.mark.parametrize(("trigger", "value", "query"), [
    (GRAPH + ".tapNodeData", {"id": "hegai", "label": "Hegai"}, "?faction=soviet&person=hegai"),
    (GRAPH + ".tapEdgeData", {"id": "hegai__kim-yeol", "source": "hegai"},
     f"?faction=soviet&relation={PROTECTS}"),
    (GRAPH + ".tapEdgeData", {"id": "kim-il-sung__gi-seok-pok"},
     "?faction=soviet&relation=kim-il-sung-criticizes-gi-seok-pok"),
    (ACTION, {"action": "select person kim-yeol"}, "?faction=soviet&person=kim-yeol"),
    (ACTION, {"action": f"select relation {RECOMMENDS}"},
     f"?faction=soviet&relation={RECOMMENDS}"),
    (ACTION, {"action": "select edge hegai__kim-yeol"}, f"?faction=soviet&relation={PROTECTS}"),
])
def test_a_tap_or_a_select_action_selects_and_opens_the_details(
        net: Network, trigger: str, value: object, query: str) -> None:
    search = "?faction=soviet&person=gi-seok-pok"
    assert selected(sync(net, trigger, value, search, shown(net, search))) == query


def test_clear_drops_the_selection_and_opens_nothing(net: Network) -> None:
    result = act(net, "clear", "?faction=soviet&person=gi-seok-pok")
    assert result[1] is no_update
    assert url_only(result) == "?faction=soviet"


@pytest.mark.parametrize(("trigger", "value"), [
    (ACTION, {"action": "select person nobody"}),
    (ACTION, {"action": "select person"}),
    (ACTION, {"action": "select relation r999"}),
    (ACTION, {"action": "select relation hegai"}),  # a person id is no relation
    (ACTION, {"action": "select edge hegai__nobody"}),
    (ACTION, {"action": f"select edge {PROTECTS}"}),  # a relation id is no edge id
    (ACTION, {"action": "select para-ivanov-1955-12-07-3"}),
    (ACTION, {"action": "cell soviet soviet hostile"}),  # not a core action (analysis.py)
    (ACTION, {"action": "walk"}),  # nor this one (story.py)
    (ACTION, {"action": "dance"}),
    (ACTION, {"action": ""}),
    (ACTION, {"action": "   "}),
    (ACTION, {"action": 5}),
    (ACTION, {"action": ["select", "person", "hegai"]}),
    (ACTION, {}),
    (ACTION, None),
    (ACTION, "select person hegai"),  # not the shape the browser sends
    (GRAPH + ".tapNodeData", {"id": "nobody"}),
    (GRAPH + ".tapNodeData", {"id": "faction__soviet", "kind": "faction"}),
    (GRAPH + ".tapNodeData", None),
    (GRAPH + ".tapNodeData", {}),
    (GRAPH + ".tapNodeData", {"id": 5}),
    (GRAPH + ".tapEdgeData", {"id": "hegai__nobody"}),
    (GRAPH + ".tapEdgeData", {"id": PROTECTS}),
    (GRAPH + ".tapEdgeData", None),
    ("something.else", 1),
])
def test_unknown_ids_and_actions_do_nothing(net: Network, trigger: str, value: object) -> None:
    result = sync(net, trigger, value, "?person=hegai", DEFAULT_CONTROLS)
    assert result[1] is no_update
    assert url_only(result) is no_update


@pytest.mark.parametrize(("search", "query"), [
    ("?faction=partisan&type=protects&layout=faction&person=hegai",
     "?layout=faction&person=hegai"),
    ("?cell=soviet,soviet,all&color=community&relation=" + PROTECTS,
     "?color=community&relation=" + PROTECTS),
])
def test_reveal_resets_the_filters_and_keeps_the_selection_and_the_drawing(
        net: Network, search: str, query: str) -> None:
    assert act(net, "reveal", search)[0] == query


def test_the_details_say_when_the_filters_hide_the_selection(net: Network,
                                                             passages: PassageIndex) -> None:
    hidden = panel(net, passages, "?faction=partisan&mode=between&person=hegai")
    assert "Hegai is hidden by the current filters" in words(hidden)
    assert "reveal" in actions_in(hidden)
    assert "hidden by the current filters" not in words(panel(net, passages, "?person=hegai"))
    hidden = panel(net, passages, f"?type=criticizes&relation={PROTECTS}")
    assert "This relation is hidden by the current filters" in words(hidden)


def test_the_table_view_is_part_of_the_view(net: Network) -> None:
    assert act(net, "table", "?person=hegai")[0] == "?table=1&person=hegai"
    assert act(net, "table", "?table=1")[0] == ""


@pytest.mark.parametrize(("value", "query"), [
    ({"id": "hegai", "x": 10.4, "y": -20.6}, "?moved=hegai%3A10%3A-21"),
    ({"id": "hegai", "x": "12", "y": 3}, "?moved=hegai%3A12%3A3"),
    ({"id": "nobody", "x": 1, "y": 1}, no_update),
    ({"id": "hegai", "x": "left", "y": 1}, no_update),
    ({"id": "hegai", "x": 1}, no_update),
    ({"id": "hegai", "x": float("nan"), "y": 1}, no_update),
    ({"id": "hegai", "x": 1e9, "y": 1}, no_update),
    ({"id": ["hegai"], "x": 1, "y": 1}, no_update),
    ("hegai", no_update),
    (None, no_update),
])
def test_a_person_moved_by_hand_is_kept_in_the_link(net: Network, value: object,
                                                    query: object) -> None:
    assert act(net, {"action": "move", "value": value}, "")[0] == query


def test_moved_people_go_back_when_the_layout_changes(net: Network) -> None:
    search = "?moved=hegai%3A10%3A-21"
    result = sync(net, f"{ids.RADIO_LAYOUT}.value", "concentric", search,
                  with_control(ids.RADIO_LAYOUT, "concentric"))
    assert result[0] == "?layout=concentric"
    moved = drawing(net, parse_query(search, net.bounds)).elements()
    assert next(e["position"] for e in moved if e["data"]["id"] == "hegai") == {"x": 10.0,
                                                                                "y": -21.0}


def test_clear_without_a_selection_does_nothing(net: Network) -> None:
    assert url_only(act(net, "clear", "?faction=soviet")) is no_update


def test_tapping_an_edge_selects_a_relation_it_shows(net: Network) -> None:
    # with type=recommends the edge hegai -> kim-yeol shows only the recommendation
    address, *_ = sync(net, GRAPH + ".tapEdgeData", {"id": "hegai__kim-yeol"},
                       "?type=recommends", DEFAULT_CONTROLS)
    assert address == f"?type=recommends&relation={RECOMMENDS}"


def test_select_keeps_the_filters(net: Network) -> None:
    current = View(factions=("soviet",), layout="faction", relation=PROTECTS)
    assert url.select(net, current, ("person", "hegai"), None) == View(
        factions=("soviet",), layout="faction", person="hegai")
    assert url.select(net, current, (), None) is None


@pytest.mark.parametrize(("value", "read"), [
    ({"action": "select person pak-il-u", "value": 3, "at": 1},
     ("select", ("person", "pak-il-u"), 3)),
    ({"action": "  reset  "}, ("reset", (), None)),
    ({"action": "a b c d e f g h i j"}, ("a", tuple("bcdefgh"), None)),  # words capped at 8
    ({"action": ""}, None),
    ({"action": None}, None),
    ({"value": 1}, None),
    ([], None),
    (None, None),
])
def test_read_action(value: object, read: tuple | None) -> None:
    assert url.read_action(value) == read


def test_every_core_action_has_a_name_of_its_own() -> None:
    names = [a.name for a in url.CORE_ACTIONS]
    assert len(set(names)) == len(names)
    assert {"select", "clear", "reset", "reveal", "move", "table"} <= set(names)
    assert [a.name for a in url.CORE_ACTIONS if a.selects] == ["select"]


# --- redraw -------------------------------------------------------------------------------------


def elements(net: Network, view: View) -> list[dict]:
    return drawing(net, view).elements()


def test_redraw_sends_the_changes_and_the_counts(net: Network) -> None:
    changes, drawn, text, legend = redraw(net, "?faction=partisan", "")
    assert changes == drawing(net, View()).changes(drawing(net, View(factions=("partisan",))))
    assert changes["remove"] and "layout" not in changes and "stylesheet" not in changes
    assert drawn == "?faction=partisan"
    assert text == counts_text(net, View(factions=("partisan",)))
    assert "2 of 6 people" in text and "1 of 4 relations" in text
    assert legend is no_update  # the legend explains colour and size, which did not change


def test_the_legend_is_sent_again_when_colour_or_size_change(net: Network) -> None:
    legend = redraw(net, "?color=community", "")[3]
    assert legend is not no_update and "detected community" in text_of(legend)
    assert redraw(net, "?color=community&person=hegai", "?color=community")[3] is no_update


@pytest.mark.parametrize(("search", "drawn", "counts"), [
    ("", "", ("6 of 6 people", "4 of 4 relations")),
    (None, None, ("6 of 6 people", "4 of 4 relations")),
    ("?faction=soviet", "?faction=soviet", ("5 of 6 people", "4 of 4 relations")),
    ("?person=../../etc/passwd", "", ("6 of 6 people", "4 of 4 relations")),
    ("?isolated=hide&polarity=hostile", "?polarity=hostile&isolated=hide",
     ("2 of 6 people", "1 of 4 relations")),
])
def test_redraw_of_the_drawn_view_changes_nothing(net: Network, search: str | None,
                                                  drawn: str | None,
                                                  counts: tuple[str, str]) -> None:
    changes, new_drawn, text, _ = redraw(net, search, drawn)
    assert changes is None and all(c in text for c in counts), text
    assert new_drawn == to_query(parse_query(search, net.bounds))


def test_a_chain_of_redraws_reaches_the_last_view(net: Network) -> None:
    drawn, held = "", elements(net, View())
    for search in ["?faction=soviet", "?faction=soviet&layout=faction&person=hegai",
                   "?isolated=hide&type=protects", f"?layout=concentric&relation={PROTECTS}",
                   "?step=2&present=1", "?cell=soviet,soviet,all&color=community", ""]:
        changes, drawn, *_ = redraw(net, search, drawn)
        held = apply_changes(held, changes)
        assert keyed(held) == keyed(elements(net, parse_query(search, net.bounds)))


def test_redraw_uses_the_cache_it_is_given(net: Network) -> None:
    seen: list[View] = []

    def cached(view: View) -> Drawing:
        seen.append(view)
        return drawing(net, view)

    redraw(net, "?layout=faction", "?person=hegai", cached)
    assert seen == [View(person="hegai"), View(layout="faction")]


def test_a_layout_change_carries_the_layout_and_the_positions(net: Network) -> None:
    changes, *_ = redraw(net, "?layout=faction&polarity=hostile", "")
    assert changes["layout"] == cytoscape_layout(net, View(layout="faction",
                                                           polarities=("hostile",)))
    assert changes["position"] and set(changes["position"]) <= set(net.corpus.people)
    changes, *_ = redraw(net, "?layout=faction", "?layout=faction&polarity=hostile")
    assert "layout" not in changes and "position" not in changes


def test_the_stylesheet_fades_the_rest_only_while_something_is_selected(net: Network) -> None:
    def rules(search: str, drawn: str) -> list | None:
        return redraw(net, search, drawn)[0].get("stylesheet")

    assert DIM_RULE in rules("?person=hegai", "")  # a selection starts: the rule comes in
    assert rules("?person=kim-yeol", "?person=hegai") is None  # only the lit flags change
    cleared = rules("?faction=soviet", "?person=kim-yeol")
    assert cleared is not None and DIM_RULE not in cleared  # cleared: the rule goes
    changes, *_ = redraw(net, "?person=kim-yeol", "?person=hegai")
    assert set(changes) == {"data"}
    assert {key for fields in changes["data"].values() for key in fields} <= {"lit", "sel"}


# --- the Details tab and the search ------------------------------------------------------------


def components(node: object) -> Iterator[Component]:
    """Every component under ``node``, following ``children`` recursively."""
    if isinstance(node, Component):
        yield node
        yield from components(getattr(node, "children", None))
    elif isinstance(node, list | tuple):
        for child in node:
            yield from components(child)


def actions_in(node: object) -> list[str]:
    """The ``data-action`` of every button under ``node``, in order."""
    return [c.to_plotly_json()["props"]["data-action"] for c in components(node)
            if isinstance(c, html.Button) and "data-action" in c.to_plotly_json()["props"]]


@pytest.mark.parametrize(("key", "heading"), [
    ("?person=hegai", "Hegai"),
    ("?faction=soviet&person=hegai", "Hegai"),
    ("?person=soviet-koreans", "Soviet Koreans (collective actor)"),
    (f"?relation={RECOMMENDS}", "Hegai → Kim Yeol"),
    ("", "How to read this network"),
    (None, "How to read this network"),
    ("?person=nobody&relation=nothing", "How to read this network"),
    ("?person=../../etc/passwd", "How to read this network"),
])
def test_the_details_panel_is_drawn_for_its_key(net: Network, passages: PassageIndex,
                                                key: str | None, heading: str) -> None:
    drawn = panel(net, passages, key)
    assert text_of(next(c for c in components(drawn) if isinstance(c, html.H2))) == heading


def test_the_panel_of_a_merged_edge_marks_the_current_claim(net: Network,
                                                            passages: PassageIndex) -> None:
    drawn = panel(net, passages, f"?relation={RECOMMENDS}")
    claims = {c.id: c.className for c in components(drawn) if isinstance(c, html.Article)
              and str(getattr(c, "id", "")).startswith("claim-")}
    assert claims == {f"claim-{PROTECTS}": "claim", f"claim-{RECOMMENDS}": "claim is-current"}


def test_the_person_panel_follows_the_filters(net: Network, passages: PassageIndex) -> None:
    """The relations the filters hide are counted and folded away, not dropped."""
    drawn = panel(net, passages, "?person=hegai&type=protects")
    assert "Relations where they act (1 of 3)" in text_of(drawn)
    folded = next(c for c in components(drawn) if isinstance(c, html.Details)
                  and c.className == "hidden-relations")
    assert "2 more hidden by the filters" in text_of(folded)


def test_every_button_of_a_panel_carries_an_action_the_url_callback_knows(
        net: Network, passages: PassageIndex) -> None:
    """A panel's buttons are no callback inputs: each sends its ``data-action``."""
    for key in ("?person=hegai", f"?relation={PROTECTS}", ""):
        for action in actions_in(panel(net, passages, key)):
            result = act(net, action, "?person=kim-il-sung")
            assert result[0] is not no_update, action


def words(node: object) -> str:
    return " ".join(text_of(node).split())


def hit_people(items: list) -> list[str]:
    return [a.removeprefix("select person ") for a in actions_in(items)]


@pytest.mark.parametrize(("text", "people"), [
    ("Pak Hŏn-yŏng", ["pak-heon-yeong"]),
    ("pak hon-yong", ["pak-heon-yeong"]),
    ("박헌영", ["pak-heon-yeong"]),
    ("Kim Yŏl", ["kim-yeol"]),
    ("Kim Yol", ["kim-yeol"]),
    ("Ho Ka-i", ["hegai"]),
    ("Ki Sŏk-pok", ["gi-seok-pok"]),
    ("Kim Ir Sen", ["kim-il-sung"]),
    ("Kim", ["kim-il-sung", "kim-yeol"]),
    ("", []),
    (None, []),
    ("<script>", []),
])
def test_results_find_any_spelling(net: Network, index: SearchIndex, text: str | None,
                                   people: list[str]) -> None:
    items, _ = results(net, index, text)
    assert hit_people(items) == people


def test_a_result_says_which_spelling_matched(net: Network, index: SearchIndex) -> None:
    items, css = results(net, index, "Pak Hŏn-yŏng")
    assert words(items[0]) == "Pak Heon-yeong — as “Pak Hŏn-yŏng”"
    assert css == "search-results"
    assert words(results(net, index, "Hegai")[0][0]) == "Hegai"  # its own name: no "as"
    assert results(net, index, "") == ([], "search-results is-empty")
    none, css = results(net, index, "<script>")
    assert css == "search-results" and words(none) == "No one matches “<script>”."


def test_the_first_hit_is_what_enter_picks(net: Network, index: SearchIndex) -> None:
    """Enter in the search box clicks the first hit (assets/app.js): the top-ranked person."""
    for text, person in (("Ho Ka-i", "hegai"), ("pak hon yong", "pak-heon-yeong"),
                         ("Kim", "kim-il-sung"), ("Хегай", "hegai")):
        items, _ = results(net, index, text)
        assert actions_in(items)[0] == f"select person {person}"
        assert selected(act(net, actions_in(items)[0], "?layout=faction")) == \
            f"?layout=faction&person={person}"


def test_results_are_capped(net: Network, index: SearchIndex) -> None:
    hits = index.search("e", limit=50)
    items, _ = search_results(net, hits, "e")
    assert len(items) == min(len(hits), 8)


# --- rendering: quotes are marked, hostile text stays text ----------------------------------


def quote_runs(tree: list) -> list[str]:
    """The quote-marked text of every passage, consecutive marks joined, spaces folded."""
    runs = []
    for para in components(tree):
        if isinstance(para, html.P) and getattr(para, "className", "") == "passage-text":
            run, previous = "", False
            for child in para.children:
                quoted = isinstance(child, html.Mark) and "quote" in child.className.split()
                if quoted:
                    run = run + child.children if previous else child.children
                elif previous:
                    runs.append(run)
                previous = quoted
            if previous:
                runs.append(run)
    return [re.sub(r"\s+", " ", r) for r in runs]


def test_person_panel_marks_every_quote(net: Network, passages: PassageIndex,
                                        valid_corpus: Corpus) -> None:
    runs = quote_runs(person_panel(net, passages, View(person="hegai")))
    quotes = [r.quote for r in valid_corpus.relations.values() if "hegai" in (r.source, r.target)]
    assert len(quotes) == 3
    assert all(any(q in run for run in runs) for q in quotes)
    # the first quote is broken over two lines in the document
    assert "who concealed the outrageous acts of Kim Yeol" in runs


def test_person_panel_marks_the_words_that_refer_to_them(net: Network,
                                                         passages: PassageIndex) -> None:
    """mentions.csv says the "He" of ¶4 is Hegai: it is marked, with the note as its title."""
    tree = person_panel(net, passages, View(person="hegai"))
    marks = [(m.children, m.title) for m in components(tree) if isinstance(m, html.Mark)
             and "mention" in m.className.split()]
    assert ("He", "'He' is Hegai (named earlier in the paragraph)") in marks
    assert "referred to as “He”" in text_of(tree)


def test_relation_panel_marks_each_claims_quote(net: Network, passages: PassageIndex,
                                                valid_corpus: Corpus) -> None:
    tree = relation_panel(net, passages, View(relation=PROTECTS))
    for rid in (PROTECTS, RECOMMENDS):
        claim = next(c for c in components(tree) if getattr(c, "id", None) == f"claim-{rid}")
        assert valid_corpus.relations[rid].quote in quote_runs([claim])
    marks = [m for m in components(tree) if isinstance(m, html.Mark)]
    assert all(isinstance(m.children, str) for m in marks)
    assert {m.className for m in marks} <= {"mention", "quote", "mention quote"}


@pytest.fixture(scope="module")
def hostile(valid_corpus: Corpus) -> tuple[Network, PassageIndex]:
    """The fixture plus a person, a document and a relation made of markup."""
    doc = Document("hostile-doc", "<b>Title</b>", "1955-12-07", "<i>Author</i>", "", "",
                   "javascript:alert(1)", "", "<svg onload=alert(1)>",
                   (Paragraph("hostile-doc", 1,
                              f"{HOSTILE} accused Hegai.\nThen {HOSTILE_ALIAS} left."),))
    person = Person("hostile", HOSTILE, "person", "soviet",
                    aliases=(Alias(HOSTILE_ALIAS, "variant"),),
                    contested_factions=("domestic",), contested_reason="<i>why</i>",
                    identification_note="<svg onload=alert(1)>", role_1955="<b>role</b>",
                    sources=("javascript:alert(1)", "data:text/html,<script>x</script>",
                             "https://example.org/ok"))
    rel = Relation("hostile-accuses-hegai", "hostile-doc", "hostile", "hegai", "accuses",
                   "hostile", "hostile", "postwar", 1955, 1955, f"{HOSTILE} accused Hegai.",
                   note=f"<a href='javascript:alert(1)'>{HOSTILE}</a>", paragraph=1,
                   against="kim-yeol")
    bad = dataclasses.replace(
        valid_corpus,
        documents={**valid_corpus.documents, doc.id: doc},
        people={**valid_corpus.people, person.id: person},
        relations={**valid_corpus.relations, rel.id: rel},
    )
    return Network.build(bad), PassageIndex(bad)


FORBIDDEN = (html.Iframe, html.Script, html.Embed, html.ObjectEl, dcc.Markdown)


def string_props(component: Component) -> Iterator[tuple[str, str]]:
    for name in component._prop_names:
        value = getattr(component, name, None)
        if isinstance(value, str):
            yield name, value


@pytest.mark.parametrize(("which", "needle"), [
    ("person", HOSTILE), ("relation", HOSTILE), ("neighbour", HOSTILE), ("intro", "<b>Title</b>"),
    ("search", HOSTILE),
])
def test_hostile_text_is_rendered_as_plain_text(hostile: tuple[Network, PassageIndex],
                                                which: str, needle: str) -> None:
    net, passages = hostile
    tree = {"person": lambda: person_panel(net, passages, View(person="hostile")),
            "relation": lambda: relation_panel(net, passages,
                                               View(relation="hostile-accuses-hegai")),
            "neighbour": lambda: person_panel(net, passages, View(person="hegai")),
            "intro": lambda: intro_panel(net.corpus),
            "search": lambda: results(net, SearchIndex.build(net.corpus), "script")[0]}[which]()
    found = list(components(tree))
    assert not [c for c in found if isinstance(c, FORBIDDEN)]
    for c in found:
        props = c.to_plotly_json()["props"]
        assert "dangerouslySetInnerHTML" not in props
        assert "dangerously_allow_html" not in props
        for name, value in string_props(c):  # markup only as text or a tooltip
            if re.search(r"<(script|img|svg|b|i|a)\b", value):
                assert name in ("children", "title"), (type(c).__name__, name, value)
        if isinstance(c, html.A):
            assert c.href.startswith(("https://", "http://"))
    assert needle in text_of(tree)  # present, as a string child


def test_hostile_text_in_the_table_rows_is_data(hostile: tuple[Network, PassageIndex]) -> None:
    """The table view's rows are data drawn with text nodes (assets/lists.js): the name
    arrives as a plain string, never as markup."""
    net, _ = hostile
    rows = table_rows(net, View())
    assert any(p["name"] == HOSTILE for p in rows["people"])


def test_hostile_name_is_marked_as_a_plain_string(hostile: tuple[Network, PassageIndex]) -> None:
    net, passages = hostile
    for tree in (person_panel(net, passages, View(person="hostile")),
                 relation_panel(net, passages, View(relation="hostile-accuses-hegai"))):
        marks = [m.children for m in components(tree) if isinstance(m, html.Mark)]
        assert any(HOSTILE in m for m in marks)  # inside the marked quote
        assert all(isinstance(m, str) for m in marks)
    heading = next(c for c in components(person_panel(net, passages, View(person="hostile")))
                   if isinstance(c, html.H2))
    assert heading.children == HOSTILE
    sources = [c for c in components(person_panel(net, passages, View(person="hostile")))
               if isinstance(c, html.Li) and isinstance(c.children, str | html.A)]
    assert [s.children if isinstance(s.children, str) else s.children.href
            for s in sources] == ["javascript:alert(1)", "data:text/html,<script>x</script>",
                                  "https://example.org/ok"]


def test_a_third_party_is_named_in_the_claim(hostile: tuple[Network, PassageIndex]) -> None:
    net, passages = hostile
    tree = relation_panel(net, passages, View(relation="hostile-accuses-hegai"))
    assert f"{HOSTILE} accuses Hegai against Kim Yeol" in text_of(tree)
    assert "select person kim-yeol" in actions_in(tree)
    against = person_panel(net, passages, View(person="kim-yeol"))
    assert "Relations where others are set against them (1)" in text_of(against)
