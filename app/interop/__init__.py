"""Question sets to and from other software: Moodle (GIFT, Moodle XML), Anki (.apkg, text exports) and Quizlet.

Each format is one module with ``export(...) -> bytes`` and ``parse(...) -> ImportedSet``; a parser raises
``ImportFileError`` naming the question (or line) and the problem, and checks every question before the
caller stores any. ``app.sets.transfer.parse_import`` picks the parser for a file; ``registry.EXPORTS``
lists the export formats the set page and the ``flask sets export`` command offer.
"""
