"""What each place offers, as readers see it (translated where shown)."""

from campaign.languages.catalog import N_

OFFER = {
    "information": N_("Information on safe migration"),
    "complaints": N_("Help with complaints"),
    "legal-aid": N_("Legal help"),
    "shelter-referral": N_("Referral to a safe shelter"),
    "returnee-support": N_("Support after returning home"),
    "training": N_("Training"),
    "counselling": N_("Counselling"),
}
