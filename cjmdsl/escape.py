"""One escaping function per target format; every user text goes through one.

Jinja2's autoescaping quotes `& < > " '` for XML and HTML; `xml_chars` runs
before it (as the template environment's `finalize`) and removes what XML 1.0
cannot carry at all, escaped or not.
"""
from __future__ import annotations

import re

# Characters XML 1.0 forbids anywhere (C0 controls but tab/newline/CR, surrogates,
# U+FFFE/U+FFFF) and the C1 controls it discourages; each becomes U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_chars(value):
    """Replace characters that XML cannot represent; leave markup and non-text alone."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return _NOT_XML.sub("\ufffd", value)
    return value
