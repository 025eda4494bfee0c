"""The public card page in a real browser: Debian's chromium, headless, at a phone's width,
against a real server (uvicorn in a subprocess on a free port).

Chromium, or a Chinese font for it, missing: the test skips, saying how to install them
(.ci/run installs both; Debian's chromium brings no CJK font, and a page of empty boxes
is not what a villager's phone shows)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PIL import Image
from pypdf import PdfReader

from tests.legal.cards_helpers import HOTLINES, PUBLIC, served
from tests.live_server import serving

CHROMIUM = shutil.which("chromium")


def _has_chinese_font() -> bool:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    found = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True)
    return bool(found.stdout.strip())


pytestmark = pytest.mark.skipif(
    CHROMIUM is None or not _has_chinese_font(),
    reason="chromium or a Chinese font is missing: "
    "apt-get update && apt-get install -y chromium fonts-wqy-microhei",
)
PHONE = "390,844"


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[str]:
    """``liushou.app:create_app`` served by uvicorn on the test's database."""
    with serving(database_url, tmp_path) as base:
        yield base


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CHROMIUM or "chromium", "--headless", "--no-sandbox", "--disable-gpu"]
        + ["--disable-dev-shm-usage", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"]
        + [f"--window-size={PHONE}", *args],
        capture_output=True,
        text=True,
        timeout=90,
        check=True,
    )


def test_the_page_renders_in_a_browser_at_phone_width(server, world, db, tmp_path):
    served(db, world.village, name="鞠朝娟", phone="13853712348")
    url = f"{server}{PUBLIC}/{world.village.code}"
    # chromium asks with a browser's Accept header and gets the HTML page; printed to PDF,
    # the page keeps the text a person sees and its links.
    pdf = tmp_path / "page.pdf"
    _chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url)
    pages = PdfReader(pdf).pages
    seen = "".join(page.extract_text() for page in pages)
    for text in ("鞠朝娟", "济宁舜鸿律师事务所", "13853712348", "黄屯街道", "东营村"):
        assert text in seen, seen
    for hotline in HOTLINES:
        assert hotline["number"] in seen and hotline["name"] in seen, seen
    links = {
        annotation.get_object()["/A"]["/URI"]
        for page in pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    }
    assert "tel:13853712348" in links
    assert {f"tel:{h['number']}" for h in HOTLINES} <= links
    # And a screenshot at a phone's width.
    shot = tmp_path / "phone.png"
    _chromium(tmp_path, f"--screenshot={shot}", url)
    with Image.open(shot) as image:
        assert image.size == (390, 844)
        darkest, lightest = image.convert("L").getextrema()
        assert darkest < 100 < lightest  # text on a light page, not a blank one


def test_the_card_svg_as_a_browser_draws_it_holds_the_public_url(server, world, db, tmp_path):
    """The whole served SVG rasterized by chromium (text, frame and QR code together), then
    decoded by zxing-cpp: the symbol a printed card carries leads to the public page."""
    import zxingcpp

    served(db, world.village)
    headers = world.as_("staff")
    card = httpx.get(f"{server}/api/v1/hotline-cards/{world.village.id}", headers=headers).json()
    svg = httpx.get(f"{server}/api/v1/hotline-cards/{world.village.id}.svg", headers=headers)
    assert svg.status_code == 200
    path = tmp_path / "card.svg"
    path.write_bytes(svg.content)
    shot = tmp_path / "card.png"
    _chromium(tmp_path, "--force-device-scale-factor=2", f"--screenshot={shot}", path.as_uri())
    with Image.open(shot) as image:
        [decoded] = zxingcpp.read_barcodes(image)
    assert decoded.format == zxingcpp.BarcodeFormat.QRCode
    assert decoded.text == card["public_url"]
    assert decoded.text.endswith(f"{PUBLIC}/{world.village.code}")
