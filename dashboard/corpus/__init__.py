"""Loading and validating the CSV corpus. No Dash here: plain data and plain functions."""

from .loading import CorpusError, LoadResult, load_corpus, load_valid_corpus
from .model import (
    Alias,
    Corpus,
    Document,
    Faction,
    Paragraph,
    Period,
    Person,
    Relation,
    Step,
)
from .problems import Problem, format_table, has_errors, summarize

__all__ = [
    "Alias", "Corpus", "CorpusError", "Document", "Faction", "LoadResult", "Paragraph",
    "Period", "Person", "Problem", "Relation", "Step", "format_table", "has_errors", "load_corpus",
    "load_valid_corpus", "summarize",
]
