"""Values kept between builds come back exactly as they were made."""

from __future__ import annotations

import pytest

from campaign.core import memo


@pytest.fixture
def cache(tmp_path):
    memo.use(tmp_path)
    yield tmp_path
    memo.use(None)


@pytest.mark.parametrize("value", ["BEGIN:VEVENT\r\nEND:VEVENT\r\n", "a\rb\nc\r\n", "ខ្មែរ 🇰🇭\u200b", ""])
def test_a_kept_value_comes_back_byte_for_byte(cache, value):
    made = memo.get("kind", ("k", value), lambda: value)
    again = memo.get("kind", ("k", value), lambda: pytest.fail("made twice"))
    assert made == again == value


def test_a_damaged_entry_is_made_again(cache):
    memo.get("kind", ("k",), lambda: "first")
    for f in cache.rglob("*"):
        if f.is_file():
            f.write_bytes(b"\xff\xfe broken")
    assert memo.get("kind", ("k",), lambda: "made again") == "made again"


def test_different_inputs_never_share_a_value(cache):
    assert memo.get("kind", ("a",), lambda: "A") == "A"
    assert memo.get("kind", ("b",), lambda: "B") == "B"
    assert memo.get("other", ("a",), lambda: "other A") == "other A"


def test_in_memory_values_are_forgotten_when_a_build_no_longer_uses_them(monkeypatch):
    monkeypatch.setattr(memo, "_in_memory", [True])
    monkeypatch.setattr(memo, "_kept", {})
    monkeypatch.setattr(memo, "_kept_used", {})
    made = []
    make = lambda name: (lambda: made.append(name) or name.upper())  # noqa: E731
    assert memo.recall("k", "a", make("a")) == "A"
    assert memo.recall("k", "a", make("a")) == "A"
    memo.recall("k", "b", make("b"))
    assert made == ["a", "b"]
    memo.sweep()  # a build that used a and b
    memo.recall("k", "b", make("b"))
    memo.sweep()  # a build that used only b: a is forgotten
    memo.recall("k", "a", make("a"))
    assert made == ["a", "b", "a"]
