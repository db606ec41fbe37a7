"""scrapyd for real: the project deployed with scrapyd-deploy to a scrapyd on 127.0.0.1, crawls
scheduled through its HTTP API, read back from their job logs and the database."""

from __future__ import annotations

import base64
import configparser
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest
from pytest_httpserver import HTTPServer

from tests.conftest import FIXTURES, ROOT, route, rows
from tools.fixture_server import LOCAL_CRAWL_SETTINGS, FixtureSite

pytestmark = pytest.mark.e2e

BIN = Path(sys.executable).parent  # scrapyd and scrapyd-deploy come with the `test` extra
PROJECT = "crawler"  # scrapy.cfg's [deploy] project
JOB_TIMEOUT = 90  # seconds for every scheduled job to finish, on a busy 2-core machine
USERNAME, PASSWORD = "crawler", "s3cret-for-tests"  # scrapyd off loopback must ask for them
SCRAPYD_CONF = f"""\
[scrapyd]
bind_address = 127.0.0.1
http_port = {{port}}
username = {USERNAME}
password = {PASSWORD}
eggs_dir = {{folder}}/eggs
logs_dir = {{folder}}/logs
dbs_dir = {{folder}}/dbs
items_dir =
max_proc = 2
poll_interval = 0.1
"""


@dataclass
class Scrapyd:
    """A running scrapyd and the folder it runs in (its scrapyd.conf, eggs, logs)."""

    url: str
    folder: Path
    process: subprocess.Popen
    deployed: dict = field(default_factory=dict)  # scrapyd's answer to scrapyd-deploy

    def open(self, path: str, data: bytes | None = None, login: bool = True) -> bytes:
        """GET (or POST `data` to) a path on scrapyd, logged in unless told otherwise."""
        request = Request(self.url + path, data)
        if login:
            token = base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
        with urlopen(request, timeout=10) as answer:
            return answer.read()

    def call(self, endpoint: str, **params: str) -> dict:
        """GET an endpoint of scrapyd's JSON API."""
        return json.loads(self.open(f"/{endpoint}?{urlencode(params)}"))

    def schedule(self, db: Path, *settings: str, **arguments: str) -> str:
        """Schedule a brand crawl writing `db` (as `curl schedule.json -d ...`); its job id."""
        local = [f"{name}={value}" for name, value in LOCAL_CRAWL_SETTINGS.items()]
        data = [("project", PROJECT), ("spider", "brand"), *arguments.items(),
                *(("setting", s) for s in (f"SQLITE_PATH={db}", *local, *settings))]
        reply = json.loads(self.open("/schedule.json", urlencode(data).encode()))
        assert reply["status"] == "ok", reply
        return reply["jobid"]

    def wait(self, jobs: list[str]) -> dict[str, dict]:
        """Each job's listjobs.json entry once all have finished."""
        deadline = time.monotonic() + JOB_TIMEOUT
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "scrapyd exited"
            finished = {job["id"]: job for job in self.call("listjobs.json",
                                                            project=PROJECT)["finished"]}
            if set(jobs) <= set(finished):
                return {job: finished[job] for job in jobs}
            time.sleep(0.1)
        raise AssertionError(f"jobs still running after {JOB_TIMEOUT} s")

    def log(self, job: dict) -> str:
        """A finished job's log, read from scrapyd as an operator would (its log_url)."""
        assert job["log_url"], job
        return self.open(job["log_url"]).decode("utf-8")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start(folder: Path) -> Scrapyd:
    port = _free_port()
    (folder / "scrapyd.conf").write_text(SCRAPYD_CONF.format(port=port, folder=folder))
    # The deployed egg names the settings module, as on a real scrapyd host.
    env = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}
    with (folder / "scrapyd.out").open("wb") as out:
        process = subprocess.Popen([BIN / "scrapyd"], cwd=folder, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    return Scrapyd(f"http://127.0.0.1:{port}", folder, process)


def _wait_until_up(scrapyd: Scrapyd) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and scrapyd.process.poll() is None:
        try:
            scrapyd.open("/daemonstatus.json")
            return
        except HTTPError:  # scrapyd answers, and refuses: no use waiting
            raise
        except URLError:
            time.sleep(0.05)
    raise AssertionError("scrapyd is not up:\n" + (scrapyd.folder / "scrapyd.out").read_text())


def _deploy(scrapyd: Scrapyd) -> dict:
    """`scrapyd-deploy` of a copy of the project (it writes setup.py and build/ where it runs)."""
    project = scrapyd.folder / "project"
    shutil.copytree(ROOT / "crawler", project / "crawler",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, project / name)
    # A deploy target as the README has it; scrapyd-deploy expands $VARIABLES in scrapy.cfg.
    config = configparser.ConfigParser(interpolation=None)
    config.read(ROOT / "scrapy.cfg")
    config["deploy:test"] = {"url": scrapyd.url + "/", "username": USERNAME,
                             "password": "$SCRAPYD_PASSWORD"}
    with (project / "scrapy.cfg").open("w") as file:
        config.write(file)
    result = subprocess.run([BIN / "scrapyd-deploy", "test"], cwd=project, capture_output=True,
                            text=True, timeout=120, check=False,
                            env={**os.environ, "SCRAPYD_PASSWORD": PASSWORD})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory) -> Iterator[Scrapyd]:
    """scrapyd on a free port of 127.0.0.1 with the project deployed; stopped afterwards."""
    server = _start(tmp_path_factory.mktemp("scrapyd"))
    try:
        _wait_until_up(server)
        server.deployed = _deploy(server)
        yield server
    finally:
        server.process.terminate()
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.process.kill()


