"""site_config/niet-eens.yaml: where a parent goes who does not agree with the school or the SWV.

    inleiding: ...                 # optional, one or two sentences above the steps
    stappen:
      - naam: De onderwijsconsulenten
        wanneer: ...               # when this step applies
        wat: ...                   # what the parent does
        kosten: Gratis.
        duur: ...                  # how long it takes
        contact: eigen             # school | samenwerkingsverband | steunpunt | eigen
        telefoon: 070 312 28 87    # with contact: eigen (telefoon, email, website)
        website: https://www.onderwijsconsulenten.nl

The steps show, in their order, on the fixed page 'Niet eens?' and in short on every school
page. `sop-builder nieuw-swv` writes the national steps (the onderwijsconsulenten, the
Geschillencommissie passend onderwijs, the College voor de Rechten van de Mens) as starting
data; the SWV adds its own. A step's contact can come from elsewhere, so that it is written
once: the school's own contact (on a school page), the SWV's `contact` or its `steunpunt`
(site_config/swv.yaml).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sop_builder.core.catalogue.config import STEP_WITHOUT_CONTACT
from sop_builder.core.fieldtypes import (
    OptionalEmail,
    OptionalPhone,
    OptionalText,
    OptionalUrl,
    PlainText,
    Text,
    x_labels,
)
from sop_builder.core.issues import Issue
from sop_builder.core.yamlread import YamlTree
from sop_builder.project.model import Schema

DISAGREEMENT_FILE = "niet-eens.yaml"
ContactKind = Literal["school", "samenwerkingsverband", "steunpunt", "eigen"]
OWN_CONTACT: ContactKind = "eigen"
CONTACT_LABELS = {
    "school": "De school zelf (op de pagina van een school: haar contactpersoon)",
    "samenwerkingsverband": "Het samenwerkingsverband (contact in swv.yaml)",
    "steunpunt": "Het steunpunt (steunpunt in swv.yaml)",
    OWN_CONTACT: "Eigen gegevens: telefoon, e-mail of website bij deze stap",
}


class DisagreementStep(Schema):
    """One place a parent can go, in the order a parent takes them."""

    name: PlainText = Field(
        alias="naam",
        title="Naam",
        description="Bij wie de ouder terechtkan, bijvoorbeeld 'De onderwijsconsulenten'.",
    )
    when: Text = Field(
        alias="wanneer",
        title="Wanneer",
        description="Wanneer deze stap past, in één of twee korte zinnen voor ouders, "
        "bijvoorbeeld 'Als u en de school er samen niet uitkomen.'",
    )
    what: Text = Field(
        alias="wat",
        title="Wat u doet",
        description="Wat de ouder doet en wat er dan gebeurt, in één of twee korte zinnen.",
    )
    cost: PlainText = Field(
        alias="kosten",
        title="Kosten",
        description="Wat het de ouder kost, bijvoorbeeld 'Gratis.'",
    )
    duration: PlainText = Field(
        alias="duur",
        title="Hoe lang",
        description="Hoe lang het ongeveer duurt, of binnen welke termijn de ouder iets moet "
        "doen, bijvoorbeeld 'Binnen zes weken na het besluit.'",
    )
    contact: ContactKind = Field(
        OWN_CONTACT,
        alias="contact",
        title="Contact",
        description="Waar de contactgegevens staan: school (de school zelf), "
        "samenwerkingsverband (contact in swv.yaml), steunpunt (steunpunt in swv.yaml) of "
        "eigen (telefoon, e-mail of website hieronder). Zonder deze regel: eigen.",
        json_schema_extra=x_labels(CONTACT_LABELS),
    )
    phone: OptionalPhone = Field(
        None,
        alias="telefoon",
        title="Telefoon",
        description="Het telefoonnummer (bij contact: eigen; mag leeg).",
    )
    email: OptionalEmail = Field(
        None,
        alias="email",
        title="E-mail",
        description="Het e-mailadres (bij contact: eigen; mag leeg).",
    )
    website: OptionalUrl = Field(
        None,
        alias="website",
        title="Website",
        description="Het webadres met meer uitleg, beginnend met https:// (mag leeg).",
    )


class Disagreement(Schema):
    """The steps for a parent who does not agree with the school or the SWV."""

    intro: OptionalText = Field(
        None,
        alias="inleiding",
        title="Inleiding",
        description="Eén of twee zinnen boven de stappen op de pagina 'Niet eens?' (mag leeg).",
    )
    steps: list[DisagreementStep] = Field(
        alias="stappen",
        title="Stappen",
        description="De plekken waar een ouder terechtkan, in de volgorde waarin een ouder ze "
        "neemt: eerst de school, als laatste de rechter of het College voor de Rechten van de "
        "Mens.",
        min_length=1,
    )


def check_disagreement(value: Disagreement, tree: YamlTree, display: str) -> list[Issue]:
    """SOP510 for a step with its own contact (contact: eigen) but no phone, e-mail or website:
    a parent could not reach it."""
    issues = []
    key = Disagreement.key("steps")
    for index, step in enumerate(value.steps):
        if step.contact == OWN_CONTACT and not (step.phone or step.email or step.website):
            pos = tree.pos((key, index))
            issues.append(STEP_WITHOUT_CONTACT.at(display, pos, step=step.name))
    return issues
