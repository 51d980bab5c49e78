"""Blocks the engine adds to help readers move around the web site, which are not the page's
own words: the example banner, « Voir aussi » and « Cité dans » lists.

The booklet drops them (the cover says what is an example, the index does the rest), and
search neither scores nor quotes them (a result for « médiation » must show the page's own
sentence, not the banner every example page carries).
"""

from __future__ import annotations

import re

WEB_ONLY_RE = re.compile(
    r'<div class="admonition example">.*?</div>'
    r'|<h2 id="(?:voir-aussi|cite-dans)">.*?</h2>\s*<ul>.*?</ul>',
    re.DOTALL,
)
