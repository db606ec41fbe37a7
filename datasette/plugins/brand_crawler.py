"""Datasette plugin for the reviewers' database: the canned queries are crawler/store/queries.py's
own SQL, and datasette/metadata.yml's descriptions apply whatever the database file is called.

Read-only: it adds no write query, route or cell renderer (scraped text stays escaped).
"""

from __future__ import annotations

from pathlib import Path

import yaml
from datasette import hookimpl

from crawler.store.queries import CANNED_QUERIES, REVIEWER_QUERIES

METADATA = yaml.safe_load((Path(__file__).parents[1] / "metadata.yml").read_text("utf-8"))
DESCRIBED = METADATA["databases"]["listings"]
INTERNAL = "_internal"  # Datasette's own database


@hookimpl
def get_metadata(datasette, key, database, table):
    """The descriptions, for every database served."""
    return {**METADATA, "databases": {name: DESCRIBED for name in datasette.databases
                                      if name != INTERNAL}}


@hookimpl
def canned_queries(datasette, database):
    """The reviewers' queries, on a database that has this project's tables."""
    async def queries():
        if database == INTERNAL or not await datasette.get_database(database).table_exists(
                "assessments"):
            return {}
        return {name: {"sql": REVIEWER_QUERIES[name], "title": title}
                for name, title in CANNED_QUERIES.items()}
    return queries
