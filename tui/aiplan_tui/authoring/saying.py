"""The words news copy attributes speech with: verbs of saying and reporting, the nouns an
organisation or an unnamed speaker is called by, and the pieces around a name (an age, a
party in brackets, a role by its owner). quotes.py and reported.py build their patterns
from these."""

from __future__ import annotations

import re

from aiplan_tui.authoring.text import SPEAKER_NAME, TITLE_WORDS

ESTIMATES = (
    r"estimates(?=\s+(?:that|the|a|an|it|its|their|about|around|roughly|nearly|some|over|"
    r"up|more|[$€£¥\d])|\s*[.,;!?]|\s*$)"
)
"""The verb, not the noun ("Industry estimates put ..."): what is estimated follows, or the
sentence ends ("..., Zhou estimates.")."""
PUT_AT = (
    r"puts?(?=\s[^.,;“”\"«»]{1,60}?\bat\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|"
    r"up\s+to\s+|more\s+than\s+|between\s+|some\s+)?[$€£¥\d])"
)
"""An estimate: "Haddad put the extra demand at 50 to 65 gigawatts"."""
WROTE_THAT = r"(?:wrote|writes)(?=\s(?:[^.,;“”\"«»]{0,30}?\s)?that\b)"
"""Writing what someone holds ("wrote in an editorial that ..."), not writing a letter."""
SAYING = (
    r"(?:said|says|added|adds|told\s+\w+|tells\s+\w+|wrote|writes|noted|notes|explained|"
    r"argued|asked|asks|stated|continued|warned|cautioned|reported|insisted|claimed|recalled|"
    rf"remarked|declared|replied|responded|commented|tweeted|posted|asserted|{ESTIMATES}|"
    r"estimated|predicted|acknowledged|conceded|admitted|told)"
)
"""Verbs that attribute words in quotation marks."""
REPORTING = (
    r"(?:said|says|emphasi[sz]ed|emphasi[sz]es|noted|notes|cautioned|warned|stressed|argued|"
    r"added|announced|explained|highlighted|remarked|urged|advocated|referenced|echoed|"
    r"mentioned|insisted|claimed|suggested|pledged|acknowledged|observed|predicted|"
    r"articulated|stated|contended|maintained|underscored|reiterated|told\s+\w+|tells\s+\w+|"
    rf"called\s+for|asserted|conceded|admitted|estimated|{ESTIMATES}|believes|expects|argues|"
    rf"warns|cautions|insists|contends|maintains|stresses|urges|predicts|reported|{PUT_AT}|{WROTE_THAT}|"
    r"vowed|vows|denied|denies|countered|complained|complains|lamented|boasted|thinks|fears|"
    r"hopes)"
)
"""Verbs that report what someone said without their words."""
INTRODUCING = (
    rf"(?<![\w-])(?:{SAYING}|described\s+(?:\w+\s+)?as|called|calling|termed|labell?ed|branded)"
    r"\s*(?:it|them|him|her|this|that)?\s*(?:as)?[,:]?\s*$"
)
"""What may stand right before a one- or two-word quotation that is a quotation."""
PRONOUN = r"(?:[Hh]e|[Ss]he)"
ADVERB = r"(?:(?:also|even|later|then|again|\w+ly)\s+)?"
TITLES = "|".join(sorted((re.escape(w) for w in TITLE_WORDS if w[-1] != "."), key=len)[::-1])
ORG_NOUNS = (
    r"agency|ministry|department|council|commission|alliance|association|federation|"
    r"group|coalition|union|administration|government|authority|board|bank|fund|institute|"
    r"company|firm|operator|developer|regulator|broadcaster|network|channel|newspaper|outlet"
)
"""What an organisation named before is called again: "the council said"."""
SPOKESPEOPLE = r"spokesperson|spokesman|spokeswoman|representative|official|officials"
UNNAMED_NOUNS = {
    "organisation": "broadcaster|outlet|newspaper|paper|channel|network|station|broadcast",
    "person": "analyst|official|diplomat|executive|lawyer|economist|researcher|delegate|"
    "spokesperson|spokesman|spokeswoman|representative|"
    "engineer|investor|observer|expert|source|lawmaker|resident|worker|commentator|critic|"
    "scholar|professor|academic|trader|banker|consultant|manager|insider|participant|"
    "attendee|founder|columnist|editor|host|presenter|anchor|voter|farmer|owner|student|user|"
    "caller|listener|viewer|reader|visitor|guest",
}

OF_ORGANISATION = rf"(?:\s+(?:of|at|from)\s+(?:the\s+)?{SPEAKER_NAME})?"
"""A person's organisation after the name: "Yusuf Adeyemi of Kestrel University said"."""
NOT_A_PLACE = (
    r"(?!(?:in|on|at|to|for|from|with|by|after|before|during|that|it|this|as|when|while|if|"
    r"because|and|but|or|last|next|early|late|de|del|la|da|dos|das|du|van|von|der|den|ter|"
    r"bin|al|di|le)\b)"
)
"""A lower-case word that may be a role's ("columnist"), not a place's or a time's ("in")."""
AGE = r"(?:,\s*\d{1,3}(?=,))?"
"""An age after a name: "Ravi Menon, 45, a former negotiator, said"."""
PARTY = r"(?:\s*\([^()“”\"«»]{1,30}\))?"
"""A party or a place in brackets after a name: "Senator Ruth Calloway (D-Maine) said"."""
OWNER_ROLE = (
    r"\b(?:[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]he|[\w-]+[’']s)\s+(?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*"
)
"""A role by its owner before a name: "Its leader, Jo Park, called ..."."""
ROLE = r"[^,\s“”\"«»][^,“”\"«»]{2,79}?(?:,\s*(?:an?|the)\s[^,“”\"«»]{2,79}?)?"
"""A role between commas after a name, which may have a second part ("the chief executive of
Redwood Cloud, a unit of Pine Holdings")."""
