"""Scrapy commands overridden for this project."""
