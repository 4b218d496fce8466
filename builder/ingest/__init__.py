"""Ingest: raw inputs as data. A seed file becomes an `Article` (`seed`), a registry page an `Entity`
(`registry`); `frontmatter` reads the YAML both start with.
"""
