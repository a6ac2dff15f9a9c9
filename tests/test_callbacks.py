"""The callbacks as plain functions, on a Network built from tests/fixtures/valid/.

The fixture: factions partisan, soviet, domestic; six people; four relations, two of
them merged on the edge hegai -> kim-yeol. Every relation is claimed by kim-il-sung,
so the claimant checklist has one box. Years run from 1948 to 1955.
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

from dashboard import ids
from dashboard.arrays import Drawing
from dashboard.callbacks import view as sync_view
from dashboard.callbacks.detail import detail, results
from dashboard.callbacks.graph import counts_text, redraw
from dashboard.corpus import Alias, Corpus, Document, Paragraph, Person, Relation, load_valid_corpus
from dashboard.graph import Network, cytoscape_layout, drawing, element_changes, elements
from dashboard.panels import SEARCH_SLOTS, intro_panel, person_panel, relation_panel
from dashboard.passages import PassageIndex
from dashboard.search import SearchIndex
from dashboard.view import View, parse_query, to_query
from tests.changes import apply_changes, keyed

VALID = Path(__file__).resolve().parent / "fixtures" / "valid"
DEFAULT_CONTROLS = (["partisan", "soviet", "domestic"], "touching",
                    ["criticizes", "recommends", "associates", "protects"],
                    ["hostile", "supportive", "neutral"], ["kim-il-sung"], [1948, 1955], [],
                    "force", [])
PROTECTS, RECOMMENDS = "hegai-protects-kim-yeol", "hegai-recommends-kim-yeol"
HOSTILE = "<script>alert(1)</script>"
HOSTILE_ALIAS = "<img src=x onerror=alert(1)>"


CONTROLS = tuple(c.id for c in sync_view.CORE_CONTROLS)


def controls_for(net: Network, view: View) -> tuple:
    return tuple(c.write(net, view) for c in sync_view.CORE_CONTROLS)


def sync(net: Network, trigger: object, value: object, search: str, values: tuple,
         index: SearchIndex | None = None, text: str = "") -> tuple:
    """The sync callback with the core controls and events, as ``register`` wires it."""
    return sync_view.sync(net, trigger, value, search, values, sync_view.CORE_CONTROLS,
                          sync_view.core_events(index), {ids.INPUT_SEARCH: text})


def selection_from_click(net: Network, trigger: object, value: object,
                         current: View) -> View | None:
    """The view a click leads to (None if it is ignored), through the core events."""
    for event in sync_view.core_events(None):
        if sync_view._matches(event, trigger):
            return event.apply(net, trigger, value, current, {})
    return None


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_valid_corpus(VALID)


@pytest.fixture(scope="module")
def net(corpus: Corpus) -> Network:
    return Network.build(corpus)


@pytest.fixture(scope="module")
def passages(corpus: Corpus) -> PassageIndex:
    return PassageIndex(corpus)


@pytest.fixture(scope="module")
def index(corpus: Corpus) -> SearchIndex:
    return SearchIndex.build(corpus)


def url_only(result: tuple) -> object:
    """The URL a ``sync`` result writes, after checking that no control changes."""
    assert len(result) == 1 + len(CONTROLS)
    assert all(value is no_update for value in result[1:])
    return result[0]


def control(trigger: str) -> str:
    return f"{trigger}.value"


def with_control(name: str, value: object) -> tuple:
    values = list(copy.deepcopy(DEFAULT_CONTROLS))
    values[CONTROLS.index(name)] = value
    return tuple(values)


# --- sync: the URL and the controls -----------------------------------------------------------


def test_default_controls_match_the_fixture(net: Network) -> None:
    assert controls_for(net, View()) == DEFAULT_CONTROLS


@pytest.mark.parametrize("trigger", [None, ids.URL + ".search"])
def test_a_url_sets_the_controls_and_is_left_alone(net: Network, trigger: str | None) -> None:
    search = "?faction=soviet&type=protects&from=1950&isolated=hide&layout=faction&person=hegai"
    url, *values = sync(net, trigger, search, search, DEFAULT_CONTROLS)
    assert url is no_update
    assert tuple(values) == (["soviet"], "touching", ["protects"],
                             ["hostile", "supportive", "neutral"], ["kim-il-sung"], [1950, 1955],
                             [ids.OPTION_HIDE_ISOLATED], "faction", [])


@pytest.mark.parametrize("search", ["", None, "?faction=nope&layout=<script>", "?" + "x" * 5000])
def test_a_bad_url_sets_default_controls(net: Network, search: str | None) -> None:
    assert sync(net, ids.URL + ".search", search, search, ()) == (no_update, *DEFAULT_CONTROLS)


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
])
def test_a_control_writes_the_query_and_keeps_the_selection(net: Network, name: str,
                                                            value: object, query: str) -> None:
    result = sync(net, control(name), value, "?person=hegai", with_control(name, value))
    assert url_only(result) == query


def test_a_control_keeps_a_selected_relation(net: Network) -> None:
    url, *_ = sync(net, control(ids.RADIO_LAYOUT), "faction", f"?relation={PROTECTS}",
                   with_control(ids.RADIO_LAYOUT, "faction"))
    assert url == f"?layout=faction&relation={PROTECTS}"


def shown(net: Network, search: str) -> tuple:
    """The control values while ``search`` is in the URL (the sync callback wrote them)."""
    return controls_for(net, parse_query(search, net.bounds))


def test_reset_clears_everything(net: Network) -> None:
    search = "?faction=soviet&layout=faction&person=hegai"
    result = sync(net, ids.BUTTON_RESET + ".n_clicks", 3, search, shown(net, search))
    expected = ["", *([no_update] * len(CONTROLS))]
    expected[1 + CONTROLS.index(ids.CHECKLIST_FACTION)] = ["partisan", "soviet", "domestic"]
    expected[1 + CONTROLS.index(ids.RADIO_LAYOUT)] = "force"
    assert result == tuple(expected)


GRAPH = ids.CYTOSCAPE_GRAPH


@pytest.mark.parametrize(("trigger", "value", "query"), [
    (GRAPH + ".tapNodeData", {"id": "hegai", "label": "Hegai"}, "?faction=soviet&person=hegai"),
    (GRAPH + ".tapEdgeData", {"id": "hegai__kim-yeol", "source": "hegai"},
     f"?faction=soviet&relation={PROTECTS}"),
    (GRAPH + ".tapEdgeData", {"id": "kim-il-sung__gi-seok-pok"},
     "?faction=soviet&relation=kim-il-sung-criticizes-gi-seok-pok"),
    ({"type": ids.BUTTON_PERSON, "id": "kim-yeol"}, 1, "?faction=soviet&person=kim-yeol"),
    ({"type": ids.BUTTON_RELATION, "id": RECOMMENDS}, 2,
     f"?faction=soviet&relation={RECOMMENDS}"),
    ({"type": ids.BUTTON_SEARCH_HIT, "id": "0"}, 1, "?faction=soviet&person=pak-heon-yeong"),
    ({"type": ids.BUTTON_CLOSE, "id": "detail"}, 1, "?faction=soviet"),
])
def test_a_click_selects(net: Network, index: SearchIndex, trigger: object, value: object,
                         query: str) -> None:
    search = "?faction=soviet&person=gi-seok-pok"
    result = sync(net, trigger, value, search, shown(net, search), index, "Pak Hon-yong")
    assert url_only(result) == query


@pytest.mark.parametrize(("text", "person"), [
    ("Ho Ka-i", "hegai"),
    ("pak hon yong", "pak-heon-yeong"),
    ("Kim", "kim-il-sung"),  # two prefix hits: the first name in order wins
    ("Хегай", "hegai"),
])
def test_enter_in_the_search_picks_the_top_hit(net: Network, index: SearchIndex, text: str,
                                               person: str) -> None:
    result = sync(net, ids.INPUT_SEARCH + ".n_submit", 1, "?layout=faction",
                  shown(net, "?layout=faction"), index, text)
    assert url_only(result) == f"?layout=faction&person={person}"


@pytest.mark.parametrize(("trigger", "value", "text"), [
    ({"type": ids.BUTTON_PERSON, "id": "hegai"}, None, ""),  # a button was created
    ({"type": ids.BUTTON_PERSON, "id": "hegai"}, 0, ""),
    ({"type": ids.BUTTON_PERSON, "id": "nobody"}, 1, ""),
    ({"type": ids.BUTTON_PERSON, "id": None}, 1, ""),
    ({"type": ids.BUTTON_RELATION, "id": "r999"}, 1, ""),
    ({"type": ids.BUTTON_RELATION, "id": "hegai"}, 1, ""),
    ({"type": ids.BUTTON_SEARCH_HIT, "id": "../../etc/passwd"}, 1, "Kim"),
    ({"type": ids.BUTTON_SEARCH_HIT, "id": "2"}, 1, "Kim"),  # an empty slot (two hits)
    ({"type": ids.BUTTON_SEARCH_HIT, "id": "0"}, 0, "Kim"),  # not a click
    ({"type": ids.BUTTON_SEARCH_HIT, "id": "0"}, 1, None),
    ({"type": ids.BUTTON_PASSAGE, "id": "para-ivanov-1955-12-07-3"}, 1, ""),
    ({"type": "button-unknown", "id": "hegai"}, 1, ""),
    (GRAPH + ".tapNodeData", {"id": "nobody"}, ""),
    (GRAPH + ".tapNodeData", {"id": "faction__soviet", "kind": "faction"}, ""),
    (GRAPH + ".tapNodeData", None, ""),
    (GRAPH + ".tapNodeData", {}, ""),
    (GRAPH + ".tapEdgeData", {"id": "hegai__nobody"}, ""),
    (GRAPH + ".tapEdgeData", {"id": PROTECTS}, ""),  # a relation id is not an edge id
    (GRAPH + ".tapEdgeData", None, ""),
    (ids.INPUT_SEARCH + ".n_submit", 1, "zzzz"),
    (ids.INPUT_SEARCH + ".n_submit", 1, ""),
    (ids.INPUT_SEARCH + ".n_submit", 1, None),
    ("something.else", 1, ""),
])
def test_unknown_ids_and_non_clicks_do_nothing(net: Network, index: SearchIndex, trigger: object,
                                               value: object, text: str | None) -> None:
    result = sync(net, trigger, value, "?person=hegai", DEFAULT_CONTROLS, index, text)
    assert url_only(result) is no_update


def test_tapping_an_edge_selects_a_relation_it_shows(net: Network) -> None:
    # with type=recommends the edge hegai -> kim-yeol shows only the recommendation
    url, *_ = sync(net, GRAPH + ".tapEdgeData", {"id": "hegai__kim-yeol"}, "?type=recommends",
                   DEFAULT_CONTROLS)
    assert url == f"?type=recommends&relation={RECOMMENDS}"


def test_enter_without_a_search_index_does_nothing(net: Network) -> None:
    result = sync(net, ids.INPUT_SEARCH + ".n_submit", 1, "", DEFAULT_CONTROLS, None, "Hegai")
    assert url_only(result) is no_update


def test_selection_from_click_keeps_the_filters(net: Network) -> None:
    current = View(factions=("soviet",), layout="faction", relation=PROTECTS)
    chosen = selection_from_click(net, GRAPH + ".tapNodeData", {"id": "hegai"}, current)
    assert chosen == View(factions=("soviet",), layout="faction", person="hegai")


# --- redraw -------------------------------------------------------------------------------------


def test_redraw_sends_the_changes_and_the_counts(net: Network) -> None:
    changes, drawn, text = redraw(net, "?faction=partisan", "")
    assert changes == element_changes(elements(net, View()), elements(net, View(
        factions=("partisan",))))
    assert changes["remove"] and "layout" not in changes and "stylesheet" not in changes
    assert changes and drawn == "?faction=partisan"
    assert text == "Showing 2 of 6 people and groups, 1 of 4 relations"
    assert text == counts_text(net, View(factions=("partisan",)))


def to_canonical(net: Network, search: str | None) -> str:
    return to_query(parse_query(search, net.bounds))


@pytest.mark.parametrize(("search", "drawn", "text"), [
    ("", "", "Showing 6 of 6 people and groups, 4 of 4 relations"),
    (None, None, "Showing 6 of 6 people and groups, 4 of 4 relations"),
    ("?faction=soviet", "?faction=soviet", "Showing 5 of 6 people and groups, 4 of 4 relations"),
    ("?person=../../etc/passwd", "", "Showing 6 of 6 people and groups, 4 of 4 relations"),
    ("?isolated=hide&polarity=hostile", "?polarity=hostile&isolated=hide",
     "Showing 2 of 6 people and groups, 1 of 4 relations"),
])
def test_redraw_of_the_drawn_view_changes_nothing(net: Network, search: str | None,
                                                  drawn: str | None, text: str) -> None:
    changes, new_drawn, counts = redraw(net, search, drawn)
    assert changes is None and counts == text
    assert new_drawn == to_canonical(net, search)


def test_a_chain_of_redraws_reaches_the_last_view(net: Network) -> None:
    drawn, shown = "", elements(net, View())
    for search in ["?faction=soviet", "?faction=soviet&layout=faction&person=hegai",
                   "?isolated=hide&type=protects", f"?layout=concentric&relation={PROTECTS}", ""]:
        changes, drawn, *_ = redraw(net, search, drawn)
        shown = apply_changes(shown, changes)
        assert keyed(shown) == keyed(elements(net, parse_query(search, net.bounds)))


def test_redraw_uses_the_cache_it_is_given(net: Network) -> None:
    seen: list[View] = []

    def cached(view: View) -> Drawing:
        seen.append(view)
        return drawing(net, view)

    redraw(net, "?layout=faction", "?person=hegai", cached)
    assert seen == [View(person="hegai"), View(layout="faction")]


def test_a_layout_change_carries_the_layout_and_the_positions(net: Network) -> None:
    changes, *_ = redraw(net, "?layout=faction&polarity=hostile", "")
    assert changes["layout"] == cytoscape_layout(net, "faction")
    assert changes["position"] and set(changes["position"]) <= set(net.corpus.people)
    changes, *_ = redraw(net, "?layout=faction", "?layout=faction&polarity=hostile")
    assert "layout" not in changes and "position" not in changes


# --- detail and results -------------------------------------------------------------------------


def text_of(node: object) -> str:
    """Every string child under ``node``, in order."""
    if isinstance(node, str):
        return node
    if isinstance(node, Component):
        return text_of(getattr(node, "children", None))
    if isinstance(node, list | tuple):
        return "".join(text_of(child) for child in node)
    return ""


def components(node: object) -> Iterator[Component]:
    """Every component under ``node``, following ``children`` recursively."""
    if isinstance(node, Component):
        yield node
        yield from components(getattr(node, "children", None))
    elif isinstance(node, list | tuple):
        for child in node:
            yield from components(child)


@pytest.mark.parametrize(("search", "shown"), [
    ("?person=hegai", "person:hegai"),
    ("?faction=soviet&layout=faction&person=hegai", "person:hegai"),
    (f"?relation={PROTECTS}", f"relation:{PROTECTS}"),
    ("", ""),
    (None, ""),
    ("?person=nobody", ""),
])
def test_detail_leaves_a_shown_selection_alone(net: Network, passages: PassageIndex,
                                               search: str | None, shown: str) -> None:
    panel, selection = detail(net, passages, search, shown)
    assert panel is no_update and selection is no_update


@pytest.mark.parametrize(("search", "shown", "selection", "heading"), [
    ("?person=hegai", "", "person:hegai", "Hegai"),
    ("?person=soviet-koreans", "person:hegai", "person:soviet-koreans",
     "Soviet Koreans (collective actor)"),
    (f"?relation={RECOMMENDS}", "person:hegai", f"relation:{RECOMMENDS}", "Hegai → Kim Yeol"),
    ("", "person:hegai", "", "How to read this network"),
    ("?person=nobody&relation=nothing", f"relation:{PROTECTS}", "", "How to read this network"),
])
def test_detail_shows_the_new_selection(net: Network, passages: PassageIndex, search: str,
                                        shown: str, selection: str, heading: str) -> None:
    panel, chosen = detail(net, passages, search, shown)
    assert chosen == selection
    assert text_of(next(c for c in components(panel) if isinstance(c, html.H2))) == heading


def test_detail_marks_the_current_claim_on_a_merged_edge(net: Network,
                                                         passages: PassageIndex) -> None:
    panel, _ = detail(net, passages, f"?relation={RECOMMENDS}", "")
    claims = {c.id: c.className for c in components(panel) if isinstance(c, html.Article)
              and str(getattr(c, "id", "")).startswith("claim-")}
    assert claims == {f"claim-{PROTECTS}": "claim", f"claim-{RECOMMENDS}": "claim is-current"}


def hit_ids(slots: tuple) -> list[str]:
    """The people in the shown slots, in order."""
    hidden, _, people, _ = slots
    assert len(hidden) == len(people) == SEARCH_SLOTS
    return [p for p, off in zip(people, hidden, strict=True) if not off]


@pytest.mark.parametrize(("text", "people"), [
    ("Pak Hŏn-yŏng", ["pak-heon-yeong"]),
    ("pak hon-yong", ["pak-heon-yeong"]),
    ("박헌영", ["pak-heon-yeong"]),
    ("Kim Yŏl", ["kim-yeol"]),
    ("Kim Yol", ["kim-yeol"]),
    ("Ho Ka-i", ["hegai"]),
    ("Ki Sŏk-pok", ["gi-seok-pok"]),
    ("Kim", ["kim-il-sung", "kim-yeol"]),
    ("", []),
    (None, []),
    ("<script>", []),
])
def test_results_find_any_spelling(net: Network, index: SearchIndex, text: str | None,
                                   people: list[str]) -> None:
    assert hit_ids(results(net, index, text)) == people


def test_a_result_says_which_spelling_matched(net: Network, index: SearchIndex) -> None:
    hidden, labels, people, css = results(net, index, "Pak Hŏn-yŏng")
    assert text_of(labels[0]) == "Pak Heon-yeong — as “Pak Hŏn-yŏng”"
    assert hidden == [False] + [True] * (SEARCH_SLOTS - 1) and css == "search-results"
    assert results(net, index, "")[3] == "search-results is-empty"


def test_each_slot_selects_the_person_it_shows(net: Network, index: SearchIndex) -> None:
    _, _, people, _ = results(net, index, "Kim")
    for slot, person in enumerate(p for p in people if p):
        result = sync(net, {"type": ids.BUTTON_SEARCH_HIT, "id": str(slot)}, 1, "",
                      DEFAULT_CONTROLS, index, "Kim")
        assert url_only(result) == f"?person={person}"


# --- rendering: quotes are marked, hostile text stays text ----------------------------------


def quote_runs(panel: list) -> list[str]:
    """The quote-marked text of every passage, consecutive marks joined, spaces folded."""
    runs = []
    for para in components(panel):
        if isinstance(para, html.P) and para.className == "passage-text":
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
                                        corpus: Corpus) -> None:
    runs = quote_runs(person_panel(net, passages, "hegai"))
    quotes = [r.quote for r in corpus.relations.values() if "hegai" in (r.source, r.target)]
    assert len(quotes) == 3
    assert all(any(q in run for run in runs) for q in quotes)
    # the first quote is broken over two lines in the document
    assert "who concealed the outrageous acts of Kim Yeol" in runs


def test_relation_panel_marks_each_claims_quote(net: Network, passages: PassageIndex,
                                                corpus: Corpus) -> None:
    panel = relation_panel(net, passages, PROTECTS)
    for rid in (PROTECTS, RECOMMENDS):
        claim = next(c for c in components(panel) if getattr(c, "id", None) == f"claim-{rid}")
        assert corpus.relations[rid].quote in quote_runs([claim])
    marks = [m for m in components(panel) if isinstance(m, html.Mark)]
    assert all(isinstance(m.children, str) for m in marks)
    assert {m.className for m in marks} <= {"mention", "quote", "mention quote"}


@pytest.fixture(scope="module")
def hostile(corpus: Corpus) -> tuple[Network, PassageIndex]:
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
                   note=f"<a href='javascript:alert(1)'>{HOSTILE}</a>", paragraph=1)
    bad = dataclasses.replace(
        corpus,
        documents={**corpus.documents, doc.id: doc},
        people={**corpus.people, person.id: person},
        relations={**corpus.relations, rel.id: rel},
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
])
def test_hostile_text_is_rendered_as_plain_text(hostile: tuple[Network, PassageIndex],
                                                which: str, needle: str) -> None:
    net, passages = hostile
    panel = {"person": lambda: person_panel(net, passages, "hostile"),
             "relation": lambda: relation_panel(net, passages, "hostile-accuses-hegai"),
             "neighbour": lambda: person_panel(net, passages, "hegai"),
             "intro": lambda: intro_panel(net.corpus)}[which]()
    tree = list(components(panel))
    assert not [c for c in tree if isinstance(c, FORBIDDEN)]
    for c in tree:
        props = c.to_plotly_json()["props"]
        assert "dangerouslySetInnerHTML" not in props
        assert "dangerously_allow_html" not in props
        for name, value in string_props(c):  # markup only as text or a tooltip
            if re.search(r"<(script|img|svg|b|i|a)\b", value):
                assert name in ("children", "title"), (type(c).__name__, name, value)
        if isinstance(c, html.A):
            assert c.href.startswith(("https://", "http://"))
    assert needle in text_of(panel)  # present, as a string child


def test_hostile_name_is_marked_as_a_plain_string(hostile: tuple[Network, PassageIndex]) -> None:
    net, passages = hostile
    for panel in (person_panel(net, passages, "hostile"),
                  relation_panel(net, passages, "hostile-accuses-hegai")):
        marks = [m.children for m in components(panel) if isinstance(m, html.Mark)]
        assert HOSTILE in marks
        assert all(isinstance(m, str) for m in marks)
    heading = next(c for c in components(person_panel(net, passages, "hostile"))
                   if isinstance(c, html.H2))
    assert heading.children == HOSTILE
    sources = [c for c in components(person_panel(net, passages, "hostile"))
               if isinstance(c, html.Li) and isinstance(c.children, str | html.A)]
    assert [s.children if isinstance(s.children, str) else s.children.href
            for s in sources] == ["javascript:alert(1)", "data:text/html,<script>x</script>",
                                  "https://example.org/ok"]


def test_the_stylesheet_fades_the_rest_only_while_something_is_selected(net: Network) -> None:
    from dashboard.styles import DIM_RULE

    def rules(search: str, drawn: str) -> list | None:
        return redraw(net, search, drawn)[0].get("stylesheet")

    assert DIM_RULE in rules("?person=hegai", "")  # a selection starts: the rule comes in
    assert rules("?person=kim-yeol", "?person=hegai") is None  # only the lit flags change
    cleared = rules("?faction=soviet", "?person=kim-yeol")
    assert cleared is not None and DIM_RULE not in cleared  # cleared: the rule goes
    changes, *_ = redraw(net, "?person=kim-yeol", "?person=hegai")
    assert set(changes) == {"data"}
    assert {key for fields in changes["data"].values() for key in fields} <= {"lit", "sel"}
