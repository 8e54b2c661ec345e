"""The one Jinja environment: a project's override of a template wins, also one added while a
process that already rendered the template keeps running (the preview's checker, the worker)."""

from __future__ import annotations

from campaign.core import templates


def _notice() -> str:
    return templates.fragment("core/notice.html", "en", kind="review", text="Checked <today>")


def test_an_override_added_later_is_used_and_text_stays_escaped(tmp_path):
    overrides = tmp_path / "campaign"
    overrides.mkdir()
    try:
        templates.use_overrides(overrides)
        shipped = _notice()
        assert "campaign-notice--review" in shipped and "Checked &lt;today&gt;" in shipped
        templates.use_overrides(overrides)  # the same files: the same environment
        assert templates.env() is templates.env()

        (overrides / "core").mkdir()
        (overrides / "core" / "notice.html").write_text('<p class="ours">{{ text }}</p>', encoding="utf-8")
        templates.use_overrides(overrides)
        assert _notice() == '<p class="ours">Checked &lt;today&gt;</p>'

        (overrides / "core" / "notice.html").unlink()
        templates.use_overrides(overrides)
        assert _notice() == shipped
    finally:
        templates.use_overrides(None)
