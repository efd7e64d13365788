"""Mentions that refer back: pronouns, definite descriptions, speaker phrases -> entities.

The step between the entities and the steps that read them (quotes, labels): it adds
``doc.references``, a ``References`` resolver over the document's mentions.

- ``resolver``: ``References``: positions, salience, verbs of saying and their
  subjects, ``resolve(start, end)`` for any phrase (a quotation's speaker);
- ``pronouns``: he, she, they, it;
- ``descriptions``: "the Belarusian leader", "the ministry", "his counterpart",
  found once per document (``References.descriptions``) and resolved by salience
  (labels read them too);
- ``salience``: how much each entity is what the article is about at a position,
  by grammatical role (centering: a sentence's subject outranks its objects), from
  names and from the descriptions and pronouns already resolved;
- ``roles``: subject or object, read from the word that governs a name past its
  title ("talks with Chinese President Xi Jinping": an object);
- ``speech``: the clause grammar of reported speech both sides share.

A phrase resolves to a person or organization the entity step found, or to nothing
(the words kept as written): never to a new entity named after a descriptor or a
pronoun.
"""

from __future__ import annotations

from ..doc import Step
from .descriptions import Description
from .resolved import UNKNOWN, Resolved
from .resolver import References

STEP = Step(
    "references",
    reads=("text", "quotations", "sentences", "entities", "mentions"),
    adds=("references",),
    run=References,
)

__all__ = ["STEP", "UNKNOWN", "Description", "References", "Resolved"]
