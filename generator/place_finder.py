"""The place finder's list: every region of one language's site, with the names a reader may type and the address
of its entry, as data/places.json (read by docs/assets/javascripts/epd-finder.js on the home page and the regions
index).

It is an interface file, not open data: it differs by language (kind labels) and holds what digest.json already
has (the regions) with the site's addresses, so datapackage.json does not list it. One region a line, in the
content's order (the gazetteer's, by code), so the same content gives the same bytes and a diff shows which
region changed. 552 regions make about 58 kB, 8 kB as a static server gzips it, fetched only when a reader focuses
the finder.
"""

from __future__ import annotations

import json

from .i18n import formatter
from .index import Index
from .model import Region
from .render import region_kind_label

# What each place's list holds, in order; the short names, when there are any, are its last items.
FIELDS = ("name", "official_name", "kind", "province", "url", "short_names...")


def places_json(index: Index, lang: str) -> str:
    """data/places.json of one language: {"fields": FIELDS, "places": [[name, official name or null, kind label,
    province name or null, address relative to the language's site root, *short names], ...]}."""
    gettext = formatter(lang).gettext
    lines = []
    for region in index.content.regions:
        province = index.province_of(region)
        row = [region.name, region.official_name, gettext(region_kind_label(region)),
               province.name if province is not None and province.id != region.id else None,
               entry_url(index, region), *region.short_names]
        lines.append(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
    head = json.dumps(FIELDS, separators=(",", ":"))
    return '{"fields":' + head + ',"places":[\n' + ",\n".join(lines) + "\n]}\n"


def entry_url(index: Index, region: Region) -> str:
    """The address of a region's entry, relative to the site root: its page, or its province's page and the
    anchor of its line there (as render.Helpers.region links it)."""
    page = index.region_page[region.id]
    url = page.removesuffix(".md") + "/"
    return url if page == f"regions/{region.id}.md" else f"{url}#region-{region.id}"
