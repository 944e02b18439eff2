"""Every case in tests/bad/cases.yaml: a fixture tree with one defect, and the exact lines `check` prints."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

TESTS_DIR = Path(__file__).resolve().parent
BAD_DIR = TESTS_DIR / "bad"
if str(TESTS_DIR.parent) not in sys.path:  # when run as a script (see the bottom of this file)
    sys.path[:0] = [str(TESTS_DIR.parent), str(TESTS_DIR)]

from fixtures import write_content_tree  # noqa: E402
from generator.cli import main  # noqa: E402

OPERATIONS = {"replace", "write", "write_from", "delete", "rename", "encoding", "pad_to", "symlink", "mkdir", "repeat"}
KEYS = OPERATIONS | {"name", "file", "stderr", "summary", "exit", "stdout", "why"}


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    stderr: tuple[str, ...]
    summary: str
    exit: int
    stdout: str = ""
    operations: dict = field(default_factory=dict)


def load_cases() -> list[Case]:
    raw = yaml.safe_load((BAD_DIR / "cases.yaml").read_text(encoding="utf-8"))
    cases = []
    for entry in raw:
        unknown = set(entry) - KEYS
        assert not unknown, f"case {entry.get('name')}: unknown keys {sorted(unknown)}"
        cases.append(Case(name=entry["name"], file=entry["file"], stderr=tuple(entry.get("stderr") or ()),
                          summary=entry["summary"], exit=entry["exit"], stdout=entry.get("stdout", ""),
                          operations={k: v for k, v in entry.items() if k in OPERATIONS}))
    names = [c.name for c in cases]
    assert len(names) == len(set(names)), "case names must be unique"
    return cases


CASES = load_cases()


def build(case: Case, root: Path) -> Path:
    """The fixture tree with the case's defect applied."""
    write_content_tree(root)
    path = root / "content" / case.file
    ops = case.operations
    if "replace" in ops:
        old, new = ops["replace"]
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{case.name}: {old!r} occurs {text.count(old)} times in {case.file}"
        path.write_bytes(text.replace(old, new).encode(ops.get("encoding", "utf-8")))
    if "repeat" in ops:
        text, times = ops["repeat"]
        old = path.read_text(encoding="utf-8")
        assert old.count(text) == 1, f"{case.name}: {text!r} occurs {old.count(text)} times in {case.file}"
        path.write_text(old.replace(text, text * times), encoding="utf-8")
    if "write" in ops:
        path.write_bytes(ops["write"].encode("utf-8"))
    if "write_from" in ops:
        path.write_bytes((BAD_DIR / ops["write_from"]).read_bytes())
    if "pad_to" in ops:
        size = ops["pad_to"]
        line = b"# " + b"x" * 97 + b"\n"
        with path.open("ab") as handle:
            missing = size - path.stat().st_size
            handle.write(line * (missing // len(line)) + b"#" * (missing % len(line)))
        assert path.stat().st_size == size
    if "rename" in ops:
        path.rename(root / "content" / ops["rename"])
    if ops.get("delete"):
        path.unlink()
    if "symlink" in ops:
        path.unlink(missing_ok=True)
        path.symlink_to(ops["symlink"])
    if ops.get("mkdir"):
        path.mkdir()
        (path / "inside.yaml").write_text("not read\n", encoding="utf-8")
    return root


def run_check(root: Path, capsys) -> tuple[int, list[str], list[str]]:
    code = main(["--root", str(root), "check"])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Case, tmp_path, capsys):
    root = build(case, tmp_path / "tree")
    code, out, err = run_check(root, capsys)
    assert not [line for line in out + err if line.startswith("::")]  # a GitHub workflow command
    assert err[:-1] == list(case.stderr)
    assert err[-1:] == [case.summary]
    assert code == case.exit
    assert out == ([case.stdout] if case.stdout else [])


def test_the_fixture_itself_passes(tmp_path, capsys):
    """Without this, a case could pass for a defect that is not the one it names."""
    code, out, err = run_check(write_content_tree(tmp_path / "tree"), capsys)
    assert (code, err) == (0, [])
    assert out[0].startswith("ok: checked 2 fact sheets")


def test_cases_are_consistent():
    """Each case has a defect, and its summary counts the lines it expects (a typo in cases.yaml shows here)."""
    for case in CASES:
        assert case.operations, f"{case.name}: no defect"
        errors = sum(1 for line in case.stderr if ": warning: " not in line)
        warnings = len(case.stderr) - errors
        assert case.summary.startswith(f"{errors} error(s), {warnings} warning(s) in "), case.name
        assert case.exit == (1 if errors else 0), case.name
        assert bool(case.stdout) == (case.exit == 0), case.name


if __name__ == "__main__":  # print what check says for the named cases (all when none are named)
    import contextlib
    import io
    import tempfile

    wanted = set(sys.argv[1:])
    for case in CASES:
        if wanted and case.name not in wanted:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            root = build(case, Path(tmp) / "tree")
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(["--root", str(root), "check"])
        print(f"- name: {case.name}\n  exit: {code}")
        print(yaml.safe_dump({"stderr": err.getvalue().splitlines()[:-1],
                              "summary": (err.getvalue().splitlines() or [""])[-1],
                              "stdout": out.getvalue().rstrip("\n")},
                             allow_unicode=True, width=4096, sort_keys=False))
