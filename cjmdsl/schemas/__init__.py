"""JSON Schemas for the data cjmdsl writes (`cjm render -f json`), shipped inside the package."""
