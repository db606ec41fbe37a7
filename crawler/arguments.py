"""The brand spider's arguments, checked before a crawl starts: a whitelist with clear errors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.settings import BaseSettings

from crawler import watchlist
from crawler.marketplaces import MARKETPLACES, Marketplace
from crawler.store import Store, StoreError
from crawler.watchlist import Brand, Watchlist

# `brand` is `name` under another name: scrapyd's schedule.json keeps `name` for itself.
ARGUMENTS = ("name", "brand", "marketplace", "keywords", "max_pages", "base_url")
IGNORED_ARGUMENTS = ("_job",)  # scrapyd adds the job id to every crawl
DEFAULT_MAX_PAGES = 5


class ArgumentError(ValueError):
    """A spider argument or setting that makes the crawl impossible."""


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

    def keywords_for(self, brand: Brand) -> tuple[str, ...]:
        """The search terms for a brand."""
        return self.keywords or brand.keywords

    def allowed_domains(self) -> list[str]:
        """Hosts the crawl may request: the marketplaces' domains and the configured base_url."""
        domains = [d for m in self.marketplaces for d in m.domains]
        if self.base_url:
            domains.append(urlsplit(self.base_url).hostname)
        return domains

    def site(self, marketplace: Marketplace) -> str:
        """Where a marketplace is served: base_url when given, else the real site."""
        return (self.base_url or marketplace.base_url).rstrip("/")


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


def _max_pages(value: object) -> int:
    if value is None or value == "":
        return DEFAULT_MAX_PAGES
    text = str(value).strip()
    if not text.isdigit() or not 1 <= int(text) <= 1000:
        raise ArgumentError(f"max_pages must be a whole number from 1 to 1000, not {value!r}")
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


def resolve(arguments: dict, settings: BaseSettings) -> CrawlPlan:
    """A crawl plan from spider arguments and settings, or ArgumentError naming the problem."""
    unknown = sorted(set(arguments) - set(ARGUMENTS) - set(IGNORED_ARGUMENTS))
    if unknown:
        raise ArgumentError(
            f"unknown argument {unknown[0]!r}; the brand spider takes: {', '.join(ARGUMENTS)}"
        )
    name = str(arguments.get("name") or arguments.get("brand") or "").strip()
    try:
        own = settings.get("WATCHLIST")
        wl = watchlist.load(Path(own).expanduser() if own else None)
        if not name:
            raise ArgumentError(
                f"missing -a name=BRAND; known brands: {', '.join(sorted(wl.brands))}, or all"
            )
        brands = tuple(wl.select(name))
    except watchlist.WatchlistError as exc:
        raise ArgumentError(str(exc)) from None
    marketplaces = _marketplaces(arguments.get("marketplace"))
    database = database_path(settings.get("SQLITE_PATH"))
    return CrawlPlan(
        watchlist=wl,
        brands=brands,
        marketplaces=marketplaces,
        keywords=_comma_list(arguments.get("keywords")),
        max_pages=_max_pages(arguments.get("max_pages")),
        base_url=_base_url(arguments.get("base_url"), marketplaces),
        database=database,
    )
