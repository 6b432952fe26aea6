"""Message codes: schema: fields and their values (SOP1xx).

The field types (core/fieldtypes.py) say what is wrong with a value; core/schema.py names the
field before it with `IN_FIELD`, "Bij {where}: " and the text with a small first letter:
"Bij 'website': 'x' is geen geldig webadres.".
"""

from __future__ import annotations

from sop_builder.core.issues import Family, Message, Severity

ERROR = Severity.ERROR

IN_FIELD = "Bij {where}: {text}"

# --- what core/schema.py finds ---------------------------------------------------------------

MISSING_FIELD = Message(
    "SOP101",
    ERROR,
    "required field missing",
    "Het verplichte veld {where} ontbreekt.",
    "Voeg een regel '{key}: …' toe.",
)
UNKNOWN_FIELD = Message(
    "SOP102",
    ERROR,
    "unknown field",
    "Het veld '{key}' bestaat niet.",
    "Toegestane velden hier: {allowed}.",
)
UNKNOWN_FIELD_TYPO = Message("SOP102", ERROR, "unknown field", UNKNOWN_FIELD.text, "{suggestion}")
UNKNOWN_FIELD_NONE_HERE = Message(
    "SOP102", ERROR, "unknown field", UNKNOWN_FIELD.text, "Haal dit veld weg."
)
WRONG_KIND = Message(
    "SOP103",
    ERROR,
    "wrong kind of value",
    "Bij {where} hoort {kind}.",
    "Kijk in het voorbeeld hoe dit veld eruitziet.",
)
INVALID_VALUE = Message(
    "SOP103",
    ERROR,
    "wrong kind of value",
    "De waarde bij {where} klopt niet.",
    "{detail}",
)
TEXT_EXPECTED = Message(
    "SOP103",
    ERROR,
    "wrong kind of value",
    "Hier hoort tekst, maar er staat {kind}.",
    "Schrijf de waarde achter de dubbele punt op dezelfde regel.",
)
SCORE_IS_A_LIST = Message(
    "SOP103",
    ERROR,
    "wrong kind of value",
    "Bij '{agreement}' hoort een score, maar er staat een lijst.",
    "Schrijf bijvoorbeeld '{agreement}: ja'.",
)
SCORES_PER_DIMENSION = Message(
    "SOP103",
    ERROR,
    "wrong kind of value",
    "Bij '{item}' hoort een score per onderdeel ({dimensions}).",
    "Schrijf op de regels eronder, ingesprongen: {example}.",
)
NOT_A_VESTIGINGSCODE = Message(
    "SOP104",
    ERROR,
    "invalid vestigingscode",
    "'{value}' is geen geldige vestigingscode.",
    "Een vestigingscode heeft 6 tekens: 2 cijfers, 2 hoofdletters en 2 cijfers, bijvoorbeeld "
    "12AB00. U vindt hem op de site van DUO of de Inspectie.",
)
NOT_A_DATE = Message(
    "SOP105",
    ERROR,
    "invalid date",
    "'{value}' is geen datum in de vorm JJJJ-MM-DD.",
    "Schrijf de datum als jaar-maand-dag, bijvoorbeeld 2025-06-30.",
)
NO_SUCH_DATE = Message(
    "SOP105",
    ERROR,
    "invalid date",
    "'{value}' bestaat niet als datum.",
    "Controleer de dag en de maand, bijvoorbeeld 2025-06-30.",
)
NOT_A_URL = Message(
    "SOP106",
    ERROR,
    "invalid web address",
    "'{value}' is geen geldig webadres.",
    "Schrijf het volledige adres, beginnend met https://, bijvoorbeeld https://www.school.nl.",
)
NOT_AN_EMAIL = Message(
    "SOP107",
    ERROR,
    "invalid e-mail address",
    "'{value}' is geen geldig e-mailadres.",
    "Schrijf het adres als naam@domein.nl, zonder spaties.",
)
NOT_ALLOWED = Message(
    "SOP108",
    ERROR,
    "value not allowed",
    "'{value}' is niet toegestaan bij {where}.",
    "{suggestion}",
)
NOT_YES_OR_NO = Message(
    "SOP108", ERROR, "value not allowed", "'{value}' is geen ja of nee.", "Schrijf ja of nee."
)
FACT_NOT_YES_OR_NO = Message(
    "SOP108", ERROR, "value not allowed", "Bij '{fact}' hoort ja of nee.", "Schrijf ja of nee."
)
NOT_A_SCHOOL_YEAR = Message(
    "SOP109",
    ERROR,
    "invalid school year",
    "'{value}' is geen schooljaar.",
    "Schrijf het schooljaar als twee opvolgende jaren, bijvoorbeeld 2025-2026.",
)
UNTIL_BEFORE_YEAR = Message(
    "SOP109",
    ERROR,
    "invalid school year",
    "'tot_en_met' ({until}) ligt vóór het schooljaar van deze doelen ({year}).",
    "Schrijf het laatste schooljaar waarin deze doelen gelden, of haal de regel weg.",
)
WEIGHT_HINT = "Schrijf een gewicht van 0 tot en met 1, bijvoorbeeld 0, 1/2 of 1."
PERCENTAGE_HINT = "Schrijf een percentage van 1 tot en met 100, zonder %-teken, bijvoorbeeld 80."
WEIGHT_NOT_A_NUMBER = Message(
    "SOP110", ERROR, "invalid number", "'{value}' is geen getal.", WEIGHT_HINT
)
WEIGHT_OUT_OF_RANGE = Message(
    "SOP110", ERROR, "invalid number", "'{value}' ligt niet tussen 0 en 1.", WEIGHT_HINT
)
PERCENTAGE_NOT_A_NUMBER = Message(
    "SOP110", ERROR, "invalid number", "'{value}' is geen getal.", PERCENTAGE_HINT
)
PERCENTAGE_OUT_OF_RANGE = Message(
    "SOP110", ERROR, "invalid number", "'{value}' ligt niet tussen 1 en 100.", PERCENTAGE_HINT
)
NOT_A_POSITIVE_NUMBER = Message(
    "SOP110",
    ERROR,
    "invalid number",
    "'{value}' is geen geheel getal groter dan 0.",
    "Schrijf alleen cijfers, bijvoorbeeld 2600.",
)
NOT_A_COORDINATE = Message(
    "SOP110",
    ERROR,
    "invalid number",
    "'{value}' is geen {what} in Nederland.",
    "Schrijf een getal tussen {low} en {high} met een punt, bijvoorbeeld {example}. Heeft u "
    "breedtegraad en lengtegraad omgewisseld?",
)
FACT_NOT_A_NUMBER = Message(
    "SOP110",
    ERROR,
    "invalid number",
    "Bij '{fact}' hoort een heel getal.",
    "Schrijf alleen cijfers, bijvoorbeeld 24.",
)
FACT_NOT_A_NUMBER_OF = Message(
    "SOP110",
    ERROR,
    "invalid number",
    FACT_NOT_A_NUMBER.text,
    "Schrijf alleen cijfers, bijvoorbeeld 24 (aantal {unit}).",
)
NOTHING_FILLED_IN = Message(
    "SOP111",
    ERROR,
    "empty value",
    "Bij {where} staat nog niets.",
    "Vul minstens één onderdeel in.",
)
EMPTY_VALUE = Message("SOP111", ERROR, "empty value", "dit veld is leeg.", "Vul een waarde in.")
NOT_A_SLUG = Message(
    "SOP112",
    ERROR,
    "invalid format",
    "'{value}' is geen geldige code: gebruik kleine letters, cijfers en streepjes.",
    "Bijvoorbeeld: specialist-hoogbegaafdheid.",
)
NOT_A_CODE_EXAMPLE = Message(
    "SOP112",
    ERROR,
    "invalid format",
    "'{value}' is geen voorbeeld van een code: gebruik letters en cijfers, eventueel met "
    "- . _ of / ertussen.",
    "Schrijf de code van één afspraak, zonder spaties, bijvoorbeeld BO-01 of 1.1.",
)
NOT_A_POSTCODE = Message(
    "SOP112",
    ERROR,
    "invalid format",
    "'{value}' is geen geldige postcode.",
    "Schrijf 4 cijfers en 2 hoofdletters, bijvoorbeeld 1941 AB.",
)
NOT_A_POSTCODE_AREA = Message(
    "SOP112",
    ERROR,
    "invalid format",
    "'{value}' is geen postcodegebied.",
    "Schrijf vier cijfers (1941), of een reeks van laag naar hoog (1940-1949).",
)
NOT_A_PHONE_NUMBER = Message(
    "SOP112",
    ERROR,
    "invalid format",
    "'{value}' is geen geldig telefoonnummer.",
    "Schrijf alleen cijfers, spaties en streepjes, bijvoorbeeld 0251 222 333.",
)
CODE_NOT_LIKE_EXAMPLE = Message(
    "SOP112",
    ERROR,
    "invalid format",
    "De code '{code}' heeft niet de vorm van de codes in deze norm (zoals {example}).",
    "Schrijf de code zoals '{example}', of pas 'codevoorbeeld' aan.",
)
NOT_A_FORMAT_VERSION = Message(
    "SOP112",
    ERROR,
    "invalid format",
    "'{value}' is geen formaatversie.",
    "Schrijf een geheel getal, bijvoorbeeld formaatversie: {version}.",
)
ANGLE_BRACKETS = Message(
    "SOP113",
    ERROR,
    "characters that are not allowed",
    "De tekens < en > mogen hier niet.",
    "Haal < en > weg; gebruik gewone tekst.",
)

