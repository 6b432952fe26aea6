"""`sop-builder nieuw-swv`: a clean start for a new samenwerkingsverband.

Writes every file a project needs (site_config/: swv.yaml with the site's address, the norm,
the lists, the texts, the glossary and the editors; an empty content/schools/; mkdocs.yml),
each explained by Dutch comments and without any sample data. What only the SWV can know is
marked INVULLEN, which `check` reports until it is filled in. With ``replace`` the sample (or
whatever is in content/ and site_config/) is removed first; all files change at once, or none
(one transaction, core/transaction.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sop_builder.authoring.migrate import Workspace
from sop_builder.authoring.migrations.declarations import (
    DEFAULT_FACTS,
    DEFAULT_LEVELS,
    FACTS_COMMENT,
    LEVELS_COMMENT,
    NEEDS_COMMENT,
)
from sop_builder.authoring.migrations.site_address import MKDOCS_FILE, POINTER, SITE_URL
from sop_builder.authoring.new_school import type_error
from sop_builder.core.fieldtypes import PlainText, SchoolYear, Url
from sop_builder.core.issues import Issue
from sop_builder.core.text import slugify
from sop_builder.core.transaction import recover
from sop_builder.core.yamlwrite import yaml_text
from sop_builder.project.config import (
    FORMAT_VERSION,
    NORMS_DIR,
    REFERENCE_ASPECTS,
    SWV_FILE,
    TEXTS_FILE,
)
from sop_builder.project.disagreement import DISAGREEMENT_FILE
from sop_builder.project.placeholders import MARK
from sop_builder.project.redirects import PUBLISHED_FILE

DATA_FOLDERS = ("content", "site_config")


@dataclass(frozen=True)
class NewSwv:
    """The answers only the SWV can give."""

    name: str
    short_name: str
    address: str  # postal address of the SWV
    label: str  # what it calls a group of schools: kern, regio, wijk
    plural: str
    site_address: str
    school_year: str


@dataclass
class NewSwvResult:
    ok: bool
    messages: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)  # why nothing was written, or recovered


def school_year_of(day: date) -> str:
    """The school year a day falls in (a school year starts on 1 August)."""
    first = day.year if day.month >= 8 else day.year - 1
    return f"{first}-{first + 1}"


def answer_error(key: str, value: str) -> str:
    """What is wrong with one answer, in plain Dutch; '' when it is right."""
    kinds = {"site_adres": Url, "schooljaar": SchoolYear}
    return type_error(kinds.get(key, PlainText), value.strip())


def swv_yaml(swv: NewSwv) -> str:
    label, plural = swv.label, swv.plural
    first = slugify(f"{label} 1")
    return f"""\
# Gegevens van het samenwerkingsverband.
# Een regel die met # begint, is uitleg. Eindigt de uitleg op {MARK}? Vul daar de juiste
# waarde in en haal daarna dat ene woord weg. Houd de sleutels en de inspringing zoals ze zijn.
# De versie van het formaat van deze bestanden. Verander dit niet zelf:
# 'sop-builder migreer' zet het goed.
formaatversie: {FORMAT_VERSION}
# De volledige naam van het samenwerkingsverband.
naam: {yaml_text(swv.name)}
# De korte naam, in kopjes en de menubalk.
korte_naam: {yaml_text(swv.short_name)}
# De code van de regio, bijvoorbeeld PO 27-99 (mag leeg).
regiocode:
# Het webadres van het samenwerkingsverband zelf. {MARK}
website: {swv.site_address}
# Het adres van deze site met de profielen: voor links, de sitemap, korte links, QR-codes,
# de agenda en de webeditor.
site_adres: {swv.site_address}
contact:
  # Het algemene e-mailadres en telefoonnummer (mogen leeg).
  email:
  telefoon:
  adres: {yaml_text(swv.address)}
# Het steunpunt waar ouders terechtkunnen. Telefoon, e-mail en website mogen leeg. {MARK}
steunpunt:
  naam: {yaml_text("Steunpunt " + swv.short_name)}
  omschrijving: Eén zin in gewone taal over wat het steunpunt voor ouders doet.
  telefoon:
  email:
  website:
