"""The watchlist file: what it may hold, and one line naming the file and the problem."""

import gc

import pytest

from crawler import watchlist
from crawler.vocabulary import CATEGORY_NAMES
from crawler.watchlist import BRAND_KEYS, MAX_KEYWORD, WatchlistError

ACME = "[brands.acme]\nname = 'Acme'\nkeywords = ['acme anvil']\n"


def load_text(tmp_path, text: str | bytes) -> watchlist.Watchlist:
    path = tmp_path / "brands.toml"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return watchlist.load(path)


def refused(tmp_path, text: str | bytes) -> str:
    with pytest.raises(WatchlistError) as caught:
        load_text(tmp_path, text)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"watchlist {tmp_path / 'brands.toml'}: ")
    return message.split(": ", 1)[1]


def test_the_bundled_watchlist_and_a_minimal_one_load(tmp_path):
    assert set(watchlist.load().brands) >= {"gucci", "balenciaga", "apple"}
    assert load_text(tmp_path, ACME).brands["acme"].keywords == ("acme anvil",)


def test_a_file_that_is_not_utf8_is_named_with_the_offending_byte(tmp_path):
    assert refused(tmp_path, ACME.encode() + b"# caf\xe9\n") == (
        f"not UTF-8 text (byte 0xe9 at offset {len(ACME) + 5})")


def test_a_folder_and_deeply_nested_toml_are_refused(tmp_path):
    (tmp_path / "brands.toml").mkdir()
    with pytest.raises(WatchlistError, match="cannot read: Is a directory"):
        watchlist.load(tmp_path / "brands.toml")
    (tmp_path / "brands.toml").rmdir()
    # Earlier tests' garbage is collected first, not at the bottom of the parser's recursion,
    # where a finalizer would run out of stack and be reported as an unraisable exception.
    gc.collect()
    gc.disable()
    try:
        message = refused(tmp_path, ACME + "x = " + "[" * 100_000 + "]" * 100_000)
    finally:
        gc.enable()
    assert message == "not valid TOML: nested too deep"


def test_a_misspelled_brand_key_is_refused_with_the_known_keys(tmp_path):
    message = refused(tmp_path, ACME + "authorised_sellers = ['Acme Store']\n")
    assert message == ("brands.acme: unknown key 'authorised_sellers'; known keys: "
                       + ", ".join(sorted(BRAND_KEYS)))
    assert "authorized_sellers" in BRAND_KEYS and "categories" in BRAND_KEYS


def test_an_unknown_top_level_key_is_refused(tmp_path):
    message = refused(tmp_path, "authorised_sellers = ['x']\n" + ACME)
    assert message == ("top level: unknown key 'authorised_sellers'; "
                       "known keys: brands, replica_terms")


def test_an_unknown_price_category_is_refused_with_the_known_ones(tmp_path):
    message = refused(tmp_path, ACME + "[brands.acme.reference_prices]\nbags = 900\n")
    assert message == ("brands.acme.reference_prices: unknown category 'bags'; known "
                       "categories: " + ", ".join(sorted(CATEGORY_NAMES)))
    assert {"bag", "belt", "perfume"} <= CATEGORY_NAMES


def test_a_keyword_too_long_to_search_for_is_refused(tmp_path):
    fine = "a" * MAX_KEYWORD
    assert load_text(tmp_path, ACME.replace("acme anvil", fine)).brands["acme"].keywords == (fine,)
    message = refused(tmp_path, ACME.replace("acme anvil", "acme " * 50))
    assert message == (f"brands.acme.keywords: keyword {'acme ' * 8!r}... "
                       "is 249 characters long; at most 200")
