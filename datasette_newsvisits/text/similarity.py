"""How alike two sentences are: the one measure behind reuse and ``text_similarity``.

Each text is reduced to its set of content words (``words.content_words``: folded,
no stop words; order does not count, so reordered clauses still
match). The score is the mean of two coefficients of the shared words: Jaccard (shared
over all) and overlap (shared over the smaller set), so a sentence trimmed by another
outlet still scores high. In reuse detection each word weighs by its rarity in the
corpus (``reuse``); between two texts alone every word weighs one.
"""

from __future__ import annotations

from .words import content_words


def combined_score(shared, size_a, size_b, smaller):
    """Mean of the Jaccard and overlap coefficients, from the (weighted) set sizes.

    ``smaller`` is the smaller of the two sizes. Works on numbers and, element-wise, on
    numpy arrays (reuse scores candidate pairs in batches).
    """
    return (shared / (size_a + size_b - shared) + shared / smaller) / 2


def similarity(a: str, b: str) -> float:
    """0 to 1: how alike the content words of two texts are (0.0 if either has none)."""
    left, right = set(content_words(a)), set(content_words(b))
    if not left or not right:
        return 0.0
    shared = len(left & right)
    return combined_score(shared, len(left), len(right), min(len(left), len(right)))
