"""Word lists for numbers and dates (format: docs/lexicon-numbers-dates.md)."""
