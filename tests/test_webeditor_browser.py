"""The web editor end to end in headless Chromium: change a school's visie and save it."""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import shutil
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from sop_builder.cli.main import main
from sop_builder.editor.server import running_editor
from sop_builder.publish.public import build_site

from .axe import axe_source_or_skip, describe, run_axe
from .browser import QuietFiles as _QuietFiles
from .browser import refuse_other_hosts, serve, wait_for_change
from .conftest import TODAY, add_new_school

SLUG = "de-vlieger"
VISIE = "Wij geven elk kind een warme plek om te leren."


def _watch(context, page) -> tuple[list[str], list[str]]:
    """Block and record requests to other hosts; record console errors and page errors."""
    outside = refuse_other_hosts(context)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return outside, errors


@pytest.mark.parametrize("width", [1280, 375])
def test_editor_changes_the_visie_and_keeps_every_other_field_and_comment(
    sample: Path, browser, tmp_path: Path, width: int
):
    add_new_school(sample)
    file = sample / "content" / "schools" / SLUG / "sop.md"
    before = file.read_text(encoding="utf-8")
    assert before.count("\n# ") > 20  # the new school's file explains every field in comments

    with running_editor(sample, today=TODAY) as url:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        outside, errors = _watch(context, page)
        page.goto(url + "/admin/")
        page.get_by_role("button", name="Inloggen").click()
        page.get_by_role("link", name="Schoolprofielen").first.wait_for()
        page.goto(f"{url}/admin/#/collections/scholen/entries/{SLUG}/sop")
        assert page.get_by_label("Naam van de school").input_value() == "De Vlieger"
        page.get_by_text("Wijzigingen opgeslagen").wait_for()  # the entry is loaded
        # Type the visie under its heading, as a person would: click at the end of the heading.
        heading = page.locator("[data-slate-string]", has_text="## Visie")
        box = heading.bounding_box()
        assert box is not None
        heading.click(position={"x": box["width"] - 1, "y": box["height"] / 2})
        page.keyboard.press("End")
        page.keyboard.press("Enter")
        page.keyboard.press("Enter")
        page.keyboard.type(VISIE)
        page.locator("[data-slate-string]", has_text=VISIE).wait_for()
        lines = page.locator("[data-slate-string]").all_inner_texts()
        assert lines[lines.index("## Visie") + 1] == VISIE, lines[:4]
        page.get_by_text("Niet-opgeslagen wijzigingen").wait_for()
        page.get_by_role("button", name="Publiceer").click()
        page.get_by_role("menuitem", name="Publiceer nu").click()
        page.get_by_text("Wijzigingen opgeslagen").wait_for()
        after = wait_for_change(file, before)
        page.screenshot(path=str(tmp_path / f"webeditor-{width}.png"))
        assert outside == []
        assert errors == []
        context.close()

    assert after == before.replace("## Visie\n\n", f"## Visie\n\n{VISIE}\n\n", 1)
    checked = CliRunner().invoke(main, ["check", "--map", str(sample), "--datum", "2026-11-23"])
    assert checked.exit_code == 0, checked.output
    # Begun but not complete (fields still marked INVULLEN): held back, never half published.
    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    assert not (sample / "site" / "scholen" / SLUG / "index.html").exists()
    # The school fills in the rest (here: it keeps the values and removes the marks).
    file.write_text(after.replace(" INVULLEN\n", "\n"), encoding="utf-8")
    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    page_html = (sample / "site" / "scholen" / SLUG / "index.html").read_text(encoding="utf-8")
    assert VISIE in page_html


def test_admin_page_of_the_built_site_loads_under_its_policy_without_outside_requests(
    sample_build, browser
):
    with serve(sample_build.root / "site") as base:
        context = browser.new_context(viewport={"width": 375, "height": 800})
        page = context.new_page()
        outside, errors = _watch(context, page)
        page.goto(base + "/admin/")
        page.get_by_role("button", name="Inloggen met GitHub").wait_for()
        assert page.evaluate("document.documentElement.lang") == "nl"
        assert outside == []
        assert [e for e in errors if "Content Security Policy" in e] == []
        context.close()


