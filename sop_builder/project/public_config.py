"""What the public site shows of site_config/: a value still under its INVULLEN mark is an
example (`sop-builder nieuw-swv` and `import-norm` write them), not a fact, so it is left out.

`check` reports every marked place as a warning (file, line, field: project/placeholders.py);
the public view (project/publication.py) publishes the SWV's files as if the marked values were
not there:

- swv.yaml `website`: not shown.
- swv.yaml `steunpunt`: parents are sent to the SWV itself (its short name, the telephone and
  e-mail of `contact`, its website when that is not marked), and no sentence about it.
- swv.yaml `doelen`: no target anywhere (no "doel gehaald", no target figure).
- swv.yaml `kernen`: a kern is structure (the schools chose it), so a kern that a school belongs
  to stays; a kern without any school (the untouched example of nieuw-swv) is not published.
- a norm's `vastgesteld`: not shown.
- a norm's `themas`: the titles stay (they group the agreements), their sentences are not shown.
- a norm's `afspraken` (nieuw-swv's example norm): the norm is not there yet for the public site:
  no agreement, no theme and no compliance figure of that school year.
- teksten.yaml `toelating`: no sentence about the TLV (a special school keeps its label).
- niet-eens.yaml: a marked step (nieuw-swv's steunpunt and the SWV's own objection procedure) is
  left out; the national steps, which nieuw-swv writes unmarked, stay.
"""

from __future__ import annotations

from dataclasses import replace

from sop_builder.project.config import NORMS_DIR, SWV_FILE, TEXTS_FILE
from sop_builder.project.disagreement import DISAGREEMENT_FILE, Disagreement
from sop_builder.project.model import Norm, SiteConfig, SwvConfig, Texts
from sop_builder.project.scoring import Compliance

WEBSITE, SUPPORT_POINT, TARGETS, KERNEN = (
    SwvConfig.key("website"),
    SwvConfig.key("support_point"),
    SwvConfig.key("targets"),
    SwvConfig.key("kernen"),
)
ADOPTED, THEMES, AGREEMENTS = Norm.key("adopted"), Norm.key("themes"), Norm.key("agreements")
ADMISSION, STEPS = Texts.key("admission"), Disagreement.key("steps")


def norm_file(year: str) -> str:
    """The path of the norm that starts in ``year``, as `SiteConfig.marked` names it."""
    return f"{NORMS_DIR}/{year}.yaml"


def example_norm(config: SiteConfig, year: str) -> bool:
    """Whether the norm that starts in ``year`` is still the example (its agreements marked)."""
    return config.is_marked(norm_file(year), AGREEMENTS)


def _public_swv(config: SiteConfig, kernen_used: set[str]) -> SwvConfig:
    swv = config.swv
    marked = config.marked.get(SWV_FILE, frozenset())
    update: dict[str, object] = {}
    website = "" if WEBSITE in marked else swv.website
    if WEBSITE in marked:
        update["website"] = website
    if SUPPORT_POINT in marked:
        contact = swv.contact
        update["support_point"] = swv.support_point.model_copy(
            update={
                "name": swv.short_name,
                "description": "",
                "phone": contact.phone,
                "email": contact.email,
                "website": website or None,
            }
        )
    if TARGETS in marked:
        update["targets"] = []
    if KERNEN in marked:
        update["kernen"] = [k for k in swv.kernen if k.id in kernen_used]
    # (model_copy does not validate: an empty list of targets or kernen is the view's own)
    return swv.model_copy(update=update) if update else swv


def _public_norm(config: SiteConfig, year: str, norm: Norm) -> Norm:
    marked = config.marked.get(norm_file(year), frozenset())
    if AGREEMENTS in marked:
        return norm.model_copy(update={"adopted": None, "themes": [], "agreements": []})
    update: dict[str, object] = {}
    if ADOPTED in marked:
        update["adopted"] = None
    if THEMES in marked:
        update["themes"] = [t.model_copy(update={"description": ""}) for t in norm.themes]
    return norm.model_copy(update=update) if update else norm


def _public_texts(config: SiteConfig) -> Texts:
    texts = config.texts
    if config.is_marked(f"site_config/{TEXTS_FILE}", ADMISSION):
        return texts.model_copy(update={"admission": None})
    return texts


def _public_disagreement(config: SiteConfig) -> Disagreement | None:
    found: Disagreement | None = config.disagreement
    path = f"site_config/{DISAGREEMENT_FILE}"
    if found is None or path not in config.marked:
        return found
    steps = [s for i, s in enumerate(found.steps) if not config.is_marked(path, f"{STEPS}[{i}]")]
    return found.model_copy(update={"steps": steps})


def public_config(config: SiteConfig, kernen_used: set[str]) -> SiteConfig:
    """``config`` without the values still marked INVULLEN (see the module's docstring);
    ``kernen_used``: the ids of the kernen that a published school belongs to."""
    if not config.marked:
        return config
    norms = {year: _public_norm(config, year, norm) for year, norm in config.norms.items()}
    return replace(
        config,
        swv=_public_swv(config, kernen_used),
        norms=norms,
        texts=_public_texts(config),
        disagreement=_public_disagreement(config),
    )


def public_compliance(config: SiteConfig, result: Compliance | None) -> Compliance | None:
    """A school's result as the public site shows it: none against an example norm, and
    without a target that is still marked."""
    if result is None or not config.marked:
        return result
    year = config.norm_year(result.school_year)
    if year is not None and example_norm(config, year):
        return None
    if config.is_marked(SWV_FILE, TARGETS) and result.target is not None:
        return replace(result, target=None)
    return result
