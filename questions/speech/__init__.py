"""Speech attribution's parts: the shared document, the rules over it, and the ledger of their decisions.

``questions.speakers.find_speakers`` composes them; see its module docstring for the map of the stages.
"""
