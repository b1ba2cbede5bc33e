"""Language analysis for search: German folding, stemming, decompounding, synonyms."""
