"""Commands besides `build`: `serve` (preview, rebuilding on change) and `check` (validate content and
site).
"""
