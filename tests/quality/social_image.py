"""Draws the link-preview image every page names (Open Graph and Twitter cards): 1200 x 630 px, the site's
name and what it offers on the theme's indigo, with the logo. Run it after a change of either:

    PYTHONPATH=hooks:tests .venv/bin/python tests/quality/social_image.py

and commit ``docs/assets/social.png`` (about 50 kB).
"""

from __future__ import annotations

import html
from pathlib import Path

from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import sync_playwright

from support.project import CONFIG, DOCS
from support.sitehost import CHROMIUM, CHROMIUM_ARGS

TAGLINE = "Which one fits your project: a sourced, side-by-side comparison with a short answer first."
PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
html, body {{ margin: 0; width: 1200px; height: 630px; }}
body {{ background: #3f51b5; color: #fff; font-family: "DejaVu Sans", sans-serif; display: flex;
  flex-direction: column; justify-content: center; padding: 0 96px; box-sizing: border-box; }}
svg {{ width: 112px; height: 112px; margin-bottom: 36px; }}
h1 {{ font-size: 88px; margin: 0 0 28px; letter-spacing: -1px; }}
p {{ font-size: 40px; margin: 0; line-height: 1.35; color: #e8eaf6; max-width: 960px; }}
</style></head><body>{logo}<h1>{name}</h1><p>{tagline}</p></body></html>"""


def main() -> None:
    config = yaml_load(CONFIG.read_text(encoding="utf-8"))
    logo = (DOCS / "assets" / "favicon.svg").read_text(encoding="utf-8").replace('fill="#3f51b5"', 'fill="#fff"')
    page = PAGE.format(logo=logo, name=html.escape(config["site_name"]), tagline=html.escape(TAGLINE))
    target = DOCS / config["extra"]["social_image"]
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1200, "height": 630})
        tab.set_content(page)
        tab.screenshot(path=str(target))
        browser.close()
    print(f"{Path(target).relative_to(DOCS.parent)}: {target.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
