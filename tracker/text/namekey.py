"""``name_key``: one key for every Latin spelling of an Arabic or Persian name token.

Owns: the transliteration key (accents, case, apostrophes, hyphens and the article removed,
the listed exceptions of ``tracker/data/names.toml``, one letter per sound class, vowel runs
reduced) and its cache. Every key is a fixed point: name_key(name_key(w)) == name_key(w).
Must not: touch the database or print; it is called for every word of every claim, so it is
cached and its patterns are compiled at import.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tracker.text.normal import PRE_NFKC, normalize
from tracker.text.vocab import NAME_EXCEPTIONS

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
    s = word.translate(PRE_NFKC)
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
