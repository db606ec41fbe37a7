"""Scrapy extensions: what runs beside the crawl rather than on its items."""
