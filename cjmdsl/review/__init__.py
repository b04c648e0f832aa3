"""Maps under review: semantic diffs and how they are written, the quality rules of
`cjm lint`, `cjm report`, and git's textconv.
"""
