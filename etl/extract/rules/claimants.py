"""Claimants: who states a figure, as a small vocabulary (data only).

`CLAIMANTS` maps each normalised claimant (the `claimant` attribute of
spec/FACTS.md) to the ways articles write it. `etl.extract.claimants` reads these
tables; it holds the code.

Matching (done in etl.extract.claimants): curly apostrophes are read as straight
ones, so aliases are written with "'" only. Aliases match in any case, except
acronyms (one word with two or more capitals: "SBU", "ISW", "MoD"), which
match as written so "mod" or "isw" in running text never count. The longest
alias wins, so "Ukraine's Defence Intelligence" beats "Defence Intelligence".
Roles are kept rather than people where the person changes with the post
(governors, mayors); a few long-serving office holders are listed by name.
"""

CLAIMANTS = {
    "Ukrainian Air Force": (
        "Ukrainian Air Force", "Ukraine's Air Force",
        "Air Force of Ukraine", "Air Force of the Armed Forces of Ukraine",
        "Air Force of the Ukrainian Armed Forces", "Ukrainian Air Defence",
        "Ukrainian Air Defense", "Air Force Command", "air force",
        "Povitriani Syly", "Yurii Ihnat", "Yuriy Ihnat", "Yuri Ihnat",
        "Yuriy Ignat", "Yuri Ignat", "Ihnat", "Mykola Oleshchuk", "Oleshchuk",
        "Anatolii Kryvonozhko", "Kryvonozhko",
    ),
    "Ukrainian General Staff": (
        "General Staff of the Armed Forces of Ukraine", "General Staff",
        "General Staff of the Ukrainian Armed Forces", "Ukrainian General Staff",
        "Ukraine's General Staff",
        "Ukrainian military's General Staff",
    ),
    "Ukrainian Defence Ministry": (
        "Ukrainian Defence Ministry", "Ukrainian Defense Ministry",
        "Ukraine's Defence Ministry", "Ukraine's Defense Ministry",
        "Ministry of Defence of Ukraine", "Ministry of Defense of Ukraine",
        "Ukrainian Ministry of Defence", "Ukrainian Ministry of Defense",
        "Ukraine's Ministry of Defence", "Ukraine's Ministry of Defense",
        "Rustem Umerov", "Umerov", "Oleksii Reznikov", "Reznikov",
    ),
    "Ukrainian Military Intelligence": (
        "Ukrainian military intelligence", "Ukraine's military intelligence",
 "Defence Intelligence of Ukraine",
        "Defense Intelligence of Ukraine", "Ukraine's Defence Intelligence",
        "Ukrainian Defence Intelligence", "Ukrainian Defense Intelligence",
 "HUR", "GUR", "Kyrylo Budanov",
        "Budanov",
    ),
    "Ukrainian Navy": (
        "Ukrainian Navy", "Ukraine's Navy", "Navy of Ukraine",
        "Naval Forces of Ukraine", "Ukrainian Naval Forces",
        "Dmytro Pletenchuk", "Pletenchuk",
    ),
    "Ukrainian President": (
        "Ukrainian President", "President of Ukraine", "Ukraine's President",
 "Office of the President of Ukraine",
        "Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy",
        "Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskyi",
    ),
    "SBU": (
        "SBU", "Security Service of Ukraine", "Ukraine's Security Service",
 "Ukrainian Security Service",
        "Vasyl Maliuk", "Maliuk",
    ),
    "Coordination HQ for POWs": (
        "Coordination Headquarters for the Treatment of Prisoners of War",
        "Coordination Headquarters for the Treatment of POWs",
        "Coordination Staff for the Treatment of Prisoners of War",
        "Coordination Headquarters", "Coordination HQ",
    ),
    "Ukrainian Ombudsman": (
        "Ukrainian Parliament Commissioner for Human Rights",
        "Ukraine's human rights commissioner", "Ukrainian ombudsman",
        "Dmytro Lubinets", "Lubinets",
    ),
    "State Emergency Service": (
        "State Emergency Service of Ukraine", "State Emergency Service",
        "State Emergency Services", "Ukraine's emergency service",
 "SES", "DSNS",
    ),
    "Russian Defence Ministry": (
        "Russian Defence Ministry", "Russian Defense Ministry",
        "Russia's Defence Ministry", "Russia's Defense Ministry",
        "Ministry of Defence of the Russian Federation",
        "Ministry of Defense of the Russian Federation",
        "Russian Ministry of Defence", "Russian Ministry of Defense",
        "Russia's Ministry of Defence", "Russia's Ministry of Defense",
        "Defence Ministry in Moscow", "Defense Ministry in Moscow",
        "the ministry in Moscow", "Russian MoD", "MoD", "MOD",
        "Igor Konashenkov", "Konashenkov", "Sergei Shoigu", "Shoigu",
        "Andrei Belousov", "Belousov", "Russian General Staff",
        "Russia's General Staff", "Valery Gerasimov", "Gerasimov",
        # Russian air force figures reach the press through the ministry.
        "Russian Aerospace Forces", "Russian Air Force", "Russia's Air Force",
    ),
    "Kremlin": (
        "Kremlin", "Kremlin spokesman", "Dmitry Peskov", "Peskov",
    ),
    "Russian President": (
        "Russian President", "President of Russia", "Russia's President",
 "Vladimir Putin", "Putin",
    ),
    "Russian Ombudsman": (
        "Russian human rights commissioner", "Russian ombudsman",
        "Tatyana Moskalkova", "Tatiana Moskalkova", "Moskalkova",
    ),
    "regional governor": (
        "governor", "regional governor", "acting governor",
        "regional head", "head of the region",
        "head of the regional military administration",
        "head of the regional state administration",
        "regional military administration", "oblast military administration",
        "regional state administration", "regional administration",
        # Long-serving governors of the regions named most often.
        "Vyacheslav Gladkov", "Gladkov", "Alexander Bogomaz", "Bogomaz",
        "Oleh Syniehubov", "Syniehubov", "Serhiy Lysak", "Lysak",
        "Ivan Fedorov", "Oleksandr Prokudin", "Prokudin", "Vadym Filashkin",
        "Filashkin", "Vitaliy Kim", "Alexander Gusev", "Andrei Vorobyov",
    ),
    "mayor": (
        "mayor", "city mayor", "city council", "city military administration",
        "head of the city military administration",
        # The city's authority; the vocabulary keeps one city role.
        "Vitali Klitschko", "Vitaliy Klitschko", "Klitschko",
        "Ihor Terekhov", "Terekhov", "Sergei Sobyanin", "Sobyanin",
        "Oleksandr Vilkul", "Vilkul", "Borys Filatov", "Filatov",
    ),
    "police": (
        "National Police of Ukraine", "National Police", "police",
    ),
    "UN monitoring mission": (
        "UN Human Rights Monitoring Mission in Ukraine",
        "UN Human Rights Monitoring Mission", "UN monitoring mission",
        "HRMMU", "UN human rights monitors", "UN monitors",
        "OHCHR", "UN Human Rights Office", "UN human rights office",
        "Office of the UN High Commissioner for Human Rights",
        "UN High Commissioner for Human Rights",
    ),
    "ISW": (
        "Institute for the Study of War", "ISW",
    ),
    "UK Defence Intelligence": (
        "UK Defence Intelligence", "British Defence Intelligence",
        "Defence Intelligence", "British intelligence", "UK intelligence",
        "UK Ministry of Defence", "British Ministry of Defence",
        "British defence ministry", "UK defence ministry", "UK MoD",
    ),
    "Pentagon": (
        "Pentagon", "US Department of Defense", "U.S. Department of Defense",
        "Department of Defense", "US Defense Department",
        "U.S. Defense Department", "Lloyd Austin", "Pete Hegseth",
    ),
    "US officials": (
        "US officials", "U.S. officials", "American officials",
        "US intelligence", "U.S. intelligence", "White House",
        "State Department", "John Kirby", "Kirby",
    ),
    "NATO": (
        "NATO", "NATO Secretary General", "Mark Rutte", "Rutte",
        "Jens Stoltenberg", "Stoltenberg",
    ),
}

# Words that mark an attribution: a claimant just after a cue before it
# ("according to the SBU") or just before a cue after it ("the SBU said").
CUES_BEFORE = (
    "according to", "reported by", "citing", "cited",
    "data from", "figures from", "per", "told by", "quoted",
    "announced by", "confirmed by", "statement by", "statement from",
)
# Verbs that come before the claimant only after a quote or a comma
# ('..., said Ihnat'); "said the air force downed" is reported speech.
CUES_AFTER_QUOTE = ("said", "says", "wrote", "writes", "added", "reported")
CUES_AFTER = (
    "said", "says", "reported", "reports", "stated", "states", "announced",
    "announces", "claimed", "claims", "wrote", "writes", "told", "tells",
    "added", "noted", "confirmed", "confirms", "informed", "estimated",
    "estimates", "counted", "recorded", "documented", "posted", "published",
    "declared", "explained", "specified", "clarified",
)
