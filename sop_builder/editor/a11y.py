"""Small repairs to Decap CMS's screens: screen readers, contrast, the form on a phone, and no
media library (uploads of photos, of pupils too, do not belong in the content repository).

Decap CMS 3.16.3 (pinned in ``editor/assets.py``) leaves some buttons and its Markdown text box
without a name, and draws its menu links in a grey that is too light (axe-core: button-name,
aria-command-name, aria-input-field-name, color-contrast, label-content-name-mismatch). A stylesheet and a script of our own,
served beside Decap from the site, fix those. ``tests/test_webeditor_browser.py`` runs axe-core on
the editor's screens, so a new Decap version that changes its markup is noticed.
"""

from __future__ import annotations

ADMIN_CSS = """/* sop-builder: enough contrast for Decap CMS's menu (WCAG 2.1 AA). */
a[data-testid], [class*="AppHeaderButton"], [class*="AppHeaderSiteLink"], [class*="grayText"],
[class*="ButtonText"] { color: #3a4656 !important; }
a[data-testid].active, [class*="buttonActive"] { color: #1d5fbf !important; }
[class*="textBadgeDanger"] { color: #a50e2d !important; }
[class*="PublishButton"] { background-color: #0b5f6b !important; color: #fff !important; }
/* sop-builder: the form fits a phone (Decap sets min-width: 800px). */
@media (max-width: 799px) {
  [class*="EditorContainer"], [class*="ToolbarContainer"] { min-width: 0 !important; }
  [class*="EditorContainer"] { padding-top: 0 !important; }
  [class*="ToolbarContainer"] {
    position: static !important; flex-wrap: wrap; height: auto !important;
  }
}
"""

ADMIN_JS = """// sop-builder: names for Decap CMS's unnamed buttons and text boxes (screen readers).
(function () {
  "use strict";
  function labelOf(node) {
    var control = node.closest("[aria-label$=' field']");
    var label = control && control.querySelector("label");
    return label ? label.textContent.trim() : "Tekst";
  }
  function name(root) {
    root.querySelectorAll("[role=textbox]:not([aria-label])").forEach(function (box) {
      box.setAttribute("aria-label", labelOf(box));
    });
    root.querySelectorAll("[aria-roledescription=sortable]:not([aria-label])").forEach(
      function (handle) { handle.setAttribute("aria-label", "Verslepen om de volgorde te veranderen"); }
    );
    // Decap's date field has a button "Nu" whose name is English ("Set datum to now").
    root.querySelectorAll("button[aria-label$=' to now']").forEach(function (button) {
      button.setAttribute("aria-label", "Nu: " + labelOf(button).toLowerCase());
    });
    // No media library: photos (of pupils, too) do not belong in the content repository.
    root.querySelectorAll("header button").forEach(function (button) {
      if (button.textContent.trim() === "Media") { button.style.setProperty("display", "none", "important"); }
    });
    root.querySelectorAll("[class*=TopBar] > button").forEach(function (button) {
      if (button.textContent.trim() || button.hasAttribute("aria-label")) { return; }
      var first = button.parentElement.querySelector("button") === button;
      button.setAttribute("aria-label", first ? "Open of dicht klappen" : "Verwijderen");
    });
  }
  var pending = false;
  new MutationObserver(function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; name(document.body); });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
"""
