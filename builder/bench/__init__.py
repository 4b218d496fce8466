"""`python -m builder bench`: our build beside MkDocs and Hugo (`runner`) on a synthetic archive
(`synthetic`).
"""
