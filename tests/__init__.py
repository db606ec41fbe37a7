"""The test suite: a package, so pytest puts the repository root on the path (tests.*, tools.*)."""
