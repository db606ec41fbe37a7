"""Spider arguments: a whitelist, checked before the crawl, one clear line on bad input."""

import os
import re
import subprocess
import sys

import pytest
from scrapy.settings import Settings

from crawler.arguments import ArgumentError, resolve
from tests.conftest import ROOT

BROKEN_TOML = "[brands.x]\nname = 'X'\nkeywords = 'not a list'\n"


def settings(**values) -> Settings:
    return Settings({"SQLITE_PATH": "listings.db", **values})


def test_defaults_cover_every_marketplace_and_the_brands_keywords():
    plan = resolve({"name": "Gucci"}, settings())
    assert [b.slug for b in plan.brands] == ["gucci"]
    assert plan.max_pages == 5 and plan.base_url is None
    assert plan.keywords_for(plan.brands[0])[0] == "gucci bag"
    assert plan.site(plan.marketplaces[0]).startswith("https://www.alibaba.com")


def test_brand_is_name_for_scrapyd_and_its_job_id_is_kept():
    plan = resolve({"brand": "balenciaga", "_job": "6487ec79"}, settings())
    assert [b.slug for b in plan.brands] == ["balenciaga"]
    assert plan.job_id == "6487ec79"
    assert resolve({"brand": "balenciaga"}, settings()).job_id is None


def test_all_brands_and_keyword_override():
    plan = resolve({"name": "ALL", "keywords": "a, b ,,c"}, settings())
    assert len(plan.brands) >= 6
    assert plan.keywords_for(plan.brands[0]) == ("a", "b", "c")


def test_base_url_keeps_scheme_host_and_path_prefix():
    plan = resolve({"name": "gucci", "marketplace": "alibaba",
                    "base_url": "http://127.0.0.1:8080/shop/"}, settings())
    assert plan.base_url == "http://127.0.0.1:8080/shop"


@pytest.mark.parametrize(("arguments", "message"), [
    ({"name": "nope"}, "unknown brand 'nope'; known brands: apple, balenciaga"),
    ({}, "missing -a name=BRAND"),
    ({"name": "gucci", "max_pages": "0"}, "max_pages must be a whole number"),
    ({"name": "gucci", "max_pages": "-1"}, "max_pages must be a whole number"),
    ({"name": "gucci", "max_pages": "two"}, "max_pages must be a whole number"),
    ({"name": "gucci", "marketplace": "ebay"}, "unknown marketplace 'ebay'; known marketplaces"),
    ({"name": "gucci", "marketplace": "alibaba", "base_url": "ftp://x"}, "http:// or https://"),
    ({"name": "gucci", "marketplace": "alibaba", "base_url": "file:///etc"}, "http:// or https://"),
    ({"name": "gucci", "marketplace": "alibaba,aliexpress", "base_url": "http://127.0.0.1:1"},
     "exactly one marketplace"),
    ({"name": "gucci", "start_urls": "http://evil"}, "unknown argument 'start_urls'"),
    ({"name": "gucci", "custom_settings": "x"}, "unknown argument 'custom_settings'"),
])
def test_bad_arguments_are_refused(arguments, message):
    with pytest.raises(ArgumentError, match=re.escape(message)):
        resolve(arguments, settings())


def test_broken_watchlist_names_file_and_problem(tmp_path):
    path = tmp_path / "brands.toml"
    path.write_text(BROKEN_TOML)
    with pytest.raises(ArgumentError, match=f"watchlist {path}: brands.x.keywords must be"):
        resolve({"name": "x"}, settings(WATCHLIST=str(path)))
    path.write_text("[brands\n")
    with pytest.raises(ArgumentError, match="not valid TOML"):
        resolve({"name": "x"}, settings(WATCHLIST=str(path)))
    with pytest.raises(ArgumentError, match=f"watchlist {tmp_path / 'none.toml'}: cannot read"):
        resolve({"name": "x"}, settings(WATCHLIST=str(tmp_path / "none.toml")))


def test_own_watchlist_file_is_used(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text("[brands.acme]\nname = 'Acme'\nkeywords = ['acme anvil']\n")
    plan = resolve({"name": "acme"}, settings(WATCHLIST=str(path)))
    assert plan.keywords_for(plan.brands[0]) == ("acme anvil",)


def test_missing_database_folder_is_refused(tmp_path):
    with pytest.raises(ArgumentError, match="does not exist"):
        resolve({"name": "gucci"}, settings(SQLITE_PATH=str(tmp_path / "no" / "x.db")))
    with pytest.raises(ArgumentError, match="is a folder"):
        resolve({"name": "gucci"}, settings(SQLITE_PATH=str(tmp_path)))


def test_database_path_is_expanded_and_absolute(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    plan = resolve({"name": "gucci"}, settings(SQLITE_PATH="~/x.db"))
    assert plan.database == tmp_path / "x.db"


@pytest.mark.e2e
@pytest.mark.parametrize(("extra", "needle"), [
    (["-a", "name=nosuchbrand"], "unknown brand 'nosuchbrand'"),
    (["-a", "name=gucci", "-a", "max_pages=abc"], "max_pages"),
    (["-a", "name=gucci", "-a", "marketplace=ebay"], "unknown marketplace"),
    (["-a", "name=gucci", "-a", "marketplace=alibaba", "-a", "base_url=javascript:x"], "base_url"),
    (["-a", "name=gucci", "-s", "WATCHLIST=/no/such.toml"], "cannot read"),
    (["-a", "name=gucci", "-s", "SQLITE_PATH=/no/such/dir/x.db"], "does not exist"),
    (["-a", "name=gucci", "-a", "custom_settings=x"], "unknown argument"),
])
def test_scrapy_crawl_prints_one_line_and_exits_non_zero(extra, needle):
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "brand", *extra], cwd=ROOT,
        env={**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"},
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and needle in result.stderr
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
