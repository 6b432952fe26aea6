"""Dutch title and explanation of every field people type, per schema class.

One source for the JSON Schema (`schema_export.py`), the comments in a new school folder
(`authoring/new_school.py`) and the web editor. `tests/test_schema_export.py` requires an entry for every
field of every registered content type, so a new field cannot go undocumented.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sop_builder.project.model import SiteConfig

_INTERNAL = "Alleen voor het samenwerkingsverband; komt nooit op de site."
_CODE = ("Code", "Kleine letters, cijfers en streepjes. Verander een code nooit.")
_LETTERS_DIGITS_HYPHENS = "Kleine letters, cijfers en streepjes."

# Fields that every offer file (content/aanbod/) has, and the audiences of most of them.
_OFFER_COMMON: dict[str, tuple[str, str]] = {
    "titel": ("Titel", "De titel van de pagina op de site, kort en duidelijk."),
    "samenvatting": (
        "Samenvatting",
        "Eén zin in gewone taal over waar het over gaat. Die staat in het overzicht.",
    ),
    "interne_notitie": (
        "Interne notitie",
        _INTERNAL,
    ),
}
_FOR_AUDIENCES: dict[str, tuple[str, str]] = {
    **_OFFER_COMMON,
    "doelgroep": (
        "Doelgroep",
        "Voor wie dit is, bijvoorbeeld leerkrachten. Kies een of meer uit de lijst in "
        "site_config/aanbod.yaml.",
    ),
}
_OFFER_EMAIL = ("E-mail", "Een e-mailadres van het werk, geen privéadres (mag leeg).")
_OFFER_REGISTRATION = (
    "Aanmelden",
    "Het webadres waar iemand zich aanmeldt, beginnend met https:// (mag leeg).",
)

# schema class name -> Dutch key -> (title, explanation in plain Dutch)
FIELD_DOCS: dict[str, dict[str, tuple[str, str]]] = {
    "SopFrontMatter": {
        "naam": ("Naam van de school", "De volledige naam, zoals ouders hem kennen."),
        "vestigingscode": (
            "Vestigingscode",
            "6 tekens: 2 cijfers, 2 hoofdletters, 2 cijfers (bijvoorbeeld 12AB00). "
            "U vindt de code bij DUO.",
        ),
        "bestuur": (
            "Bestuur",
            "De naam van het schoolbestuur (stichting of vereniging). Mag leeg zolang de naam "
            "niet bekend is.",
        ),
        "kern": ("Groep", "De code van de groep scholen (kern, regio) waar de school bij hoort."),
        "type": ("Soort school", "bao, sbo, so, vso of vo."),
        "adres": ("Adres", "Het bezoekadres van de school."),
        "website": (
            "Website",
            "Het webadres van de school, beginnend met https:// (mag leeg).",
        ),
        "email": ("E-mail", "Het algemene e-mailadres van de school (mag leeg)."),
        "telefoon": ("Telefoon", "Het algemene telefoonnummer van de school (mag leeg)."),
        "contactpersonen": (
            "Contactpersonen",
            "Wie ouders kunnen bellen of mailen over ondersteuning. Gebruik werkadressen.",
        ),
        "vastgesteld_door_bestuur": (
            "Vastgesteld door het bestuur",
            "De datum (JJJJ-MM-DD) waarop het bestuur dit SOP heeft vastgesteld.",
        ),
        "besproken_met_mr": (
            "Besproken met de MR",
            "De datum (JJJJ-MM-DD) waarop de medezeggenschapsraad het SOP heeft besproken.",
        ),
        "geldig_tot": ("Geldig tot", "Tot welke datum (JJJJ-MM-DD) dit SOP geldt."),
        "bijgewerkt": (
            "Laatst bijgewerkt",
            "De datum (JJJJ-MM-DD) van de laatste wijziging; ouders zien die op de site.",
        ),
        "interne_expertise": (
            "Deskundigheid in de school",
            "Welke specialisten de school zelf heeft. Kies uit de lijst van het "
            "samenwerkingsverband.",
        ),
        "externe_deskundigheid": (
            "Deskundigheid van buiten",
            "Met welke deskundigen van buiten de school samenwerkt. Kies uit de lijst.",
        ),
        "extra_ondersteuning": (
            "Extra ondersteuning",
            "Welke vormen van extra hulp de school heeft, zoals een plusklas. Kies uit de lijst.",
        ),
        "ondersteuning": (
            "Wat de school biedt, per behoefte",
            "Zeg bij elke behoefte van het samenwerkingsverband hoe ver de school gaat (niveau), "
            "in één of twee zinnen wat zij doet (wat) en waar het stopt (grens). Ouders vinden "
            "de school bij een behoefte alleen als dat hier staat.",
        ),
        "praktisch": (
            "Praktisch",
            "Praktische zaken waar ouders op letten, zoals een lift: ja of nee, of een getal.",
        ),
        "aanmelden": (
            "Aanmelden en kennismaken",
            "Hoe ouders kennismaken, hun kind inschrijven en wat er daarna gebeurt.",
        ),
        "coordinaten": (
            "Coördinaten",
            "Waar de school staat (mag leeg): breedtegraad en lengtegraad, bijvoorbeeld 52.4871 "
            "en 4.6574. Zonder coördinaten gebruikt de site het midden van de postcode.",
        ),
        "interne_notitie": (
            "Interne notitie",
            _INTERNAL,
        ),
    },
    "NeedDeclaration": {
        "niveau": (
            "Niveau",
            "Hoe ver de school gaat bij deze behoefte. Kies uit de aanbodniveaus van het "
            "samenwerkingsverband.",
        ),
        "wat": (
            "Wat de school doet",
            "Eén of twee korte zinnen in de woorden van ouders (gewone tekst).",
        ),
        "grens": ("Waar het stopt", "Wat de school hierbij niet kan, in één zin (mag leeg)."),
    },
    "Enrolment": {
        "kennismaken": (
            "Kennismaken",
            "Hoe ouders de school leren kennen, bijvoorbeeld een rondleiding.",
        ),
        "inschrijven": ("Inschrijven", "Hoe ouders hun kind aanmelden, en vanaf welke leeftijd."),
        "intake": (
            "Na de aanmelding",
            "Wat er na de aanmelding gebeurt, ook als een kind extra ondersteuning nodig heeft.",
        ),
        "link": (
            "Link",
            "Het webadres van het aanmeldformulier, beginnend met https:// (mag leeg).",
        ),
    },
    "Coordinates": {
        "breedtegraad": (
            "Breedtegraad",
            "Bijvoorbeeld 52.4871 (in Nederland tussen 50,7 en 53,6).",
        ),
        "lengtegraad": ("Lengtegraad", "Bijvoorbeeld 4.6574 (in Nederland tussen 3,3 en 7,3)."),
    },
    "Address": {
        "straat": (
            "Straat en huisnummer",
            "De straat en het huisnummer, bijvoorbeeld Schoolstraat 1.",
        ),
        "postcode": ("Postcode", "4 cijfers en 2 hoofdletters, bijvoorbeeld 1234 AB."),
        "plaats": ("Plaats", "De plaats waar de school staat."),
    },
    "ContactPerson": {
        "rol": ("Rol", "Bijvoorbeeld Intern begeleider of Directeur."),
        "naam": ("Naam", "Voornaam en achternaam."),
        "email": ("E-mail", "Een e-mailadres van school, geen privéadres (mag leeg)."),
        "telefoon": ("Telefoon", "Een nummer van school, geen privénummer (mag leeg)."),
    },
    "SelfAssessmentFile": {
        "schooljaar": ("Schooljaar", "Bijvoorbeeld 2025-2026; gelijk aan de bestandsnaam."),
        "ingevuld_op": ("Ingevuld op", "De datum (JJJJ-MM-DD) waarop de school dit invulde."),
        "ingevuld_door": (
            "Ingevuld door",
            "Een rol, bijvoorbeeld Intern begeleider. Nooit de naam van een leerling.",
        ),
        "scores": (
            "Scores",
            "Per afspraak een score, bijvoorbeeld BO-01: ja. Een toelichting is intern.",
        ),
    },
    "ScoreEntry": {
        "score": ("Score", "De code van de score, bijvoorbeeld ja, deels of nee."),
        "toelichting": (
            "Toelichting",
            _INTERNAL,
        ),
    },
    "SwvConfig": {
        "formaatversie": (
            "Formaatversie",
            "De versie van het formaat van de bestanden. Verander dit niet zelf: "
            "'sop-builder migreer' zet het goed.",
        ),
        "toegankelijkheid": (
            "Toegankelijkheid",
            "De gegevens voor de toegankelijkheidsverklaring op de site.",
        ),
        "privacy": ("Privacy", "De gegevens voor de privacypagina op de site."),
        "afspraken_op_schoolpagina": (
            "Afspraken op de schoolpagina",
            "per-thema: per thema hoeveel afspraken een school haalt; niet-gehaald-bij-naam: "
            "ook welke afspraken zij nog niet haalt.",
        ),
        "hulproute": (
            "Route voor hulp",
            "De stappen die een leerkracht zet als een kind meer hulp nodig heeft (op de "
            "poster voor de teamkamer), één regel per stap.",
        ),
        "naam": ("Naam", "De volledige naam van het samenwerkingsverband."),
        "korte_naam": ("Korte naam", "De naam in kopjes en de menubalk."),
        "regiocode": ("Regiocode", "De code van de regio, bijvoorbeeld PO 27-99."),
        "website": ("Website", "Het webadres van het samenwerkingsverband."),
        "site_adres": (
            "Adres van deze site",
            "Het webadres waar deze site met de profielen staat, beginnend met https://. "
            "Voor links, de sitemap, korte links, QR-codes, de agenda en de webeditor.",
        ),
        "contact": ("Contact", "E-mail, telefoon en adres van het samenwerkingsverband."),
        "steunpunt": ("Steunpunt", "Het ouder- en jeugdsteunpunt."),
        "schooljaar": ("Huidig schooljaar", "Bijvoorbeeld 2025-2026."),
        "sop_max_tekens": (
            "Lengte van een SOP",
            "Hoeveel tekens de vier teksten samen mogen hebben (past op één A4).",
        ),
        "groepering": ("Groepering", "Hoe u de groepen scholen in de regio noemt."),
        "kernen": ("Kernen", "De groepen scholen in de regio, elk met een vaste code."),
        "doelen": ("Doelen", "Het doel (percentage afspraken gehaald) per schooljaar."),
    },
    "SwvContact": {
        "email": ("E-mail", "Het algemene e-mailadres."),
        "telefoon": ("Telefoon", "Het algemene telefoonnummer."),
        "adres": ("Adres", "Straat, postcode en plaats."),
    },
    "SupportPoint": {
        "naam": ("Naam", "De naam van het steunpunt."),
        "omschrijving": ("Omschrijving", "Eén zin in gewone taal over wat het steunpunt doet."),
        "telefoon": ("Telefoon", "Het telefoonnummer van het steunpunt."),
        "email": ("E-mail", "Het e-mailadres van het steunpunt."),
        "website": ("Website", "Het webadres van het steunpunt."),
    },
    "Grouping": {
        "label": ("Naam", "Bijvoorbeeld kern of regio."),
        "meervoud": ("Meervoud", "Bijvoorbeeld kernen of regio's."),
    },
    "Kern": {
        "id": _CODE,
        "naam": ("Naam", "De naam van de kern."),
        "gemeente": ("Gemeente", "De gemeente van de kern."),
    },
    "Target": {
        "vanaf": ("Vanaf schooljaar", "Het schooljaar waarin dit doel begint."),
        "percentage": ("Percentage", "Een getal van 1 tot en met 100, zonder %-teken."),
    },
    "Norm": {
        "versie": ("Versie", "Het versienummer van de afspraken."),
        "naam": ("Naam", "De naam van de afspraken."),
        "vastgesteld": ("Vastgesteld", "De datum (JJJJ-MM-DD) waarop de afspraken golden."),
        "codevoorbeeld": (
            "Vorm van de codes",
            "Hoe de code van een afspraak eruitziet, bijvoorbeeld BO-01 of 1.1. Letters staan "
            "voor letters, cijfers voor cijfers; streepjes en punten blijven zoals ze zijn.",
        ),
        "aspecten": ("Aspecten", "De vier aspecten van het referentiekader."),
        "schaal": ("Schaal", "De scores die een school kan geven, met hun gewicht."),
        "nvt_toegestaan": ("Niet van toepassing toegestaan", "ja of nee."),
        "zonder_score": ("Afspraak zonder score", "Hoe een afspraak zonder score telt."),
        "themas": ("Thema's", "De thema's waarin de afspraken zijn verdeeld."),
        "afspraken": ("Afspraken", "De afspraken basisondersteuning, elk met een vaste code."),
    },
    "Aspect": {
        "id": ("Code", _LETTERS_DIGITS_HYPHENS),
        "naam": ("Naam", "De naam van het aspect."),
    },
    "ScaleLevel": {
        "code": ("Code", "Wat de school invult, bijvoorbeeld ja."),
        "label": ("Label", "Wat op de site staat, bijvoorbeeld Voldoet."),
        "gewicht": ("Gewicht", "Hoe zwaar de score telt: 0, 1/2 of 1."),
        "nvt": ("Niet van toepassing", "ja als deze score de afspraak uit de telling haalt."),
    },
    "Theme": {
        "id": ("Code", _LETTERS_DIGITS_HYPHENS),
        "titel": ("Titel", "De titel van het thema."),
        "omschrijving": ("Omschrijving", "Eén zin in de woorden van ouders."),
    },
    "Agreement": {
        "id": ("Code", "Bijvoorbeeld BO-01. Verander een code nooit."),
        "thema": ("Thema", "De code van het thema."),
        "aspect": ("Aspect", "De code van het aspect."),
        "titel": ("Titel", "Een korte titel (ongeveer 60 tekens)."),
        "omschrijving": ("Omschrijving", "Wat de school doet, in gewone taal."),
    },
    "Texts": {
        "eerste_gesprek": (
            "Eerste gesprek",
            "Met wie een ouder eerst praat over de ondersteuning van zijn of haar kind, "
            "bijvoorbeeld 'de mentor van de school'. Staat na 'Praat eerst met'.",
        ),
        "hulp_op_school": (
            "Hulp op school",
            "Wie op school de extra hulp regelt, en wat die doet (pagina Over passend onderwijs).",
        ),
        "speciaal_onderwijs": (
            "Speciaal onderwijs",
            "Hoe de speciale scholen heten, na 'een plek in', bijvoorbeeld 'het speciaal "
            "onderwijs'.",
        ),
        "contactrol": (
            "Contactrol",
            "De rol die een nieuwe school als eerste contactpersoon krijgt, en wie de "
            "zelfevaluatie invult.",
        ),
        "soorten_school": (
            "Soorten school",
            "Hoe de site elke soort school noemt (mag leeg: dan de gewone naam).",
        ),
    },
    "PerSchoolType": {
        "standaard": ("Voor alle scholen", "De tekst voor elke soort school."),
        "bao": ("Basisschool", "Alleen voor basisscholen anders (mag leeg)."),
        "sbo": ("Speciale basisschool", "Alleen voor speciale basisscholen anders (mag leeg)."),
        "so": ("Speciaal onderwijs", "Alleen voor scholen voor speciaal onderwijs (mag leeg)."),
        "vso": (
            "Voortgezet speciaal onderwijs",
            "Alleen voor scholen voor voortgezet speciaal onderwijs (mag leeg).",
        ),
        "vo": ("Voortgezet onderwijs", "Alleen voor scholen voor voortgezet onderwijs (mag leeg)."),
    },
    "HelpAtSchool": {
        "rol": ("Rol", "Wie de extra hulp regelt, bijvoorbeeld 'De zorgcoördinator'."),
        "taak": ("Taak", "Wat die doet, in een zin die met een werkwoord begint."),
    },
    "SchoolTypeNames": {
        "bao": ("Basisschool", "Hoe een basisschool heet (mag leeg)."),
        "sbo": ("Speciale basisschool", "Hoe een speciale basisschool heet (mag leeg)."),
        "so": ("Speciaal onderwijs", "Hoe een school voor speciaal onderwijs heet (mag leeg)."),
        "vso": (
            "Voortgezet speciaal onderwijs",
            "Hoe een school voor voortgezet speciaal onderwijs heet (mag leeg).",
        ),
        "vo": ("Voortgezet onderwijs", "Hoe een school voor voortgezet onderwijs heet (mag leeg)."),
    },
    "Vocabularies": {
        "aanbodniveaus": (
            "Aanbodniveaus",
            "Hoe ver een school gaat bij een behoefte, van meest naar minst. Bij 'aanbod: ja' "
            "vindt 'Vind een school' de school bij die behoefte.",
        ),
        "behoeften": (
            "Behoeften",
            "Wat een kind nodig kan hebben, in de woorden van ouders. Elke school zegt per "
            "behoefte wat zij biedt.",
        ),
        "praktisch": (
            "Praktische zaken",
            "Waar ouders op letten, zoals een lift of de grootte van de groepen.",
        ),
        "interne_expertise": ("Deskundigheid in de school", "De keuzes voor scholen."),
        "externe_deskundigheid": ("Deskundigheid van buiten", "De keuzes voor scholen."),
        "extra_ondersteuning": ("Extra ondersteuning", "De keuzes voor scholen."),
    },
    "VocabularyEntry": {
        "id": _CODE,
        "label": ("Naam", "De naam op de site."),
        "omschrijving": ("Omschrijving", "Eén zin in gewone taal."),
    },
    "Need": {
        "id": ("Code", "Kleine letters, cijfers en streepjes, bijvoorbeeld dyslexie."),
        "label": ("Naam", "Zoals ouders het zeggen, bijvoorbeeld 'Bewegen (motoriek)'."),
        "omschrijving": ("Omschrijving", "Eén zin in gewone taal over deze behoefte (mag leeg)."),
        "zoekwoorden": (
            "Zoekwoorden",
            "Andere woorden die ouders typen in 'Vind een school', in kleine letters (mag leeg).",
        ),
    },
    "SupportLevel": {
        "id": ("Code", "Wat een school invult, bijvoorbeeld ja of met-hulp."),
        "label": ("Naam", "Wat ouders lezen, bijvoorbeeld 'Dit bieden wij'."),
        "aanbod": (
            "Telt als aanbod",
            "ja: 'Vind een school' vindt de school bij de behoefte; nee: niet.",
        ),
    },
    "PracticalFact": {
        "id": _CODE,
        "label": ("Naam", "Wat ouders lezen, bijvoorbeeld 'Lift in het gebouw'."),
        "soort": ("Soort", "ja-nee (de school schrijft ja of nee) of getal (een heel getal)."),
        "eenheid": (
            "Eenheid",
            "Bij een getal: waarin het geteld is, bijvoorbeeld kinderen (mag leeg).",
        ),
        "zoekwoorden": (
            "Zoekwoorden",
            "Woorden die ouders typen in 'Vind een school', in kleine letters (mag leeg).",
        ),
    },
    "Accessibility": {
        "status": (
            "Status",
            "Voldoet de site aan WCAG 2.1 AA: volledig, gedeeltelijk of niet.",
        ),
        "datum_verklaring": (
            "Datum van de verklaring",
            "De datum (JJJJ-MM-DD) van deze verklaring.",
        ),
        "laatste_onderzoek": (
            "Laatste onderzoek",
            "Wanneer de site het laatst is onderzocht (JJJJ-MM-DD, mag leeg).",
        ),
        "onderzocht_door": ("Onderzocht door", "Wie of hoe de site is onderzocht (mag leeg)."),
        "bekende_problemen": (
            "Bekende problemen",
            "Wat nog niet goed werkt, één regel per probleem (mag leeg).",
        ),
        "email": ("E-mail", "Waar bezoekers een probleem met de toegankelijkheid melden."),
        "reactietermijn_dagen": (
            "Reactietermijn",
            "Binnen hoeveel werkdagen een bezoeker antwoord krijgt.",
        ),
    },
    "Privacy": {
        "email_functionaris": (
            "E-mail voor privacy",
            "Het adres van de functionaris gegevensbescherming of wie privacyvragen beantwoordt.",
        ),
        "hosting": ("Hosting", "Bij welke partij de site staat (mag leeg)."),
    },
    "Glossary": {
        "termen": ("Termen", "Woorden en afkortingen die ouders misschien niet kennen."),
    },
    "GlossaryTerm": {
        "term": ("Term", "Het woord of de afkorting, bijvoorbeeld OPP."),
        "uitleg": ("Uitleg", "Eén zin in gewone taal over wat het betekent."),
        "eenvoudiger": ("Eenvoudiger", "Een gewoner woord dat de check voorstelt (mag leeg)."),
        "varianten": ("Varianten", "Andere schrijfwijzen van hetzelfde woord (mag leeg)."),
    },
    "Editors": {
        "swv": ("Beheerders", "Wie van het samenwerkingsverband alles mag aanpassen (@naam)."),
        "scholen": ("Scholen", "Per map van een school: wie haar SOP mag aanpassen (@naam)."),
    },
    "BuildSettings": {
        "motor": (
            "Motor",
            "Het programma dat van de pagina's de site maakt: mkdocs (standaard) of properdocs.",
        ),
    },
    "OfferVocabularies": {
        "doelgroepen": (
            "Doelgroepen",
            "Voor wie het aanbod is (code en naam). Het aanbod kiest hieruit bij 'doelgroep'.",
        ),
        "soorten": (
            "Soorten",
            "De soorten workshops, zoals training of webinar. Een workshop kiest hieruit.",
        ),
    },
    "SchoolSelection": {
        "postcodes": (
            "Postcodegebieden",
            "De postcodegebieden van het samenwerkingsverband uit de regio-indeling: vier "
            "cijfers, of een reeks van laag naar hoog (1940-1949).",
        ),
        "gemeenten": ("Gemeenten", "De gemeenten van het samenwerkingsverband."),
        "vestigingscodes": (
            "Vestigingscodes",
            "De vestigingscodes van de scholen van het samenwerkingsverband (12AB00).",
        ),
        "soorten": (
            "Soorten school",
            "De soorten school van het samenwerkingsverband: bao, sbo, so, vso en vo.",
        ),
        "vso_als": (
            "(V)SO als",
            "Hoe een school die DUO '(V)SO' noemt meetelt: so, vso of beide (twee scholen). "
            "Leeg: de import vraagt het.",
        ),
    },
    "OfferTerm": {
        "id": _CODE,
        "label": ("Naam", "De naam op de site, in gewone taal."),
    },
    "NetworkFrontMatter": {
        **_FOR_AUDIENCES,
        "kern": (
            "Kern",
            "De code van de kern als de groep bij één kern hoort (mag leeg).",
        ),
        "wanneer": ("Wanneer", "Hoe vaak en wanneer de groep samenkomt, in gewone woorden."),
        "plaats": ("Plaats", "Waar de groep samenkomt (mag leeg)."),
        "email": _OFFER_EMAIL,
        "aanmelden": _OFFER_REGISTRATION,
    },
    "CentreFrontMatter": {
        **_FOR_AUDIENCES,
        "plaats": ("Plaats", "Waar het expertisecentrum zit, bijvoorbeeld de school en plaats."),
        "email": _OFFER_EMAIL,
        "telefoon": ("Telefoon", "Een telefoonnummer van het werk, geen privénummer (mag leeg)."),
        "website": ("Website", "Het webadres van het expertisecentrum (mag leeg)."),
        "behoeften": (
            "Behoeften",
            "Bij welke behoeften het centrum scholen helpt (codes uit "
            "site_config/vocabularies.yaml, mag leeg).",
        ),
    },
    "WorkshopFrontMatter": {
        **_FOR_AUDIENCES,
        "soort": (
            "Soort",
            "Wat voor bijeenkomst het is, bijvoorbeeld workshop. Kies uit de lijst in "
            "site_config/aanbod.yaml.",
        ),
        "datum": ("Datum", "De dag van de bijeenkomst (JJJJ-MM-DD)."),
        "begin": ("Begin", "Hoe laat het begint, met een dubbele punt, bijvoorbeeld 15:30."),
        "einde": ("Einde", "Hoe laat het afloopt, met een dubbele punt, bijvoorbeeld 17:00."),
        "plaats": ("Plaats", "Waar het is, of 'Online'."),
        "aanmelden": _OFFER_REGISTRATION,
        "plaatsen": ("Plaatsen", "Hoeveel mensen mee kunnen doen: een heel getal (mag leeg)."),
    },
    "StoryFrontMatter": {
        **_OFFER_COMMON,
        "datum": ("Datum", "De datum (JJJJ-MM-DD) van het verhaal; het nieuwste staat bovenaan."),
        "scholen": (
            "Scholen",
            "Over welke scholen het verhaal gaat: de naam van hun map in content/schools/.",
        ),
    },
}


def _own_words(model_name: str, key: str, config: SiteConfig) -> tuple[str, str] | None:
    """Where an SWV's own words belong in a field's explanation: the grouping's label, the
    norm's codes and scores, the usual contact role."""
    label = config.swv.grouping.label
    norm, role = config.norm, config.texts.contact_role.default
    own: dict[tuple[str, str], tuple[str, str]] = {
        ("SopFrontMatter", "kern"): (
            label.capitalize(),
            f"De code van de {label} waar de school bij hoort.",
        ),
        ("NetworkFrontMatter", "kern"): (
            label.capitalize(),
            f"De code van de {label} als de groep bij één {label} hoort (mag leeg).",
        ),
        ("ContactPerson", "rol"): ("Rol", f"Bijvoorbeeld {role}."),
        ("SelfAssessmentFile", "ingevuld_door"): (
            "Ingevuld door",
            f"Een rol, bijvoorbeeld {role}. Nooit de naam van een leerling.",
        ),
        ("SelfAssessmentFile", "scores"): (
            "Scores",
            f"Per afspraak een score, bijvoorbeeld {norm.agreements[0].id}: "
            f"{norm.usable_levels()[0].code}. Een toelichting is intern.",
        ),
        ("ScoreEntry", "score"): ("Score", f"De code van de score: {norm.hint_codes()}."),
    }
    return own.get((model_name, key))


def field_doc(
    model_name: str, key: str, config: SiteConfig | None = None
) -> tuple[str, str] | None:
    """The (title, explanation) of ``key`` in the schema class ``model_name``, if known; with
    ``config`` in the SWV's own words where they matter."""
    return (config and _own_words(model_name, key, config)) or FIELD_DOCS.get(model_name, {}).get(
        key
    )
