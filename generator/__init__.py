"""Election-Prep Digest: validate the content and render the bilingual digest."""

__version__ = "0.1.0"
