"""The retry middleware asks the marketplace's page object about walls, once per response."""

from dataclasses import dataclass

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler import walls
from crawler.marketplaces import MARKETPLACES, Marketplace, SearchPage
from crawler.middlewares import BackoffRetryMiddleware
from crawler.spiders.brand import BrandSpider

SETTINGS = {"BOT_WALL_BACKOFF": 0, "BOT_WALL_RETRY_TIMES": 2}


@dataclass
class SorryPage(SearchPage):
    """A marketplace whose wall is a page no generic check knows."""

    def is_blocked(self) -> bool:
        return "we are sorry" in self.response.text

    def is_empty(self) -> bool:
        return False

    def records(self) -> list:
        return []


class Shop(Marketplace):
    name = "shop"
    base_url = "https://shop.example"
    domains = ("shop.example",)
    page_class = SorryPage

    def search_path(self, keyword: str, page: int) -> str:
        return f"/s?q={keyword}&page={page}"


@pytest.fixture
def middleware(monkeypatch):
    monkeypatch.setitem(MARKETPLACES, "shop", Shop())
    crawler = get_crawler(BrandSpider, SETTINGS)
    crawler.spider = crawler._create_spider(name="gucci")
    return BackoffRetryMiddleware.from_crawler(crawler)


async def test_a_marketplace_with_its_own_wall_check_is_retried(middleware):
    request = Request("https://shop.example/s?q=gucci", meta={"marketplace": "shop"})
    wall = HtmlResponse(request.url, body=b"<html>we are sorry</html>", request=request)
    retry = await middleware.process_response(request, wall)
    assert isinstance(retry, Request) and retry.meta["retry_times"] == 1
    assert middleware.crawler.stats.get_value("listings/retries/bot_wall") == 1
    fine = HtmlResponse(request.url, body=b"<html>results</html>", request=request)
    assert await middleware.process_response(request, fine) is fine


async def test_requests_that_are_not_searches_are_never_judged(middleware):
    request = Request("https://shop.example/robots.txt")
    wall = HtmlResponse(request.url, body=b"<title>Captcha Interception</title>", request=request)
    assert await middleware.process_response(request, wall) is wall


async def test_the_wall_check_runs_once_for_middleware_and_page_object(middleware, monkeypatch):
    calls = []
    monkeypatch.setattr("crawler.marketplaces.base.is_wall_text",
                        lambda text: calls.append(1) or walls.is_wall_text(text))
    request = Request("https://www.alibaba.com/trade/search?SearchText=x",
                      meta={"marketplace": "alibaba"})
    wall = HtmlResponse(request.url, request=request,
                        body=b"<html><title>Captcha Interception</title></html>")
    middleware.wall_retries = 0  # give up at once: the spider sees the wall
    assert await middleware.process_response(request, wall) is wall
    assert MARKETPLACES["alibaba"].page(wall).is_blocked()
    assert len(calls) == 1