# Each screen is opened from its list, as a person would (Decap does not load an entry that is
# opened straight from another entry's form), and is checked once a field shows its value.
EDITOR_SCREENS = [  # (list, entry or None, label of a field, its value)
    ("scholen", None, None, None),
    ("scholen", "de-boomgaard/sop", "Naam van de school", "Basisschool De Boomgaard"),
    ("zelfevaluaties", "de-boomgaard-2025-2026", "Schooljaar", "2025-2026"),
    ("workshops", "rust-in-de-klas", "Titel", "Rust in de klas"),
    ("verhalen", "new", "Titel", ""),
]


def test_editor_screens_pass_axe_at_desktop_and_phone_width(sample: Path, browser):
    source = axe_source_or_skip()
    found: dict[str, str] = {}
    with running_editor(sample, today=TODAY) as url:
        for width in (1280, 375):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(url + "/admin/")
            page.get_by_role("button", name="Inloggen").wait_for()
            found[f"{width} /admin/"] = describe(run_axe(page, source))
            page.get_by_role("button", name="Inloggen").click()
            page.get_by_role("link", name="Schoolprofielen").first.wait_for()
            # No media library: nobody uploads photos into the content repository from here.
            page.get_by_role("button", name="Media").wait_for(state="hidden")
            for collection, entry, label, value in EDITOR_SCREENS:
                page.goto(f"{url}/admin/#/collections/{collection}")
                page.get_by_role("link", name="Schoolprofielen").first.wait_for()
                screen = f"/admin/#/collections/{collection}"
                if entry is not None:
                    screen += "/new" if entry == "new" else f"/entries/{entry}"
                    page.goto(url + screen)
                    field = page.get_by_label(label, exact=True)
                    field.wait_for()
                    assert field.input_value() == value, screen
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(500)  # the repairs of webeditor_a11y.py run per frame
                found[f"{width} {screen}"] = describe(run_axe(page, source))
                # No message of Decap's own (such as "Kan voorvertoning niet laden").
                assert page.locator(".Toastify__toast-body").all_inner_texts() == [], screen
                # The form fits the screen: nothing sticks out sideways on a phone.
                assert page.evaluate("document.documentElement.scrollWidth") <= width, screen
            page.close()
    assert {k: v for k, v in found.items() if v} == {}


def test_changing_one_workshop_field_changes_only_that_line(sample: Path, browser):
    """Decap sends the whole file in its own YAML style; only the changed line may differ."""
    file = sample / "content/aanbod/workshops/rust-in-de-klas.md"
    before = file.read_text(encoding="utf-8")
    with running_editor(sample, today=TODAY) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url + "/admin/")
        page.get_by_role("button", name="Inloggen").click()
        page.goto(url + "/admin/#/collections/workshops/entries/rust-in-de-klas")
        assert page.get_by_label("Titel").input_value() == "Rust in de klas"
        places = page.get_by_label("Plaatsen")
        assert places.input_value() == "20"
        places.fill("24")
        page.get_by_text("Niet-opgeslagen wijzigingen").wait_for()
        page.get_by_role("button", name="Publiceer").click()
        page.get_by_role("menuitem", name="Publiceer nu").click()
        page.get_by_text("Wijzigingen opgeslagen").wait_for()
        after = wait_for_change(file, before)
        page.close()
    assert after == before.replace("plaatsen: 20\n", "plaatsen: 24\n")


def test_self_assessment_form_writes_a_score_with_its_explanation(sample: Path, browser):
    """The score widget: a dropdown and an explanation box; only that agreement changes."""
    file = sample / "content/schools/de-boomgaard/zelfevaluatie-2025-2026.yaml"
    before = file.read_text(encoding="utf-8")
    explanation = "In groep 3 nog niet."
    with running_editor(sample, today=TODAY) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        outside, errors = _watch(context, page)
        page.goto(url + "/admin/")
        page.get_by_role("button", name="Inloggen").click()
        page.goto(url + "/admin/#/collections/zelfevaluaties")
        page.get_by_text("Basisschool De Boomgaard, schooljaar 2025-2026").click()
        score = page.get_by_label("BO-02: ", exact=False).first
        assert score.input_value() == "ja"
        explained = page.get_by_label("BO-25: ", exact=False).first
        assert explained.input_value() == "nee"
        score.select_option("deels")
        box = page.locator(f"#{score.get_attribute('id')}-toelichting")
        box.fill(explanation)
        page.get_by_role("button", name="Publiceer").click()
        page.get_by_role("menuitem", name="Publiceer nu").click()
        page.get_by_text("Wijzigingen opgeslagen").wait_for()
        after = wait_for_change(file, before)
        assert outside == []
        assert errors == []
        context.close()
    assert after == before.replace(
        "  BO-02: ja\n", f"  BO-02:\n    score: deels\n    toelichting: {explanation}\n"
    )