# Het huidige schooljaar. Een nieuw schooljaar begint u met: sop-builder nieuw-schooljaar
schooljaar: {swv.school_year}
# Hoeveel tekens de vier teksten van een SOP samen mogen hebben (past op één A4).
sop_max_tekens: 2600
# Hoe u een groep scholen in de buurt noemt, en het meervoud. Dit woord staat op de site,
# in de adressen van de pagina's en op de interne site.
groepering:
  label: {yaml_text(label)}
  meervoud: {yaml_text(plural)}
# De {plural}: elk met een vaste code (kleine letters, cijfers en streepjes), een naam en
# de gemeente. Scholen kiezen hieruit met de code. Voeg er een regel '- id:' bij voor elke
# volgende. {MARK}
kernen:
  - id: {first}
    naam: {yaml_text(label.capitalize() + " 1")}
    gemeente: Gemeente
# Het doel per schooljaar: aan hoeveel procent van de afspraken elke school voldoet. Het
# geldt vanaf dat schooljaar tot een regel met een later schooljaar. {MARK}
doelen:
  - vanaf: {swv.school_year}
    percentage: 80
# Wilt u de pagina's 'Toegankelijkheid' en 'Privacy' vullen? Zie docs/content-format.md
# (toegankelijkheid: en privacy:).
"""


def norm_yaml(swv: NewSwv, today: date) -> str:
    aspects = "\n".join(f"  - id: {a}\n    naam: {n}" for a, n in REFERENCE_ASPECTS)
    return f"""\
# De afspraken basisondersteuning van {swv.short_name}: wat elke school biedt.
# Ze gelden vanaf schooljaar {swv.school_year}, tot er een bestand van een later schooljaar in
# deze map staat. Verandert de norm? Maak dan een nieuw bestand met als naam het eerste
# schooljaar waarin de nieuwe afspraken gelden, en laat dit bestand staan: dan blijven de
# uitslagen van eerdere jaren hetzelfde.
versie: "1"
naam: Afspraken basisondersteuning
# De datum (JJJJ-MM-DD) waarop het samenwerkingsverband de afspraken vaststelde. {MARK}
vastgesteld: {today.isoformat()}
# Hoe de code van een afspraak eruitziet. Letters staan voor letters, cijfers voor cijfers;
# streepjes en punten blijven zoals ze zijn. Bijvoorbeeld 1.1 of BO-01.
codevoorbeeld: "1.1"
# De vier aspecten van het referentiekader passend onderwijs.
aspecten:
{aspects}
# De scores die een school kan geven, met het gewicht (0, 1/2 of 1) waarmee ze meetellen.
# Wilt u alleen ja en nee? Haal 'deels' dan weg.
schaal:
  - code: ja
    label: Voldoet
    gewicht: "1"
  - code: deels
    label: Voldoet deels
    gewicht: "0"
  - code: nee
    label: Voldoet niet
    gewicht: "0"
# Mag een school 'niet van toepassing' kiezen? ja of nee (dan ook een score met 'nvt: ja').
nvt_toegestaan: nee
# Hoe een afspraak zonder score telt: niet-voldaan, of telt-niet-mee.
zonder_score: niet-voldaan
# De thema's waarin de afspraken verdeeld zijn: een vaste code, een titel en één zin. {MARK}
themas:
  - id: thema-1
    titel: Titel van het thema
    omschrijving: Eén zin in gewone taal over dit thema.
# De afspraken: een vaste code, het thema en het aspect (hun code), een korte titel en wat de
# school doet. Verander de code van een afspraak nooit meer als scholen hem gebruiken. {MARK}
afspraken:
  - id: "1.1"
    thema: thema-1
    aspect: basiskwaliteit
    titel: Titel van de afspraak
    omschrijving: Wat elke school doet, in gewone taal.
