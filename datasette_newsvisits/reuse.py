"""Wire-copy reuse: groups of near-identical sentences found in different articles.

Method, in order:

1. Each sentence becomes its words and content words (``text.words``: folded, so case,
   accents, curly or straight quotes, dashes and punctuation make no difference; content
   words leave out stop words). Sentences with fewer than
   ``MIN_WORDS`` words or ``MIN_CONTENT`` content words take no part: they are too short
   to tell reuse from coincidence.
2. Exact duplicates of the normalized text collapse into one (a hash), so everything
   after runs once per distinct sentence.
3. MinHash over each sentence's set of content words (order-free, so reordered clauses
   still match), computed with numpy from fixed seeds and banded for LSH (``BANDS``
   bands of ``ROWS`` rows). Words found in more than ``COMMON_SHARE`` of the distinct
   sentences (and at least ``COMMON_MIN``) are left out of the sketches, so that
   "lukashenko" or "china" do not throw most sentences into a few huge buckets (a
   sentence made only of such words is found by its exact duplicates alone). Band
   hashes live in one numpy array per band; sorting it puts colliding sentences side by
   side, and each sentence is compared with its ``WINDOW`` predecessors
   in a bucket, never all pairs, so a bucket of 10,000 reprints costs 10,000 comparisons.
4. Each candidate pair is confirmed by ``text.similarity``'s measure (the mean of the
   Jaccard and overlap coefficients of the content-word sets), each word weighted by its
   rarity among the distinct sentences (``log(1 + n / df)``), at least ``THRESHOLD``
   (chosen on ``tests/fixtures/reuse/pairs.json``). Weighting makes the shared frame of
   two different stories ("trade rose by ... percent") count for less than the names and
   numbers that differ. ``is_reuse`` (and the SQL function ``text_similarity``) compare
   two sentences with no corpus around them, so there every word weighs the same
   (``PAIR_THRESHOLD``).
5. Connected components of the confirmed pairs are the groups (scipy's csgraph), built
   band by band. Against chaining (A like B, B like C, ... until unrelated sentences
   share a group), a confirmed pair joins two existing groups only if the groups' first
   sentences are also alike, at ``CORE_THRESHOLD``: on the 100k synthetic corpus this
   split a 365,000-sentence chain into its real groups (0.02 % fewer sentences grouped).

In the database a group becomes a ``reuse`` row only if its sentences come from at least
two different articles; its id is the smallest sentence id in it, so recomputing with no
new input changes nothing. ``reuse.outlets`` counts distinct ``outlet_id`` values, an
article without an outlet counting as an outlet of its own (it cannot be shown to be the
same publication as any other). ``articles.wire_share`` is the share of the article's
sentence characters (the sum of its sentence lengths) that lie in reused sentences.
"""

from __future__ import annotations

import sqlite3
import time
import zlib
from array import array
from collections.abc import Callable, Sequence

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from .text.similarity import combined_score, similarity
from .text.words import STOP_WORDS_UTF8, words, words_utf8

MIN_WORDS = 6
MIN_CONTENT = 4
BANDS = 24
ROWS = 3
WINDOW = 2
THRESHOLD = 0.56
PAIR_THRESHOLD = 0.6
CORE_THRESHOLD = 0.4
COMMON_MIN = 1000
COMMON_SHARE = 0.01
SEED = 20230228
CHUNK = 20_000
VERIFY_BATCH = 50_000
REDUCE_CHUNK = 100_000
REBUILD_INDEX_AT = 50_000  # changed sentences above which the reuse_id index is rebuilt
REUSE_INDEX = "idx_sentence_spans_reuse_id"  # as schema.ensure_schema names it

_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)


def is_reuse(a: str, b: str) -> bool:
    """True when ``b`` reads as an edited reprint of ``a`` (or the reverse)."""
    if not (_long_enough(words(a)) and _long_enough(words(b))):
        return False
    return similarity(a, b) >= PAIR_THRESHOLD


def group_sentences(texts: Sequence[str]) -> list[int | None]:
    """A group label per sentence (the index of the group's first sentence), or None.

    Runs the same pipeline as ``update_reuse`` (exact, then LSH, then confirmation).
    """
    index = _Index()
    for text in texts:
        index.add(text)
    labels: list[int | None] = [None] * len(texts)
    for members in index.groups():
        first = int(members.min())
        for member in members.tolist():
            labels[member] = first
    return labels


