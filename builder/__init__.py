"""An annotated archive generator: raw wire articles in, a cross-linked static site out.

The pipeline, one module per stage: `ingest` -> `annotate` (with `ruler`,
`people`, `dates`) -> `content` -> `collect` -> `render` -> `export`, run by
`build`; `registry` reads the editors' entity pages; `cli` is the command line.
"""

__version__ = "0.1.0"
