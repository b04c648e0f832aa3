"""The language: `.cjm` text to a validated model, with diagnostics written for people.

The grammar's parser and its tables, the compiler and its checks (limits, libraries,
linked maps, paths, durations, the blueprint, measured emotions, states), the
diagnostics with their `cjm explain` pages (`codes/`) and the formatter.
"""
