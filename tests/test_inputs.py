"""Bad input to the crawl and the tools: one line naming it, exit 2, or the one line skipped."""

import io
import json
import os
import subprocess
import sys

import pytest
from scrapy.settings import Settings
from scrapy.utils.conf import build_component_list

from crawler import cli
from crawler.arguments import ArgumentError, resolve
from crawler.store import Store
from crawler.watchlist import BRAND_KEYS
from tests.conftest import ROOT

SHARED = """
[brands.gucci]
name = "Gucci"
keywords = ["gucci bag", "luxury bag"]
[brands.balenciaga]
name = "Balenciaga"
keywords = ["Luxury  Bag", "balenciaga bag", "LUXURY BAG"]
"""


def project_settings(tmp_path, **values) -> Settings:
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.setdict({"SQLITE_PATH": str(tmp_path / "x.db"), **values}, priority="cmdline")
    return settings


def run_cli(monkeypatch, capsys, *args: str, stdin: bytes = b"") -> tuple[int, str, list[str]]:
    """`crawler ARGS` in process: exit code, stdout, stderr lines."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err.splitlines()


# --- numeric settings, keywords, shared keywords (crawler/arguments.py) ---

@pytest.mark.parametrize(("name", "value", "message"), [
    ("SQLITE_BATCH_SIZE", "abc", "setting SQLITE_BATCH_SIZE must be a whole number, at least 1, "
                                 "not 'abc'"),
    ("SQLITE_BATCH_SIZE", "0", "SQLITE_BATCH_SIZE must be a whole number, at least 1, not '0'"),
    ("BOT_WALL_RETRY_TIMES", "1.5", "BOT_WALL_RETRY_TIMES must be a whole number, at least 0"),
    ("RETRY_TIMES", "three", "RETRY_TIMES must be a whole number"),
    ("CONCURRENT_REQUESTS_PER_DOMAIN", "0", "CONCURRENT_REQUESTS_PER_DOMAIN must be a whole"),
    ("RETRY_AFTER_MAX", "two minutes", "setting RETRY_AFTER_MAX must be a number, at least 0, "
                                       "not 'two minutes'"),
    ("RETRY_AFTER_MAX", "nan", "RETRY_AFTER_MAX must be a number"),
    ("BOT_WALL_BACKOFF", "-1", "BOT_WALL_BACKOFF must be a number, at least 0, not '-1'"),
    ("DOWNLOAD_DELAY", "inf", "DOWNLOAD_DELAY must be a number"),
    ("DOWNLOAD_TIMEOUT", "0", "DOWNLOAD_TIMEOUT must be a number, at least 0.1"),
    ("AUTOTHROTTLE_TARGET_CONCURRENCY", "0", "AUTOTHROTTLE_TARGET_CONCURRENCY must be a number"),
])
def test_a_numeric_setting_that_is_no_number_is_refused_by_name(tmp_path, name, value, message):
    with pytest.raises(ArgumentError, match=message):
        resolve({"name": "gucci"}, project_settings(tmp_path, **{name: value}))


def test_numeric_settings_as_scrapy_reads_them_are_accepted(tmp_path):
    plan = resolve({"name": "gucci"}, project_settings(
        tmp_path, SQLITE_BATCH_SIZE=" 50 ", RETRY_AFTER_MAX="2.5", BOT_WALL_RETRY_TIMES="0"))
    assert plan.brands[0].slug == "gucci"


def test_an_over_long_keyword_argument_is_refused(tmp_path):
    with pytest.raises(ArgumentError, match=r"^keywords: keyword 'a{40}'\.\.\. is 201 "
                                            r"characters long; at most 200$"):
        resolve({"name": "gucci", "keywords": "a" * 201}, project_settings(tmp_path))


def test_a_keyword_whose_search_url_scrapy_would_drop_is_refused(tmp_path):
    keyword = "👜" * 180  # 180 characters, 12 once percent-encoded
    with pytest.raises(ArgumentError) as caught:
        resolve({"name": "gucci", "keywords": keyword}, project_settings(tmp_path))
    assert str(caught.value) == (f"keyword {'👜' * 40!r}...: its alibaba search URL would be "
                                 "2215 characters long, over URLLENGTH_LIMIT (2083)")
    short = resolve({"name": "gucci", "keywords": keyword},
                    project_settings(tmp_path, URLLENGTH_LIMIT=0))  # 0: Scrapy keeps any URL
    assert short.keywords == (keyword,)


def test_a_keyword_two_brands_share_is_searched_once_for_both(tmp_path):
    path = tmp_path / "brands.toml"
    path.write_text(SHARED)
    plan = resolve({"name": "all", "marketplace": "alibaba,made_in_china"},
                   project_settings(tmp_path, WATCHLIST=str(path)))
    searches = [(s.marketplace.name, s.keyword, tuple(b.slug for b in s.brands))
                for s in plan.searches()]
    assert searches == [
        ("alibaba", "gucci bag", ("gucci",)),
        ("alibaba", "luxury bag", ("gucci", "balenciaga")),
        ("made_in_china", "gucci bag", ("gucci",)),
        ("made_in_china", "luxury bag", ("gucci", "balenciaga")),
        ("alibaba", "balenciaga bag", ("balenciaga",)),
        ("made_in_china", "balenciaga bag", ("balenciaga",)),
    ]


def test_searches_of_one_brand_keep_its_order_and_an_override_is_shared_by_all(tmp_path):
    plan = resolve({"name": "gucci"}, project_settings(tmp_path))
    assert [(s.marketplace, s.keyword) for s in plan.searches()] == [
        (m, k) for m in plan.marketplaces for k in plan.brands[0].keywords]
    plan = resolve({"name": "all", "keywords": "bag,Bag"}, project_settings(tmp_path))
    assert [(s.keyword, s.brands) for s in plan.searches()] == [("bag", plan.brands)] * 3


def test_remote_control_is_off(tmp_path):
    extension = pytest.importorskip("scrapy.extensions.remote_control").RemoteControl
    path = f"{extension.__module__}.{extension.__name__}"
    settings = project_settings(tmp_path)
    assert path in settings.getwithbase("EXTENSIONS")  # the name is Scrapy's own
    enabled = build_component_list(settings.getwithbase("EXTENSIONS"))
    assert path not in enabled and "crawler.extensions.crawl_record.CrawlRecord" in enabled


# --- crawler score / review / evaluate (crawler/cli.py) ---

def test_score_skips_a_lone_surrogate_and_deep_nesting_and_scores_the_lines_after(
        monkeypatch, capsys):
    lines = [json.dumps({"title": "Wholesale Gucci canvas bag", "price": "$2", "brand": "gucci"}),
             '{"title": "lone \\ud800 Gucci", "brand": "gucci"}',
             "[" * 100_000 + "]" * 100_000,
             json.dumps({"title": "Gucci belt", "brand": "Gucci"})]
    code, out, err = run_cli(monkeypatch, capsys, "score", stdin="\n".join(lines).encode())
    assert code == 0
    assert [json.loads(line)["title"] for line in out.splitlines()] == [
        "Wholesale Gucci canvas bag", "Gucci belt"]
    assert err == ["line 2: skipped: a lone surrogate (\\ud800) is not text",
                   "line 3: skipped: nested too deep to read",
                   "scored 2, skipped 2"]


@pytest.mark.parametrize(("content", "problem"), [
    (b"\xff\xfe[brands.x]\n", "not UTF-8 text (byte 0xff at offset 0)"),
    (b"[brands.x]\nname = 'X'\nkeywords = ['x']\nauthorised_sellers = []\n",
     "brands.x: unknown key 'authorised_sellers'; known keys: authorized_sellers,"),
])
@pytest.mark.parametrize("command", ["score", "evaluate"])
def test_a_bad_watchlist_is_one_line_and_exit_2(monkeypatch, capsys, tmp_path, command,
                                                 content, problem):
    path = tmp_path / "brands.toml"
    path.write_bytes(content)
    code, out, err = run_cli(monkeypatch, capsys, command, "--watchlist", str(path))
    assert code == 2 and out == ""
    assert len(err) == 1 and err[0].startswith(f"error: watchlist {path}: {problem}")


@pytest.mark.parametrize(("content", "problem"), [
    (b'{"label": "counterfeit", "title": "Gucci", "brand": "gucci"}\n\xff\n',
     "line 2: 'utf-8' codec can't decode byte 0xff"),
    (b'\n{"title": "Gucci bag", "brand": "gucci"}\n',
     "line 2: not a listing labeled counterfeit or legitimate"),
    (b'{"label": "legitimate", "title": "Bag", "brand": "nope"}\n',
     "line 1: unknown brand 'nope'"),
    (b'{"label": "legitimate", "title": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n",
     "line 1: nested too deep to read"),
])
def test_evaluate_names_the_file_and_line_that_is_not_a_labeled_listing(
        monkeypatch, capsys, tmp_path, content, problem):
    path = tmp_path / "labeled.jsonl"
    path.write_bytes(content)
    code, out, err = run_cli(monkeypatch, capsys, "evaluate", str(path))
    assert code == 2 and out == ""
    assert len(err) == 1 and err[0].startswith(f"error: {path}: {problem}")


@pytest.mark.parametrize(("make", "problem"), [
    (lambda p: p.write_bytes(b"this is not a database" * 100),
     "{path} is not a SQLite database (file is not a database)"),
    (lambda p: p.mkdir(), "database {path}: unable to open database file"),
])
@pytest.mark.parametrize("mark", [(), ("--mark", "alibaba:1", "legitimate")])
def test_review_of_a_file_that_is_no_database_is_one_line_and_exit_2(
        monkeypatch, capsys, tmp_path, make, problem, mark):
    path = tmp_path / "listings.db"
    make(path)
    code, out, err = run_cli(monkeypatch, capsys, "review", "--db", str(path), *mark)
    assert (code, out, err) == (2, "", ["error: " + problem.format(path=path)])


def test_review_prints_control_and_direction_characters_neutralised(monkeypatch, capsys,
                                                                    tmp_path):
    db = tmp_path / "r.db"
    store = Store(db)
    store.save([{"marketplace": "alibaba", "listing_id": "1", "url": "https://x", "brand": "gucci",
                 "title": "\u202egnp.exe\u2066 Gucci\x9b31m bag\u200f\nnext line\x1b[2J",
                 "seller_name": "Shop\u061c\u200e\x85Ltd", "keyword": "k", "score": 90,
                 "risk": "high", "reasons": []}], store.start_crawl("gucci", ["alibaba"]))
    store.close()
    code, out, _ = run_cli(monkeypatch, capsys, "review", "--db", str(db))
    assert code == 0
    row = out.splitlines()[2]
    assert "gnp.exe Gucci 31m bag next line [2J" in row and "Shop Ltd" in row
    controls = {*map(chr, range(0x20)), *map(chr, range(0x7f, 0xa0)), "\u061c", "\u200e",
                "\u200f", *map(chr, range(0x202a, 0x202f)), *map(chr, range(0x2066, 0x206a))}
    assert not controls & set(out.replace("\n", ""))


def test_evaluate_prints_a_missed_title_neutralised(monkeypatch, capsys, tmp_path):
    path = tmp_path / "labeled.jsonl"
    path.write_text(json.dumps({"label": "counterfeit", "brand": "gucci",
                                "title": "\u202eplain\x9b\u2066 tote\nbag"}))
    code, out, _ = run_cli(monkeypatch, capsys, "evaluate", str(path))
    assert code == 0 and "  missed: counterfeit flagged low: plain tote bag\n" in out


# --- the processes themselves ---

def scrapy(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scrapy", *args], cwd=ROOT,
                          env={**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"},
                          capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.e2e
@pytest.mark.parametrize(("extra", "message"), [
    (["-s", "SQLITE_BATCH_SIZE=abc"],
     "error: setting SQLITE_BATCH_SIZE must be a whole number, at least 1, not 'abc'\n"),
    (["-s", "WATCHLIST={tmp}/brands.toml"],
     "error: watchlist {tmp}/brands.toml: brands.gucci: unknown key 'authorised_sellers'; known "
     "keys: " + ", ".join(sorted(BRAND_KEYS)) + "\n"),
])
def test_scrapy_crawl_refuses_a_bad_setting_or_watchlist_in_one_line(tmp_path, extra, message):
    (tmp_path / "brands.toml").write_text(
        "[brands.gucci]\nname = 'Gucci'\nkeywords = ['gucci']\nauthorised_sellers = ['G']\n")
    result = scrapy("crawl", "brand", "-a", "name=gucci", "-s", f"SQLITE_PATH={tmp_path}/x.db",
                    *(arg.format(tmp=tmp_path) for arg in extra))
    assert (result.returncode, result.stderr) == (2, message.format(tmp=tmp_path))
    assert not (tmp_path / "x.db").exists()


@pytest.mark.e2e
@pytest.mark.parametrize("command", [["fetch"], ["shell", "-c", "response.text"]])
def test_scrapy_fetch_and_shell_work_in_the_project_without_remote_control(httpserver, command):
    httpserver.expect_request("/page").respond_with_data("<html>a marketplace page</html>",
                                                         content_type="text/html")
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    result = scrapy(*command, httpserver.url_for("/page"))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "<html>a marketplace page</html>" in result.stdout
    assert "Spider opened" in result.stderr and "Traceback" not in result.stderr
    assert "RemoteControl" not in result.stderr and "Remote control" not in result.stderr
