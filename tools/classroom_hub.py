"""A real JupyterHub on 127.0.0.1 for the classroom test and the class-sized benchmark.

The parts are the ones a small hub uses, installed from the package registries:

- `jupyterhub` (requirements-dev.txt), with its built-in dummy authenticator
  (one shared password) and SimpleLocalProcessSpawner (one home folder per
  student under a temporary directory; for tests only: no isolation);
- configurable-http-proxy from npm, installed by `ensure_proxy()` into a
  folder of its own under .venv (once; later runs reuse it);
- single-user servers from this project's venv (`jupyterhub-singleuser`, the
  learner packages, nbgitpuller enabled as a server extension). nbgrader's
  server extensions are switched off for the students: a class's image holds
  the learner set plus nbgitpuller, not the development tools.

`nbgitpuller_link()` builds the link that docs/teaching.md hands out; the
test follows the same link, pointed at the local hub and a file:// URL.

The hub and everything it starts (proxy, servers, kernels) carry the
environment variable CLASSROOM_HUB=<id>, so `stop()` can end every one of
them even when the hub itself was killed.
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
import urllib.parse
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[1]
BIN = pathlib.Path(sys.executable).parent          # the venv that runs the test or benchmark
PROXY_VERSION = "5.3.0"                              # configurable-http-proxy on npm
PROXY_PREFIX = ROOT / ".venv" / "classroom-proxy"    # npm install --prefix (a cache)
FIRST_NOTEBOOK = "notebooks/01-computation-graphs.ipynb"

# Deliberate hub timeouts (JupyterHub's defaults in brackets). A server's start
# costs about 3 s of CPU here (jupyterhub-singleuser with JupyterLab), so a class
# arriving within a minute queues its spawns behind each other and behind the
# kernels of those already in: in the 30-student benchmark (2 cores, other work
# running) the slowest server answered 109 s after its student logged in, where
# the default http_timeout would have failed every spawn slower than 30 s.
TIMEOUTS = {
    "Spawner.http_timeout": 300,        # [30 s] server process started -> answering HTTP
    "Spawner.start_timeout": 120,       # [60 s] spawn requested -> process started
    "JupyterHub.concurrent_spawn_limit": 40,   # [100] pending spawns; above it: 429 "try again"
}

# The students' single-user servers: the learner environment plus nbgitpuller.
STUDENT_SERVER_CONFIG = {
    "ServerApp": {"jpserver_extensions": {
        "nbgitpuller": True,
        "nbgrader.server_extensions.formgrader": False,
        "nbgrader.server_extensions.validate_assignment": False,
        "nbgrader.server_extensions.assignment_list": False,
        "nbgrader.server_extensions.course_list": False}},
    "LabApp": {"extension_manager": "readonly"},
}
NBGRADER_LAB_EXTENSIONS = ["@jupyter/nbgrader"]


def nbgitpuller_link(hub, repo, notebook=FIRST_NOTEBOOK, branch="main"):
    """The nbgitpuller link that clones or updates `repo` and opens `notebook` in JupyterLab.

    hub      -- the hub's address, e.g. "https://hub.example.edu"
    repo     -- the git URL students pull from (https://..., or file://... in the tests)
    notebook -- the path inside the repository
    branch   -- a branch, or a tag or commit to pin a class to one edition
    The folder in each home is the repository's last path part, as nbgitpuller names it.
    """
    folder = repo.rstrip("/").split("/")[-1]
    urlpath = f"lab/tree/{folder}/{notebook}?autodecode"
    query = "&".join(f"{key}={urllib.parse.quote(value, safe='')}"
                     for key, value in (("repo", repo), ("branch", branch), ("urlpath", urlpath)))
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def ensure_proxy(prefix=PROXY_PREFIX, version=PROXY_VERSION):
    """configurable-http-proxy from npm in a folder of its own; its program's path."""
    program = prefix / "node_modules" / ".bin" / "configurable-http-proxy"
    stamp = prefix / "node_modules" / "configurable-http-proxy" / "package.json"
    if program.exists() and stamp.exists() and json.loads(stamp.read_text())["version"] == version:
        return program
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is missing: the hub's proxy, configurable-http-proxy, comes "
                           "from npm. Install Node.js (Debian: apt-get install -y nodejs npm).")
    prefix.mkdir(parents=True, exist_ok=True)
    subprocess.run([npm, "install", "--prefix", str(prefix), "--no-audit", "--no-fund",
                    "--loglevel=error", f"configurable-http-proxy@{version}"], check=True,
                   stdout=subprocess.DEVNULL)
    return program


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def teacher_repository(folder, source=ROOT):
    """A clone of `source`'s HEAD at folder/backprop-notebooks, on branch main; its file:// URL."""
    repo = pathlib.Path(folder) / "backprop-notebooks"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(source), str(repo)],
                   check=True)
    git(repo, "checkout", "--quiet", "-B", "main")
    git(repo, "config", "user.name", "Teacher")
    git(repo, "config", "user.email", "teacher@example.edu")
    return repo, repo.as_uri()