# --- issue 21: versions per tab, refusals in the form's words, `_headers` -----------------------


def _publish(page) -> None:
    page.get_by_role("button", name="Publiceer").click()
    page.get_by_role("menuitem", name="Publiceer nu").click()


def _open_workshop(context, url: str):
    page = context.new_page()
    page.goto(url + "/admin/")
    login, menu = (
        page.get_by_role("button", name="Inloggen"),
        page.get_by_role("link", name="Workshops"),
    )
    login.or_(menu).first.wait_for()
    if login.is_visible():  # the second tab shares the first one's login
        login.click()
    page.goto(url + "/admin/#/collections/workshops/entries/rust-in-de-klas")
    page.get_by_label("Plaatsen").wait_for()
    assert page.get_by_label("Plaatsen").input_value() == "20"
    return page


def test_a_second_tab_with_an_older_copy_gets_a_conflict_and_overwrites_nothing(
    sample: Path, browser, tmp_path: Path
):
    """Two tabs open the same workshop; the first saves; the second, still showing the old
    copy, is refused in Dutch (Decap's proxy protocol sends no version: the page sends the one
    it was served, see editor/admin.py) and the first tab's change stays."""
    file = sample / "content/aanbod/workshops/rust-in-de-klas.md"
    before = file.read_text(encoding="utf-8")
    with running_editor(sample, today=TODAY) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        first, second = _open_workshop(context, url), _open_workshop(context, url)
        first.get_by_label("Plaatsen").fill("24")
        _publish(first)
        first.get_by_text("Wijzigingen opgeslagen").wait_for()
        saved = wait_for_change(file, before)
        assert saved == before.replace("plaatsen: 20\n", "plaatsen: 24\n")
        second.get_by_label("Plaatsen").fill("30")
        _publish(second)
        toast = second.locator(".Toastify__toast-body", has_text="veranderd sinds u het opende")
        toast.wait_for()
        text = toast.inner_text()
        second.screenshot(path=str(tmp_path / "conflict.png"))
        assert "API_ERROR" not in text
        # The first tab saves again (with the version its own save gave it).
        first.get_by_label("Plaatsen").fill("25")
        _publish(first)
        first.get_by_text("Wijzigingen opgeslagen").wait_for()
        after = wait_for_change(file, saved)
        context.close()
    assert after == before.replace("plaatsen: 20\n", "plaatsen: 25\n")


def test_a_save_that_breaks_another_school_is_refused_in_the_forms_words(
    sample: Path, browser, tmp_path: Path
):
    file = sample / "content/schools/de-boomgaard/sop.md"
    # One vestigingscode may stand for a school at two addresses (project/schools/validate.py),
    # so De Boomgaard is given De Duinroos's address: the same code there is a real clash.
    file.write_text(
        file.read_text(encoding="utf-8")
        .replace("straat: Appelgaard 9", "straat: Zeereep 12")
        .replace("postcode: 1949 BG", "postcode: 1941 AB"),
        encoding="utf-8",
    )
    before = file.read_bytes()
    with running_editor(sample, today=TODAY) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url + "/admin/")
        page.get_by_role("button", name="Inloggen").click()
        page.goto(url + "/admin/#/collections/scholen/entries/de-boomgaard/sop")
        code = page.get_by_label("Vestigingscode", exact=True)
        code.wait_for()
        page.get_by_text("Wijzigingen opgeslagen").wait_for()  # the entry is loaded
        code.fill("98XA00")  # De Duinroos's
        _publish(page)
        toast = page.locator(".Toastify__toast-body", has_text="Vestigingscode: deze wijziging")
        toast.wait_for()
        text = toast.inner_text()
        page.screenshot(path=str(tmp_path / "refused.png"))
        page.close()
    assert "98XA00 wordt ook gebruikt in" in text
    assert "Er is niets opgeslagen." in text
    assert "API_ERROR" not in text
    assert "regel" not in text
    assert file.read_bytes() == before


