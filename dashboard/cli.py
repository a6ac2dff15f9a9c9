"""Command-line entry points. Bad data ends as a table and exit status 1, never a traceback."""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections import Counter
from pathlib import Path

from . import DEFAULT_DATA_DIR, settings
from .corpus import Corpus, CorpusError, format_table, load_corpus, summarize
from .corpus.writing import atomic_write


def _data_dir(value: str | None) -> Path:
    """``--data`` when given, else ``DASHBOARD_DATA`` (``settings``), else data/. A path
    that cannot be resolved (a symbolic link loop) is kept as given: reading it reports
    the problem."""
    path = Path(value or str(settings.get("DASHBOARD_DATA")))
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def plural(count: int, word: str, many: str = "") -> str:
    """A count with its noun in the right number.

    >>> plural(1, "group"), plural(2, "person", "people")
    ('1 group', '2 people')
    """
    return f"{count} {word if count == 1 else (many or word + 's')}"


def _walk(corpus: Corpus) -> str:
    from .network.story import steps_for

    generated = len(steps_for(corpus)) - len(corpus.steps)
    return (f"{plural(len(corpus.steps), 'walk step')}"
            + (f" (and {generated} generated for documents steps.csv does not list)"
               if generated else "") + ", ")


def describe(corpus: Corpus) -> str:
    """One line of counts for a clean corpus."""
    kinds = Counter(p.kind for p in corpus.people.values())
    paragraphs = sum(len(d.paragraphs) for d in corpus.documents.values())
    return (f"{plural(len(corpus.documents), 'document')} "
            f"({plural(paragraphs, 'paragraph')}), {plural(len(corpus.factions), 'faction')}, "
            f"{plural(len(corpus.periods), 'period')}, "
            f"{plural(kinds['person'], 'person', 'people')} and "
            f"{plural(kinds['group'], 'group')}, {plural(len(corpus.relations), 'relation')}, "
            + (_walk(corpus) if corpus.steps else "")
            + "every quote found")


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


def steps_csv(steps: tuple) -> str:
    """The steps as the text of a ``steps.csv``, columns in the declared order."""
    from .corpus.schema import STEPS

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(STEPS.column_names)
    writer.writerows((s.number, s.document, s.first, s.last, s.title, s.summary) for s in steps)
    return out.getvalue()


def cmd_steps(args: argparse.Namespace) -> int:
    from .corpus.schema import STEPS
    from .network.story import default_steps

    data_dir = _data_dir(args.data)
    result = load_corpus(data_dir)
    blocking = [p for p in result.problems if p.severity == "error" and p.file != STEPS.file]
    if blocking:  # a broken steps.csv is no reason not to generate a new one
        print(format_table(blocking), file=sys.stderr)
        print(f"{data_dir}: invalid data; no steps generated", file=sys.stderr)
        return 1
    text = steps_csv(default_steps(result.corpus))
    if not args.write:
        print(text, end="")
        return 0
    target = data_dir / STEPS.file
    if target.exists() and not args.force:
        print(f"{target} exists; add --force to replace it", file=sys.stderr)
        return 1
    atomic_write(target, text)
    print(f"wrote {text.count(chr(10)) - 1} steps to {target}")
    return 0


def cmd_add_document(args: argparse.Namespace) -> int:
    from .corpus.curation import CurationError, NewDocument, add_document

    data_dir = _data_dir(args.data)
    doc = NewDocument(id=args.id, title=args.title, date=args.date, author=args.author,
                      archive_ref=args.archive_ref, translator=args.translator or "",
                      url=args.url or "", rights=args.rights, summary=args.summary or "")
    try:
        count = add_document(data_dir, Path(args.file), doc, args.paragraphs)
    except CurationError as err:
        print(f"add-document: {err}; nothing was written", file=sys.stderr)
        return 1
    where = "" if data_dir == DEFAULT_DATA_DIR.resolve() else f" --data {data_dir}"
    print(f"added {args.id} ({plural(count, 'paragraph')}) to {data_dir}. Next: "
          f"`python -m dashboard mentions {args.id}{where}` for the names it mentions, then "
          f"write its relations in relations.csv and run `python -m dashboard validate{where}`.")
    return 0


def cmd_mentions(args: argparse.Namespace) -> int:
    from .corpus.worklist import WorklistError, format_mentions, mentions, propose

    data_dir = _data_dir(args.data)
    result = load_corpus(data_dir)
    if not result.ok:
        print(format_table(result.problems), file=sys.stderr)
        print(f"{data_dir}: fix these problems first", file=sys.stderr)
        return 1
    try:
        worklist = mentions(result.corpus, args.document)
        proposals = propose(result.corpus, args.document)
    except WorklistError as err:
        print(f"mentions: {err}", file=sys.stderr)
        return 1
    print(format_mentions(result.corpus, args.document, worklist, proposals))
    return 0


