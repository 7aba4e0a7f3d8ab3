"""The web page in a real headless browser: Debian's Chromium, driven by Selenium.

Fill the form and see the posting, copy it, paste a posting and see its findings,
use it with the keyboard alone, and use it with JavaScript turned off. Screenshots
of each page at desktop and phone widths go to a temporary folder (or to the folder
named by ``CSM_ROLES_SCREENSHOTS``), to be looked at.

`.ci/run` installs Chromium and ChromeDriver when they are missing, so CI always
runs these tests; elsewhere they skip when no browser is found.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("selenium", reason="selenium is in the dev extra")

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select, WebDriverWait

from csm_roles import server
from csm_roles.server._run import ServerThread

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
DESKTOP = (1280, 1000)
PHONE = (390, 844)
READ_CLIPBOARD = (
    "const done = arguments[0]; navigator.clipboard.readText().then(done, (e) => done(String(e)));"
)
POSTING = """Customer Success Manager

We need a rockstar CSM to own 150 enterprise accounts.

What you will do
- Keep customers happy.

Competitive salary.
"""


def _programs() -> tuple[str, str]:
    browser = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    driver = shutil.which("chromedriver")
    if browser is None or driver is None:
        missing = "Chromium" if browser is None else "ChromeDriver"
        if os.environ.get("CI"):
            pytest.fail(
                f"{missing} is not installed; .ci/run installs it (apt-get install chromium chromium-driver)"
            )
        pytest.skip(f"{missing} is not installed (apt-get install chromium chromium-driver)")
    return browser, driver


def _chrome(*, javascript: bool = True) -> webdriver.Chrome:
    browser, driver = _programs()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in (
        "--headless=new",
        "--no-sandbox",  # the tests may run as root
        "--disable-gpu",
        "--disable-dev-shm-usage",
        # no calls home: the machine's network may be closed
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        f"--user-data-dir={tempfile.mkdtemp(prefix='csm-roles-chrome-')}",
        f"--window-size={DESKTOP[0]},{DESKTOP[1]}",
    ):
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    try:
        return webdriver.Chrome(options=options, service=Service(executable_path=driver))
    except WebDriverException as err:
        pytest.fail(f"Chromium did not start: {err.msg}")


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with ServerThread(server.create_app()) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    driver = _chrome()
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("CSM_ROLES_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _shoot(driver: webdriver.Chrome, folder: Path, name: str) -> None:
    """Screenshots of the whole page at desktop and phone widths; the page must not scroll sideways."""
    for label, (width, height) in (("desktop", DESKTOP), ("phone", PHONE)):
        driver.set_window_size(width, height)
        full = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(width, min(int(full) + 140, 6000))
        overflow = driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} scrolls sideways at {label} width by {overflow}px"
        assert driver.save_screenshot(str(folder / f"{name}-{label}.png"))
    driver.set_window_size(*DESKTOP)


def _wait(driver: webdriver.Chrome, condition: Callable[[Any], Any], what: str) -> Any:
    try:
        # a page that is being replaced leaves stale elements: look again until it settles
        return WebDriverWait(driver, 15, ignored_exceptions=(StaleElementReferenceException,)).until(
            condition
        )
    except TimeoutException:
        shown = driver.find_element(By.TAG_NAME, "main").text[:800]
        pytest.fail(f"timed out waiting for {what}; the page shows: {shown}")


def _posting(driver: webdriver.Chrome) -> str:
    text: str = driver.find_element(By.CSS_SELECTOR, "#result .posting").text
    return text


def _type(element: WebElement, text: str) -> None:
    element.clear()
    element.send_keys(text)


def test_fill_the_form_and_see_the_posting(browser: webdriver.Chrome, url: str, shots: Path) -> None:
    browser.get(f"{url}/")
    assert "Associate Customer Success Manager (SMB)" in _posting(browser)
    Select(browser.find_element(By.ID, "segment")).select_by_visible_text("Enterprise")
    Select(browser.find_element(By.ID, "industry")).select_by_visible_text("Healthcare")
    _type(browser.find_element(By.ID, "location"), "Boston, MA")
    _type(browser.find_element(By.ID, "company_name"), "Northwind")
    _type(browser.find_element(By.ID, "company_benefits"), "Health cover\nA learning budget")
    _type(browser.find_element(By.ID, "pay_low"), "130000")
    _type(browser.find_element(By.ID, "pay_high"), "150000")
    _wait(browser, lambda d: "Northwind is hiring" in _posting(d) and "$130,000–$150,000" in _posting(d),
          "the posting to follow the form")  # fmt: skip
    posting = _posting(browser)
    assert "Senior Customer Success Manager (Enterprise)" in posting
    assert "A learning budget" in posting and "Boston, MA" in posting
    assert "company_name=Northwind" in browser.current_url  # the address can be shared or bookmarked
    warnings = browser.find_element(By.CSS_SELECTOR, ".warnings").text
    assert "No closing date" in warnings
    assert all(b.is_displayed() for b in browser.find_elements(By.CSS_SELECTOR, "button[data-copy]"))
    _shoot(browser, shots, "build")


def test_copy_as_markdown_and_html(browser: webdriver.Chrome, url: str) -> None:
    browser.get(f"{url}/?segment=mid-market&company_name=Northwind")
    browser.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"origin": url, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )
    status = browser.find_element(By.CSS_SELECTOR, ".actions .status")
    for label, start in (("Markdown", "# Customer Success Manager"), ("HTML", '<article class="csm-job">')):
        browser.find_element(By.XPATH, f"//button[text()='Copy as {label}']").click()
        _wait(browser, lambda _d, label=label: status.text == f"{label} copied.", f"{label} to be copied")  # type: ignore[misc]
        copied = browser.execute_async_script(READ_CLIPBOARD)
        assert copied.startswith(start), copied[:200]
        assert "Northwind" in copied


def test_paste_a_posting_and_see_the_findings(browser: webdriver.Chrome, url: str, shots: Path) -> None:
    browser.get(f"{url}/check")
    browser.find_element(By.ID, "text").send_keys(POSTING)
    Select(browser.find_element(By.ID, "level")).select_by_visible_text("Senior CSM")
    browser.find_element(By.XPATH, "//button[text()='Check the posting']").click()
    marks = _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "pre.marked mark"), "the findings")
    assert "rockstar" in [m.text for m in marks]
    summary = browser.find_element(By.CSS_SELECTOR, ".summary").text
    assert "1 error" in summary  # no pay range
    items = browser.find_elements(By.CSS_SELECTOR, "ol.findings li")
    assert any("the posting as a whole" in item.text for item in items)
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "ol.findings a") if a.get_attribute("href"))
    link.click()
    target = browser.execute_script("return document.querySelector(':target').tagName")
    assert target == "MARK"
    assert browser.find_element(By.ID, "text").get_attribute("value") == POSTING  # the text stays for editing
    _shoot(browser, shots, "check")


def test_the_pay_bands_page(browser: webdriver.Chrome, url: str, shots: Path) -> None:
    browser.get(f"{url}/bands")
    image = browser.find_element(By.CSS_SELECTOR, ".chart img")
    loaded = "return arguments[0].complete && arguments[0].naturalWidth"
    _wait(browser, lambda d: d.execute_script(loaded, image), "the chart to load")
    Select(browser.find_element(By.ID, "by")).select_by_visible_text("Metro")
    browser.find_element(By.XPATH, "//button[text()='Show']").click()
    _wait(browser, lambda d: "by metro" in d.find_element(By.TAG_NAME, "caption").text, "the metro chart")
    assert len(browser.find_elements(By.CSS_SELECTOR, "tbody tr")) == 8
    _shoot(browser, shots, "bands")


def _focused(driver: webdriver.Chrome) -> str:
    found: str = driver.execute_script(
        "const e = document.activeElement; return e.id || e.textContent.trim() || e.tagName;"
    )
    return found


def _press(driver: webdriver.Chrome, *keys: str) -> None:
    webdriver.ActionChains(driver).send_keys(*keys).perform()


def test_keyboard_only(browser: webdriver.Chrome, url: str) -> None:
    browser.get(f"{url}/")
    _press(browser, Keys.TAB)
    assert _focused(browser) == "Skip to the content"  # the skip link comes first
    _press(browser, Keys.ENTER)
    assert _focused(browser) == "main"
    order = []
    for _ in range(40):
        _press(browser, Keys.TAB)
        order.append(_focused(browser))
        outline = browser.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", f"{order[-1]} shows no focus"
        if order[-1] == "Show the posting":
            break
    fields = ["segment", "level", "location", "work_model", "industry", "technical", "company_name",
              "company_benefits", "pay_low", "pay_high", "currency", "Show the posting"]  # fmt: skip
    assert [item for item in order if item in fields] == fields
    # choose a segment and type a company with the keyboard, then send the form with Enter
    browser.find_element(By.ID, "segment").send_keys("e")  # a select jumps to the option starting with "e"
    field = browser.find_element(By.ID, "company_name")
    field.send_keys("Keyboard Co")
    field.send_keys(Keys.ENTER)
    _wait(browser, lambda d: "Keyboard Co is hiring" in _posting(d), "the posting after Enter")
    assert "(Enterprise)" in _posting(browser)
    # the copy buttons and links are reachable too
    order = []
    for _ in range(40):
        _press(browser, Keys.TAB)
        order.append(_focused(browser))
        if order[-1] == "Download JSON-LD":
            break
    assert order.index("Show the posting") < order.index("Copy as Markdown") < order.index("Download JSON-LD")


def test_the_forms_work_without_javascript(url: str, shots: Path) -> None:
    driver = _chrome(javascript=False)
    try:
        driver.get(f"{url}/")
        assert all(not b.is_displayed() for b in driver.find_elements(By.CSS_SELECTOR, "button[data-copy]"))
        _type(driver.find_element(By.ID, "company_name"), "Plain Forms Inc")
        Select(driver.find_element(By.ID, "level")).select_by_visible_text("Senior CSM")
        driver.find_element(By.XPATH, "//button[text()='Show the posting']").click()
        _wait(
            driver, lambda d: "Plain Forms Inc is hiring" in _posting(d), "the posting rendered by the server"
        )
        assert "Senior Customer Success Manager (SMB)" in _posting(driver)
        driver.find_element(By.LINK_TEXT, "Markdown").click()
        _wait(
            driver, lambda d: d.find_element(By.TAG_NAME, "body").text.startswith("# Senior"), "the Markdown"
        )
        driver.get(f"{url}/check")
        driver.find_element(By.ID, "text").send_keys("Be a ninja.")
        driver.find_element(By.XPATH, "//button[text()='Check the posting']").click()
        _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "pre.marked mark"), "the findings")
        _shoot(driver, shots, "no-javascript-check")
    finally:
        driver.quit()
