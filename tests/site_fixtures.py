"""Build the real site once per test session and serve it on 127.0.0.1, for site and browser tests."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OUTPUT_DIR = REPO_ROOT / "test-output"


def write_stand_in_pages(root: Path) -> None:
    """Stand-ins for the hand-written pages in a fixture tree (the real ones cite the real content): the
    navigation needs the pages, and generated pages link these anchors in them."""
    anchors = {"methodology": "\n## Corrections { #corrections }\n\n## Inferred { #inferred }\n\n"
                              "## Derived { #derived }\n\n## About { #about }\n",
               "contributing": "\n## Suggest an article { #suggest }\n"}
    for lang in ("id", "en"):
        (root / "docs" / lang).mkdir(parents=True, exist_ok=True)
        for name in ("methodology", "contributing", "reference", "performance", "using-the-data"):
            (root / "docs" / lang / f"{name}.md").write_text(f"# {name}\n{anchors.get(name, '')}", encoding="utf-8")


def build_site(site_dir: Path) -> Path:
    """Run the README's build (validate, generate, strict MkDocs per language) into `site_dir`."""
    if os.environ.get("EPD_SITE_DIR"):  # reuse a site built beforehand, e.g. by `make site`
        return Path(os.environ["EPD_SITE_DIR"])
    result = subprocess.run(
        [sys.executable, "-m", "generator", "site", "--site-dir", str(site_dir)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"site build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"  # the URL path the site is served under (the path of its site_url)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / ".not-under-the-site-prefix")  # 404
        return super().translate_path("/" + path[len(self.prefix):])


class SiteServer:
    """A static server for a built site on an ephemeral 127.0.0.1 port.

    `prefix` serves the site under a path, as deployed (e.g. "/digest/" for a site_url ending in
    /digest/): Material's instant navigation only intercepts links whose path is in sitemap.xml, which
    holds the site_url's path, so it works only when the site is served under that same path."""

    def __init__(self, site_dir: Path, prefix: str = "/"):
        prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
        handler = functools.partial(type("_Handler", (_QuietHandler,), {"prefix": prefix}),
                                    directory=str(site_dir))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{prefix}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "SiteServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


CHROMIUM = os.environ.get("EPD_CHROMIUM", "/usr/bin/chromium")  # as scripts/test-prerequisites reads it
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
