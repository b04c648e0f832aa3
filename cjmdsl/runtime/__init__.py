"""What the package needs to run: its data files, its cache folder, safe writes, the
paused garbage collector and the optional extras.
"""
