"""Content types, one sub-package each, on the protocol of ``campaign.content.base``.

Importing this package registers the built-in types; the build and the CLI loop over
``REGISTRY``. A new type is a sub-package with a ``ContentType`` subclass decorated with
``@register``, imported here.
"""

from campaign.content.base import (REGISTRY, ContentType, GeneratedPage, LoadContext, Marker, MarkerCall, Page,
                                   StatusItem, register)
from campaign.content import gazetteer, hotlines, guides, tour, posters  # noqa: F401,E402 - registers them
from campaign.content import help, reach  # noqa: F401,E402 - registers them
from campaign.content import savings, previews  # noqa: F401,E402 - registers them

__all__ = ["REGISTRY", "ContentType", "GeneratedPage", "LoadContext", "Marker", "MarkerCall", "Page",
           "StatusItem", "register"]
