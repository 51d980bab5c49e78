"""``python -m macros`` is the ``capi`` command (used by the bench and the tests)."""

from .commands.cli import main

raise SystemExit(main())
