"""Grounded answers: retrieve, number the sources, generate or extract, check every citation."""
