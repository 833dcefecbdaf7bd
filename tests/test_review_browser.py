"""The review page in a real headless Chromium: a click on a finding highlights its figures and
scrolls them into view. Needs Debian's chromium and chromium-driver (make test installs them where it can)."""
import shutil

import pytest

from extractor.audit import audit
from extractor.review_page import render

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="no chromium/chromedriver on this machine")


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--window-size=1400,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def test_clicking_a_finding_highlights_and_scrolls_to_its_figures(browser, processed, tmp_path):
    from selenium.webdriver.common.by import By

    docs = list(processed.values())
    page = tmp_path / "review.html"
    page.write_text(render(docs, audit([f for d in docs for f in d.facts])), encoding="utf-8")
    browser.get(page.as_uri())
    findings = browser.find_elements(By.CSS_SELECTOR, "#findings li.finding")
    assert findings, "the corpus has findings"
    # the conflict between 000 and 001 sits far down the text: its figures start out of view
    target = next(f for f in findings if "342.8" in f.text)
    ids = target.get_attribute("data-facts").split()
    first = browser.find_element(By.ID, ids[0])
    assert "flash" not in first.get_attribute("class")
    target.click()
    for fact_id in ids:
        assert "flash" in browser.find_element(By.ID, fact_id).get_attribute("class")
    in_view = browser.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", first)
    assert in_view
    browser.save_screenshot(str(tmp_path / "review.png"))
    assert (tmp_path / "review.png").stat().st_size > 10_000


def test_hostile_text_runs_nothing(browser, tmp_path):
    import extractor

    doc = extractor.process("全市开发区出让标准地12宗<img src=x onerror=\"document.title='pwned'\">。", doc_id="x", year=2024)
    page = tmp_path / "hostile.html"
    page.write_text(render([doc], audit(doc.facts)), encoding="utf-8")
    browser.get(page.as_uri())
    assert browser.title == "bulletin-facts review"
    assert "<img" in browser.find_element("css selector", "main").text
