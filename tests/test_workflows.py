"""Static checks for GitHub Actions workflows in .github/workflows/.

* each workflow validates against SchemaStore's github-workflow schema
  (vendored in tests/schemas/, see its README);
* every remote `uses:` is pinned to a full 40-hex commit SHA, with a
  `# vX.Y.Z` comment naming the version;
* no workflow is triggered by `pull_request_target`;
* every job declares `permissions`, and only jobs that deploy to Pages get
  write access.

And the workflow around them (issue 17):

* the issue forms in .github/ISSUE_TEMPLATE/ follow GitHub's form syntax, with
  unique ids, bilingual labels and the required fields each form needs;
* the pull request template has the same checklist in Indonesian and English;
* every local pre-commit hook runs a command that exists, on the files it is
  meant for, and the python hooks are pinned;
* yamllint passes on the repository's YAML with .yamllint.yaml, whose rules
  each catch what they are set for.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shlex
import subprocess
import sys
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


# ---------------------------------------------------------------------------------------------------------
# The workflow around the code (issue 17): issue forms, the pull request template, pre-commit and yamllint.

ISSUE_TEMPLATE_DIR = ROOT / ".github" / "ISSUE_TEMPLATE"
ISSUE_CONFIG = ISSUE_TEMPLATE_DIR / "config.yml"
ISSUE_FORMS = sorted(p for p in ISSUE_TEMPLATE_DIR.glob("*.y*ml") if p.name not in ("config.yml", "config.yaml"))
PR_TEMPLATE = ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md"
PRE_COMMIT_CONFIG = ROOT / ".pre-commit-config.yaml"
YAMLLINT_CONFIG = ROOT / ".yamllint.yaml"

# GitHub's issue-form syntax ("Syntax for issue forms" and "Syntax for GitHub's form schema").
FORM_TOP_KEYS = {"name", "description", "title", "labels", "assignees", "projects", "type", "body"}
FORM_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}
FORM_ELEMENT_KEYS = {"type", "id", "attributes", "validations"}
FORM_ID_RE = re.compile(r"^[A-Za-z0-9_-]+$")
# The fields a reader must fill in, per form; every other field is optional.
REQUIRED_FIELDS = {
    "suggest-article.yml": {"article-url"},
    "report-correction.yml": {"page-url", "what-is-wrong", "source"},
}
# The folders and files .yamllint.yaml is written for; tests/bad/ is ignored by the config itself.
YAML_TARGETS = ["content", ".github", "mkdocs.yml", "tests", ".pre-commit-config.yaml", ".yamllint.yaml"]
SKIP_DIRS = {".git", ".venv", "node_modules", "build", "site", "test-output", ".hypothesis", ".pytest_cache",
             "__pycache__"}


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def form_elements(path: Path) -> list[dict[str, Any]]:
    return load_yaml(path)["body"]


def repository_files() -> list[str]:
    """Every file of the work tree (relative, with '/'), less what is generated or installed."""
    found = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.startswith("site.")]
        found += [Path(folder, f).relative_to(ROOT).as_posix() for f in files]
    return found


def test_issue_forms_are_the_expected_ones() -> None:
    assert sorted(p.name for p in ISSUE_FORMS) == sorted(REQUIRED_FIELDS)


@pytest.mark.parametrize("path", ISSUE_FORMS, ids=lambda p: p.name)
def test_issue_form_syntax(path: Path) -> None:
    form = load_yaml(path)
    assert isinstance(form, dict), f"{path.name}: not a mapping"
    assert set(form) <= FORM_TOP_KEYS, f"{path.name}: unknown top-level keys {sorted(set(form) - FORM_TOP_KEYS)}"
    for key in ("name", "description"):
        assert isinstance(form.get(key), str) and form[key].strip(), f"{path.name}: `{key}` must be a non-empty string"
    assert isinstance(form.get("labels", []), list), f"{path.name}: `labels` must be a list"
    body = form.get("body")
    assert isinstance(body, list) and body, f"{path.name}: `body` must be a non-empty list"
    assert any(e.get("type") != "markdown" for e in body), f"{path.name}: a form needs one field that is not markdown"
    for i, element in enumerate(body):
        where = f"{path.name}: body[{i}]"
        assert isinstance(element, dict), f"{where}: not a mapping"
        assert set(element) <= FORM_ELEMENT_KEYS, f"{where}: unknown keys {sorted(set(element) - FORM_ELEMENT_KEYS)}"
        kind = element.get("type")
        assert kind in FORM_TYPES, f"{where}: type {kind!r} is not one of {sorted(FORM_TYPES)}"
        attributes = element.get("attributes")
        assert isinstance(attributes, dict), f"{where}: `attributes` must be a mapping"
        if kind == "markdown":
            assert "id" not in element and "validations" not in element, f"{where}: markdown takes no id or validations"
            value = attributes.get("value")
            assert isinstance(value, str) and value.strip(), f"{where}: markdown needs `value`"
            continue
        assert isinstance(attributes.get("label"), str) and attributes["label"].strip(), f"{where}: needs `label`"
        assert "id" in element and FORM_ID_RE.match(str(element["id"])), (
            f"{where}: needs an id of letters, digits, - and _")
        validations = element.get("validations", {})
        assert isinstance(validations, dict) and set(validations) <= {"required"}, (
            f"{where}: `validations` takes only `required`")
        assert isinstance(validations.get("required", False), bool), f"{where}: `required` must be true or false"
        if kind == "dropdown":
            options = attributes.get("options")
            assert isinstance(options, list) and options and all(isinstance(o, str) for o in options), (
                f"{where}: a dropdown needs a list of options")
        if kind == "checkboxes":
            options = attributes.get("options")
            assert isinstance(options, list) and options, f"{where}: checkboxes need options"
            for option in options:
                assert isinstance(option, dict) and isinstance(option.get("label"), str), (
                    f"{where}: an option needs `label`")
                assert set(option) <= {"label", "required"}, f"{where}: option keys are label and required"


@pytest.mark.parametrize("path", ISSUE_FORMS, ids=lambda p: p.name)
def test_issue_form_ids_and_labels_unique(path: Path) -> None:
    fields = [e for e in form_elements(path) if "id" in e]
    ids = [e["id"] for e in fields]
    assert len(ids) == len(set(ids)), f"{path.name}: repeated ids {sorted({i for i in ids if ids.count(i) > 1})}"
    labels = [e["attributes"]["label"] for e in fields]
    assert len(labels) == len(set(labels)), f"{path.name}: repeated labels"


@pytest.mark.parametrize("path", ISSUE_FORMS, ids=lambda p: p.name)
def test_issue_form_required_fields(path: Path) -> None:
    elements = form_elements(path)
    required = {e["id"] for e in elements if (e.get("validations") or {}).get("required") is True}
    assert required == REQUIRED_FIELDS[path.name]
    # A box that must be ticked would make consent (to be named) a condition of reporting.
    forced = [o["label"] for e in elements if e["type"] == "checkboxes" for o in e["attributes"]["options"]
              if o.get("required")]
    assert not forced, f"{path.name}: checkboxes that must be ticked: {forced}"


@pytest.mark.parametrize("path", ISSUE_FORMS, ids=lambda p: p.name)
def test_issue_forms_are_bilingual(path: Path) -> None:
    form = load_yaml(path)
    texts = [form["name"], form["description"]] + [
        e["attributes"]["label"] for e in form["body"] if e["type"] != "markdown"]
    one_language = [t for t in texts if " / " not in t]
    assert not one_language, f"{path.name}: not written 'Indonesian / English': {one_language}"


def test_issue_form_suggestion_and_correction_fields() -> None:
    suggest = {e["id"]: e["type"] for e in form_elements(ISSUE_TEMPLATE_DIR / "suggest-article.yml") if "id" in e}
    assert suggest == {"article-url": "input", "region": "input", "meeting-date": "input", "outlet": "input",
                       "notes": "textarea"}
    correct = {e["id"]: e["type"] for e in form_elements(ISSUE_TEMPLATE_DIR / "report-correction.yml") if "id" in e}
    assert correct == {"page-url": "input", "what-is-wrong": "textarea", "source": "textarea",
                       "credit": "checkboxes"}


def test_issue_chooser_config() -> None:
    config = load_yaml(ISSUE_CONFIG)
    assert set(config) <= {"blank_issues_enabled", "contact_links"}
    assert isinstance(config["blank_issues_enabled"], bool)
    links = config.get("contact_links") or []
    for link in links:
        assert set(link) == {"name", "url", "about"}, link
        assert str(link["url"]).startswith("https://"), link
    assert any(str(link["url"]).endswith("/CONTRIBUTING.md") for link in links), "no contact link to CONTRIBUTING.md"


def test_pull_request_template_both_languages() -> None:
    text = PR_TEMPLATE.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    for indonesian, english in [("## Daftar periksa artikel", "## Article checklist"),
                                ("## Daftar periksa kode", "## Code checklist")]:
        assert indonesian in headings and english in headings, f"missing {indonesian!r} or {english!r}"
        assert headings.index(indonesian) < headings.index(english), f"{indonesian!r} must come before {english!r}"


@pytest.mark.parametrize("heading", ["Daftar periksa peninjau", "Reviewer checklist"])
def test_pull_request_template_reviewer_checklist(heading: str) -> None:
    """What check cannot prove is on the reviewer's list, in both languages (the methodology names the same)."""
    section = pr_sections()[heading]
    for needed in ("`check`", "`quote_en`", "`narration: true`", "`...`", "potongan"):
        assert needed in section, f"{heading}: does not mention {needed}"
    assert section.count("- [ ]") == 5, heading


