"""The command line: ``python -m dashboard validate|run``."""

from dashboard.cli import main

raise SystemExit(main())
