"""Seeded synthetic claim data for the benchmarks of SPEC §10.

Builds realistic one-sentence claims about Iraqi militias, Iran and US forces
(2019-2023) compositionally -- ~35 core propositions ("frames"), each with several
phrasings, wrapped in ~35 attribution shapes, filled from large vocabularies and
from names generated out of Arabic, Persian, Kurdish and English syllable tables --
so that a million base claims are a million *distinct* assertions. Into that stream
it injects pairs with a known answer:

* ``duplicate_pairs``      the same claim said again: a rewording, a spelling
  variant of a name (Ghaani/Qaani, Erbil/Irbil ...), typographic quotes or dashes,
  "three" <-> "3", "2,500" <-> "2500", a filler word, a case change, a typo;
* ``number_change_pairs``  the same sentence with one count changed (14 vs 30
  rockets): a numeric contradiction, never a duplicate;
* ``polarity_pairs``       the same sentence negated or denied;
* ``opposing_pairs``       the same actors with a predicate from the opposing class
  (keep calm vs step up attacks, withdraw vs stay, agree vs no agreement ...).

Each pair is ``(key_of_base, key_of_variant)``; base keys are ``s000123``, variants
``s000123-d1`` (duplicates, ``-d2``/``-d3`` when a story is reposted several times),
``-n1`` (number change), ``-p1`` (polarity), ``-o1`` (opposing).

API (the benchmark runner imports this file by path)::

    generate(n_claims, seed=0, *, dup_rate=0.05, number_rate=0.01,
             polarity_rate=0.005, opposing_rate=0.005, n_outlets=300) -> Synthetic
    iter_lines(n_claims, seed=0, *, truth=None, **kw) -> Iterator[dict]
    truth_pairs(n_claims, seed=0, **kw) -> dict
    write_jsonl(path, n_claims, seed=0, **kw) -> dict
    diversity_report(sample, ...) -> dict

``n_claims`` counts *all* claim lines (base claims plus injected variants), so a
benchmark asking for 1,000,000 gets exactly 1,000,000 claim lines (plus the
``n_outlets`` outlet lines in front). Each rate is the number of injected pairs of
that kind per claim line: ``len(duplicate_pairs) == round(n_claims * dup_rate)``.

Streaming: which base claim gets which variant is planned up front by its own
random stream, so the answer key is known before (and without) generating any text:
``iter_lines(..., truth=d)`` fills the dict ``d`` *before* the first line is yielded,
and ``truth_pairs(...)`` returns the same dict without generating text at all.
``iter_lines`` holds only the variants waiting for their slot (each is emitted
within ``delay`` base claims after its base), so 1,000,000 claims stream in ~20 s
with ~100 MB of memory; ``generate`` keeps every line in a list (use it for tests and
samples, stream for a million).

Determinism: all randomness comes from ``random.Random`` instances seeded with
strings derived from ``seed`` (no ``hash()``, no set ordering), so the same
arguments give byte-identical output in any process and under any PYTHONHASHSEED.

CLI::

    python bench/generate.py --claims 100000 --seed 1 --out /tmp/x.jsonl --truth /tmp/x.truth.json
"""

import argparse
import bisect
import datetime as _dt
import heapq
import json
import random
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Synthetic",
    "generate",
    "iter_lines",
    "truth_pairs",
    "write_jsonl",
    "diversity_report",
    "PAIR_KINDS",
]

PAIR_KINDS = ("duplicate_pairs", "number_change_pairs", "polarity_pairs", "opposing_pairs")


@dataclass
class Synthetic:
    lines: list[dict] = field(default_factory=list)
    duplicate_pairs: list[tuple[str, str]] = field(default_factory=list)
    number_change_pairs: list[tuple[str, str]] = field(default_factory=list)
    polarity_pairs: list[tuple[str, str]] = field(default_factory=list)
    opposing_pairs: list[tuple[str, str]] = field(default_factory=list)


# ---------------------------------------------------------------------------
# Vocabularies
# ---------------------------------------------------------------------------

NUM_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
).split()

MONTHS = ("January February March April May June July August September October November December").split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()

REAL_MILITIAS = [
    "Kataib Hezbollah",
    "Asaib Ahl al-Haq",
    "Harakat Hezbollah al-Nujaba",
    "Kataib Sayyid al-Shuhada",
    "the Badr Organization",
    "Saraya al-Salam",
    "Kataib al-Imam Ali",
    "Saraya Awliya al-Dam",
    "Ashab al-Kahf",
    "Usbat al-Thaereen",
    "Qasim al-Jabbarin",
    "Rabaallah",
    "Saraya Khorasani",
    "Kataib Jund al-Imam",
    "the Popular Mobilization Forces",
    "the Hashd al-Shaabi",
    "Liwa Fatemiyoun",
    "Liwa Zainabiyoun",
    "Saraya Thar al-Muhandis",
    "the Islamic Resistance in Iraq",
    "the Iraqi Resistance Coordination Committee",
    "Saraya al-Khorasani",
    "Kataib al-Tayyar al-Risali",
    "Liwa al-Shabab al-Risali",
    "Saraya Ansar al-Aqeeda",
    "Kataib Hezbollah's Brigade 45",
    "Saraya Ashura",
    "Liwa Ali al-Akbar",
    "Saraya al-Jihad",
    "Harakat al-Abdal",
    "Kataib Imam al-Ghaib",
]
MILITIA_PREFIX = [
    "Kataib",
    "Saraya",
    "Liwa",
    "Harakat",
    "Asaib",
    "Ashab",
    "Usbat",
    "Quwat",
    "Jaish",
    "Firqat",
    "Tashkil",
    "Ansar",
]
MILITIA_WORDS = [
    "al-Haq",
    "al-Shuhada",
    "al-Muqawama",
    "al-Wa'd al-Sadiq",
    "al-Nasr",
    "al-Fath",
    "al-Jihad",
    "al-Intiqam",
    "al-Karar",
    "al-Ghadab",
    "al-Huda",
    "Thar",
    "al-Mahdi",
    "al-Hussein",
    "Abu al-Fadl al-Abbas",
    "al-Zahra",
    "al-Kafil",
    "al-Mujtaba",
    "al-Sajjad",
    "al-Baqir",
    "al-Jawad",
    "al-Askari",
    "al-Kadhim",
    "al-Ridha",
    "al-Muntadhar",
    "al-Qaim",
    "al-Wala",
    "al-Awfiya",
    "al-Abdal",
    "al-Muhajirin",
    "al-Thaireen",
    "al-Dam",
    "al-Kahf",
    "al-Rafidain",
    "al-Furat",
    "Dijla",
    "al-Tufuf",
    "al-Ashtar",
    "Malik al-Ashtar",
    "al-Mukhtar",
    "Hamza al-Shuhada",
    "al-Taff",
    "al-Ghadir",
    "al-Mubahala",
    "Ahl al-Kisa",
    "al-Ithra",
    "Bani Hashim",
    "al-Qassas",
    "al-Sabireen",
    "al-Mustadafeen",
    "Ashura",
    "al-Arbaeen",
    "al-Ziyara",
]
MILITIA_NAMES_FOR_IMAM = [
    "Ali",
    "Hussein",
    "Hassan",
    "Abbas",
    "Mahdi",
    "Jaafar",
    "Zainab",
    "Muslim ibn Aqil",
    "Qassem",
    "Muhandis",
    "Zaid",
    "Ammar",
    "Hamza",
]
ARMED_OTHERS = [
    "unidentified gunmen",
    "unknown assailants",
    "Islamic State militants",
    "Islamic State remnants",
    "Iran-backed militias",
    "Iran-aligned factions",
    "rogue members of the PMF",
    "a previously unknown group",
]

FIRST_AR = (
    "Haidar Ali Hussein Hassan Abbas Mahdi Karim Jaafar Mustafa Ahmed Mohammed Kadhim Qasim "
    "Jabbar Sattar Falah Hamid Majid Adnan Saad Salah Riyadh Firas Laith Ammar Mundhir Nasser "
    "Wissam Zaid Yasser Muntadhar Ghazi Sabah Basim Naji Raad Tahsin Ibrahim Yousif Omar "
    "Khalid Salim Tariq Hamza Bilal Akram Sami Ayad Thamer Hatem Mazin Nabil Rasheed Diyaa "
    "Karrar Sajjad Murtada Hashim Ismail Jawad Fadhil Emad Qais Hadi Faleh Ahmad Yahya "
).split()
FEM_AR = "Zainab Fatima Huda Nour Rasha Layla Sura Maha Shatha Dalia Iman Hanaa Zahraa Ban".split()
FIRST_FA = (
    "Hossein Mohsen Reza Mehdi Gholamreza Alireza Masoud Javad Ebrahim Hamid Saeed Morteza "
    "Mojtaba Kazem Esmail Abolfazl Amir Behrouz Dariush Farhad Parviz Rostam Kourosh Majid "
    "Hadi Mohammad-Bagher Ahmad Nasser Yahya Qasem Hassan Ali-Akbar Mahmoud Jafar Mostafa "
    "Abbas Ramezan Iraj Bahram Hamidreza Mohammadreza Aziz Sadegh Vahid Ruhollah Nader"
).split()
FEM_FA = "Maryam Zahra Fatemeh Leila Shirin Narges Masoumeh Elham".split()
FIRST_KU = (
    "Rebwar Karwan Shwan Dilshad Hemin Sherko Aso Bakhtiyar Kawa Hawre Soran Azad Jabar "
    "Nawzad Ari Ranj Goran Zhilwan Darbaz Sirwan Hazhar Lahur Fuad Safeen Jaafar Omed "
    "Sarbast Mariwan Kamaran Dara Bestoon Hoshyar Nechirvan Masrour Qubad Sarkawt Peshawa"
).split()
FEM_KU = "Vian Shilan Nasreen Bahar Kurdistan Lana Avin Rezan".split()
FIRST_EN = (
    "James Michael Robert John David William Richard Thomas Daniel Matthew Patrick Sean "
    "Brian Kevin Jason Eric Scott Andrew Joshua Ryan Gregory Steven Mark Paul Timothy Jeffrey "
    "Frank Raymond Dennis Jerry Walter Peter Douglas Henry Carl Arthur Lawrence Gary Nathan "
    "Joel Ned Lloyd Wayne Kenneth"
).split()
FEM_EN = (
    "Jennifer Sarah Emily Laura Karen Rachel Megan Heather Stephanie Rebecca Julia Kathleen "
    "Amanda Melissa Christine Dana Alina Victoria"
).split()
_FIRST = {"a": (FIRST_AR, FEM_AR), "f": (FIRST_FA, FEM_FA), "k": (FIRST_KU, FEM_KU), "e": (FIRST_EN, FEM_EN)}
_FEMALE = set(FEM_AR + FEM_FA + FEM_KU + FEM_EN)
LAST_EN = (
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore "
    "Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright "
    "Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell "
    "Parker Evans Edwards Collins Stewart Morris Rogers Reed Cook Morgan Bell Murphy Bailey "
    "Cooper Richardson Cox Howard Ward Peterson Gray Ramirez Watson Brooks Kelly Sanders "
    "Price Bennett Wood Barnes Ross Henderson Coleman Jenkins Perry Powell Long Patterson "
    "Hughes Flynn Washington Butler Simmons Foster Bryant Alexander Russell Griffin Hayes "
    "Myers Ford Hamilton Graham Sullivan Wallace West Cole Jordan Reynolds Fisher Ellis "
    "Harrison Gibson McDonald Marshall Owens Kennedy Wells Dixon Hunt Palmer Mills Rice "
    "Hawkins Grant Stone Hudson Lawson Dunn Ryan Tueller Marotto Caggins Garver Kirby Haines"
).split()

AR_C1 = "B D F H J K Kh L M N Q R S Sh T Z Dh Gh Y W Ab Ob Ub Us".split()
AR_V1 = ["a", "a", "u", "i", "ou", "ai", "aa"]
AR_C2 = "b d f h j k l m n q r s sh t z dh bb dd ss tt ll kh th gh".split()
AR_C3 = ["", "", "", "r", "l", "n", "m", "b", "d", "w", "j", "th", "s"]
AR_SUF = ("i awi ani ouri uri eidi aidi ari abi ali ili oudi ashi aji ati iri ubi ayi oumi ouli ani").split()
REAL_NISBA = (
    "Jubouri Dulaimi Obeidi Zubaidi Shammari Tamimi Maliki Rubaie Hashemi Bayati Issawi "
    "Khafaji Lami Asadi Saadi Musawi Hakim Janabi Fatlawi Daraji Shaibani Kinani Hamdani "
    "Sudani Abadi Bahadli Mohammedawi Kaabi Araji Hilali Sharifi Moussawi Ghanimi Zamili "
    "Yasiri Khazali Amiri Fayyadh Muhandis Kadhimi Askari Karbalai Najafi Basri Anbari"
).split()
FA_R1 = "Ra Ha Mo Sa Ka Ba Ja Na Ta Da Sha Gha Fa Za Ma Ro Kha Se Mi Ah Ab Ja Ye Sol Na".split()
FA_R2 = "h s m r d v z sh n b gh j k l f t".split()
FA_R3 = ["i", "im", "id", "av", "ar", "ol", "am", "an", "ir", "e", "ad", "ab", "ash"]
FA_SUF = [
    "i",
    "i",
    "",
    "zadeh",
    "pour",
    "nejad",
    "far",
    "vand",
    "abadi",
    "lou",
    "khani",
    "nia",
    "doust",
    "ian",
    "ani",
    "i-Nejad",
    "ipour",
    "i-Fard",
]
KU_R1 = (
    "Bar Tal Hawr Zeb Mer Sind Gol Shar Ker Dosk Bab Jaf Bil Hark Sur Pir Raw Ahm Ham Kak "
    "Muf Zang Sher Bot Nur Ras Hal Ban Qad Mam"
).split()
KU_R2 = ["z", "ab", "am", "ij", "ad", "is", "el", "ow", "ed", "iz", "an", "ar"]
KU_SUF = ["ani", "i", "ayi", "ei", "ani", "awi"]

REAL_PEOPLE = {
    # name, role appositive; the same person is also used as an actor in cores
    "iran": [
        ("Esmail Ghaani", "the commander of Iran's Quds Force"),
        ("Quds Force commander Esmail Ghaani", ""),
        ("Hossein Taeb", "the head of IRGC intelligence"),
        ("IRGC intelligence chief Hossein Taeb", ""),
        ("Ali Shamkhani", "the secretary of Iran's Supreme National Security Council"),
        ("Hossein Amir-Abdollahian", "Iran's foreign minister"),
        ("Mohammad Javad Zarif", "Iran's foreign minister"),
        ("Ebrahim Raisi", "Iran's president"),
        ("Hassan Rouhani", "Iran's president"),
        ("Saeed Khatibzadeh", "a spokesman for Iran's Foreign Ministry"),
        ("Iraj Masjedi", "Iran's ambassador to Baghdad"),
        ("Mohammad Kazem Al-e Sadegh", "Iran's ambassador to Baghdad"),
        ("Qassem Soleimani", "the late Quds Force commander"),
    ],
    "iraq": [
        ("Mustafa al-Kadhimi", "Iraq's prime minister"),
        ("Prime Minister Mustafa al-Kadhimi", ""),
        ("Mohammed Shia al-Sudani", "Iraq's prime minister"),
        ("Barham Salih", "Iraq's president"),
        ("Fuad Hussein", "Iraq's foreign minister"),
        ("Faleh al-Fayyadh", "the chairman of the Popular Mobilization Commission"),
        ("Qassim al-Araji", "Iraq's national security adviser"),
        ("Yahya Rasool", "a military spokesman for the Iraqi prime minister"),
        ("Tahsin al-Khafaji", "a spokesman for the Joint Operations Command"),
        ("Saad Maan", "the head of the Security Media Cell"),
        ("Abu Mahdi al-Muhandis", "the late deputy head of the PMF"),
    ],
    "militia": [
        ("Qais al-Khazali", "the leader of Asaib Ahl al-Haq"),
        ("Hadi al-Amiri", "the head of the Badr Organization"),
        ("Muqtada al-Sadr", "the Shiite cleric"),
        ("Akram al-Kaabi", "the leader of Harakat Hezbollah al-Nujaba"),
        ("Abu Fadak al-Mohammedawi", "the PMF chief of staff"),
        ("Abu Ali al-Askari", "a security official of Kataib Hezbollah"),
        ("Abu Alaa al-Walai", "the leader of Kataib Sayyid al-Shuhada"),
        ("Nasr al-Shammari", "a spokesman for Harakat Hezbollah al-Nujaba"),
        ("Mohammad Kawtharani", "Hezbollah's Iraq envoy"),
        ("Hassan Nasrallah", "Hezbollah's secretary-general"),
    ],
    "us": [
        ("Lloyd Austin", "the US defense secretary"),
        ("Antony Blinken", "the US secretary of state"),
        ("Ned Price", "a State Department spokesman"),
        ("John Kirby", "the Pentagon press secretary"),
        ("General Kenneth McKenzie", "the head of US Central Command"),
        ("Colonel Wayne Marotto", "a spokesman for the US-led coalition"),
        ("Matthew Tueller", "the US ambassador to Iraq"),
        ("Alina Romanowski", "the US ambassador to Iraq"),
        ("Mark Esper", "the US defense secretary"),
        ("Mike Pompeo", "the US secretary of state"),
        ("Brett McGurk", "the White House Middle East coordinator"),
        ("Rob Malley", "the US special envoy for Iran"),
    ],
    "kurd": [
        ("Masrour Barzani", "the Kurdistan Region's prime minister"),
        ("Nechirvan Barzani", "the Kurdistan Region's president"),
        ("Jabar Yawar", "the secretary-general of the Peshmerga ministry"),
        ("Hoshyar Zebari", "a senior KDP official"),
        ("Lahur Sheikh Jangi", "a PUK leader"),
    ],
}

