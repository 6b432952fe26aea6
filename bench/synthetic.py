"""Generate a complete, valid project with any number of synthetic schools (for benchmarks).

The output depends only on the source project, the number of schools and the seed: the same
(N, seed) gives byte-identical files. Run ``python bench/synthetic.py --scholen N --uit MAP``.

The source project is the frozen sample SWV in tests/fixtures/sample/ (not the repository's own
content/ and site_config/, which an SWV replaces with its data); the templates are the tool's own.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sop_builder.core.text import slugify
from sop_builder.project.config import load_config
from sop_builder.project.model import SiteConfig
from sop_builder.project.sections import SOP_SECTIONS, visible_length

REPOSITORY = Path(__file__).resolve().parent.parent
SAMPLE = REPOSITORY / "tests" / "fixtures" / "sample"  # site_config/, content/, mkdocs.yml
TEMPLATES = REPOSITORY / "templates"
MIN_TEXT, MAX_TEXT = 1200, 2300  # visible characters of the four sections together

# --- word lists -----------------------------------------------------------------------------

PLACE_HEADS = (
    "Zand", "Duin", "Helder", "Kievit", "Berg", "Wester", "Ooster", "Noorder", "Zuider", "Hoog",
    "Laag", "Lange", "Nieuw", "Oud", "Wit", "Rode", "Brede", "Stolp", "Schagen", "Warm",
    "Egmond", "Heiloo", "Castri", "Akers", "Velsen", "Bloem", "Hille", "Lisse", "Voor", "Achter",
    "Eiken", "Beuken", "Wilgen", "Elzen", "Vlas", "Koren",
)  # fmt: skip
PLACE_TAILS = (
    "voort", "dijk", "meer", "wijk", "horst", "dam", "veen", "broek", "hoven", "zijl", "woude",
    "kerk", "loo", "hout", "berg", "beek", "rade", "dorp", "wolde", "mond", "gein", "sloot",
    "polder", "haven",
)  # fmt: skip
STREETS = (
    "Dorpsstraat", "Kerkweg", "Schoolstraat", "Molenweg", "Zeeweg", "Duinlaan", "Lindenlaan",
    "Julianastraat", "Beatrixlaan", "Parklaan", "Havenkade", "Vaart", "Brink", "Esdoornlaan",
    "Populierenweg", "Kastanjelaan", "Prinsenstraat", "Sportlaan", "Akkerweg", "Rietkraag",
)  # fmt: skip
BAO_PREFIXES = (
    "Basisschool", "OBS", "CBS", "RKBS", "IKC", "Kindcentrum", "Daltonschool", "Jenaplanschool",
    "Montessorischool",
)  # fmt: skip
NAME_WORDS = (
    "De Regenboog", "De Duinroos", "De Klimop", "De Zeester", "De Vlinder", "De Ark",
    "De Horizon", "De Wegwijzer", "De Linde", "De Esdoorn", "De Kameleon", "De Schakel",
    "De Springplank", "De Toermalijn", "De Meander", "De Windroos", "De Wilg", "De Vuurtoren",
    "De Boomgaard", "De Zonnewijzer", "De Sterrenkijker", "De Tweemaster", "De Bongerd",
    "De Kleine Prins", "De Fontein", "De Brug", "De Driemaster", "De Notenbalk", "De Wieken",
    "Het Kompas", "Het Anker", "Het Palet", "Het Baken", "Het Startpunt", "Het Kristal",
    "Het Klavertje", "Het Octopus", "Het Zonnelied", "Het Mozaiek", "Het Helmgras",
    "Het Molenwiekje", "Het Avontuur", "Het Speelwerk", "Sint Jozef", "Sint Franciscus",
    "Sint Maarten", "Sint Willibrordus", "Sint Jan", "Titus Brandsma", "Prins Willem-Alexander",
    "Koningin Beatrix", "Anne Frank", "Annie M.G. Schmidt", "Dr. Schaepman", "Wereldwijs",
)  # fmt: skip
BOARD_WORDS = (
    "Kustwijzer", "Duinkracht", "Kompaan", "Tabijn", "Kennisrijk", "Sirius", "Spaarnesant",
    "Flore", "Blosse", "Ijdelwijs", "Atlant", "Meerwaarde", "Leerrijk", "Vlieger", "Samen Wijs",
    "Zeeland Leert", "Polderkracht", "Openbaar Kustonderwijs", "Katholiek Onderwijs Kust",
)  # fmt: skip
FIRST_NAMES = (
    "Sanne", "Peter", "Marieke", "Bart", "Anouk", "Ilse", "Rob", "Nadia", "Fatima", "Mohamed",
    "Lotte", "Jeroen", "Esther", "Koen", "Daan", "Eva", "Sven", "Yara", "Ruben", "Noor", "Thijs",
    "Femke", "Bram", "Sara", "Mehmet", "Ayse", "Joost", "Linda", "Hanneke", "Wouter",
)  # fmt: skip
LAST_NAMES = (
    "de Vries", "Bakker", "Schouten", "Verhoeven", "Mulder", "de Graaf", "Bouali", "Jansen",
    "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Dekker", "Brouwer", "Kok", "Vermeulen",
    "van Dijk", "Hendriks", "Yilmaz", "El Amrani", "Kramer", "Peters", "van der Linden", "Bos",
)  # fmt: skip
AREA_CODES = ("0251", "0252", "0255", "0223", "0224", "0226", "0227", "0228", "0229", "0299")
ASSESSORS = ("Intern begeleider", "Intern begeleider en directeur", "Directeur", "Zorgteam")

SUBJECTS_PLURAL = ("Wij", "Onze leerkrachten", "De leerkrachten", "De intern begeleider en wij")
VERBS_PLURAL = ("letten op", "werken aan", "zorgen voor", "praten met ouders over", "kijken naar")
SUBJECTS_SINGULAR = ("De school", "De intern begeleider", "Elke leerkracht", "Het team")
VERBS_SINGULAR = ("let op", "werkt aan", "zorgt voor", "praat met ouders over", "kijkt naar")
OBJECTS = (
    "de ontwikkeling van elk kind", "een rustige sfeer in de klas", "goede afspraken met ouders",
    "het leesplezier in alle groepen", "duidelijke regels op het plein", "extra uitleg bij rekenen",
    "een veilige plek voor ieder kind", "kinderen die meer aankunnen", "de overgang naar groep 3",
    "de taalontwikkeling van jonge kinderen", "kinderen die moeite hebben met plannen",
    "een goede start in groep 1", "samenwerking met de kinderopvang", "wat een kind al kan",
)  # fmt: skip
WHEN = (
    "", " elke dag", " in elke groep", " samen met ouders", " twee keer per jaar",
    " vanaf groep 1", " in een klein groepje", " met hulp van de intern begeleider",
)  # fmt: skip
CONDITIONS = (
    "Als een kind meer nodig heeft", "Als het in de klas niet lukt", "Als ouders zich zorgen maken",
    "Als een kind vastloopt met lezen", "Als gedrag de les verstoort", "Als een kind snel leert",
    "Als een kind zich niet veilig voelt", "Als de toets laat zien dat een kind achterblijft",
    "Als een kind moeite heeft met taal", "Als een kind vaak afwezig is",
)  # fmt: skip
ACTIONS = (
    "zoeken wij samen met ouders naar een oplossing", "vragen wij advies aan het samenwerkingsverband",
    "maken wij een plan met korte doelen", "bespreken wij dit in het zorgteam",
    "krijgt het kind extra hulp in een klein groepje", "kijken wij eerst wat het kind nodig heeft",
    "nodigen wij ouders uit voor een gesprek", "schakelen wij de schoolmaatschappelijk werker in",
    "passen wij de lesstof aan", "maken wij samen met het kind een plan",
)  # fmt: skip
GOALS = (
    "beter lesgeven aan kinderen die meer aankunnen", "het lezen in alle groepen sterker maken",
    "meer samenwerken met de kinderopvang in de wijk", "de gesprekken met ouders beter voorbereiden",
    "dat elke leerkracht dit profiel kent en gebruikt", "meer rust en structuur in de groepen",
    "het rekenonderwijs beter laten aansluiten", "leerlingen vaker laten meepraten",
)  # fmt: skip
LIMITS = (
    "Wij kunnen geen leerling opvangen die de hele dag begeleiding van één volwassene nodig heeft.",
    "Ons gebouw heeft geen lift; de lokalen boven zijn niet bereikbaar met een rolstoel.",
    "Bij ernstig agressief gedrag zoeken wij samen met ouders een betere plek.",
    "Medische handelingen in de klas kunnen wij niet zelf uitvoeren.",
    "Onze groepen zijn groot; een vaste plek met weinig prikkels is er niet altijd.",
    "Voor kinderen die intensieve zorg nodig hebben, werken wij samen met het speciaal onderwijs.",
)  # fmt: skip
INTERNAL_TOPICS = (
    "het pestprotocol", "de veiligheidsmeting", "het groepsplan rekenen", "de overdracht naar het vo",
    "de scholing van het team", "het leerlingvolgsysteem", "het ouderbeleid", "de rolstoeltoegang",
)  # fmt: skip
INTERNAL_STATES = (
    "is in de teamvergadering besproken maar nog niet uitgevoerd",
    "staat als actiepunt in het jaarplan van het bestuur",
    "wordt herzien na het audit-gesprek",
    "mist nog een evaluatie door de directie",
)  # fmt: skip


OFFERS = {  # per level of the sample's scale: what a school says it does, and where it stops
    "ja": ("Kinderen die hulp nodig hebben bij {need}, krijgen die op school, in de klas of in "
           "een klein groepje.", "Behandeling door een specialist komt van buiten de school."),
    "met-hulp": ("Bij {need} werken wij samen met een deskundige van buiten de school.",
                 "Een eigen specialist hiervoor hebben wij niet."),
    "beperkt": ("Bij {need} helpt de leerkracht in de eigen klas.",
                "Meer dan hulp in de klas kunnen wij hierbij niet bieden."),
    "niet": ("Hulp bij {need} kunnen wij niet bieden.",
             "Wij zoeken samen met u een school die dit wel kan."),
}  # fmt: skip
LEVEL_WEIGHTS = (35, 20, 30, 15)  # ja, met-hulp, beperkt, niet (other scales: first to last)
NL = ((51.5, 53.2), (4.4, 6.8))  # where the synthetic kernen lie (latitude, longitude)


@dataclass(frozen=True)
class Kern:
    """A generated or existing kern: id, name and municipality."""

    id: str
    name: str
    municipality: str


def _place_names(rng: random.Random, taken: set[str]) -> Iterator[str]:
    """Yield unique Dutch-looking place names that are not in ``taken``."""
    names = [h + t for h in PLACE_HEADS for t in PLACE_TAILS]
    rng.shuffle(names)
    round_ = 0
    while True:
        for name in names:
            candidate = (
                name if round_ == 0 else f"{name} {('Noord', 'Zuid', 'Oost', 'West')[round_ % 4]}"
            )
            if round_ >= 4:
                candidate += f" {round_}"
            if candidate not in taken and slugify(candidate) not in taken:
                taken |= {candidate, slugify(candidate)}
                yield candidate
        round_ += 1


def _scale_kernen(config: SiteConfig, schools: int, rng: random.Random) -> list[Kern]:
    """The existing kernen plus new ones: about N/15 kernen over N/60+3 gemeenten."""
    kernen = [Kern(k.id, k.name, k.municipality) for k in config.swv.kernen]
    municipalities = list(dict.fromkeys(k.municipality for k in kernen))
    wanted_municipalities = schools // 60 + 3
    new_municipalities = max(0, wanted_municipalities - len(municipalities))
    wanted = max(round(schools / 15), len(kernen) + new_municipalities)
    taken = {k.id for k in kernen} | {k.name for k in kernen} | set(municipalities)
    names = _place_names(rng, taken)
    for _ in range(new_municipalities):
        name = next(names)
        municipalities.append(name)
        kernen.append(Kern(slugify(name), name, name))
    while len(kernen) < wanted:
        name = next(names)
        kernen.append(Kern(slugify(name), name, rng.choice(municipalities)))
    return kernen


def _swv_yaml(original: str, extra: list[Kern]) -> str:
    """``original`` with ``extra`` kernen appended to its 'kernen:' block."""
    if not extra:
        return original
    lines = original.split("\n")
    start = next(i for i, line in enumerate(lines) if re.fullmatch(r"kernen:\s*", line))
    end = next(
        (i for i in range(start + 1, len(lines)) if re.match(r"[A-Za-z_]", lines[i])), len(lines)
    )
    item = next(line for line in lines[start + 1 : end] if line.lstrip().startswith("- "))
    indent = item[: len(item) - len(item.lstrip())]
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    added = []
    for kern in extra:
        added += [
            f"{indent}- id: {kern.id}",
            f"{indent}  naam: {kern.name}",
            f"{indent}  gemeente: {kern.municipality}",
        ]
    return "\n".join(lines[:end] + added + lines[end:])


# --- text -----------------------------------------------------------------------------------


def _sentence(rng: random.Random) -> str:
    kind = rng.randrange(3)
    if kind == 2:
        return f"{rng.choice(CONDITIONS)}, {rng.choice(ACTIONS)}."
    plural = kind == 0
    subject = rng.choice(SUBJECTS_PLURAL if plural else SUBJECTS_SINGULAR)
    verb = rng.choice(VERBS_PLURAL if plural else VERBS_SINGULAR)
    return f"{subject} {verb} {rng.choice(OBJECTS)}{rng.choice(WHEN)}."


def _paragraph(rng: random.Random, count: int) -> str:
    return " ".join(_sentence(rng) for _ in range(count))


def _sections(rng: random.Random, extra_labels: list[str], school_type: str) -> dict[str, str]:
    """The four SOP sections, 1,200-2,300 visible characters together."""
    kind = {"bao": "basisschool", "sbo": "school voor speciaal basisonderwijs"}.get(
        school_type, "school voor speciaal onderwijs"
    )
    goals = rng.sample(GOALS, rng.randint(2, 4))
    offers = [
        f"Wij bieden {label.lower()} voor kinderen die dat nodig hebben."
        for label in extra_labels[:3]
    ]
    parts: dict[str, list[str]] = {
        "visie": [f"Wij zijn een {kind} waar elk kind zich welkom voelt. {_sentence(rng)}"],
        "ambitie": [
            "In de komende jaren willen wij:",
            "\n".join(f"- {g}{';' if i < len(goals) - 1 else '.'}" for i, g in enumerate(goals)),
        ],
        "aanvullende-ondersteuning": [" ".join(offers) or _sentence(rng)],
        "grenzen": [
            "Wij doen veel, maar niet alles kan.",
            "\n".join(f"- {limit}" for limit in rng.sample(LIMITS, rng.randint(2, 3))),
        ],
    }
    target = rng.randint(MIN_TEXT + 100, MAX_TEXT - 200)
    keys = list(parts)

    def length() -> int:
        return sum(visible_length("\n\n".join(p)) for p in parts.values())

    added: list[str] = []
    while length() < target:
        added.append(rng.choice(keys))
        parts[added[-1]].append(_paragraph(rng, rng.randint(1, 3)))
    while length() > MAX_TEXT:  # the last paragraph was long: drop it again
        parts[added.pop()].pop()
    return {key: "\n\n".join(p) for key, p in parts.items()}


def _internal_text(rng: random.Random, about: str) -> str:
    """An internal note, unique per school and agreement like real explanations are."""
    return f"Intern over {about}: {rng.choice(INTERNAL_TOPICS)} {rng.choice(INTERNAL_STATES)}."


# --- files ----------------------------------------------------------------------------------


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _random_date(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _postcode(rng: random.Random) -> str:
    digits = rng.randint(1000, 9999)
    return f"{digits} {rng.choice('BCDEGHJKLMNPRTVWXZ')}{rng.choice('ABCDEGHJKLMNPRTVWXZ')}"


def _phone(rng: random.Random, area: str) -> str:
    return f"{area} {rng.randint(200, 999)} {rng.randint(200, 999)}"


def _sop_md(
    rng: random.Random,
    config: SiteConfig,
    name: str,
    code: str,
    kern: Kern,
    board: str,
    school_type: str,
    domain: str,
    centre: tuple[float, float],
) -> str:
    vocab = config.vocabularies
    internal = rng.sample([e.id for e in vocab.internal_expertise], rng.randint(2, 6))
    external = rng.sample([e.id for e in vocab.external_expertise], rng.randint(2, 5))
    extra_entries = rng.sample(vocab.extra_support, rng.randint(1, 4))
    adopted = _random_date(rng, date(2023, 1, 10), date(2026, 6, 30))
    discussed = adopted - timedelta(days=rng.randint(7, 40))
    updated = _random_date(rng, adopted, max(adopted, date(2026, 10, 31)))
    area = rng.choice(AREA_CODES)
    people = [("Intern begeleider", "ib"), ("Directeur", "directie")]
    if school_type != "bao":
        people.append(("Orthopedagoog", "orthopedagoog"))
    lines = [
        "---",
        f"naam: {name}",
        f"vestigingscode: {code}",
        f"bestuur: {board}",
        f"kern: {kern.id}",
        f"type: {school_type}",
        "adres:",
        f"  straat: {rng.choice(STREETS)} {rng.randint(1, 120)}",
        f"  postcode: {_postcode(rng)}",
        f"  plaats: {kern.name}",
        f"website: https://www.{domain}",
        f"email: info@{domain}",
        f"telefoon: {_phone(rng, area)}",
        "contactpersonen:",
    ]
    for role, box in people:
        lines += [
            f"  - rol: {role}",
            f"    naam: {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            f"    email: {box}@{domain}",
        ]
        if rng.random() < 0.4:
            lines.append(f"    telefoon: {_phone(rng, area)}")
    lines += [
        f"vastgesteld_door_bestuur: {adopted.isoformat()}",
        f"besproken_met_mr: {discussed.isoformat()}",
        f"geldig_tot: {adopted.year + 4}-07-31",
        f"bijgewerkt: {updated.isoformat()}",
        f"interne_expertise: [{', '.join(internal)}]",
        f"externe_deskundigheid: [{', '.join(external)}]",
        f"extra_ondersteuning: [{', '.join(e.id for e in extra_entries)}]",
        *_profile_lines(random.Random(f"{name}-{code}"), config, centre),
    ]
    if rng.random() < 0.2:
        lines.append(f"interne_notitie: {_quoted(_internal_text(rng, name))}")
    lines.append("---")
    sections = _sections(rng, [e.label for e in extra_entries], school_type)
    for key, title in SOP_SECTIONS.items():
        lines += ["", f"## {title}", "", sections[key]]
    return "\n".join(lines) + "\n"


def _varied_block(rng: random.Random) -> str:
    """A paragraph or list as schools write them: a few sentences, a bold word or a link."""
    kind = rng.randrange(6)
    if kind == 0:
        return "\n".join(f"- {_sentence(rng)}" for _ in range(rng.randint(2, 5)))
    if kind == 1:
        link = f"https://www.school.nl/{rng.choice(NAME_WORDS).lower()}"
        return f"{_paragraph(rng, 2)} Lees [meer over ons onderwijs]({link})."
    if kind == 2:
        first, rest = _sentence(rng).split(" ", 1)
        return f"**{first}** {rest} {_paragraph(rng, rng.randint(1, 3))}"
    return _paragraph(rng, rng.randint(2, 5))


# The kinds of long text in the four sections (issue 21 found the first two slow): short lines
# one under the other, one sentence repeated, and varied paragraphs (twice).
LONG_TEXTS = (
    lambda _, i: f"Groep {i % 8 + 1}, regel {i}: extra hulp.",
    lambda _, i: (
        "Wij willen dat elk kind zich veilig en welkom voelt." + ("\n" if i % 6 == 5 else "")
    ),
    lambda rng, _: _varied_block(rng) + "\n",
    lambda rng, _: _varied_block(rng) + "\n",
)


def long_sop_body(size: int, seed: int = 1) -> str:
    """The four SOP sections with at most ``size`` bytes of text (UTF-8; a few hundred less),
    a quarter each: 'Visie' a column of short lines, 'Ambitie' one sentence over and over,
    the other two paragraphs and lists with bold words and links (for the benchmark of large
    texts)."""
    rng = random.Random(f"{seed}-long-{size}")
    parts: list[str] = []
    for title, make in zip(SOP_SECTIONS.values(), LONG_TEXTS, strict=True):
        lines, written, index = [f"## {title}", ""], 0, 0
        while True:
            line = make(rng, index)
            if written + len(line.encode("utf-8")) + 1 > size // len(SOP_SECTIONS) - 20:
                break
            lines.append(line)
            written, index = written + len(line.encode("utf-8")) + 1, index + 1
        parts.append("\n".join(lines).rstrip("\n") + "\n")
    return "\n".join(parts)


def with_long_body(sop_md: str, size: int, seed: int = 1) -> str:
    """``sop_md`` (a school's sop.md) with its sections made long: at most ``size`` bytes."""
    front = sop_md.split("\n---\n", 1)[0] + "\n---\n"
    return front + long_sop_body(size - len(front.encode("utf-8")), seed)


def _self_assessment_yaml(rng: random.Random, config: SiteConfig, year: str, name: str) -> str:
    norm = config.norm
    usable = [s for s in norm.scale if not s.not_applicable]
    full = [s.code for s in usable if s.weight == 1]
    partial = [s.code for s in usable if s.weight != 1]
    first_year = int(year[:4])
    quality = rng.uniform(0.8, 0.99)
    filled_in = _random_date(rng, date(first_year, 9, 15), date(first_year, 11, 30))
    lines = [
        f"# Zelfevaluatie basisondersteuning {name}, schooljaar {year} (gegenereerd).",
        f"schooljaar: {year}",
        f"ingevuld_op: {filled_in.isoformat()}",
        f"ingevuld_door: {rng.choice(ASSESSORS)}",
        "scores:",
    ]
    for agreement_id in norm.agreement_ids():
        if rng.random() < quality or not partial:
            lines.append(f"  {agreement_id}: {rng.choice(full)}")
        elif rng.random() < 0.7:
            lines += [
                f"  {agreement_id}:",
                f"    score: {rng.choice(partial)}",
                f"    toelichting: {_quoted(_internal_text(rng, f'{agreement_id} bij {name}'))}",
            ]
        else:
            lines.append(f"  {agreement_id}: {rng.choice(partial)}")
    return "\n".join(lines) + "\n"


def _profile_lines(
    rng: random.Random, config: SiteConfig, centre: tuple[float, float]
) -> list[str]:
    """A school's declarations per need, practical facts, enrolment and coordinates."""
    vocab = config.vocabularies
    levels = [lv.id for lv in vocab.levels]
    weights = [LEVEL_WEIGHTS[min(i, len(LEVEL_WEIGHTS) - 1)] for i in range(len(levels))]
    lines = ["ondersteuning:"]
    for need in vocab.needs:
        level = rng.choices(levels, weights=weights)[0]
        offer, limit = OFFERS.get(level, OFFERS["beperkt"])
        lines += [
            f"  {need.id}:",
            f"    niveau: {level}",
            f"    wat: {_quoted(offer.format(need=need.label.lower()))}",
            f"    grens: {_quoted(rng.choice((limit, *LIMITS)))}",
        ]
    if vocab.practical:
        lines.append("praktisch:")
        for fact in vocab.practical:
            value = rng.choice(("ja", "nee")) if fact.kind == "ja-nee" else str(rng.randint(14, 30))
            lines.append(f"  {fact.id}: {value}")
    lines += [
        "aanmelden:",
        "  kennismaken: U bent welkom voor een rondleiding. Bel of mail de school.",
        "  inschrijven: U meldt uw kind aan met het aanmeldformulier van de school.",
        "  intake: Na de aanmelding praat de intern begeleider met u.",
        "coordinaten:",
        f"  breedtegraad: {centre[0] + rng.uniform(-0.04, 0.04):.4f}",
        f"  lengtegraad: {centre[1] + rng.uniform(-0.06, 0.06):.4f}",
    ]
    return lines


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def generate(
    source_root: Path, target: Path, schools: int, seed: int = 1, templates: Path | None = None
) -> None:
    """Write a project with ``schools`` synthetic schools into ``target`` (new or empty).

    ``source_root`` gives site_config/ and mkdocs.yml; the templates come from ``templates``, else
    from ``source_root/templates`` if it has them (a full project), else the repository's."""
    source_root, target = Path(source_root), Path(target)
    if templates is None:
        templates = source_root / "templates"
        templates = templates if templates.is_dir() else TEMPLATES
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty")
    config, issues = load_config(source_root)
    if config is None:
        raise ValueError(f"site_config in {source_root} has errors: {issues[:3]}")
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source_root / "site_config", target / "site_config")
    editors = target / "site_config" / "redacteuren.yaml"
    if editors.is_file():  # its schools are not in this project: keep only the SWV's editors
        kept = editors.read_text(encoding="utf-8").split("\nscholen:", 1)[0]
        editors.write_text(kept.rstrip("\n") + "\n", encoding="utf-8")
    shutil.copytree(templates, target / "templates")
    shutil.copyfile(source_root / "mkdocs.yml", target / "mkdocs.yml")

    kernen = _scale_kernen(config, schools, rng)
    swv = (source_root / "site_config" / "swv.yaml").read_text(encoding="utf-8")
    _write(target / "site_config" / "swv.yaml", _swv_yaml(swv, kernen[len(config.swv.kernen) :]))

    year = config.swv.school_year
    previous = f"{int(year[:4]) - 1}-{int(year[:4])}"
    boards = [f"Stichting {w}" for w in BOARD_WORDS[: max(2, min(len(BOARD_WORDS), schools // 8))]]
    codes: set[str] = set()
    slugs: set[str] = set()
    place = random.Random(f"{seed}-kernen")
    centres = {k.id: (place.uniform(*NL[0]), place.uniform(*NL[1])) for k in kernen}
    for index in range(schools):
        kern = kernen[index] if index < len(kernen) else rng.choice(kernen)
        school_type = rng.choices(("bao", "sbo", "so"), weights=(85, 9, 6))[0]
        prefix = {"bao": rng.choice(BAO_PREFIXES), "sbo": "SBO", "so": "SO"}[school_type]
        name = f"{prefix} {rng.choice(NAME_WORDS)}"
        slug = slugify(name)
        if slug in slugs:
            name, slug = f"{name} {kern.name}", slugify(f"{name} {kern.name}")
        number = 2
        while slug in slugs:
            slug, number = f"{slugify(name)}-{number}", number + 1
        slugs.add(slug)
        code = ""
        while not code or code in codes:
            letters = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(2))
            code = f"{rng.randint(0, 99):02d}{letters}{rng.randint(0, 99):02d}"
        codes.add(code)
        domain = slug.replace("-", "") + ".nl"
        folder = target / "content" / "schools" / slug
        board = rng.choice(boards)
        sop = _sop_md(rng, config, name, code, kern, board, school_type, domain, centres[kern.id])
        _write(folder / "sop.md", sop)
        _write(
            folder / f"zelfevaluatie-{year}.yaml", _self_assessment_yaml(rng, config, year, name)
        )
        if rng.random() < 0.3:
            text = _self_assessment_yaml(rng, config, previous, name)
            _write(folder / f"zelfevaluatie-{previous}.yaml", text)


def main(argv: list[str] | None = None) -> None:
    """Command line: ``python bench/synthetic.py --scholen N --uit MAP [--seed S]``."""
    parser = argparse.ArgumentParser(description="Maak een project met verzonnen scholen.")
    parser.add_argument("--scholen", type=int, required=True, help="aantal scholen")
    parser.add_argument("--uit", type=Path, required=True, help="nieuwe (lege) map")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--bron", type=Path, default=SAMPLE, help="bronproject (standaard: tests/fixtures/sample)"
    )
    args = parser.parse_args(argv)
    generate(args.bron, args.uit, args.scholen, args.seed)
    print(f"{args.scholen} scholen geschreven in {args.uit}")


if __name__ == "__main__":
    main()
