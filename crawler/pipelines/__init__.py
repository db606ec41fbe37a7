"""Item pipelines, one concern each (order in settings.ITEM_PIPELINES), each handed the
spider's Listing dataclass."""
