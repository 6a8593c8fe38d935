"""Shared test configuration."""
import pytest


def pytest_collection_modifyitems(items):
    # The browser test is one of the slow tests: `-m "not slow"` skips it too.
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)
