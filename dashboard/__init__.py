"""A Dash tool for studying the December 1955 turn against the Soviet Koreans.

Three layers, each importing only from the ones below it (``tests/test_layers.py``):

- ``corpus``: CSV files -> a ``Corpus`` and a list of ``Problem``s (reading, checking,
  the one name normaliser, curation helpers);
- ``network``: the corpus as a network, and everything a view shows of it (filters,
  drawing, measures, the walk, passages, search, export data). No Dash here;
- ``web``: the Dash app (layout, components, callbacks, security). The only layer that
  imports dash, plotly or flask.

``settings`` (the environment variables) and ``cli`` (the command line) sit beside them.
"""

from .settings import DEFAULT_DATA_DIR, PACKAGE_DIR

__all__ = ["DEFAULT_DATA_DIR", "PACKAGE_DIR"]
