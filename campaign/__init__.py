"""MIGRA-SAFE campaign core: content loading, validation, models and renderers.

Nothing in this package imports MkDocs except ``campaign.adapters.mkdocs.plugin``,
the thin adapter; see tests/test_boundary.py.
"""

__version__ = "0.1.0"
