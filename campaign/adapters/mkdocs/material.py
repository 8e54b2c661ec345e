"""What the campaign relies on in Material for MkDocs (versions pinned in pyproject.toml)."""

from campaign.build import Theme

THEME = Theme(
    theme_css="assets/stylesheets/main.*.min.css",
    # Theme files no page loads once its JavaScript bundle is dropped (overrides/main.html).
    unused=("assets/javascripts/bundle.*", "assets/javascripts/lunr", "assets/javascripts/workers",
            "assets/stylesheets/*.map", "assets/stylesheets/palette.*", "assets/stylesheets/main.*.min.css"),
)