IRAQI_ORGS = [
    "the Joint Operations Command",
    "the Security Media Cell",
    "Iraq's Interior Ministry",
    "Iraq's Defense Ministry",
    "the Counter-Terrorism Service",
    "the Federal Police",
    "the Border Guard Command",
    "the National Security Service",
    "the Iraqi Intelligence Service",
    "the Popular Mobilization Commission",
    "the Iraqi Foreign Ministry",
    "parliament's Security and Defense Committee",
    "the Supreme Judicial Council",
    "the Independent High Electoral Commission",
    "Iraq's Oil Ministry",
    "the Central Bank of Iraq",
    "the prime minister's office",
    "the Integrity Commission",
    "the Iraqi Commission for Human Rights",
    "the Ministry of Migration and Displacement",
    "the Iraqi army's Special Forces",
    "the Rapid Response Division",
    "the Ministry of Finance",
    "the Iraqi Ports Company",
    "the Border Ports Commission",
]
PROVINCES = [
    "Baghdad",
    "Basra",
    "Nineveh",
    "Anbar",
    "Kirkuk",
    "Diyala",
    "Salahuddin",
    "Babil",
    "Karbala",
    "Najaf",
    "Wasit",
    "Maysan",
    "Dhi Qar",
    "Muthanna",
    "Qadisiyah",
    "Erbil",
    "Duhok",
    "Sulaymaniyah",
    "Halabja",
]
US_ORGS = [
    "the Pentagon",
    "the State Department",
    "US Central Command",
    "the US-led coalition",
    "Combined Joint Task Force-Operation Inherent Resolve",
    "the US Treasury",
    "the Treasury's Office of Foreign Assets Control",
    "the US embassy in Baghdad",
    "the White House",
    "the National Security Council",
    "the US Defense Department",
    "the US Army's 1st Armored Division",
    "the CIA",
    "the US consulate in Erbil",
    "the Department of Justice",
    "the FBI",
]
IRAN_ORGS = [
    "the Islamic Revolutionary Guard Corps",
    "the IRGC's Quds Force",
    "IRGC intelligence",
    "Iran's Foreign Ministry",
    "Iran's Supreme National Security Council",
    "the Iranian embassy in Baghdad",
    "Iran's Ministry of Intelligence",
    "Iran's Defense Ministry",
    "Iran's Atomic Energy Organization",
    "the Iranian parliament",
    "the office of Iran's Supreme Leader",
    "the IRGC Aerospace Force",
]
KURD_ORGS = [
    "the Kurdistan Regional Government",
    "the Peshmerga Ministry",
    "the Kurdistan Region Security Council",
    "the Asayish in Erbil",
    "the KDP politburo",
    "the Patriotic Union of Kurdistan",
    "Erbil's governorate",
    "the Kurdistan Region's counter-terrorism directorate",
    "the Zeravani forces",
    "the Duhok Asayish",
]
INTL_ORGS = [
    "the UN Assistance Mission for Iraq",
    "NATO Mission Iraq",
    "the International Committee of the Red Cross",
    "Human Rights Watch",
    "Amnesty International",
    "the UN Security Council",
    "the International Atomic Energy Agency",
    "the European Union",
    "Turkey's Defense Ministry",
    "the Syrian Democratic Forces",
    "the Israeli military",
    "the Syrian Observatory for Human Rights",
    "the Saudi-led coalition",
    "the Kuwaiti Foreign Ministry",
    "the Arab League",
]
PARTIES = [
    "the Fatah Alliance",
    "the Sadrist Movement",
    "the State of Law Coalition",
    "the Kurdistan Democratic Party",
    "the Patriotic Union of Kurdistan",
    "the Taqaddum party",
    "the Azm Alliance",
    "the Imtidad movement",
    "the New Generation movement",
    "the Huquq movement",
    "the Hikma Movement",
    "the Nasr coalition",
    "the Sairoon bloc",
    "the Coordination Framework",
    "the Sovereignty Alliance",
    "the Ishraqat Kanoon party",
]

REAL_PLACES = [
    "Baghdad",
    "Erbil",
    "Basra",
    "Mosul",
    "Kirkuk",
    "al-Qaim",
    "Deir ez-Zor",
    "Abu Kamal",
    "Balad",
    "Taji",
    "Sulaymaniyah",
    "Duhok",
    "Sinjar",
    "Tal Afar",
    "Fallujah",
    "Ramadi",
    "Tikrit",
    "Samarra",
    "Karbala",
    "Najaf",
    "Nasiriyah",
    "Amarah",
    "Kut",
    "Hillah",
    "Diwaniyah",
    "Baqubah",
    "Muqdadiyah",
    "Jurf al-Sakhar",
    "Akashat",
    "Rutba",
    "Haditha",
    "Hit",
    "Jalawla",
    "Khanaqin",
    "Tuz Khurmatu",
    "Makhmour",
    "Qayyarah",
    "Bayji",
    "Hawija",
    "Bashiqa",
    "Zakho",
    "Umm Qasr",
    "Safwan",
    "Zubayr",
    "Faw",
    "Mandali",
    "Badra",
    "Samawah",
    "Tarmiyah",
    "Abu Ghraib",
    "Mahmudiyah",
    "Yusufiyah",
    "Latifiyah",
    "Sadr City",
    "Kadhimiya",
    "Karrada",
    "Adhamiya",
    "Dora",
    "Ain al-Asad",
    "al-Bukamal",
    "Albu Kamal",
    "Qaim",
    "Husaybah",
    "Anah",
    "Rawa",
    "Sharqat",
    "Dibis",
    "Daquq",
    "Sulaiman Bek",
    "Amirli",
    "Shirqat",
    "Tuz",
    "Halabja",
    "Ranya",
    "Soran",
    "Koya",
    "Chamchamal",
    "Kalar",
]
TOWN_PRE = [
    "",
    "",
    "",
    "",
    "Tal ",
    "Umm ",
    "Abu ",
    "Ain ",
    "Jisr ",
    "Qasr ",
    "Bir ",
    "Khan ",
    "Nahr ",
    "Qaryat ",
    "Albu ",
    "Hay ",
    "Kafr ",
    "Jurf ",
    "Wadi ",
    "Sheikh ",
]
TOWN_SYL1 = (
    "Ha Ka Ba Ma Sa Da Ra Ta Za Qa Kha Sha Na Fa Ja Wa La Mu Hu Ku Bu Su Du Ru Zu Ki Hi Si "
    "Ar Al Am An Ash Um Is Ab"
).split()
TOWN_SYL2 = (
    "san mid bar dal rak sir tam jan lul mun han zar bil qir fad rim nas kal hid sab dum "
    "wal ris sha tay lam dhi jib"
).split()
TOWN_SUF = ["iyah", "an", "a", "ah", "at", "un", "i", "iya", "ab", "ir", "ain", "awa", ""]
DISTRICTS_OF = ["Baghdad", "Basra", "Mosul", "Kirkuk", "Erbil", "Najaf", "Karbala"]

BASES = [
    "Ain al-Asad air base",
    "the Ain al-Asad air base in Anbar",
    "Erbil airport",
    "the coalition base at Erbil airport",
    "Baghdad airport",
    "Victory base near Baghdad airport",
    "the US embassy in Baghdad",
    "the Green Zone",
    "Harir air base",
    "Balad air base",
    "Camp Taji",
    "the al-Omar oil field",
    "the Conoco gas field",
    "the al-Tanf garrison",
    "the K1 base in Kirkuk",
    "the Turkish camp at Bashiqa",
    "Union III base in Baghdad",
    "the Baghdad Diplomatic Support Center",
    "the Khor Mor gas field",
    "the Bismayah military base",
    "the Q-West airfield",
    "the Qayyarah air base",
    "the Camp Speicher base",
    "the Ayn al-Asad airfield",
    "the Green Village base",
    "the US consulate in Erbil",
    "the Kuwaiti border crossing at Safwan",
]
TARGET_KINDS = [
    "convoy",
    "checkpoint",
    "military base",
    "logistics hub",
    "warehouse",
    "oil field",
    "gas facility",
    "training camp",
    "outpost",
    "airstrip",
    "compound",
    "supply depot",
    "headquarters",
    "power station",
    "bridge",
    "fuel depot",
    "weapons depot",
    "radar site",
    "border post",
    "liquor store",
    "party office",
    "television station",
    "bank branch",
    "pipeline",
    "refinery",
    "residence",
]
TARGET_OWNERS = [
    "the US-led coalition",
    "US forces",
    "an American contractor",
    "the Iraqi army",
    "Turkish forces",
    "the Peshmerga",
    "a Kurdish oil company",
    "the KDP",
    "the PMF",
    "Kataib Hezbollah",
    "a private security firm",
    "a Western company",
    "the Federal Police",
    "the Border Guard",
    "a British firm",
    "a Lebanese businessman",
    "the Iraqi Oil Ministry",
    "a UN agency",
    "Iraqi Kurdish authorities",
    "the Iraqi government",
]
ROCKETS = [
    "rockets",
    "Katyusha rockets",
    "107mm rockets",
    "122mm Grad rockets",
    "mortar rounds",
    "Grad missiles",
    "short-range rockets",
    "artillery shells",
    "mortar shells",
]
DRONES = [
    "drones",
    "explosive-laden drones",
    "armed drones",
    "fixed-wing drones",
    "kamikaze drones",
    "quadcopters",
    "loitering munitions",
    "bomb-laden drones",
    "Iranian-made drones",
    "small drones",
]
WEAPONS = [
    "Katyusha launchers",
    "drones",
    "sniper rifles",
    "explosive devices",
    "rocket launchers",
    "mortar tubes",
    "anti-tank missiles",
    "machine guns",
    "rifles",
    "grenades",
    "drone components",
    "Kornet missiles",
    "night-vision devices",
    "armoured vehicles",
    "ammunition crates",
    "surface-to-air missiles",
    "Grad rockets",
    "detonators",
]
CARGO = [
    "fuel",
    "weapons",
    "ammunition",
    "medical supplies",
    "construction materials",
    "food",
    "crude oil",
    "drone parts",
    "rocket fuel",
    "electronics",
    "cement",
    "cigarettes",
    "livestock",
    "dollars in cash",
    "military equipment",
]
CROSSINGS = {
    "Iran": [
        "the Mandali crossing",
        "the Shalamcheh crossing",
        "the Mehran crossing",
        "the Zurbatiyah crossing",
        "the Bashmaq crossing",
        "the Parviz Khan crossing",
        "the Haj Omran crossing",
        "the Munthiriya crossing",
        "an unofficial crossing near Badra",
    ],
    "Syria": [
        "the al-Qaim border crossing",
        "the al-Waleed crossing",
        "the Albu Kamal crossing",
        "an unofficial crossing near Qaim",
        "the Rabia crossing",
        "the Akashat road",
        "a dirt track near Sinjar",
    ],
    "Turkey": ["the Ibrahim Khalil crossing", "the Habur gate", "a smuggling route near Zakho"],
    "Jordan": ["the Trebil crossing", "the Karama crossing"],
    "Saudi Arabia": ["the Arar crossing", "the Jadidat Arar crossing"],
}
CITIES = [
    "Baghdad",
    "Tehran",
    "Beirut",
    "Damascus",
    "Erbil",
    "Najaf",
    "Washington",
    "Vienna",
    "Doha",
    "Muscat",
    "Amman",
    "Riyadh",
    "Ankara",
    "Brussels",
    "Geneva",
    "Kuwait City",
    "Abu Dhabi",
    "Karbala",
    "Basra",
    "Sulaymaniyah",
    "Qom",
    "Mashhad",
    "Istanbul",
    "Cairo",
    "New York",
    "Paris",
    "London",
    "Moscow",
    "Baku",
]
COUNTRIES = [
    "the United States",
    "Britain",
    "France",
    "Germany",
    "Italy",
    "Spain",
    "Australia",
    "Canada",
    "Denmark",
    "the Netherlands",
    "Norway",
    "Turkey",
    "Hungary",
    "Poland",
]
ISSUES = [
    "the withdrawal of US combat troops",
    "the release of detainees",
    "a prisoner exchange",
    "the reopening of the al-Qaim crossing",
    "oil exports through Ceyhan",
    "the Kurdistan Region's budget share",
    "security arrangements in Sinjar",
    "payments for Iranian gas",
    "water sharing on the Tigris",
    "the timetable for elections",
    "a ceasefire in Sinjar",
    "the return of displaced families",
    "joint border patrols",
    "the handover of PMF weapons",
    "the release of frozen Iranian funds",
    "the status of the PMF",
    "the status of coalition advisers",
    "the electricity debt",
    "salaries for Kurdistan civil servants",
    "the nomination of a new prime minister",
    "the formation of a new government",
    "a joint investigation into the strike",
    "the exchange of bodies",
    "a halt to Turkish shelling",
    "the Basra-Aqaba pipeline",
]
TOPIC_GROUPS = {
    "rockets": ["rocket attacks", "US forces in Iraq"],
    "drones": ["drone attacks", "US forces in Iraq"],
    "casualties": ["casualties"],
    "ied": ["roadside bombs", "coalition supply lines"],
    "resp": ["claims of responsibility"],
    "directive": ["Iran and the militias", "Iran nuclear talks"],
    "visit": ["Iran and the militias", "diplomacy"],
    "troops": ["US troop presence", "US withdrawal"],
    "agreement": ["diplomacy", "negotiations"],
    "arrest": ["arrests", "security operations"],
    "seizure": ["weapons seizures", "security operations"],
    "airstrike": ["airstrikes"],
    "sanctions": ["sanctions"],
    "funding": ["militia funding", "Iran and the militias"],
    "border": ["border crossings", "smuggling"],
    "protest": ["protests"],
    "election": ["elections"],
    "appointment": ["appointments", "militia politics"],
    "kidnap": ["kidnappings"],
    "assassination": ["assassinations"],
    "oil": ["oil and gas"],
    "truce": ["ceasefire", "Iran and the militias"],
    "handover": ["US withdrawal", "bases"],
    "inquiry": ["investigations", "protests"],
    "intercept": ["air defence", "rocket attacks"],
    "release": ["detainees"],
    "budget": ["budget", "Popular Mobilization Forces"],
    "talks": ["Iran nuclear talks", "diplomacy"],
    "displacement": ["displacement"],
    "clashes": ["clashes"],
    "phone": ["diplomacy"],
    "supply": ["weapons smuggling", "Iran and the militias"],
    "damage": ["rocket attacks", "damage"],
    "presence": ["US troop presence", "militia politics"],
    "turkey": ["Turkish operations", "Kurdistan Region"],
}

