"""Layout: model and theme to geometry, where every box, line of text and curve goes.

`map` lays a map out (`layout`, `pages`); `geometry` is what it hands to the backends;
`textmetrics`, `curves`, `bidi` and `glyphs` measure, shape and check what is drawn.
"""
