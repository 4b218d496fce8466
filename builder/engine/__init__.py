"""Engine: runs the stages. What changed (`state`), the map and render steps (`build`), the store of
every article's record (`store`), which pages a change reaches (`reach`), and writing `site/` all at
once (`publish`).
"""
