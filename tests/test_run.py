"""run.py, the one entry point, finds its virtual environment on every platform."""
import pathlib
import subprocess
import sys

import pytest

import run

ROOT = pathlib.Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("platform, expected", [
    ("win32", ("Scripts", "python.exe")),
    ("cygwin", ("bin", "python")),          # Cygwin's venvs are POSIX-shaped
    ("darwin", ("bin", "python")),
    ("linux", ("bin", "python")),
])
def test_venv_python_path_per_platform(platform, expected, tmp_path):
    assert run.venv_python(tmp_path, platform) == tmp_path.joinpath(*expected)
    assert run.scripts_dir(tmp_path, platform) == tmp_path / expected[0]


def test_venv_python_matches_what_venv_creates_here(tmp_path):
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(tmp_path / "v")], check=True)
    assert run.venv_python(tmp_path / "v").exists()


def test_tasks_install_the_right_set():
    assert run.TASKS["lab"] == "requirements.txt"
    developer_tasks = ("test", "execute", "student", "nbgrader", "bench")
    assert {run.TASKS[t] for t in developer_tasks} == {"requirements-dev.txt"}
    # The development stamp covers the learner files too, so a test venv serves `lab`.
    assert run.requirements_hash("requirements.txt") != run.requirements_hash("requirements-dev.txt")


def test_help_names_the_windows_command(capsys):
    assert run.main(["help"]) == 0
    assert "py run.py lab" in capsys.readouterr().out
    assert run.main(["no-such-task"]) == 2


def test_missing_chromium_says_what_to_install(monkeypatch, capsys):
    monkeypatch.setattr(run.shutil, "which", lambda name: None)
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setattr(run.os, "geteuid", lambda: 1000, raising=False)
    assert run.ensure_chromium() is False
    message = capsys.readouterr().err
    for where in ("apt-get install chromium", "brew install", "Windows", "CHROMIUM="):
        assert where in message


def test_quick_start_keeps_two_commands_and_ci_runs_the_second():
    readme = (ROOT / "README.md").read_text()
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = [b.strip() for b in quick.split("```")[1::2]]
    assert blocks == ["python3 run.py lab", "python3 run.py test"], blocks
    assert "py run.py lab" in quick                       # the Windows line
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert "python3 run.py test" in ci, "CI must run the README's test command exactly"