def git(repo, *args):
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                          text=True).stdout


CONFIG = """\
import json, pathlib

c = get_config()  # noqa: F821
settings = {settings!r}


def prepare_home(spawner):
    # JupyterLab settings a student starts with (written once, never over theirs)
    home = pathlib.Path(spawner.home_dir)
    for name, values in settings.items():
        path = home / ".jupyter" / "lab" / "user-settings" / (name + ".jupyterlab-settings")
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))


c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.auth_token = {proxy_token!r}
c.JupyterHub.db_url = "sqlite:///{workdir}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{workdir}/jupyterhub_cookie_secret"
c.JupyterHub.pid_file = "{workdir}/jupyterhub.pid"
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {password!r}
c.Authenticator.allow_all = True

c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{homes}/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = {args!r}
c.Spawner.default_url = "/lab"
c.Spawner.environment = {environment!r}
c.Spawner.pre_spawn_hook = prepare_home
c.Spawner.http_timeout = {http_timeout}
c.Spawner.start_timeout = {start_timeout}
c.JupyterHub.concurrent_spawn_limit = {concurrent_spawn_limit}

# the teacher: a service whose token may manage users, servers and tokens
c.JupyterHub.services = [{{"name": "teacher", "api_token": {teacher_token!r}}}]
c.JupyterHub.load_roles = [{{"name": "teacher", "services": ["teacher"],
                             "scopes": ["admin:users", "admin:servers", "tokens", "list:users",
                                        "read:users", "admin-ui"]}}]
"""


