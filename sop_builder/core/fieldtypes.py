"""Field types for the schemas: every value arrives as text and is checked here.

Each type raises a ``PydanticCustomError`` whose type is the permanent message code and whose
message is the Dutch text; ``hint`` in the context says how to fix it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Annotated, Any, cast

from pydantic import BeforeValidator, Field, JsonValue, WithJsonSchema
from pydantic_core import PydanticCustomError


def field_error(code: str, message: str, hint: str, value: Any = "") -> PydanticCustomError:
    # Braces in user input must not be read as template fields by pydantic.
    safe = str(value).replace("{", "(").replace("}", ")")
    return PydanticCustomError(code, message.replace("{value}", safe), {"hint": hint})


def text_value(value: Any) -> str:
    if isinstance(value, (dict, list)):
        kind = "een lijst" if isinstance(value, list) else "een blok met velden"
        raise field_error(
            "SOP103",
            f"Hier hoort tekst, maar er staat {kind}.",
            "Schrijf de waarde achter de dubbele punt op dezelfde regel.",
        )
    if value is None:
        value = ""
    text = str(value).strip()
    if not text:
        raise field_error("SOP111", "dit veld is leeg.", "Vul een waarde in.")
    return text


def _pattern(regex: str, code: str, message: str, hint: str):
    compiled = re.compile(regex)

    def check(value: Any) -> str:
        text = text_value(value)
        if not compiled.fullmatch(text):
            raise field_error(code, message, hint, text)
        return text

    return check


def _plain_text(value: Any) -> str:
    text = text_value(value)
    if "<" in text or ">" in text:
        raise field_error(
            "SOP113", "De tekens < en > mogen hier niet.", "Haal < en > weg; gebruik gewone tekst."
        )
    return " ".join(text.split())


def _date(value: Any) -> date:
    text = text_value(value)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise field_error(
            "SOP105",
            "'{value}' is geen datum in de vorm JJJJ-MM-DD.",
            "Schrijf de datum als jaar-maand-dag, bijvoorbeeld 2025-06-30.",
            text,
        )
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise field_error(
            "SOP105",
            "'{value}' bestaat niet als datum.",
            "Controleer de dag en de maand, bijvoorbeeld 2025-06-30.",
            text,
        ) from None


def _school_year(value: Any) -> str:
    text = text_value(value)
    match = re.fullmatch(r"(\d{4})-(\d{4})", text)
    if not match or int(match[2]) != int(match[1]) + 1:
        raise field_error(
            "SOP109",
            "'{value}' is geen schooljaar.",
            "Schrijf het schooljaar als twee opvolgende jaren, bijvoorbeeld 2025-2026.",
            text,
        )
    return text


_URL = r"https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:[0-9]+)?(/[^\s<>\"']*)?"
_EMAIL = r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"


def _url(value: Any) -> str:
    text = text_value(value)
    if not re.fullmatch(_URL, text):
        raise field_error(
            "SOP106",
            "'{value}' is geen geldig webadres.",
            "Schrijf het volledige adres, beginnend met https://, "
            "bijvoorbeeld https://www.school.nl.",
            text,
        )
    return text


def _email(value: Any) -> str:
    text = text_value(value)
    if not re.fullmatch(_EMAIL, text):
        raise field_error(
            "SOP107",
            "'{value}' is geen geldig e-mailadres.",
            "Schrijf het adres als naam@domein.nl, zonder spaties.",
            text,
        )
    return text


def _fraction(value: Any, code: str, lo: Fraction, hi: Fraction, what: str) -> Fraction:
    text = text_value(value)
    try:
        if re.fullmatch(r"\d+/\d+", text):
            number = Fraction(text)
        elif re.fullmatch(r"\d+([.,]\d+)?", text):
            number = Fraction(text.replace(",", "."))
        else:
            raise ValueError
    except (ValueError, ZeroDivisionError):
        raise field_error(code, "'{value}' is geen getal.", f"Schrijf {what}.", text) from None
    if not lo <= number <= hi:
        raise field_error(
            code, f"'{{value}}' ligt niet tussen {lo} en {hi}.", f"Schrijf {what}.", text
        )
    return number


def _weight(value: Any) -> Fraction:
    return _fraction(
        value,
        "SOP110",
        Fraction(0),
        Fraction(1),
        "een gewicht van 0 tot en met 1, bijvoorbeeld 0, 1/2 of 1",
    )


def _percentage(value: Any) -> Fraction:
    return _fraction(
        value,
        "SOP110",
        Fraction(1),
        Fraction(100),
        "een percentage van 1 tot en met 100, zonder %-teken, bijvoorbeeld 80",
    )


def _positive_int(value: Any) -> int:
    text = text_value(value)
    if not re.fullmatch(r"[1-9]\d{0,6}", text):
        raise field_error(
            "SOP110",
            "'{value}' is geen geheel getal groter dan 0.",
            "Schrijf alleen cijfers, bijvoorbeeld 2600.",
            text,
        )
    return int(text)


def _yes_no(value: Any) -> bool:
    text = text_value(value).lower()
    if text in ("ja", "true"):
        return True
    if text in ("nee", "false"):
        return False
    raise field_error("SOP108", "'{value}' is geen ja of nee.", "Schrijf ja of nee.", text)


def _empty_to_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


def string_schema(**extra: Any) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", **extra})


def _number_schema(lo: int, hi: int, pattern: str) -> WithJsonSchema:
    """A number from ``lo`` to ``hi``, typed as a number or as text."""
    number = {"type": "number", "minimum": lo, "maximum": hi}
    return WithJsonSchema({"anyOf": [number, {"type": "string", "pattern": pattern}]})


# Plain text: never read as Markdown or HTML; shown as written (site/sanitize.py page_text).
# PlainText is one line (names, roles, places, titles) without '<' or '>'; Text may have line
# breaks and any character. The Markdown fields are the texts under the front matter of an SOP
# and of an offer page (the schema says so with "x-body").
PLAIN = "text/plain"
MARKDOWN = "text/markdown"
Text = Annotated[
    str, BeforeValidator(text_value), string_schema(minLength=1, contentMediaType=PLAIN)
]
PlainText = Annotated[
    str,
    BeforeValidator(_plain_text),
    string_schema(minLength=1, pattern=r"^[^<>]+$", contentMediaType=PLAIN),
]
Slug = Annotated[
    str,
    BeforeValidator(
        _pattern(
            r"[a-z0-9]+(-[a-z0-9]+)*",
            "SOP112",
            "'{value}' is geen geldige code: gebruik kleine letters, cijfers en streepjes.",
            "Bijvoorbeeld: specialist-hoogbegaafdheid.",
        )
    ),
    string_schema(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$"),
]
# An example of the codes of an SWV's agreements (BO-01, 1.1, A3): the norm derives their form.
CodeExample = Annotated[
    str,
    BeforeValidator(
        _pattern(
            r"[A-Za-z0-9]+([-._/][A-Za-z0-9]+)*",
            "SOP112",
            "'{value}' is geen voorbeeld van een code: gebruik letters en cijfers, "
            "eventueel met - . _ of / ertussen.",
            "Schrijf de code van één afspraak, zonder spaties, bijvoorbeeld BO-01 of 1.1.",
        )
    ),
    string_schema(pattern=r"^[A-Za-z0-9]+([-._/][A-Za-z0-9]+)*$"),
]
Vestigingscode = Annotated[
    str,
    BeforeValidator(
        _pattern(
            r"\d{2}[A-Z]{2}\d{2}",
            "SOP104",
            "'{value}' is geen geldige vestigingscode.",
            "Een vestigingscode heeft 6 tekens: 2 cijfers, 2 hoofdletters en 2 cijfers, "
            "bijvoorbeeld 12AB00. U vindt hem op de site van DUO of de Inspectie.",
        )
    ),
    string_schema(pattern=r"^\d{2}[A-Z]{2}\d{2}$"),
]
Postcode = Annotated[
    str,
    BeforeValidator(
        _pattern(
            r"[1-9]\d{3} ?[A-Z]{2}",
            "SOP112",
            "'{value}' is geen geldige postcode.",
            "Schrijf 4 cijfers en 2 hoofdletters, bijvoorbeeld 1941 AB.",
        )
    ),
    string_schema(pattern=r"^[1-9][0-9]{3} ?[A-Z]{2}$"),
]
Phone = Annotated[
    str,
    BeforeValidator(
        _pattern(
            r"\+?\d[\d \-]{7,16}\d",
            "SOP112",
            "'{value}' is geen geldig telefoonnummer.",
            "Schrijf alleen cijfers, spaties en streepjes, bijvoorbeeld 0251 222 333.",
        )
    ),
    string_schema(pattern=r"^\+?[0-9][0-9 \-]{7,16}[0-9]$"),
]
Date = Annotated[date, BeforeValidator(_date), string_schema(format="date")]
SchoolYear = Annotated[
    str, BeforeValidator(_school_year), string_schema(pattern=r"^[0-9]{4}-[0-9]{4}$")
]
Url = Annotated[str, BeforeValidator(_url), string_schema(format="uri", pattern=f"^{_URL}$")]
Email = Annotated[
    str, BeforeValidator(_email), string_schema(format="email", pattern=f"^{_EMAIL}$")
]
# Editors read an unquoted 80 or true as a number or a boolean; our reader keeps it as text.
Weight = Annotated[
    Fraction,
    BeforeValidator(_weight),
    _number_schema(0, 1, r"^(0([.,][0-9]+)?|1([.,]0+)?|[0-9]+/[1-9][0-9]*)$"),
]
Percentage = Annotated[
    Fraction,
    BeforeValidator(_percentage),
    _number_schema(1, 100, r"^(100([.,]0+)?|[1-9][0-9]?([.,][0-9]+)?)$"),
]
PositiveInt = Annotated[
    int,
    BeforeValidator(_positive_int),
    WithJsonSchema({"type": ["string", "integer"], "pattern": r"^[1-9][0-9]*$"}),
]
YesNo = Annotated[
    bool,
    BeforeValidator(_yes_no),
    WithJsonSchema({"enum": ["ja", "nee", "true", "false", True, False]}),
]


def x_labels(labels: Mapping[str, str]) -> dict[str, JsonValue]:
    """The Dutch labels of a field's allowed values, for the JSON Schema (``x-labels``)."""
    shown: dict[str, JsonValue] = dict(labels)
    return {"x-labels": shown}


