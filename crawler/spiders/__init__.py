"""The brand spider."""
