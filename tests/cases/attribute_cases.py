"""Golden cases for the attributes of a fact: side, location, weapon,
period and is_part (../shared/spec/FACTS.md, "Attributes").

Every sentence here was written for this project (none is copied from a
news article). Each case pins the attributes its rule decides; the facts
it lists are all the facts the sentence holds (tests/test_extract.py
checks both ways, as for tests/cases/extract_cases.py).

    NEW           one case per attribute rule
    KNOWN_MISSES  wordings we do not read yet: xfail(strict=True), so a fix
                  turns them red until they are moved to NEW
"""
from cases.extract_cases import Case, F

NEW = [
    # -- period: running totals ("since ...") -------------------------------
    # the longer of two overlapping wordings wins: a year, not "since the beginning"
    Case("Since the beginning of the new year, air defence has downed 412 drones.",
         [F("drones_downed", 412, period="year")]),
    Case("Since the beginning of this day, four people have been injured in shelling.",
         [F("people_injured", 4, period="day")]),
    # "since" + whatever began the war, with its date
    Case("Since the incursion that began in August, Ukrainian troops have captured "
         "640 square kilometres.",
         [F("territory_captured", 640, period="cumulative")]),
    Case("In the weeks since Russian forces launched their offensive in May, 9,000 "
         "people have fled the district.",
         [F("people_evacuated", 9000, period="cumulative")]),
    Case("Since the start of the Kremlin's full-scale invasion in 2022, Moscow has fired "
         "more than 9,000 missiles at Ukraine.",
         [F("missiles_launched", 9000, period="cumulative")]),
    # "two years since ..." measures elapsed time, it spans nothing
    Case("Air defence shot down 35 of 40 drones in the attack, two years since the "
         "full-scale invasion began.",
         [F("drones_downed", 35, period=None), F("drones_launched", 40, period=None)]),
    # a present perfect "has already" sums up; a pledge is not a tally
    Case("The invaders have already lost 310 tanks in this direction, the brigade said.",
         [F("equipment_destroyed", 310, period="cumulative")]),
    Case("Norway has already promised 12 howitzers.",
         [F("weapons_supplied", 12, period=None)]),
    Case("Over their entire campaign, the invaders have lost 5,100 tanks.",
         [F("equipment_destroyed", 5100, period="cumulative")]),
    Case("The total civilian casualties now stand at 18,200, the mission said.",
         [F("casualties", 18200, period="cumulative")]),
    # a report's clock time is not a tally's date
    Case("As of 9:15 a.m., at least 12 people had been injured in the city.",
         [F("people_injured", 12, period=None)]),
    # -- period: day, week, month ------------------------------------------
    # a comparing "since" takes its clause's time words with it
    Case("Russia launched 310 drones, its biggest attack since the start of the war "
         "in 2022, and 12 people were killed on Sunday.",
         [F("drones_launched", 310, period=None), F("people_killed", 12, period=None)]),
    # "earlier this week" is a day of the week, not its span
    Case("Earlier this week, the president said his forces had fought six Chinese "
         "soldiers in the Donetsk region.",
         [F("troops_deployed", 6, period=None)]),
    Case("Earlier in the week, Russia launched 140 drones at Ukraine.",
         [F("drones_launched", 140, period=None)]),
    # a sentence going on with the same report ("in addition", "other
    # losses include") covers the span of the figure stated before
    Case("Since the start of the invasion, Russia has lost 4,100 tanks, the General Staff "
         "said. Other Russian losses include 310 helicopters and 120 warplanes.",
         [F("equipment_destroyed", 4100, period="cumulative"),
          F("equipment_destroyed", 310, period="cumulative"),
          F("equipment_destroyed", 120, period="cumulative")]),
    Case("Russian forces lost 1,200 soldiers in a single day, the General Staff said. "
         "In addition, 14 tanks were destroyed.",
         [F("casualties", 1200, period="day"), F("equipment_destroyed", 14, period="day")]),
    # "a day after" is a distance in time, not a daily figure
    Case("Officials said 14 people were injured, a day after the strike on the port.",
         [F("people_injured", 14, period=None)]),
    Case("Throughout the whole week, the enemy launched some 640 attack drones.",
         [F("drones_launched", 640, period="week")]),
    Case("The enemy drops about 2,500 glide bombs on the front every month.",
         [F("bombs_dropped", 2500, period="month")]),
    # "since the invasion in 2022": the year belongs to the "since"
    Case("Officials said that since the full-scale invasion in 2022, 9,400 civilians "
         "have been killed.",
         [F("people_killed", 9400, period="cumulative")]),
    # ground held is a running total; ground lost or taken is not
    Case("Ukrainian forces now control about 640 square kilometres and 41 settlements in "
         "the region.",
         [F("territory_captured", 640, period="cumulative"),
          F("settlements_captured", 41, period="cumulative")]),
    # "as of midnight on <date>" dates a tally
    Case("The mission said that as of midnight on May 3, there were 412 civilians killed "
         "in the two regions.",
         [F("people_killed", 412, period="cumulative")]),
    # "during the same period" takes the span of the figure before
    Case("In March, 210 civilians were killed.\nDuring the same period, 640 people were injured.",
         [F("people_killed", 210, period="month"), F("people_injured", 640, period="month")]),
    # -- weapon ----------------------------------------------------------------
    # a type word as the article writes it
    Case("Over the past day the defenders destroyed 12 armored combat vehicles and 3 warplanes.",
         [F("equipment_destroyed", 12, weapon="armored combat vehicle"),
          F("equipment_destroyed", 3, weapon="warplane")]),
    # several types share one count: no weapon
    Case("The army has lost 2,100 tanks and other armoured vehicles since the start of "
         "the invasion.",
         [F("equipment_destroyed", 2100, weapon=None)]),
    # several models of one class, the models' names read to their end
    Case('Air defence intercepted 9 "Kh-101"/"Kalibr" missiles.',
         [F("missiles_downed", 9, weapon="cruise missile")]),
    # a figure's own words stop at the next figure joined on
    Case("Russia fired 20 missiles, including twelve ballistic and eight cruise missiles.",
         [F("missiles_launched", 20, weapon=None, is_part=False),
          F("missiles_launched", 12, weapon="ballistic missile", is_part=True),
          # a figure joined on to a part is a part too
          F("missiles_launched", 8, weapon="cruise missile", is_part=True)]),
    # the model after the counted noun: "of the <model> type"
    Case("Bombers fired 14 cruise missiles of the \u0425-101 type overnight.",
         [F("missiles_launched", 14, weapon="Kh-101")]),
    Case("Air defence shot down three rockets of the US-made HIMARS system.",
         [F("missiles_downed", 3, weapon="HIMARS")]),
    # plain "missiles" take the one missile model named before them in
    # their paragraph; a total does not take its breakdown's model
    Case("The navy fired six Kalibr missiles at the port. Another four missiles were shot down.",
         [F("missiles_launched", 6, weapon="Kalibr"), F("missiles_downed", 4, weapon="Kalibr")]),
    Case("Russia fired 60 missiles, including five Kinzhal missiles.",
         [F("missiles_launched", 60, weapon=None), F("missiles_launched", 5, weapon="Kinzhal")]),
    Case("The package includes 12 High-Mobility Artillery Rocket Systems and 500 Javelin missiles.",
         [F("weapons_supplied", 12, weapon="HIMARS"), F("weapons_supplied", 500, weapon="Javelin")]),
    # rounds handed over are artillery shells (FACTS.md alias "round")
    Case("North Korea has handed over 400,000 rounds to Russia.",
         [F("weapons_supplied", 400000, weapon="artillery shell")]),
    # plain "drones" take the model the next sentence names for them by a
    # definite reference ("The Shahed drones were ...", "16 of the Shahed
    # drones"); a comparison ("like the Shaheds") names none
    Case("Air defence shot down all 21 drones launched overnight, the air force said.\n\n"
         "The Shahed drones were destroyed over four regions.",
         [F("drones_downed", 21, weapon="Shahed"), F("drones_launched", 21, weapon="Shahed")]),
    Case("Russia launched 19 drones at the south overnight. The air force said 16 of the "
         "Iranian-made Shahed drones were shot down.",
         [F("drones_launched", 19, weapon="Shahed"), F("drones_downed", 16, weapon="Shahed")]),
    Case("Air defence shot down 12 drones overnight. Russia has used cheap drones like the "
         "Iranian-made Shaheds for months.",
         [F("drones_downed", 12, weapon=None)]),
    # -- parts: a breakdown's items take their total's weapon and period;
    # "N – over PLACE" puts each item at its place ------------------------
    Case("Air defence destroyed 30 cruise missiles overnight:\n12 – over Sumy region,\n"
         "18 – over Poltava region.",
         [F("missiles_downed", 30, weapon="cruise missile", location=None, is_part=False),
          F("missiles_downed", 12, weapon="cruise missile", period="overnight",
            location="Sumy region", is_part=True),
          F("missiles_downed", 18, weapon="cruise missile", period="overnight",
            location="Poltava region", is_part=True)]),
    # "the toll/figure/number includes N": a part
    Case("Shelling killed 22 people in the village last month.\nThe toll includes five children.",
         [F("people_killed", 22, is_part=False), F("people_killed", 5, is_part=True)]),
    # -- side: whose drones a downing verb's subject shot down ------------------
    # the belligerent that shoots them down names the other side's drones
    Case("Ukraine downed 61 of the drones overnight, the Russian Defence Ministry said.",
         [F("drones_downed", 61, side="russia", period="overnight")]),
    Case("The ministry said it had destroyed 40 Ukrainian drones. Ukraine's air "
         "defences intercepted 52 drones and four missiles.",
         [F("drones_downed", 40, side="ukraine"), F("drones_downed", 52, side="russia"),
          F("missiles_downed", 4, side="russia")]),
    # a launch verb between: the subject launched them, nobody named downed them
    Case("Russia launched 90 drones at Ukraine overnight, and 61 were shot down.",
         [F("drones_launched", 90, side="russia"), F("drones_downed", 61, side="russia")]),
    # "N out of M": the downer's subject names the other side's launch too
    Case("Ukraine's air force said it shot down 27 out of 30 drones, the Russian "
         "ministry noted.",
         [F("drones_downed", 27, side="russia"), F("drones_launched", 30, side="russia")]),
    # "of Iranian origin" says whose make, not whose drones
    Case("The onslaught included missiles and 20 drones of Iranian origin.",
         [F("drones_launched", 20, side="russia")]),
    # "according to Ukraine's air force" tells, it does not launch; "of
    # these" downed are the launch's, whoever the article quotes most
    Case("Russia's defence ministry reported strikes on power plants. According to "
         "Ukraine's air force, the barrage consisted of 60 drones. Of these, 52 drones "
         "were shot down.",
         [F("drones_launched", 60, side="russia"), F("drones_downed", 52, side="russia")]),
    # a model only one side flies says whose it is, whoever the article quotes
    Case("The Russian ministry said it downed 40 Ukrainian drones. Air defence forces "
         "shot down all 27 targets, including six Kinzhal missiles.",
         [F("drones_downed", 40, side="ukraine"),
          F("missiles_downed", 6, side="russia", weapon="Kinzhal")]),
    Case("The Ukrainian Air Force said Russian forces had lost nine Su-34s. Moscow's "
         "ministry said air defence intercepted seven Storm Shadow missiles.",
         [F("equipment_destroyed", 9, side="russia"),
          F("missiles_downed", 7, side="ukraine", weapon="Storm Shadow")]),
    # ... before the side of whoever the sentence quotes
    Case("Ukrainian President Volodymyr Zelensky said the wave included 45 Shahed "
         "drones that his forces shot down.",
         [F("drones_launched", 45, side="russia", weapon="Shahed"),
          F("drones_downed", 45, side="russia", weapon="Shahed")]),
    # the agent a few words after the launch verb ("launched at ... by Russia")
    Case("Ukraine shot down all 23 drones launched at its territory by Russia overnight.",
         [F("drones_downed", 23, side="russia"), F("drones_launched", 23, side="russia")]),
    # -- location --------------------------------------------------------------
    # a period's figure "in Ukraine" is national, not the place the article is about
    Case("A drone hit Kyiv on Monday.\nAt least 140 civilians were killed in Ukraine in "
         "May, the UN mission said.",
         [F("people_killed", 140, location=None)]),
    # a city's district is the city; a region's district stays the district
    Case("On Thursday, a guided bomb hit the Shevchenkivskyi district of Kharkiv. "
         "Seven people were injured in the strike.",
         [F("people_injured", 7, location="Kharkiv")]),
    Case("A missile strike on the Industrialnyi district of Dnipro injured nine people.",
         [F("people_injured", 9, location="Dnipro")]),
    Case("Shelling of the Nikopol district of Dnipropetrovsk region injured two people.",
         [F("people_injured", 2, location="Nikopol district")]),
    # "the oblast", "his region" stand for the region named before
    Case("The acting governor of Kursk Oblast said seven drones were downed in the oblast.",
         [F("drones_downed", 7, location="Kursk region")]),
    # "the village of X": a settlement the gazetteer may lack
    Case("Two shells were fired at the village of Malynivka.",
         [F("shells_fired", 2, location="Malynivka")]),
    # "the Donetsk city of Bakhmut": the city, not its region
    Case("Troops have retaken 3 square kilometres near the Donetsk city of Bakhmut.",
         [F("territory_captured", 3, location="Bakhmut")]),
    # a launch fired "from X towards Y" happened at its target
    Case("Russia fired one Iskander-M missile from occupied Crimea towards the city of Kryvyi Rih.",
         [F("missiles_launched", 1, location="Kryvyi Rih")]),
    # coordinated figures share the place after the last of them
    Case("Three people were killed and eight others wounded in the Odesa region.",
         [F("people_killed", 3, location="Odesa region"),
          F("people_injured", 8, location="Odesa region")]),
    # a figure across the country, or of soldiers, takes no place of its paragraph
    Case("Kharkiv came under fire again.\nOverall, 17 people were wounded across the country.",
         [F("people_injured", 17, location=None)]),
    Case("Shelling hit Kherson on Monday.\nKyiv says 900 Russian soldiers were killed.",
         [F("people_killed", 900, location=None)]),
    # "Moscow's forces" is an actor: "the city" is the place named before it
    Case("Fighting raged around Kupiansk.\nMoscow's forces captured two villages near the city.",
         [F("settlements_captured", 2, location="Kupiansk")]),
    # a possessive naming a part of the place is the place
    Case("Russian air defences destroyed eight drones off Crimea's western coast.",
         [F("drones_downed", 8, location="Crimea")]),
    Case("Six drones were used to target Odesa's harbour.",
         [F("drones_launched", 6, location="Odesa")]),
    # "Moscow, the capital": one place in apposition, not a list
    Case("The raid included 40 drones targeting Moscow, the capital, officials said.",
         [F("drones_launched", 40, location="Moscow")]),
    # the village, not the district around it
    Case("In the Bilhorod district, the village of Shabo came under artillery fire four times.",
         [F("attacks", 4, location="Shabo")]),
    # a figure with no place takes the one place of the nearest sentence
    # before that names one, not the first of the paragraph's places
    Case("Drones struck the Sumy region on Monday. Later, a missile hit a bridge in Kharkiv. "
         "Three people were injured.",
         [F("people_injured", 3, location="Kharkiv")]),
    # "the village" stands for the village named before, listed or not
    Case("In the Sumy region, the village of Krasnopillia came under mortar fire. "
         "A drone later dropped three grenades on the village.",
         [F("bombs_dropped", 3, location="Krasnopillia")]),
    # "the region" after a city that names its region is that region
    Case("Missiles struck Kharkiv overnight. More than 3,000 people in the region "
         "were left without power.",
         [F("people_without_power", 3000, location="Kharkiv region")]),
    # a place that only tells the figure ("according to ...") is not where
    Case("According to Ukraine and the United States, up to 3,000 North Korean troops "
         "have been deployed.",
         [F("troops_deployed", 3000, location=None)]),
    Case("According to the Odesa mayor, 14 drones were shot down overnight.",
         [F("drones_downed", 14, location=None)]),
    # a figure worded across the country has no place, not the place of the
    # figure before it
    Case("Officials said at least eight people had been killed in Kherson alone, and 14 "
         "across the country.",
         [F("people_killed", 8, location="Kherson"), F("people_killed", 14, location=None)]),
    Case("By evening, one person was killed in Odesa, and at least 19 were wounded across Ukraine.",
         [F("people_killed", 1, location="Odesa"), F("people_injured", 19, location=None)]),
    # a figure that refers back to one of an earlier sentence ("seven were
    # intercepted", "seven of them") happened where that one did
    Case("Russia sent nine drones against Mykolaiv on Tuesday night. Air defence said "
         "seven were intercepted.",
         [F("drones_launched", 9, location="Mykolaiv"), F("drones_downed", 7, location="Mykolaiv")]),
    Case("Nine attack drones targeted the port of Izmail overnight. The military said seven "
         "of them were shot down.",
         [F("drones_launched", 9, location="Izmail"), F("drones_downed", 7, location="Izmail")]),
    # a city and its own region are one place (the city), not a list of two
    Case("Drones hit the Sumy region last week. On Sunday, Russia launched 27 drones, "
         "all of which targeted Odesa and the region around it.",
         [F("drones_launched", 27, location="Odesa")]),
    Case("Shelling hit the Sumy region last week. On Sunday, air defence destroyed 26 of "
         "the 31 drones that Russia sent against Kyiv and the region.",
         [F("drones_downed", 26, location="Kyiv"), F("drones_launched", 31, location="Kyiv")]),
    Case("Shelling hit the Sumy region last week. On Friday, rockets struck Zaporizhzhia "
         "and the region.\nFour houses were damaged.",
         [F("buildings_damaged", 4, location="Zaporizhzhia")]),
]