FAMILY = Family(
    "Schema: fields and their values",
    (
        MISSING_FIELD,
        UNKNOWN_FIELD,
        UNKNOWN_FIELD_TYPO,
        UNKNOWN_FIELD_NONE_HERE,
        WRONG_KIND,
        INVALID_VALUE,
        TEXT_EXPECTED,
        SCORE_IS_A_LIST,
        SCORES_PER_DIMENSION,
        NOT_A_VESTIGINGSCODE,
        NOT_A_DATE,
        NO_SUCH_DATE,
        NOT_A_URL,
        NOT_AN_EMAIL,
        NOT_ALLOWED,
        NOT_YES_OR_NO,
        FACT_NOT_YES_OR_NO,
        NOT_A_SCHOOL_YEAR,
        UNTIL_BEFORE_YEAR,
        WEIGHT_NOT_A_NUMBER,
        WEIGHT_OUT_OF_RANGE,
        PERCENTAGE_NOT_A_NUMBER,
        PERCENTAGE_OUT_OF_RANGE,
        NOT_A_POSITIVE_NUMBER,
        NOT_A_COORDINATE,
        FACT_NOT_A_NUMBER,
        FACT_NOT_A_NUMBER_OF,
        NOTHING_FILLED_IN,
        EMPTY_VALUE,
        NOT_A_SLUG,
        NOT_A_CODE_EXAMPLE,
        NOT_A_POSTCODE,
        NOT_A_POSTCODE_AREA,
        NOT_A_PHONE_NUMBER,
        CODE_NOT_LIKE_EXAMPLE,
        NOT_A_FORMAT_VERSION,
        ANGLE_BRACKETS,
    ),
)