# Synonym tables. Verb pairs are (past/finite form, base form used after "did not").
RK_VERBS = [("fired", "fire"), ("launched", "launch"), ("lobbed", "lob")]
DR_VERBS = [("launched", "launch"), ("sent", "send"), ("flew", "fly")]
ATTACK_NOUNS = [
    "rocket attack",
    "drone attack",
    "mortar attack",
    "roadside bombing",
    "attack",
    "strike",
    "drone strike",
    "ambush",
]
CASUALTY_PEOPLE = [
    ("civilians", "civilian"),
    ("soldiers", "soldier"),
    ("Iraqi soldiers", "Iraqi soldier"),
    ("security personnel", "member of the security forces"),
    ("PMF fighters", "PMF fighter"),
    ("contractors", "contractor"),
    ("police officers", "police officer"),
    ("Peshmerga fighters", "Peshmerga fighter"),
    ("children", "child"),
    ("pilgrims", "pilgrim"),
    ("workers", "worker"),
    ("farmers", "farmer"),
    ("Iraqi Kurds", "Iraqi Kurd"),
    ("members of the coalition", "coalition member"),
]
HURT = [("wounded", "killed"), ("injured", "killed"), ("killed", "wounded"), ("hurt", "killed")]
HURT_EVENTS = [
    "rockets struck",
    "a drone hit",
    "a car bomb exploded",
    "a roadside bomb went off",
    "mortar rounds landed",
    "gunmen opened fire",
    "a suicide bomber blew himself up",
    "an explosion tore through a market",
    "an airstrike hit a house",
    "clashes erupted",
    "Turkish artillery shelled a village",
    "a motorcycle bomb exploded",
]
DIRECTIVE_VERBS = [
    ("told", "tell"),
    ("urged", "urge"),
    ("instructed", "instruct"),
    ("ordered", "order"),
    ("asked", "ask"),
    ("pressed", "press"),
]
RESTRAIN = [
    "keep calm",
    "maintain calm",
    "halt attacks on US forces",
    "stop targeting US interests",
    "refrain from attacks on American troops",
    "avoid any escalation",
    "exercise restraint",
    "pause operations against coalition bases",
    "hold off on retaliation",
    "stop the rocket attacks",
    "lower the temperature",
    "freeze operations against US targets",
    "keep their weapons silent",
]
ESCALATE = [
    "step up attacks on US targets",
    "intensify attacks on American forces",
    "escalate operations against US troops",
    "resume attacks on American bases",
    "increase pressure on US forces",
    "expand drone attacks on coalition bases",
    "strike US interests more often",
    "widen their campaign against US forces",
    "launch more attacks on American convoys",
    "target US bases with drones",
]
UNTIL = [
    "until the nuclear talks in Vienna were over",
    "until after the elections",
    "until the end of Muharram",
    "until the US withdrawal deadline",
    "until the new government was formed",
    "until the end of Ramadan",
    "until a deal on sanctions was reached",
    "until the Arbaeen pilgrimage was over",
    "until after the new Iranian president took office",
    "until further notice",
    "until the parliament vote on the budget",
    "until the strategic dialogue concluded",
]
AUDIENCE = [
    "Iraqi militia leaders",
    "militia commanders",
    "the leaders of the factions",
    "senior PMF commanders",
    "Shiite faction leaders",
    "the heads of the armed factions",
    "commanders of the Iran-aligned groups",
    "leaders of the Coordination Framework",
]
MEET_VERBS = [
    ("met", "meet"),
    ("held talks with", "hold talks with"),
    ("sat down with", "sit down with"),
    ("met privately with", "meet privately with"),
]
STAY = [
    "will keep {n} troops in Iraq",
    "will maintain a force of about {n} troops in Iraq",
    "plans to keep {n} soldiers at its bases in Iraq",
    "will leave {n} advisers in Iraq",
    "will keep roughly {n} troops in the country",
]
LEAVE = [
    "will withdraw all {n} troops from Iraq",
    "will pull its {n} troops out of Iraq",
    "plans to bring home all {n} soldiers from Iraq",
    "will withdraw its {n} advisers from Iraq",
    "will end the mission of its {n} troops in the country",
]
THROUGH = [
    "through the end of {Y}",
    "until the end of {Y}",
    "beyond {Y}",
    "into {Y}",
    "for the rest of {Y}",
    "until at least {Y}",
]
AGREE = [
    "reached an agreement on",
    "agreed on",
    "struck a deal on",
    "reached a deal on",
    "signed an accord on",
]
DISAGREE = [
    "failed to reach an agreement on",
    "have no agreement on",
    "made no progress on",
    "broke off talks on",
    "remain deadlocked on",
]
ARREST_VERBS = [("arrested", "arrest"), ("detained", "detain"), ("rounded up", "round up")]
SUSPECTS = [
    "suspects",
    "members",
    "fighters",
    "men",
    "operatives",
    "gunmen",
    "alleged members",
    "people",
]
SEIZE_VERBS = [
    ("seized", "seize"),
    ("confiscated", "confiscate"),
    ("found", "find"),
    ("uncovered", "uncover"),
]
FACILITY = [
    "farm",
    "warehouse",
    "house",
    "truck",
    "orchard",
    "cemetery",
    "school building",
    "abandoned factory",
    "checkpoint",
    "date palm grove",
    "garage",
    "mosque annex",
]
AIR_ACTORS = [
    "US aircraft",
    "US warplanes",
    "Israeli jets",
    "Turkish drones",
    "US F-15s",
    "unidentified aircraft",
    "coalition jets",
    "Turkish warplanes",
    "US drones",
]
AIR_VERBS = [("struck", "strike"), ("bombed", "bomb"), ("hit", "hit"), ("targeted", "target")]
AIR_TARGETS = [
    "weapons depots",
    "facilities",
    "positions",
    "vehicles",
    "buildings",
    "command posts",
    "storage sites",
    "trucks",
    "training sites",
    "hideouts",
]
SANCTION_ENTITIES = [
    "individuals",
    "companies",
    "front companies",
    "commanders",
    "banks",
    "exchange houses",
    "oil smugglers",
    "businessmen",
    "officials",
    "entities",
]
MONEY_PERIOD = [
    "through money changers in Baghdad",
    "via Beirut",
    "through front companies",
    "via a bank in {CITY}",
    "through a charity in {PLACE}",
    "hidden in pilgrims' luggage",
    "through an exchange house in {PLACE}",
    "via a trading company in {CITY}",
]
PROTESTERS = ["supporters", "followers", "members", "sympathisers", "loyalists"]
PROTEST_PLACES = [
    "the US embassy",
    "the Kuwaiti embassy",
    "the KDP headquarters",
    "the Saudi consulate",
    "parliament",
    "the Green Zone gates",
    "the governorate building",
    "the Turkish consulate",
    "the electoral commission",
    "the prime minister's office",
    "the Iranian consulate",
    "a television station",
    "the Supreme Judicial Council",
]
DEMANDS = [
    "the expulsion of US forces",
    "a recount of the votes",
    "the release of detained fighters",
    "the closure of the embassy",
    "jobs and electricity",
    "the resignation of the governor",
    "an end to Turkish strikes",
    "justice for slain protesters",
    "the dissolution of parliament",
    "the cancellation of the election results",
    "the trial of corrupt officials",
]
ROLES_APPT = [
    "the head of the National Security Service",
    "the new chief of staff of the PMF",
    "the commander of the Joint Operations Command",
    "the governor of {prov}",
    "the commander of the {prov} Operations Command",
    "Iraq's new ambassador to {city}",
    "the head of the Integrity Commission",
    "the new interior minister",
    "the new defense minister",
    "the police chief of {prov}",
    "the head of the Border Ports Commission",
    "the director of the Iraqi Intelligence Service",
    "the new oil minister",
]
KIDNAP_VICTIMS = [
    "activists",
    "aid workers",
    "journalists",
    "oil workers",
    "Turkish engineers",
    "Qatari hunters",
    "shepherds",
    "truck drivers",
    "contractors",
    "students",
    "traders",
]
OIL_COMPANIES = [
    "ExxonMobil",
    "BP",
    "Lukoil",
    "TotalEnergies",
    "Eni",
    "Dana Gas",
    "the Basra Oil Company",
    "the North Oil Company",
    "PetroChina",
    "Gazprom Neft",
    "Genel Energy",
    "DNO",
    "the Midland Oil Company",
    "Crescent Petroleum",
    "Halliburton",
    "Schlumberger",
]
OIL_FIELDS = [
    "West Qurna",
    "Rumaila",
    "Majnoon",
    "Zubair",
    "the Khor Mor field",
    "the Kirkuk fields",
    "the Bai Hassan field",
    "the Halfaya field",
    "Nahr Bin Omar",
    "the Sarsang field",
    "the Tawke field",
    "the Akkas gas field",
    "the Mansuriya gas field",
]
TRUCE_ON = [
    "a halt to attacks on US forces",
    "a truce with the US-led coalition",
    "a pause in operations against foreign troops",
    "an end to attacks on diplomatic missions",
    "a ceasefire with American forces",
    "a suspension of its military operations",
]
TRUCE_OFF = [
    "the resumption of attacks on US forces",
    "an end to its truce with the coalition",
    "new operations against foreign troops",
    "renewed attacks on diplomatic missions",
    "a new phase of attacks on American forces",
    "the resumption of its military operations",
]
TRUCE_UNTIL = [
    "until US troops leave",
    "while talks continue",
    "for the holy month",
    "until the elections",
    "as long as the government keeps its promises",
    "until the withdrawal deadline",
]
PRESENCE_FOR = [
    "supports the continued presence of coalition advisers in Iraq",
    "backs keeping US trainers in the country",
    "wants coalition forces to stay in Iraq",
    "sees the US military presence as necessary",
    "favours extending the coalition mission",
]
PRESENCE_AGAINST = [
    "demands the immediate expulsion of all US forces from Iraq",
    "wants every foreign soldier to leave Iraq",
    "rejects any US military presence in Iraq",
    "calls for an end to the coalition mission",
    "considers US troops an occupation force",
]
INQUIRY_BODIES = [
    "a government fact-finding committee",
    "a parliamentary inquiry",
    "the Iraqi Commission for Human Rights",
    "a UN investigation",
    "an Interior Ministry inquiry",
    "a judicial committee",
    "an independent commission",
]
INQUIRY_EVENTS = [
    "the October protests",
    "the crackdown in Nasiriyah",
    "the storming of the camp",
    "the Tahrir Square clashes",
    "the raid on the militia headquarters",
    "the attack on the protest camp",
    "the clashes in the Green Zone",
]
INTERCEPT_SYSTEMS = [
    "the C-RAM system",
    "air defences",
    "the Patriot battery",
    "counter-drone systems",
    "the base's air defence system",
    "coalition air defences",
]
DAMAGE_THINGS = [
    "aircraft",
    "helicopters",
    "vehicles",
    "buildings",
    "hangars",
    "trailers",
    "tents",
    "fuel tankers",
    "armoured vehicles",
    "generators",
]
PHONE_TOPICS = [
    "the attacks on US forces",
    "the nuclear talks",
    "the situation in Sinjar",
    "border security",
    "the new government",
    "the PMF law",
    "electricity imports",
    "the strikes in Syria",
    "the killing of protesters",
    "the drone attack on the prime minister's residence",
    "the fate of detained fighters",
    "oil prices",
]
SUPPLY_ROUTES = [
    "through the al-Qaim crossing",
    "via Syria",
    "by truck through Diyala",
    "on civilian flights to Baghdad",
    "through Kurdish smuggling routes",
    "hidden in fuel tankers",
    "via the port of Umm Qasr",
    "through the Shalamcheh crossing",
]
TURKEY_TARGETS = [
    "PKK positions",
    "suspected PKK hideouts",
    "villages",
    "YBS positions",
    "targets",
    "mountain outposts",
    "PKK vehicles",
    "caves used by the PKK",
    "shelters",
    "PKK bases",
]

ACCUSATIONS = [
    "spying for Washington",
    "smuggling oil",
    "selling weapons to the Islamic State",
    "collaborating with the coalition",
    "extorting traders at checkpoints",
    "skimming PMF salaries",
    "running a kidnapping ring",
    "working for Israeli intelligence",
    "rigging the vote",
    "taking orders from Tehran",
    "hiding weapons in residential areas",
]
# Context clauses appended to many cores: {P}/{Q} officials, {G} a group, {X} a town or
# city, {Y} a second place, {I} an issue, {A} an accusation, {N} a generated person.
CONTEXTS = [
    ", days after {P} visited {X}",
    ", hours after {P} arrived in {X}",
    ", amid a dispute over {I}",
    ", as {P} met {R} in {X}",
    ", in retaliation for the killing of {N}, a commander of {G}",
    ", in response to the arrest of {N} in {X}",
    ", a week after {G} threatened {P}",
    ", shortly before {P} was due to visit {X}",
    ", while {P} was in {X} for talks",
    ", near the home of {N}",
    ", on the road between {X} and {Y}",
    ", ahead of a visit by {P} to {X}",
    ", after {P} accused {G} of {A}",
    ", two days after a similar incident in {X}",
    ", amid rising tension between {G} and {Q}",
    ", after {N} was killed in {X}",
    ", during a funeral for {N} in {X}",
    ", as {G} and {Q} traded accusations over {I}",
    ", following a warning by {P}",
    ", despite assurances from {P} that {G} would stay out of the dispute",
    ", hours after {P} called for calm in {X}",
    ", a day after {P} met {R} in {X}",
    ", despite objections from {P}",
    ", after a phone call between {P} and {R}",
    ", as parliament debated {I}",
    ", after {N} resigned from {G}",
    ", days after {P} warned {G} against {A}",
    ", shortly after {P} returned from {X}",
    ", in a move welcomed by {P}",
    ", a decision criticised by {P} and {R}",
]
# Contexts that fit statements, votes and meetings as well as events on the ground.
CONTEXTS_POLITICAL = [
    c
    for c in CONTEXTS
    if not any(
        k in c
        for k in ("road between", "home of", "similar incident", "funeral", "retaliation", "was killed in")
    )
]
ELECTION_REGIONS = {
    "Kurdish": (
        ["the Kurdistan Democratic Party", "the Patriotic Union of Kurdistan", "the New Generation movement"],
        ["Erbil", "Duhok", "Sulaymaniyah", "Kirkuk", "Nineveh", "Halabja"],
    ),
    "Sunni": (
        ["the Taqaddum party", "the Azm Alliance", "the Sovereignty Alliance"],
        ["Anbar", "Nineveh", "Salahuddin", "Diyala", "Baghdad", "Kirkuk"],
    ),
    "Shia": (
        [
            "the Fatah Alliance",
            "the Sadrist Movement",
            "the State of Law Coalition",
            "the Imtidad movement",
            "the Huquq movement",
            "the Hikma Movement",
            "the Nasr coalition",
            "the Sairoon bloc",
            "the Ishraqat Kanoon party",
        ],
        [
            "Baghdad",
            "Basra",
            "Dhi Qar",
            "Maysan",
            "Najaf",
            "Karbala",
            "Babil",
            "Wasit",
            "Qadisiyah",
            "Muthanna",
            "Diyala",
        ],
    ),
}

# Attribution shapes. {V} = speaker phrase before a verb; {E} = speaker phrase elsewhere;
# {C} = core clause; {O} = an outlet name; {T} = a city.
WRAP_ASSERT = [
    "{V} said {C}.",
    "{V} said that {C}.",
    "{V} told reporters in {T} that {C}.",
    "{V} told {O} that {C}.",
    "{V} confirmed that {C}.",
    "{V} announced that {C}.",
    "{V} insisted that {C}.",
    "{V} stressed that {C}.",
    "{V} wrote on Twitter that {C}.",
    "{V} said in a televised speech that {C}.",
    "{V} said in a statement that {C}.",
    "{C}, {V} said.",
    "{C}, said {E}.",
    "In a statement, {E} said {C}.",
    "Speaking to {O}, {E} said {C}.",
    "{V} told a press conference in {T} that {C}.",
    "{V} acknowledged that {C}.",
    "{V} told parliament that {C}.",
    "{C}, {V} told {O}.",
    "{V} said on Telegram that {C}.",
]
WRAP_REPORT = [
    "According to {E}, {C}.",
    "{C}, according to {E}.",
    "{V} claimed that {C}.",
    "{V} alleged that {C}.",
    "{V} reportedly said {C}.",
    "{C}, {V} claimed.",
    "{O} reported, citing {E}, that {C}.",
    "{V} was quoted as saying that {C}.",
    "Citing {E}, {O} said {C}.",
]
WRAP_DENY = [
    "{V} denied that {C}.",
    "{V} denied reports that {C}.",
    "{V} rejected claims that {C}.",
    "{V} dismissed as false reports that {C}.",
    "{V} flatly denied that {C}.",
]
WRAP_BARE = ["{C}."]
WRAPS = (WRAP_ASSERT, WRAP_REPORT, WRAP_DENY, WRAP_BARE)
STANCE_OF = ("asserts", "reports", "denies", "reports")

ANON_Q = [("a", 0), ("one", 0), ("two", 1), ("three", 1), ("several", 1), ("", 1)]
ANON_COMBOS = [
    ("senior", ["official", "diplomat", "commander"]),
    ("Shiite political", ["official", "leader"]),
    ("Iraqi security", ["official", "source"]),
    ("militia", ["official", "commander", "source"]),
    ("senior militia", ["official", "commander"]),
    ("Western", ["diplomat", "official"]),
    ("US defense", ["official"]),
    ("US military", ["official", "officer"]),
    ("coalition", ["official", "officer"]),
    ("Iranian", ["official", "diplomat"]),
    ("Iraqi intelligence", ["officer", "official"]),
    ("Kurdish security", ["source", "official"]),
    ("European", ["diplomat"]),
    ("PMF", ["commander", "source", "official"]),
    ("government", ["source", "official"]),
    ("local", ["source", "official"]),
    ("police", ["source", "officer"]),
    ("medical", ["source"]),
    ("tribal", ["source", "leader"]),
    ("Western intelligence", ["official"]),
    ("Israeli", ["official"]),
    ("Iraqi", ["official", "lawmaker", "officer"]),
    ("Kurdish", ["official", "lawmaker"]),
    ("Sunni political", ["source", "leader"]),
]
ANON_TAIL = [
    "who spoke on condition of anonymity",
    "familiar with the matter",
    "who asked not to be named",
    "speaking on condition of anonymity",
    "close to {G}",
    "in {C}",
    "briefed on the meeting",
    "with knowledge of the talks",
    "who {was} not authorized to speak to the media",
    "with direct knowledge of the events",
    "who {was} present at the meeting",
    "in {G}",
]
# wrappers that do not fit an anonymous speaker (public, on-the-record acts)
_ANON_BAD = ("Twitter", "televised", "statement", "press conference", "parliament", "Telegram", "announced")

RANKS_IQ = [
    "Major General",
    "Brigadier General",
    "Lieutenant General",
    "Colonel",
    "Lieutenant Colonel",
    "Major",
    "Staff Major General",
    "Captain",
]
RANKS_IR = [
    "Brigadier General",
    "Major General",
    "Rear Admiral",
    "Second Brigadier General",
    "General",
    "Colonel",
]
RANKS_US = [
    "General",
    "Lieutenant General",
    "Major General",
    "Colonel",
    "Army Colonel",
    "Air Force Brigadier General",
    "Navy Captain",
    "Ambassador",
]
RANKS_MIL = ["Sheikh", "Hajji", "Sayyid"]
ROLE_TEMPL = [
    "a spokesman for {ORG}",
    "a senior official in {ORG}",
    "an official at {ORG}",
    "the deputy head of {ORG}",
    "an adviser to {ORG}",
    "a spokesperson for {ORG}",
    "the media director of {ORG}",
    "a legal adviser to {ORG}",
    "a senior adviser at {ORG}",
]
ROLE_MILITIA = [
    "a spokesman for {G}",
    "a commander in {G}",
    "the political bureau chief of {G}",
    "a senior member of {G}",
    "the military spokesman of {G}",
    "a field commander of {G}",
    "the secretary-general of {G}",
    "a security official of {G}",
]
ROLE_CIVIL = [
    "the governor of {PROV}",
    "a lawmaker from {PARTY}",
    "the mayor of {TOWN}",
    "a tribal leader in {TOWN}",
    "an MP for {PROV}",
    "the police chief of {PROV}",
    "a member of the {PROV} provincial council",
    "a senior member of {PARTY}",
]
ROLE_ANALYST = [
    "an analyst at the {TT}",
    "a researcher at the {TT}",
    "a fellow at the {TT}",
    "a professor at {UNI}",
    "an expert on armed groups at the {TT}",
]
UNIVERSITIES = [
    "Baghdad University",
    "the University of Kufa",
    "Mustansiriya University",
    "Salahaddin University",
    "the University of Basra",
    "Tehran University",
    "the American University of Iraq",
    "Georgetown University",
    "King's College London",
]
THINK_TANKS = [
    "Bayan Center for Planning and Studies",
    "Rawabet Center for Research",
    "Middle East Research Institute",
    "Washington Institute",
    "Chatham House Iraq Initiative",
    "Al-Nahrain Center for Strategic Studies",
    "Euphrates Institute",
    "Tigris Policy Forum",
]

# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------

_D0 = _dt.date(2019, 1, 1).toordinal()
_D1 = _dt.date(2023, 12, 31).toordinal()
_DAYS: list[tuple[str, int, int, int, str]] = []  # iso, Y, M(1-12), d, weekday name
for _o in range(_D0, _D1 + 8):
    _d = _dt.date.fromordinal(_o)
    _DAYS.append((_d.isoformat(), _d.year, _d.month, _d.day, WEEKDAYS[_d.weekday()]))
_NDAYS = _D1 - _D0 + 1

# when-formats: (template, precision, swap-group). Swap groups hold formats that say
# the same thing with the same numbers (safe rewording for duplicates).
WHEN_FMTS = [
    ("on {M} {d}", "day", 1),
    ("on {d} {M}", "day", 1),
    ("on {M} {d}, {Y}", "day", 2),
    ("on {d} {M} {Y}", "day", 2),
    ("on {W}", "day", 0),
    ("late on {W}", "day", 0),
    ("early on {W}", "day", 0),
    ("on {W} night", "day", 0),
    ("on the night of {M} {d}", "day", 0),
    ("in {M} {Y}", "month", 3),
    ("in {M} of {Y}", "month", 3),
    ("in early {M}", "month", 0),
    ("in late {M} {Y}", "month", 0),
    ("", "none", 0),
    ("", "none", 0),
    ("", "none", 0),
]
_WHEN_GROUPS: dict[int, list[int]] = {}
for _i, (_f, _p, _g) in enumerate(WHEN_FMTS):
    if _g:
        _WHEN_GROUPS.setdefault(_g, []).append(_i)