KNOWN_MISSES = [
    # "the attack" standing for an attack on a place named before: seen in
    # one gold article only, and most "the attack" sentences count a
    # nationwide attack (a guess would stamp a city on national figures)
    Case("Russia launched a drone attack on Kherson overnight. The attack included "
         "12 Shahed drones.",
         [F("drones_launched", 12, location="Kherson")]),
    # a figure restating an earlier one ("all 19 Shaheds") under another noun
    # does not take its place
    Case("Russia launched 19 drones at Odesa overnight. Air defence said all 19 Shaheds "
         "were shot down.",
         [F("drones_launched", 19, location="Odesa"), F("drones_downed", 19, location="Odesa")]),
    # places the gazetteer lacks are found only as "the village of X": a
    # bare unknown name after a verb or in a list is not read
    Case("Russian troops shelled Novoraiske on Monday. One person was killed and two were injured.",
         [F("people_killed", 1, location="Novoraiske"), F("people_injured", 2, location="Novoraiske")]),
    Case("Air defence downed three drones in Balashikha and one in Kotelniki.",
         [F("drones_downed", 3, location="Balashikha"), F("drones_downed", 1, location="Kotelniki")]),
    # one named day standing for a daily report ("on Tuesday alone") is seen
    # once in the gold sets: too little to tell it from a one-time event
    Case("On Tuesday alone, the defenders killed 930 Russian soldiers.",
         [F("people_killed", 930, period="day")]),
]