class ClassroomHub:
    """A JupyterHub on free local ports under `workdir`; `url(path)`, `api(...)`, `stop()`."""

    def __init__(self, workdir, lab_settings=None, timeouts=None, log_level="INFO"):
        self.workdir = pathlib.Path(workdir)
        self.homes = self.workdir / "homes"
        self.homes.mkdir(parents=True, exist_ok=True)
        self.id = secrets.token_hex(8)
        self.password = secrets.token_urlsafe(12)
        self.teacher_token = secrets.token_hex(32)
        self.port = free_port()
        self.timeouts = dict(TIMEOUTS, **(timeouts or {}))
        server_config = self.workdir / "student-server-config"
        server_config.mkdir(exist_ok=True)
        (server_config / "jupyter_server_config.json").write_text(json.dumps(STUDENT_SERVER_CONFIG))
        labconfig = server_config / "labconfig"
        labconfig.mkdir(exist_ok=True)
        (labconfig / "page_config.json").write_text(json.dumps(
            {"disabledExtensions": {name: True for name in NBGRADER_LAB_EXTENSIONS}}))
        args = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        environment = {"CLASSROOM_HUB": self.id, "JUPYTER_CONFIG_PATH": str(server_config),
                       "PYTHONUNBUFFERED": "1"}
        config = CONFIG.format(
            settings=lab_settings or {}, port=self.port, hub_port=free_port(),
            proxy_api_port=free_port(), proxy=str(ensure_proxy()),
            proxy_token=secrets.token_hex(32), workdir=self.workdir, password=self.password,
            homes=self.homes, singleuser=str(BIN / "jupyterhub-singleuser"), args=args,
            environment=environment, teacher_token=self.teacher_token,
            http_timeout=self.timeouts["Spawner.http_timeout"],
            start_timeout=self.timeouts["Spawner.start_timeout"],
            concurrent_spawn_limit=self.timeouts["JupyterHub.concurrent_spawn_limit"])
        self.config_path = self.workdir / "jupyterhub_config.py"
        self.config_path.write_text(config)
        env = dict(os.environ, CLASSROOM_HUB=self.id,
                   PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
        for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_PATH",
                     "JUPYTER_CONFIG_PATH", "PYTHONPATH", "MPLBACKEND"):
            env.pop(name, None)
        self.log_path = self.workdir / "jupyterhub.log"
        self._log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [str(BIN / "jupyterhub"), "-f", str(self.config_path), f"--log-level={log_level}"],
            cwd=self.workdir, env=env, stdin=subprocess.DEVNULL, stdout=self._log,
            stderr=subprocess.STDOUT, start_new_session=True)

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def url(self, path=""):
        return f"{self.base}/{path.lstrip('/')}"

    def api(self, path, method="GET", body=None, timeout=30):
        """The hub's REST API with the teacher's token (through the proxy)."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url(f"hub/api/{path.lstrip('/')}"), data=data,
                                         method=method,
                                         headers={"Authorization": f"token {self.teacher_token}"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read()
        return json.loads(text) if text else None

    def user_token(self, name):
        """An API token for student `name` (who must exist: logged in once)."""
        return self.api(f"users/{name}/tokens", "POST", {"note": "classroom"})["token"]

    def log_tail(self, lines=40):
        if not self._log.closed:
            self._log.flush()
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def wait_until_ready(self, timeout=90):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterHub exited with code {self.process.returncode}:\n"
                                   f"{self.log_tail()}")
            try:
                self.api("")
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.25)
        raise RuntimeError(f"JupyterHub did not answer within {timeout} s:\n{self.log_tail()}")

    def processes(self):
        """psutil.Process objects of everything this hub started (servers, kernels, proxy)."""
        import psutil
        out = []
        for proc in psutil.process_iter():
            try:
                if proc.environ().get("CLASSROOM_HUB") == self.id:
                    out.append(proc)
            except (psutil.Error, OSError):
                pass
        return out

    def student_processes(self, name):
        """{'server': [...], 'kernel': [...]} processes of student `name`."""
        import psutil
        found = {"server": [], "kernel": []}
        for proc in self.processes():
            try:
                if proc.environ().get("JUPYTERHUB_USER") != name:
                    continue
                kind = "kernel" if "ipykernel" in " ".join(proc.cmdline()) else "server"
                found[kind].append(proc)
            except (psutil.Error, OSError):
                pass
        return found

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)         # the hub stops servers and proxy
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        for proc in self.processes():                      # whatever is left
            try:
                proc.kill()
            except Exception:
                pass
        self._log.close()


def pss_bytes(pid):
    """Proportional set size of a process, from /proc/<pid>/smaps_rollup (0 if it is gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


__all__ = ["ClassroomHub", "TIMEOUTS", "ensure_proxy", "git", "nbgitpuller_link", "pss_bytes",
           "teacher_repository"]


if __name__ == "__main__":
    # python tools/classroom_hub.py HUB REPO [NOTEBOOK [BRANCH]]: the link a teacher hands out
    print(nbgitpuller_link(*(sys.argv[1:] or [
        "https://hub.example.edu", "https://github.com/backprop-notebooks/backprop-notebooks"])))
