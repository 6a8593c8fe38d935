"""Shared test configuration, and the one headless Chromium of a test run."""
import importlib.util
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]


CHINESE_NOTEBOOKS = ROOT / "notebooks" / "zh-CN"


def pytest_collection_modifyitems(items):
    # The browser test is one of the slow tests: `-m "not slow"` skips it too. So is strict
    # nbval on the Chinese edition: the same code as the English notebooks, run a second time
    # (tests/test_translations.py checks the two editions agree in the fast suite).
    for item in items:
        if item.get_closest_marker("browser") or CHINESE_NOTEBOOKS in item.path.parents:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def browser_support():
    """tests/browser/conftest.py as a module: find_chromium, CHROMIUM_ARGS, LAB_SETTINGS, ..."""
    path = ROOT / "tests" / "browser" / "conftest.py"
    spec = importlib.util.spec_from_file_location("_browser_support", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def chromium(browser_support):
    """One Chromium for the browser and hub tests: Playwright's sync API runs one at a time
    (a second sync_playwright() while the first is open fails inside its event loop)."""
    executable = browser_support.find_chromium()
    from playwright.sync_api import sync_playwright
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=executable,
                                             args=browser_support.CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()
