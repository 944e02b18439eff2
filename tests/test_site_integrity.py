"""Build integrity: a failed, interrupted or killed build leaves the previous site/ as it was; what a killed
build left beside it is cleared by the next; a swap that cannot complete is an error; expected failures of the
machine (a full disk, Ctrl-C) are one line each. MkDocs itself is replaced by a stub that writes each
language's output, so these run in milliseconds (the real builds are in test_site_build.py)."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from generator import cli, mkdocs_adapter
from generator.errors import BuildError


@pytest.fixture
def stub_mkdocs(tmp_path, monkeypatch):
    """build/<lang>/site as MkDocs would leave it, and a site/ from an earlier build."""
    build = tmp_path / "build"

    def write_config(build_dir, lang, *args, **kwargs):
        return Path(build_dir) / lang / "mkdocs.yml"

    def build_languages(configs, repo_root, jobs, dirty=False):
        for lang in configs:
            out = build / lang / "site"
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir(parents=True)
            (out / "index.html").write_text(f"new {lang}\n", encoding="utf-8")
        return {lang: "" for lang in configs}

    monkeypatch.setattr(mkdocs_adapter, "write_config", write_config)
    monkeypatch.setattr(mkdocs_adapter, "_build_languages", build_languages)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous\n", encoding="utf-8")
    return build, site


def publish(build: Path, site: Path, before_publish=None):
    return mkdocs_adapter.build_site(build, site, ["id", "en"], default_lang="id", repo_root=build.parent,
                                     before_publish=before_publish)


def leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith(("site.new-", "site.old-")))


def test_a_build_replaces_the_site_and_leaves_nothing_beside_it(stub_mkdocs):
    build, site = stub_mkdocs
    publish(build, site)
    assert (site / "index.html").read_text() == "new id\n" and (site / "en" / "index.html").read_text() == "new en\n"
    assert leftovers(site) == []


def test_what_killed_builds_left_is_cleared_by_the_next(stub_mkdocs):
    build, site = stub_mkdocs
    for name in ("site.new-123-1", "site.old-456-2"):
        (site.parent / name / "deep").mkdir(parents=True)
    publish(build, site)
    assert leftovers(site) == []


def test_an_interrupt_while_indexing_leaves_the_previous_site(stub_mkdocs):
    build, site = stub_mkdocs

    def interrupted(tree, languages):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        publish(build, site, interrupted)
    assert (site / "index.html").read_text() == "previous\n"
    assert leftovers(site) == []


def test_a_swap_that_cannot_put_the_new_site_in_place_restores_the_previous(stub_mkdocs, monkeypatch):
    build, site = stub_mkdocs
    real_rename = os.rename

    def rename(source, target):
        if Path(source).name.startswith("site.new-"):
            raise OSError(errno.EROFS, "Read-only file system", str(target))
        return real_rename(source, target)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(BuildError, match="cannot put the new site in place .*the previous site is unchanged"):
        publish(build, site)
    assert (site / "index.html").read_text() == "previous\n"
    assert leftovers(site) == []


def test_a_previous_site_that_cannot_be_removed_is_an_error_not_a_leftover(stub_mkdocs, monkeypatch):
    build, site = stub_mkdocs
    real_rmtree = shutil.rmtree

    def rmtree(path, *args, **kwargs):
        if Path(path).name.startswith("site.old-") and not kwargs.get("ignore_errors"):
            raise PermissionError(errno.EACCES, "Permission denied", str(Path(path) / "locked.html"))
        return real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr(shutil, "rmtree", rmtree)
    with pytest.raises(BuildError, match=r"the new site is in .*site, but the previous one could not be removed"):
        publish(build, site)
    assert (site / "index.html").read_text() == "new id\n"
    monkeypatch.setattr(shutil, "rmtree", real_rmtree)
    publish(build, site)  # the next build clears it
    assert leftovers(site) == []


def test_one_build_at_a_time_publishes_into_a_site(stub_mkdocs):
    build, site = stub_mkdocs
    with mkdocs_adapter._site_lock(site):
        with pytest.raises(BuildError, match="another build is publishing into"):
            publish(build, site)
    assert (site / "index.html").read_text() == "previous\n"


def test_ctrl_c_is_one_line_and_exit_130(monkeypatch, capsys):
    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setitem(cli.COMMANDS, "site", interrupted)
    assert cli.main(["site"]) == 130
    out, err = capsys.readouterr()
    assert (out, err) == ("", "interrupted: nothing more was written; the previous site is unchanged\n")


@pytest.mark.parametrize("code, hint", [(errno.ENOSPC, "free some disk space and run it again"),
                                        (errno.EROFS, "the folder is on a read-only file system")])
def test_a_full_or_read_only_disk_is_one_line(monkeypatch, capsys, code, hint):
    def failing(args):
        raise OSError(code, os.strerror(code), "build/id/docs/index.md.tmp")

    monkeypatch.setitem(cli.COMMANDS, "generate", failing)
    assert cli.main(["generate"]) == 1
    out, err = capsys.readouterr()
    assert (out, err) == ("", f"error: {os.strerror(code)}: build/id/docs/index.md.tmp ({hint})\n")
