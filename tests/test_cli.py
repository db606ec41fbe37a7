"""`crawler score`, `crawler evaluate` and `crawler review` as a user runs them."""

import io
import json
import subprocess
import sys

import pytest

from crawler.cli import main
from crawler.store import Store
from tests.conftest import ROOT


@pytest.fixture
def run(capsys, monkeypatch):
    """Run `crawler ARGS` in this process, from the repository root, with bytes on stdin."""
    monkeypatch.chdir(ROOT)

    def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        code = main(list(args))
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out, err)

    return run


def test_score_keeps_order_adds_fields_and_skips_bad_lines_by_number(run):
    lines = [
        {"title": "Wholesale Gucci canvas bag", "price": "US $2.00 - 5.00 / Piece",
         "moq": "Min. order: 2,000 pieces", "brand": "GUCCI", "extra": "kept"},
        "not json at all",
        {"title": "Case for AirPods Pro 2", "price_min": 3, "price_max": "4.5",
         "brand": "Apple", "marketplace": "aliexpress"},
        ["a", "list"],
        {"title": "Bag", "brand": "no-such-brand"},
        {"title": None, "price_min": "NaN", "moq": {"x": 1}, "brand": "gucci", "badges": "ag"},
    ]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines).encode()
    result = run("score", stdin=stdin + b"\n\xff\xfe broken utf-8\n")
    assert result.returncode == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["title"] for o in out] == ["Wholesale Gucci canvas bag", "Case for AirPods Pro 2",
                                         None]
    assert out[0]["risk"] == "high" and out[0]["extra"] == "kept"
    assert out[1]["risk"] == "low"
    for o in out:
        assert o["score"] == max(0, min(100, sum(r["points"] for r in o["reasons"])))
    errors = result.stderr.splitlines()
    assert [e.split(":")[0] for e in errors[:-1]] == ["line 2", "line 4", "line 5", "line 7"]
    assert "unknown brand 'no-such-brand'" in errors[2]
    assert errors[-1] == "scored 3, skipped 4" and "Traceback" not in result.stderr


def test_evaluate_prints_precision_recall_and_confusion_table(run):
    result = run("evaluate")
    assert result.returncode == 0
    text = result.stdout
    assert "fixtures/labeled/listings.jsonl: 343 listings" in text
    figures = [line for line in text.splitlines() if line.startswith("precision")]
    assert len(figures) == 8
    for line in figures:
        precision, recall = float(line.split()[1]), float(line.split()[3])
        assert precision >= 0.95 and recall >= 0.95


def test_review_lists_the_queue_and_records_a_verdict(run, tmp_path):
    db = tmp_path / "r.db"
    store = Store(db)
    store.save([{"marketplace": "alibaba", "listing_id": "1", "url": "https://x", "title": "G",
                 "brand": "gucci", "keyword": "k", "score": 90, "risk": "high", "reasons": []}],
               store.start_crawl("gucci", ["alibaba"]))
    store.close()
    assert "alibaba" in run("review", "--db", str(db)).stdout
    marked = run("review", "--db", str(db), "--mark", "alibaba:1", "legitimate")
    assert marked.returncode == 0
    assert Store(db).judged() == {("gucci", "alibaba", "1"): "legitimate"}


@pytest.mark.e2e
@pytest.mark.parametrize("args", [("review", "--db", "/no/such.db"),
                                  ("score", "--watchlist", "/no/such.toml"),
                                  ("review", "--mark", "alibaba:1", "maybe")])
def test_bad_input_is_one_line_and_exit_2(args):
    result = subprocess.run([sys.executable, "-m", "crawler.cli", *args], cwd=ROOT,
                            capture_output=True, timeout=120, check=False)
    assert result.returncode == 2
    assert result.stderr.decode().startswith("error: ") and b"Traceback" not in result.stderr
