"""Pages every public body needs: about, accessibility statement, privacy and 404."""

from __future__ import annotations

from .conftest import TODAY


def test_statement_pages_are_filled_from_config(sample_build):
    site = sample_build.root / "site"
    statement = (site / "toegankelijkheid/index.html").read_text(encoding="utf-8")
    assert "voldoet gedeeltelijk" in statement
    assert "mailto:toegankelijkheid@swv-duinkust.nl" in statement
    assert "binnen 5 werkdagen" in statement
    privacy = (site / "privacy/index.html").read_text(encoding="utf-8")
    assert "geen cookies" in privacy
    assert "mailto:privacy@swv-duinkust.nl" in privacy
    missing = (site / "404.html").read_text(encoding="utf-8")
    assert "Deze pagina bestaat niet (meer)" in missing
    assert 'action="/scholen/"' in missing
    assert 'name="q"' in missing


def test_school_page_links_the_stories_about_it(sample_build):
    from sop_builder.project.load import load_project

    project = load_project(sample_build.root, today=TODAY)
    linked = 0
    for school in project.schools:
        page = (sample_build.root / f"site/scholen/{school.slug}/index.html").read_text(
            encoding="utf-8"
        )
        stories = project.offer.stories_about(school.slug)
        assert ("Verhalen over deze school" in page) == bool(stories)
        for story in stories:
            assert f'href="../../{story.url}"' in page
            assert (sample_build.root / "site" / story.url / "index.html").is_file()
            linked += 1
    assert linked >= 3