def pr_sections() -> dict[str, str]:
    """The template's sections by heading."""
    parts = re.split(r"^## (.+)$", PR_TEMPLATE.read_text(encoding="utf-8"), flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


@pytest.mark.parametrize("heading", ["Daftar periksa artikel", "Article checklist"])
def test_pull_request_template_article_checklist(heading: str) -> None:
    section = pr_sections()[heading]
    for needed in ("`make check`", "`ok:`", "`content/sources/`", "`inferred`", "`# review:`", "`make serve`",
                   "`source`", "`quote_en`"):
        assert needed in section, f"{heading}: does not mention {needed}"


def test_pull_request_template_languages_say_the_same() -> None:
    sections = pr_sections()
    for indonesian, english in [("Daftar periksa artikel", "Article checklist"),
                                ("Daftar periksa kode", "Code checklist")]:
        boxes = [len(re.findall(r"^- \[ \] ", sections[h], flags=re.M)) for h in (indonesian, english)]
        assert boxes[0] == boxes[1] > 0, f"{indonesian} has {boxes[0]} items, {english} {boxes[1]}"
        # The same commands and fields, named in code spans, in both languages.
        spans = [set(re.findall(r"`[^`]+`", sections[h])) for h in (indonesian, english)]
        assert spans[0] == spans[1], f"{indonesian} / {english}: {sorted(spans[0] ^ spans[1])}"


def pre_commit_hooks() -> list[dict[str, Any]]:
    config = load_yaml(PRE_COMMIT_CONFIG)
    assert isinstance(config, dict) and isinstance(config.get("repos"), list) and config["repos"]
    hooks = []
    for repo in config["repos"]:
        assert repo.get("repo") == "local", (
            f"only local hooks (the checks run the project's own pins): {repo.get('repo')}")
        hooks += repo["hooks"]
    return hooks


def test_pre_commit_hooks_well_formed() -> None:
    hooks = pre_commit_hooks()
    ids = [h.get("id") for h in hooks]
    assert len(ids) == len(set(ids)), f"repeated hook ids: {ids}"
    assert {"generator-check", "generator-schema", "yamllint", "check-github-workflows"} <= set(ids)
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook), hook
        assert hook["language"] in ("system", "unsupported", "python"), hook