"""


# Lists parents and schools know everywhere: the 13 kinds of specialists of the national school
# profile site, and common partners and forms of extra support. Each SWV adapts them.
INTERNAL = (
    ("intern-begeleider", "Intern begeleider", "Regelt de extra hulp op school."),
    ("dyslexiespecialist", "Dyslexiespecialist", "Helpt kinderen met dyslexie."),
    ("gedragsspecialist", "Gedragsspecialist", "Helpt bij zorgen over gedrag."),
    ("klassenassistent", "Klassenassistent", "Helpt de leerkracht in de klas."),
    (
        "onderwijsassistent",
        "Onderwijsassistent",
        "Begeleidt kinderen alleen of in een groepje.",
    ),
    ("orthopedagoog", "Orthopedagoog", "Onderzoekt wat een kind nodig heeft om te leren."),
    (
        "rekenspecialist",
        "Rekenspecialist",
        "Helpt kinderen die moeite hebben met rekenen.",
    ),
    ("remedial-teacher", "Remedial teacher", "Geeft extra les aan wie achterloopt."),
    (
        "specialist-hoogbegaafdheid",
        "Specialist hoogbegaafdheid",
        "Zorgt voor uitdaging voor kinderen die meer aankunnen.",
    ),
    ("taalspecialist", "Taalspecialist", "Helpt bij taal en lezen."),
    ("fysiotherapeut", "Fysiotherapeut", "Helpt bij bewegen."),
    (
        "ergotherapeut",
        "Ergotherapeut",
        "Helpt bij dagelijkse handelingen, zoals schrijven.",
    ),
    ("zorgassistent", "Zorgassistent", "Helpt kinderen met verzorging op school."),
)
EXTERNAL = (
    (
        "schoolmaatschappelijk-werk",
        "Schoolmaatschappelijk werk",
        "Denkt mee bij zorgen thuis of op school.",
    ),
    ("jeugdarts", "Jeugdarts", "Kijkt naar groei, gezondheid en welzijn."),
    ("logopedist", "Logopedist", "Helpt bij spraak en taal."),
)
EXTRA = (
    (
        "plusklas",
        "Plusklas",
        "Een groep voor kinderen die meer uitdaging nodig hebben.",
    ),
    ("rustige-werkplek", "Rustige werkplek", "Een plek zonder drukte om te werken."),
)
NEEDS = (
    ("lezen", "Lezen"),
    ("dyslexie", "Dyslexie"),
    ("rekenen", "Rekenen"),
    ("gedrag", "Gedrag"),
    ("hoogbegaafdheid", "Meer uitdaging"),
    ("motoriek", "Bewegen (motoriek)"),
    ("medisch", "Ziekte of lichamelijke beperking"),
)


def _entries(items: tuple[tuple[str, str, str], ...]) -> str:
    lines = []
    for id_, label, text in items:
        lines += [f"  - id: {id_}", f"    label: {label}", f"    omschrijving: {text}"]
    return "\n".join(lines)


def _indented(text: str) -> str:
    return "\n".join(f"  {line}" for line in text.rstrip("\n").split("\n"))


def _comments(text: str) -> str:
    """The migration's explanation of a list, as comments for a new project."""
    text = text.replace(" (nieuw in formaat 2)", "")
    return "\n".join(f"# {line}" for line in text.split("\n"))


def vocabularies_yaml() -> str:
    needs = "\n".join(f"  - id: {i}\n    label: {label}" for i, label in NEEDS)
    return f"""\
# Vaste keuzelijsten: scholen kiezen hieruit met de id (verander een id nooit meer als scholen
# hem gebruiken). Label en omschrijving mag u aanpassen; schrijf in gewone taal. Dit zijn de
# gewone lijsten van scholen in Nederland: haal weg wat u niet wilt en voeg toe wat ontbreekt.
{_comments(LEVELS_COMMENT)}
aanbodniveaus:
{_indented(DEFAULT_LEVELS)}
{_comments(NEEDS_COMMENT)}
behoeften:
{needs}
{_comments(FACTS_COMMENT)}
praktisch:
{_indented(DEFAULT_FACTS)}
# Wie helpt: specialisten in de school, deskundigen van buiten en vormen van extra
# ondersteuning. Ze staan op de pagina van de school; bij welke behoefte ouders een school
# vinden, zegt de school zelf bij 'ondersteuning'.
# Specialisten die een school zelf kan hebben.
interne_expertise:
{_entries(INTERNAL)}
# Deskundigen van buiten met wie een school samenwerkt.
externe_deskundigheid:
{_entries(EXTERNAL)}
# Extra ondersteuning die een school kan bieden.
extra_ondersteuning:
{_entries(EXTRA)}
"""


