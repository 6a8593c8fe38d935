"""A class on one JupyterHub: 30 students arrive, run notebook 01 and move its slider.

The hub is the classroom test's (tools/classroom_hub.py): JupyterHub on free
ports of 127.0.0.1, configurable-http-proxy from npm, the dummy
authenticator, one home per student, single-user servers from this venv with
nbgitpuller, and the hub timeouts of classroom_hub.TIMEOUTS.

First one student opens notebook 01 in headless Chromium (through the
nbgitpuller link, as a class does), runs it, and keeps its panel's slider
under the keyboard. Then the class arrives, one student every 2 s, each in a
thread of its own that does what a student's browser does, over HTTP through
the proxy:

- follows the nbgitpuller link, logs in with the form (the spawn starts),
  and waits for the server on the hub's progress stream: the spawn time is
  from the login form's POST to the server being ready;
- pulls the teacher's repository (nbgitpuller's API, as its progress page
  calls it), opens notebook 01 in a kernel (a session, as JupyterLab does)
  and runs its code cells over the kernel's websocket, then tells the
  figure's canvas that its view is on the page (ipympl's "initialized"
  message, which JupyterLab sends once it shows the canvas);
- then moves the panel's slider once a second (sets the slider's value in
  the kernel), timing each update inside the kernel (perf_counter around the
  assignment and the panel's flush(): the artists' update and the canvas's
  render, whose image goes out to the student's page).

Meanwhile Chromium presses the arrow keys on its slider, one move at a time,
and measures key press to changed canvas pixels, as the browser benchmark
does (benchmarks/bench_browser.py; its probe in its simplest form here). Once the
whole class is moving its sliders, the browser takes FULL_LOAD_MOVES more
moves (the rows' "under load" numbers), the memory of every student's server
and kernel is read (PSS, /proc/<pid>/smaps_rollup), and the class stops.

Budgets (DESIGN.md): no failed spawn or kernel; the browser's p95 under
load <= 250 ms; <= 250 MB per student (server + kernel PSS).
BENCH_HUB_STUDENTS=3 runs a smaller class, to try the script quickly.
"""
import json
import os
import pathlib
import statistics
import sys
import tempfile
import threading
import time
import traceback
import uuid

from benchmarks.bench_browser import (CANVAS, KERNEL_IDLE_JS, PANEL, PROBE_JS, SLIDER,
                                       one_move, settle)
from benchmarks.common import Row, browser_support

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import classroom_hub  # noqa: E402

STUDENTS = int(os.environ.get("BENCH_HUB_STUDENTS", 30))   # fewer only to try the script
ARRIVAL = 2.0                 # seconds between two students' logins
MOVE_EVERY = 1.0              # seconds between a student's slider moves
FULL_LOAD_MOVES = 40          # browser moves once every student is moving
P95_BUDGET_MS = 250.0
MEMORY_BUDGET_MB = 250.0
NOTEBOOK = classroom_hub.FIRST_NOTEBOOK
# The browser benchmark's method (benchmarks/bench_browser.py): key press to the first
# draw that changes the ipympl canvas's pixels, one canvas here.
MOVE_TIMEOUT = 10.0           # seconds: a move with no new pixels by then counts as missed

# One slider move, timed in the kernel: set the value (the panel updates its
# artists) and draw the canvas now with the panel's flush() (a control set by
# code gets its draw planned for after the cell): the Agg render and the image
# sent to the student's page, as a move in a browser costs the kernel.
MOVE_CODE = """\
_bench_slider = panel.controls["a"]
_bench_t = __import__("time").perf_counter()
_bench_slider.value = _bench_slider.max if _bench_slider.value != _bench_slider.max \
else _bench_slider.min
panel.flush()
_bench_dt = __import__("time").perf_counter() - _bench_t"""


def p95(samples):
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


