"""Static checks for GitHub Actions workflows in .github/workflows/.

* each workflow validates against SchemaStore's github-workflow schema
  (vendored in tests/schemas/, see its README);
* every remote `uses:` is pinned to a full 40-hex commit SHA, with a
  `# vX.Y.Z` comment naming the version;
* no workflow is triggered by `pull_request_target`;
* every job declares `permissions`, and only jobs that deploy to Pages get
  write access.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW_DIR = ROOT / ".github" / "workflows"
SCHEMA_FILE = Path(__file__).resolve().parent / "schemas" / "github-workflow.json"

WORKFLOWS = sorted(p for p in WORKFLOW_DIR.glob("*") if p.suffix in (".yml", ".yaml"))
SHA_RE = re.compile(r"^[^@\s]+@[0-9a-f]{40}$")
USES_LINE_RE = re.compile(r"^\s*(?:-\s*)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")
VERSION_COMMENT_RE = re.compile(r"^\s*#\s*v\d+(\.\d+){0,2}\b")


def load_workflow(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a mapping"
    # YAML 1.1 (PyYAML) reads the bare key `on` as boolean True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def iter_steps(workflow: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for job_id, job in (workflow.get("jobs") or {}).items():
        for step in job.get("steps") or []:
            yield job_id, step


def job_uses(workflow: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for job_id, job in (workflow.get("jobs") or {}).items():
        if "uses" in job:  # reusable workflow call
            yield job_id, job["uses"]
    for job_id, step in iter_steps(workflow):
        if "uses" in step:
            yield job_id, step["uses"]


def triggers(workflow: dict[str, Any]) -> set[str]:
    on = workflow.get("on")
    if isinstance(on, str):
        return {on}
    if isinstance(on, list):
        return set(on)
    if isinstance(on, dict):
        return set(on)
    return set()


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_there_are_workflows() -> None:
    assert WORKFLOWS, f"no workflow files in {WORKFLOW_DIR}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_matches_schema(path: Path, validator: jsonschema.protocols.Validator) -> None:
    errors = sorted(validator.iter_errors(load_workflow(path)), key=lambda e: list(e.path))
    assert not errors, "\n".join(
        f"{path.name}: /{'/'.join(map(str, e.path))}: {e.message}" for e in errors
    )


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_pinned_to_sha(path: Path) -> None:
    bad = [
        f"{job}: {ref}"
        for job, ref in job_uses(load_workflow(path))
        if not ref.startswith("./") and not SHA_RE.match(ref)
    ]
    assert not bad, f"{path.name}: not pinned to a 40-hex commit SHA: {bad}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_pinned_actions_name_their_version(path: Path) -> None:
    missing = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = USES_LINE_RE.match(line)
        if m and not m.group("ref").startswith("./"):
            if not VERSION_COMMENT_RE.match(m.group("rest")):
                missing.append(f"line {number}: {line.strip()}")
    assert not missing, f"{path.name}: `uses:` without a '# vX.Y.Z' comment: {missing}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_pull_request_target(path: Path) -> None:
    assert "pull_request_target" not in triggers(load_workflow(path))
    assert "pull_request_target" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_job_declares_permissions(path: Path) -> None:
    jobs = load_workflow(path).get("jobs") or {}
    missing = [job_id for job_id, job in jobs.items() if "permissions" not in job]
    assert not missing, f"{path.name}: jobs without `permissions`: {missing}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_write_permissions_only_for_pages_deploy(path: Path) -> None:
    workflow = load_workflow(path)
    top = workflow.get("permissions")
    assert top in (None, {}, {"contents": "read"}), (
        f"{path.name}: workflow-level permissions must be at most contents: read, got {top!r}"
    )
    for job_id, job in (workflow.get("jobs") or {}).items():
        perms = job.get("permissions")
        assert perms != "write-all", f"{path.name}: job {job_id} has write-all"
        writes = sorted(k for k, v in (perms or {}).items() if v == "write") \
            if isinstance(perms, dict) else []
        if not writes:
            continue
        deploys = any(
            str(step.get("uses", "")).startswith("actions/deploy-pages@")
            for step in job.get("steps") or []
        )
        assert deploys and set(writes) <= {"pages", "id-token"}, (
            f"{path.name}: job {job_id} has write permissions {writes} but does not deploy Pages"
        )