TEXTS = """\
# Teksten op de site die bij uw samenwerkingsverband en uw soort scholen horen.
# Pas alleen de teksten achter de dubbele punt aan. Bij 'standaard' staat de tekst voor alle
# scholen; voor een soort school (bao, sbo, so, vso of vo) mag een eigen regel eronder.

# Met wie praat een ouder eerst over de ondersteuning van zijn of haar kind?
# Op de site staat: "Praat eerst met <deze tekst>."
eerste_gesprek:
  standaard: de leerkracht of de intern begeleider van de school
  vo: de mentor van uw kind

# Wie regelt op school de extra hulp (pagina 'Over passend onderwijs')? "<rol> <taak>"
hulp_op_school:
  rol: De intern begeleider
  taak: regelt de extra hulp op school en is uw eerste aanspreekpunt als uw kind iets extra's nodig heeft.

# Hoe de speciale scholen heten. Op de site staat: "... beslist over een plek in <deze tekst>."
speciaal_onderwijs: het speciaal onderwijs

# De rol van de eerste contactpersoon van een nieuwe school, en wie de zelfevaluatie invult.
contactrol:
  standaard: Intern begeleider
  vo: Zorgcoördinator

# Hoe de site een soort school noemt (haal het # weg om een naam te veranderen):
# soorten_school:
#   so: Voortgezet speciaal onderwijs (VSO)

# Per soort speciale school één zin over de toelaatbaarheidsverklaring (TLV): dat die nodig is,
# wie die aanvraagt en wie beslist. Staat op elke kaart, lijst en vergelijking van zo'n school.
# Kijk of dit klopt met de werkwijze van uw samenwerkingsverband. INVULLEN
toelating:
  sbo: Voor een plek op een speciale basisschool is een toelaatbaarheidsverklaring (TLV) nodig. Die vraagt de school van uw kind aan; het samenwerkingsverband beslist.
  so: Voor een plek in het speciaal onderwijs is een toelaatbaarheidsverklaring (TLV) nodig. Die vraagt de school van uw kind aan; het samenwerkingsverband beslist, na advies van deskundigen.
"""

