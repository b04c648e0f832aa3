"""What a compiled map says beyond its fields, computed once for every output: its
evidence, its flow of steps, prioritised opportunities, the service's steps, the map
as a table.
"""
