"""The brand spider's arguments, checked before a crawl starts: a whitelist with clear errors."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from scrapy.settings import BaseSettings

from crawler import watchlist
from crawler.marketplaces import MARKETPLACES, Marketplace
from crawler.store import Store, StoreError
from crawler.watchlist import Brand, Watchlist

# `brand` is `name` under another name: scrapyd's schedule.json keeps `name` for itself.
ARGUMENTS = ("name", "brand", "marketplace", "keywords", "max_pages", "base_url")
RECHECK_ARGUMENTS = ("name", "brand", "marketplace", "base_url", "limit")
SCRAPYD_JOB_ARGUMENT = "_job"  # scrapyd adds its job id to every crawl it runs
DEFAULT_MAX_PAGES = 5
DEFAULT_RECHECK_LIMIT = 500
# Numeric settings the crawl reads - the project's own, and Scrapy's that it sets or documents -
# with the least value each takes. Checked here, a bad one is one line, not a traceback midway
# through Scrapy's start.
WHOLE_NUMBER_SETTINGS = {
    "SQLITE_BATCH_SIZE": 1, "BOT_WALL_RETRY_TIMES": 0, "RETRY_TIMES": 0,
    "CONCURRENT_REQUESTS": 1, "CONCURRENT_REQUESTS_PER_DOMAIN": 1, "DOWNLOAD_MAXSIZE": 0,
    "DOWNLOAD_WARNSIZE": 0, "URLLENGTH_LIMIT": 0, "CLOSESPIDER_ITEMCOUNT": 0,
    "CLOSESPIDER_PAGECOUNT": 0, "CLOSESPIDER_ERRORCOUNT": 0, "ALERT_TRIES": 1,
}
NUMBER_SETTINGS = {
    "BOT_WALL_BACKOFF": 0, "RETRY_AFTER_MAX": 0, "DOWNLOAD_DELAY": 0, "DOWNLOAD_TIMEOUT": 0.1,
    "AUTOTHROTTLE_START_DELAY": 0, "AUTOTHROTTLE_MAX_DELAY": 0,
    "AUTOTHROTTLE_TARGET_CONCURRENCY": 0.01, "CLOSESPIDER_TIMEOUT": 0, "ALERT_TIMEOUT": 0.1,
    "ALERT_BACKOFF": 0,
}


class ArgumentError(ValueError):
    """A spider argument or setting that makes the crawl impossible."""


class Search(NamedTuple):
    """One search a crawl makes: a keyword on a marketplace, for every brand that watches it."""

    marketplace: Marketplace
    keyword: str
    brands: tuple[Brand, ...]


@dataclass(frozen=True)
class CrawlPlan:
    """What one crawl covers: brands, marketplaces, keywords, pages, where sites are served."""

    watchlist: Watchlist
    brands: tuple[Brand, ...]
    marketplaces: tuple[Marketplace, ...]
    keywords: tuple[str, ...]  # overrides the brands' own keywords when not empty
    max_pages: int
    base_url: str | None
    database: Path
    job_id: str | None = None  # scrapyd's job id, when scrapyd runs the crawl

    def keywords_for(self, brand: Brand) -> tuple[str, ...]:
        """The search terms for a brand."""
        return self.keywords or brand.keywords

    def searches(self) -> list[Search]:
        """Each distinct keyword (any case or spacing) once per marketplace, with every brand
        that watches it: a keyword two brands share is searched once, for both."""
        found: dict[tuple[str, str], Search] = {}
        for brand in self.brands:
            for marketplace in self.marketplaces:
                for keyword in self.keywords_for(brand):
                    key = (marketplace.name, " ".join(keyword.casefold().split()))
                    search = found.setdefault(key, Search(marketplace, keyword, ()))
                    if brand not in search.brands:
                        found[key] = search._replace(brands=(*search.brands, brand))
        return list(found.values())

    def allowed_domains(self) -> list[str]:
        """Hosts the crawl may request: the marketplaces' domains and the configured base_url."""
        domains = [d for m in self.marketplaces for d in m.domains]
        if self.base_url:
            domains.append(urlsplit(self.base_url).hostname)
        return domains

    def site(self, marketplace: Marketplace) -> str:
        """Where a marketplace is served: base_url when given, else the real site."""
        return (self.base_url or marketplace.base_url).rstrip("/")


@dataclass(frozen=True)
class RecheckPlan(CrawlPlan):
    """A crawl that searches nothing: it visits the product pages of at most `limit` listings
    that one of `brands` judged counterfeit or reported."""

    limit: int = DEFAULT_RECHECK_LIMIT


def _comma_list(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(",") if part.strip())


def _marketplaces(value: str | None) -> tuple[Marketplace, ...]:
    names = _comma_list(value.lower() if value else None) or tuple(MARKETPLACES)
    unknown = [n for n in names if n not in MARKETPLACES]
    if unknown:
        raise ArgumentError(
            f"unknown marketplace {unknown[0]!r}; known marketplaces: {', '.join(MARKETPLACES)}"
        )
    return tuple(MARKETPLACES[n] for n in dict.fromkeys(names))


def _whole_number(value: object, name: str, default: int, most: int) -> int:
    """A spider argument that is a whole number from 1 to `most` (`default` when not given)."""
    if value is None or value == "":
        return default
    text = str(value).strip()
    if not text.isdigit() or not 1 <= int(text) <= most:
        raise ArgumentError(f"{name} must be a whole number from 1 to {most}, not {value!r}")
    return int(text)


