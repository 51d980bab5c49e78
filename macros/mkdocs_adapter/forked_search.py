"""The search index's part of a page indexed in a forked process (parallel.py).

A forked process indexes each of its pages in an index of its own; the build process
appends that one-page index to the site's, as if it had indexed the page itself: same
document number, same scores (summed in the same order), terms met in the same order.
"""

from __future__ import annotations

from ..outputs.search_index import Document, SearchIndex

# (documents, terms, scores) of one page (one document: its terms' scores are for it), as
# flat lists: a dictionary per term made reading a forked process's results ten times slower
PagePart = tuple[list[Document], list[str], list[float]]


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
        assert len(index.documents) <= 1  # one page, one document (none for the 404 page)
        terms = list(index.postings)
        return index.documents, terms, [index.postings[term][0] for term in terms]


def merge(index: SearchIndex, part: PagePart) -> None:
    documents, terms, scores = part
    offset = len(index.documents)
    index.documents.extend(documents)
    postings = index.postings
    for term, score in zip(terms, scores, strict=True):
        postings[term][offset] = score


def swap(index: SearchIndex, doc: int, old: PagePart, new: PagePart) -> set[str]:
    """Page ``doc``'s part in the site's index replaced by its new one (the preview, after
    a save); returns the terms whose postings changed."""
    before = dict(zip(old[1], old[2], strict=True))
    after = dict(zip(new[1], new[2], strict=True))
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