def update_reuse(
    conn: sqlite3.Connection, progress: Callable[[int], None] | None = None
) -> dict:
    """Recompute reuse groups over every sentence in the database; returns statistics.

    Fills ``reuse``, sets ``sentences.reuse_id`` and ``articles.wire_share``, in one
    transaction. ``progress(n)`` is called as sentences are read. Statistics: sentences,
    distinct (normalized, long enough), candidates (pairs confirmed or rejected), groups,
    changed (sentences whose reuse_id changed), read/group/total seconds.
    """
    started = time.perf_counter()
    outlets: dict[int, str | None] = dict(
        conn.execute("SELECT rowid, outlet_id FROM articles")
    )
    index = _Index()
    ids, owner, length, old = array("q"), array("i"), array("i"), array("q")
    cursor = conn.execute(
        'SELECT s.id, coalesce(a.rowid, -1), substr(a.text, s.start + 1, s."end" - s.start), '
        'coalesce(s."end" - s.start, 0), coalesce(s.reuse_id, -1) '
        "FROM sentence_spans s LEFT JOIN articles a ON a.id = s.article_id ORDER BY s.id"
    )
    while rows := cursor.fetchmany(CHUNK):
        chunk_ids, chunk_owner, texts, chunk_length, chunk_old = zip(*rows)
        ids.extend(chunk_ids)
        owner.extend(chunk_owner)
        length.extend(chunk_length)
        old.extend(chunk_old)
        for text in texts:
            index.add(text or "")
        if progress:
            progress(len(rows))
    read_seconds = time.perf_counter() - started
    ids_a, old_a = (np.frombuffer(a, dtype=np.int64) for a in (ids, old))
    owner_a, length_a = (np.frombuffer(a, dtype=np.int32) for a in (owner, length))

    new = np.full(len(ids_a), -1, dtype=np.int64)
    reuse_rows = []
    for members in index.groups():
        rows_at = members
        owners = owner_a[rows_at]
        if len(np.unique(owners)) < 2:
            continue
        group_id = int(ids_a[rows_at].min())
        new[rows_at] = group_id
        outlet_keys = {outlets.get(o) or f"\0{o}" for o in owners.tolist()}
        reuse_rows.append(
            (group_id, len(rows_at), len(np.unique(owners)), len(outlet_keys), group_id)
        )

    changed = np.nonzero(new != old_a)[0]
    share = _wire_share(owner_a, length_a, new >= 0, outlets)
    group_seconds = time.perf_counter() - started - read_seconds
    conn.execute("BEGIN")
    try:
        # sentences.reuse_id refers to reuse(id): check foreign keys at COMMIT, when the
        # rewritten reuse rows and the updated sentences agree again.
        conn.execute("PRAGMA defer_foreign_keys = ON")
        conn.execute("DELETE FROM reuse")
        conn.executemany(
            "INSERT INTO reuse (id, sentences, articles, outlets, text) "
            "SELECT ?, ?, ?, ?, text FROM sentences WHERE id = ?",
            reuse_rows,
        )
        rebuild = len(changed) > REBUILD_INDEX_AT and _has_index(conn, REUSE_INDEX)
        if rebuild:  # cheaper to drop the index on reuse_id and build it again
            conn.execute(f"DROP INDEX [{REUSE_INDEX}]")
        conn.executemany(
            "UPDATE sentence_spans SET reuse_id = ? WHERE id = ?",
            (
                (None if new[i] < 0 else int(new[i]), int(ids_a[i]))
                for i in changed.tolist()
            ),
        )
        if rebuild:
            conn.execute(f'CREATE INDEX [{REUSE_INDEX}] ON sentence_spans("reuse_id")')
        # (The full-text index's update trigger fires on title and text only: see
        # schema.py; writing wire_share does not re-index the article.)
        conn.executemany(
            "UPDATE articles SET wire_share = ? WHERE rowid = ? AND wire_share IS NOT ?",
            ((value, rowid, value) for rowid, value in share.items()),
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return {
        "sentences": len(ids_a),
        "distinct": index.distinct,
        "candidates": index.candidates,
        "groups": len(reuse_rows),
        "changed": len(changed),
        "read_seconds": round(read_seconds, 2),
        "group_seconds": round(group_seconds, 2),
        "seconds": round(time.perf_counter() - started, 2),
    }


def _has_index(conn: sqlite3.Connection, name: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)
        ).fetchone()
        is not None
    )


def _wire_share(owner, length, reused, outlets: dict) -> dict[int, float | None]:
    """Share of each article's sentence characters in reused sentences, by article rowid."""
    known = owner >= 0
    size = max(outlets, default=0) + 1
    total = np.bincount(owner[known], weights=length[known], minlength=size)
    wire = np.bincount(
        owner[known & reused], weights=length[known & reused], minlength=size
    )
    return {
        rowid: (
            None if total[rowid] <= 0 else round(float(wire[rowid] / total[rowid]), 4)
        )
        for rowid in outlets
    }


def _long_enough(found: list[str]) -> bool:
    return len(found) >= MIN_WORDS


