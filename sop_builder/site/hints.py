"""Example words for the search hints, taken from the SWV's own schools, places and needs.

A hint such as "bijvoorbeeld Duinwijk of dyslexie" must name a place of this SWV and a need
its schools cover, never words of another SWV written in a template.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sop_builder.project.model import School, SiteConfig


@dataclass(frozen=True)
class SearchExamples:
    place: str  # where most schools are
    needs: tuple[str, ...]  # the needs most schools cover, short words first, in a sentence

    def place_or_need(self) -> str:
        """'Duinwijk of dyslexie': a place and a need, as far as there are any."""
        words = [w for w in (self.place, *self.needs[:1]) if w]
        return " of ".join(words)


def in_sentence(label: str) -> str:
    """'Dyslexie' -> 'dyslexie' inside a sentence; 'NT2' stays as it is."""
    return label[0].lower() + label[1:] if label[1:2].islower() else label


def search_examples(schools: list[School], config: SiteConfig) -> SearchExamples:
    """The commonest place and needs of ``schools`` (ties: alphabetical, the lists' order)."""
    places = Counter(s.front.address.place for s in schools)
    place = min(places, key=lambda p: (-places[p], p)) if places else ""
    vocab = config.vocabularies
    offered = {lv.id for lv in vocab.levels if lv.offered}
    covered: Counter[str] = Counter()
    for school in schools:  # the needs each school declares it offers
        covered.update(n for n, d in school.declarations.items() if d.level in offered)
    labels: dict[str, str] = {n.id: n.label for n in vocab.needs}
    order = {need: index for index, need in enumerate(labels)}

    def label(need: str) -> str:
        return labels.get(need) or need

    def rank(need: str) -> tuple[bool, int, int]:  # one word first, then the most schools
        return (len(label(need).split()) > 1, -covered[need], order.get(need, len(order)))

    return SearchExamples(place, tuple(in_sentence(label(n)) for n in sorted(covered, key=rank)))