# ---------------------------------------------------------------------------
# Text-level variant tables (duplicates)
# ---------------------------------------------------------------------------

SPELLING_GROUPS = [
    ["Ghaani", "Qaani", "Ghani", "Qaani"],
    ["Soleimani", "Suleimani", "Sulaimani"],
    ["Muhandis", "Mohandis"],
    ["Kadhimi", "Kazemi", "Kadhemi"],
    ["Hezbollah", "Hizbullah", "Hizballah"],
    ["Erbil", "Irbil", "Arbil"],
    ["Hashd", "Hashed", "Hached"],
    ["Khazali", "Khazaali"],
    ["Nujaba", "Nujabaa"],
    ["Taeb", "Taib"],
    ["Qassem", "Qasem", "Qassim"],
    ["Esmail", "Ismail"],
    ["Mahdi", "Mehdi"],
    ["Mohammed", "Muhammad", "Mohamed"],
    ["Hussein", "Husain", "Hussain"],
    ["Haidar", "Haider", "Hayder"],
    ["Jaafar", "Jafar"],
    ["Basra", "Basrah"],
    ["Fallujah", "Falluja"],
    ["Nasiriyah", "Nasiriya"],
    ["Baqubah", "Baquba"],
    ["Sulaymaniyah", "Sulaimaniyah", "Sulaimaniya"],
    ["Asad", "Assad"],
    ["Deir ez-Zor", "Deir al-Zour", "Deir Ezzor"],
    ["Abu Kamal", "Albu Kamal", "Bukamal"],
    ["Asaib", "Asa'ib"],
    ["Kataib", "Kata'ib"],
    ["Amiri", "Ameri"],
    ["Fayyadh", "Fayadh", "Fayyad"],
    ["Raisi", "Raeisi"],
    ["Amir-Abdollahian", "Amir-Abdollahiyan"],
    ["Shaabi", "Sha'abi"],
    ["Saraya", "Sarayat"],
    ["Shuhada", "Shohada"],
    ["Sayyid", "Sayed", "Seyyed"],
    ["Salahuddin", "Salah al-Din"],
    ["Nineveh", "Ninawa"],
    ["Karbala", "Kerbala"],
    ["Quds Force", "Qods Force"],
    ["Shiite", "Shia", "Shi'ite"],
    ["Qaim", "Qa'im"],
    ["Kaabi", "Ka'abi"],
    ["Mohammedawi", "Muhammadawi"],
    ["Askari", "Asgari"],
    ["Taji", "Al-Taji"],
    ["Peshmerga", "peshmerga"],
    ["Kirkuk", "Karkuk"],
    ["Tikrit", "Takrit"],
    ["Barzani", "Barzany"],
    ["Ramadi", "Ramady"],
    ["Zainab", "Zeinab"],
]


def _alt_re(words: Iterable[str]) -> re.Pattern:
    alts = "|".join(re.escape(v) for v in sorted(set(words), key=len, reverse=True))
    return re.compile(r"(?<![\w'])(" + alts + r")(?![\w'])")


_SPELL_RE = [(_alt_re(g), sorted(set(g))) for g in SPELLING_GROUPS]
_SPELL_ANY = _alt_re(v for g in SPELLING_GROUPS for v in g)
_SPELL_GROUP_OF: dict[str, int] = {}
for _i, _g in enumerate(SPELLING_GROUPS):
    for _v in _g:
        assert _SPELL_GROUP_OF.setdefault(_v, _i) == _i, f"{_v} in two spelling groups"
US_RE = re.compile(r"\bUS\b|\bU\.S\.(?=\W)")
TRANSLIT_RULES = [
    ("ou", "u"),
    ("ei", "ai"),
    ("aa", "a"),
    ("dh", "z"),
    ("ai", "ay"),
    ("ss", "s"),
    ("bb", "b"),
    ("ll", "l"),
    ("dd", "d"),
    ("q", "k"),
    ("Q", "K"),
    ("i", "y"),
    ("ee", "i"),
    ("u", "o"),
]
ALNAME_RE = re.compile(r"\b([aA]l)-([A-Z][a-z']{3,})")
DASH_RE = re.compile(r" (?:-|–|—) ")
FILLER_RE = [
    (
        re.compile(
            r"\b(said|claimed|confirmed|announced|insisted|stressed|alleged|"
            r"acknowledged) that\b"
        ),
        r"\1",
    ),
    (re.compile(r"\b(said) (?!that\b|in\b|on\b)"), r"\1 that "),
    (re.compile(r"\b(told (?:reporters|parliament)) that\b"), r"\1"),
    (re.compile(r"^(.{8,}?) (said|confirmed|announced)\b"), r"\1 also \2"),
    (re.compile(r"\bthe US-led coalition\b"), "the coalition"),
    (re.compile(r"\bIraq's\b"), "Iraqi"),
    (re.compile(r"\bthe Popular Mobilization Forces\b"), "the PMF"),
]
NEG_WORDS = {"not", "no", "never", "denied", "rejected", "dismissed", "false", "nor", "failed", "without"}
_NUMWORD_SET = set(NUM_WORDS)
_WORD_RE = re.compile(r"[A-Za-z]{5,}")


def _n2s(n: int, f: int) -> str:
    if f == 1 and n <= 20:
        return NUM_WORDS[n]
    if f == 2:
        return f"{n:,}"
    return str(n)


def _a(noun: str) -> str:
    return ("an " if noun[:1] in "aeiouAEIO" else "a ") + noun


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


# ---------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------


def _ar_family(pk) -> str:
    c2 = pk(AR_C2)
    c3 = "" if len(c2) == 2 and c2[0] == c2[1] else pk(AR_C3)
    return f"al-{pk(AR_C1)}{pk(AR_V1)}{c2}{c3}{pk(AR_SUF)}"


def _uniq(seq: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(seq))