@pytest.mark.parametrize("hook", [h for h in pre_commit_hooks() if h["language"] in ("system", "unsupported")],
                         ids=lambda h: h["id"])
def test_pre_commit_local_entry_names_a_real_command(hook: dict[str, Any]) -> None:
    argv = shlex.split(hook["entry"]) + list(hook.get("args", []))
    assert argv[0] == ".venv/bin/python", f"{hook['id']}: run it with the project's venv, not {argv[0]!r}"
    assert argv[1] == "-m", f"{hook['id']}: expected `.venv/bin/python -m MODULE`"
    module, rest = argv[2], argv[3:]
    if module == "generator":
        from generator.cli import build_parser

        try:
            build_parser().parse_args(rest)
        except SystemExit as error:
            pytest.fail(f"{hook['id']}: `python -m generator {' '.join(rest)}` is not a command it accepts ({error})")
        assert hook.get("pass_filenames") is False, f"{hook['id']}: checks the whole tree; pass no file names"
    else:
        assert importlib.util.find_spec(module) is not None, f"{hook['id']}: module {module!r} is not installed"
        for option, value in zip(rest, rest[1:]):
            if option in ("-c", "--config-file"):
                assert (ROOT / value).is_file(), f"{hook['id']}: {value} does not exist"


def test_pre_commit_python_hooks_are_pinned() -> None:
    readme = (ROOT / "tests" / "schemas" / "README.md").read_text(encoding="utf-8")
    vendored = re.search(r"check-jsonschema` (\d+\.\d+\.\d+)", readme)
    assert vendored, "tests/schemas/README.md no longer names the check-jsonschema version"
    python_hooks = [h for h in pre_commit_hooks() if h["language"] == "python"]
    assert python_hooks
    for hook in python_hooks:
        deps = hook.get("additional_dependencies") or []
        assert deps and all(re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][0-9A-Za-z.]*", d) for d in deps), (
            f"{hook['id']}: dependencies must be pinned with ==: {deps}")
        # The workflow hook validates against the same schema file as test_matches_schema.
        if "check-jsonschema" in hook["entry"]:
            assert f"check-jsonschema=={vendored.group(1)}" in deps, (
                f"{hook['id']}: pins {deps}, tests/schemas/ vendors the schema of {vendored.group(1)}")


