"""The rules that find people, organisations and places, grouped by what they find, over one shared document.

``document``: the tokens built once and the article-wide word sets; ``spans``, ``cues``, ``roles``: what the
words around a name say; ``cascade``: the order of the rules for one span; ``people``, ``organisations``,
``places``, ``teams``, ``single_words``: the rules, each a function named for the writing it reads;
``findings``: the candidates so far, each with its rule's name; ``overlaps``: the one filter between readings;
``grouping``: entities and facts.
"""