@pytest.fixture(scope="module")
def jobs(scrapyd, tmp_path_factory) -> Iterator[dict[str, tuple[dict, Path]]]:
    """Three jobs run at once: a crawl, one refused for its brand, one a bot wall answers."""
    marketplace = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    marketplace.start()
    site = FixtureSite(FIXTURES / "alibaba")
    wall = (FIXTURES / "alibaba" / "captcha.html").read_bytes()
    base_url = route(marketplace, lambda t: (200, wall) if t.startswith("/walled/")
                     else site.resolve(t))
    folder = tmp_path_factory.mktemp("jobs")
    dbs = {name: folder / f"{name}.db" for name in ("ok", "refused", "blocked")}
    try:
        scheduled = {
            "ok": scrapyd.schedule(dbs["ok"], brand="gucci", marketplace="alibaba",
                                   base_url=base_url),
            "refused": scrapyd.schedule(dbs["refused"], brand="nosuchbrand"),
            "blocked": scrapyd.schedule(dbs["blocked"], "BOT_WALL_BACKOFF=0.05", brand="gucci",
                                        marketplace="alibaba", keywords="gucci wallet",
                                        base_url=base_url + "/walled"),
        }
        finished = scrapyd.wait(list(scheduled.values()))
        yield {name: (finished[job], dbs[name]) for name, job in scheduled.items()}
    finally:
        marketplace.stop()


def test_scrapyd_deploy_packs_the_spider_and_the_bundled_watchlist(scrapyd):
    assert scrapyd.deployed["status"] == "ok" and scrapyd.deployed["spiders"] == 2
    with pytest.raises(HTTPError) as refused:
        scrapyd.open("/listprojects.json", login=False)
    assert refused.value.code == 401
    refused.value.close()
    assert scrapyd.call("listspiders.json", project=PROJECT)["spiders"] == ["brand", "recheck"]
    [egg] = (scrapyd.folder / "eggs" / PROJECT).glob("*.egg")
    assert "crawler/brands.toml" in zipfile.ZipFile(egg).namelist()


def test_a_scheduled_crawl_stores_its_listings_and_the_crawls_row_keeps_the_job_id(scrapyd,
                                                                                 jobs):
    job, db = jobs["ok"]
    assert rows(db, "SELECT count(*) AS n, min(brand) AS brand FROM assessed_listings") == [
        {"n": 288, "brand": "gucci"}]
    [crawl] = rows(db, "SELECT id, status, listings_stored, stats FROM crawls")
    assert crawl["status"] == "ok" and crawl["listings_stored"] == 288
    assert json.loads(crawl["stats"])["listings/job_id"] == job["id"]
    assert (f"[crawler.commands.crawl] INFO: crawl {crawl['id']} of gucci on alibaba: ok, "
            "8 pages, 288 listings stored") in scrapyd.log(job)


def test_a_job_refused_for_its_argument_says_why_in_its_job_log(scrapyd, jobs):
    job, db = jobs["refused"]
    assert "error: unknown brand 'nosuchbrand'; known brands: " in scrapyd.log(job)
    assert not db.exists()  # refused before the database is opened


def test_a_blocked_crawl_finishes_under_scrapyd_and_its_job_log_says_blocked(scrapyd, jobs):
    job, db = jobs["blocked"]
    assert job in scrapyd.call("listjobs.json", project=PROJECT)["finished"]
    [crawl] = rows(db, "SELECT id, status, stats FROM crawls")
    assert crawl["status"] == "blocked"
    assert json.loads(crawl["stats"])["listings/job_id"] == job["id"]
    assert re.search(rf"\[crawler.commands.crawl\] ERROR: crawl {crawl['id']} of gucci on "
                     r"alibaba: blocked, 1 pages, 0 listings stored, 1 blocked pages",
                     scrapyd.log(job))
