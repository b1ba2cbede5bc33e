"""Privacy by construction: finding personal data in German text (``detect``, ``checksums``) and replacing
it with placeholders that are put back in the answer (``pseudonym``)."""
