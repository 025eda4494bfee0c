"""The card as a vCard, an SVG and the region's A4 print sheet, each read back with a real
reader: vobject for the vCard, zxing-cpp for the QR code, pypdf for the PDF's text."""

from __future__ import annotations

import io
import time
import xml.etree.ElementTree as ET

import pytest
import vobject
import zxingcpp
from pypdf import PdfReader

from tests.legal.cards_helpers import (
    CARDS,
    advisor,
    assert_problem,
    contract,
    law_firm,
    qr_image_from_svg,
    served,
    village,
)

SVG_NS = "{http://www.w3.org/2000/svg}"


def test_vcard_is_a_vcard_4_of_the_advisor(client, world, db):
    s = served(db, world.village, name="鞠朝娟", phone="138 5371-2348")
    response = client.get(f"{CARDS}/{world.village.id}.vcf", headers=world.as_("staff"))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/vcard")
    assert world.village.code in response.headers["content-disposition"]
    assert response.content.endswith(b"END:VCARD\r\n")
    card = vobject.readOne(response.text)
    assert card.version.value == "4.0"
    assert card.fn.value == "鞠朝娟"
    assert card.org.value == ["济宁舜鸿律师事务所"]
    assert card.tel.value == "tel:1385371-2348"
    assert "黄屯街道 东营村" in card.note.value and world.village.code in card.note.value
    assert s.contract.ends_on.isoformat() in card.note.value
    assert card.url.value.endswith(f"/public/hotline-cards/{world.village.code}")
    # Folded at 75 octets, never inside a character: every line is valid UTF-8 alone.
    for line in response.content.split(b"\r\n"):
        assert len(line) <= 75
        line.decode()


def test_vcard_escapes_its_separators(client, world, db):
    firm = law_firm(db, world.huangtun, "山东;济宁,律师事务所\\分所")
    contract(db, advisor(db, firm, "王,五;六", service_hours="周一;周三\n上午"), [world.village])
    response = client.get(f"{CARDS}/{world.village.id}.vcf", headers=world.as_("staff"))
    card = vobject.readOne(response.text)
    assert card.fn.value == "王,五;六"
    assert card.org.value == ["山东;济宁,律师事务所\\分所"]
    assert "周一;周三\n上午" in card.note.value


def test_svg_is_a_bank_card_with_text_and_a_qr_code_of_the_public_url(client, world, db):
    served(db, world.village, name="鞠朝娟", phone="13853712348")
    response = client.get(f"{CARDS}/{world.village.id}.svg", headers=world.as_("staff"))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{SVG_NS}svg"
    assert (root.get("width"), root.get("height")) == ("85.6mm", "54.0mm")
    assert root.get("viewBox") == "0 0 85.6 54.0"
    texts = [t.text for t in root.iter(f"{SVG_NS}text")]
    for expected in ("便民找法服务卡", "黄屯街道 东营村", "法律顾问 鞠朝娟", "电话 13853712348"):
        assert expected in texts
    assert any("12348 公共法律服务" in t for t in texts)
    assert any("110 报警" in t for t in texts)
    # The QR code, drawn from the served SVG's path and decoded by zxing-cpp.
    public_url = client.get(f"{CARDS}/{world.village.id}", headers=world.as_("staff")).json()[
        "public_url"
    ]
    [decoded] = zxingcpp.read_barcodes(qr_image_from_svg(response.text))
    assert decoded.format == zxingcpp.BarcodeFormat.QRCode
    assert decoded.text == public_url


def test_svg_escapes_text(client, world, db):
    served(db, world.village, name='<script>alert("x")</script>&')
    response = client.get(f"{CARDS}/{world.village.id}.svg", headers=world.as_("staff"))
    root = ET.fromstring(response.content)
    assert '法律顾问 <script>alert("x")</script>&' in [t.text for t in root.iter(f"{SVG_NS}text")]
    assert b"<script" not in response.content


