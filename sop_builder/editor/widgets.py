"""A Decap CMS widget of our own: the score of one agreement in a self-assessment.

In the files a score is written short when there is no explanation (``BO-01: ja``) and as a
mapping when there is one (``BO-22: {score: deels, toelichting: …}``). Decap's own fields cannot
hold a value that is sometimes text and sometimes a mapping, so this widget shows a dropdown and
an explanation box, reads both forms and writes the short form whenever it can. It works with
every backend, so the hosted editor can offer self-assessments too. Plain JavaScript with the
React that Decap exposes (``window.h``, ``window.createClass``): no build step.
"""

from __future__ import annotations

SCORE_WIDGET = "sop-score"

WIDGETS_JS = """// sop-builder: the score of one agreement (see sop_builder/editor/widgets.py).
(function () {
  "use strict";
  var h = window.h;
  function text(value) { return typeof value === "string" ? value : ""; }
  function parts(value) {
    if (!value) { return { score: "", toelichting: "" }; }
    if (typeof value === "string") { return { score: value, toelichting: "" }; }
    var get = typeof value.get === "function"
      ? function (key) { return value.get(key); }
      : function (key) { return value[key]; };
    return { score: text(get("score")), toelichting: text(get("toelichting")) };
  }
  var ScoreControl = window.createClass({
    emit: function (score, toelichting) {
      if (!score && !toelichting.trim()) { this.props.onChange(undefined); return; }
      if (!toelichting.trim()) { this.props.onChange(score); return; }
      this.props.onChange({ score: score, toelichting: toelichting });
    },
    render: function () {
      var self = this;
      var current = parts(this.props.value);
      var options = this.props.field.get("options").toJS();
      var id = this.props.forID;
      var choices = [h("option", { key: "", value: "" }, "(nog geen score)")].concat(
        options.map(function (o) { return h("option", { key: o.value, value: o.value }, o.label); })
      );
      return h("div", { className: this.props.classNameWrapper, style: { padding: "12px" } },
        h("select", {
          id: id, value: current.score, style: { fontSize: "15px", padding: "6px" },
          onChange: function (e) { self.emit(e.target.value, current.toelichting); }
        }, choices),
        h("label", { htmlFor: id + "-toelichting", style: { display: "block", marginTop: "8px" } },
          "Toelichting (alleen voor het samenwerkingsverband)"),
        h("textarea", {
          id: id + "-toelichting", value: current.toelichting, rows: 2,
          style: { width: "100%", fontSize: "15px", padding: "6px" },
          onChange: function (e) { self.emit(current.score, e.target.value); }
        })
      );
    }
  });
  var ScorePreview = window.createClass({
    render: function () { return h("p", {}, parts(this.props.value).score); }
  });
  window.CMS.registerWidget("__WIDGET__", ScoreControl, ScorePreview);
})();
""".replace("__WIDGET__", SCORE_WIDGET)
