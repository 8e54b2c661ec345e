"""The campaign plugin's settings in mkdocs.yml (``plugins: - campaign: …``)."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CampaignConfig(Config):
    # Pages kept on the phone for offline use, per language (paths inside docs/<lang>/).
    offline_pages = c.ListOfItems(c.Type(str), default=["index.md"])
    offline_page = c.Type(str, default="offline.md")
    # Our stylesheets, merged after the theme's pruned CSS into one file.
    stylesheets = c.ListOfItems(c.Type(str), default=[])
    # Scripts whose class names must survive CSS pruning.
    scripts = c.ListOfItems(c.Type(str), default=[])
    # Bilingual posters, as pairs "km-en"; default: the default language with English.
    bilingual_posters = c.Optional(c.ListOfItems(c.Type(str)))
    # Pages printed as booklets.
    guides = c.ListOfItems(c.Type(str), default=["rights"])
    # Per language, where missing text comes from before the default language.
    fallback = c.Type(dict, default={})
    locales_dir = c.Type(str, default="locales")
    # Facts checked longer ago than this are stale.
    fact_max_age_months = c.Type(int, default=12)