# Paths each hook must run on, and paths it must leave alone.
HOOK_FILES = {
    "generator-check": (["content/articles/2024-11-20-lampung-timur-rakor-pemantapan-pilkada.yaml",
                         "content/registry/regions.yaml", "content/sources/x.txt"],
                        ["docs/en/contributing.md", "generator/model.py"]),
    "generator-schema": (["generator/model.py", "schema/fact-sheet.schema.json", "docs/en/reference.md",
                          "docs/id/reference.md", "generator/locale/id/LC_MESSAGES/messages.po"],
                         ["docs/en/contributing.md", "content/registry/regions.yaml", "docs/en/reference.md.bak"]),
    "check-github-workflows": ([".github/workflows/ci.yml"], [".github/ISSUE_TEMPLATE/config.yml", "mkdocs.yml"]),
    "check-github-issue-forms": ([".github/ISSUE_TEMPLATE/suggest-article.yml",
                                  ".github/ISSUE_TEMPLATE/report-correction.yml"],
                                 [".github/ISSUE_TEMPLATE/config.yml", ".github/workflows/ci.yml"]),
    "check-github-issue-config": ([".github/ISSUE_TEMPLATE/config.yml"],
                                  [".github/ISSUE_TEMPLATE/suggest-article.yml"]),
}


def hook_runs_on(hook: dict[str, Any], path: str) -> bool:
    """pre-commit's own test: `files` and `exclude` are Python regexes searched in the path."""
    return bool(re.search(hook.get("files", ""), path)) and not re.search(hook.get("exclude", "^$"), path)


