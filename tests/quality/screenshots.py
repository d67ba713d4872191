"""Screenshots of each page type for a person to look at: desktop (1280 px) and phone (375 px) wide,
light and dark scheme.

    PYTHONPATH=hooks:tests .venv/bin/python tests/quality/screenshots.py OUTPUT_DIR [--full-page]

Builds the site, serves it on 127.0.0.1 and writes OUTPUT_DIR/<page>-<device>-<scheme>.png (the first
screen, or the whole page with --full-page), plus <page>-<device>-<scheme>-middle.png: the screen half
way down the page, where the tables and long sections are.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from support.project import build_site
from support.sitehost import CHROMIUM, CHROMIUM_ARGS, PAGE_TYPES, VIEWPORTS, serve

PAGES = {name: path for name, path in PAGE_TYPES.items() if name != "about"}
DEVICES = {
    "desktop": {"viewport": VIEWPORTS["desktop"]},
    "phone": {"viewport": VIEWPORTS["phone"], "device_scale_factor": 2, "is_mobile": True},
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--full-page", action="store_true")
    args = parser.parse_args()
    args.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp, sync_playwright() as driver:
        site_dir = Path(temp) / "site"
        build_site(site_dir)
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with serve(site_dir) as base:
            for device, options in DEVICES.items():
                for scheme in ("light", "dark"):
                    context = browser.new_context(color_scheme=scheme, **options)
                    page = context.new_page()
                    for name, path in PAGES.items():
                        page.goto(base + path)
                        page.wait_for_load_state("load")
                        stem = args.output / f"{name}-{device}-{scheme}"
                        page.screenshot(path=f"{stem}.png", full_page=args.full_page)
                        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
                        page.wait_for_timeout(500)  # the header title swaps with an animation
                        page.screenshot(path=f"{stem}-middle.png")
                    context.close()
        browser.close()
    print(f"Screenshots written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
