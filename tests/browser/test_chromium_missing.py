"""Without Chromium the browser test fails and says how to install it; it never skips."""
import importlib.util
import pathlib

import pytest


def load_browser_conftest():
    path = pathlib.Path(__file__).with_name("conftest.py")
    spec = importlib.util.spec_from_file_location("browser_conftest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_missing_chromium_fails_with_the_install_command(monkeypatch):
    browser = load_browser_conftest()
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setattr(browser.shutil, "which", lambda name: None)
    monkeypatch.setattr(browser.os, "access", lambda path, mode: False)
    with pytest.raises(pytest.fail.Exception, match=r"apt-get install -y chromium"):
        browser.find_chromium()


def test_chromium_from_the_environment_variable_wins(monkeypatch, tmp_path):
    browser = load_browser_conftest()
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("CHROMIUM", str(fake))
    assert browser.find_chromium() == str(fake)
