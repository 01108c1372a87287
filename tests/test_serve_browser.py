"""`retailkg serve`'s page in a real browser: headless Chromium driven by Selenium (chromium-driver).

The server is the command itself (``python -m retailkg serve`` on 127.0.0.1, a free port), the
browser a fresh profile. What a person would do is done by clicking: open a named query from
the library, run it, switch to the pivot and chart views. Chrome's performance log records
every request the page makes, so "nothing leaves 127.0.0.1" is checked on what really happened,
and its console log shows any Content-Security-Policy violation. The expected rows come from the
library running the same named query, never from a list typed here.

A screenshot is written to the test's temporary folder; with RETAILKG_SCREENSHOTS=1 it also
replaces docs/img/serve-yasgui.png and docs/img/serve-yasgui-chart.png.

Without chromium or chromedriver the tests are skipped with the reason, except in CI (CI=true),
where .ci/run installs both and a skip would hide a broken page: there they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import query_support as qs

from retailkg.query.catalogue import get_query
from retailkg.query.engines import OxigraphEngine

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
WAIT = 30  # seconds for a page or a result to appear


def _browser_or_skip() -> tuple[str, str]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver = shutil.which("chromedriver")
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing = "the selenium package (pip install '.[test]')"
    else:
        missing = ", ".join(n for n, p in (("chromium", chromium), ("chromedriver (apt-get install chromium-driver)", driver)) if not p)
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI must run the browser test, but {missing} is missing: .ci/run installs it")
        pytest.skip(f"{missing} not installed (.ci/run installs it: apt-get install chromium chromium-driver)")
    assert chromium and driver
    return chromium, driver


@pytest.fixture(scope="module")
def served(kg: Path) -> Iterator[str]:
    """``retailkg serve`` on a free port of 127.0.0.1, stopped by its PID at the end."""
    _browser_or_skip()
    port = qs.free_port()
    env = dict(os.environ, XDG_CACHE_HOME=str(qs.cache_root()))
    proc = subprocess.Popen([sys.executable, "-m", "retailkg", "serve", "--port", str(port), "-q"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}/"
    try:
        qs.wait_until_ready(f"{base}sparql?query=ASK%7B%7D", proc)  # type: ignore[arg-type]
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(served: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    chromium, driver = _browser_or_skip()
    options = Options()
    options.binary_location = chromium
    profile = tmp_path_factory.mktemp("chromium-profile")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1440,1200",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--lang=en-US", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    chrome = webdriver.Chrome(service=Service(driver), options=options)
    chrome.set_page_load_timeout(WAIT)
    try:
        yield chrome
    finally:
        chrome.quit()


def _wait(browser: Any, script: str, what: str) -> Any:
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(browser, WAIT).until(lambda b: b.execute_script(script))
    except TimeoutException:
        logs = [e["message"] for e in browser.get_log("browser")]
        raise AssertionError(f"timed out waiting for {what}; browser console: {logs}") from None


def _open_page(browser: Any, base: str) -> None:
    browser.get(base)
    _wait(browser, "return document.body.dataset.ready === 'true'", "the page to start")


ACTIVE = "document.querySelector('.tabPanel.active')"


def _run_named(browser: Any, name: str, *, clicked: bool = True) -> None:
    """Click the query's name in the library (or not: opened by a link), then YASQE's run button."""
    from selenium.webdriver.common.by import By

    if clicked:
        browser.find_element(By.CSS_SELECTOR, f'#library-list li[data-name="{name}"] button.open').click()
    _wait(browser, f"return {ACTIVE} && document.querySelector('.tabsList .tab.active') && "
                   f"document.querySelector('.tabsList .tab.active').textContent.includes({json.dumps(name)})",
          f"the tab of {name}")
    browser.find_element(By.CSS_SELECTOR, ".tabPanel.active .yasqe_queryButton").click()
    _wait(browser, f"return /\\d+ results? in/.test({ACTIVE}.querySelector('.yasr_response_chip').textContent)",
          f"the results of {name}")


def _library_rows(name: str, kg: Path) -> tuple[list[str], list[list[str]]]:
    """The named query run by the library with its example's values: the rows the page must show."""
    q = get_query(name)
    table = OxigraphEngine(kg).query(q.text, q.bindings(q.example_params()))
    return table.vars, [["" if t is None else str(t) for t in row] for row in table.rows]


