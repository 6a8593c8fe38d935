"""A real JupyterHub, a teacher's repository and a headless Chromium for the classroom test.

The hub (tools/classroom_hub.py) runs on free ports of 127.0.0.1 with the
dummy authenticator, one home folder per student under a temporary
directory, configurable-http-proxy from npm (installed once into
.venv/classroom-proxy) and single-user servers from this venv with
nbgitpuller. The teacher's repository is a clone of this repository's HEAD,
which students pull through a file:// URL. Everything is stopped in the
fixtures' teardown, whatever happens; the hub's log is printed on failure.
"""
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import classroom_hub  # noqa: E402


@pytest.fixture(scope="module")
def teacher(tmp_path_factory):
    """(path of the teacher's clone, its file:// URL)."""
    return classroom_hub.teacher_repository(tmp_path_factory.mktemp("teacher"))


@pytest.fixture(scope="module")
def hub(tmp_path_factory, browser_support):
    server = classroom_hub.ClassroomHub(tmp_path_factory.mktemp("hub"),
                                        lab_settings=browser_support.LAB_SETTINGS)
    try:
        server.wait_until_ready()
        yield server
    finally:
        server.stop()
        # pytest shows captured output only for a failed test
        print("--- the hub's log (last lines) ---\n" + server.log_tail(80))