@pytest.mark.parametrize("hook_id", sorted(HOOK_FILES))
def test_pre_commit_hook_files(hook_id: str) -> None:
    hook = {h["id"]: h for h in pre_commit_hooks()}[hook_id]
    runs, skips = HOOK_FILES[hook_id]
    assert [p for p in runs if not hook_runs_on(hook, p)] == [], f"{hook_id} does not run on these"
    assert [p for p in skips if hook_runs_on(hook, p)] == [], f"{hook_id} runs on these"


def test_pre_commit_every_hook_has_files_to_run_on() -> None:
    files = repository_files()
    for hook in pre_commit_hooks():
        if "types" in hook:  # yamllint: every YAML file
            continue
        assert any(hook_runs_on(hook, f) for f in files), f"{hook['id']}: `files` matches no file of the repository"


def run_yamllint(*targets: str, config: Path = YAMLLINT_CONFIG) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "yamllint", "--strict", "--format", "parsable",
                           "--config-file", str(config), *targets],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_yamllint_passes_on_the_repository() -> None:
    pytest.importorskip("yamllint", reason="yamllint is in requirements.txt: run `make venv`")
    result = run_yamllint(*YAML_TARGETS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_yamllint_config_covers_the_files() -> None:
    pytest.importorskip("yamllint", reason="yamllint is in requirements.txt: run `make venv`")
    from yamllint.config import YamlLintConfig

    config = YamlLintConfig(file=str(YAMLLINT_CONFIG))
    linted = [f for f in repository_files() if config.is_yaml_file(f) and not config.is_file_ignored(f)]
    for needed in (".github/workflows/ci.yml", ".github/ISSUE_TEMPLATE/config.yml", "mkdocs.yml",
                   ".pre-commit-config.yaml", ".yamllint.yaml", "content/registry/regions.yaml"):
        assert needed in linted, f"{needed} is not linted"
    assert any(f.startswith("content/articles/") for f in linted)
    assert not [f for f in linted if f.startswith("tests/bad/")], "tests/bad/ holds deliberately broken inputs"


# Each rule .yamllint.yaml sets, shown failing on a small file (so the config is not a no-op), and the house
# style it allows. The folder decides line-length: prose in content/ has no limit, configuration does.
YAMLLINT_CASES = [
    ("config.yml", "on:\n  push:\nenabled: yes\n", "truthy"),
    ("config.yml", "---\nkey: value\n", "document-start"),
    ("config.yml", "name: { id: a, en: b }\n", "braces"),
    ("config.yml", "list: [ main ]\n", "brackets"),
    ("config.yml", "key:\n   nested: value\n", "indentation"),
    ("config.yml", "key: value  #comment\n", "comments"),
    ("config.yml", "code: 0410\n", "octal-values"),
    ("config.yml", "key: " + "word " * 30 + "end\n", "line-length"),
    ("config.yml", "key: value\nkey: other\n", "key-duplicates"),
    ("content/articles/x.yaml", "quote: " + "kata " * 60 + "akhir\n", None),
    ("config.yml", "# yaml-language-server: $schema=x.json\non:\n  push:\n    branches: [main]\n"
                   "name: {id: Rakor, en: Meeting}\ntext: >-\n  a folded\n  scalar\n"
                   "steps:\n  - uses: a/b@0123 # v1.2.3\n", None),
]


@pytest.mark.parametrize("name, text, rule", YAMLLINT_CASES, ids=[f"{c[2]}-{c[0]}" for c in YAMLLINT_CASES])
def test_yamllint_rules(tmp_path: Path, name: str, text: str, rule: str | None) -> None:
    pytest.importorskip("yamllint", reason="yamllint is in requirements.txt: run `make venv`")
    from yamllint import linter
    from yamllint.config import YamlLintConfig

    config = YamlLintConfig(file=str(YAMLLINT_CONFIG))
    found = {problem.rule for problem in linter.run(text, config, name)}
    assert found == ({rule} if rule else set()), f"{name}: expected {rule}, yamllint found {sorted(found)}"