@pytest.mark.parametrize("suffix", [".vcf", ".svg"])
def test_files_answer_like_the_card(client, world, db, suffix):
    staff = world.as_("staff")
    assert_problem(
        client.get(f"{CARDS}/{world.village.id}{suffix}", headers=staff), 404, "no_active_advisor"
    )
    assert_problem(
        client.get(f"{CARDS}/{world.huangtun.id}{suffix}", headers=staff), 404, "not_found"
    )
    served(db, world.village)
    other = world.as_("other_staff")
    assert_problem(
        client.get(f"{CARDS}/{world.village.id}{suffix}", headers=other), 404, "not_found"
    )
    assert_problem(client.get(f"{CARDS}/x{suffix}", headers=staff), 422, "validation_error")


def _liuxing_24(world, db):  # type: ignore[no-untyped-def]
    """柳行街道 as the newspaper tells it: 6 advisors, 4 villages each, 24 villages."""
    firm = law_firm(db, world.liuxing)
    villages = [world.other_village] + [
        village(db, world.liuxing, f"柳行{i:02d}村") for i in range(23)
    ]
    advisors = []
    for i in range(6):
        a = advisor(db, firm, f"顾问{i}号", f"1385371{i:04d}")
        contract(db, a, villages[i * 4 : i * 4 + 4])
        advisors.append(a)
    return villages, advisors


def test_print_sheet_has_every_card_of_the_region_as_text(client, world, db):
    villages, advisors = _liuxing_24(world, db)
    served(db, world.village, name="黄屯的律师")  # another township: not on this sheet
    staff = world.as_("other_staff")
    params = {"region_id": str(world.liuxing.id)}
    response = client.get(f"{CARDS}/print.pdf", params=params, headers=staff)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 3  # ten cards a page
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
        fonts = [f.get_object() for f in page["/Resources"]["/Font"].values()]
        # reportlab embeds the glyphs the page uses as TrueType subsets.
        assert any(
            f["/Subtype"] == "/TrueType" and "/FontFile2" in f["/FontDescriptor"] for f in fonts
        )
    text = "\n".join(page.extract_text() for page in reader.pages)
    for a in advisors:
        assert f"法律顾问 {a.name}" in text
        assert f"电话 {a.phone}" in text
    for v in villages:
        assert f"柳行街道 {v.name}" in text
    assert "黄屯的律师" not in text
    assert text.count("12348 公共法律服务") == 24


def _timed(client, url, params, headers):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    response = client.get(url, params=params, headers=headers)
    assert response.status_code == 200
    return time.perf_counter() - started


def test_print_sheet_for_24_villages_takes_well_under_a_second(client, world, db):
    _liuxing_24(world, db)
    url, staff = f"{CARDS}/print.pdf", world.as_("other_staff")
    # The font is registered once per process (~0.3 s): a sheet of another region does it.
    client.get(url, params={"region_id": str(world.huangtun.id)}, headers=world.as_("staff"))
    params = {"region_id": str(world.liuxing.id)}
    # The first sheet makes the 24 QR codes (~12 ms each); a reprint reuses them.
    assert _timed(client, url, params, staff) < 1.0
    assert _timed(client, url, params, staff) < 0.3


def test_print_sheet_of_a_region_without_advisors_says_so(client, world, db):
    response = client.get(
        f"{CARDS}/print.pdf",
        params={"region_id": str(world.huangtun.id)},
        headers=world.as_("staff"),
    )
    assert response.status_code == 200
    [page] = PdfReader(io.BytesIO(response.content)).pages
    assert "今天没有在合同期内的法律顾问" in page.extract_text()


def test_print_sheet_scope(client, world, db):
    served(db, world.village)
    other = world.as_("other_staff")
    url = f"{CARDS}/print.pdf"
    assert_problem(
        client.get(url, params={"region_id": str(world.huangtun.id)}, headers=other),
        404,
        "not_found",
    )
    assert_problem(client.get(url, headers=other), 422, "validation_error")
    assert_problem(
        client.get(url, params={"region_id": str(world.huangtun.id)}, headers=world.as_("village")),
        403,
        "insufficient_scope",
    )
    # A region that is not a township works too: the sheet of one village.
    lone = village(db, world.huangtun, "孤村")
    served(db, lone, name="孤村律师")
    response = client.get(url, params={"region_id": str(lone.id)}, headers=world.as_("staff"))
    assert "孤村律师" in PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
