"""The axe helper the browser flows rely on reports what it should and passes what it should."""
from __future__ import annotations

import pytest

from tests.browser.accessibility import blocking_violations

pytestmark = pytest.mark.browser

PAGE = '<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>Title</h1>{}</main></body></html>'


@pytest.mark.parametrize(("body", "expected_rule"), [
    ('<img src="photo.png">', "image-alt"),
    ('<label>Name</label><input type="text">', "label"),
    ('<p style="color:#999;background:#fff">Pale grey text</p>', "color-contrast"),
    ('<button type="button"></button>', "button-name"),
])
def test_serious_or_critical_problems_are_reported(page, body, expected_rule):
    page.set_content(PAGE.format(body))
    assert expected_rule in {violation["id"] for violation in blocking_violations(page)}


def test_a_plain_labelled_page_passes(page):
    page.set_content(PAGE.format('<label for="name">Name</label><input id="name" type="text">'
                                 '<button type="submit">Save</button>'))
    assert blocking_violations(page) == []
