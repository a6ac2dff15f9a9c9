"""Component ids, kebab-case and led by the widget kind (after the dash-cytoscape demos).

``tests/test_docs.py`` checks that every id here is used by the layout or a callback, and
that every id the browser scripts in ``assets/`` name is one of these.
"""

URL = "url"
STORE_CONFIG = "store-config"  # what the browser scripts need to know of the corpus
STORE_SEARCH = "store-search"  # the URL's query, passed on by the browser only when it changed
STORE_ACTION = "store-action"  # the one input of every data-action button (assets/app.js)
STORE_SELECTED_AT = "store-selected-at"  # bumped by each selection: opens the Details tab
STORE_GRAPH_CHANGES = "store-graph-changes"  # redraw -> assets/graph.js
STORE_GRAPH_QUERY = "store-graph-query"  # the query of the view the graph holds
STORE_TAB = "store-tab"  # the open side-panel tab: detail | reader | analysis
STORE_DETAIL_KEY = "store-detail-key"  # what the Details tab is drawn for (a query)
STORE_DETAIL_PANEL = "store-detail-panel"  # the Details tab as plain lists (plain.py)
STORE_DETAIL_DRAWN = "store-detail-drawn"  # what assets/lists.js drew (its heading)
STORE_ANALYSIS_KEY = "store-analysis-key"  # what the Analysis tab is drawn for (a query)
STORE_JUMP = "store-jump"  # a citation clicked: the paragraph to show in the reader

INPUT_SEARCH = "input-search"
LIST_SEARCH_RESULTS = "list-search-results"

DIV_FILTERS = "div-filters"  # the filter column, which folds away
BUTTON_FOLD_FILTERS = "button-fold-filters"
BUTTON_FOLD_SIDE = "button-fold-side"
STORE_FOLDS = "store-folds"  # which panels the user folded (kept in the browser)
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
DIV_GRAPH_BOX = "div-graph-box"  # the graph's box: the skip link's target
DIV_LEGEND = "div-legend"

# the table view (components/table.py): the graph as a list and a table
SECTION_GRAPH = "section-graph"
BUTTON_TABLE_VIEW = "button-table-view"
STORE_TABLE_VIEW = "store-table-view"
STORE_TABLE_QUERY = "store-table-query"  # the URL's query, passed on only while it is open
DIV_TABLE_VIEW = "div-table-view"
LIST_PEOPLE = "list-people"
TABLE_RELATIONS = "table-relations"
TBODY_RELATIONS = "tbody-relations"
TEXT_PEOPLE_COUNT = "text-people-count"
TEXT_RELATION_COUNT = "text-relation-count"
TEXT_TABLE_MORE = "text-table-more"
STORE_TABLE_ROWS = "store-table-rows"  # the rows as data, drawn by assets/lists.js
STORE_TABLE_DRAWN = "store-table-drawn"

DIV_SIDE = "div-side"
BUTTON_TAB_DETAIL = "button-tab-detail"
BUTTON_TAB_READER = "button-tab-reader"
DIV_DETAIL = "div-detail"
DIV_READER = "div-reader"
DROPDOWN_READER_DOCUMENT = "dropdown-reader-document"  # the document the reader shows
DIV_READER_TEXT = "div-reader-text"
STORE_READER_KEY = "store-reader-key"  # the document the reader has drawn (once opened)
STORE_READER_TEXT = "store-reader-text"  # its paragraphs as data, drawn by assets/lists.js
STORE_READER_DRAWN = "store-reader-drawn"

OPTION_HIDE_ISOLATED = "hide-isolated"

# the analysis tab (components/analysis.py)
BUTTON_TAB_ANALYSIS = "button-tab-analysis"
DIV_ANALYSIS = "div-analysis"
RADIO_MATRIX_POLARITY = "radio-matrix-polarity"
GRAPH_MATRIX = "graph-matrix"  # the box the matrix chart is mounted in on first open
CHART_MATRIX = "chart-matrix"  # pattern type: {"type": CHART_MATRIX, "id": "chart"}
TEXT_CELL = "text-cell"
BUTTON_CLEAR_CELL = "button-clear-cell"
DROPDOWN_SIZE = "dropdown-size"
STORE_SORT = "store-sort"  # the people table's order, set by its headers (data-store)
DIV_PEOPLE_TABLE = "div-people-table"
GRAPH_TIMELINE = "graph-timeline"  # the box of the timeline chart
CHART_TIMELINE = "chart-timeline"  # pattern type: {"type": CHART_TIMELINE, "id": "chart"}
DIV_VOICE = "div-voice"
RADIO_COLOR = "radio-color"
DIV_COMMUNITIES = "div-communities"

# classroom mode (components/classroom.py): the walk, the projector view and the exports
DIV_APP = "div-app"
BUTTON_WALK = "button-walk"
BUTTON_STEP_PREV = "button-step-prev"
BUTTON_STEP_NEXT = "button-step-next"
DIV_WALK = "div-walk"
DIV_WALK_BODY = "div-walk-body"
STORE_WALK_PANEL = "store-walk-panel"  # the step panel as plain lists (plain.py)
STORE_WALK_DRAWN = "store-walk-drawn"  # what assets/lists.js drew
STORE_STEP_KEY = "store-step-key"  # the walk's step in the URL, passed on when it changes
BUTTON_PRESENT = "button-present"
BUTTON_FULLSCREEN = "button-fullscreen"
BUTTON_CONTROLS = "button-controls"
BUTTON_EXPORT_PNG = "button-export-png"
BUTTON_EXPORT_SVG = "button-export-svg"
BUTTON_EXPORT = "button-export"  # pattern type: {"type": BUTTON_EXPORT, "id": format}
DOWNLOAD_EXPORT = "download-export"
STORE_PICTURE = "store-picture"  # a picture asked for: its format and its legend
STORE_EXPORTED = "store-exported"
BUTTON_HANDOUT = "button-handout"
DIV_HANDOUT = "div-handout"
IMG_HANDOUT = "img-handout"
IMG_PRINT = "img-print"  # the graph as a picture when the page itself is printed
STORE_CAMERA = "store-camera"

#: The containers whose children are drawn once the graph is on screen (``layout.later``).
DRAWN_AFTER_GRAPH = (DIV_FILTERS, DIV_SIDE, DIV_TABLE_VIEW)
