"""Message codes: scores of the self-assessment (SOP3xx)."""

from __future__ import annotations

from sop_builder.core.issues import Family, Message, Severity

ERROR, WARNING = Severity.ERROR, Severity.WARNING

# The hint for an agreement id the norm does not have, when no id is close to it.
NORM_RANGE = "De norm kent {first} t/m {last}."

UNKNOWN_AGREEMENT = Message(
    "SOP301",
    ERROR,
    "unknown agreement id",
    "Afspraak '{agreement}' bestaat niet; de norm kent {first} t/m {last}.",
    "{suggestion}",
)
UNKNOWN_AGREEMENT_OF_YEAR = Message(
    "SOP301",
    ERROR,
    "unknown agreement id",
    "Afspraak '{agreement}' bestaat niet; de norm van {year} kent {first} t/m {last}.",
    "{suggestion}",
)
ONE_UNSCORED_NOT_COUNTED = Message(
    "SOP302",
    WARNING,
    "agreement not scored",
    "{count} van de {total} afspraken heeft nog geen score: {agreements}.",
    "Vul voor elke afspraak een score in. Zonder score telt een afspraak niet mee.",
)
UNSCORED_NOT_COUNTED = Message(
    "SOP302",
    WARNING,
    "agreement not scored",
    "{count} van de {total} afspraken hebben nog geen score: {agreements}.",
    ONE_UNSCORED_NOT_COUNTED.hint,
)
ONE_UNSCORED_FAILS = Message(
    "SOP302",
    WARNING,
    "agreement not scored",
    ONE_UNSCORED_NOT_COUNTED.text,
    "Vul voor elke afspraak een score in. Zonder score telt een afspraak als 'niet gehaald'.",
)
UNSCORED_FAILS = Message(
    "SOP302", WARNING, "agreement not scored", UNSCORED_NOT_COUNTED.text, ONE_UNSCORED_FAILS.hint
)
NOT_A_SCORE = Message(
    "SOP303",
    ERROR,
    "unknown score code",
    "'{score}' is geen score bij {agreement}.",
    "{suggestion}",
)
NOT_APPLICABLE_REFUSED = Message(
    "SOP304",
    ERROR,
    "n.v.t. not allowed",
    "'{score}' (niet van toepassing) mag in dit samenwerkingsverband niet.",
    "Kies uit: {codes}.",
)
YEAR_DIFFERS_FROM_NAME = Message(
    "SOP305",
    ERROR,
    "school year differs from file name",
    "In het bestand staat schooljaar {written}, maar de bestandsnaam zegt {year}.",
    "Maak de bestandsnaam en het veld 'schooljaar' gelijk.",
)
NO_SELF_ASSESSMENT = Message(
    "SOP306",
    WARNING,
    "no self-assessment for the current school year",
    "Er is geen zelfevaluatie voor het schooljaar {year}.",
    "Maak het bestand {file} in deze map.",
)
AGREEMENT_FROM = Message(
    "SOP307",
    ERROR,
    "agreement of another school year's norm",
    "Afspraak '{agreement}' hoort niet bij de norm van {year}; die afspraak geldt vanaf {first}.",
    "Haal de score weg: in {year} telt deze afspraak niet mee. Hoort de score bij een ander "
    "schooljaar? Zet hem dan in het bestand van dat jaar.",
)
AGREEMENT_UNTIL = Message(
    "SOP307",
    ERROR,
    "agreement of another school year's norm",
    "Afspraak '{agreement}' hoort niet bij de norm van {year}; die afspraak geldt tot {last} (en "
    "eerder).",
    AGREEMENT_FROM.hint,
)
NO_NORM_FOR_YEAR = Message(
    "SOP308",
    ERROR,
    "no version of the norm in force in the file's school year",
    "Voor schooljaar {year} is er geen norm; de eerste norm begint in {first}.",
    "Controleer het schooljaar, of zet de afspraken van {year} in "
    "site_config/basisondersteuning/{year}.yaml.",
)
NO_NORM_AT_ALL = Message(
    "SOP308",
    ERROR,
    "no version of the norm in force in the file's school year",
    "Voor schooljaar {year} is er geen norm.",
    NO_NORM_FOR_YEAR.hint,
)

FAMILY = Family(
    "Scores of the self-assessment",
    (
        UNKNOWN_AGREEMENT,
        UNKNOWN_AGREEMENT_OF_YEAR,
        ONE_UNSCORED_NOT_COUNTED,
        UNSCORED_NOT_COUNTED,
        ONE_UNSCORED_FAILS,
        UNSCORED_FAILS,
        NOT_A_SCORE,
        NOT_APPLICABLE_REFUSED,
        YEAR_DIFFERS_FROM_NAME,
        NO_SELF_ASSESSMENT,
        AGREEMENT_FROM,
        AGREEMENT_UNTIL,
        NO_NORM_FOR_YEAR,
        NO_NORM_AT_ALL,
    ),
)
