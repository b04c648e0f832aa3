"""The Sphinx extension's public name: `extensions = ["cjmdsl.sphinx"]` in conf.py.

The extension itself is `cjmdsl.integrations.sphinx`; Sphinx loads an extension by module name,
so this name stays for the conf.py files that already use it.
"""
from cjmdsl.integrations.sphinx import setup

__all__ = ["setup"]