def build_app(data_dir: Path, debug: bool = False):
    """The Dash app for ``data_dir``, or ``SystemExit(1)`` after printing why not: the
    problem table for bad data, one line for a bad setting. Never a traceback."""
    from .web.app import create_app  # Dash is imported only for serving

    try:
        settings.read()
        return create_app(data_dir, debug=debug)
    except CorpusError as err:
        print(format_table(err.problems), file=sys.stderr)
        print(f"{data_dir}: invalid data; the app was not started", file=sys.stderr)
    except settings.SettingsError as err:
        print(f"{err}; the app was not started", file=sys.stderr)
    raise SystemExit(1)


def wsgi_app():
    """The app a WSGI server serves (``app.py``: ``gunicorn app:server``)."""
    try:
        data_dir = _data_dir(None)
    except settings.SettingsError as err:
        print(f"{err}; the app was not started", file=sys.stderr)
        raise SystemExit(1) from None
    return build_app(data_dir)


def cmd_run(args: argparse.Namespace) -> int:
    data_dir = _data_dir(args.data)
    app = build_app(data_dir, debug=args.debug)
    host = args.host or str(settings.get("DASHBOARD_HOST"))
    port = args.port or int(str(settings.get("DASHBOARD_PORT")))
    print(f"Serving {data_dir} on http://{host}:{port}/  (Ctrl+C to stop)", flush=True)
    app.run(host=host, port=port, debug=args.debug, dev_tools_ui=args.debug,
            dev_tools_props_check=args.debug, dev_tools_hot_reload=False)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check a data directory and report problems")
    validate.add_argument("data_dir", nargs="?", help="the data directory (default: data/)")
    validate.add_argument("--data", help="the data directory (same as the positional argument)")
    validate.set_defaults(func=cmd_validate)

    steps = commands.add_parser("steps", help="print the generated steps of the guided walk as "
                                "CSV, or write them to steps.csv")
    steps.add_argument("--data", help="data directory (env DASHBOARD_DATA; default: data/)")
    steps.add_argument("--write", action="store_true", help="write DATA/steps.csv")
    steps.add_argument("--force", action="store_true", help="with --write: replace an "
                       "existing steps.csv")
    steps.set_defaults(func=cmd_steps)

    add = commands.add_parser("add-document", help="add a document's text and its row to "
                              "documents.csv (writes no relations)")
    add.add_argument("file", help="the document's text, UTF-8: paragraphs separated by a blank "
                     "line, or one paragraph a line (see --paragraphs)")
    add.add_argument("--data", help="the data directory (default: data/)")
    add.add_argument("--id", required=True, help="a slug such as ivanov-1955-12-20")
    add.add_argument("--title", required=True)
    add.add_argument("--date", required=True, help="YYYY-MM-DD")
    add.add_argument("--author", default="not recorded")
    add.add_argument("--archive-ref", dest="archive_ref", default="not recorded")
    add.add_argument("--translator")
    add.add_argument("--url")
    add.add_argument("--rights", default="not recorded: check before sharing")
    add.add_argument("--summary")
    add.add_argument("--paragraphs", choices=("auto", "blank", "line"), default="auto",
                     help="how the text marks paragraphs: a blank line between them, one a "
                     "line, or auto (one a line when the text has no blank line)")
    add.set_defaults(func=cmd_add_document)

    names = commands.add_parser("mentions", help="list, paragraph by paragraph, the known "
                                "people a document mentions and the names not known yet")
    names.add_argument("document", help="the document id")
    names.add_argument("--data", help="the data directory (default: data/)")
    names.set_defaults(func=cmd_mentions)

    run = commands.add_parser("run", help="serve the app with Dash's own (development) server")
    run.add_argument("--data", help="data directory (env DASHBOARD_DATA; default: data/)")
    run.add_argument("--host", help="address to listen on (env DASHBOARD_HOST; default "
                     "127.0.0.1)")
    run.add_argument("--port", type=_port, help="port (env DASHBOARD_PORT; default 8050)")
    run.add_argument("--debug", action="store_true", help="Dash debug mode and dev tools")
    run.set_defaults(func=cmd_run)
    return parser


def _port(value: str) -> int:
    if not (value.isascii() and value.isdigit() and 1 <= int(value) <= 65535):
        raise argparse.ArgumentTypeError(f"{value!r} is not a port (1 to 65535)")
    return int(value)


def main(argv: list[str] | None = None) -> int:
    """Run a command; a bad setting ends as one line and exit status 2."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except settings.SettingsError as err:
        print(f"{err}", file=sys.stderr)
        return 2