def optional(kind: Any) -> Any:
    """An optional field of type ``kind``: absent or empty means 'not filled in'."""
    core = kind.__origin__
    # Every field type here validates with a one-argument function.
    check = cast(
        Callable[[Any], Any],
        next(m.func for m in kind.__metadata__ if isinstance(m, BeforeValidator)),
    )
    schema = next(m for m in kind.__metadata__ if isinstance(m, WithJsonSchema))

    def check_optional(value: Any) -> Any:
        value = _empty_to_none(value)
        return None if value is None else check(value)

    return Annotated[
        core | None,
        BeforeValidator(check_optional),
        WithJsonSchema({"anyOf": [schema.json_schema, {"type": "null"}]}),
        Field(default=None),
    ]


# Optional fields: absent or empty is None. The type checker sees what such a field holds.
if TYPE_CHECKING:
    OptionalText = str | None
    OptionalPlainText = str | None
    OptionalEmail = str | None
    OptionalPhone = str | None
    OptionalUrl = str | None
    OptionalDate = date | None
    OptionalPositiveInt = int | None
    OptionalWeight = Fraction | None
    OptionalSchoolYear = str | None
else:
    OptionalText = optional(Text)
    OptionalPlainText = optional(PlainText)
    OptionalEmail = optional(Email)
    OptionalPhone = optional(Phone)
    OptionalUrl = optional(Url)
    OptionalDate = optional(Date)
    OptionalPositiveInt = optional(PositiveInt)
    OptionalWeight = optional(Weight)
    OptionalSchoolYear = optional(SchoolYear)
