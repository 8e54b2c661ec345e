"""Labels of the reach page that the Tour's labels do not have (translated where shown)."""

from campaign.languages.catalog import N_

SMALL = N_("Not broken down (privacy)")
