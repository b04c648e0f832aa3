"""`cjm` subcommands beyond render and check, each in its own module, loaded when used."""
