"""The sentences a search result may quote: a page's own text, cut into short passages,
of which a bounded set is kept per page.

The browser (capi-search.js) picks, among a result's passages, the one that holds the most
words of the query and marks them. Keeping every sentence would make each result cost the
whole page; keeping the first ones would quote the same opening whatever was searched. So
the kept passages are chosen to cover as many of the page's distinct terms as the budget
allows (greedy set cover): almost any word the page is found by has a sentence to show.
"""

from __future__ import annotations

import heapq
import re
from html import unescape

from ..render.web_only import WEB_ONLY_RE

BUDGET = 1200  # characters of passages kept per page
LONGEST = 280  # a longer block is cut into sentences, then at a word
CONSIDERED = 200  # passages a page may quote from (its first ones): bounds the choice

# not the page's prose: its title and headings (scored apart), the badges line (practices and
# themes, quoted from the page's keywords), permalink signs, table headers, cell labels
_NOT_PROSE_RE = re.compile(
    r"<(script|style|svg|h[1-6]|thead)\b.*?</\1>"
    r'|<p class="capi-(?:badges|history)">.*?</p>'
    r'|<a [^>]*class="(?:headerlink|footnote-backref)"[^>]*>.*?</a>'
    r'|<sup id="fnref[^"]*">.*?</sup>'
    r'|<span class="capi-cell-label">[^<]*</span>',
    re.DOTALL | re.IGNORECASE,
)
_BLOCK_RE = re.compile(
    r"</?(?:p|li|ul|ol|dl|dd|dt|blockquote|div|table|tbody|tr|pre|figure|figcaption|"
    r"details|summary|section|article|aside|hr)\b[^>]*>",
    re.IGNORECASE,
)
_BR_RE = re.compile(r"<br\b[^>]*>", re.IGNORECASE)  # a line break in a paragraph is a space
_CELL_END_RE = re.compile(r"</t[dh]>", re.IGNORECASE)
# inline elements are part of their word (« <strong>mot</strong>, » is « mot, »); any other
# tag (an image, a form control…) separates words
_INLINE_TAG_RE = re.compile(
    r"</?(?:a|abbr|b|cite|code|del|em|i|ins|kbd|mark|q|s|small|span|strong|sub|sup|time|u)"
    r"\b[^>]*>",
    re.IGNORECASE,
)
_TAG_RE = re.compile(r"<[^>]*>")
_SPACE_BEFORE_RE = re.compile(r" +([,.)…])(?!\w)")  # not before « .venv »
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CELL = " · "


def passages(html: str) -> list[str]:
    """The page's prose as short passages, in reading order."""
    text = _NOT_PROSE_RE.sub(" ", WEB_ONLY_RE.sub(" ", html))
    # line breaks of the HTML source are spaces; only block elements end a passage
    text = _BLOCK_RE.sub("\n", " ".join(_BR_RE.sub(" ", text).split()))
    text = _INLINE_TAG_RE.sub("", _CELL_END_RE.sub(_CELL, text))
    text = unescape(_TAG_RE.sub(" ", text))
    text = _SPACE_BEFORE_RE.sub(r"\1", text)  # « mot , » once a tag is gone
    if "@" in text:  # pages encode addresses against harvesting: so do excerpts
        text = _EMAIL_RE.sub("(adresse électronique)", text)
    out: list[str] = []
    for block in text.split("\n"):
        block = " ".join(block.split()).strip(" ·")
        if block:
            out.extend(_pieces(block))
    return out


def _pieces(block: str) -> list[str]:
    """A block no longer than LONGEST, else its sentences, else word-bounded slices."""
    if len(block) <= LONGEST:
        return [block]
    out: list[str] = []
    for sentence in _SENTENCE_END_RE.split(block):
        while len(sentence) > LONGEST:
            cut = sentence.rfind(" ", 0, LONGEST)
            cut = cut if cut > LONGEST // 2 else LONGEST
            out.append(sentence[:cut] + " …")  # the sentence goes on: say so
            sentence = "… " + sentence[cut:].lstrip()
        if sentence:
            out.append(sentence)
    return out


def select(candidates: list[str], terms_of: list[set[str]], budget: int = BUDGET) -> list[int]:
    """Indexes of the passages that cover the most distinct terms within ``budget``
    characters, in reading order; the first passage is always kept (shown when no passage
    matches).

    Lazy greedy: a passage's gain only shrinks as others are chosen, so a gain recomputed
    that still beats the next best stored one is the best (few recomputations per page)."""
    if not candidates:
        return []
    chosen = [0]
    covered = set(terms_of[0])
    spent = len(candidates[0])
    heap = [(-_gain(terms_of[i], covered, candidates[i]), i) for i in range(1, len(candidates))]
    heapq.heapify(heap)
    while heap and spent < budget:
        _, index = heapq.heappop(heap)
        if spent + len(candidates[index]) > budget:
            continue  # too long for what is left; shorter ones may still fit
        gain = _gain(terms_of[index], covered, candidates[index])
        if heap and gain < -heap[0][0]:
            heapq.heappush(heap, (-gain, index))
            continue
        if gain <= 0:
            break
        chosen.append(index)
        covered |= terms_of[index]
        spent += len(candidates[index])
    return sorted(chosen)


def _gain(found: set[str], covered: set[str], passage: str) -> float:
    """New terms per character (plus a constant, so one long sentence and two short ones
    with the same new words are worth about the same)."""
    return len(found - covered) / (len(passage) + 60)
