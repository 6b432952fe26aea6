"""Format 2: the words that depend on the SWV or the kind of school live in site_config/teksten.yaml.

Format 1 had them in the templates, in words that fit primary schools only ("de leerkracht of
de intern begeleider", "het speciaal (basis)onderwijs", the role "Intern begeleider"). The new
file holds exactly the words format 1 showed, so the site reads as before; an SWV of
secondary schools changes them.
"""

from __future__ import annotations

from sop_builder.authoring.migrate import Step, Workspace

TEXTS_PATH = "site_config/teksten.yaml"

FORMAT_1_WORDS = """\
# Teksten op de site die bij uw samenwerkingsverband en uw soort scholen horen.
# Een regel die met # begint, is uitleg. Pas alleen de teksten achter de dubbele punt aan.
# Bij 'standaard' staat de tekst voor alle scholen; wilt u voor een soort school (bao, sbo,
# so of vo) iets anders, zet dan een regel met die code eronder, bijvoorbeeld:
#   vo: de mentor van de school

# Met wie praat een ouder eerst over de ondersteuning van zijn of haar kind?
# Op de site staat: "Praat eerst met <deze tekst>."
eerste_gesprek:
  standaard: de leerkracht of de intern begeleider van de school

# Wie regelt op school de extra hulp (pagina 'Over passend onderwijs')?
# Op de site staat: "<rol> <taak>"
hulp_op_school:
  rol: De intern begeleider
  taak: regelt de extra hulp op school. Hij of zij is uw eerste aanspreekpunt als uw kind iets extra's nodig heeft.

# Hoe de speciale scholen heten. Op de site staat: "... beslist over een plek in <deze tekst>."
speciaal_onderwijs: het speciaal (basis)onderwijs

# De rol van de eerste contactpersoon van een nieuwe school (sop-builder nieuwe-school), en wie
# een zelfevaluatie invult.
contactrol:
  standaard: Intern begeleider
"""


def apply(workspace: Workspace) -> None:
    if not workspace.exists(TEXTS_PATH):
        workspace.write(TEXTS_PATH, FORMAT_1_WORDS, "de teksten van formaat 1 (pas ze aan)")


STEP = Step(
    2, "Teksten die bij het samenwerkingsverband horen staan in site_config/teksten.yaml", apply
)
