"""Text normalisation, the transliteration key for names, and text features (pure).

Owns: hedge words; ``normalize`` (the canonical plain form of a text, SPEC §4); ``name_key``
(one key for every Latin spelling of an Arabic or Persian name); ``fold`` / ``fold_name`` (the
matching form of a text or of a name: normalised, article dropped, phrase aliases applied, names
replaced by their key); ``features`` (numbers with the thing they count, negation, names, content
words) that decide between "the same claim" and "a contradiction".

Must not: touch the database, print, or import typer/rich. Standard library only, so it is cheap
to import and safe to call a million times (regexes precompiled, ``name_key`` cached, tables
built at import).

Design (docs/matching.md, "Normalisation and the name key"):
- ``normalize`` keeps accents and every word; it is idempotent for any string.
- Only *names* get the phonetic key in ``fold``: tokens capitalised somewhere in the original
  text, or spellings in ``KNOWN``, that are not common words (``STOPWORDS``, months, days and
  frequent news words). Ordinary words stay as they are, so the key, which is aggressive
  (vowels reduced to two classes), never merges "attack" with "tack".
- The key (``name_key``): accents, case, apostrophes, hyphens and the article al-/el- removed;
  a few listed exceptions; one letter per sound class (gh/q, kh, sh/ch, dh/th/z, v/w); doubled
  letters once; inner vowel runs reduced to "u" (o/u only) or "a"; the final vowel kept as a, i
  or u (Soleimani vs Sulaimaniyah).
- ``fold`` is idempotent (fold(fold(x)) == fold(x)), with or without analyst aliases.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

# Words and phrases that mark a claim as hedged: the outlet reports it without standing
# behind it. Matched on word boundaries, case-insensitively.
HEDGES: tuple[str, ...] = (
    "reportedly",
    "allegedly",
    "alleged",
    "claimed",
    "claims",
    "purportedly",
    "purported",
    "unconfirmed",
    "could not verify",
    "could not be verified",
    "could not independently verify",
    "could not be independently verified",
    "not independently verified",
    "unverified",
    "rumoured",
    "rumored",
    "said to",
    "is believed to",
    "are believed to",
    "was believed to",
    "were believed to",
    "may have",
    "might have",
    "possibly",
    "appears to",
    "apparently",
)

# Matched on the lower-cased text: three times faster than re.IGNORECASE.
_HEDGE_RE = re.compile(
    r"\b(" + "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True)) + r")\b"
)


def find_hedges(text: str) -> list[str]:
    """Return the hedge words found in ``text``, lower-cased, in order, without repeats."""
    seen: list[str] = []
    for m in _HEDGE_RE.finditer(text.lower()):
        h = m.group(1)
        if h not in seen:
            seen.append(h)
    return seen


# ---------------------------------------------------------------------------------------------
# normalize(): the canonical plain form of a text
# ---------------------------------------------------------------------------------------------

# Apostrophe-like marks, removed so that "Kata'ib", "Kataʾib" and "Kataib" meet. Mapped before
# NFKC because NFKC turns some of them (´) into a space plus a combining mark.
_APOSTROPHES = "'`´‘’‚‛′‵ʹʻʼʽʾʿˈꞌ＇"
_PRE_NFKC = {ord(c): "'" for c in _APOSTROPHES}


class _CharMap(dict):
    """str.translate table for non-ASCII characters, filled on first sight of each character.

    Letters, marks and numbers stay; other decimal digits become ASCII digits; apostrophe-likes
    become "'"; every other character (punctuation, quotes, dashes, symbols, spaces, controls)
    becomes a space.
    """

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        if cp < 0x80:
            out = ch
        elif ch in _APOSTROPHES:
            out = "'"
        elif ch in "٪﹪％":
            out = " percent "
        elif ch == "٫":  # Arabic decimal separator
            out = "."
        elif ch == "٬":  # Arabic thousands separator
            out = ","
        else:
            cat = unicodedata.category(ch)
            if cat == "Nd":
                out = str(unicodedata.decimal(ch))
            elif cat[0] in "LMN":
                out = ch
            else:
                out = " "
        self[cp] = out
        return out


_CHARMAP = _CharMap()

_POSSESSIVE_RE = re.compile(r"'s\b(?<=[^\W_]'s)")
# u.s. / u.n. / e.g. -> us. / un. / eg. (the dot between two one-letter words goes). Patterns in
# this module start with a literal where they can: the regex engine then skips ahead quickly.
_ACRONYM_RE = re.compile(r"\.(?<=(?<![^\W_])[^\W\d_]\.)(?=[^\W\d_](?![^\W_]))")
# 2,500 -> 2500 ; 1,000,000 -> 1000000 (a comma between a digit and exactly three digits)
_GROUPING_RE = re.compile(r",(?<=[0-9],)(?=[0-9]{3}(?![0-9]))")
# Every ASCII character but a-z, 0-9 and the dot is a separator (non-ASCII ones were mapped by
# _CHARMAP); a dot is one too unless it is a decimal point between two digits.
_ASCII_PUNCT = str.maketrans(
    {c: " " for c in map(chr, range(128)) if not ("a" <= c <= "z" or "0" <= c <= "9" or c == ".")}
)
# The same table for ASCII text as bytes: bytes.translate is several times faster.
_ASCII_PUNCT_BYTES = bytes(32 if b in _ASCII_PUNCT else b for b in range(256))
_DOT_RE = re.compile(r"\.(?:(?<![0-9]\.)|(?![0-9]))")
_NUMBER_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?")

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_BIG = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SMALL = {**_UNITS, **_TEENS, **_TENS}
_SCALES = frozenset(("hundred", *_BIG))
# Any of these in a token list means the number stage has work to do.
_NUMWORDS = frozenset((*_SMALL, *_SCALES, "cent"))
# "one" stays a word after these ("no one", "the one who") unless a scale word follows.
_ONE_PRONOUN_PREV = frozenset(
    ("no", "any", "every", "some", "the", "this", "that", "each", "which", "anyone")
)


def _fmt_number(value: float) -> str:
    if value == int(value):
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _parse_number(tokens: list[str], i: int) -> tuple[float, int] | None:
    """Parse a number phrase starting at ``tokens[i]``; return (value, end) or None."""
    n = len(tokens)
    t = tokens[i]
    total = 0.0
    cur = 0.0
    last_scale = float("inf")
    if t == "a":
        cur, last, j = 1.0, "a", i + 1
    elif t in _SMALL:
        cur, j = float(_SMALL[t]), i + 1
        last = "unit" if t in _UNITS else ("teen" if t in _TEENS else "tens")
    elif len(t) <= 15 and _NUMBER_RE.fullmatch(t):
        cur, last, j = float(t), "digit", i + 1
    else:
        return None
    while j < n:
        t = tokens[j]
        if t in _UNITS:
            v = _UNITS[t]
            if last in ("hundred", "scale", "and") or (last == "tens" and v != 0):
                cur += v
                last = "unit"
            else:
                break
        elif t in _TEENS or t in _TENS:
            if last in ("hundred", "scale", "and"):
                cur += _SMALL[t]
                last = "teen" if t in _TEENS else "tens"
            else:
                break
        elif t == "hundred":
            if last in ("unit", "teen", "tens", "a", "digit") and 0 < cur < 100:
                cur *= 100
                last = "hundred"
            else:
                break
        elif t in _BIG:
            scale = _BIG[t]
            if last in ("unit", "teen", "tens", "hundred", "a", "digit") and scale < last_scale:
                total += cur * scale
                cur = 0.0
                last, last_scale = "scale", scale
            else:
                break
        elif t == "and" and last in ("hundred", "scale") and j + 1 < n and tokens[j + 1] in _SMALL:
            last = "and"
        else:
            break
        j += 1
    if last in ("a", "digit"):
        return None  # "a" or a bare numeral with no number word after it: nothing to do
    return total + cur, j


# Tokens at which a number phrase or "per cent" may start, or (scale words) after which
# one may have started ("a hundred", "5 million").
_STARTS = frozenset((*_SMALL, "per"))


def _convert_numbers_once(tokens: list[str]) -> list[str]:
    # Only the places where a number can start are looked at: most of a text's tokens
    # are copied over in slices.
    n = len(tokens)
    out: list[str] = []
    done = 0  # tokens[:done] are in out, or consumed by a number phrase
    for m, t in enumerate(tokens):
        if t in _STARTS:
            i = m
        elif t in _SCALES and m > 0 and (tokens[m - 1] == "a" or tokens[m - 1][0].isdigit()):
            i = m - 1
        else:
            continue
        if i < done:
            continue
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < n else ""
        if t == "per":
            if nxt == "cent":
                out += tokens[done:i]
                out.append("percent")
                done = i + 2
            continue
        if (
            t == "one"
            and nxt not in _SCALES
            and ((i > 0 and tokens[i - 1] in _ONE_PRONOUN_PREV) or nxt == "another")
        ):
            continue
        parsed = _parse_number(tokens, i)
        if parsed is not None:
            out += tokens[done:i]
            value, done = parsed
            out.append(_fmt_number(value))
    out += tokens[done:]
    return out


def _convert_numbers(tokens: list[str]) -> list[str]:
    # Each change removes a token or a number word, so this terminates; running to a fixed
    # point keeps normalize() idempotent for oddities like "five thousand thousand".
    while True:
        new = _convert_numbers_once(tokens)
        if new == tokens or _NUMWORDS.isdisjoint(new):
            return new
        tokens = new


def _normalize_once(text: str) -> str:
    ascii_ = text.isascii()
    if ascii_:
        text = text.lower()
        if "`" in text:
            text = text.replace("`", "'")
    else:
        text = unicodedata.normalize("NFKC", text.translate(_PRE_NFKC)).casefold()
        if not text.isascii():
            # casefold can leave text that NFKC would change again ("ǰ" -> "ǰ")
            text = unicodedata.normalize("NFKC", text).translate(_CHARMAP)
    if "'" in text:
        text = _POSSESSIVE_RE.sub("", text).replace("'", "")
    if "," in text:
        text = _GROUPING_RE.sub("", text)
    if "%" in text:
        text = text.replace("%", " percent ")
    if ascii_:
        text = text.encode("ascii").translate(_ASCII_PUNCT_BYTES).decode("ascii")
    else:
        text = text.translate(_ASCII_PUNCT)
    if "." in text:
        text = _DOT_RE.sub(" ", _ACRONYM_RE.sub("", text))
    tokens = text.split()
    if not _NUMWORDS.isdisjoint(tokens):
        tokens = _convert_numbers(tokens)
    return " ".join(tokens)


# The last text normalised and its form: a claim's text is normalised for its matching
# form, then for its lexicon sides (the same string object), one call after the other.
_LAST: list = [None, ""]


def normalize(text: str) -> str:
    """Return the canonical plain form of ``text``.

    NFKC, case-folded, apostrophes removed inside words ("Kata'ib" -> "kataib", possessive "'s"
    dropped), every other punctuation mark, quote, dash and symbol turned into a space, dotted
    acronyms joined ("U.S." -> "us"), "%" and "per cent" spelled "percent", digit grouping
    removed ("2,500" -> "2500"), number words written as digits ("twenty-five" -> "25", "two
    thousand five hundred" -> "2500", "a hundred" -> "100"; "one" stays a word in "no one",
    "the one"), a decimal point kept between digits, whitespace collapsed.
    Accents are kept (``fold`` removes them from names). Idempotent for every string.
    """
    if text is _LAST[0]:
        return _LAST[1]
    out = _normalize_once(text)
    # ASCII output is a fixed point of _normalize_once (each stage is then a no-op); other
    # output may need another round because NFKC and casefold do not commute.
    for _ in range(8):
        if out.isascii():
            break
        again = _normalize_once(out)
        if again == out:
            break
        out = again
    _LAST[0], _LAST[1] = text, out
    return out


# ---------------------------------------------------------------------------------------------
# name_key(): the transliteration key of one name token
# ---------------------------------------------------------------------------------------------

# Spellings that the phonetic rules cannot bring together (swapped letters, a vowel written in
# one spelling and not the other, an "a" where the others have "o"/"u"). Keys and values are
# plain lower-case ASCII letters, after the article is removed.
NAME_EXCEPTIONS: dict[str, str] = {
    "kahdimi": "kadhimi",
    "hizballah": "hezbollah",
    "hezballah": "hezbollah",
    "hashed": "hashd",
    "hached": "hashd",
    "sader": "sadr",
}

# Letters that NFKD does not take apart.
_LATIN_EXTRA = str.maketrans(
    {
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ł": "l",
        "đ": "d",
        "ð": "dh",
        "þ": "th",
        "ı": "i",
        "ß": "ss",
        "ŋ": "ng",
        "ħ": "h",
    }
)
# al-, el-, ul- and the assimilated forms (ash-Shaabi, as-Sadr, an-Nujaba) at the start of a name.
_ARTICLE_PREFIX_RE = re.compile(r"^(?:[aeu]l|a(sh|th|dh|[tdrzsn]))[-\s]+(?(1)(?=\1))")
_NAME_CHARS_RE = re.compile(r"[a-z' -]+")
_DIGRAPH_RE = re.compile(r"kh|gh|sh|ch|dh|th|zh|ph|ck")
_DIGRAPHS = {
    "kh": "x",
    "gh": "q",
    "sh": "c",
    "ch": "c",
    "dh": "z",
    "th": "z",
    "zh": "j",
    "ph": "f",
    "ck": "k",
}
_DOUBLE_RE = re.compile(r"([^aeiou])\1+")
_VOWELS = frozenset("aeiou")


def _latin_letters(word: str) -> str | None:
    """Lower-case a-z letters of ``word`` without accents, article, apostrophes or hyphens;
    None when the word holds digits or letters of another script (such words are not keyed)."""
    s = word.translate(_PRE_NFKC)
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s)
        s = "".join(c for c in s if not unicodedata.combining(c))
        s = s.casefold().translate(_LATIN_EXTRA)
    else:
        s = s.lower()
    s = s.strip(" -'")
    s = _ARTICLE_PREFIX_RE.sub("", s, count=1) or s
    if not _NAME_CHARS_RE.fullmatch(s):
        return None
    letters = s.replace("-", "").replace("'", "").replace(" ", "")
    return letters or None


def _phonetic(s: str) -> str:
    # Digraphs to one letter each, repeated because a replacement can make a new pair
    # ("ashh" -> "ach" -> "ac"); every output letter maps to itself, so keys are fixed points.
    # Doubled consonants are collapsed here, before the silent final h is looked for.
    s = s.replace("v", "w")
    while True:
        new = _DOUBLE_RE.sub(r"\1", _DIGRAPH_RE.sub(lambda m: _DIGRAPHS[m.group()], s))
        if new == s:
            break
        s = new
    n = len(s)
    # y is a consonant at the start or after a consonant when a vowel follows ("Yazidi"),
    # otherwise a vowel ("Sulaymaniyah", "Asayib", "Hady").
    kinds = []
    for i, c in enumerate(s):
        if c in _VOWELS:
            kinds.append(True)
        elif c == "y":
            after_cons = i == 0 or not kinds[i - 1]
            before_vowel = i + 1 < n and s[i + 1] in _VOWELS
            kinds.append(not (after_cons and before_vowel))
        else:
            kinds.append(False)
    # A final h after a vowel is silent (Hezbollah/Hizbullah, Fatemeh/Fatima).
    if n > 1 and s[-1] == "h" and kinds[-2]:
        s, kinds, n = s[:-1], kinds[:-1], n - 1
    out: list[str] = []
    i = 0
    while i < n:
        if kinds[i]:
            j = i
            while j < n and kinds[j]:
                j += 1
            run = s[i:j]
            if j == n:
                # final vowel: a / i / u kept apart (Soleimani vs Sulaimaniya)
                last = run[-1]
                if last in "iy" or run.endswith("ee"):
                    out.append("i")
                elif last in "ou":
                    out.append("u")
                else:
                    out.append("a")
            else:
                # medial and initial vowels: only "o/u" against the rest (Hussein vs Hassan,
                # while Erbil/Irbil/Arbil, Kadhimi/Kazemi and Qassem/Qasim meet)
                out.append("u" if all(c in "ou" for c in run) else "a")
            i = j
        else:
            c = s[i]
            if not out or out[-1] != c:
                out.append(c)
            i += 1
    return "".join(out)


def _squeeze(word: str) -> str:
    """normalize() without spaces, to a fixed point (joining can make NFKC compose again)."""
    out = word
    for _ in range(8):
        again = "".join(normalize(out).split())
        if again == out:
            break
        out = again
    return out


@lru_cache(maxsize=131072)
def name_key(word: str) -> str:
    """Transliteration key of one name token (Arabic/Persian names in Latin script).

    Ignores case, accents, apostrophes (' ’ ʿ ʾ `), hyphens and a leading article (al-, el-,
    ul-, ash-/as-/an-… before the same letter). Then: NAME_EXCEPTIONS; kh -> x; gh and q -> q;
    sh, ch and c -> c; dh, th, z -> z; zh -> j; ph -> f; v -> w; doubled letters once; a silent
    final h dropped; vowel runs -> "u" when only o/u, else "a"; a final vowel keeps its class
    (a, i or u). A word with digits or non-Latin letters keys to its normalised self.
    The key is a fixed point: name_key(name_key(w)) == name_key(w).
    """
    letters = _latin_letters(word)
    if letters is None:
        plain = _squeeze(word)  # drops stray punctuation: "Qa'ani!"
        letters = _latin_letters(plain)
        if letters is None:
            return plain
    letters = NAME_EXCEPTIONS.get(letters, letters)
    return _phonetic(letters)


# ---------------------------------------------------------------------------------------------
# Word lists
# ---------------------------------------------------------------------------------------------

STOPWORDS: frozenset[str] = frozenset(
    """
    a about above across after again against all almost along also although am amid among an
    and another any are around as at be because been before being below between both but by
    can cannot could did do does doing down during each either else ever every few for from
    further had has have having he her here hers herself him himself his how however i if in
    into is it its itself just least less me might more most much must my myself neither no
    nor not now of off on once only onto or other others our ours ourselves out over own per
    rather same several shall she should since so some such than that the their theirs them
    themselves then there these they this those though through thus to too toward towards
    under until up upon us very via was we were what whatever when where whether which while
    who whom whose why will with within would yet you your yours yourself yourselves
    according al el s t
    """.split()
)

MONTHS: frozenset[str] = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

# Common words that are capitalised at the start of a sentence or in titles and must not be
# taken for names (they are never given a name key, and never appear in Features.names).
_COMMON: frozenset[str] = (
    STOPWORDS
    | MONTHS
    | _WEEKDAYS
    | frozenset(
        """
    said says say saying told tells tell added adding reported reports report reporting
    claimed claims claim denied denies deny denying confirmed confirms confirm announced
    warned stated statement statements spokesman spokeswoman spokesperson official officials
    source sources security military militia militias militant militants group groups force
    forces troops troop soldiers soldier army police government minister ministry president
    prime commander commanders leader leaders chief head member members people civilians
    civilian killed wounded injured dead death deaths attack attacks attacked attacker
    attackers rocket rockets missile missiles drone drones strike strikes airstrike airstrikes
    bomb bombs base bases embassy consulate convoy convoys city province region border
    country capital new last first second third many today yesterday tomorrow week weeks
    month months year years day days night morning evening meanwhile earlier later
    mr mrs ms dr gen general col colonel lt maj major brig sgt sheikh imam
    news agency media channel video photo images statement
    north south east west northern southern eastern western central international national
    foreign local senior former deputy top anonymous unnamed unidentified
    there here yes no none nobody nothing never
    """.split()
    )
)

# Spellings of names this domain meets again and again. Lower-case spellings in these groups are
# treated as names even when a text is written without capitals; English words that happen to
# be spellings (hashed) are left out of KNOWN so that ordinary prose is not read as names.
NAME_VARIANTS: dict[str, tuple[str, ...]] = {
    "ghaani": ("ghaani", "qaani", "ghani", "qa'ani", "ghaany"),
    "esmail": ("esmail", "ismail", "ismael", "esmaeil"),
    "qassem": ("qassem", "qasem", "qassim", "qasim"),
    "soleimani": ("soleimani", "suleimani", "soleimaini", "sulaimani", "sulaymani"),
    "muhandis": ("muhandis", "mohandis"),
    "mahdi": ("mahdi", "mehdi"),
    "kataib": ("kataib", "kata'ib"),
    "hezbollah": ("hezbollah", "hizbullah", "hizballah", "hizbollah"),
    "erbil": ("erbil", "irbil", "arbil"),
    "hashd": ("hashd", "hached"),
    "shaabi": ("shaabi", "sha'bi", "chaabi", "shabi"),
    "kadhimi": ("kadhimi", "kahdimi", "kazemi", "kazimi"),
    "asaib": ("asaib", "asa'ib", "asayib"),
    "haq": ("haq", "haqq"),
    "khazali": ("khazali", "khazaali"),
    "taeb": ("taeb", "ta'eb", "taib"),
    "moqtada": ("moqtada", "muqtada"),
    "sadr": ("sadr", "sader"),
    "nujaba": ("nujaba", "nujabaa"),
    "amiri": ("amiri",),
    "araji": ("araji",),
    "quds": ("quds", "qods"),
}
# Other names that are often written in lower case.
_KNOWN_EXTRA = (
    "iraq",
    "iraqi",
    "iraqis",
    "iran",
    "iranian",
    "iranians",
    "baghdad",
    "tehran",
    "basra",
    "najaf",
    "karbala",
    "mosul",
    "kirkuk",
    "anbar",
    "syria",
    "lebanon",
    "irgc",
    "pmf",
    "pmu",
    "isis",
    "isil",
    "daesh",
    "daish",
    "pasdaran",
    "usa",
    "shiite",
    "shia",
    "sunni",
    "kurdish",
)

# Built-in phrase aliases, matched on name keys (so every spelling of each word is covered) after
# the article is dropped. canonical token -> spellings. A one-word spelling only counts when the
# word is a name in the text (capitalised or in KNOWN): "hashed out a deal" is not the PMF.
PHRASE_ALIASES: dict[str, tuple[str, ...]] = {
    "pmf": (
        "pmf",
        "pmu",
        "hashd",
        "hashd shaabi",
        "hashd al shaabi",
        *(
            f"popular {m} {f}"
            for m in ("mobilization", "mobilisation")
            for f in ("forces", "force", "units", "unit", "committee", "authority", "commission")
        ),
        "popular mobilization",
        "popular mobilisation",
    ),
    "irgc": (
        "irgc",
        "islamic revolutionary guard corps",
        "islamic revolutionary guards corps",
        "revolutionary guard corps",
        "revolutionary guards corps",
        "revolutionary guards",
        "revolutionary guard",
        "pasdaran",
        "sepah pasdaran",
    ),
    "isis": (
        "isis",
        "isil",
        "daesh",
        "daish",
        "islamic state",
        "islamic state group",
        "islamic state of iraq and syria",
        "islamic state of iraq and the levant",
        "islamic state in iraq and syria",
    ),
    "us": ("united states", "united states of america", "usa"),
    "uk": ("united kingdom", "great britain", "britain"),
    "un": ("united nations",),
}

KNOWN: frozenset[str] = frozenset(
    s.replace("'", "") for group in NAME_VARIANTS.values() for s in group
) | frozenset(_KNOWN_EXTRA)

# A key must never read as something normalize() or fold() treats specially, or fold() would
# not be idempotent ("a" + "hundred" -> "100", "al" dropped); such tokens keep their own form.
_RESERVED_KEYS = frozenset(("a", "al", "el", "and", "per")) | _NUMWORDS


# ---------------------------------------------------------------------------------------------
# fold(): phrase aliases (built-in, then analyst) and name keys
# ---------------------------------------------------------------------------------------------


def _keys(tokens: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name_key(t) for t in tokens)


def _phrase_tokens(phrase: str) -> list[str]:
    return [t for t in normalize(phrase).split() if t not in ("al", "el")]


def _compile_builtins() -> tuple[dict[tuple[str, ...], str], dict[str, tuple[int, ...]]]:
    table: dict[tuple[str, ...], str] = {}
    for canonical, spellings in PHRASE_ALIASES.items():
        for spelling in (canonical, *spellings):
            table[_keys(_phrase_tokens(spelling))] = canonical
    first: dict[str, set[int]] = {}
    for keys in table:
        first.setdefault(keys[0], set()).add(len(keys))
    return table, {k: tuple(sorted(v, reverse=True)) for k, v in first.items()}


_BUILTIN, _BUILTIN_FIRST = _compile_builtins()

# Token kinds in the stream between the phrase passes and the keying step.
_PLAIN, _BUILTIN_CANON, _ANALYST_CANON = 0, 1, 2

# Per-token facts, computed once per distinct token:
# (name key, lengths of built-in phrases starting with this key, the one-word built-in alias,
#  the folded form when the token is a name or None when it can never be one, token in KNOWN)
_TokenInfo = tuple[str, tuple[int, ...] | None, str | None, str | None, bool]
_INFO: dict[str, _TokenInfo] = {}


def _token_info(t: str) -> _TokenInfo:
    k = name_key(t)
    lens = _BUILTIN_FIRST.get(k)
    single = _BUILTIN.get((k,))
    if single is not None and t in _COMMON and t != single:
        single = None  # a common word is never an alias: "On" keys like "UN" but stays "on"
    if single is None and lens is not None and 1 in lens:
        # no one-word alias to apply: only longer phrases can start here
        lens = tuple(n for n in lens if n != 1) or None
    keyed = None
    if t not in _COMMON and not t[0].isdigit():
        keyed = t if k in _RESERVED_KEYS else k
    info = (k, lens, single, keyed, t in KNOWN)
    if len(_INFO) >= 500_000:
        _INFO.clear()
    _INFO[t] = info
    return info


def word_form(t: str) -> str:
    """The form a normalised word takes in the matching form (``fold(key_all=True)``),
    outside a phrase alias: its name key unless it is a common word or a number."""
    return (_INFO.get(t) or _token_info(t))[3] or t


def _builtin_pass(
    toks: list[str], caps: Container[str], all_names: bool
) -> tuple[list[str], list[int] | None]:
    """Replace built-in phrase aliases; kinds is None when nothing was replaced."""
    out: list[str] = []
    kinds: list[int] | None = None
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        info = _INFO.get(t) or _token_info(t)
        lens = info[1]
        if lens is not None:
            repl = None
            for length in lens:
                if length == 1:
                    # one word is the alias only when it is a name here: not "hashed out"
                    if all_names or info[4] or t in caps:
                        repl = info[2]
                elif i + length <= n:
                    repl = _BUILTIN.get(_keys(toks[i : i + length]))
                if repl is not None:
                    break
            if repl is not None:
                if kinds is None:
                    kinds = [_PLAIN] * len(out)
                out.append(repl)
                kinds.append(_BUILTIN_CANON)
                i += length
                continue
        out.append(t)
        if kinds is not None:
            kinds.append(_PLAIN)
        i += 1
    return out, kinds


class AliasTable(Mapping[str, str]):
    """Analyst aliases (variant phrase -> canonical phrase), compiled once for ``fold``.

    ``fold(text, aliases)`` accepts any mapping and compiles it on each call; build one
    AliasTable and pass it instead when folding many texts. Both sides go through the built-in
    phrase aliases first, so an alias written for "popular mobilization forces" applies to
    every spelling of the PMF: the analyst's word wins over the built-in table. Variants are
    matched on name keys word by word ("Abou Fadak" meets an alias written "Abu Fadak"). Chains
    (a -> b, b -> c) are followed to the end, and each canonical phrase maps to itself, so
    folding a folded text finds it again.
    """

    def __init__(self, aliases: Mapping[str, str]) -> None:
        self._data = dict(aliases)
        norm: dict[str, str] = {}
        for variant, canonical in self._data.items():
            v = " ".join(_builtin_pass(_phrase_tokens(variant), _EMPTY, False)[0])
            c = " ".join(_builtin_pass(_phrase_tokens(canonical), _EMPTY, False)[0])
            if v and c:
                norm[v] = c
        resolved: dict[str, str] = {}
        for v, c in norm.items():
            seen = {v}
            while c in norm and c not in seen and norm[c] != c:
                seen.add(c)
                c = norm[c]
            resolved[v] = c
        for c in set(resolved.values()):
            resolved.setdefault(c, c)
        self._table: dict[tuple[str, ...], tuple[str, ...]] = {
            _keys(v.split()): tuple(c.split()) for v, c in resolved.items()
        }
        first: dict[str, set[int]] = {}
        for keys in self._table:
            first.setdefault(keys[0], set()).add(len(keys))
        self._first = {k: tuple(sorted(v, reverse=True)) for k, v in first.items()}

    def __getitem__(self, key: str) -> str:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def apply(self, tokens: list[str], kinds: list[int] | None = None) -> tuple[list[str], list[int] | None]:
        """Replace variants in ``tokens``; canonical tokens get kind _ANALYST_CANON.

        Repeated until nothing changes (a few rounds at most), so that a replacement which forms
        a new variant with its neighbours is replaced too and folding the result again changes
        nothing.
        """
        for _ in range(6):
            tokens, kinds, changed = self._apply_once(tokens, kinds)
            if not changed:
                break
        return tokens, kinds

    def _apply_once(
        self, tokens: list[str], kinds: list[int] | None
    ) -> tuple[list[str], list[int] | None, bool]:
        out: list[str] = []
        out_kinds: list[int] = []
        hit = changed = False
        i, n = 0, len(tokens)
        while i < n:
            lens = self._first.get(name_key(tokens[i]))
            if lens:
                for length in lens:
                    if i + length > n:
                        continue
                    span = tokens[i : i + length]
                    repl = self._table.get(_keys(span))
                    if repl is not None:
                        out.extend(repl)
                        out_kinds.extend([_ANALYST_CANON] * len(repl))
                        changed = changed or list(repl) != span
                        hit = True
                        i += length
                        break
                else:
                    lens = None
            if not lens:
                out.append(tokens[i])
                out_kinds.append(kinds[i] if kinds is not None else _PLAIN)
                i += 1
        return out, (out_kinds if hit or kinds is not None else None), changed


def compile_aliases(aliases: Mapping[str, str] | None) -> AliasTable | None:
    """Compile analyst aliases once; pass the result to fold/features for bulk work."""
    if aliases is None or isinstance(aliases, AliasTable):
        return aliases
    return AliasTable(aliases) if aliases else None


# "al-" and "el-", "ul-" and the assimilated "ash-", "as-", "an-"… before the same letter, glued
# to the next word by a hyphen. Removed from the original text so that the name after it keeps
# its capital letter. The pattern starts with the article's first letter and looks behind it
# for the start of a word (a quarter faster than starting with the look-behind).
_ARTICLE_RE = re.compile(
    r"[aeu](?<![^\W_].)(?:(?<=[eu])l|(?<=a)(?:l|(sh|th|dh|[tdrzsn])))[-‐‑](?(1)(?=\1))", re.IGNORECASE
)
# A word that starts with a capital (not in the middle of a word), a dotted acronym (U.S.), and
# the apostrophes a name may hold. The ASCII pattern is three times faster.
_CAPWORD_ASCII_RE = re.compile(
    r"[A-Z](?<![A-Za-z0-9_][A-Z])(?:(?:\.[A-Z])+|[A-Za-z0-9]*(?:['’][A-Za-z0-9]+)*)"
)
_CAPWORD_RE = re.compile(r"[^\W\d_a-z](?<![^\W_][^\W\d_a-z])(?:(?:\.[^\W\d_])+|[^\W_]*(?:['’ʼʿʾ`][^\W_]+)*)")
_EMPTY: frozenset[str] = frozenset()


@lru_cache(maxsize=65536)
def _word_tokens(word: str) -> tuple[str, ...]:
    return tuple(normalize(word).split())


def _capitalised(text: str) -> set[str]:
    """Normalised tokens that start with a capital letter somewhere in ``text``."""
    caps: set[str] = set()
    for w in (_CAPWORD_ASCII_RE if text.isascii() else _CAPWORD_RE).findall(text):
        c = w[0]
        if "A" <= c <= "Z" or c.isupper():
            caps.update(_word_tokens(w))
    return caps


class _LazyCaps:
    """The capitalised tokens of a text, found only if something asks (``_capitalised``
    is a regex pass over the whole text, and most texts never need it)."""

    __slots__ = ("text", "caps")

    def __init__(self, text: str) -> None:
        self.text = text
        self.caps: set[str] | None = None

    def __contains__(self, token: object) -> bool:
        if self.caps is None:
            self.caps = _capitalised(self.text)
        return token in self.caps


def _normal_tokens(text: str) -> tuple[str, list[str]]:
    """The text with glued articles removed, and its normalised tokens without "al"/"el"."""
    if "-" in text or "‐" in text or "‑" in text:
        text = _ARTICLE_RE.sub("", text)
    ntoks = normalize(text).split()
    if "al" in ntoks or "el" in ntoks:
        ntoks = [t for t in ntoks if t != "al" and t != "el"]
        if not _NUMWORDS.isdisjoint(ntoks):
            ntoks = _convert_numbers(ntoks)  # dropping a word can join a number phrase
    return text, ntoks


def _analyse(
    text: str,
    aliases: Mapping[str, str] | None,
    all_names: bool,
    key_all: bool = False,
    names_too: bool = True,
) -> tuple[list[str], list[str], list[str]]:
    """Return (normalised tokens, folded tokens, name keys) of ``text``.

    Steps: strip glued articles; normalize; drop "al"/"el"; built-in phrase aliases; analyst
    aliases; name tokens replaced by their key.
    """
    text, ntoks = _normal_tokens(text)
    caps: Container[str] = _EMPTY if all_names else _LazyCaps(text)
    toks, kinds = _builtin_pass(ntoks, caps, all_names)
    table = compile_aliases(aliases)
    if table is not None:
        toks, kinds = table.apply(toks, kinds)
    if kinds is None and key_all and not names_too:
        # The matching form: every token keyed, names or not (the common case, in one pass).
        get = _INFO.get
        return ntoks, [t if (k := (get(t) or _token_info(t))[3]) is None else k for t in toks], []
    out: list[str] = []
    names: list[str] = []
    for i, t in enumerate(toks):
        kind = kinds[i] if kinds is not None else _PLAIN
        if kind == _BUILTIN_CANON:
            out.append(t)
            names.append(t)
            continue
        info = _INFO.get(t) or _token_info(t)
        keyed = info[3]
        if keyed is None:
            out.append(t)
        elif key_all and not names_too:
            out.append(keyed)  # whether it is a name does not matter here
        elif all_names or info[4] or t in caps or kind == _ANALYST_CANON:
            out.append(keyed)
            names.append(keyed)
        elif key_all:
            out.append(keyed)
        else:
            out.append(t)
    return ntoks, out, names


def fold(text: str, aliases: Mapping[str, str] | None = None, *, key_all: bool = False) -> str:
    """The folded form of ``text``: normalised, the article "al"/"el" dropped, phrase aliases
    applied (PHRASE_ALIASES, then the analyst's ``aliases``, which win), and every name token
    replaced by its ``name_key``. A token is a name when it is capitalised somewhere in
    ``text`` or is in KNOWN, and is not a common word (STOPWORDS, months, days, frequent news
    words). Idempotent: fold(fold(x)) == fold(x).

    ``key_all=True`` is the form near-duplicate matching stores (``claims.norm``): every
    uncommon word is keyed whatever its case, so that a repost in lower case or Title Case
    folds exactly like the original. A few common words then share a key ("went"/"want"),
    which matters only when the rest of two sentences is the same anyway.
    """
    return " ".join(_analyse(text, aliases, False, key_all, names_too=False)[1])


def fold_and_numbers(
    text: str, aliases: Mapping[str, str] | None = None
) -> tuple[str, tuple[tuple[float, str], ...]]:
    """``(fold(text, aliases, key_all=True), numbers(text))`` from one normalisation."""
    ntoks, out, _ = _analyse(text, aliases, False, True, names_too=False)
    return " ".join(out), _numbers_in(text, ntoks)


def fold_name(name: str, aliases: Mapping[str, str] | None = None) -> str:
    """Key of a whole (possibly multi-word) name: every word is taken as part of the name,
    whatever its case. fold_name("Abu Mahdi al-Muhandis") == fold_name("abu mahdi al mohandis").
    """
    return " ".join(_analyse(name, aliases, True)[1])


def content_tokens(text: str, aliases: Mapping[str, str] | None = None) -> list[str]:
    """Folded tokens of ``text`` without STOPWORDS, in text order (repeats kept)."""
    return [t for t in _analyse(text, aliases, False)[1] if t not in STOPWORDS]


# ---------------------------------------------------------------------------------------------
# features(): numbers with what they count, negation, names, content words
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Features:
    """What decides between "the same claim" and "a contradiction" (SPEC §4, §5).

    numbers: (value, counted thing) in text order; the counted thing is the noun after the
        number, singular and lower-case ("30 Grad missiles" -> (30.0, "missile")), or "" when
        none is found. Years and days of a month are not numbers of things. "no casualties"
        gives (0.0, "casualty"), "no one"/"nobody" (0.0, "person").
    negated: the text holds a negation (not, no, never, n't, denied, without, zero...).
    names: name keys (and built-in phrase aliases such as "pmf") of the names in the text.
    content: folded tokens without stopwords.
    """

    numbers: tuple[tuple[float, str], ...]
    negated: bool
    names: frozenset[str]
    content: frozenset[str]


NEGATIONS: frozenset[str] = frozenset(
    """
    not no never none nobody nothing nowhere neither nor without cannot zero 0
    deny denies denied denying
    dont doesnt didnt isnt arent wasnt werent hasnt havent hadnt wont wouldnt cant couldnt
    shouldnt mustnt neednt aint
    """.split()
)
_NT_RE = re.compile(r"n['’]t\b", re.IGNORECASE)
# ISO dates, numeric dates and clock times: their digits are not counts.
_DATEISH_RE = re.compile(
    r"[0-9](?<![^\W][0-9])"
    r"(?:[0-9]{3}-[0-9]{1,2}(?:-[0-9]{1,2})?|[0-9]?[/.][0-9]{1,2}[/.][0-9]{2,4}"
    r"|[0-9]?:[0-9]{2}(?::[0-9]{2})?)(?![0-9])"
)
_YEAR_PREV = frozenset(
    """
    in since of from until till by during early late mid before after year summer winter
    spring autumn fall end start beginning between and to
    """.split()
)
# Words between a number and the noun it counts that say nothing about what is counted.
_COUNT_SKIP = frozenset(
    """
    of the more than other additional further new some about around nearly almost over least
    us american iraqi iranian israeli turkish british foreign local armed unarmed unguided
    suspected alleged possible reported separate different heavy light small large big
    unmanned explosive rival
    """.split()
)
_IRREGULAR_PLURALS = {
    "people": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "police": "police",
    "personnel": "personnel",
    "staff": "staff",
}
_NOT_COUNTED = frozenset(("am", "pm"))


def _is_plural(t: str) -> bool:
    if t in _IRREGULAR_PLURALS:
        return True
    return len(t) > 3 and t.endswith("s") and not t.endswith(("ss", "us", "is")) and t.isalpha()


def _singular(t: str) -> str:
    if t in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[t]
    if len(t) > 4 and t.endswith("ies"):
        return t[:-3] + "y"
    if t.endswith(("sses", "shes", "ches", "xes", "zes")):
        return t[:-2]
    if len(t) > 3 and t.endswith("s") and not t.endswith(("ss", "us", "is")):
        return t[:-1]
    return t


def _counted(tokens: list[str], j: int, value: float, plural_only: bool = False) -> str:
    """The noun a number at tokens[j-1] counts: the first plural within three words (skipping
    adjectives), else the first content word; for 1, the first content word."""
    candidate = ""
    for t in tokens[j : j + 4]:
        if t[0].isdigit() or t in MONTHS:
            break
        if t in _COUNT_SKIP:
            continue
        if t in STOPWORDS:
            break
        if value != 1 and _is_plural(t):
            return _singular(t)
        if not candidate:
            candidate = t
            if value == 1:
                break
    if plural_only or not candidate:
        return ""
    return _singular(candidate)


def _numbers(tokens: list[str]) -> tuple[tuple[float, str], ...]:
    found: list[tuple[float, str]] = []
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t == "no" or t == "nobody":
            nxt = tokens[i + 1] if i + 1 < n else ""
            if t == "nobody" or nxt == "one":
                found.append((0.0, "person"))
            elif nxt:
                thing = _counted(tokens, i + 1, 0.0, plural_only=True)
                if thing:
                    found.append((0.0, thing))
            continue
        if t[0] not in "0123456789" or not _NUMBER_RE.fullmatch(t):
            continue
        if len(t) > 1 and t[0] == "0" and t[1] != ".":
            continue  # "07": part of a date or a code
        value = float(t)
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < n else ""
        if nxt in _NOT_COUNTED:
            continue
        whole = value.is_integer() and "." not in t
        if whole and (prev in MONTHS or nxt in MONTHS) and (1 <= value <= 31 or len(t) == 4):
            continue  # "July 7", "7 July", "July 2021"
        if whole and len(t) == 4 and 1900 <= value <= 2100:
            if prev in _YEAR_PREV or not _counted(tokens, i + 1, value, plural_only=True):
                continue  # a year, unless a plural noun follows ("2000 troops")
        found.append((value, _counted(tokens, i + 1, value)))
    return tuple(found)


def features(text: str, aliases: Mapping[str, str] | None = None) -> Features:
    """Numbers, negation, names and content words of ``text`` (see Features)."""
    return features_and_fold(text, aliases)[0]


def features_and_fold(text: str, aliases: Mapping[str, str] | None = None) -> tuple[Features, str]:
    """``(features(text, aliases), fold(text, aliases))`` from one analysis of the text."""
    ntoks, out, names = _analyse(text, aliases, False)
    return _features_of(text, ntoks, out, names), " ".join(out)


def numbers(text: str) -> tuple[tuple[float, str], ...]:
    """``features(text).numbers`` alone, without the analysis of names (aliases change
    names, never numbers)."""
    return _numbers_in(text, _normal_tokens(text)[1])


def _numbers_in(text: str, ntoks: list[str]) -> tuple[tuple[float, str], ...]:
    if _DATEISH_RE.search(text):
        return _numbers(normalize(_DATEISH_RE.sub(" ", text)).split())
    return _numbers(ntoks)


def _features_of(text: str, ntoks: list[str], out: list[str], names: list[str]) -> Features:
    negated = not NEGATIONS.isdisjoint(ntoks) or _NT_RE.search(text) is not None
    return Features(
        numbers=_numbers_in(text, ntoks),
        negated=negated,
        names=frozenset(names),
        content=frozenset(t for t in out if t not in STOPWORDS),
    )
