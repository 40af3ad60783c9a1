"""Importing an existing career ladder: readers turn a spreadsheet export or progression-
framework Markdown into one ``Ladder`` (with every row or criterion that could not be
placed, at its ``file:line``); ``emit`` turns the ladder into ``content/`` files."""
