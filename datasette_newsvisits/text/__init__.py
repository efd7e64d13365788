"""The one text kit every step shares, a module per job.

- ``fold``: accent and case folding, one table in two forms (keys; same length for
  offsets);
- ``words``: the tokenizer and the stop words (``words``, ``content_words``);
- ``keys``: ``name_key``, ``slugify``, ``quote_key``;
- ``similarity``: the one sentence similarity (reuse and ``text_similarity``);
- ``quotemarks``: where quotation marks pair up;
- ``sentences``: the quotation-aware sentence splitter;
- ``patterns``: the alternation builder for word-list regexes;
- ``kwic``: keyword in context;
- ``months``: month names (dates).
"""
