"""What a question looks like, shared by the engine and the extractive backend."""

from __future__ import annotations

import re

from rathaus.language.german import terms

# A question about a council decision ("Was hat der Gemeinderat … beschlossen?").
DECISION_QUESTION = re.compile(r"\b(beschlo\w*|beschließ\w*|beschluss\w*|entschied\w*|entschei\w*|zugestimmt|"
                               r"abgelehnt|bewilligt|genehmigt|decided|decision)\b", re.IGNORECASE)
# Stems of question words and modal verbs: they say how something is asked, not what about.
QUESTION_WORDS = frozenset(terms("wie was wann wo wer welche warum weshalb wieso kann muss darf gibt soll"))
