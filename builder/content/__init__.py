"""Content: the annotated record written to `content/` as Markdown (`markdown`), committed beside the
seeds.
"""
