"""scripts/test-prerequisites: the first step of `make test` on a fresh machine (issue 27).

It installs Chromium, Node.js with npm and Java with apt-get when it can, and otherwise stops at once with the
one line that names what to install. These tests run it with a PATH that hides the real tools."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "test-prerequisites"


def _bin_with(tmp_path: Path, *tools: str) -> Path:
    """A folder holding links to the named system tools and nothing else, for PATH."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for tool in tools:
        found = shutil.which(tool)
        assert found, f"{tool} is needed to run this test"
        (folder / tool).symlink_to(found)
    return folder


def _run(path: Path, chromium: Path) -> subprocess.CompletedProcess:
    env = {"PATH": str(path), "EPD_CHROMIUM": str(chromium), "HOME": os.environ.get("HOME", "/root")}
    # ldconfig and grep, to find libatomic (which this machine has), beside the tools the test names
    return subprocess.run(["/bin/sh", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60)


def test_nothing_missing_says_nothing(tmp_path):
    fake_chromium = tmp_path / "chromium"
    fake_chromium.write_text("#!/bin/sh\n")
    fake_chromium.chmod(0o755)
    folder = _bin_with(tmp_path, "id", "grep", "ldconfig")
    for tool in ("node", "npm", "java"):
        (folder / tool).write_text("#!/bin/sh\n")
        (folder / tool).chmod(0o755)
    result = _run(folder, fake_chromium)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_without_apt_get_one_line_names_everything_missing(tmp_path):
    folder = _bin_with(tmp_path, "id", "grep", "ldconfig")
    result = _run(folder, tmp_path / "no-chromium")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "error: make test needs: chromium nodejs npm default-jre-headless (Chromium at /usr/bin/chromium, "
        "Node.js with npm, Java 11 or later, libatomic); install them and run make test again\n"
    )


def test_make_test_runs_it_first_and_ci_runs_make_test():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\ntest: test-tools venv node-tools\n" in makefile
    assert "\ttest-tools:" not in makefile and "\ntest-tools:\n\t@sh scripts/test-prerequisites\n" in makefile
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci_run.rstrip().endswith("exec make test")
