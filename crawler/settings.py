"""Scrapy settings: polite crawling defaults and the listing pipelines, in order."""

import os

BOT_NAME = "brand-crawler"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
COMMANDS_MODULE = "crawler.commands"

# Where listings go (`-s SQLITE_PATH=...`; the CRAWLER_DB environment variable sets the default).
SQLITE_PATH = os.environ.get("CRAWLER_DB", "listings.db")
SQLITE_BATCH_SIZE = 200
# Pending listings are also written every SQLITE_FLUSH_SECONDS (a kill loses seconds of work).
SQLITE_FLUSH_SECONDS = 2.0
# Waiting for another connection's lock (s); a refused batch is retried SQLITE_WRITE_RETRIES
# times on a lock (once on a full disk), SQLITE_RETRY_BACKOFF seconds apart, doubled each time.
SQLITE_TIMEOUT = 60.0
SQLITE_WRITE_RETRIES = 4
SQLITE_RETRY_BACKOFF = 1.0
# A watchlist TOML file of your own; empty means the bundled crawler/brands.toml.
WATCHLIST = ""

# Alerts after each crawl (off unless one is set; the environment variables of the same names
# set the defaults, for cron and scrapyd): new high-risk listings and a crawl that is not `ok`,
# POSTed as JSON to ALERT_WEBHOOK_URL (Slack-compatible) and/or appended as a line to
# ALERT_FILE. A webhook gets ALERT_TRIES tries of ALERT_TIMEOUT seconds, ALERT_BACKOFF seconds
# apart (doubled each time).
ALERT_WEBHOOK_URL = os.environ.get("ALERT_WEBHOOK_URL", "")
ALERT_FILE = os.environ.get("ALERT_FILE", "")
ALERT_TRIES = 3
ALERT_TIMEOUT = 5.0
ALERT_BACKOFF = 1.0

# The crawls row (start, resume, counters, status) is the extension's; pipelines handle items.
# Alerts close after it (a higher number connects later): they read the status it recorded.
# Scrapy 2.19's RemoteControl runs Python sent to it over HTTP and leaves a token file behind
# every killed crawl: off, like the telnet console.
EXTENSIONS = {
    "crawler.extensions.crawl_record.CrawlRecord": 500,
    "crawler.extensions.alerts.Alerts": 510,
    "scrapy.extensions.remote_control.RemoteControl": None,
}
ITEM_PIPELINES = {
    "crawler.pipelines.validate.ValidatePipeline": 100,
    "crawler.pipelines.dedupe.DedupePipeline": 200,
    "crawler.pipelines.score.ScorePipeline": 300,
    "crawler.pipelines.store.StorePipeline": 900,
}

# Polite, identifiable crawling.
USER_AGENT = "brand-crawler/0.1 (counterfeit-listing monitor run for a brand owner)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024
RETRY_TIMES = 3
# Bot walls (captcha / "punish" pages) are retried this often, waiting BOT_WALL_BACKOFF
# seconds, doubled each try; 429/503 answers wait what Retry-After asks, up to RETRY_AFTER_MAX.
BOT_WALL_RETRY_TIMES = 2
BOT_WALL_BACKOFF = 5.0
RETRY_AFTER_MAX = 120.0
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.BackoffRetryMiddleware": 560,
    # Scrapy's own, fixed for concurrent requests (see ConcurrentRobotsTxtMiddleware).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.ConcurrentRobotsTxtMiddleware": 100,
}
# Spider middlewares every listing passes through: off where they do nothing for this project
# (no depth limit or priority: searches stop at max_pages; no meta copied between requests).
SPIDER_MIDDLEWARES = {
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware": None,
}
TELNETCONSOLE_ENABLED = False
DOWNLOAD_HANDLERS = {"file": None, "data": None, "s3": None, "ftp": None}
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
LOG_FORMATTER = "crawler.logformatter.ListingLogFormatter"
