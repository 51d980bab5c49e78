"""The search index's part of a page indexed in a forked process (parallel.py).

A forked process indexes each of its pages in an index of its own; the build process
appends that one-page index to the site's, as if it had indexed the page itself: same
document number, same scores (summed in the same order), terms met in the same order.
"""

from __future__ import annotations

from ..outputs.search_index import Document, SearchIndex

# (documents, [(term, {document: score})]) of one page, plain data for the pipe
PagePart = tuple[list[Document], list[tuple[str, dict[int, float]]]]


class PageSearch:
    """Stands for the site's index in a forked process: one index per page."""

    def __init__(self) -> None:
        self.index = SearchIndex()

    def add(self, *args, **kwargs) -> None:
        self.index.add(*args, **kwargs)

    # the page's own index, where ``merge`` puts a part the preview remembered
    @property
    def documents(self) -> list[Document]:
        return self.index.documents

    @property
    def postings(self):
        return self.index.postings

    def take(self) -> PagePart:
        """The page's part, and a fresh index for the next page."""
        index, self.index = self.index, SearchIndex()
        return index.documents, [(term, dict(docs)) for term, docs in index.postings.items()]


def merge(index: SearchIndex, part: PagePart) -> None:
    documents, postings = part
    offset = len(index.documents)
    index.documents.extend(documents)
    for term, docs in postings:
        slot = index.postings[term]
        for doc, score in docs.items():
            slot[doc + offset] = score


def swap(index: SearchIndex, doc: int, old: PagePart, new: PagePart) -> set[str]:
    """Page ``doc``'s part in the site's index replaced by its new one (the preview, after
    a save); returns the terms whose postings changed."""
    before = {term: docs.get(0) for term, docs in old[1]}
    after = {term: docs.get(0) for term, docs in new[1]}
    touched = {term for term in before.keys() | after.keys() if before.get(term) != after.get(term)}
    for term in touched:
        slot = index.postings[term]
        if after.get(term) is None:
            slot.pop(doc, None)
            if not slot:
                del index.postings[term]
        else:
            slot[doc] = after[term]
    index.documents[doc] = new[0][0]
    return touched
