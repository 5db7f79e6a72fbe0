"""The explanation page in a real browser: ``sentikit analyze --explain --format html`` on an
English and a Turkish text with the shipped models, opened in headless Chromium (Debian's
``chromium`` and ``chromium-driver``, driven by selenium with the driver's path given, so that
Selenium Manager never looks for a download). The tokens must show, shaded green where they
push towards positive and red where they push towards negative, Turkish morphemes under their
words, a ``<script>`` in the input as text; a screenshot must hold both shades."""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from sentikit.cli.main import app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

EN = "A gorgeous, witty film & <script>alert('pwned')</script>, but the ending was awful."
TR = "Filmi hiç beğenmedim ama müzikleri harikaydı."


def _missing(why: str) -> None:
    """Skip for ``why``, or fail where the browser is required (``.ci/run`` sets
    ``SENTIKIT_REQUIRE_BROWSER=1`` once it has installed chromium)."""
    if os.environ.get("SENTIKIT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"SENTIKIT_REQUIRE_BROWSER=1 but {why}")
    pytest.skip(why)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium driven through /usr/bin/chromedriver; skips where it is absent."""
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        _missing(
            "chromium / chromium-driver not installed (apt-get install chromium "
            "chromium-driver; .ci/run installs them in CI)"
        )
    try:
        from selenium import webdriver
    except ImportError:
        _missing("selenium is not installed (it is in the dev extra)")
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        opts.add_argument(arg)
    opts.add_argument("--window-size=1200,900")
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The page of the English and the Turkish text, written by the command line."""
    out = tmp_path_factory.mktemp("html") / "explained.html"
    r = CliRunner().invoke(app, ["analyze", "--explain", "-o", str(out), EN, TR])
    assert r.exit_code == 0, r.stderr
    return out


def _rgb(css: str) -> tuple[int, int, int]:
    """``rgb(r, g, b)`` / ``rgba(r, g, b, a)`` as a triple."""
    r, g, b = (int(float(x)) for x in css[css.index("(") + 1 : css.index(")")].split(",")[:3])
    return r, g, b


def test_tokens_show_with_the_shade_of_their_sign(browser: Any, page: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.get(page.as_uri())
    # the script in the input is text: it did not run (an alert would fail every call)
    assert browser.title == "sentikit explanations"
    assert not browser.find_elements(By.TAG_NAME, "script")
    records = browser.find_elements(By.CSS_SELECTOR, "section.skx-rec")
    assert [r.get_attribute("lang") for r in records] == ["en", "tr"]
    assert "<script>alert('pwned')</script>" in records[0].text
    seen: dict[str, dict[str, str]] = {}
    for rec in records:
        for tok in rec.find_elements(By.CSS_SELECTOR, ".skx-tok"):
            assert tok.is_displayed()
            word = tok.text.split("\n")[0]  # the word, above its morphemes
            sign = tok.get_attribute("data-sign")
            r, g, b = _rgb(tok.value_of_css_property("background-color"))
            # a clear share is a clear hue; a share near zero is near white, never the other hue
            m = 10 if abs(float(tok.get_attribute("data-share"))) >= 0.1 else 0
            if sign == "pos":
                assert g >= r + m and g >= b and r <= b, (word, r, g, b)
            elif sign == "neg":
                assert r >= g + m and r >= b + m and g <= r, (word, r, g, b)
            else:
                assert (r, g, b) == (255, 255, 255), word
            seen[word] = {"sign": sign, "share": tok.get_attribute("data-share")}
    # what the shipped models say of these words, as the page shows it
    assert seen["gorgeous"]["sign"] == seen["harikaydı"]["sign"] == "pos"
    assert seen["awful"]["sign"] == seen["beğenmedim"]["sign"] == "neg"
    # each document's largest contribution is at full intensity
    for rec in records:
        shares = [float(t.get_attribute("data-share")) for t in rec.find_elements(
            By.CSS_SELECTOR, ".skx-tok")]  # fmt: skip
        assert max(abs(s) for s in shares) == 1.0
    morphs = records[1].find_elements(By.CSS_SELECTOR, ".skx-tok .skx-m")
    forms = [m.text for m in morphs]
    assert "beğen" in forms and all(m.is_displayed() for m in morphs)
    assert not records[0].find_elements(By.CSS_SELECTOR, ".skx-m")


def test_screenshot_holds_green_and_red_shades(browser: Any, page: Path, tmp_path: Path) -> None:
    try:
        from PIL import Image
    except ImportError:
        _missing("Pillow (a matplotlib dependency) is not installed")
    browser.get(page.as_uri())
    png = browser.get_screenshot_as_png()
    (tmp_path / "explained.png").write_bytes(png)
    img = Image.open(io.BytesIO(png)).convert("RGB")
    r, g, b = np.asarray(img, dtype=np.int32).reshape(-1, 3).T
    green = int(np.sum((g > r + 60) & (g > b + 30)))
    red = int(np.sum((r > g + 60) & (r > b + 60)))
    assert green > 200 and red > 200, (green, red)
