"""Offline link checker for the built site (stands in for lychee, which has no npm package).

Parses every HTML page of site/ with html.parser, resolves every href/src/srcset relative to the page,
and checks that the target file exists in site/ and that every #fragment is an id (or <a name>) in the
target page. Absolute links to the site's own address (the canonical URLs) count as internal. Links to
other hosts are only collected; `--external` checks them over the network (`make check-external-links`).

    python tests/e2e/linkcheck.py SITE_DIR [--external-list FILE] [--external]
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

LOCAL_BASE = "http://site.invalid/"  # stands for the site root while resolving relative links
URL_ATTRIBUTES = {"href", "src", "action", "poster", "data", "cite", "formaction"}
SKIP_SCHEMES = {"mailto", "tel", "data", "javascript", "about", "blob"}


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: set[str] = set()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.canonical: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.anchors.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.anchors.add(attributes["name"])
        if tag == "link" and (attributes.get("rel") or "").lower() == "canonical":
            self.canonical = attributes.get("href")
        for name, value in attrs:
            if value is None:
                continue
            if name in URL_ATTRIBUTES:
                self.links.append((tag, name, value.strip()))
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    if candidate.strip():
                        self.links.append((tag, name, candidate.split()[0]))

    handle_startendtag = handle_starttag


@dataclass
class Report:
    pages: int = 0
    links: int = 0  # internal references checked (with or without fragment)
    fragments: int = 0
    broken: list[str] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # url -> pages


def page_url(site: Path, path: Path) -> str:
    return LOCAL_BASE + path.relative_to(site).as_posix()


def _target_file(site: Path, url_path: str) -> Path | None:
    """The file a site path is served from (directories serve their index.html), or None."""
    relative = PurePosixPath(unquote(url_path)).as_posix().lstrip("/")
    if ".." in PurePosixPath(relative).parts:
        return None
    candidate = site / relative
    if url_path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def check_site(site: Path) -> Report:
    site = site.resolve()
    parsed: dict[Path, _PageParser] = {}
    for path in sorted(site.rglob("*.html")):
        parser = _PageParser()
        parser.feed(path.read_text(encoding="utf-8"))
        parser.close()
        parsed[path] = parser

    home = parsed.get(site / "index.html")
    own_root = home.canonical if home and home.canonical else None
    own_path = urlsplit(own_root).path if own_root else "/"
    if not own_path.endswith("/"):
        own_path += "/"
    report = Report(pages=len(parsed))

    def check(source: str, raw: str, url: str) -> None:
        """Check one reference; `url` is absolute (LOCAL_BASE for site files)."""
        if raw.startswith("/") and not raw.startswith("//") and own_path != "/":
            # Root-relative (MkDocs writes 404.html this way): relative to the site's own address.
            if not raw.startswith(own_path):
                report.broken.append(f"{source}: {raw!r}: outside the site's own path {own_path}")
                return
            local = urljoin(LOCAL_BASE, raw[len(own_path):])
        elif url.startswith(LOCAL_BASE):
            local = url
        elif own_root and url.startswith(own_root):
            local = LOCAL_BASE + url[len(own_root):]
        else:
            scheme = urlsplit(url).scheme.lower()
            if scheme in ("http", "https"):
                report.external[url.split("#")[0] if "#" not in raw else url].add(source)
            elif scheme not in SKIP_SCHEMES:
                report.broken.append(f"{source}: {raw!r}: unsupported link scheme {scheme!r}")
            return
        parts = urlsplit(local)
        target = _target_file(site, parts.path)
        report.links += 1
        if target is None:
            report.broken.append(f"{source}: {raw!r}: no file for {parts.path}")
            return
        fragment = unquote(parts.fragment)
        if not parts.fragment and "#" not in raw:
            return
        report.fragments += 1
        if fragment == "" or fragment.lower() == "top":  # the top of the page, per the HTML standard
            return
        if target.suffix != ".html":
            return
        if fragment not in parsed[target].anchors:
            report.broken.append(f"{source}: {raw!r}: no id or name {fragment!r} in {target.relative_to(site)}")

    for path, parser in parsed.items():
        source = path.relative_to(site).as_posix()
        base = page_url(site, path)
        for tag, attribute, value in parser.links:
            if not value:
                report.broken.append(f"{source}: empty {attribute} on <{tag}>")
                continue
            check(source, value, urljoin(base, value))

    # sitemap.xml: every <loc> and alternate must be a page of this site.
    sitemap = site / "sitemap.xml"
    if sitemap.is_file():
        tree = ElementTree.parse(sitemap)
        for element in tree.iter():
            value = element.text if element.tag.endswith("}loc") else element.get("href")
            if value:
                check("sitemap.xml", value.strip(), value.strip())
    return report


def write_external(report: Report, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# External links in the built site (checked only by `make check-external-links`).",
             "# URL<TAB>pages that link to it"]
    for url in sorted(report.external):
        pages = sorted(report.external[url])
        shown = " ".join(pages[:3]) + (f" … ({len(pages)} pages)" if len(pages) > 3 else "")
        lines.append(f"{url}\t{shown}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def check_external(urls, timeout: float = 20.0) -> list[str]:
    """Fetch each URL (HEAD, then GET if HEAD is refused); return the failures."""
    failures = []
    for url in sorted(urls):
        status = None
        for method in ("HEAD", "GET"):
            request = urllib.request.Request(url, method=method, headers={
                "User-Agent": "Mozilla/5.0 (election-prep-digest link check)"})
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    status = response.status
                break
            except urllib.error.HTTPError as error:
                status = error.code
                if method == "HEAD" and error.code in (403, 405, 501):
                    continue
                break
            except (urllib.error.URLError, TimeoutError, OSError) as error:
                status = f"error: {getattr(error, 'reason', error)}"
                break
        ok = isinstance(status, int) and status < 400
        print(f"{'ok  ' if ok else 'FAIL'} {status} {url}", flush=True)
        if not ok:
            failures.append(f"{url}: {status}")
    return failures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--external-list", type=Path, help="write the external links to this file")
    parser.add_argument("--external", action="store_true", help="also fetch every external link")
    args = parser.parse_args(argv)
    report = check_site(args.site)
    for problem in report.broken:
        print(f"broken: {problem}")
    print(f"links: {report.pages} pages, {report.links} internal links ({report.fragments} with a fragment), "
          f"{len(report.broken)} broken, {len(report.external)} external links")
    if args.external_list:
        write_external(report, args.external_list)
    failures = check_external(report.external) if args.external else []
    if args.external:
        print(f"external links: {len(report.external)} checked, {len(failures)} failed")
    return 1 if report.broken or failures else 0


if __name__ == "__main__":
    sys.exit(main())