class Kernel:
    """A kernel of a student's server, driven over its websocket (the JSON protocol)."""

    def __init__(self, hub, name, token, path):
        import requests
        import websocket
        headers = {"Authorization": f"token {token}"}
        response = requests.post(hub.url(f"user/{name}/api/sessions"), headers=headers,
                                 json={"path": path, "type": "notebook", "name": "",
                                       "kernel": {"name": "python3"}}, timeout=120)
        response.raise_for_status()
        self.kernel_id = response.json()["kernel"]["id"]
        self.session = uuid.uuid4().hex
        url = (hub.url(f"user/{name}/api/kernels/{self.kernel_id}/channels")
               .replace("http://", "ws://") + f"?session_id={self.session}")
        self.ws = websocket.create_connection(url, header=[f"Authorization: token {token}"],
                                              timeout=300)

    def execute(self, code, user_expressions=None):
        """Run `code`; the execute_reply's content. Raises on an error."""
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "student",
                       "session": self.session, "version": "5.3",
                       "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True,
                        "user_expressions": user_expressions or {}, "allow_stdin": False,
                        "stop_on_error": True}}))
        error = None
        while True:
            frame = self.ws.recv()
            if isinstance(frame, bytes):            # a message with buffers: ipympl's images
                continue
            msg = json.loads(frame)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "error":
                error = "\n".join(msg["content"].get("traceback", []))[-2000:]
            if msg["msg_type"] == "execute_reply":
                if msg["content"]["status"] != "ok" or error:
                    raise RuntimeError(f"the kernel failed on {code[:60]!r}: {error}")
                return msg["content"]

    def comm_message(self, comm_id, content):
        """Send a widget's front-end message, as JupyterLab does (no reply comes)."""
        self.ws.send(json.dumps({
            "header": {"msg_id": uuid.uuid4().hex, "msg_type": "comm_msg", "username": "student",
                       "session": self.session, "version": "5.3",
                       "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"comm_id": comm_id, "data": {"method": "custom", "content": content}}}))

    def close(self):
        try:
            self.ws.close()
        except Exception:
            pass


class Student(threading.Thread):
    """One student: log in, wait for the server, pull, run notebook 01, move the slider."""

    def __init__(self, hub, name, link, repo_url, cells, stop):
        super().__init__(name=name, daemon=True)
        self.hub, self.student, self.link, self.repo_url = hub, name, link, repo_url
        self.cells, self.stop = cells, stop
        self.spawn = self.notebook = None
        self.updates = []                    # (time, kernel-side seconds)
        self.moving = threading.Event()
        self.error = None

    def run(self):
        try:
            self._run()
        except Exception as exc:
            self.error = f"{type(exc).__name__}: {exc}\n{traceback.format_exc()[-1500:]}"
        finally:
            self.moving.set()

    def _run(self):
        import requests
        hub, name = self.hub, self.student
        browser = requests.Session()
        login = browser.get(self.link, timeout=120)                 # the hub asks for a login
        start = time.monotonic()
        browser.post(login.url, timeout=180, data={
            "username": name, "password": hub.password, "_xsrf": browser.cookies.get("_xsrf")})
        self.wait_for_server()
        self.spawn = time.monotonic() - start
        token = hub.user_token(name)
        headers = {"Authorization": f"token {token}"}
        pull = requests.get(hub.url(f"user/{name}/git-pull/api"), headers=headers, stream=True,
                            timeout=300, params={"repo": self.repo_url, "branch": "main"})
        pull.raise_for_status()
        phases = [json.loads(line[6:]) for line in pull.iter_lines(decode_unicode=True)
                  if line.startswith("data: ")]
        if not phases or phases[-1].get("phase") != "finished":
            raise RuntimeError(f"nbgitpuller did not finish: {phases[-3:]}")
        kernel = Kernel(hub, name, token, f"backprop-notebooks/{NOTEBOOK}")
        try:
            start = time.monotonic()
            for code in self.cells:
                kernel.execute(code)
            self.notebook = time.monotonic() - start
            # The canvas's view says it is on the page, as ipympl's does in JupyterLab: from
            # then on each draw sends only the image for the page, not also a PNG of the whole
            # figure for the notebook file (what a kernel with no page does, e.g. nbconvert).
            reply = kernel.execute("", {"canvas": "panel.figure.canvas.comm.comm_id"})
            kernel.comm_message(reply["user_expressions"]["canvas"]["data"]["text/plain"].strip("'"),
                                {"type": "initialized"})
            reply = kernel.execute("", {"page": "panel.figure.canvas.syncing_data_url"})
            if reply["user_expressions"]["page"]["data"]["text/plain"] != "False":
                raise RuntimeError("the canvas did not take the page's 'initialized' message")
            self.moving.set()
            next_move = time.monotonic()
            while not self.stop.is_set():
                reply = kernel.execute(MOVE_CODE, {"dt": "_bench_dt"})
                seconds = float(reply["user_expressions"]["dt"]["data"]["text/plain"])
                self.updates.append((time.monotonic(), seconds))
                next_move += MOVE_EVERY
                self.stop.wait(max(0.0, next_move - time.monotonic()))
        finally:
            kernel.close()

    def wait_for_server(self, timeout=300):
        """Until the hub says the server is ready (its progress stream, as the spawn page reads)."""
        import requests
        deadline = time.monotonic() + timeout
        headers = {"Authorization": f"token {self.hub.teacher_token}"}
        while time.monotonic() < deadline:
            with requests.get(self.hub.url(f"hub/api/users/{self.student}/server/progress"),
                              headers=headers, stream=True, timeout=timeout) as events:
                if events.status_code == 200:
                    for line in events.iter_lines(decode_unicode=True):
                        if line.startswith("data: "):
                            event = json.loads(line[6:])
                            if event.get("failed"):
                                raise RuntimeError(f"spawn failed: {event.get('message')}")
                            if event.get("ready"):
                                return
            server = self.hub.api(f"users/{self.student}")["servers"].get("")
            if server and server.get("ready"):
                return
            time.sleep(0.5)
        raise RuntimeError(f"the server of {self.student} was not ready after {timeout} s")


def notebook_cells():
    notebook = json.loads((ROOT / NOTEBOOK).read_text())
    return ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"]


def open_in_browser(page, hub, link, name):
    """The watching student: link, login, notebook 01 run in JupyterLab; the probe installed."""
    page.goto(link)
    page.fill("#username_input", name)
    page.fill("#password_input", hub.password)
    page.click("#login_submit")
    page.wait_for_selector(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']",
                           timeout=300_000)
    page.wait_for_function("""() => /\\| Idle/.test(
        document.querySelector('#jp-main-statusbar')?.innerText || '')""", timeout=120_000)
    menu(page, "Edit", "Clear Outputs of All Cells")    # counts can then come only from this run
    prompts = f"[...document.querySelectorAll('{PANEL} .jp-CodeCell .jp-InputArea-prompt')]"
    page.wait_for_function(f"() => {prompts}.every(p => !/\\d/.test(p.textContent))")
    menu(page, "Run", "Run All Cells")
    page.wait_for_function(
        f"() => {prompts}.every(p => /^\\[\\d+\\]:$/.test(p.textContent.trim()))", timeout=180_000)
    page.wait_for_function(KERNEL_IDLE_JS, arg=PANEL, timeout=120_000)
    cell = page.locator(f"{PANEL} .jp-CodeCell").filter(
        has=page.locator(SLIDER)).filter(has=page.locator(CANVAS)).first
    canvas = cell.locator(CANVAS).first
    handle = cell.locator(SLIDER).first
    canvas.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    page.evaluate(PROBE_JS, [canvas.element_handle()])
    handle.focus()
    at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
    return ["ArrowLeft", "ArrowRight"] if at_max else ["ArrowRight", "ArrowLeft"]


def menu(page, top, item):
    page.locator(f'.lm-MenuBar-itemLabel:text-is("{top}")').click()
    page.locator(f'.lm-Menu-itemLabel:text-is("{item}")').click()


def browser_moves(page, keys, done):
    """Move the slider one key press at a time until done(); [(time, ms or None)]."""
    samples = []
    while not done(samples):
        try:
            settle(page, timeout=30)
        except Exception:                     # a busy machine: measure anyway
            pass
        move = one_move(page, keys[len(samples) % 2], 0, timeout=MOVE_TIMEOUT)
        samples.append((time.monotonic(), move and move[0]))
    return samples


def measure_memory(hub, names):
    """{student: (server PSS, kernel PSS)} in bytes, and the hub's and proxy's PSS."""
    per_student = {}
    for name in names:
        found = hub.student_processes(name)
        per_student[name] = tuple(sum(classroom_hub.pss_bytes(p.pid) for p in found[kind])
                                  for kind in ("server", "kernel"))
    students = {p.pid for found in (hub.student_processes(n) for n in names)
                for kind in found.values() for p in kind}
    rest = sum(classroom_hub.pss_bytes(p.pid) for p in hub.processes() if p.pid not in students)
    return per_student, rest + classroom_hub.pss_bytes(hub.process.pid)


def run():
    from playwright.sync_api import sync_playwright
    fixtures = browser_support()
    executable = fixtures.find_chromium()
    wall = time.monotonic()
    load_before = os.getloadavg()[0]
    stop = threading.Event()
    students = []
    with tempfile.TemporaryDirectory(prefix="bench-hub-") as tmp:
        tmp = pathlib.Path(tmp)
        repo, repo_url = classroom_hub.teacher_repository(tmp / "teacher")
        hub = classroom_hub.ClassroomHub(tmp / "hub", lab_settings=fixtures.LAB_SETTINGS,
                                         log_level="WARN")
        try:
            hub.wait_until_ready()
            link = classroom_hub.nbgitpuller_link(hub.base, repo_url)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=executable, headless=True,
                                                     args=fixtures.CHROMIUM_ARGS)
                try:
                    context = browser.new_context(viewport={"width": 1280, "height": 900})
                    context.set_default_timeout(60_000)
                    page = context.new_page()
                    print("  hub: the watching student opens notebook 01 in Chromium ...",
                          file=sys.stderr, flush=True)
                    keys = open_in_browser(page, hub, link, "watcher")
                    cells = notebook_cells()

                    def arrivals():
                        for i in range(STUDENTS):
                            student = Student(hub, f"student{i + 1:02d}", link, repo_url,
                                              cells, stop)
                            students.append(student)
                            student.start()
                            time.sleep(ARRIVAL)

                    print(f"  hub: {STUDENTS} students arrive, one every {ARRIVAL:g} s ...",
                          file=sys.stderr, flush=True)
                    arriving = threading.Thread(target=arrivals, daemon=True)
                    arriving.start()
                    state = {"full": None}

                    def done(samples):
                        if state["full"] is None and not arriving.is_alive() and all(
                                s.moving.is_set() for s in students):
                            state["full"] = len(samples)
                            state["cpu"] = cpu_snapshot(hub, students)
                            print("  hub: the whole class is moving its sliders ...",
                                  file=sys.stderr, flush=True)
                        return (state["full"] is not None
                                and len(samples) >= state["full"] + FULL_LOAD_MOVES)

                    samples = browser_moves(page, keys, done)
                    cpu = cpu_snapshot(hub, students)
                    moves = len(samples) - state["full"]
                    state["cpu_per_move"] = {
                        kind: (cpu[0][kind] - state["cpu"][0][kind])
                        / (cpu[1] - state["cpu"][1] + moves) for kind in cpu[0]}
                    state["window"] = cpu[2] - state["cpu"][2]
                    memory, rest = measure_memory(hub, ["watcher"] + [s.student
                                                                      for s in students])
                    context.close()
                finally:
                    stop.set()
                    browser.close()
            for student in students:
                student.join(timeout=60)
        finally:
            stop.set()
            hub.stop()
    return rows(students, samples, state, memory, rest, load_before, time.monotonic() - wall)


def cpu_snapshot(hub, students):
    """({kind: CPU seconds used so far}, slider updates so far, time); kinds: kernels,
    servers, proxy, hub (everything the hub started, and the hub)."""
    seconds = dict.fromkeys(("kernels", "servers", "proxy", "hub"), 0.0)
    for proc in hub.processes():
        try:
            command = " ".join(proc.cmdline())
            times = proc.cpu_times()
        except Exception:
            continue
        kind = ("kernels" if "ipykernel" in command else "servers" if "singleuser" in command
                else "proxy" if "configurable-http-proxy" in command else "hub")
        seconds[kind] += times.user + times.system
    return seconds, sum(len(s.updates) for s in students), time.monotonic()


def rows(students, samples, state, memory, rest, load_before, wall):
    full = state["full"]
    cpu = state["cpu_per_move"]
    cpu_per_move = sum(cpu.values())
    failed = [s for s in students if s.error or s.notebook is None]
    for s in failed:
        print(f"  hub: {s.student} failed: {s.error}", file=sys.stderr)
    spawns = [s.spawn for s in students if s.spawn is not None]
    notebooks = [s.notebook for s in students if s.notebook is not None]
    updates = [1e3 * dt for s in students for _, dt in s.updates]
    under_load = [ms for _, ms in samples[full:]]
    arriving = [ms for _, ms in samples[:full]]
    moved = [ms for ms in under_load if ms is not None]
    missed = len(under_load) - len(moved)
    per_student = [(server + kernel) / 2**20 for server, kernel in memory.values()]
    servers = [server / 2**20 for server, _ in memory.values()]
    kernels = [kernel / 2**20 for _, kernel in memory.values()]
    timeouts = classroom_hub.TIMEOUTS
    out = [
        Row(f"hub: {STUDENTS} students log in, one every {ARRIVAL:g} s: failed spawns or kernels",
            f"{len(failed)} of {STUDENTS}", budget="none", ok=not failed),
        Row("hub: spawn time per student, login to server ready (median, max)",
            f"{statistics.median(spawns):.1f} s (max {max(spawns):.1f} s)" if spawns else "-"),
        Row("hub: notebook 01, all code cells in a fresh kernel per student (median, max)",
            f"{statistics.median(notebooks):.1f} s (max {max(notebooks):.1f} s)"
            if notebooks else "-"),
        Row(f"hub: slider update in each kernel, once a second, kernel side "
            f"({len(updates)} updates; median, p95)",
            f"{statistics.median(updates):.1f} ms (p95 {p95(updates):.1f} ms)"
            if len(updates) > 1 else "-"),
    ]
    if moved:
        out.append(Row(
            f"hub: browser key press to pixels while the whole class moves sliders "
            f"({len(moved)} key presses" + (f", {missed} with no new pixels)" if missed else ")"),
            f"{statistics.median(moved):.1f} ms (p95 {p95(moved):.1f} ms)",
            budget=f"p95 <= {P95_BUDGET_MS:.0f} ms",
            ok=p95(moved) <= P95_BUDGET_MS and not missed))
    else:
        out.append(Row("hub: browser key press to pixels under load", "no change seen",
                       budget=f"p95 <= {P95_BUDGET_MS:.0f} ms", ok=False))
    seen = [ms for ms in arriving if ms is not None]
    if len(seen) > 1:
        out.append(Row(f"hub: the same while the class arrives ({len(seen)} key presses"
                       + (f", {len(arriving) - len(seen)} with no new pixels)"
                          if len(arriving) > len(seen) else ")"),
                       f"{statistics.median(seen):.1f} ms (p95 {p95(seen):.1f} ms)"))
    out += [
        Row(f"hub: memory per student, server + kernel PSS ({len(per_student)} students; "
            f"median, max; server {statistics.median(servers):.0f} MB, "
            f"kernel {statistics.median(kernels):.0f} MB)",
            f"{statistics.median(per_student):.0f} MB (max {max(per_student):.0f} MB)",
            budget=f"<= {MEMORY_BUDGET_MB:.0f} MB", ok=max(per_student) <= MEMORY_BUDGET_MB),
        Row(f"hub: memory in total, {len(per_student)} students + hub + proxy (PSS)",
            f"{(sum(per_student) + rest / 2**20) / 1024:.2f} GB"),
        Row(f"hub: CPU per slider move at full load, all processes ("
            + ", ".join(f"{kind} {1e3 * ms:.0f} ms" for kind, ms in cpu.items())
            + f"; {state['window']:.0f} s window)", f"{1e3 * cpu_per_move:.0f} ms"),
        Row("hub: students moving a slider once a second that 2 cores can serve at most "
            "(2 CPU s per s / CPU per move)", f"{2 / cpu_per_move:.0f}"),
        Row("hub: load average before the run (other work on the machine)",
            f"{load_before:.1f}"),
        Row("hub: timeouts set (http_timeout, start_timeout, concurrent_spawn_limit)",
            f"{timeouts['Spawner.http_timeout']} s, {timeouts['Spawner.start_timeout']} s, "
            f"{timeouts['JupyterHub.concurrent_spawn_limit']}"),
        Row("hub benchmark wall time", f"{wall:.0f} s"),
    ]
    return out


if __name__ == "__main__":
    json.dump([r.__dict__ for r in run()], sys.stdout, indent=1)
