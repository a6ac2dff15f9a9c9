"""Command-line entry points. Bad data ends as a table and exit status 1, never a traceback."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

from . import DEFAULT_DATA_DIR
from .corpus import Corpus, CorpusError, format_table, load_corpus, summarize


def _data_dir(value: str | None) -> Path:
    return Path(value or os.environ.get("DASHBOARD_DATA") or DEFAULT_DATA_DIR).resolve()


def plural(count: int, word: str, many: str = "") -> str:
    """A count with its noun in the right number.

    >>> plural(1, "group"), plural(2, "person", "people")
    ('1 group', '2 people')
    """
    return f"{count} {word if count == 1 else (many or word + 's')}"


def describe(corpus: Corpus) -> str:
    """One line of counts for a clean corpus."""
    kinds = Counter(p.kind for p in corpus.people.values())
    paragraphs = sum(len(d.paragraphs) for d in corpus.documents.values())
    return (f"{plural(len(corpus.documents), 'document')} "
            f"({plural(paragraphs, 'paragraph')}), {plural(len(corpus.factions), 'faction')}, "
            f"{plural(len(corpus.periods), 'period')}, "
            f"{plural(kinds['person'], 'person', 'people')} and "
            f"{plural(kinds['group'], 'group')}, {plural(len(corpus.relations), 'relation')}, "
            "every quote found")


def cmd_validate(args: argparse.Namespace) -> int:
    if args.data_dir and args.data and Path(args.data_dir).resolve() != Path(args.data).resolve():
        print(f"give the data directory once: {args.data_dir!r} or --data {args.data!r}",
              file=sys.stderr)
        return 2
    data_dir = _data_dir(args.data_dir or args.data)
    result = load_corpus(data_dir)
    if result.problems:
        print(format_table(result.problems))
    if not result.ok:
        print(f"{data_dir}: invalid", file=sys.stderr)
        return 1
    warnings = f" ({summarize(result.problems)})" if result.problems else ""
    print(f"{data_dir}: valid — {describe(result.corpus)}{warnings}")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from .app import create_app  # Dash is imported only for serving

    data_dir = _data_dir(args.data)
    try:
        app = create_app(data_dir)
    except CorpusError as err:
        print(format_table(err.problems), file=sys.stderr)
        print(f"{data_dir}: invalid data; the app was not started", file=sys.stderr)
        return 1
    print(f"Serving {data_dir} on http://{args.host}:{args.port}/  (Ctrl+C to stop)",
          flush=True)
    app.run(host=args.host, port=args.port, debug=args.debug, dev_tools_ui=args.debug,
            dev_tools_props_check=args.debug, dev_tools_hot_reload=False)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check a data directory and report problems")
    validate.add_argument("data_dir", nargs="?", help="the data directory (default: data/)")
    validate.add_argument("--data", help="the data directory (same as the positional argument)")
    validate.set_defaults(func=cmd_validate)

    run = commands.add_parser("run", help="serve the app with Dash's own (development) server")
    run.add_argument("--data", help="data directory (env DASHBOARD_DATA; default: data/)")
    run.add_argument("--host", default=os.environ.get("DASHBOARD_HOST", "127.0.0.1"),
                     help="address to listen on (env DASHBOARD_HOST; default 127.0.0.1)")
    run.add_argument("--port", type=int, default=_port(), help="port (env DASHBOARD_PORT; "
                     "default 8050)")
    run.add_argument("--debug", action="store_true", help="Dash debug mode and dev tools")
    run.set_defaults(func=cmd_run)
    return parser


def _port() -> int:
    value = os.environ.get("DASHBOARD_PORT", "8050")
    return int(value) if value.isdigit() else 8050


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
