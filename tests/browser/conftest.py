"""One JupyterLab server for every browser test (the one Chromium is in tests/conftest.py).

The server runs from the project's virtual environment on a free local port
with a random token, in a temporary copy of notebooks/ (running cells never
touches the committed notebooks) and with its own empty Jupyter config,
data, runtime and settings folders, so nothing on the machine leaks in.
It is stopped in the fixture's teardown whatever happens.

BACKPROP_NOTEBOOKS=/some/folder runs the browser tests on other copies of
the notebooks (say, copies executed in /tmp) instead of notebooks/.
"""
import json
import os
import pathlib
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = pathlib.Path(os.environ.get("BACKPROP_NOTEBOOKS") or ROOT / "notebooks")
ARTIFACTS = ROOT / "tests" / "artifacts" / "browser"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic", "--disable-dev-shm-usage"]

# JupyterLab settings for the test server only: render every cell (no
# virtual scrolling, so every output is in the page) and no news toasts.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none",
                                               "scrollPastEnd": False},
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false",
                                                    "checkForUpdates": False},
}


def find_chromium():
    """Debian's Chromium (or $CHROMIUM); fail, never skip, when it is missing."""
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"),
                      "/usr/bin/chromium", shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    pytest.fail("Chromium is missing: the browser test drives Debian's Chromium. Install it with "
                "`apt-get update && apt-get install -y chromium` (python3 run.py test does this "
                "itself when it runs as root), or set CHROMIUM=/path/to/chromium. "
                "To skip the browser test locally: python3 run.py test -m 'not browser'.",
                pytrace=False)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LabServer:
    """A running JupyterLab: `url(path)` adds the token; `stop()` ends it and its kernels."""

    def __init__(self, workdir):
        self.workdir = workdir
        self.root = workdir / "notebooks"
        shutil.copytree(NOTEBOOKS, self.root,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        settings = workdir / "lab-settings"
        for name, values in LAB_SETTINGS.items():
            path = settings / f"{name}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        self.port, self.token = free_port(), secrets.token_hex(24)
        env = dict(os.environ,
                   JUPYTER_CONFIG_DIR=str(workdir / "config"),
                   JUPYTER_DATA_DIR=str(workdir / "data"),
                   JUPYTER_RUNTIME_DIR=str(workdir / "runtime"),
                   IPYTHONDIR=str(workdir / "ipython"),
                   JUPYTER_PLATFORM_DIRS="1",
                   PATH=f"{pathlib.Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
        env.pop("JUPYTER_PATH", None)
        env.pop("JUPYTER_CONFIG_PATH", None)
        command = [sys.executable, "-m", "jupyter", "lab", "--no-browser",
                   "--ServerApp.open_browser=False", "--ServerApp.ip=127.0.0.1",
                   f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
                   f"--IdentityProvider.token={self.token}",
                   f"--ServerApp.root_dir={self.root}",
                   f"--LabApp.user_settings_dir={settings}",
                   f"--LabApp.workspaces_dir={workdir / 'workspaces'}",
                   "--LabApp.extension_manager=readonly",
                   "--ServerApp.terminals_enabled=False",
                   # a safety net if this process is killed before its teardown
                   "--ServerApp.shutdown_no_activity_timeout=900"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")          # CI runs as root
        self.log_path = workdir / "jupyterlab.log"
        self._log = open(self.log_path, "w")
        # Its own process group, so that stop() also reaches the kernels it started.
        self.process = subprocess.Popen(command, cwd=self.root, env=env, stdin=subprocess.DEVNULL,
                                        stdout=self._log, stderr=subprocess.STDOUT,
                                        start_new_session=True)

    def url(self, path):
        sep = "&" if "?" in path else "?"
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}{sep}token={self.token}"

    def api(self, path, method="GET"):
        request = urllib.request.Request(self.url(path), method=method)
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def log_tail(self, lines=30):
        self._log.flush()
        text = self.log_path.read_text(errors="replace").splitlines()
        # the token is a secret of this run: keep it out of test reports
        return "\n".join(text[-lines:]).replace(self.token, "<token>")

    def wait_until_ready(self, timeout=90):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with code {self.process.returncode}:\n"
                                   f"{self.log_tail()}")
            try:
                if self.api("api/status") is not None:
                    return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.25)
        raise RuntimeError(f"JupyterLab did not answer within {timeout} s:\n{self.log_tail()}")

    def shutdown_kernels(self):
        """End the sessions (and kernels) the browser opened, to free memory between notebooks."""
        for session in self.api("api/sessions") or []:
            self.api(f"api/sessions/{session['id']}", method="DELETE")

    def stop(self):
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)
            except ProcessLookupError:
                pass
        try:                                         # kernels left in the group, if any
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self._log.close()


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    server = LabServer(tmp_path_factory.mktemp("jupyterlab"))
    try:
        server.wait_until_ready()
        yield server
    finally:
        server.stop()


@pytest.fixture
def page(chromium, lab):
    context = chromium.new_context(viewport={"width": 1280, "height": 900},
                                   reduced_motion="reduce")
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()
        try:
            lab.shutdown_kernels()
        except OSError:
            pass
