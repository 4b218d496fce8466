"""Annotate: every person, mechanism, organisation, place and date mentioned in an article, resolved
(`annotator.Annotator`): names in one pass (`ruler`), titles and short forms of people (`people`),
overlaps (`spans`), names the registry lacks (`discover`), and the cache of results by input hash
(`cache`).
"""
