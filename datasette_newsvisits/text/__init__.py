"""The one text kit every step shares: folding, words, months and dates, sentences."""
