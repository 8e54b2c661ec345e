"""Names of the Tour's fixed vocabularies (kinds, statuses, audiences, genders, age bands).

Written in English and translated through the catalog (``N_`` marks them for extraction);
the schedule file uses the keys.
"""

from __future__ import annotations

from campaign.languages.catalog import N_

KIND = {
    "theatre": N_("Theatre"),
    "music": N_("Music"),
    "visual-arts": N_("Visual arts"),
    "film": N_("Film"),
    "info-session": N_("Information session"),
    "authority-training": N_("Training for local authorities"),
    "self-help-group": N_("Self-help group"),
    "festival": N_("Festival"),
}
STATUS = {
    "scheduled": N_("Scheduled"),
    "past": N_("Took place"),
    "cancelled": N_("Cancelled"),
    "postponed": N_("Postponed"),
    "rescheduled": N_("Rescheduled"),
}
AUDIENCE = {
    "women": N_("Women"),
    "men": N_("Men"),
    "youth": N_("Young people"),
    "children": N_("Children"),
    "families": N_("Families"),
    "returnees": N_("Returned workers"),
    "prospective-migrants": N_("People planning to work abroad"),
    "local-authorities": N_("Local authorities"),
    "community-leaders": N_("Community leaders"),
    "teachers": N_("Teachers"),
    "employers": N_("Employers"),
    "general-public": N_("Everyone"),
}
GENDER = {"female": N_("Female"), "male": N_("Male"), "other": N_("Other")}
BAND = {
    "under-15": N_("Under 15"),
    "15-24": N_("15–24"),
    "25-44": N_("25–44"),
    "45-plus": N_("45 and over"),
    "unknown": N_("Age not noted"),
}