DISAGREEMENT = """\
# Bent u het als ouder niet eens met de school of het samenwerkingsverband? Deze stappen staan,
# in deze volgorde, op de pagina 'Niet eens?' en kort op de pagina van elke school.
# Per stap: naam, wanneer die past, wat de ouder doet, de kosten en hoe lang het duurt.
# contact: school (de school zelf), samenwerkingsverband (contact in swv.yaml), steunpunt
# (steunpunt in swv.yaml) of eigen (dan telefoon, email of website bij de stap).
# De landelijke stappen (onderwijsconsulenten, Geschillencommissie, College voor de Rechten van
# de Mens) gelden voor elk samenwerkingsverband.
inleiding: Bent u het niet eens met de school of met het samenwerkingsverband? Praat er eerst over met de school. Komt u er samen niet uit, dan kunt u deze stappen zetten. Voor bijna alle stappen betaalt u niets.
stappen:
  - naam: De school
    wanneer: Altijd eerst. Bijvoorbeeld als u het niet eens bent met de hulp voor uw kind, met het ontwikkelingsperspectief (OPP) of met een besluit van de school.
    wat: Vraag een gesprek met de leerkracht, de intern begeleider of de directeur. Komt u er niet uit, dan kunt u een klacht indienen bij het schoolbestuur; hoe dat gaat, staat in de schoolgids.
    kosten: Gratis.
    duur: Een gesprek kunt u altijd vragen. Hoe lang een klacht duurt, staat in de klachtenregeling van de school.
    contact: school
  # Het steunpunt van uw samenwerkingsverband: pas de tekst aan. INVULLEN
  - naam: Het ouder- en jeugdsteunpunt
    wanneer: Als u er met de school niet uitkomt, of als u wilt weten wat u kunt doen.
    wat: Het steunpunt luistert, geeft advies en kan meegaan naar een gesprek met de school.
    kosten: Gratis.
    duur: U krijgt meestal binnen een week antwoord.
    contact: steunpunt
  # Het bezwaar tegen een besluit over een TLV: pas de tekst aan uw samenwerkingsverband aan. INVULLEN
  - naam: Het samenwerkingsverband
    wanneer: Als u het niet eens bent met het besluit van het samenwerkingsverband over een toelaatbaarheidsverklaring (TLV) voor het speciaal (basis)onderwijs.
    wat: U maakt bezwaar bij het samenwerkingsverband. Dat vraagt advies aan de Landelijke Bezwaaradviescommissie Toelaatbaarheidsverklaringen en beslist daarna opnieuw. Een advocaat is niet nodig.
    kosten: Gratis.
    duur: Maak bezwaar binnen zes weken na het besluit. Het samenwerkingsverband beslist daarna meestal binnen twaalf weken.
    contact: samenwerkingsverband
    website: https://www.onderwijsgeschillen.nl
  - naam: De onderwijsconsulenten
    wanneer: Als u, de school en het samenwerkingsverband er samen niet uitkomen. Bijvoorbeeld als er geen passende school voor uw kind is, als de hulp op school niet lukt, of als uw kind langer dan vier weken thuiszit.
    wat: Een onderwijsconsulent is onafhankelijk. Hij of zij praat met u en de school en zoekt samen met u naar een oplossing. U meldt zich aan op de website.
    kosten: Gratis.
    duur: Een paar weken tot een paar maanden. Soms is er eerst een wachttijd.
    website: https://www.onderwijsconsulenten.nl
  - naam: De Geschillencommissie passend onderwijs
    wanneer: Als het schoolbestuur uw kind niet toelaat of van school wil sturen, of als u het niet eens bent met het ontwikkelingsperspectief (OPP) van uw kind.
    wat: U legt het geschil voor aan de commissie. Die hoort u en de school en geeft een oordeel. Daarna zegt het schoolbestuur wat het met dat oordeel doet. Een advocaat is niet nodig.
    kosten: Gratis.
    duur: Dien uw verzoek in binnen zes weken na het besluit van de school. De commissie geeft binnen tien weken haar oordeel.
    website: https://www.onderwijsgeschillen.nl
  - naam: Het College voor de Rechten van de Mens
    wanneer: Als u vindt dat de school uw kind anders behandelt vanwege een handicap of chronische ziekte. Bijvoorbeeld als de school aanpassingen weigert die wel mogelijk zijn.
    wat: U vraagt het College om een oordeel. Het College onderzoekt uw vraag en zegt of de school zich aan de wet over gelijke behandeling houdt.
    kosten: Gratis.
    duur: Het College geeft meestal binnen een paar maanden zijn oordeel.
    website: https://www.mensenrechten.nl
"""

GLOSSARY = """\
# Woorden en afkortingen die ouders misschien niet kennen, met uitleg in gewone taal.
# 'eenvoudiger' (mag weg): een gewoner woord dat 'sop-builder controleer' voorstelt.
termen:
  - term: SOP
    uitleg: Het schoolondersteuningsprofiel, waarin een school beschrijft welke hulp zij kan geven.
    varianten: [schoolondersteuningsprofiel]
  - term: OPP
    uitleg: Het ontwikkelingsperspectief, een plan voor een kind dat extra hulp krijgt.
    eenvoudiger: plan voor uw kind
    varianten: [ontwikkelingsperspectief]
  - term: TLV
    uitleg: De toelaatbaarheidsverklaring, die nodig is voor een plek in het speciaal onderwijs.
    eenvoudiger: toestemming van het samenwerkingsverband
    varianten: [toelaatbaarheidsverklaring]
"""


def editors_yaml(swv: NewSwv) -> str:
    return f"""\
# Wie mag wat aanpassen? Uit dit bestand maakt 'sop-builder codeowners' .github/CODEOWNERS.
# swv: de beheerders van het samenwerkingsverband, met hun GitHub- of GitLab-naam. {MARK}
swv: ["@{slugify(swv.short_name, fallback="swv")}/beheer"]
# scholen: per map van een school de redacteuren, bijvoorbeeld:
#   obs-de-regenboog: ["@naam-van-de-ib-er"]
scholen: {{}}
"""


