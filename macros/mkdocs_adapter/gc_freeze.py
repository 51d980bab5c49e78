"""The objects a build holds before its page loops, kept out of Python's cyclic collector.

By the navigation event the corpus, graph, configuration and pages exist and live until
the end of the build. Each full collection would walk them all again (Markdown conversion
allocates enough to trigger several), and in the processes parallel.py forks the walk
touches every object's header, so pages shared with the build process get copied.
``gc.freeze()`` moves them to a permanent generation (the use the Python documentation
gives for it, before fork); ``unfreeze`` at the end of the build hands them back.
"""

from __future__ import annotations

import gc


def freeze() -> None:
    gc.collect()  # what is already garbage is freed, not kept frozen for the whole build
    gc.freeze()


def unfreeze() -> None:
    gc.unfreeze()