class _World:
    """Vocabulary pools (built once per seed) plus the random stream for text."""

    def __init__(self, seed: int, n_outlets: int) -> None:
        pr = random.Random(f"tracker-bench-pools:{seed}")
        pk = lambda s: s[int(pr.random() * len(s))]  # noqa: E731
        self.ar_family = _uniq([f"al-{n}" for n in REAL_NISBA] + [_ar_family(pk) for _ in range(5000)])
        self.fa_family = _uniq(f"{pk(FA_R1)}{pk(FA_R2)}{pk(FA_R3)}{pk(FA_SUF)}" for _ in range(3000))
        self.ku_family = _uniq(f"{pk(KU_R1)}{pk(KU_R2)}{pk(KU_SUF)}" for _ in range(800))
        towns = []
        for _ in range(6000):
            core = pk(TOWN_SYL1) + pk(TOWN_SYL2) + pk(TOWN_SUF)
            core = core[0].upper() + core[1:].lower()
            towns.append(pk(TOWN_PRE) + core)
        self.towns = _uniq(towns)
        mil = list(REAL_MILITIAS)
        for _ in range(1500):
            p = pk(MILITIA_PREFIX)
            r = pr.random()
            if r < 0.35:
                body = pk(MILITIA_WORDS)
            elif r < 0.6:
                body = f"{pk(MILITIA_WORDS)} {pk(MILITIA_WORDS)}"
            elif r < 0.75:
                body = f"al-Imam {pk(MILITIA_NAMES_FOR_IMAM)}"
            elif r < 0.88:
                body = f"Abi {pk(MILITIA_NAMES_FOR_IMAM)} {pk(MILITIA_WORDS)}"
            else:
                body = f"Thar {pk(MILITIA_NAMES_FOR_IMAM)}"
            if body.startswith(("al-", "Thar", "Abi")) and p in ("Ansar",):
                p = "Saraya"
            mil.append(f"{p} {body}")
        for n in range(1, 60):
            mil.append(f"the PMF's {_ordinal(n * 3 % 70 + 1)} Brigade")
        self.militias = _uniq(mil)
        iq = list(IRAQI_ORGS)
        for p in PROVINCES:
            iq += [
                f"the {p} Operations Command",
                f"the {p} police command",
                f"the {p} provincial council",
                f"the {p} Asayish"
                if p in ("Erbil", "Duhok", "Sulaymaniyah", "Halabja")
                else f"{p}'s governorate",
            ]
        for n in range(1, 21):
            iq.append(f"the Iraqi army's {_ordinal(n)} Division")
        self.iraqi_orgs = _uniq(iq)
        self.all_orgs = self.iraqi_orgs + US_ORGS + IRAN_ORGS + KURD_ORGS + INTL_ORGS
        quiet = (
            "Central Bank",
            "Oil Ministry",
            "Ports",
            "Migration",
            "Integrity",
            "Judicial",
            "Electoral",
            "Finance",
            "Atomic Energy",
            "Treasury",
            "Justice",
            "FBI",
            "CIA",
            "Arab League",
            "Kuwaiti",
            "Saudi-led",
            "Security Council",
            "European Union",
            "governorate",
            "provincial council",
            "Red Cross",
            "1st Armored",
        )
        self.speaker_orgs = [o for o in self.all_orgs if not any(q in o for q in quiet)]
        self.security_orgs = [
            o
            for o in self.iraqi_orgs
            if re.search(r"Command|Division|Service|Police|police|Special Forces|Guard|Response", o)
        ] + ["the Peshmerga", "the Zeravani forces", "Kurdish counter-terrorism units"]
        self.outlets = _make_outlets(pr, n_outlets, self)
        # Zipf-ish outlet popularity, wires and big newspapers/broadcasters on top
        w = [KIND_WEIGHT[o["kind"]] / (i + 1) ** 0.6 for i, o in enumerate(self.outlets)]
        tot = sum(w)
        acc = 0.0
        self.outlet_cum = []
        for x in w:
            acc += x / tot
            self.outlet_cum.append(acc)
        self.outlet_cum[-1] = 1.0
        self.wire_idx = [i for i, o in enumerate(self.outlets) if o["kind"] == "wire"] or [0]

        self.r = random.Random(f"tracker-bench-text:{seed}")
        self.rnd = self.r.random

    # -- small helpers --------------------------------------------------------
    def pk(self, seq):
        return seq[int(self.rnd() * len(seq))]

    def syn(self, s: dict, key: str, seq) -> Any:
        t = s.get(key)
        if t is None:
            i = int(self.rnd() * len(seq))
            s[key] = (i, len(seq))
            return seq[i]
        return seq[t[0]]

    def count(self, s: dict, lo: int, hi: int, step: int = 1, words: bool = True, key: str = "n") -> str:
        """A count slot: value, range and number format are kept for variants."""
        t = s.get(key)
        if t is None:
            if step == 1:
                v = lo + int(self.rnd() * (hi - lo + 1))
            else:
                v = lo + step * int(self.rnd() * ((hi - lo) // step + 1))
            r = self.rnd()
            f = 1 if (words and v <= 20 and r < 0.45) else (2 if v >= 1000 and r < 0.7 else 0)
            t = s[key] = (v, f, lo, hi, step, words)
        return _n2s(t[0], t[1])

    # -- names ---------------------------------------------------------------
    def person(self, culture: str | None = None, male: bool = False) -> str:
        """A generated name. ``male`` for titles that in this setting are held by men
        (IRGC, Iraqi army and militia ranks, Sheikh/Hajji/Sayyid)."""
        rnd = self.rnd
        c = culture or self.pk("aaaaffkkee")
        men, women = _FIRST[c]
        fem_share = 0.0 if male else (0.3 if c == "e" else 0.15)
        first = self.pk(women) if rnd() < fem_share else self.pk(men)
        if c == "a":
            fam = self.pk(self.ar_family)
            if rnd() < 0.2:
                fam = fam[3:]
            return f"{first} {fam}"
        if c == "f":
            return f"{first} {self.pk(self.fa_family)}"
        if c == "k":
            return f"{first} {self.pk(self.ku_family)}"
        mid = f" {chr(65 + int(rnd() * 26))}." if rnd() < 0.2 else ""
        return f"{first}{mid} {self.pk(LAST_EN)}"

    def kunya(self) -> str:
        return f"Abu {self.pk(FIRST_AR)} {self.pk(self.ar_family)}"

    def town(self) -> str:
        return self.pk(self.towns)

    def place(self) -> str:
        return self.pk(REAL_PLACES) if self.rnd() < 0.45 else self.pk(self.towns)

    def loc(self) -> str:
        r = self.rnd()
        if r < 0.35:
            return f"in {self.place()}"
        if r < 0.6:
            return f"near {self.place()}"
        if r < 0.7:
            return f"{self.pk(['north', 'south', 'east', 'west'])} of {self.place()}"
        if r < 0.8:
            return f"on the outskirts of {self.place()}"
        if r < 0.9:
            return f"in the {self.town()} district of {self.pk(DISTRICTS_OF)}"
        return f"in {self.town()}, {self.pk(PROVINCES)} province"

    def group(self) -> str:
        r = self.rnd()
        if r < 0.3:
            return self.pk(REAL_MILITIAS)
        if r < 0.38:
            return self.pk(ARMED_OTHERS)
        return self.pk(self.militias)

    def target(self) -> str:
        r = self.rnd()
        if r < 0.3:
            return self.pk(BASES)
        if r < 0.65:
            return f"{_a(self.pk(TARGET_KINDS))} used by {self.pk(TARGET_OWNERS)} {self.loc()}"
        if r < 0.8:
            return f"the home of {self.official_name()} {self.loc()}"
        return f"{_a(self.pk(TARGET_KINDS))} {self.loc()}"

    def org(self) -> str:
        return self.pk(self.all_orgs)

    def official_name(self) -> str:
        """A named person with a title, for use as an actor inside a core clause."""
        r = self.rnd()
        if r < 0.12:
            return self.pk(REAL_PEOPLE[self.pk(("iran", "iraq", "militia", "us", "kurd"))])[0]
        if r < 0.3:
            return f"{self.pk(RANKS_IQ)} {self.person('a', True)}"
        if r < 0.42:
            return f"IRGC {self.pk(RANKS_IR)} {self.person('f', True)}"
        if r < 0.5:
            return self.kunya()
        if r < 0.62:
            return f"{self.pk(RANKS_US)} {self.person('e')}"
        if r < 0.7:
            return f"Peshmerga {self.pk(RANKS_IQ)} {self.person('k', True)}"
        if r < 0.85:
            return f"{self.pk(['MP', 'lawmaker', 'Governor', 'Judge', 'Dr.'])} {self.person()}"
        return self.person()

    def iran_official(self) -> str:
        r = self.rnd()
        if r < 0.18:
            return self.pk(
                [
                    "Quds Force commander Esmail Ghaani",
                    "Esmail Ghaani",
                    "IRGC intelligence chief Hossein Taeb",
                    "Hossein Taeb",
                    "Qassem Soleimani",
                    "Mohammad Kawtharani",
                ]
            )
        if r < 0.55:
            return f"Quds Force {self.pk(RANKS_IR)} {self.person('f', True)}"
        if r < 0.8:
            return f"IRGC {self.pk(RANKS_IR)} {self.person('f', True)}"
        return f"Hezbollah official Sheikh {self.person('a', True)}"

    def context(self, political: bool = False) -> str:
        t = self.pk(CONTEXTS_POLITICAL if political else CONTEXTS)
        if "{P}" in t:
            t = t.replace("{P}", self.official_name())
        if "{R}" in t:
            t = t.replace("{R}", self.official_name())
        if "{Q}" in t:
            t = t.replace("{Q}", self.official_name() if self.rnd() < 0.7 else self.militia())
        if "{G}" in t:
            t = t.replace("{G}", self.militia())
        if "{X}" in t:
            t = t.replace("{X}", self.place() if self.rnd() < 0.8 else self.pk(CITIES))
        if "{Y}" in t:
            t = t.replace("{Y}", self.place())
        if "{I}" in t:
            t = t.replace("{I}", self.pk(ISSUES))
        if "{A}" in t:
            t = t.replace("{A}", self.pk(ACCUSATIONS))
        if "{N}" in t:
            t = t.replace("{N}", self.person())
        return t

    def militia(self) -> str:
        return self.pk(REAL_MILITIAS) if self.rnd() < 0.3 else self.pk(self.militias)

    def speaker(self) -> tuple[str, str, str | None, bool, bool]:
        """(phrase before a verb, phrase elsewhere, speaker field, anonymous, plural)."""
        rnd, pk = self.rnd, self.pk
        r = rnd()
        if r < 0.2:  # anonymous
            q, pl = pk(ANON_Q)
            adj, whos = pk(ANON_COMBOS)
            who = pk(whos) + ("s" if pl else "")
            base = " ".join(x for x in (q, adj, who) if x)
            if base.startswith("a ") and adj[:1] in "AEIOaeio" and not adj.startswith("Eu"):
                base = "an " + base[2:]
            tail = pk(ANON_TAIL)
            tail = (
                tail.replace("{G}", self.militia())
                .replace("{C}", self.place())
                .replace("{was}", "were" if pl else "was")
            )
            if rnd() < 0.3 and tail.startswith(("who", "speaking")):
                return f"{base}, {tail},", f"{base}, {tail}", base, True, bool(pl)
            return f"{base} {tail}", f"{base} {tail}", base, True, bool(pl)
        if r < 0.36:  # an organisation speaks
            o = pk(self.speaker_orgs) if rnd() < 0.7 else self.militia()
            return o, o, o.removeprefix("the "), False, False
        if r < 0.43:  # a real person with the real role
            name, role = pk(REAL_PEOPLE[pk(("iran", "iraq", "militia", "us", "kurd"))])
        else:
            name, role = self.person_with_role()
        if not role:
            return name, name, name, False, False
        if rnd() < 0.25:
            d = pk([" – ", " — ", " - "])
            return f"{name}{d}{role}{d.rstrip()}", f"{name}, {role}", name, False, False
        return f"{name}, {role},", f"{name}, {role}", name, False, False

    def person_with_role(self) -> tuple[str, str]:
        rnd, pk = self.rnd, self.pk
        camp = rnd()
        with_role = rnd() < 0.6
        role = ""
        if camp < 0.28:  # Iraqi state
            name = f"{pk(RANKS_IQ)} {self.person('a', True)}" if rnd() < 0.5 else self.person("a")
            if with_role:
                if rnd() < 0.6:
                    role = pk(ROLE_TEMPL).replace("{ORG}", pk(self.iraqi_orgs))
                else:
                    role = (
                        pk(ROLE_CIVIL)
                        .replace("{PROV}", pk(PROVINCES))
                        .replace("{PARTY}", pk(PARTIES))
                        .replace("{TOWN}", self.town())
                    )
        elif camp < 0.4:  # Iran
            name = f"IRGC {pk(RANKS_IR)} {self.person('f', True)}" if rnd() < 0.5 else self.person("f")
            if with_role:
                role = pk(ROLE_TEMPL).replace("{ORG}", pk(IRAN_ORGS))
        elif camp < 0.58:  # United States / coalition
            name = f"{pk(RANKS_US)} {self.person('e')}" if rnd() < 0.4 else self.person("e")
            if with_role:
                role = pk(ROLE_TEMPL).replace("{ORG}", pk(US_ORGS))
        elif camp < 0.68:  # Kurdistan Region
            name = f"Peshmerga {pk(RANKS_IQ)} {self.person('k', True)}" if rnd() < 0.4 else self.person("k")
            if with_role:
                if rnd() < 0.7:
                    role = pk(ROLE_TEMPL).replace("{ORG}", pk(KURD_ORGS))
                else:
                    role = (
                        pk(ROLE_CIVIL)
                        .replace("{PROV}", pk(["Erbil", "Duhok", "Sulaymaniyah", "Halabja"]))
                        .replace("{PARTY}", pk(PARTIES[3:5] + PARTIES[8:9]))
                        .replace("{TOWN}", self.town())
                    )
        elif camp < 0.86:  # militias
            r = rnd()
            if r < 0.4:
                name = self.kunya()
            elif r < 0.7:
                name = f"{pk(RANKS_MIL)} {self.person('a', True)}"
            else:
                name = self.person("a")
            if with_role or rnd() < 0.5:
                role = pk(ROLE_MILITIA).replace("{G}", self.militia())
        elif camp < 0.94:  # analysts
            name = self.person()
            role = pk(ROLE_ANALYST).replace("{TT}", pk(THINK_TANKS)).replace("{UNI}", pk(UNIVERSITIES))
        else:  # international
            name = self.person(pk("ae"))
            role = pk(["a spokesperson for {O}", "an official at {O}", "the head of {O} in Iraq"]).replace(
                "{O}", pk(INTL_ORGS[:5])
            )
        if role.startswith("a spokesman") and any(w in _FEMALE for w in name.split()):
            role = role.replace("spokesman", "spokeswoman", 1)
        return name, role

    def when(self, s: dict) -> str:
        """The date phrase of a core; day index and format are slots."""
        d = s.get("d")
        if d is None:
            d = s["d"] = self.day()
        wf = s.get("wf")
        if wf is None:
            wf = s["wf"] = int(self.rnd() * len(WHEN_FMTS))
        fmt = WHEN_FMTS[wf][0]
        if not fmt:
            return ""
        iso, y, m, dd, wd = _DAYS[d]
        return " " + fmt.format(M=MONTHS[m - 1], d=dd, Y=y, W=wd)

    def day(self) -> int:
        # weight 2020-2022 more heavily than 2019 and 2023
        r = self.rnd()
        if r < 0.75:
            lo, hi = 365, 365 + 1096
        else:
            lo, hi = 0, _NDAYS
        return lo + int(self.rnd() * (hi - lo))


# ---------------------------------------------------------------------------
# Frames: sample slots into s, render with (neg, opp). Each returns the core clause.
# ---------------------------------------------------------------------------


def _neg_or(g, s, neg, key, pairs):
    v = g.syn(s, key, pairs)
    return f"did not {v[1]}" if neg else v[0]


def f_rockets(g, s, neg, opp):
    s.setdefault("perp", g.group())
    s.setdefault("tgt", g.target())
    n = g.count(s, 2, 40)
    v = _neg_or(g, s, neg, "_v", RK_VERBS)
    # "weapon", not "_m": rockets, mortar rounds and artillery shells are other facts, which a
    # reworded duplicate must keep (slots named "_..." are reworded).
    m = g.syn(s, "weapon", ROCKETS)
    sh = s.setdefault("sh", int(g.rnd() * 3))
    if sh == 0:
        return f"{s['perp']} {v} {n} {m} at {s['tgt']}{g.when(s)}"
    if sh == 1:
        return f"{s['perp']} {v} {n} {m}{g.when(s)} at {s['tgt']}"
    return f"{s['perp']}{g.when(s)} {v} {n} {m} targeting {s['tgt']}"


def f_drones(g, s, neg, opp):
    s.setdefault("perp", g.group())
    s.setdefault("tgt", g.target())
    n = g.count(s, 2, 12)
    v = _neg_or(g, s, neg, "_v", DR_VERBS)
    m = g.syn(s, "_m", DRONES)
    p = g.syn(s, "_p", ["at", "against", "toward"])
    if s.setdefault("sh", int(g.rnd() * 2)):
        return f"{s['perp']} {v} {n} {m} {p} {s['tgt']}{g.when(s)}"
    return f"{s['perp']}{g.when(s)} {v} {n} {m} {p} {s['tgt']}"


def f_casualties(g, s, neg, opp):
    s.setdefault("loc", g.loc())
    n = g.count(s, 2, 45)
    pe = g.syn(s, "people", CASUALTY_PEOPLE)[0]  # who was hurt: a fact, never reworded
    hu = g.syn(s, "hurt", HURT)  # killed or wounded: a fact, never reworded
    ev = s.setdefault("ev", g.pk(HURT_EVENTS))
    were = "were not" if neg else "were"
    return f"{n} {pe} {were} {hu[0]} when {ev} {s['loc']}{g.when(s)}"


def f_ied(g, s, neg, opp):
    s.setdefault("loc", g.loc())
    s.setdefault("own", g.pk(TARGET_OWNERS))
    n = g.count(s, 2, 25)
    cargo = s.setdefault("cargo", g.pk(CARGO))
    v = "did not hit" if neg else g.syn(s, "_v", ["hit", "struck", "targeted"])
    road = s.setdefault(
        "road",
        g.pk(
            [
                "the Baghdad-Basra",
                "the Diwaniyah-Samawah",
                "the Hillah-Najaf",
                "the Baghdad-Kirkuk",
                "the Mosul-Erbil",
                "a desert",
                "the international",
                "the Dhi Qar",
                "the Babil",
                "the al-Qaim",
            ]
        ),
    )
    return (
        f"a roadside bomb {v} a convoy of {n} trucks carrying {cargo} for {s['own']} "
        f"on {road} highway {s['loc']}{g.when(s)}"
    )


def f_resp(g, s, neg, opp):
    s.setdefault("grp", g.militia())
    s.setdefault("tgt", g.target())
    a = g.syn(s, "atk", ATTACK_NOUNS)  # a drone or a rocket attack: a fact, never reworded
    v = "did not claim" if neg else g.syn(s, "_v", ["claimed", "took", "claimed"])
    return f"{s['grp']} {v} responsibility for the {a} on {s['tgt']}{g.when(s)}"


def f_directive(g, s, neg, opp):
    s.setdefault("who", g.iran_official())
    s.setdefault("aud", g.pk(AUDIENCE) if g.rnd() < 0.6 else f"the leaders of {g.militia()}")
    s.setdefault(
        "city", g.pk(["Baghdad", "Baghdad", "Beirut", "Tehran", "Najaf", "Karbala", "Erbil", "Damascus"])
    )
    cls = s.setdefault("cls", int(g.rnd() * 2))
    if opp:
        cls = 1 - cls
    lst = (RESTRAIN, ESCALATE)[cls]
    pred = lst[s["_pr"][0] % len(lst)] if "_pr" in s else g.syn(s, "_pr", lst)
    if s.setdefault("q", g.rnd() < 0.25):
        pred = f'"{pred}"'
    until = s.setdefault("until", g.pk(UNTIL) if g.rnd() < 0.5 else "")
    v = _neg_or(g, s, neg, "_v", DIRECTIVE_VERBS)
    u = f" {until}" if until and cls == 0 else ""
    return f"{s['who']} {v} {s['aud']} in {s['city']}{g.when(s)} to {pred}{u}"


def f_visit(g, s, neg, opp):
    s.setdefault("who", g.iran_official() if g.rnd() < 0.5 else g.official_name())
    s.setdefault("city", g.pk(CITIES))
    s.setdefault("host", g.official_name() if g.rnd() < 0.5 else f"leaders of {g.militia()}")
    n = g.count(s, 2, 8) if s.setdefault("has_n", g.rnd() < 0.5) else None
    v = "did not visit" if neg else g.syn(s, "_v", ["visited", "travelled to", "flew to"])
    mv = g.syn(s, "_mv", MEET_VERBS)
    mv = f"or {mv[1]}" if neg else f"and {mv[0]}"
    if n is not None:
        return (
            f"{s['who']} {v} {s['city']}{g.when(s)} {mv} {n} "
            f"{g.syn(s, '_a', ['faction leaders', 'militia commanders', 'senior politicians'])}"
        )
    return f"{s['who']} {v} {s['city']}{g.when(s)} {mv} {s['host']}"


def f_troops(g, s, neg, opp):
    c = s.setdefault("ctry", g.pk(COUNTRIES) if g.rnd() < 0.7 else "the United States")
    n = g.count(s, 200, 5000, 50, words=False)
    cls = s.setdefault("cls", int(g.rnd() * 2))
    if opp:
        cls = 1 - cls
    lst = (STAY, LEAVE)[cls]
    pred = lst[s["_pr"][0] % len(lst)] if "_pr" in s else g.syn(s, "_pr", lst)
    pred = pred.replace("{n}", n)
    if neg:
        pred = pred.replace("will ", "will not ", 1).replace("plans to", "does not plan to", 1)
    if "thr" not in s:
        y = _DAYS[s.setdefault("d", g.day())][1]
        s["thr"] = g.pk(THROUGH).format(Y=y + (1 if g.rnd() < 0.6 else 0))
        r = g.rnd()
        if r < 0.2:
            s["mis"] = f", including those at {g.pk(BASES)},"
        elif r < 0.35:
            s["mis"] = f", including those stationed {g.loc()},"
        elif r < 0.55:
            s["mis"] = f", most of them training {g.pk(g.security_orgs)} {g.loc()},"
        elif r < 0.75:
            s["mis"] = f", after talks between {g.official_name()} and {g.official_name()},"
        else:
            s["mis"] = f", a decision conveyed to {g.official_name()} in {g.pk(CITIES)},"
    if s["mis"].startswith((", a decision", ", after")):
        return f"{c} {pred} {s['thr']}{s['mis'][:-1]}"
    return f"{c} {pred}{s['mis']} {s['thr']}"


_ENTITY = {
    "Washington": "us",
    "the United States": "us",
    "Tehran": "ir",
    "Iran": "ir",
    "Baghdad": "iq",
    "Iraq": "iq",
    "the federal government": "iq",
    "Erbil": "krg",
    "the KRG": "krg",
    "Damascus": "sy",
    "Syria": "sy",
    "Ankara": "tr",
    "Turkey": "tr",
    "Amman": "jo",
    "Jordan": "jo",
    "the militias": "mil",
    "the PMF": "mil",
}


def f_agreement(g, s, neg, opp):
    a = s.setdefault(
        "a",
        g.pk(
            [
                "Baghdad",
                "Erbil",
                "Iraq",
                "Iran",
                "Turkey",
                "the KRG",
                "the federal government",
                "the Sadrists",
                "the PMF",
                "Washington",
                "Tehran",
                "the United States",
                "Syria",
                "Kuwait",
                "Jordan",
                "the Coordination Framework",
            ]
        ),
    )
    b = s.setdefault(
        "b",
        g.pk(
            [
                "Baghdad",
                "Erbil",
                "Tehran",
                "Washington",
                "Ankara",
                "the KDP",
                "the PUK",
                "Damascus",
                "the Sunni blocs",
                "the militias",
                "the coalition",
                "Amman",
                "Riyadh",
            ]
        ),
    )
    if _ENTITY.get(a, a) == _ENTITY.get(b, b):
        b = s["b"] = "the coalition" if _ENTITY.get(a) != "us" else "Baghdad"
    if "iss" not in s:
        s["iss"] = g.pk(ISSUES)
        r = g.rnd()
        s["med"] = (
            f" in talks mediated by {g.official_name()}"
            if r < 0.4
            else f" at a meeting in {g.place()}"
            if r < 0.7
            else f" after {g.official_name()} visited {g.pk(CITIES)}"
        )
    cls = s.setdefault("cls", int(g.rnd() * 2))
    if opp:
        cls = 1 - cls
    lst = (AGREE, DISAGREE)[cls]
    pred = lst[s["_pr"][0] % len(lst)] if "_pr" in s else g.syn(s, "_pr", lst)
    if neg:  # only reached for cls 0; the frame is marked non-negatable otherwise
        pred = "did not reach an agreement on"
    return f"{a} and {b} {pred} {s['iss']}{s['med']}{g.when(s)}"


def f_arrest(g, s, neg, opp):
    s.setdefault("frc", g.pk(g.iraqi_orgs + KURD_ORGS) if g.rnd() < 0.8 else g.pk(US_ORGS))
    s.setdefault("grp", g.militia())
    s.setdefault("loc", g.loc())
    n = g.count(s, 2, 80)
    v = _neg_or(g, s, neg, "_v", ARREST_VERBS)
    su = g.syn(s, "_su", SUSPECTS)
    lk = g.syn(s, "_lk", ["linked to", "belonging to", "affiliated with", "of"])
    return f"{s['frc']} {v} {n} {su} {lk} {s['grp']} {s['loc']}{g.when(s)}"


def f_seizure(g, s, neg, opp):
    s.setdefault("frc", g.pk(g.iraqi_orgs + KURD_ORGS))
    s.setdefault("loc", g.loc())
    n = g.count(s, 3, 300)
    w = s.setdefault("w", g.pk(WEAPONS))
    fac = s.setdefault("fac", g.pk(FACILITY))
    v = _neg_or(g, s, neg, "_v", SEIZE_VERBS)
    own = s.setdefault("own", g.militia() if g.rnd() < 0.6 else "")
    o = f" belonging to {own}" if own else ""
    return f"{s['frc']} {v} {n} {w} at a {fac}{o} {s['loc']}{g.when(s)}"


def f_airstrike(g, s, neg, opp):
    s.setdefault("act", g.pk(AIR_ACTORS))
    s.setdefault("grp", g.group())
    s.setdefault("loc", g.loc())
    n = g.count(s, 2, 9)
    v = _neg_or(g, s, neg, "_v", AIR_VERBS)
    t = g.syn(s, "_t", AIR_TARGETS)
    if "kn" not in s:
        s["kn"] = 2 + int(g.rnd() * 20) if g.rnd() < 0.5 else 0
    k = f", killing {s['kn']} fighters" if s["kn"] else ""
    return f"{s['act']} {v} {n} {t} used by {s['grp']} {s['loc']}{g.when(s)}{k}"


def f_sanctions(g, s, neg, opp):
    s.setdefault(
        "who",
        g.pk(
            [
                "the US Treasury",
                "the State Department",
                "Washington",
                "the European Union",
                "Britain",
                "the US Treasury's OFAC",
            ]
        ),
    )
    s.setdefault("grp", g.militia() if g.rnd() < 0.7 else g.official_name())
    n = g.count(s, 2, 30)
    e = g.syn(s, "_e", SANCTION_ENTITIES)
    v = "did not impose" if neg else g.syn(s, "_v", ["imposed", "announced", "slapped"])
    return f"{s['who']} {v} sanctions on {n} {e} linked to {s['grp']}{g.when(s)}"


def f_funding(g, s, neg, opp):
    s.setdefault(
        "who",
        g.pk(
            [
                "Iran",
                "the Quds Force",
                "Tehran",
                "Hezbollah",
                "the IRGC",
                "a network of Iranian front companies",
            ]
        ),
    )
    s.setdefault("grp", g.militia())
    n = g.count(s, 2, 900, words=False)
    v = _neg_or(
        g,
        s,
        neg,
        "_v",
        [("transferred", "transfer"), ("paid", "pay"), ("sent", "send"), ("funnelled", "funnel")],
    )
    if "per" not in s:
        s["per"] = g.pk(MONEY_PERIOD).replace("{CITY}", g.pk(CITIES)).replace("{PLACE}", g.place())
    per = s["per"]
    cur = g.syn(s, "_c", ["million", "million in cash"])
    return f"{s['who']} {v} ${n} {cur} to {s['grp']} {per}{g.when(s)}"


def f_border(g, s, neg, opp):
    if "frm" not in s:
        s["frm"] = g.pk(["Iran", "Iran", "Syria", "Syria", "Turkey", "Jordan", "Saudi Arabia"])
        s["cx"] = g.pk(CROSSINGS[s["frm"]])
    n = g.count(s, 3, 200)
    c = s.setdefault("cargo", g.pk(CARGO))
    v = "did not cross into" if neg else g.syn(s, "_v", ["crossed into", "entered", "passed into"])
    if "tail" not in s:
        s["tail"] = g.pk(
            [
                f" bound for {g.place()}",
                f" under escort by {g.militia()}",
                f" without inspection, bound for {g.place()}",
                f" and unloaded at a warehouse {g.loc()}",
                f" for a company owned by {g.official_name()}",
            ]
        )
    tail = s["tail"]
    return f"{n} trucks carrying {c} {v} Iraq from {s['frm']} through {s['cx']}{g.when(s)}{tail}"


def f_protest(g, s, neg, opp):
    if "grp" not in s:
        s["grp"] = g.militia() if g.rnd() < 0.6 else g.pk(PARTIES)
        s["pl"] = g.pk(PROTEST_PLACES)
        s["city"] = g.pk(
            CITIES[:1] * 4 + ["Basra", "Erbil", "Najaf", "Nasiriyah", "Karbala", "Sulaymaniyah", "Kirkuk"]
        )
        s["dem"] = g.pk(DEMANDS)
        s["led"] = f", led by {g.kunya() if g.rnd() < 0.5 else g.person('a')}," if g.rnd() < 0.5 else ""
    n = g.count(s, 50, 5000, 50, words=False)
    who = g.syn(s, "_w", PROTESTERS)
    v = (
        "did not storm"
        if neg
        else g.syn(s, "_v", ["gathered outside", "stormed", "rallied outside", "besieged"])
    )
    return f"{n} {who} of {s['grp']}{s['led']} {v} {s['pl']} in {s['city']}{g.when(s)} demanding {s['dem']}"


def f_election(g, s, neg, opp):
    if "bloc" not in s:
        camp = g.pk(("Shia", "Shia", "Sunni", "Kurdish"))
        parties, provinces = ELECTION_REGIONS[camp]
        s["bloc"] = g.pk(parties)
        s["where"] = g.pk(provinces)
        s["lead"] = g.person("k" if camp == "Kurdish" else "a")
        s["dist"] = (
            f" in the {_ordinal(1 + int(g.rnd() * 12))} district of {s['where']}"
            if g.rnd() < 0.5
            else f" in {s['where']}"
        )
        s["y"] = g.pk(["2021", "2021", "2023", "2018"])
        s["sh"] = int(g.rnd() * 2)
    n = g.count(s, 2, 24)
    v = "did not win" if neg else g.syn(s, "_v", ["won", "secured", "took"])
    y = s["y"]
    kind = "provincial" if y == "2023" else "parliamentary"
    if s["sh"]:
        return (
            f"{s['bloc']}'s list{s['dist']}, headed by {s['lead']}, {v} {n} seats in the {y} {kind} elections"
        )
    return (
        f"{s['bloc']} {v} {n} seats{s['dist']} in the {y} {kind} elections, with {s['lead']} topping its list"
    )


def f_appointment(g, s, neg, opp):
    if "who" not in s:
        s["who"] = g.official_name()
        s["role"] = g.pk(ROLES_APPT).replace("{prov}", g.pk(PROVINCES)).replace("{city}", g.pk(CITIES))
        s["by"] = g.pk(
            [
                "",
                " by the prime minister",
                " after pressure from " + g.militia(),
                " with Iran's blessing",
                f", replacing {g.official_name()}",
                f" on the recommendation of {g.official_name()}",
            ]
        )
    v = "was not appointed" if neg else g.syn(s, "_v", ["was appointed", "has been named", "was chosen as"])
    return f"{s['who']} {v} {s['role']}{s['by']}{g.when(s)}"


def f_kidnap(g, s, neg, opp):
    s.setdefault("loc", g.loc())
    n = g.count(s, 2, 15)
    vic = g.syn(s, "_vi", KIDNAP_VICTIMS)
    by = s.setdefault("by", g.group() if g.rnd() < 0.5 else "gunmen in military uniforms")
    if neg:
        return f"{by} did not abduct {n} {vic} {s['loc']}{g.when(s)}"
    if s.setdefault("pas", g.rnd() < 0.5):
        return f"{n} {vic} were abducted by {by} {s['loc']}{g.when(s)}"
    return f"{by} abducted {n} {vic} {s['loc']}{g.when(s)}"


def f_assassination(g, s, neg, opp):
    s.setdefault("who", g.person())
    s.setdefault(
        "role",
        g.pk(
            [
                "an activist",
                "a journalist",
                "a protest leader",
                "a PMF commander",
                "a security analyst",
                "a tribal sheikh",
                "an intelligence officer",
                "a judge",
                "a candidate for " + g.pk(PARTIES),
            ]
        ),
    )
    s.setdefault("loc", g.loc())
    how = g.syn(
        s,
        "_h",
        [
            "was shot dead by gunmen on a motorcycle",
            "was killed by a sticky bomb attached to his car",
            "was assassinated outside his home",
            "was gunned down at a checkpoint",
        ],
    )
    if neg:
        how = how.replace("was ", "was not ", 1)
    return f"{s['who']}, {s['role']}, {how} {s['loc']}{g.when(s)}"


def f_oil(g, s, neg, opp):
    if "co" not in s:
        s["co"] = g.pk(OIL_COMPANIES)
        s["fld"] = g.pk(OIL_FIELDS)
        s["why"] = g.pk(
            [
                "after a rocket attack on " + g.target(),
                "over security threats",
                f"after protesters blocked the road to {g.place()}",
                f"after a drone strike {g.loc()}",
                "following threats from " + g.militia(),
                "amid a payment dispute with " + g.official_name(),
            ]
        )
    n = g.count(s, 20, 900, 10, words=False)
    v = "did not cut" if neg else g.syn(s, "_v", ["cut", "reduced", "halted"])
    return f"{s['co']} {v} output at {s['fld']} by {n},000 barrels per day {s['why']}{g.when(s)}"


def f_truce(g, s, neg, opp):
    s.setdefault("grp", g.militia())
    cls = s.setdefault("cls", int(g.rnd() * 2))
    if opp:
        cls = 1 - cls
    lst = (TRUCE_ON, TRUCE_OFF)[cls]
    pred = lst[s["_pr"][0] % len(lst)] if "_pr" in s else g.syn(s, "_pr", lst)
    if "un" not in s:
        s["un"] = g.pk(TRUCE_UNTIL)
        r = g.rnd()
        s["ctx"] = (
            f" after a meeting with {g.iran_official()} in {g.pk(CITIES)}"
            if r < 0.35
            else f" in a statement signed by {g.kunya()}"
            if r < 0.65
            else f" following the strike on {g.target()}"
            if r < 0.85
            else ""
        )
    u = f" {s['un']}" if cls == 0 else ""
    v = "did not announce" if neg else g.syn(s, "_v", ["announced", "declared", "ordered"])
    return f"{s['grp']} {v} {pred}{u}{s['ctx']}{g.when(s)}"


def f_handover(g, s, neg, opp):
    if "frc" not in s:
        s["frc"] = g.pk(
            [
                "the US-led coalition",
                "US forces",
                "French troops",
                "the coalition",
                "Turkish forces",
                "Australian trainers",
                "NATO Mission Iraq",
                "British troops",
                "Italian forces",
                "Danish troops",
            ]
        )
        s["base"] = g.pk(BASES) if g.rnd() < 0.4 else f"a base {g.loc()}"
        s["to"] = g.pk(
            [
                "the Iraqi army",
                "Iraqi security forces",
                "the Peshmerga",
                "the Iraqi Air Force",
                "the Counter-Terrorism Service",
                g.pk(g.iraqi_orgs),
                f"the {g.pk(PROVINCES)} Operations Command",
            ]
        )
        s["cer"] = f" in a ceremony attended by {g.official_name()}" if g.rnd() < 0.6 else ""
    v = "has not handed over" if neg else g.syn(s, "_v", ["handed over", "transferred", "turned over"])
    return f"{s['frc']} {v} {s['base']} to {s['to']}{s['cer']}{g.when(s)}"


def f_inquiry(g, s, neg, opp):
    s.setdefault("body", g.pk(INQUIRY_BODIES))
    s.setdefault("frc", g.pk(g.iraqi_orgs) if g.rnd() < 0.6 else g.group())
    s.setdefault("ev", g.pk(INQUIRY_EVENTS) if g.rnd() < 0.5 else f"the protests in {g.place()}")
    n = g.count(s, 2, 120)
    vict = g.syn(s, "_vi", ["protesters", "people", "demonstrators", "civilians"])
    v = "did not find" if neg else g.syn(s, "_v", ["found", "concluded", "determined"])
    return f"{s['body']} {v} that {s['frc']} killed {n} {vict} during {s['ev']}"


def f_intercept(g, s, neg, opp):
    if "sys" not in s:
        s["sys"] = g.pk(INTERCEPT_SYSTEMS)
        s["tgt"] = g.pk(BASES)
        s["frm"] = g.pk(
            [f" fired from {g.place()}", f" launched from {g.loc()}", f" fired from a truck {g.loc()}", ""]
        )
    n = g.count(s, 2, 12)
    m = g.syn(s, "weapon", ["rockets", "drones", "incoming rockets", "Katyusha rockets"])  # a fact
    v = "did not intercept" if neg else g.syn(s, "_v", ["intercepted", "shot down", "downed"])
    return f"{s['sys']} at {s['tgt']} {v} {n} {m}{s['frm']}{g.when(s)}"


def f_release(g, s, neg, opp):
    s.setdefault(
        "who",
        g.pk(
            [
                "a Baghdad court",
                "the authorities",
                "the Interior Ministry",
                "the PMF security directorate",
                "the Kurdish authorities",
                "the Counter-Terrorism Service",
                "an investigating judge",
            ]
        ),
    )
    s.setdefault("grp", g.militia())
    s.setdefault(
        "inc",
        g.pk(
            [
                "the rocket attack on the embassy",
                "the killing of protesters",
                "the drone attack",
                "the raid in Dora",
                "the assault on the KDP office",
                "the ambush",
            ]
        )
        + g.when({}),
    )
    n = g.count(s, 2, 40)
    v = _neg_or(g, s, neg, "_v", [("released", "release"), ("freed", "free"), ("let go", "let go")])
    return f"{s['who']} {v} {n} members of {s['grp']} detained over {s['inc']}"


def f_budget(g, s, neg, opp):
    if "who" not in s:
        s["who"] = g.pk(
            [
                "parliament",
                "the cabinet",
                "the Finance Ministry",
                "the government",
                "the budget committee",
                "the Kurdistan Region's cabinet",
                f"the {g.pk(PROVINCES)} provincial council",
            ]
        )
        s["for"] = g.pk(
            [
                f"the salaries of PMF fighters in {g.pk(PROVINCES)}",
                f"rebuilding {g.place()}",
                f"{g.militia()}",
                f"compensating families in {g.place()}",
                f"housing for families displaced from {g.place()}",
                f"a new security directorate headed by {g.official_name()}",
                f"the {g.pk(PROVINCES)} Operations Command",
                f"water projects in {g.place()}",
                f"a power station near {g.place()}",
            ]
        )
        s["y"] = str(_DAYS[g.day()][1])
        s["req"] = f" at the request of {g.official_name()}" if g.rnd() < 0.5 else ""
    n = g.count(s, 100, 9000, 50, words=False)
    v = "did not allocate" if neg else g.syn(s, "_v", ["allocated", "approved", "set aside"])
    return f"{s['who']} {v} {n} billion dinars for {s['for']} in the {s['y']} budget{s['req']}"


def f_talks(g, s, neg, opp):
    if "a" not in s:
        s["a"] = g.pk(
            [
                "Iran and the United States",
                "Iran and Saudi Arabia",
                "Iranian and US negotiators",
                "Tehran and Riyadh",
                "Iran and world powers",
                "Baghdad and Washington",
                "Ankara and Baghdad",
                "Erbil and Baghdad",
            ]
        )
        s["city"] = g.pk(CITIES)
        s["on"] = g.pk([f" on {g.pk(ISSUES)}", "", f" on the attack on {g.target()}"])
        s["lead"] = (
            f", with {g.official_name()} leading one delegation"
            if g.rnd() < 0.5
            else f", mediated by {g.official_name()}"
        )
    n = g.count(s, 2, 9)
    v = "did not hold" if neg else g.syn(s, "_v", ["held", "concluded", "completed"])
    t = g.syn(s, "_t", ["rounds of indirect talks", "rounds of talks", "rounds of negotiations"])
    return f"{s['a']} {v} {n} {t}{s['on']} in {s['city']}{g.when(s)}{s['lead']}"


def f_displacement(g, s, neg, opp):
    s.setdefault("loc", g.place())
    s.setdefault("a", g.group())
    s.setdefault(
        "b",
        g.pk(
            [
                "the army",
                "the Peshmerga",
                "Turkish forces",
                "the YBS",
                "the Federal Police",
                "Islamic State militants",
                "tribal fighters",
            ]
        ),
    )
    n = g.count(s, 10, 3000, 10, words=False)
    v = "did not flee" if neg else g.syn(s, "_v", ["fled", "left", "were displaced from"])
    return f"{n} families {v} {s['loc']} after clashes between {s['a']} and {s['b']}{g.when(s)}"


def f_clashes(g, s, neg, opp):
    s.setdefault("a", g.group())
    s.setdefault(
        "b",
        g.pk(
            [
                "the army",
                "the Peshmerga",
                "the Federal Police",
                "Saraya al-Salam",
                "a rival tribe",
                "the Counter-Terrorism Service",
                g.group(),
            ]
        ),
    )
    s.setdefault("loc", g.loc())
    n = g.count(s, 2, 30)
    v = g.syn(s, "_v", ["left", "killed", "claimed the lives of"])
    d = (
        g.syn(s, "_dd", ["dead", "people dead", "fighters dead"])
        if s["_v"][0] == 0
        else g.syn(s, "_dd2", ["people", "fighters", "members of both sides"])
    )
    if neg:
        v = {"left": "did not leave", "killed": "did not kill"}.get(v, "did not claim the lives of")
    return f"clashes between {s['a']} and {s['b']} {s['loc']}{g.when(s)} {v} {n} {d}"


def f_phone(g, s, neg, opp):
    s.setdefault("a", g.official_name())
    s.setdefault("b", g.official_name())
    s.setdefault("t", g.pk(PHONE_TOPICS))
    v = (
        "did not speak"
        if neg
        else g.syn(s, "_v", ["spoke by phone", "held a phone call", "talked by telephone"])
    )
    return f"{s['a']} {v} with {s['b']} about {s['t']}{g.when(s)}"


def f_supply(g, s, neg, opp):
    s.setdefault(
        "who", g.pk(["Iran", "the Quds Force", "the IRGC", "Hezbollah", "Iranian smugglers", "Tehran"])
    )
    s.setdefault("grp", g.militia())
    s.setdefault("rt", g.pk(SUPPLY_ROUTES))
    n = g.count(s, 5, 400)
    w = g.syn(s, "weapons", WEAPONS)  # drones or rocket launchers: a fact, never reworded
    v = _neg_or(g, s, neg, "_v", [("supplied", "supply"), ("delivered", "deliver"), ("smuggled", "smuggle")])
    to = "with" if s["_v"][0] == 0 else "to"
    if to == "with":
        return f"{s['who']} {v} {s['grp']} with {n} {w} {s['rt']}{g.when(s)}"
    return f"{s['who']} {v} {n} {w} to {s['grp']} {s['rt']}{g.when(s)}"


def f_damage(g, s, neg, opp):
    s.setdefault("tgt", g.target())
    n = g.count(s, 2, 15)
    th = g.syn(s, "_t", DAMAGE_THINGS)
    a = g.syn(s, "atk", ATTACK_NOUNS)  # a drone or a rocket attack: a fact, never reworded
    v = "did not damage" if neg else g.syn(s, "_v", ["damaged", "destroyed", "hit"])
    own = s.setdefault("own", g.pk(TARGET_OWNERS))
    return f"the {a} on {s['tgt']}{g.when(s)} {v} {n} {th} belonging to {own}"


def f_presence(g, s, neg, opp):
    if "who" not in s:
        s["who"] = g.pk(PARTIES + REAL_MILITIAS[:6]) if g.rnd() < 0.3 else g.official_name()
        r = g.rnd()
        s["tail"] = (
            f" after meeting {g.official_name()} in {g.pk(CITIES)}"
            if r < 0.35
            else f" in a letter to {g.official_name()}"
            if r < 0.6
            else f" during a visit to {g.place()}"
            if r < 0.8
            else f" despite the attack on {g.target()}"
        )
    cls = s.setdefault("cls", int(g.rnd() * 2))
    if opp:
        cls = 1 - cls
    lst = (PRESENCE_FOR, PRESENCE_AGAINST)[cls]
    pred = lst[s["_pr"][0] % len(lst)] if "_pr" in s else g.syn(s, "_pr", lst)
    if neg:
        pred = "no longer " + pred
    return f"{s['who']} {pred}{s['tail']}{g.when(s)}"


def f_turkey(g, s, neg, opp):
    s.setdefault(
        "act",
        g.pk(
            [
                "Turkish jets",
                "Turkish drones",
                "Turkish artillery",
                "Iranian artillery",
                "IRGC drones",
                "Turkish helicopters",
            ]
        ),
    )
    s.setdefault(
        "loc",
        g.pk(
            [
                "near Sinjar",
                "in the Qandil mountains",
                "near Zakho",
                "in Duhok province",
                "near Makhmour",
                "in the Sidakan area",
                "near Amedi",
                "in the Bradost area",
                "near Penjwen",
                "in Sulaymaniyah province",
            ]
        )
        + (f" and {g.town()}" if g.rnd() < 0.5 else ""),
    )
    n = g.count(s, 2, 40)
    t = g.syn(s, "targets", TURKEY_TARGETS)  # the PKK or the YBS: a fact, never reworded
    v = _neg_or(g, s, neg, "_v", [("struck", "strike"), ("shelled", "shell"), ("bombed", "bomb")])
    return f"{s['act']} {v} {n} {t} {s['loc']}{g.when(s)}"


# (function, topic group, weight, has count "n", can negate in the core, opposing classes)
FRAMES: list[tuple[Callable, str, float, bool, bool, bool]] = [
    (f_rockets, "rockets", 1.6, True, True, False),
    (f_drones, "drones", 1.4, True, True, False),
    (f_casualties, "casualties", 1.3, True, False, False),
    (f_ied, "ied", 1.0, True, True, False),
    (f_resp, "resp", 1.0, False, True, False),
    (f_directive, "directive", 1.2, False, True, True),
    (f_visit, "visit", 1.0, False, True, False),
    (f_troops, "troops", 0.9, True, True, True),
    (f_agreement, "agreement", 1.0, False, False, True),
    (f_arrest, "arrest", 1.2, True, True, False),
    (f_seizure, "seizure", 1.0, True, True, False),
    (f_airstrike, "airstrike", 1.0, True, True, False),
    (f_sanctions, "sanctions", 0.8, True, True, False),
    (f_funding, "funding", 0.8, True, True, False),
    (f_border, "border", 0.8, True, True, False),
    (f_protest, "protest", 0.9, True, True, False),
    (f_election, "election", 0.7, True, True, False),
    (f_appointment, "appointment", 0.7, False, True, False),
    (f_kidnap, "kidnap", 0.8, True, True, False),
    (f_assassination, "assassination", 0.8, False, True, False),
    (f_oil, "oil", 0.7, True, True, False),
    (f_truce, "truce", 0.9, False, True, True),
    (f_handover, "handover", 0.7, False, True, False),
    (f_inquiry, "inquiry", 0.6, True, True, False),
    (f_intercept, "intercept", 0.8, True, True, False),
    (f_release, "release", 0.7, True, True, False),
    (f_budget, "budget", 0.6, True, True, False),
    (f_talks, "talks", 0.7, True, True, False),
    (f_displacement, "displacement", 0.7, True, True, False),
    (f_clashes, "clashes", 0.9, True, True, False),
    (f_phone, "phone", 0.7, False, True, False),
    (f_supply, "supply", 0.8, True, True, False),
    (f_damage, "damage", 0.7, True, True, False),
    (f_presence, "presence", 0.7, False, True, True),
    (f_turkey, "turkey", 0.8, True, True, False),
]


def _cum(idx: list[int]) -> tuple[list[int], list[float]]:
    tot = sum(FRAMES[i][2] for i in idx)
    acc, out = 0.0, []
    for i in idx:
        acc += FRAMES[i][2] / tot
        out.append(acc)
    out[-1] = 1.0
    return idx, out


_ALL_FRAMES = _cum(list(range(len(FRAMES))))
_POLITICAL_FRAMES = {
    i
    for i, f in enumerate(FRAMES)
    if f[0]
    in (
        f_election,
        f_budget,
        f_appointment,
        f_talks,
        f_agreement,
        f_presence,
        f_sanctions,
        f_phone,
        f_troops,
        f_visit,
        f_directive,
        f_truce,
    )
}
_COUNT_FRAMES = _cum([i for i, f in enumerate(FRAMES) if f[3]])
_OPP_FRAMES = _cum([i for i, f in enumerate(FRAMES) if f[5]])

# ---------------------------------------------------------------------------
# Claims: slots -> text
# ---------------------------------------------------------------------------


def _render(g: _World, c: dict, neg: bool = False, opp: bool = False) -> str:
    core = FRAMES[c["f"]][0](g, c["s"], neg or c["neg0"], opp) + c["ctx"]
    wl = WRAPS[c["wk"]]
    w = wl[c["wi"] % len(wl)]
    v, e = c["sp"][0], c["sp"][1]
    if c["sp"][4] and "was quoted" in w:
        w = w.replace("was quoted", "were quoted")
    text = (
        w.replace("{V}", v)
        .replace("{E}", e)
        .replace("{O}", c["o"])
        .replace("{T}", c["t"])
        .replace("{C}", core)
    )
    text = text[0].upper() + text[1:]
    if c["curly"]:
        text = _curly(text)
    return text


_DQ_RE = re.compile(r'"([^"]*)"')


def _curly(text: str) -> str:
    text = _DQ_RE.sub("\u201c\\1\u201d", text)
    return text.replace("'", "\u2019")


def _straight(text: str) -> str:
    return text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'").replace("\u2018", "'")


def _new_claim(g: _World, frames=_ALL_FRAMES) -> dict:
    rnd = g.rnd
    idx, cum = frames
    f = idx[bisect.bisect_left(cum, rnd())]
    r = rnd()
    wk = 0 if r < 0.54 else (1 if r < 0.87 else (2 if r < 0.94 else 3))
    sp = g.speaker() if wk != 3 else ("", "", None, False, False)
    c = {
        "f": f,
        "s": {},
        "neg0": FRAMES[f][4] and wk != 2 and rnd() < 0.03,
        "wk": wk,
        "wi": int(rnd() * len(WRAPS[wk])),
        "sp": sp,
        "o": "",
        "t": "",
        "ctx": g.context(f in _POLITICAL_FRAMES) if rnd() < 0.7 else "",
        "curly": rnd() < 0.15,
    }
    _fit_wrapper(g, c)
    return c


def _wrapper_ok(w: str, sp: tuple) -> bool:
    return not (sp[3] and any(b in w for b in _ANON_BAD))


def _fit_wrapper(g: "_World", c: dict) -> None:
    """Make the chosen wrapper fit the speaker and fill its outlet / city slots."""
    w = WRAPS[c["wk"]][c["wi"]]
    if not _wrapper_ok(w, c["sp"]):
        c["wi"] = 0
        w = WRAPS[c["wk"]][0]
    if "{O}" in w and not c["o"]:
        c["o"] = g.outlets[int(g.rnd() * len(g.outlets))]["name"]
    if "{T}" in w and not c["t"]:
        c["t"] = g.pk(CITIES)


# ---------------------------------------------------------------------------
# Variants
# ---------------------------------------------------------------------------


def _copy_claim(c: dict) -> dict:
    d = dict(c)
    d["s"] = dict(c["s"])
    return d


def _variant_number(g: _World, c: dict) -> dict:
    d = _copy_claim(c)
    v, f, lo, hi, step, words = d["s"]["n"]
    for _ in range(100):
        if step == 1:
            nv = lo + int(g.rnd() * (hi - lo + 1))
        else:
            nv = lo + step * int(g.rnd() * ((hi - lo) // step + 1))
        if abs(nv - v) >= max(2, 0.25 * v) and nv != v:
            break
    else:
        nv = v * 2 + step
    nf = f
    if f == 1 and nv > 20:
        nf = 0
    if f == 2 and nv < 1000:
        nf = 0
    d["s"]["n"] = (nv, nf, lo, hi, step, words)
    return d


def _variant_polarity(g: _World, c: dict) -> tuple[dict, bool]:
    """Return (variant claim, negate-core flag for rendering)."""
    d = _copy_claim(c)
    if c["wk"] == 2:  # base is a denial -> plain assertion by the same speaker
        d["wk"], d["wi"] = 0, 0
        return d, False
    if c["neg0"]:  # base is negative -> positive
        d["neg0"] = False
        return d, False
    if FRAMES[c["f"]][4] and (c["wk"] == 3 or g.rnd() < 0.55):
        return d, True
    d["wk"] = 2
    d["wi"] = int(g.rnd() * len(WRAP_DENY))
    if c["wk"] == 3:
        d["sp"] = g.speaker()
    return d, False


def _variant_opposing(g: _World, c: dict) -> dict:
    d = _copy_claim(c)
    s = d["s"]
    s["cls"] = 1 - s["cls"]
    lst_len = {
        f_directive: (RESTRAIN, ESCALATE),
        f_troops: (STAY, LEAVE),
        f_agreement: (AGREE, DISAGREE),
        f_truce: (TRUCE_ON, TRUCE_OFF),
        f_presence: (PRESENCE_FOR, PRESENCE_AGAINST),
    }[FRAMES[c["f"]][0]]
    lst = lst_len[s["cls"]]
    i = int(g.rnd() * len(lst))
    s["_pr"] = (i, len(lst))
    if g.rnd() < 0.5:  # a different source reports the opposite
        d["sp"] = g.speaker()
        r = g.rnd()
        d["wk"] = 0 if r < 0.6 else 1
        d["wi"] = int(g.rnd() * len(WRAPS[d["wk"]]))
        d["o"] = d["t"] = ""
        _fit_wrapper(g, d)
    return d


def _reword_slots(g: _World, d: dict) -> bool:
    """Change a synonym, the wrapper (same stance) or the date format. In place."""
    s = d["s"]
    opts = []
    for k, v in s.items():
        if k.startswith("_") and isinstance(v, tuple) and v[1] > 1 and k != "_pr":
            opts.append(k)
    choice = g.rnd()
    if choice < 0.45 and opts:
        k = g.pk(sorted(opts))
        i, n = s[k]
        s[k] = ((i + 1 + int(g.rnd() * (n - 1))) % n, n)
        return True
    if choice < 0.8 and d["wk"] in (0, 1):
        old = WRAPS[d["wk"]][d["wi"]]
        lst = WRAPS[d["wk"]]
        for _ in range(10):
            wi = int(g.rnd() * len(lst))
            w = lst[wi]
            if (
                wi != d["wi"]
                and ("{O}" in w) == ("{O}" in old)
                and ("{T}" in w) == ("{T}" in old)
                and _wrapper_ok(w, d["sp"])
            ):
                d["wi"] = wi
                return True
    wf = s.get("wf")
    if wf is not None and WHEN_FMTS[wf][2]:
        grp = _WHEN_GROUPS[WHEN_FMTS[wf][2]]
        s["wf"] = grp[(grp.index(wf) + 1) % len(grp)]
        return True
    return False


def _numfmt_slots(d: dict) -> bool:
    t = d["s"].get("n")
    if not t:
        return False
    v, f, lo, hi, step, words = t
    if f == 1:
        nf = 0
    elif f == 2:
        nf = 0
    elif v >= 1000:
        nf = 2
    elif v <= 20 and words:
        nf = 1
    else:
        return False
    d["s"]["n"] = (v, nf, lo, hi, step, words)
    return True


def _t_spelling(g, t):
    hits = sorted({_SPELL_GROUP_OF[m.group(1)] for m in _SPELL_ANY.finditer(t)})
    hits = [_SPELL_RE[i] for i in hits]
    if not hits:
        m = US_RE.search(t)
        if m:
            return t[: m.start()] + ("U.S." if m.group() == "US" else "US") + t[m.end() :]
        return None
    rx, vs = g.pk(hits)

    def rep(m):
        alts = [x for x in vs if x != m.group(1)]
        return alts[int(g.rnd() * len(alts))] if alts else m.group(1)

    return rx.sub(rep, t, count=0 if g.rnd() < 0.7 else 1)


def _t_translit(g, t):
    ms = list(ALNAME_RE.finditer(t))
    if not ms:
        return None
    m = g.pk(ms)
    name = m.group(2)
    if g.rnd() < 0.35:
        pre = g.pk(["al ", "Al-", "el-", "Al "]) if m.group(1) == "al" else "al-"
        return t[: m.start()] + pre + name + t[m.end() :]
    rules = [(a, b) for a, b in TRANSLIT_RULES if a in name[1:]]
    if not rules:
        return t[: m.start()] + "al " + name + t[m.end() :]
    a, b = g.pk(rules)
    pos = name.find(a, 1)
    new = name[:pos] + b + name[pos + len(a) :]
    return t[: m.start(2)] + new + t[m.end(2) :]


def _t_quotes(g, t):
    if "\u2019" in t or "\u201c" in t:
        return _straight(t)
    if "'" in t or '"' in t:
        return _curly(t)
    return None


def _t_dash(g, t):
    m = DASH_RE.search(t)
    if not m:
        return None
    cur = m.group().strip()
    new = g.pk([x for x in ("-", "–", "—") if x != cur])
    return DASH_RE.sub(f" {new} ", t)


def _t_filler(g, t):
    opts = [(rx, rep) for rx, rep in FILLER_RE if rx.search(t)]
    if not opts:
        return None
    rx, rep = g.pk(opts)
    return rx.sub(rep, t, count=1)


def _t_case(g, t):
    r = g.rnd()
    if r < 0.4:
        return t.lower()
    if r < 0.7:
        return " ".join(w[:1].upper() + w[1:] for w in t.split(" "))
    if r < 0.85:
        return t.upper() if len(t) < 90 else t.lower()
    return t[0].lower() + t[1:] if t[0].isupper() else t[0].upper() + t[1:]


def _t_typo(g, t):
    ms = [
        m
        for m in _WORD_RE.finditer(t)
        if m.group().lower() not in NEG_WORDS and m.group().lower() not in _NUMWORD_SET
    ]
    if not ms:
        return None
    m = g.pk(ms)
    w = m.group()
    i = 1 + int(g.rnd() * (len(w) - 2))
    r = g.rnd()
    if r < 0.35:
        nw = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    elif r < 0.65:
        nw = w[:i] + w[i + 1 :]
    elif r < 0.85:
        nw = w[:i] + w[i] + w[i:]
    else:
        nw = w[:i] + g.pk("aeiounrst") + w[i + 1 :]
    if nw == w:
        nw = w[:i] + w[i + 1 :]
    return t[: m.start()] + nw + t[m.end() :]


def _t_period(g, t):
    if t.endswith("."):
        return t[:-1]
    return t + "."


_TEXT_T = [
    (_t_spelling, 3.0),
    (_t_translit, 1.5),
    (_t_quotes, 1.0),
    (_t_dash, 0.7),
    (_t_filler, 1.5),
    (_t_case, 0.8),
    (_t_typo, 1.5),
    (_t_period, 0.3),
]
_TEXT_T_CUM = []
_acc = 0.0
for _f, _w in _TEXT_T:
    _acc += _w
    _TEXT_T_CUM.append(_acc)


def _variant_duplicate(g: _World, c: dict, base_text: str) -> tuple[dict, str]:
    d = _copy_claim(c)
    k = 1 + (g.rnd() < 0.55) + (g.rnd() < 0.25)
    slot_changes = 0
    if g.rnd() < 0.45:
        slot_changes += _reword_slots(g, d)
    if g.rnd() < 0.3:
        slot_changes += _numfmt_slots(d)
    text = _render(g, d)
    for _ in range(max(1, k - slot_changes) + 3):
        if k - slot_changes <= 0 and text != base_text:
            break
        x = g.rnd() * _acc
        fn = _TEXT_T[bisect.bisect_left(_TEXT_T_CUM, x)][0]
        new = fn(g, text)
        if new is not None and new != text:
            text = new
            k -= 1
    if text == base_text:
        text = _t_typo(g, text) or text + "."
    return d, text


# ---------------------------------------------------------------------------
# Outlets
# ---------------------------------------------------------------------------

OUT_PLACES = [
    "Baghdad",
    "Basra",
    "Erbil",
    "Mosul",
    "Najaf",
    "Karbala",
    "Kirkuk",
    "Anbar",
    "Nineveh",
    "Tigris",
    "Euphrates",
    "Mesopotamia",
    "Rafidain",
    "Sumer",
    "Babylon",
    "Ashur",
    "Kurdistan",
    "Zagros",
    "Levant",
    "Gulf",
    "Orient",
    "Middle East",
    "Crescent",
    "Dijla",
    "Furat",
    "Sawad",
    "Halabja",
    "Duhok",
    "Diyala",
    "Maysan",
    "Persia",
    "Tehran",
    "Beirut",
    "Arab",
    "Iraq",
    "Iraqi",
    "Kurdish",
    "Shatt al-Arab",
    "Hamrin",
    "Qandil",
    "Nahrain",
]
OUT_NOUNS = [
    "Post",
    "Times",
    "Today",
    "News",
    "Herald",
    "Observer",
    "Monitor",
    "Dispatch",
    "Tribune",
    "Gazette",
    "Report",
    "Insider",
    "Review",
    "Chronicle",
    "Press",
    "Daily",
    "Voice",
    "Mirror",
    "Eye",
    "Pulse",
    "Digest",
    "24",
    "Now",
    "Network",
    "Telegraph",
    "Courier",
    "Bulletin",
    "Journal",
    "Sentinel",
    "Star",
]
OUT_AR = [
    "Rafidain",
    "Ahd",
    "Furat",
    "Nahar",
    "Masar",
    "Sharq",
    "Bayyina",
    "Ittijah",
    "Manar",
    "Ghad",
    "Jisr",
    "Waqt",
    "Hadath",
    "Khabar",
    "Mirsad",
    "Nabaa",
    "Rased",
    "Sawt",
    "Safir",
    "Mirqab",
    "Aalem",
    "Mada",
    "Zawraa",
    "Iraqiya",
    "Sumaria",
    "Rabia",
    "Dijlah",
    "Taghyeer",
    "Etejah",
    "Ahad",
    "Forat",
    "Shams",
    "Qamar",
    "Anwar",
    "Fajr",
    "Nour",
    "Ufuq",
    "Wadi",
    "Balad",
    "Maalouma",
    "Sabereen",
    "Tasnim",
    "Nujoom",
]
KIND_GRADES = {
    "wire": "AABBBC",
    "newspaper": "BBCCCD",
    "broadcaster": "BCCCDD",
    "government": "CCDDDF",
    "armed group channel": "DEEEEF",
    "think tank": "BBBCCF",
    "blog": "CDDEFF",
    "forum": "DEEFFF",
    "social account": "DEEFFF",
}


KIND_WEIGHT = {
    "wire": 10.0,
    "newspaper": 3.0,
    "broadcaster": 3.0,
    "government": 1.2,
    "armed group channel": 1.5,
    "think tank": 0.5,
    "blog": 0.5,
    "forum": 0.3,
    "social account": 0.8,
}


def _norm_alias(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


def _make_outlets(pr: random.Random, n: int, w: _World) -> list[dict]:
    pk = lambda s: s[int(pr.random() * len(s))]  # noqa: E731
    out: list[dict] = []
    seen: set[str] = set()
    tries = 0
    while len(out) < n:
        tries += 1
        if tries > n * 200:
            raise ValueError(f"cannot make {n} distinct outlet names")
        r = pr.random()
        if r < 0.06:
            kind = "wire"
            name = pk(
                [
                    f"{pk(OUT_PLACES)} Press Agency",
                    f"{pk(OUT_PLACES)} News Agency",
                    f"{pk(OUT_PLACES)} Wire",
                    f"{pk(OUT_AR)} News Agency",
                    f"The {pk(OUT_PLACES)} Wire Service",
                ]
            )
        elif r < 0.36:
            kind = "newspaper"
            name = pk(
                [
                    f"The {pk(OUT_PLACES)} {pk(OUT_NOUNS)}",
                    f"{pk(OUT_PLACES)} {pk(OUT_NOUNS)}",
                    f"Al-{pk(OUT_AR)}",
                    f"Al-{pk(OUT_AR)} Daily",
                    f"{pk(OUT_PLACES)} Daily {pk(OUT_NOUNS)}",
                ]
            )
        elif r < 0.54:
            kind = "broadcaster"
            name = pk(
                [
                    f"Al-{pk(OUT_AR)} TV",
                    f"{pk(OUT_PLACES)} TV",
                    f"Radio {pk(OUT_PLACES)}",
                    f"Al-{pk(OUT_AR)} Channel",
                    f"{pk(OUT_PLACES)} {pk(['24', 'Now', 'Live'])}",
                    f"{pk(OUT_AR)} Satellite Channel",
                ]
            )
        elif r < 0.64:
            kind = "government"
            org = pk(w.iraqi_orgs + US_ORGS + IRAN_ORGS + KURD_ORGS)
            org = org.removeprefix("the ")
            name = pk(
                [f"{org[0].upper() + org[1:]} media office", f"{org[0].upper() + org[1:]} press releases"]
            )
        elif r < 0.74:
            kind = "armed group channel"
            g = pk(w.militias).removeprefix("the ")
            name = pk(
                [
                    f"{g} media office",
                    f"{g} Telegram channel",
                    f"{pk(OUT_AR)} News Telegram",
                    f"{pk(OUT_AR)} Media Network",
                ]
            )
        elif r < 0.80:
            kind = "think tank"
            name = pk(
                [
                    f"{pk(OUT_PLACES)} Center for Strategic Studies",
                    f"Institute for {pk(OUT_PLACES)} Policy",
                    f"{pk(OUT_AR)} Foundation",
                    f"{pk(OUT_PLACES)} Research Institute",
                ]
            )
        elif r < 0.88:
            kind = "blog"
            name = pk(
                [
                    f"{pk(LAST_EN)}'s Iraq Blog",
                    f"The {pk(OUT_PLACES)} Analyst",
                    f"{pk(OUT_PLACES)} Watch",
                    f"Notes from {pk(OUT_PLACES)}",
                    f"{pk(LAST_EN)} on {pk(OUT_PLACES)}",
                ]
            )
        elif r < 0.93:
            kind = "forum"
            name = pk(
                [f"{pk(OUT_PLACES)} Forum", f"{pk(OUT_AR)} Boards", f"{pk(OUT_PLACES)} Discussion Board"]
            )
        else:
            kind = "social account"
            h = pk(OUT_AR) + pk(["_iq", "News", "_news", "Watch", "24", "Monitor", "_Live"])
            name = "@" + h
        key = _norm_alias(name)
        if key in seen:
            continue
        aliases = []
        cands = []
        words = [x for x in re.split(r"[\s-]+", name) if x and x[0].isalnum()]
        caps = [x for x in words if x[0].isupper() and x.lower() not in ("the", "al")]
        if len(caps) >= 3:  # two-letter acronyms ("ON", "AT") are words, not aliases
            cands.append("".join(x[0] for x in caps).upper())
        if name.startswith("The "):
            cands.append(name[4:])
        elif name.startswith("Al-"):
            cands.append(name[3:])
            cands.append("Al " + name[3:])
        if name.startswith("@"):
            cands.append(name[1:])
        if kind in ("newspaper", "broadcaster", "wire", "blog"):
            cands.append(
                re.sub(r"[^a-z0-9]", "", name.lower()) + pk([".com", ".net", ".iq", ".org", ".news"])
            )
        for a in cands:
            ka = _norm_alias(a)
            if ka and ka not in seen and ka != key and len(ka) >= 2:
                aliases.append(a)
                seen.add(ka)
        seen.add(key)
        grade = pk(KIND_GRADES[kind])
        dom = re.sub(r"[^a-z0-9]", "", name.lower())[:24] or "outlet"
        out.append(
            {
                "type": "outlet",
                "name": name,
                "aliases": aliases,
                "kind": kind,
                "reliability": grade,
                "_dom": f"https://{dom}.{pk(['com', 'net', 'iq', 'org'])}",
            }
        )
    return out


# ---------------------------------------------------------------------------
# Plan (which base gets which variant) -- its own random stream
# ---------------------------------------------------------------------------


def _counts(
    n_claims: int, dup_rate: float, number_rate: float, polarity_rate: float, opposing_rate: float
) -> tuple[int, int, int, int, int]:
    if n_claims < 0:
        raise ValueError("n_claims must be >= 0")
    for nm, r in (
        ("dup_rate", dup_rate),
        ("number_rate", number_rate),
        ("polarity_rate", polarity_rate),
        ("opposing_rate", opposing_rate),
    ):
        if not 0 <= r <= 1:
            raise ValueError(f"{nm} must be between 0 and 1")
    nd = round(n_claims * dup_rate)
    nn = round(n_claims * number_rate)
    npo = round(n_claims * polarity_rate)
    no = round(n_claims * opposing_rate)
    nb = n_claims - nd - nn - npo - no
    if nb < 0 or (nd + nn + npo + no) > nb:
        raise ValueError("injection rates too high: variants must not outnumber base claims")
    return nb, nd, nn, npo, no


def _plan(
    n_claims: int, seed: int, dup_rate: float, number_rate: float, polarity_rate: float, opposing_rate: float
) -> tuple[int, dict[int, list[str]]]:
    nb, nd, nn, npo, no = _counts(n_claims, dup_rate, number_rate, polarity_rate, opposing_rate)
    pr = random.Random(f"tracker-bench-plan:{seed}")
    sizes = []
    left = nd
    while left > 0:
        r = pr.random()
        k = 1 if r < 0.75 else (2 if r < 0.93 else 3)
        k = min(k, left)
        sizes.append(k)
        left -= k
    need = len(sizes) + nn + npo + no
    chosen = pr.sample(range(nb), need) if need else []
    plan: dict[int, list[str]] = {}
    it = iter(chosen)
    for k in sizes:
        plan[next(it)] = ["d"] * k
    for _ in range(nn):
        plan[next(it)] = ["n"]
    for _ in range(npo):
        plan[next(it)] = ["p"]
    for _ in range(no):
        plan[next(it)] = ["o"]
    return nb, plan


def _key(i: int) -> str:
    return f"s{i:06d}"


def _truth_from_plan(plan: dict[int, list[str]]) -> dict[str, list[tuple[str, str]]]:
    t: dict[str, list[tuple[str, str]]] = {k: [] for k in PAIR_KINDS}
    name = {"d": "duplicate_pairs", "n": "number_change_pairs", "p": "polarity_pairs", "o": "opposing_pairs"}
    for i in sorted(plan):
        b = _key(i)
        for j, kind in enumerate(plan[i], 1):
            t[name[kind]].append((b, f"{b}-{kind}{j}"))
    return t


def truth_pairs(
    n_claims: int,
    seed: int = 0,
    *,
    dup_rate: float = 0.05,
    number_rate: float = 0.01,
    polarity_rate: float = 0.005,
    opposing_rate: float = 0.005,
    **_ignored: Any,
) -> dict:
    """The injected pairs for these parameters, without generating any text."""
    _, plan = _plan(n_claims, seed, dup_rate, number_rate, polarity_rate, opposing_rate)
    return _truth_from_plan(plan)


# ---------------------------------------------------------------------------
# Lines
# ---------------------------------------------------------------------------

_URL_PAT = [
    "{dom}/{y}/{m:02d}/{d:02d}/{id}",
    "{dom}/news/{id}",
    "{dom}/article/{id}",
    "{dom}/?p={id}",
    "{dom}/en/{id}.html",
    "{dom}/ar/{id}",
]


def _line(
    g: _World,
    key: str,
    c: dict,
    text: str,
    day: int,
    outlet_i: int,
    via: str | None,
    topics: list[str],
    event_date: str | None,
) -> dict:
    o = g.outlets[outlet_i]
    iso, y, m, d, _ = _DAYS[min(day, len(_DAYS) - 1)]
    wk = c["wk"]
    line = {"type": "claim", "key": key, "text": text, "outlet": o["name"], "published": iso}
    if g.rnd() < 0.85:
        pat = _URL_PAT[len(o["name"]) % len(_URL_PAT)]
        line["url"] = pat.format(dom=o["_dom"], y=y, m=m, d=d, id=100000 + int(g.rnd() * 9e6))
    sp = c["sp"]
    if sp[2]:
        line["speaker"] = sp[2]
    line["anonymous"] = bool(sp[3])
    if via:
        line["via"] = via
    line["stance"] = STANCE_OF[wk]
    line["topics"] = topics
    if event_date:
        line["event_date"] = event_date
    return line


def _event_date(c: dict) -> tuple[str | None, int]:
    """(event_date string, day index the event happened)."""
    s = c["s"]
    d = s.get("d")
    if d is None:
        return None, -1
    iso = _DAYS[d][0]
    prec = WHEN_FMTS[s.get("wf", 0)][1] if "wf" in s else "day"
    if prec == "day":
        return iso, d
    if prec == "month":
        return iso[:7], d
    return iso[:7], d


def _pick_outlet(g: _World) -> int:
    return bisect.bisect_left(g.outlet_cum, g.rnd())


def iter_lines(
    n_claims: int,
    seed: int = 0,
    *,
    truth: dict | None = None,
    dup_rate: float = 0.05,
    number_rate: float = 0.01,
    polarity_rate: float = 0.005,
    opposing_rate: float = 0.005,
    n_outlets: int = 300,
    delay: int = 2000,
) -> Iterator[dict]:
    """Stream the lines: ``n_outlets`` outlet lines, then exactly ``n_claims`` claim lines.

    Memory stays flat (only variants waiting for their slot are held; each is
    emitted within ``delay`` base claims after its base). If ``truth`` is a dict it
    is filled with the answer key *before* this function returns, i.e. before the
    first line is read (the same dict that :func:`truth_pairs` returns).
    """
    nb, plan = _plan(n_claims, seed, dup_rate, number_rate, polarity_rate, opposing_rate)
    if truth is not None:
        truth.update(_truth_from_plan(plan))
    if n_outlets < 1:
        raise ValueError("n_outlets must be >= 1")
    g = _World(seed, n_outlets)
    return _stream(g, nb, plan, max(1, delay))


def _stream(g: _World, nb: int, plan: dict[int, list[str]], delay: int) -> Iterator[dict]:
    for o in g.outlets:
        yield {k: v for k, v in o.items() if not k.startswith("_")}
    rnd = g.rnd
    pending: list[tuple[int, int, dict]] = []
    seq = 0
    outlets = g.outlets
    wires = g.wire_idx
    for i in range(nb):
        kinds = plan.get(i)
        if kinds is None:
            c = _new_claim(g)
        elif kinds[0] == "n":
            c = _new_claim(g, _COUNT_FRAMES)
        elif kinds[0] == "o":
            c = _new_claim(g, _OPP_FRAMES)
            c["neg0"] = False  # keep the opposition clean: base states its predicate
        else:
            c = _new_claim(g)
        text = _render(g, c)
        ev, day = _event_date(c)
        if day < 0:
            day = g.day()
        pub = day + int(rnd() * 3)
        oi = _pick_outlet(g)
        via = outlets[wires[int(rnd() * len(wires))]]["name"] if rnd() < 0.04 else None
        if via == outlets[oi]["name"]:
            via = None
        tg = TOPIC_GROUPS[FRAMES[c["f"]][1]]
        topics = tg[:1] if rnd() < 0.5 else list(tg)
        key = _key(i)
        yield _line(g, key, c, text, pub, oi, via, topics, ev)
        if kinds:
            for j, kind in enumerate(kinds, 1):
                vkey = f"{key}-{kind}{j}"
                vo = _pick_outlet(g)
                vvia = None
                if kind == "d":
                    d, vtext = _variant_duplicate(g, c, text)
                    if rnd() < 0.4 and vo != oi:
                        vvia = outlets[oi]["name"]
                    vpub = pub + int(rnd() * 6)
                elif kind == "n":
                    d = _variant_number(g, c)
                    vtext = _render(g, d)
                    vpub = pub + int(rnd() * 4)
                elif kind == "p":
                    d, negcore = _variant_polarity(g, c)
                    vtext = _render(g, d, neg=negcore)
                    vpub = pub + int(rnd() * 4)
                else:
                    d = _variant_opposing(g, c)
                    vtext = _render(g, d)
                    vpub = pub + int(rnd() * 5)
                line = _line(g, vkey, d, vtext, vpub, vo, vvia, topics, ev)
                seq += 1
                heapq.heappush(pending, (i + 1 + int(rnd() * delay), seq, line))
        while pending and pending[0][0] <= i:
            yield heapq.heappop(pending)[2]
    while pending:
        yield heapq.heappop(pending)[2]


def generate(
    n_claims: int,
    seed: int = 0,
    *,
    dup_rate: float = 0.05,
    number_rate: float = 0.01,
    polarity_rate: float = 0.005,
    opposing_rate: float = 0.005,
    n_outlets: int = 300,
) -> Synthetic:
    """Everything in memory (fine up to a few hundred thousand claims; for 1,000,000
    stream with :func:`iter_lines` or :func:`write_jsonl`)."""
    truth: dict = {}
    lines = list(
        iter_lines(
            n_claims,
            seed,
            truth=truth,
            dup_rate=dup_rate,
            number_rate=number_rate,
            polarity_rate=polarity_rate,
            opposing_rate=opposing_rate,
            n_outlets=n_outlets,
        )
    )
    return Synthetic(lines=lines, **truth)


def write_jsonl(path, n_claims: int, seed: int = 0, **kw: Any) -> dict:
    """Write the lines as JSON Lines to ``path``; return the answer key
    ``{"duplicate_pairs": [...], "number_change_pairs": [...], "polarity_pairs": [...],
    "opposing_pairs": [...], "n_claims": ..., "n_outlets": ..., "seed": ...}``."""
    truth: dict = {}
    enc = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    n_out = kw.get("n_outlets", 300)
    buf: list[str] = []
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for line in iter_lines(n_claims, seed, truth=truth, **kw):
            buf.append(enc(line))
            if len(buf) >= 20000:
                buf.append("")
                fh.write("\n".join(buf))
                buf.clear()
        if buf:
            buf.append("")
            fh.write("\n".join(buf))
    truth.update({"n_claims": n_claims, "n_outlets": n_out, "seed": seed})
    return truth


# ---------------------------------------------------------------------------
# Diversity self-check
# ---------------------------------------------------------------------------


def _is_injected_key(k: str | None) -> bool:
    return bool(k) and "-" in k


def _pct(sorted_vals: list[float], q: float) -> float:
    if not sorted_vals:
        return 0.0
    k = (len(sorted_vals) - 1) * q / 100.0
    lo = int(k)
    hi = min(lo + 1, len(sorted_vals) - 1)
    return sorted_vals[lo] + (sorted_vals[hi] - sorted_vals[lo]) * (k - lo)


def diversity_report(sample, *, n: int = 2000, seed: int = 0, pairs: dict | None = None) -> dict:
    """Pairwise similarity among distinct non-injected claims.

    ``sample`` is a :class:`Synthetic`, an iterable of line dicts, or an iterable of
    strings. Claim lines whose key marks an injected variant (contains ``-``) are
    left out; at most ``n`` claims are drawn (seeded). Returns max / p99.9 / p99 /
    mean of rapidfuzz ``fuzz.token_sort_ratio`` and ``fuzz.token_set_ratio`` over all
    distinct pairs (texts lower-cased, ``processor=None``), with the most similar
    pair; if ``pairs`` (an answer key) or a Synthetic is given, also min / p05 /
    mean ``token_sort_ratio`` for each kind of injected pair. Needs no numpy: one
    ``rapidfuzz.process.extract`` per claim (~2 s per scorer for 2,000 claims).
    """
    from rapidfuzz import fuzz, process

    lines_by_key: dict[str, str] = {}
    if isinstance(sample, Synthetic):
        pairs = pairs or {k: getattr(sample, k) for k in PAIR_KINDS}
        sample = sample.lines
    texts: list[str] = []
    for x in sample:
        if isinstance(x, str):
            texts.append(x)
        elif isinstance(x, dict) and x.get("type", "claim") == "claim":
            lines_by_key[x.get("key", "")] = x["text"]
            if not _is_injected_key(x.get("key")):
                texts.append(x["text"])
    texts = list(dict.fromkeys(texts))
    if len(texts) > n:
        texts = random.Random(seed).sample(texts, n)
    low = [t.lower() for t in texts]
    out: dict[str, Any] = {"n": len(low)}
    for name, scorer in (
        ("token_sort_ratio", fuzz.token_sort_ratio),
        ("token_set_ratio", fuzz.token_set_ratio),
    ):
        vals: list[float] = []
        best = (-1.0, 0, 0)
        for i in range(len(low) - 1):
            res = process.extract(low[i], low[i + 1 :], scorer=scorer, processor=None, limit=None)
            for _, sc, j in res:
                vals.append(sc)
                if sc > best[0]:
                    best = (sc, i, i + 1 + j)
        if vals:
            vals.sort()
            out[name] = {
                "max": round(vals[-1], 1),
                "p999": round(_pct(vals, 99.9), 1),
                "p99": round(_pct(vals, 99), 1),
                "mean": round(sum(vals) / len(vals), 1),
                "max_pair": (texts[best[1]], texts[best[2]]),
            }
    if pairs and lines_by_key:
        out["pairs"] = {}
        for kind in PAIR_KINDS:
            sc = sorted(
                fuzz.token_sort_ratio(lines_by_key[a].lower(), lines_by_key[b].lower(), processor=None)
                for a, b in pairs.get(kind, [])
                if a in lines_by_key and b in lines_by_key
            )
            if sc:
                out["pairs"][kind] = {
                    "n": len(sc),
                    "min": round(sc[0], 1),
                    "p05": round(_pct(sc, 5), 1),
                    "mean": round(sum(sc) / len(sc), 1),
                }
    return out


# ---------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Seeded synthetic claims (JSON Lines) for tracker benchmarks, with an answer key."
    )
    ap.add_argument("--claims", type=int, required=True, help="number of claim lines")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", required=True, help="JSON Lines output file")
    ap.add_argument("--truth", help="write the answer key (injected pairs) here as JSON")
    ap.add_argument("--outlets", type=int, default=300, help="number of outlet lines")
    ap.add_argument("--dup-rate", type=float, default=0.05)
    ap.add_argument("--number-rate", type=float, default=0.01)
    ap.add_argument("--polarity-rate", type=float, default=0.005)
    ap.add_argument("--opposing-rate", type=float, default=0.005)
    ap.add_argument(
        "--report", action="store_true", help="print a diversity report on a 2,000-claim sample afterwards"
    )
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    truth = write_jsonl(
        a.out,
        a.claims,
        a.seed,
        dup_rate=a.dup_rate,
        number_rate=a.number_rate,
        polarity_rate=a.polarity_rate,
        opposing_rate=a.opposing_rate,
        n_outlets=a.outlets,
    )
    dt = time.perf_counter() - t0
    if a.truth:
        with open(a.truth, "w", encoding="utf-8") as fh:
            json.dump(truth, fh)
    print(
        f"wrote {a.claims} claims + {a.outlets} outlets to {a.out} in {dt:.1f} s "
        f"({', '.join(f'{len(truth[k])} {k}' for k in PAIR_KINDS)})",
        file=sys.stderr,
    )
    if a.report:
        sample = []
        with open(a.out, encoding="utf-8") as fh:
            for ln in fh:
                sample.append(json.loads(ln))
                if len(sample) >= a.outlets + 4000:
                    break
        print(json.dumps(diversity_report(sample), indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