class _Index:
    """Sentences in, groups of near-duplicates out; memory in flat numpy arrays."""

    def __init__(self):
        self.vocab: dict[bytes, int] = {}
        self.token_hash: list[int] = []
        self.sizes = array("i")  # content words per sentence, 0 if it takes no part
        self.digests = array("q")  # hash of the normalized text
        self.tokens = array("i")  # content-word ids, sorted within a sentence
        self.candidates = 0
        self.distinct = 0

    def add(self, text: str) -> None:
        """Add the next sentence (its position is the number of sentences added before)."""
        found = words_utf8(text)
        content = set(found) if len(found) >= MIN_WORDS else set()
        content -= STOP_WORDS_UTF8
        if len(content) < MIN_CONTENT:
            self.sizes.append(0)
            self.digests.append(0)
            return
        vocab = self.vocab
        token_ids = [vocab.get(word) for word in content]
        if None in token_ids:
            token_ids = [self._token(word) for word in content]
        self.tokens.extend(token_ids)
        self.sizes.append(len(token_ids))
        joined = b" ".join(found)  # same in every process, unlike hash()
        self.digests.append((zlib.crc32(joined) << 31) ^ zlib.adler32(joined))

    def _token(self, word: bytes) -> int:
        token = self.vocab.get(word)
        if token is None:
            token = self.vocab[word] = len(self.vocab)
            self.token_hash.append(zlib.crc32(word))
        return token

    def groups(self) -> list[np.ndarray]:
        """Positions of the sentences in each group of two or more."""
        sizes = np.frombuffer(self.sizes, dtype=np.int32)
        digests = np.frombuffer(self.digests, dtype=np.int64)
        tokens = np.frombuffer(self.tokens, dtype=np.int32)
        offsets = np.concatenate([[0], np.cumsum(sizes, dtype=np.int64)])
        kept = np.nonzero(sizes > 0)[0]
        if len(kept) < 2:
            return []
        _unique, first, inverse = np.unique(
            digests[kept], return_index=True, return_inverse=True
        )
        self.distinct = len(first)
        chosen = kept[first]
        chosen_sizes = sizes[chosen].astype(np.int64)
        distinct_tokens = _gather(tokens, offsets[chosen], chosen_sizes)
        del tokens, digests, offsets, _unique, first, chosen
        self.tokens = self.digests = array(
            "q"
        )  # every sentence's tokens: no longer needed
        distinct_offsets = np.concatenate([[0], np.cumsum(chosen_sizes)])
        token_hash = np.asarray(self.token_hash, dtype=np.uint64)
        labels = self._near_duplicates(distinct_tokens, distinct_offsets, token_hash)
        component = labels[inverse.ravel()]
        order = np.argsort(component, kind="stable")
        component = component[order]
        members = kept[order]
        bounds = np.nonzero(np.diff(component))[0] + 1
        return [part for part in np.split(members, bounds) if len(part) >= 2]

    def _near_duplicates(self, tokens, offsets, token_hash) -> np.ndarray:
        n = len(offsets) - 1
        sizes = np.diff(offsets)
        rng = np.random.default_rng(SEED)
        edges_a: list[np.ndarray] = []
        edges_b: list[np.ndarray] = []
        labels = np.arange(n, dtype=np.int64)
        frequency = np.bincount(tokens, minlength=len(token_hash))
        weight = np.log1p(n / np.maximum(frequency, 1))
        weighted_size = _reduce(
            np.add, offsets, lambda lo, hi: weight[tokens[lo:hi]], 0.0
        )
        # Words in many sentences ("lukashenko", "china") would put most sentences in a few
        # huge buckets: they take no part in the sketches (they still count when confirming).
        # (a lookup table of booleans: no 8-byte temporary per token)
        keep = (frequency <= max(COMMON_MIN, n * COMMON_SHARE))[tokens]
        rare_sizes = _reduce(
            np.add, offsets, lambda lo, hi: keep[lo:hi].astype(np.int64), 0
        )
        rare_sizes[sizes == 0] = 0
        rare_tokens = tokens[keep]
        del keep
        rare_offsets = np.concatenate([[0], np.cumsum(rare_sizes)])
        unbanded = rare_sizes == 0
        for _band in range(BANDS):
            multipliers = rng.integers(
                1, 2**63, size=ROWS, dtype=np.uint64
            ) | np.uint64(1)
            addends = rng.integers(0, 2**63, size=ROWS, dtype=np.uint64)
            band = np.zeros(n, dtype=np.uint64)
            for row in range(ROWS):

                def hashed(lo, hi, m=multipliers[row], c=addends[row]):
                    with np.errstate(over="ignore"):
                        return token_hash[rare_tokens[lo:hi]] * m + c

                minimum = _reduce(np.minimum, rare_offsets, hashed, _MASK64)
                with np.errstate(over="ignore"):
                    band = band * np.uint64(0x9E3779B97F4A7C15) + minimum
            band[unbanded] = np.arange(
                int(unbanded.sum()), dtype=np.uint64
            )  # no collisions
            order = np.argsort(band, kind="stable")
            sorted_band = band[order]
            pairs_a, pairs_b = [], []
            for step in range(1, WINDOW + 1):
                same = np.nonzero(sorted_band[step:] == sorted_band[:-step])[0]
                pairs_a.append(order[same + step])
                pairs_b.append(order[same])
            a = np.concatenate(pairs_a)
            b = np.concatenate(pairs_b)
            fresh = labels[a] != labels[b]
            a, b = a[fresh], b[fresh]
            if len(a) == 0:
                continue
            self.candidates += len(a)
            args = (tokens, offsets, sizes, weight, weighted_size)
            keep = _scores(a, b, *args) >= THRESHOLD
            a, b = a[keep], b[keep]
            if edges_a and len(a):
                # Against chaining: a pair joins two groups only if the groups' first
                # sentences are also alike (CORE_THRESHOLD), not just these two.
                first = np.full(n, n, dtype=np.int64)
                np.minimum.at(first, labels, np.arange(n))
                core_a, core_b = first[labels[a]], first[labels[b]]
                keep = (core_a == a) & (core_b == b)
                check = ~keep
                keep[check] = (
                    _scores(core_a[check], core_b[check], *args) >= CORE_THRESHOLD
                )
                a, b = a[keep], b[keep]
            if len(a):
                edges_a.append(a)
                edges_b.append(b)
                labels = _components(n, edges_a, edges_b)
        return labels


