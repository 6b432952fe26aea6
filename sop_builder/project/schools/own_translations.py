"""A school's own translation of its declarations (issue 24): per need, beside the Dutch 'wat'
and 'grens', an optional ``vertalingen`` block with the same two texts per language of the
public site (site_config/bouwen.yaml ``talen``)::

    ondersteuning:
      lezen:
        niveau: ja
        wat: Kinderen die moeite hebben met lezen, oefenen extra in een klein groepje.
        vertalingen:
          en:
            wat: Children who find reading hard practise extra in a small group.
            controlecode: 3f9a0c1d

The translated texts are plain text, checked as the Dutch ones are (the field type refuses
'<' and '>'; reading the front matter finds invisible characters and a ' #' that YAML would drop).

A translation is shown only while it translates the Dutch of today. It says which Dutch that
was with its ``controlecode``: a short fingerprint of the Dutch 'wat' and 'grens'
(`dutch_code`), which `check` names whenever it is missing (SOP470) or no longer fits (SOP461,
the Dutch changed since). A school never has to copy its Dutch text twice; the language pages
show the Dutch, marked lang="nl", wherever the translation is not current.
"""

from __future__ import annotations

import hashlib

from sop_builder.core.catalogue.languages import (
    OWN_TRANSLATION_LANGUAGE,
    OWN_TRANSLATION_NO_CODE,
    OWN_TRANSLATION_NO_LANGUAGES,
    OWN_TRANSLATION_STALE,
    OWN_TRANSLATION_WITHOUT_DUTCH,
)
from sop_builder.core.issues import Issue, did_you_mean
from sop_builder.core.yamlread import YamlTree
from sop_builder.project.model import DeclarationTranslation, NeedDeclaration, SopFrontMatter
from sop_builder.project.translations import Language

SUPPORT_KEY = SopFrontMatter.key("support")
TRANSLATIONS_KEY = NeedDeclaration.key("translations")
CODE_KEY = DeclarationTranslation.key("check_code")
TEXT_FIELDS = ("offer", "limit")  # the texts a translation translates, in the page's order


def dutch_code(declaration: NeedDeclaration) -> str:
    """The fingerprint of a declaration's Dutch 'wat' and 'grens' (8 letters and digits): the
    ``controlecode`` of a translation that translates them as they are today."""
    dutch = f"{declaration.offer or ''}\n{declaration.limit or ''}"
    return hashlib.sha256(dutch.encode("utf-8")).hexdigest()[:8]


def filled_in(translation: DeclarationTranslation) -> bool:
    """Whether a translation holds a text (the web editor may leave an empty block)."""
    return bool(translation.offer or translation.limit)


def own_translation(declaration: NeedDeclaration, code: str) -> DeclarationTranslation | None:
    """The school's translation of ``declaration`` into the language ``code`` when it is
    current (its controlecode fits today's Dutch) and translates a Dutch text that is there,
    else None: the page shows the Dutch."""
    translation = declaration.translations.get(code)
    if translation is None or translation.check_code != dutch_code(declaration):
        return None
    shown = any(getattr(translation, a) and getattr(declaration, a) for a in TEXT_FIELDS)
    return translation if shown else None


def check_own_translations(
    need: str,
    declaration: NeedDeclaration,
    tree: YamlTree,
    path: str,
    languages: tuple[str, ...],
) -> list[Issue]:
    """The problems of one declaration's translations: a language the site is not published
    in (``languages``: site_config/bouwen.yaml talen; SOP469), a translated text whose Dutch is
    empty (SOP462), no controlecode (SOP470) or one of an earlier Dutch text (SOP461)."""
    issues: list[Issue] = []
    block = (SUPPORT_KEY, need, TRANSLATIONS_KEY)
    for code, translation in declaration.translations.items():
        at = (*block, code)
        field = ".".join(at)
        if code not in languages:
            pos = tree.key_pos(at) or tree.pos(block)
            if languages:
                issues.append(
                    OWN_TRANSLATION_LANGUAGE.at(
                        path,
                        pos,
                        field=field,
                        need=need,
                        language=code,
                        languages=", ".join(languages),
                        suggestion=did_you_mean(code, languages),
                    )
                )
            else:
                issues.append(
                    OWN_TRANSLATION_NO_LANGUAGES.at(
                        path, pos, field=field, need=need, language=code
                    )
                )
            continue
        if not filled_in(translation):
            continue
        name = Language(code).dutch_name
        for attribute in TEXT_FIELDS:
            if getattr(translation, attribute) and not getattr(declaration, attribute):
                key = DeclarationTranslation.key(attribute)
                issues.append(
                    OWN_TRANSLATION_WITHOUT_DUTCH.at(
                        path,
                        tree.value_pos((*at, key)),
                        field=f"{field}.{key}",
                        need=need,
                        name=name,
                        text=key,
                    )
                )
        expected = dutch_code(declaration)
        if translation.check_code is None:
            issues.append(
                OWN_TRANSLATION_NO_CODE.at(
                    path, tree.key_pos(at), field=field, need=need, name=name, code=expected
                )
            )
        elif translation.check_code != expected:
            issues.append(
                OWN_TRANSLATION_STALE.at(
                    path,
                    tree.value_pos((*at, CODE_KEY)),
                    field=f"{field}.{CODE_KEY}",
                    need=need,
                    name=name,
                    language=code,
                    code=expected,
                )
            )
    return issues
