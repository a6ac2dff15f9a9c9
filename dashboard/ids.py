"""Component ids, kebab-case and led by the widget kind (after the dash-cytoscape demos)."""

URL = "url"
STORE_DRAWN = "store-drawn"
STORE_GRAPH_CHANGES = "store-graph-changes"  # redraw -> assets/graph.js
STORE_SELECTED = "store-selected"
STORE_TAB = "store-tab"  # the open side-panel tab: detail | reader | analysis

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
DROPDOWN_DOCUMENTS = "dropdown-documents"  # the document filter: none chosen means all
BUTTON_RESET = "button-reset"
TEXT_COUNTS = "text-counts"

CYTOSCAPE_GRAPH = "cytoscape-graph"
DIV_LEGEND = "div-legend"

# the table view (dashboard/table_view.py): the graph as a list and a table
SECTION_GRAPH = "section-graph"
BUTTON_TABLE_VIEW = "button-table-view"
STORE_TABLE_VIEW = "store-table-view"
STORE_TABLE_QUERY = "store-table-query"  # the URL's query, passed on only while it is open
DIV_TABLE_VIEW = "div-table-view"
LIST_PEOPLE = "list-people"
TABLE_RELATIONS = "table-relations"
BUTTON_LIST_PERSON = "button-list-person"  # pattern type: {"type": ..., "id": person}
BUTTON_LIST_RELATION = "button-list-relation"  # pattern type: {"type": ..., "id": relation}

DIV_SIDE = "div-side"
BUTTON_TAB_DETAIL = "button-tab-detail"
BUTTON_TAB_READER = "button-tab-reader"
DIV_DETAIL = "div-detail"
DIV_READER = "div-reader"
DROPDOWN_READER_DOCUMENT = "dropdown-reader-document"  # the document the reader shows
DIV_READER_TEXT = "div-reader-text"

# pattern-matching id types: {"type": ..., "id": ...}
BUTTON_PERSON = "button-person"
BUTTON_TABLE_PERSON = "button-table-person"  # the analysis table: ids must not clash
BUTTON_RELATION = "button-relation"
BUTTON_PASSAGE = "button-passage"
BUTTON_SEARCH_HIT = "button-search-hit"  # {"type": ..., "id": "0"}: a fixed result slot
ITEM_SEARCH_HIT = "item-search-hit"  # the slot's list item, hidden while it is empty
BUTTON_CLOSE = "button-close"

OPTION_HIDE_ISOLATED = "hide-isolated"

# the analysis tab (dashboard/analysis_layout.py)
BUTTON_TAB_ANALYSIS = "button-tab-analysis"
DIV_ANALYSIS = "div-analysis"
RADIO_MATRIX_POLARITY = "radio-matrix-polarity"
GRAPH_MATRIX = "graph-matrix"  # the box the matrix chart is mounted in on first open
CHART_MATRIX = "chart-matrix"  # pattern type: {"type": CHART_MATRIX, "id": "chart"}
TEXT_CELL = "text-cell"
BUTTON_CLEAR_CELL = "button-clear-cell"
DROPDOWN_SIZE = "dropdown-size"
STORE_SORT = "store-sort"
DIV_PEOPLE_TABLE = "div-people-table"
GRAPH_TIMELINE = "graph-timeline"  # the box of the timeline chart
CHART_TIMELINE = "chart-timeline"  # pattern type: {"type": CHART_TIMELINE, "id": "chart"}
DIV_VOICE = "div-voice"
RADIO_COLOR = "radio-color"
DIV_COMMUNITIES = "div-communities"
BUTTON_SORT = "button-sort"  # pattern type: {"type": BUTTON_SORT, "id": column}
BUTTON_CLAIMANT = "button-claimant"  # pattern type: {"type": BUTTON_CLAIMANT, "id": claimant}

# classroom mode (dashboard/classroom.py): the walk, the projector view and the exports
DIV_APP = "div-app"
BUTTON_WALK = "button-walk"
BUTTON_STEP_PREV = "button-step-prev"
BUTTON_STEP_NEXT = "button-step-next"
DIV_WALK = "div-walk"
DIV_WALK_BODY = "div-walk-body"
STORE_STEP = "store-step"
BUTTON_PRESENT = "button-present"
BUTTON_FULLSCREEN = "button-fullscreen"
BUTTON_CONTROLS = "button-controls"
BUTTON_EXPORT_PNG = "button-export-png"
BUTTON_EXPORT_SVG = "button-export-svg"
BUTTON_EXPORT = "button-export"  # pattern type: {"type": BUTTON_EXPORT, "id": format}
DOWNLOAD_EXPORT = "download-export"
STORE_LEGEND = "store-legend"
STORE_EXPORTED = "store-exported"
BUTTON_HANDOUT = "button-handout"
DIV_HANDOUT = "div-handout"
IMG_HANDOUT = "img-handout"
STORE_CAMERA = "store-camera"
BUTTON_NEWCOMER = "button-newcomer"  # pattern type: {"type": BUTTON_NEWCOMER, "id": person}
