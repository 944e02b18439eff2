"""The command line: `check`, `schema`, output formats, and --help for every command."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from fixtures import CITY_SHEET, REGENCY_SHEET, REGENCY_SOURCE
from generator.cli import build_parser, main
from generator.schema import SCHEMA_FILES

REPO_ROOT = Path(__file__).resolve().parent.parent
SUMMARY = re.compile(
    r"^ok: checked (?P<counts>\d+ [a-z ]+(?:, \d+ [a-z ]+)*); "
    r"English translations: (?P<done>\d+)/(?P<total>\d+) \((?P<share>\d+)%\)$")


def run_module(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`python -m generator ARGS` in a fresh interpreter, as CI and contributors run it."""
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd or REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def subcommands() -> list[str]:
    parser = build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert len(actions) == 1
    return sorted(actions[0].choices)


# ------------------------------------------------------------------ generate

def test_generate_says_what_it_wrote_and_what_it_rendered_again(content_tree, capsys, monkeypatch):
    monkeypatch.delenv("EPD_RENDER_CACHE", raising=False)
    tree = content_tree()
    out = re.escape(str(tree / "build"))
    assert main(["--root", str(tree), "generate"]) == 0
    first = capsys.readouterr().out.splitlines()[-1]
    found = re.fullmatch(rf"generated (\d+) pages in each of 2 languages into {out}: (\d+) file\(s\) written, "
                         r"0 unchanged, 0 removed \(\d+\.\d\d s\)", first)
    assert found, first
    pages, files = int(found.group(1)), int(found.group(2))
    assert main(["--root", str(tree), "generate"]) == 0
    second = capsys.readouterr().out.splitlines()[-1]
    assert re.fullmatch(rf"generated {pages} pages in each of 2 languages into {out}: 0 file\(s\) written, "
                        rf"{files} unchanged, 0 removed \(\d+\.\d\d s\); rendered 0 of {pages} generated page\(s\) "
                        r"per language, the others were unchanged since the last build", second), second


# ------------------------------------------------------------------ check

def test_check_passes_on_the_repository_with_a_one_line_summary(tmp_path):
    result = run_module("check", cwd=tmp_path)  # the default root is the checkout, wherever it is run from
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    match = SUMMARY.match(lines[0])
    assert match, lines[0]
    counts = dict(reversed(part.split(" ", 1)) for part in match["counts"].split(", "))
    assert counts["fact sheets"] == "3"
    assert "3 fact sheets" in lines[0]
    assert int(match["done"]) <= int(match["total"])
    assert int(match["share"]) == round(100 * int(match["done"]) / int(match["total"]))