MKDOCS = """\
# MkDocs settings for the public site. Pages are generated by the sop-builder plugin from
# content/ and site_config/; MkDocs itself never reads content/.
site_name: Schoolondersteuningsprofielen   # replaced by the plugin from site_config/swv.yaml
# site_url: staat in site_config/swv.yaml (site_adres)
site_description: De schoolondersteuningsprofielen van alle scholen in het samenwerkingsverband.
docs_dir: templates/assets
site_dir: site
use_directory_urls: true

theme:
  name: material
  language: nl
  font: false
  custom_dir: templates/overrides
  features:
    - navigation.top
  palette:
    scheme: default
    primary: indigo
    accent: indigo

extra:
  generator: false

extra_css:
  - stylesheets/sop.css
  - stylesheets/print.css

plugins:
  - sop-builder

markdown_extensions:
  - attr_list
  - toc:
      permalink: false

watch:
  - content
  - site_config
  - templates

validation:
  omitted_files: ignore
  absolute_links: warn
  unrecognized_links: warn
"""


def _has_data(workspace: Workspace) -> list[str]:
    return [p for folder in DATA_FOLDERS for p in workspace.paths(f"{folder}/*")]


def create_swv(
    root: Path, swv: NewSwv, today: date, replace: bool = False, dry_run: bool = False
) -> NewSwvResult:
    """Write a new, empty project for ``swv`` into ``root``."""
    root = Path(root)
    recovered = recover(root)  # an earlier run that was killed is finished first
    if any(i.is_error for i in recovered):
        return NewSwvResult(False, issues=recovered)
    workspace = Workspace(root)
    existing = _has_data(workspace)
    if existing and not replace:
        return NewSwvResult(
            False,
            [
                f"In {root} staan al gegevens ({len(existing)} bestanden in content/ en "
                "site_config/, bijvoorbeeld het voorbeeld). Er is niets veranderd.",
                "Wilt u die vervangen door een leeg project? Zet ze eerst in Git (commit) en "
                "draai dan hetzelfde met --vervang.",
            ],
            issues=recovered,
        )
    for path in existing:
        workspace.remove(path, "voorbeeldgegevens weggehaald")
    if replace:  # the sample's schools were never this SWV's pages: no redirects to ask for
        workspace.remove(PUBLISHED_FILE, "lijst van gepubliceerde scholen van het voorbeeld")
    files = {
        SWV_FILE: swv_yaml(swv),
        f"{NORMS_DIR}/{swv.school_year}.yaml": norm_yaml(swv, today),
        "site_config/vocabularies.yaml": vocabularies_yaml(),
        f"site_config/{TEXTS_FILE}": TEXTS,
        f"site_config/{DISAGREEMENT_FILE}": DISAGREEMENT,
        "site_config/woordenlijst.yaml": GLOSSARY,
        "site_config/redacteuren.yaml": editors_yaml(swv),
        "content/schools/.gitkeep": "",
    }
    for path, text in files.items():
        workspace.write(path, text, "nieuw")
    if workspace.exists(MKDOCS_FILE):
        mkdocs = workspace.read(MKDOCS_FILE)
        workspace.write(MKDOCS_FILE, SITE_URL.sub(POINTER, mkdocs), "site_url naar swv.yaml")
    else:
        workspace.write(MKDOCS_FILE, MKDOCS, "nieuw")
    if not dry_run:
        problems = workspace.commit("sop-builder nieuw-swv")
        if problems:
            return NewSwvResult(False, issues=recovered + problems)
    written = sorted({c.path for c in workspace.changes if c.kind != "verwijderd"})
    removed = sum(1 for c in workspace.changes if c.kind == "verwijderd")
    return NewSwvResult(
        True,
        [
            f"Nieuw project voor {swv.name} in {root}"
            + (f" ({removed} voorbeeldbestanden weggehaald)" if removed else "")
            + (": proef, er is niets geschreven." if dry_run else "."),
        ],
        written,
        recovered,
    )
