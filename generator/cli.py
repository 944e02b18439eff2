"""The command line: check | schema | generate | site | serve. Expected failures become clean lines."""

from __future__ import annotations

import argparse
import errno
import sys
import time
from pathlib import Path
from typing import Sequence

from .errors import BuildError, ContentErrors, DigestError
from .escape import one_line

REPO_ROOT = Path(__file__).resolve().parent.parent


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with help for every command."""
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Validate the Election-Prep Digest content and build the bilingual site.")
    parser.add_argument("--root", type=Path, default=REPO_ROOT,
                        help="repository root holding content/ (default: this checkout)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate every content file and report problems",
                                description="Validate registries, fact sheets and evidence; exit 1 on problems.")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="'github' prints workflow annotations that show on the changed lines")

    new = commands.add_parser(
        "new", help="archive an article's text and write a draft fact sheet to review",
        description="Archive ARTICLE (a UTF-8 text file) unchanged in content/sources/, write a draft fact sheet "
                    "in content/articles/ and propose registry entries for the people, agencies and regions it does "
                    "not know. Every proposed item copies its passage from the text and carries a '# review:' line; "
                    "check refuses the draft until each is confirmed and deleted.")
    new.add_argument("article", type=Path, help="the article's text, one paragraph per line")
    new.add_argument("--url", help="the article's address")
    new.add_argument("--outlet", help="the outlet's name, when the dateline does not give it")
    new.add_argument("--headline", help="the headline as the outlet prints it")

    gazetteer = commands.add_parser(
        "gazetteer", help="import every province, regency and city from the pinned idn-area-data package",
        description="Write content/registry/gazetteer.yaml from the package's CSV files (npm ci installs the version "
                    "package-lock.json pins), keeping the id of every code already there; print what was added, "
                    "removed and renamed.")
    gazetteer.add_argument("--package", type=Path, help="the package's folder (default: node_modules/idn-area-data)")
    gazetteer.add_argument("--check", action="store_true",
                           help="only report whether the file differs from the import; exit 1 if so")

    schema = commands.add_parser("schema", help="export the JSON Schemas editors use into schema/, and the field reference",
                                 description="Write schema/*.schema.json and docs/<lang>/reference.md from the "
                                             "content model.")
    schema.add_argument("--check", action="store_true", help="only report whether the files are stale; exit 1 if so")
    generate = commands.add_parser("generate", help="validate, then write the Markdown of both languages",
                                    description="Validate the content and write build/<lang>/docs for each language.")
    generate.add_argument("--out", type=Path, help="output folder (default: build/ in the repository)")
    generate.add_argument("--format", choices=("text", "github"), default="text", help="how to print problems")

    site = commands.add_parser("site", help="validate, generate and build both languages into site/",
                               description="Run generate, then one strict MkDocs build per language in parallel; "
                                           "site/ is replaced only when every build succeeds.")
    site.add_argument("--site-dir", type=Path, help="where the site goes (default: site/ in the repository)")
    site.add_argument("--jobs", type=int, default=2, help="language builds run at once (default: 2)")
    site.add_argument("--format", choices=("text", "github"), default="text", help="how to print problems")

    serve = commands.add_parser("serve", help="build, serve on 127.0.0.1 and rebuild when sources change",
                                description="Serve site/ locally; content, templates and docs are watched.")
    serve.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000)")
    serve.add_argument("--jobs", type=int, default=2, help="language builds run at once (default: 2)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ContentErrors as errors:
        report_problems(errors.problems, getattr(args, "format", "text"))
        return 1
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except DigestError as error:  # its message may quote a value (a file name, --url): one line whatever it holds
        print(f"error: {one_line(str(error))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        # Every writer replaces files by renames and site/ is swapped in whole, so what was there stays.
        print("interrupted: nothing more was written; the previous site is unchanged", file=sys.stderr)
        return 130
    except OSError as error:  # the machine, not the content: a full disk, a read-only folder
        print(f"error: {describe_os_error(error)}", file=sys.stderr)
        return 1


def describe_os_error(error: OSError) -> str:
    """An operating-system failure in one line: what failed, on which file, and a hint."""
    where = f" {error.filename}" if error.filename else ""
    if error.filename2:
        where += f" -> {error.filename2}"
    reason = error.strerror or str(error)
    hints = {errno.ENOSPC: "free some disk space and run it again",
             errno.EROFS: "the folder is on a read-only file system",
             errno.EACCES: "check the folder's permissions", errno.EPERM: "check the folder's permissions"}
    hint = hints.get(error.errno)
    return one_line(f"{reason}:{where}" + (f" ({hint})" if hint else ""))


def report_problems(problems, output_format: str) -> None:
    """Print every problem, then one line that counts them."""
    for problem in problems:
        print(problem.github_annotation() if output_format == "github" else str(problem), file=sys.stderr)
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    files = len({p.location.path for p in problems})
    outcome = "; nothing was written." if errors else "."
    print(f"{errors} error(s), {warnings} warning(s) in {files} file(s){outcome}", file=sys.stderr)


def run_check(args) -> int:
    from .load import read_content
    from .verify import verify

    loaded = read_content(args.root / "content", args.root)
    report = verify(loaded.content, loaded=loaded)
    if report.warnings:
        report_problems(report.warnings, args.format)
    counts = ", ".join(f"{n} {what}" for what, n in report.counts.items())
    share = report.translated / report.translatable if report.translatable else 1.0
    print(f"ok: checked {counts}; English translations: {report.translated}/{report.translatable} "
          f"({share:.0%})")
    return 0


def run_new(args) -> int:
    from .draft import new

    draft = new(args.root, args.article, url=args.url, outlet=args.outlet, headline=args.headline)
    sheet = f"content/articles/{draft.sheet_id}.yaml"
    most = " (the most a sheet holds: the rest are left out)"
    proposed = ["a date" if draft.has_date else "no date",
                f"{sum(1 for a in draft.attendance if 'person' in a.fields)} people"
                + (most if "attendance" in draft.left_out else ""),
                *([f"{groups} group" + ("s" if groups > 1 else "")] if (groups := sum(
                    1 for a in draft.attendance if a.fields.get("group"))) else []),
                f"{len(draft.statements)} quotes" + (most if "statements" in draft.left_out else ""),
                f"{len(draft.figures)} figures" + (most if "figures" in draft.left_out else "")]
    registry = ", ".join(f"{len(items)} in {name}" for name, items in draft.registry.items() if items)
    print(f"archived content/sources/{draft.source_file}")
    print(f"wrote {sheet}: proposed {', '.join(proposed)}"
          + (f"; new registry entries: {registry}" if registry else "") + f"; {draft.review_count} review marks")
    print("next: confirm each '# review:' line against the article and delete it, write the summary and the "
          "titles, then run make check")
    return 0


def run_gazetteer(args) -> int:
    from .gazetteer import OUTPUT, import_gazetteer, write_atomically

    output = args.root / OUTPUT
    imported = import_gazetteer(args.package or args.root / "node_modules" / "idn-area-data", output)
    counts = ", ".join(f"{n} {kind if n == 1 else {'city': 'cities', 'regency': 'regencies'}.get(kind, kind + 's')}"
                       for kind, n in imported.counts.items())
    changes = [f"{len(imported.added)} added", f"{len(imported.removed)} removed", f"{len(imported.renamed)} renamed"]
    current = output.read_text(encoding="utf-8") if output.is_file() else None
    for code in imported.removed:
        print(f"removed: {code} (pages and fact sheets citing its id now fail check)")
    for code, old, new in imported.renamed:
        print(f"renamed: {code} {old} -> {new} (its id is kept)")
    if args.check:
        if current != imported.text:
            print(f"stale: {OUTPUT.as_posix()} differs from idn-area-data {imported.version} ({', '.join(changes)}; "
                  "run: python -m generator gazetteer)", file=sys.stderr)
            return 1
        print(f"ok: {OUTPUT.as_posix()} is idn-area-data {imported.version}: {counts}")
        return 0
    if current == imported.text:
        print(f"{OUTPUT.as_posix()} was already idn-area-data {imported.version}: {counts}")
        return 0
    write_atomically(output, imported.text)
    print(f"wrote {OUTPUT.as_posix()} from idn-area-data {imported.version}: {counts} ({', '.join(changes)})")
    return 0


def run_schema(args) -> int:
    from .reference import exported_files, stale_exports, write_exports

    if args.check:
        stale = stale_exports(args.root, exported_files())
        if stale:
            print("stale: " + ", ".join(stale) + " (run: python -m generator schema)", file=sys.stderr)
            return 1
        print("ok: schema/ and the field reference match the content model")
        return 0
    changed = write_exports(args.root)
    print(f"wrote {len(changed)} file(s)" if changed else "schema/ and the field reference were already up to date")
    return 0


def run_generate(args) -> int:
    from .pipeline import BuildConfig, build

    config = BuildConfig.for_repository(args.root, getattr(args, "out", None))
    result = build(config)
    if result.report.warnings:
        report_problems(result.report.warnings, args.format)
    total = sum(result.timings.values())
    reused = (f"; rendered {result.rendered:,} of {result.planned:,} generated page(s) per language, the others "
              "were unchanged since the last build" if result.rendered < result.planned else "")
    print(f"generated {result.pages} pages in each of {len(config.languages)} languages into "
          f"{config.out}: {result.written} file(s) written, {result.unchanged} unchanged, "
          f"{result.removed} removed ({total:.2f} s){reused}")
    return 0


def run_site(args) -> int:
    from . import mkdocs_adapter

    run_generate(args)
    site_dir = args.site_dir or args.root / "site"
    started = time.perf_counter()
    reuse = mkdocs_adapter.build_site(args.root / "build", site_dir, jobs=args.jobs, repo_root=args.root,
                                      before_publish=_search_indexer(args.root / "build"))
    print("markdown: " + "; ".join(f"{lang} {r.converted:,} page(s) converted, {r.reused:,} reused from the last build"
                                   for lang, r in reuse.items()))
    print("templates: " + "; ".join(f"{lang} {r.rendered:,} page(s) rendered, {r.pages_reused:,} reused from the last "
                                    "build" for lang, r in reuse.items()))
    print(f"built the site into {site_dir} ({time.perf_counter() - started:.1f} s)")
    return 0


def _search_indexer(build_dir: Path):
    """What runs on the assembled site before it replaces site/: the Pagefind index."""
    from .search_index import build_search_index

    def index_site(site_root: Path, languages) -> None:
        indexed = build_search_index(site_root, languages, build_dir)
        print("search index: " + ", ".join(f"{lang} {n} pages" for lang, n in sorted(indexed.items())))
    return index_site


def run_serve(args) -> int:
    from . import mkdocs_adapter

    mkdocs_adapter.serve(args.root / "build", args.root / "site", jobs=args.jobs, port=args.port,
                         repo_root=args.root, before_publish=_search_indexer(args.root / "build"),
                         generate=in_process_generator(args))
    return 0


def in_process_generator(args):
    """The generator as `serve` reruns it: in this process, re-reading only the files that changed and
    re-rendering only the pages whose recorded lookups changed (generator/reuse.py)."""
    from . import mkdocs_adapter
    from .pipeline import BuildConfig, BuildState, build

    state = BuildState()
    config = BuildConfig.for_repository(args.root, getattr(args, "out", None))

    def generate():
        try:
            result = build(config, state=state)
        except ContentErrors as errors:
            report_problems(errors.problems, getattr(args, "format", "text"))
            return False
        except DigestError as error:
            print(f"error: {one_line(str(error))}", file=sys.stderr)
            return False
        if result.report.warnings:
            report_problems(result.report.warnings, getattr(args, "format", "text"))
        partial = f", {result.rendered:,} of {result.planned:,} pages rendered" if result.rendered < result.planned else ""
        print(f"generated: {result.written} file(s) written, {result.removed} removed "
              f"({sum(result.timings.values()):.2f} s{partial})", file=sys.stderr)
        return mkdocs_adapter.SAME_PAGES if result.same_pages and not result.removed else True
    return generate


COMMANDS = {"check": run_check, "new": run_new, "gazetteer": run_gazetteer, "schema": run_schema, "generate": run_generate, "site": run_site,
            "serve": run_serve}