def _table_rows(browser: Any) -> list[list[str]]:
    """The current page of the results table: an IRI cell as its link target, any other as its text (no row numbers)."""
    return browser.execute_script(f"""
        return Array.from({ACTIVE}.querySelectorAll('.yasr_results table tbody tr')).map(tr =>
          Array.from(tr.cells).filter(td => !td.querySelector('.rowNumber')).map(td => {{
            const a = td.querySelector('a.iri');
            return a ? a.getAttribute('href') : td.textContent.trim();
          }}));""")


def _requests(browser: Any) -> list[str]:
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def _screenshot(browser: Any, tmp_path: Path, name: str) -> Path:
    shot = tmp_path / name
    browser.execute_script("document.getElementById('library').scrollTop = 0; window.scrollTo(0, 0);")
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 20_000
    if os.environ.get("RETAILKG_SCREENSHOTS") == "1":
        (REPO / "docs" / "img").mkdir(exist_ok=True)
        shutil.copyfile(shot, REPO / "docs" / "img" / name)
    return shot


def test_a_named_query_runs_and_the_table_shows_the_librarys_rows(browser: Any, served: str, kg: Path,
                                                                   tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    _open_page(browser, served)
    browser.get_log("performance")  # only what follows counts below
    _run_named(browser, "post-duties")
    names, expected = _library_rows("post-duties", kg)
    assert 0 < len(expected) <= 50, "one page of the table"
    header = browser.execute_script(f"return Array.from({ACTIVE}.querySelectorAll('.yasr_results thead th'))"
                                    ".slice(1).map(th => th.textContent.trim())")
    assert header == names
    browser.find_element(By.CSS_SELECTOR, ".tabPanel.active .tableControls label.switch").click()  # "Simple view": values as they are
    _wait(browser, f"return !{ACTIVE}.querySelector('.yasr_results sup')", "the simple view")
    assert _table_rows(browser) == expected
    _screenshot(browser, tmp_path, "serve-yasgui.png")
    assert any(u.endswith("/sparql") for u in _requests(browser)), "the query went to this server's endpoint"


def test_results_are_paged(browser: Any, served: str, kg: Path) -> None:
    from selenium.webdriver.common.by import By

    _open_page(browser, served + "?named=function-taxonomy")  # a link that opens a named query
    _run_named(browser, "function-taxonomy", clicked=False)
    _, expected = _library_rows("function-taxonomy", kg)
    assert len(expected) > 100
    pages = browser.execute_script(f"return {ACTIVE}.querySelectorAll('.dt-paging-button:not(.first):not(.previous)"
                                   ":not(.next):not(.last)').length")
    assert pages == -(-len(expected) // 50)
    first = _table_rows(browser)
    browser.find_element(By.CSS_SELECTOR, ".tabPanel.active .dt-paging-button.next").click()
    _wait(browser, f"return {ACTIVE}.querySelector('.dt-paging-button.current').textContent.trim() === '2'", "page 2")
    second = _table_rows(browser)
    assert [len(first), len(second)] == [50, 50]
    assert [r[3] for r in first + second] == [r[3] for r in expected[:100]]  # ?fn, an IRI: the link target


def test_pivot_and_chart_views_summarise_the_rows(browser: Any, served: str, kg: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    _open_page(browser, served)
    _run_named(browser, "headcount-by-department")
    names, rows = _library_rows("headcount-by-department", kg)
    label, value = names.index("department"), names.index("posts")  # the first text column, the first number
    totals: dict[str, int] = {}
    for row in rows:
        totals[row[label]] = totals.get(row[label], 0) + int(row[value])

    browser.find_element(By.CSS_SELECTOR, ".tabPanel.active .select_pivot").click()
    _wait(browser, f"return {ACTIVE}.querySelector('.rkg-pivot table.pvtTable')", "the pivot table")
    pivot = browser.execute_script(f"""
        const t = {ACTIVE}.querySelector('.rkg-pivot table.pvtTable');
        return [Array.from(t.querySelectorAll('th.pvtRowLabel')).map(th => th.textContent.trim()),
                t.querySelector('.pvtGrandTotal').textContent.trim()];""")
    assert sorted(pivot[0]) == sorted(totals) and pivot[1] == str(len(rows))  # one row per department; Count
    csv = browser.execute_script("return retailkgYasgui.getTab().getYasr().plugins.pivot.download('x').getData()")
    assert csv.splitlines()[-1] == f"Totals,{len(rows)}"

    browser.find_element(By.CSS_SELECTOR, ".tabPanel.active .select_chart").click()
    _wait(browser, f"return {ACTIVE}.querySelector('svg.rkg-chart g.bar')", "the chart")
    bars = browser.execute_script(f"return Array.from({ACTIVE}.querySelectorAll('svg.rkg-chart g.bar > title'))"
                                  ".map(t => t.textContent)")
    assert sorted(bars) == sorted(f"{k}: {v}" for k, v in totals.items())
    svg = browser.execute_script("return retailkgYasgui.getTab().getYasr().plugins.chart.download('x').getData()")
    assert svg.startswith("<svg") and svg.count("<rect") == len(totals)
    _screenshot(browser, tmp_path, "serve-yasgui-chart.png")
    browser.find_element(By.CSS_SELECTOR, ".tabPanel.active .select_table").click()  # leave the tab as a person finds it


def test_the_page_makes_no_request_beyond_127_0_0_1(browser: Any, served: str) -> None:
    """Everything a visit does, completion included, stays on this server; the console shows no CSP violation."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _open_page(browser, served)  # the browser's start page out of the way
    browser.execute_script("localStorage.clear()")  # a first visit: no tabs kept from the tests before
    browser.get_log("performance")
    browser.get_log("browser")
    _open_page(browser, served)
    _run_named(browser, "documents")
    # in a new tab, type a query: the prefix is declared as it is typed, classes complete from this graph
    browser.find_element(By.CSS_SELECTOR, ".tabsList .addTab").click()
    browser.find_element(By.CSS_SELECTOR, ".tabPanel.active .CodeMirror").click()
    ActionChains(browser).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).send_keys(Keys.DELETE).perform()
    ActionChains(browser).send_keys("SELECT * WHERE { ?x a rkg:Po").perform()
    editor = "retailkgYasgui.getTab().getYasqe()"
    _wait(browser, f"return {editor}.getValue().startsWith('PREFIX rkg: <https://w3id.org/retailkg/ontology#>')",
          "the rkg prefix to be declared")
    ActionChains(browser).key_down(Keys.CONTROL).send_keys(Keys.SPACE).key_up(Keys.CONTROL).perform()
    _wait(browser, "const h = document.querySelector('.CodeMirror-hints'); "
                   f"return (h && h.textContent.includes('rkg:Post')) || {editor}.getValue().includes('rkg:Post')",
          "rkg:Post among the completions")
    urls = _requests(browser)
    assert any(u.endswith("/static/yasgui/yasgui.min.js") for u in urls) and any(u.endswith("/queries.json") for u in urls)
    assert sum(u.endswith("/sparql") for u in urls) >= 2, "the query and the completion list"
    outside = [u for u in urls if not (u.startswith(served) or u.startswith(("data:", "blob:")))]
    assert outside == []
    console = browser.get_log("browser")
    assert not [e for e in console if "Content Security Policy" in e["message"] or "Refused to" in e["message"]], console
    assert not [e for e in console if e["level"] == "SEVERE"], console