def _base_url(value: str | None, marketplaces: tuple[Marketplace, ...]) -> str | None:
    if not value:
        return None
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ArgumentError(f"base_url must be an http:// or https:// URL, not {value!r}")
    if len(marketplaces) != 1:
        raise ArgumentError("base_url needs exactly one marketplace (-a marketplace=NAME)")
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def _check_numbers(settings: BaseSettings) -> None:
    """Refuse a numeric setting that is no number, or below its least value."""
    for names, read, kind in ((WHOLE_NUMBER_SETTINGS, settings.getint, "a whole number"),
                              (NUMBER_SETTINGS, settings.getfloat, "a number")):
        for name, least in names.items():
            if settings.get(name) is None:  # not set: whoever reads it has a default
                continue
            try:
                number = read(name)
            except (TypeError, ValueError):
                number = math.nan
            if not (math.isfinite(number) and number >= least):
                raise ArgumentError(f"setting {name} must be {kind}, at least {least}, "
                                    f"not {settings.get(name)!r}")


def _check_url_lengths(plan: CrawlPlan, limit: int) -> None:
    """Refuse a keyword whose search URL is longer than Scrapy lets through (URLLENGTH_LIMIT)."""
    for search in plan.searches() if limit else ():
        market = search.marketplace
        url = plan.site(market) + market.search_path(search.keyword, plan.max_pages)
        if len(url) > limit:
            raise ArgumentError(
                f"keyword {watchlist.excerpt(search.keyword)}: its {market.name} search URL "
                f"would be {len(url)} characters long, over URLLENGTH_LIMIT ({limit})")


def database_path(value: str | None) -> Path:
    """The SQLite file SQLITE_PATH names (~ expanded), refused early when it cannot be one."""
    path = Path(value or "listings.db").expanduser().resolve()
    if not path.parent.is_dir():
        raise ArgumentError(f"SQLITE_PATH {value!r}: folder {str(path.parent)!r} does not exist")
    if path.is_dir():
        raise ArgumentError(f"SQLITE_PATH {value!r} is a folder, not a database file")
    try:
        Store.check(path)
    except StoreError as exc:
        raise ArgumentError(f"SQLITE_PATH: {exc}") from None
    return path


def _refuse_unknown(arguments: dict, known: tuple[str, ...], spider: str) -> None:
    unknown = sorted(set(arguments) - set(known) - {SCRAPYD_JOB_ARGUMENT})
    if unknown:
        raise ArgumentError(
            f"unknown argument {unknown[0]!r}; the {spider} spider takes: {', '.join(known)}"
        )


def _watchlist(settings: BaseSettings) -> Watchlist:
    own = settings.get("WATCHLIST")
    return watchlist.load(Path(own).expanduser() if own else None)


def resolve(arguments: dict, settings: BaseSettings) -> CrawlPlan:
    """A crawl plan from spider arguments and settings, or ArgumentError naming the problem."""
    _refuse_unknown(arguments, ARGUMENTS, "brand")
    name = str(arguments.get("name") or arguments.get("brand") or "").strip()
    _check_numbers(settings)
    try:
        wl = _watchlist(settings)
        if not name:
            raise ArgumentError(
                f"missing -a name=BRAND; known brands: {', '.join(sorted(wl.brands))}, or all"
            )
        brands = tuple(wl.select(name))
        keywords = watchlist.check_keywords(_comma_list(arguments.get("keywords")), "keywords")
    except watchlist.WatchlistError as exc:
        raise ArgumentError(str(exc)) from None
    marketplaces = _marketplaces(arguments.get("marketplace"))
    database = database_path(settings.get("SQLITE_PATH"))
    plan = CrawlPlan(
        watchlist=wl,
        brands=brands,
        marketplaces=marketplaces,
        keywords=keywords,
        max_pages=_whole_number(arguments.get("max_pages"), "max_pages", DEFAULT_MAX_PAGES, 1000),
        base_url=_base_url(arguments.get("base_url"), marketplaces),
        database=database,
        job_id=arguments.get(SCRAPYD_JOB_ARGUMENT) or None,
    )
    _check_url_lengths(plan, settings.getint("URLLENGTH_LIMIT"))
    return plan


def resolve_recheck(arguments: dict, settings: BaseSettings) -> RecheckPlan:
    """The recheck spider's plan: the brands whose judged listings it visits (all by default),
    marketplaces, base_url and limit; ArgumentError naming the problem."""
    _refuse_unknown(arguments, RECHECK_ARGUMENTS, "recheck")
    _check_numbers(settings)
    try:
        wl = _watchlist(settings)
        brands = tuple(wl.select(str(arguments.get("name") or arguments.get("brand") or "all")))
    except watchlist.WatchlistError as exc:
        raise ArgumentError(str(exc)) from None
    marketplaces = _marketplaces(arguments.get("marketplace"))
    database = database_path(settings.get("SQLITE_PATH"))
    if not database.exists():
        raise ArgumentError(f"SQLITE_PATH {str(database)!r}: no database to recheck")
    return RecheckPlan(
        watchlist=wl, brands=brands, marketplaces=marketplaces, keywords=(), max_pages=1,
        base_url=_base_url(arguments.get("base_url"), marketplaces), database=database,
        job_id=arguments.get(SCRAPYD_JOB_ARGUMENT) or None,
        limit=_whole_number(arguments.get("limit"), "limit", DEFAULT_RECHECK_LIMIT, 100_000),
    )