def _scores(a, b, tokens, offsets, sizes, weight, weighted_size) -> np.ndarray:
    """Similarity of each pair (a[k], b[k]): mean of weighted Jaccard and overlap."""
    keep = np.zeros(len(a), dtype=np.float64)
    for lo in range(0, len(a), VERIFY_BATCH):
        pa, pb = a[lo : lo + VERIFY_BATCH], b[lo : lo + VERIFY_BATCH]
        size_a, size_b = sizes[pa], sizes[pb]
        pair = np.arange(len(pa), dtype=np.int64)
        gathered = np.concatenate(
            [_ranges(offsets[pa], size_a), _ranges(offsets[pb], size_b)]
        )
        pair_of = np.concatenate([np.repeat(pair, size_a), np.repeat(pair, size_b)])
        key = (pair_of << 32) | tokens[gathered].astype(np.int64)
        key.sort()
        dup = np.nonzero(key[1:] == key[:-1])[0]
        shared = np.bincount(
            key[dup] >> 32,
            weights=weight[key[dup] & 0xFFFFFFFF],
            minlength=len(pa),
        )
        total_a, total_b = weighted_size[pa], weighted_size[pb]
        smaller = np.minimum(total_a, total_b)
        keep[lo : lo + VERIFY_BATCH] = combined_score(shared, total_a, total_b, smaller)
    return keep


def _reduce(ufunc, offsets: np.ndarray, values_of, sentinel) -> np.ndarray:
    """``ufunc.reduceat`` per sentence, a chunk of sentences at a time (bounded memory).

    ``values_of(lo, hi)`` gives the token values in ``[lo, hi)``; a sentence without
    tokens gets a meaningless value, which callers ignore.
    """
    n = len(offsets) - 1
    parts = []
    for first in range(0, n, REDUCE_CHUNK):
        last = min(n, first + REDUCE_CHUNK)
        lo, hi = int(offsets[first]), int(offsets[last])
        values = values_of(lo, hi)
        values = np.append(values, np.asarray(sentinel, dtype=values.dtype))
        parts.append(ufunc.reduceat(values, offsets[first:last] - lo))
    return np.concatenate(parts) if parts else np.zeros(0)


def _gather(values: np.ndarray, starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """``values[start:start + size]`` for each pair, concatenated, a chunk of pairs at a
    time (the index arrays of all of them at once would be 16 bytes a value)."""
    parts = [
        values[_ranges(starts[lo : lo + REDUCE_CHUNK], sizes[lo : lo + REDUCE_CHUNK])]
        for lo in range(0, len(starts), REDUCE_CHUNK)
    ]
    return np.concatenate(parts) if parts else values[:0]


def _ranges(starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Concatenated ``range(start, start + size)`` for each pair, vectorized."""
    total = int(sizes.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    shifts = np.repeat(starts - np.concatenate([[0], np.cumsum(sizes)[:-1]]), sizes)
    return shifts + np.arange(total)


def _components(
    n: int, edges_a: list[np.ndarray], edges_b: list[np.ndarray]
) -> np.ndarray:
    a = np.concatenate(edges_a)
    b = np.concatenate(edges_b)
    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    _count, labels = connected_components(graph, directed=False)
    return labels.astype(np.int64)