class _HostHeaders(_QuietFiles):
    """Serves a built site and applies its `_headers` as Netlify and Cloudflare Pages do: every
    rule whose path matches the request adds its headers ('*' matches anything, also nothing),
    so a header two rules give is sent twice."""

    rules: ClassVar[list[tuple[re.Pattern[str], list[tuple[str, str]]]]] = []

    def end_headers(self) -> None:
        path = self.path.split("?", 1)[0]
        for pattern, headers in self.rules:
            if pattern.fullmatch(path):
                for name, value in headers:
                    self.send_header(name, value)
        super().end_headers()


def _header_rules(text: str) -> list[tuple[re.Pattern[str], list[tuple[str, str]]]]:
    rules: ClassVar[list[tuple[re.Pattern[str], list[tuple[str, str]]]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            regex = "".join(
                ".*" if part == "*" else re.escape(part) for part in re.split(r"(\*)", line)
            )
            rules.append((re.compile(regex), []))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


@contextlib.contextmanager
def _serve_like_a_host(site: Path) -> Iterator[str]:
    handler = type(
        "Handler",
        (_HostHeaders,),
        {"rules": _header_rules((site / "_headers").read_text(encoding="utf-8"))},
    )
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


CSP_EVENTS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


def _admin_under_host_headers(site: Path, browser) -> tuple[bool, list[str], str]:
    """Open /admin/ from a server that applies `_headers`: whether Decap showed its login (so it
    read its configuration), the policy violations, and the page's text."""
    with _serve_like_a_host(site) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        context.add_init_script(CSP_EVENTS)
        page = context.new_page()
        outside = refuse_other_hosts(context)
        page.goto(base + "/admin/")
        login = page.get_by_role("button", name="Inloggen met GitHub")
        error = page.get_by_text("Error loading the CMS configuration")
        login.or_(error).first.wait_for(timeout=20_000)
        loaded = login.is_visible()
        page.wait_for_timeout(300)
        found = page.evaluate("window.__csp")
        text = page.inner_text("body")
        context.close()
    assert outside == []
    return loaded, found, text


def test_the_hosted_editor_loads_under_the_headers_file(sample_build, tmp_path: Path, browser):
    """Netlify and Cloudflare Pages send every matching rule of `_headers`; the site's policy
    under '/*' reached /admin/ too and Decap stopped ("Error loading the CMS configuration ...
    'unsafe-eval'"). /admin/ gets only its own policy; the pages keep the strict one."""
    site = tmp_path / "site"  # a copy of the shared build: this test changes its `_headers`
    shutil.copytree(sample_build.site, site)
    loaded, violations, text = _admin_under_host_headers(site, browser)
    assert loaded, (violations, text[:300])
    assert violations == [], (violations, text[:300])
    assert "Error loading" not in text
    with _serve_like_a_host(site) as base:
        for path, strict in (("/", True), ("/scholen/de-boomgaard/", True), ("/admin/", False)):
            with urllib.request.urlopen(base + path, timeout=10) as response:
                policies = response.headers.get_all("Content-Security-Policy") or []
            assert all("frame-ancestors 'none'" in p for p in policies), path
            assert policies, path
            assert any("script-src" in p for p in policies) is strict, (path, policies)
            assert "'unsafe-eval'" not in " ".join(policies), path
    # The test can fail: the `_headers` of before (the site's policy under '/*') stops Decap.
    header = next(
        line.split(": ", 1)[1]
        for line in (site / "_headers").read_text(encoding="utf-8").splitlines()
        if "script-src" in line
    )
    (site / "_headers").write_text(f"/*\n  Content-Security-Policy: {header}\n", encoding="utf-8")
    loaded, violations, text = _admin_under_host_headers(site, browser)
    assert not loaded
    assert "Error loading the CMS configuration" in text
