"""Component ids, kebab-case and led by the widget kind (after the dash-cytoscape demos)."""

URL = "url"
STORE_DRAWN = "store-drawn"
STORE_SELECTED = "store-selected"

INPUT_SEARCH = "input-search"
LIST_SEARCH_RESULTS = "list-search-results"

CHECKLIST_FACTION = "checklist-faction"
RADIO_FACTION_MODE = "radio-faction-mode"
CHECKLIST_TYPE = "checklist-type"
CHECKLIST_POLARITY = "checklist-polarity"
CHECKLIST_CLAIMANT = "checklist-claimant"
RANGESLIDER_YEARS = "rangeslider-years"
CHECKLIST_OPTIONS = "checklist-options"
RADIO_LAYOUT = "radio-layout"
BUTTON_RESET = "button-reset"
TEXT_COUNTS = "text-counts"

CYTOSCAPE_GRAPH = "cytoscape-graph"
DIV_LEGEND = "div-legend"

DIV_SIDE = "div-side"
BUTTON_TAB_DETAIL = "button-tab-detail"
BUTTON_TAB_READER = "button-tab-reader"
DIV_DETAIL = "div-detail"
DIV_READER = "div-reader"

# pattern-matching id types: {"type": ..., "id": ...}
BUTTON_PERSON = "button-person"
BUTTON_RELATION = "button-relation"
BUTTON_PASSAGE = "button-passage"
BUTTON_SEARCH_HIT = "button-search-hit"
BUTTON_CLOSE = "button-close"

OPTION_HIDE_ISOLATED = "hide-isolated"
