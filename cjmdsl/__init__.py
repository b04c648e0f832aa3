"""cjmdsl: customer journey maps as code."""
__version__ = "0.1.0"