def test_check_summary_on_the_fixture(content_tree, capsys):
    assert main(["--root", str(content_tree()), "check"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out == ("ok: checked 2 fact sheets, 4 regions, 4 agencies, 4 people, 4 topics, 1 elections, "
                   "22 evidence passages; English translations: 17/18 (94%)\n")


def test_check_reports_every_problem_not_just_the_first(content_tree, capsys):
    def break_city(sheet):
        sheet["meeting"]["venu"] = sheet["meeting"].pop("venue")
        return sheet

    def break_regency(sheet):
        sheet["figures"] = [{"id": "x", "kind": "other", "label": {"id": "x"}, "value": "lima",
                             "unit_label": {"id": "orang"}, "as_stated": "lima", "evidence": "Kegiatan dipimpin Ketua KPU"}]
        return sheet

    root = content_tree({CITY_SHEET: break_city, REGENCY_SHEET: break_regency})
    assert main(["--root", str(root), "check"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("content/articles/2024-10-07-sukamaju-sosialisasi-pilkada.yaml:")
    assert "figures[0].value: expected a whole number, received text 'lima'" in lines[0]
    assert "meeting.venu: unknown field 'venu' in Meeting (did you mean 'venue'?)" in lines[1]
    assert lines[2] == "2 error(s), 0 warning(s) in 2 file(s); nothing was written."


def test_a_file_that_does_not_load_hides_no_problem_of_the_others(content_tree, capsys):
    """A schema error in the people registry and in one fact sheet: the other sheet's file-name and evidence
    problems, and the broken sheet's own file name, are still reported in the same run; references to people
    (whose registry did not load) are not reported as unknown."""
    def break_city(sheet):
        sheet["figures"][0]["value"] = "sepuluh miliar"
        return {**sheet, "id": "2024-11-18-pelita-rakor"}

    def break_regency(sheet):
        sheet["attendance"][0]["evidence"] = "Kegiatan dipimpin oleh Ketua KPU"
        return {**sheet, "id": "2024-10-07-sukamaju-sosialisasi"}

    def break_people(people):
        people["people"][0]["short_names"] = "Bagus"
        return people

    root = content_tree({CITY_SHEET: break_city, REGENCY_SHEET: break_regency, "registry/people.yaml": break_people})
    assert main(["--root", str(root), "check"]) == 1
    out, err = capsys.readouterr()
    lines = [line.split(": ", 1)[1] for line in err.splitlines()[:-1]]
    assert lines == [
        "id: expected the file name's id '2024-10-07-sukamaju-sosialisasi-pilkada', received "
        "'2024-10-07-sukamaju-sosialisasi' (a fact sheet's file is named after its id: rename one of them)",
        "attendance[0].evidence: expected a passage of the archived article, received text that is not in it: "
        "'Kegiatan dipimpin oleh Ketua KPU' (the article has no 'oleh' there: it reads 'Kegiatan dipimpin Ketua KPU')",
        "id: expected the file name's id '2024-11-18-pelita-rakor-kesiapan-pilkada', received "
        "'2024-11-18-pelita-rakor' (a fact sheet's file is named after its id: rename one of them)",
        "figures[0].value: expected a whole number, received text 'sepuluh miliar' (write the number in full "
        "without separators, like 69000000000 or 1621)",
        "people[0].short_names: expected a list of text, received text 'Bagus' (start each entry on its own line "
        "with '- ')",
    ], err
    assert err.splitlines()[-1] == "5 error(s), 0 warning(s) in 3 file(s); nothing was written."


def test_a_schema_error_hides_no_reference_or_evidence_problem_of_the_same_sheet(content_tree, capsys):
    """The sheet does not load (an attendance entry has a misspelt field), yet its other records are checked:
    a quote not in the article, an unknown topic. A check across records is not run on a sheet that did not load:
    the speaker whose attendance entry is broken is not reported as absent."""
    def break_city(sheet):
        sheet["attendance"][1]["postion"] = sheet["attendance"][1].pop("position")
        sheet["statements"][2]["quote"] = "Logistik sudah kami terima semua dan siap didistribusikan,"
        sheet["statements"][3]["topics"] = ["politik-uang"]
        return sheet

    root = content_tree({CITY_SHEET: break_city})
    assert main(["--root", str(root), "check"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = [line.split(": ", 1)[1] for line in err.splitlines()[:-1]]
    assert lines == [
        "attendance[1].postion: unknown field 'postion' in Attendance (did you mean 'position'?)",
        "statements[2].quote: expected a passage of the archived article, received text that is not in it: "
        "'Logistik sudah kami terima semua dan siap didistribusikan,' (the article has 'lengkap' where the "
        "passage has 'semua')",
        "statements[3].topics[0]: expected the id of a topic, received unknown id 'politik-uang' "
        "(add it to content/registry/topics.yaml)",
    ], err
    assert err.splitlines()[-1] == "3 error(s), 0 warning(s) in 1 file(s); nothing was written."


def test_check_format_github_prints_workflow_annotations(content_tree):
    root = content_tree({CITY_SHEET: lambda s: {**s, "meeting": {**s["meeting"], "weekday_as_stated": "Selasa"}}})
    result = run_module("--root", str(root), "check", "--format", "github")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "::error file=content/articles/2024-11-18-pelita-rakor-kesiapan-pilkada.yaml,line=15,col=22,"
        "title=meeting.weekday_as_stated::meeting.weekday_as_stated: expected Senin for 2024-11-18, received "
        "Selasa (the date or the weekday is wrong; check the article)",
        "1 error(s), 0 warning(s) in 1 file(s); nothing was written.",
    ]
    annotation = result.stderr.splitlines()[0]
    assert re.match(r"^::error file=[^,:]+,line=\d+,col=\d+,title=[^:]*::", annotation)


def test_check_format_github_prints_warnings_and_still_passes(content_tree):
    # A later date, which the article states (a date that contradicts its date as stated is an error)
    def later(sheet):
        sheet = json.loads(json.dumps(sheet, default=str).replace("7 Oktober 2024", "2 Desember 2024"))
        return {**sheet, "meeting": {**sheet["meeting"], "date": "2024-12-02"}}

    root = content_tree({REGENCY_SHEET: later,
                         REGENCY_SOURCE: lambda text: text.replace("7 Oktober 2024", "2 Desember 2024")})
    result = run_module("--root", str(root), "check", "--format", "github")
    assert result.returncode == 0
    assert SUMMARY.match(result.stdout.strip())
    named, dated, summary = result.stderr.splitlines()
    assert named.startswith("::warning file=content/articles/2024-10-07-sukamaju-sosialisasi-pilkada.yaml,"
                            "line=2,col=5,title=id::id: expected an id that begins with the meeting's date ")
    assert dated.startswith("::warning file=content/articles/2024-10-07-sukamaju-sosialisasi-pilkada.yaml,"
                            "line=14,col=9,title=meeting.date::meeting.date: meeting on 2024-12-02 is after ")
    assert summary == "0 error(s), 2 warning(s) in 1 file(s)."


def test_check_without_content_is_a_clean_error(tmp_path, capsys):
    assert main(["--root", str(tmp_path), "check"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "content: expected a content folder, found nothing there (pass --root with the folder that holds content/)",
        "1 error(s), 0 warning(s) in 1 file(s); nothing was written.",
    ]


def test_check_prints_no_traceback_for_bad_content(content_tree):
    root = content_tree({"registry/people.yaml": b"\xff\xfe not yaml at all"})
    result = run_module("--root", str(root), "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        "content/registry/people.yaml:1:1: expected UTF-8 text, received the byte 0xff (save the file as UTF-8)")


# ------------------------------------------------------------------ schema

def test_schema_check_passes_on_the_repository(capsys):
    assert main(["schema", "--check"]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == ("ok: schema/ and the field reference match the content model\n", "")


def test_schema_writes_then_checks_and_reports_a_stale_file(tmp_path, capsys):
    assert main(["--root", str(tmp_path), "schema", "--check"]) == 1
    assert capsys.readouterr().err.startswith("stale: schema/")
    assert main(["--root", str(tmp_path), "schema"]) == 0
    assert capsys.readouterr().out == f"wrote {len(SCHEMA_FILES) + 2} file(s)\n"  # and both references
    assert sorted(p.name for p in (tmp_path / "schema").iterdir()) == sorted(SCHEMA_FILES)
    for name in [f"schema/{n}" for n in SCHEMA_FILES] + ["docs/id/reference.md", "docs/en/reference.md"]:
        assert (tmp_path / name).read_bytes() == (REPO_ROOT / name).read_bytes(), name
    assert main(["--root", str(tmp_path), "schema"]) == 0
    assert capsys.readouterr().out == "schema/ and the field reference were already up to date\n"
    stale = tmp_path / "schema" / "people.schema.json"
    stale.write_text(stale.read_text(encoding="utf-8").replace("People named", "Persons named"), encoding="utf-8")
    assert main(["--root", str(tmp_path), "schema", "--check"]) == 1
    out, err = capsys.readouterr()
    assert (out, err) == ("", "stale: schema/people.schema.json (run: python -m generator schema)\n")
    reference = tmp_path / "docs" / "id" / "reference.md"
    reference.write_text(reference.read_text(encoding="utf-8") + "\nDisunting tangan.\n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "schema", "--check"]) == 1
    assert capsys.readouterr().err == ("stale: schema/people.schema.json, docs/id/reference.md "
                                       "(run: python -m generator schema)\n")


# ------------------------------------------------------------------ help

def test_there_are_subcommands():
    assert {"check", "schema"} <= set(subcommands())


@pytest.mark.parametrize("command", subcommands())
def test_every_subcommand_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: python -m generator {command}")
    # Every option has a help text.
    parser = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices[command]
    assert parser.description, f"{command} has no description"
    for action in parser._actions:
        assert action.help, f"{command} {action.option_strings or action.dest} has no help"


def test_top_level_help_lists_every_subcommand(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in subcommands():
        assert re.search(rf"^\s+{command}\s+\S", out, re.MULTILINE), f"{command} is not described in --help"


def test_no_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2
    assert "usage: python -m generator" in capsys.readouterr().err
