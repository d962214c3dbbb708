"""Golden cases for the extractor: input sentence -> expected facts.

Every sentence here was written for this project (none is copied from a
news article). Groups:

    NEW           one case per rule shape (metrics, number forms, qualifiers,
                  report shapes, attributes)
    NO_FIGURE     one case per "not a fact" class: each must yield nothing,
                  and `reason` must be the rejection recorded for its number
    KNOWN_MISSES  shapes we do not handle yet: xfail(strict=True), so a fix
                  turns them red until they are moved to NEW

Expected facts are dicts of the keys they pin down; keys left out are not
checked. Add a case for every new rule in etl/extract/rules/ (a test checks that
every metric and every rejection reason has one).
"""
from dataclasses import dataclass, field


@dataclass
class Case:
    text: str
    facts: list = field(default_factory=list)
    reason: str | None = None       # NO_FIGURE: the rejection of the number


def F(metric, value, **attrs):
    return {"metric": metric, "value": value, **attrs}


NEW = [
    # -- air attacks: launched, downed, lost, returned -----------------------
    Case("Moscow sent 64 attack drones against the country overnight.",
         [F("drones_launched", 64, side="russia", period="overnight")]),
    Case("Air defence units shot down 51 of them, the air force said.",
         []),  # no antecedent: a bare "51 of them" with nothing to refer to
    Case("Russia launched 90 drones overnight. Air defence downed 70 of them, "
         "while 15 were lost to electronic warfare and two returned to Belarus.",
         [F("drones_launched", 90, period="overnight"),
          F("drones_downed", 70, period="overnight", side="russia"),
          F("drones_lost", 15, period="overnight"),
          F("drones_returned", 2, period="overnight")]),
    Case("The enemy launched 23 Shahed-136/131 attack UAVs from Kursk oblast.",
         [F("drones_launched", 23, weapon="Shahed")]),
    Case("Overnight, 37 Geran drones were intercepted over the Sumy region.",
         [F("drones_downed", 37, weapon="Shahed", period="overnight")]),
    Case("Russian air defences destroyed 19 Ukrainian drones over the Bryansk region.",
         [F("drones_downed", 19, side="ukraine", location="Bryansk region")]),
    # the side after an attack verb is the target, not whose drones they are
    Case("Moscow attacked Ukraine with 31 missiles and 58 drones at night.",
         [F("missiles_launched", 31, side="russia"),
          F("drones_launched", 58, side="russia")]),
    Case("Kyiv attacked Russia with 75 long-range drones overnight, officials said.",
         [F("drones_launched", 75, side="ukraine")]),
    # plain "drones" take the one model named in their paragraph so far,
    # not one named in an earlier paragraph
    Case("Russia launched 40 Shahed drones overnight. Air defence downed 31 drones.",
         [F("drones_launched", 40, weapon="Shahed"),
          F("drones_downed", 31, weapon="Shahed")]),
    Case("The army downed 30 Shahed drones on Monday.\nOn Tuesday it downed "
         "22 drones over the north.",
         [F("drones_downed", 30, weapon="Shahed"),
          F("drones_downed", 22, weapon=None)]),
    # a capital that speaks or acts is a government, not the place
    Case("Kyiv said Russia fired 40 cruise missiles overnight.",
         [F("missiles_launched", 40, location=None)]),
    Case("Moscow has taken 610 square kilometres of land since January.",
         [F("territory_captured", 610, location=None)]),
    # one place among several is not the figure's place
    Case("Air defence destroyed 52 drones over nine regions, including the capital, Kyiv.",
         [F("drones_downed", 52, location=None)]),
    Case("Air defence destroyed 14 drones over Kyiv.",
         [F("drones_downed", 14, location="Kyiv")]),
    # "the largest ... since the start of the war" compares: no period
    Case("Russia staged its largest drone raid since the start of the war, sending 412 drones.",
         [F("drones_launched", 412, period=None)]),
    # what one strike does in the night happens at one time: no period
    Case("An overnight strike on the city killed four people and injured 11.",
         [F("people_killed", 4, period=None), F("people_injured", 11, period=None)]),
    # a list whose later members leave the verb out after a semicolon
    Case("On Monday the enemy launched 120 drones; on Sunday, 95; and on Saturday, 80.",
         [F("drones_launched", 120), F("drones_launched", 95), F("drones_launched", 80)]),
    Case("On 5-6 May it launched 400 drones; on 7-8 May, 512.",
         [F("drones_launched", 400), F("drones_launched", 512)]),
    Case("Russia launched 40 drones. Air defence shot down 31 of them and two "
         "of the others were lost.",
         [F("drones_launched", 40), F("drones_downed", 31), F("drones_lost", 2)]),
    # "N of M items were downed": the passive verb is the part's, M the launched
    Case("Seven out of 10 missiles were destroyed by the air force.",
         [F("missiles_downed", 7), F("missiles_launched", 10)]),
    Case("Five of the 12 missiles launched were shot down.",
         [F("missiles_downed", 5), F("missiles_launched", 12)]),
    # drones that attacked were launched
    Case("Overnight, 46 Shahed drones attacked the Odesa region; 40 were shot down.",
         [F("drones_launched", 46, period="overnight"),
          F("drones_downed", 40, period="overnight")]),
    Case("Russian jets struck the town of Vovchansk with four KAB glide bombs.",
         [F("bombs_dropped", 4, weapon="KAB")]),
    # "launched by Russia" after the figure names whose drones they are
    Case("Ukraine's air force said it destroyed 41 out of 48 drones launched by Russia.",
         [F("drones_downed", 41), F("drones_launched", 48, side="russia")]),
    # "56 of the 87 drones": the model the earlier "87 Shahed drones" named
    Case("Russia launched 87 Shahed drones overnight.\nThe air force said it "
         "destroyed 56 of the 87 drones.",
         [F("drones_launched", 87, weapon="Shahed"), F("drones_downed", 56, weapon="Shahed")]),
    Case("Nine drones went missing from radar and one flew back to Russia.",
         [F("drones_lost", 9), F("drones_returned", 1)]),
    Case("The forces intercepted 31 of the 40 drones launched at the capital.",
         [F("drones_downed", 31), F("drones_launched", 40)]),
    Case("Gunners shot down all 12 drones fired at the port.",
         [F("drones_downed", 12), F("drones_launched", 12)]),
    Case("Russia fired six cruise missiles; air defence intercepted four of them.",
         [F("missiles_launched", 6, weapon="cruise missile"), F("missiles_downed", 4)]),
    Case("The strike involved 3 Kinzhal missiles.",
         [F("missiles_launched", 3, weapon="Kinzhal")]),
    Case("Russian aircraft dropped more than 700 guided bombs in a week.",
         [F("bombs_dropped", 700, qualifier="at_least", low=700, high=None, period="week")]),
    Case("Its gunners fired roughly 8,000 artillery shells a day.",
         [F("shells_fired", 8000, qualifier="approx", period="day")]),
    # -- ground war ----------------------------------------------------------
    Case("Russian troops carried out 97 assaults on the front in the past day.",
         [F("attacks", 97, side="russia", period="day")]),
    Case("There were 131 combat clashes along the line.",
         [F("attacks", 131)]),
    Case("Some 12,000 North Korean soldiers are stationed near the border.",
         [F("troops_deployed", 12000, qualifier="approx", side="north_korea")]),
    Case("The decree will see 150,000 conscripts called up this autumn.",
         [F("troops_mobilized", 150000)]),
    Case("Thousands of soldiers have deserted their units.",
         [F("troops_deserted", 2000, qualifier="vague", low=2000, high=9999)]),
    Case("The two countries exchanged 95 prisoners of war on Friday.",
         [F("prisoners_swapped", 95)]),
    Case("The bodies of 502 fallen soldiers were repatriated to Kyiv.",
         [F("bodies_repatriated", 502)]),
    Case("Forces took control of 4 villages and 160 square kilometres of land.",
         [F("settlements_captured", 4), F("territory_captured", 160, unit="km**2")]),
    Case("The army seized 50 square miles of farmland.",
         [F("territory_captured", 129, unit="km**2")]),
    # the side named in the figure owns the land; the capturer is the other
    # side, or the same one when it took the land back
    Case("Over the month the invaders seized 320 sq km of Ukrainian land.",
         [F("territory_captured", 320, side="russia")]),
    Case("The brigade regained 12 square kilometres of Ukrainian territory.",
         [F("territory_captured", 12, side="ukraine")]),
    Case("Russian forces captured 85 square kilometres of Ukrainian land last week.",
         [F("territory_captured", 85, side="russia")]),
    Case("The army seized 250 hectares near the river.",
         [F("territory_captured", 3, unit="km**2")]),
    Case("Over the past day the defenders destroyed 11 tanks and 23 artillery systems.",
         [F("equipment_destroyed", 11, weapon="tank", period="day"),
          F("equipment_destroyed", 23)]),
    Case("air defence means – 950 (+1)",
         [F("equipment_destroyed", 950, period="cumulative"), F("equipment_destroyed", 1)]),
    Case("tanks – 9,912 (+14)",
         [F("equipment_destroyed", 9912, period="cumulative"),
          F("equipment_destroyed", 14, period="day")]),
    # -- people ---------------------------------------------------------------
    Case("The strike on the market killed 16 people and injured 41, "
         "including three children.",
         [F("people_killed", 16), F("people_injured", 41),
          F("people_injured", 3, is_part=True)]),
    Case("A missile hit the school, killing four, regional officials said.",
         [F("people_killed", 4)]),
    Case("By evening 17 residents were believed to have died in the blast.",
         [F("people_killed", 17)]),
    # "of its airports": a bare number that names what it counts, outside ours
    Case("The strike killed one person, and the city shut all four of its bridges.",
         [F("people_killed", 1)]),
    Case("The shelling caused the deaths of five civilians.",
         [F("people_killed", 5)]),
    Case("The number of soldiers killed and wounded on both sides is approaching 90,000.",
         [F("casualties", 90000)]),
    # a breakdown in brackets after a total: parts
    Case("Monitors recorded 140 civilians killed (52 men, 41 women and 9 children) in May.",
         [F("people_killed", 140, is_part=False), F("people_killed", 52, is_part=True),
          F("people_killed", 41, is_part=True), F("people_killed", 9, is_part=True)]),
    Case("The death toll in the city has risen to 23.",
         [F("people_killed", 23)]),
    # "so far this month" spans the month, not the war
    Case("Some 85 civilians have been killed so far this month, monitors said.",
         [F("people_killed", 85, period="month")]),
    Case("The monitors recorded 310 civilian casualties in the month.",
         [F("casualties", 310, period="month")]),
    Case("Russia lost 1,210 troops in a single day.",
         [F("casualties", 1210, side="russia", period="day")]),
    Case("The shelling left 40,000 households without power.",
         [F("people_without_power", 40000)]),
    Case("Authorities evacuated 2,300 residents from the border villages.",
         [F("people_evacuated", 2300)]),
    Case("The blast damaged 17 apartment buildings in Odesa.",
         [F("buildings_damaged", 17, location="Odesa")]),
    Case("The number of injured has risen to 57.", [F("people_injured", 57)]),
    Case("Prosecutors opened 1,400 criminal cases for desertion.",
         [F("troops_deserted", 1400)]),
    Case("Officials counted some 30,000 refugees in the region.",
         [F("people_evacuated", 30000, qualifier="approx")]),
    # -- weapons supplied and requested ------------------------------------
    Case("Norway will deliver 6 F-16 jets to Ukraine.",
         [F("weapons_supplied", 6, side="ukraine", weapon="F-16")]),
    Case("Kyiv asked for 12 more Patriot systems.",
         [F("weapons_requested", 12, side="ukraine", weapon="Patriot")]),
    # -- breakdown lists: items after a total and a colon are its parts ----
    Case("During the night air defence destroyed 31 UAVs:\n12 – over the territory of "
         "Sumy region,\n9 – over the territory of Poltava region,\n10 – over the "
         "territory of Kharkiv region.",
         [F("drones_downed", 31, is_part=False), F("drones_downed", 12, is_part=True),
          F("drones_downed", 9, is_part=True), F("drones_downed", 10, is_part=True)]),
    Case("The navy said 40 missiles were intercepted by sector: Command 'North' – 15, "
         "Command 'South' – 14, Command 'West' – 11.",
         [F("missiles_downed", 40), F("missiles_downed", 15, is_part=True),
          F("missiles_downed", 14, is_part=True), F("missiles_downed", 11, is_part=True)]),
    # a verb before the last comma is the first member's, and so the list's
    Case("Officials said 20 drones were downed or jammed by electronic warfare over "
         "Kursk, eight over Oryol and six over Tula.",
         [F("drones_downed", 20), F("drones_downed", 8), F("drones_downed", 6)]),
    Case("The team recovered the bodies of 60 defenders from the Bakhmut sector and "
         "one from the Kupiansk sector.",
         [F("bodies_repatriated", 60), F("bodies_repatriated", 1)]),
    Case("The air force will receive eight jets this year and the remaining five the "
         "following year.",
         [F("weapons_supplied", 8), F("weapons_supplied", 5)]),
    # a bare number takes the earlier figure whose items fit its verb
    Case("Russia launched 40 drones and killed 3 people, and the army shot down 30 "
         "the following day.",
         [F("drones_launched", 40), F("people_killed", 3), F("drones_downed", 30)]),
    # -- munitions: supplied, pledged and needed are arms; fired is fire -----
    Case("Finland is shipping 6,500 artillery rounds to Kyiv, and Kyiv says it needs "
         "90,000 shells a month.",
         [F("weapons_supplied", 6500, weapon="artillery shell"),
          F("weapons_requested", 90000)]),
    # "handed over": the particle is no "more than"
    Case("The ally has handed over 350,000 rounds to the army.",
         [F("weapons_supplied", 350000, qualifier="exact")]),
    Case("Germany rushes 12,000 artillery rounds to the front.",
         [F("weapons_supplied", 12000)]),
    Case("The brigade defends the town with 20 to 30 shells a day.",
         [F("shells_fired", 20, qualifier="range", high=30, period="day")]),
    # -- drones lost: quoted, electronic warfare, unaccounted for -----------
    Case('Air defence shot down 76 drones, while 95 were "lost," the air force said.',
         [F("drones_downed", 76), F("drones_lost", 95)]),
    Case("Russia launched 60 drones. Another 40 drones were disabled by electronic warfare.",
         [F("drones_launched", 60), F("drones_lost", 40)]),
    Case("Russia launched 60 drones. Dozens more were stopped in their tracks by "
         "electronic countermeasures and 4 were unaccounted for.",
         [F("drones_launched", 60), F("drones_lost", 24), F("drones_lost", 4)]),
    # missiles have no "lost" metric
    Case("Twelve missiles were shot down and three missiles were unaccounted for.",
         [F("missiles_downed", 12)]),
    Case("Three drones were reported lost, and 2 more were classified as locationally lost.",
         [F("drones_lost", 3), F("drones_lost", 2)]),
    # -- attacks counted as times a place was targeted -----------------------
    Case("The border district was shelled 41 times in a day.",
         [F("attacks", 41, period="day")]),
    Case("The village came under mortar fire three times on Sunday.",
         [F("attacks", 3)]),
    Case("Russian forces shelled the region 120 times, killing 3 and wounding 9.",
         [F("attacks", 120), F("people_killed", 3), F("people_injured", 9)]),
    # -- earlier figures in brackets count what the figure before them counts
    Case("The UN said 341 (318) civilians were killed and 905 (877) injured.",
         [F("people_killed", 341), F("people_killed", 318),
          F("people_injured", 905), F("people_injured", 877)]),
    Case("Monitors counted 2,100 civilian casualties (1,950 in the previous report), "
         "including 640 killed (610).",
         [F("casualties", 2100), F("casualties", 1950),
          F("people_killed", 640), F("people_killed", 610)]),
    # -- partitives: the verb after the noun phrase is the part's -------------
    Case("Russia sent 83 drones, 71 of which were intercepted.",
         [F("drones_launched", 83), F("drones_downed", 71)]),
    Case("Four of the six missiles fired at the city were downed.",
         [F("missiles_downed", 4), F("missiles_launched", 6)]),
    Case("Air defence shot down 9 of more than 15 cruise missiles fired by Russia.",
         [F("missiles_downed", 9), F("missiles_launched", 15)]),
    # -- a verb inside another noun phrase is not the figure's ---------------
    Case("The army destroyed three cruise missiles, launched by Ukraine, over Crimea, "
         "and 14 drones over Kursk.",
         [F("missiles_downed", 3), F("drones_downed", 14)]),
    Case("Air defence destroyed two air-launched cruise missiles and five drones over the sea.",
         [F("missiles_downed", 2), F("drones_downed", 5)]),
    Case("The losses include 900 multiple launch rocket systems and 3,000 drones.",
         [F("equipment_destroyed", 900), F("drones_downed", 3000)]),
    # a participle with its agent describes the noun; the later verb is the figure's
    Case("18 drones launched by Russia were shot down over Sumy.", [F("drones_downed", 18)]),
    Case("Of the 40 drones launched by Russia, 30 were destroyed.",
         [F("drones_launched", 40), F("drones_downed", 30)]),
    # drones or missiles that destroyed something hit it
    Case("Russia launched 40 drones. Six were intercepted, but two destroyed an office block.",
         [F("drones_launched", 40), F("drones_downed", 6)]),
    # -- coordination: each verb its own figure ------------------------------
    Case("The strike kills 3, injures 11.",
         [F("people_killed", 3), F("people_injured", 11)]),
    Case("A girl was killed and 22 people injured.", [F("people_injured", 22)]),
    # -- the munition as subject or object of an attack -----------------------
    Case("More than two dozen drones targeted Odesa overnight.",
         [F("drones_launched", 24, qualifier="at_least")]),
    Case("Russia struck the capital with 20 missiles.", [F("missiles_launched", 20)]),
    Case("Air defences managed to stop 30 drones.", [F("drones_downed", 30)]),
    Case("More than 160 missiles have come from Russia and more than 70 from Belarus.",
         [F("missiles_launched", 160), F("missiles_launched", 70)]),
    Case("Russia has dispatched about 600 drones since the autumn.",
         [F("drones_launched", 600)]),
    Case("Russia fired 600 missiles, up from about 20 daily launches last week.",
         [F("missiles_launched", 600), F("missiles_launched", 20)]),
    # -- predicative figures with the item first ------------------------------
    Case("Russian losses are nearing 700,000.", [F("casualties", 700000)]),
    Case("Fatalities rose to 12 overnight as rescuers searched the rubble.",
         [F("people_killed", 12)]),
    Case("The number of missiles was put at 75.", [F("missiles_launched", 75)]),
    Case("By Friday the number of attack drones shot down by the army had reached 70.",
         [F("drones_downed", 70)]),
    Case("Casualty figures were also reported, hitting over 35,000 in July.",
         [F("casualties", 35000, qualifier="at_least")]),
    # -- singular and rarer heads -------------------------------------------
    Case("One man was killed in Sumy and the attack caused one fatality in Chernihiv.",
         [F("people_killed", 1)]),
    Case("One woman in Odesa was injured by shrapnel.", [F("people_injured", 1)]),
    Case("The army lost 215 military in a day.", [F("casualties", 215, period="day")]),
    Case("At least one casualty was reported.", [F("casualties", 1)]),
    Case("Today 3,800 killed or wounded.", [F("casualties", 3800)]),
    Case("Over 14 million Ukrainians have been forced to flee their homes.",
         [F("people_evacuated", 14000000)]),
    Case("The UN reported on 3 August 10,350,489 refugees.",
         [F("people_evacuated", 10350489)]),
    Case("Electricity was cut to over 500,000 people and a million more were losing power.",
         [F("people_without_power", 500000), F("people_without_power", 1000000)]),
    Case("Ukraine shot down three Su-34s over the south.", [F("equipment_destroyed", 3)]),
    Case("The losses included three M-1 Abrams tanks, 300 airplanes and 26 warships.",
         [F("equipment_destroyed", 3), F("equipment_destroyed", 300),
          F("equipment_destroyed", 26)]),
    # rocket launchers "intercepted" are their rockets; "drone aircraft" are drones
    Case("Air defence intercepted ten HIMARS multiple rocket launchers during the day.",
         [F("missiles_downed", 10)]),
    Case("The ministry reported the destruction of 119 drone aircraft.",
         [F("drones_downed", 119)]),
    # a singular noun after a count is a modifier of the next count's head
    Case("The staff reported 22 missile and 57 air strikes, and 55 multiple launch "
         "rocket system (MLRS) attacks.",
         [F("attacks", 22), F("attacks", 57), F("attacks", 55)]),
    # -- bodies: the fallen, and a verb after "of the soldiers" --------------
    Case("As a result, 100 fallen defenders were returned to Ukraine.",
         [F("bodies_repatriated", 100)]),
    Case("The bodies of one hundred dead soldiers were returned.",
         [F("bodies_repatriated", 100)]),
    Case("A total of 888 bodies of soldiers has been returned since May.",
         [F("bodies_repatriated", 888)]),
    # -- territory held ---------------------------------------------------------
    Case("Ukrainian forces control 28 settlements and about 1,000 square kilometres.",
         [F("settlements_captured", 28), F("territory_captured", 1000)]),
    # -- desertion statistics -------------------------------------------------
    Case("Investigators opened 21.4 thousand cases on the escape of servicemen last year.",
         [F("troops_deserted", 21400, period="year")]),
    Case("Prosecutors registered 18,000 cases of unauthorized abandonment of a unit.",
         [F("troops_deserted", 18000)]),
    Case("Some 5,000 soldiers vanished from the ranks in May.",
         [F("troops_deserted", 5000, qualifier="approx")]),
    Case("Over 200 troops fled the brigade.", [F("troops_deserted", 200)]),
    Case("Since January, 21,000 criminal proceedings were opened under the article on desertion.",
         [F("troops_deserted", 21000)]),
    # -- arms asked for, bombs at a rate, grenades ---------------------------
    Case("Ukraine requires at least seven more Patriot batteries.",
         [F("weapons_requested", 7)]),
    Case("Russia was looking to buy hundreds of drones from Iran.",
         [F("weapons_requested", 200, qualifier="vague")]),
    Case("The daily average is 45 bombs per day.", [F("bombs_dropped", 45)]),
    # FACTS.md: a drone that drops grenades drops bombs
    Case("A drone dropped three grenades on a checkpoint.", [F("bombs_dropped", 3)]),
    # "another 700 are missing": missing is not killed
    Case("Police recorded the deaths of 900 civilians, and another 700 are missing.",
         [F("people_killed", 900)]),
    Case("18 cruise missiles were shot down in one morning.", [F("missiles_downed", 18)]),
    # a number completing a model name is no count; units are no items
    Case("Germany will provide a company of 14 Leopard 2A6 tanks.",
         [F("weapons_supplied", 14)]),
    Case("The plan is to form two tank battalions, and Germany will send 14 Leopard 2 tanks.",
         [F("weapons_supplied", 14)]),
    # two counts of one noun
    Case("Losses peaked in July and August, with 1,520 and 1,517 artillery systems destroyed.",
         [F("equipment_destroyed", 1520), F("equipment_destroyed", 1517)]),
    Case("Ukraine received the bodies of 40 defenders from the east and 4 dead soldiers "
         "from the south.",
         [F("bodies_repatriated", 40), F("bodies_repatriated", 4)]),
    # a sentence with a verb of its own does not continue the one before
    Case("At least 11 people were killed.\nThousands of residents raced to shelters as "
         "sirens rang out.",
         [F("people_killed", 11)]),
    # a bare number's own verb, outside what its antecedent can do
    Case("The result: at least 13 bombers destroyed, dozens more damaged.",
         [F("equipment_destroyed", 13)]),
    # a relative clause after an attack's figures says what happened to them too
    Case("The wave included 45 Shahed drones that his forces shot down.",
         [F("drones_launched", 45), F("drones_downed", 45)]),
    Case("The attack included eight drones and three cruise missiles which were shot down.",
         [F("drones_launched", 8), F("drones_downed", 8),
          F("missiles_launched", 3), F("missiles_downed", 3)]),
    Case("Footage showed at least one house had been completely destroyed.",
         [F("buildings_damaged", 1)]),
    Case("Thirteen homes, 2 kindergartens and several cars were damaged.",
         [F("buildings_damaged", 13), F("buildings_damaged", 2)]),
    # an aid package "includes"; "asked allies for"
    Case("The latest assistance to Kyiv will also include 75,000 rounds of 155mm ammunition.",
         [F("weapons_supplied", 75000)]),
    Case("Zelensky asked allies for 25 more Patriot systems.", [F("weapons_requested", 25)]),
    # a verb after a head is no part of a compound noun: "drones attacked two villages"
    Case("Three Ukrainian Armed Forces drones attacked two villages in the region.",
         [F("drones_launched", 3)]),
    # a passive with its agent is the main verb, not a modifier
    Case("One drone was shot down by air defences in the region of Belgorod near the "
         "border and four others over the Black Sea.",
         [F("drones_downed", 1), F("drones_downed", 4)]),
    # captured while fighting: the fighters' own verb is a deployment
    Case("Ukraine says it captured two Chinese men fighting for Russia.",
         [F("troops_deployed", 2)]),
    # "of which N are children": a part takes the event of its total
    Case("Over the year, 28,329 people, including 869 children, moved to safer areas. "
         "Since January – 1,500 people, of which 140 are children.",
         [F("people_evacuated", 28329), F("people_evacuated", 869),
          F("people_evacuated", 1500), F("people_evacuated", 140)]),
    # a clause after a colon is no list item; a clause with a figure no tally label
    Case("Russia launched 50 drones: a record – 40 were downed.",
         [F("drones_launched", 50), F("drones_downed", 40)]),
    Case("Officials said 40 drones were destroyed: 20 over Kursk, 12 over Belgorod and "
         "8 over Oryol.",
         [F("drones_downed", 40), F("drones_downed", 20, period=None),
          F("drones_downed", 12), F("drones_downed", 8)]),
    # civilians fleeing the front are evacuees; a swap after an agreement happened
    Case("About 100 civilians fled the front line.", [F("people_evacuated", 100)]),
    Case("After the agreement on the exchange, 200 POWs returned home.",
         [F("prisoners_swapped", 200)]),
    Case("In one of the attacks, 3 people were killed.", [F("people_killed", 3)]),
    # a breakdown with labels and colons; bullets
    Case("Air defence destroyed 31 drones overnight: Sumy region: 12, Poltava region: 9, "
         "Kharkiv region: 10.",
         [F("drones_downed", 31), F("drones_downed", 12, is_part=True),
          F("drones_downed", 9, is_part=True), F("drones_downed", 10, is_part=True)]),
    Case("Air defence destroyed 31 drones overnight:\n• Sumy region – 12;\n• Poltava region – 9;\n"
         "• 10 over the Kharkiv region.",
         [F("drones_downed", 31), F("drones_downed", 12, is_part=True),
          F("drones_downed", 9, is_part=True), F("drones_downed", 10, is_part=True)]),
    # "both" refers back to a stated count of two (FACTS.md)
    Case("Russia launched 31 drones and 2 missiles, and air defence destroyed 28 drones "
         "and both missiles.",
         [F("drones_launched", 31), F("missiles_launched", 2), F("drones_downed", 28),
          F("missiles_downed", 2)]),
    Case("Both sides exchanged 90 prisoners.", [F("prisoners_swapped", 90)]),
    # -- number forms and qualifiers -----------------------------------------
    Case("Kyiv asked for 10-12,000 rounds.",
         [F("weapons_requested", 10000, qualifier="range", low=10000, high=12000)]),
    Case("Russia launched 4-5 missiles at the port.",
         [F("missiles_launched", 4, qualifier="range", high=5)]),
    # a space-grouped number at a full stop; a calibre glued to a count
    Case("Romania has taken in 2.1 million refugees and Moldova about 600 000.",
         [F("people_evacuated", 2100000), F("people_evacuated", 600000, qualifier="approx")]),
    Case("Germany sent 200 000 155 mm shells.",
         [F("weapons_supplied", 200000)]),
    Case("Air defence downed eighty-eight drones.", [F("drones_downed", 88)]),
    Case("The army mobilised a hundred and twenty thousand reservists.",
         [F("troops_mobilized", 120000)]),
    Case("The strike wounded a dozen people.", [F("people_injured", 12)]),
    Case("Up to 3,000 troops are deployed near the city.",
         [F("troops_deployed", 3000, qualifier="at_most", low=None, high=3000)]),
    Case("Between 30 and 40 drones were shot down.",
         [F("drones_downed", 30, qualifier="range", low=30, high=40)]),
    Case("Around 1.5 million people were left without power.",
         [F("people_without_power", 1500000, qualifier="approx")]),
    Case("Dozens of drones were shot down over the region.",
         [F("drones_downed", 24, qualifier="vague", low=24, high=99)]),
    Case("Officials said 5 124 attacks were recorded.",
         [F("attacks", 5124)]),
]

NO_FIGURE = [
    # a count that is not whole is a misreading, a share or an average
    Case("Each battalion lost 2.5 tanks on average that week.", reason="not a whole number"),
    Case("Between 1.5 and 3 drones were downed per hour.", reason="not a whole number"),
    Case("The brigade fired 155mm shells at the positions.", reason="calibre"),
    Case("Ukrainian forces captured 35 Russian soldiers near the border.",
         reason="captured, not swapped or deployed"),
    Case("The patrol took 12 enemy soldiers prisoner.",
         reason="captured, not swapped or deployed"),
    Case("Two Su-34 jets flew over the lines.", reason=None),
    Case("The unit flew its Su-34 bombers again.", reason=None),
    Case("The 2S19 howitzers fired again.", reason="model or unit designation"),
    Case("Call the hotline on +380 for help.", reason="id or phone number"),
    Case("The 47th Brigade repelled the assault.", reason="model or unit designation"),
    Case("The attack came on August 23.", reason="date"),
    Case("The siren sounded at 4:30 in the morning.", reason="time"),
    Case("A 14-year-old boy was hurt.", reason="age"),
    Case("The famine of the 1930s, in which millions of people died, is remembered today.",
         reason="history, not this war"),
    Case("During World War II, 8 million Ukrainians were killed.",
         reason="history, not this war"),
    Case("The swap freed soldiers under 25 first.", reason="age"),
    Case("For the exchange fund, 310 soldiers of the Northern Group were captured.",
         reason="the figure has a verb of its own outside the vocabulary"),
    Case("Turnout was 45% in the region.", reason="percentage"),
    Case("The package is worth $250 million.", reason="money"),
    Case("Kharkiv, the second-largest city, was hit.", reason=None),
    Case("The offensive is in its 12th month.", reason="ordinal"),
    Case("The city, home to 400,000 people, lost power.", reason="population size"),
    Case("Drones were launched at 11 regions.", reason="counts regions"),
    Case("The attacks lasted 3 days.", reason="duration or count of days"),
    Case("Russia could send 20,000 more troops.", reason="hypothetical or plan"),
    Case("No one was injured in the attack.", reason="negation"),
    Case("It was one of the largest attacks of the war.",
         reason="superlative, not a count"),
    Case("A combined attack of 90 drones and missiles hit the city.",
         reason="one count of drones and missiles together"),
    Case("Seven missiles hit the power plant.", reason="hits and impacts are not facts"),
    Case("In 2023 the front barely moved.", reason="year"),
    Case("0", reason="page furniture"),
    Case("The front line runs for 1,000 km.", reason="distance or size"),
    Case("The gain was 30 square kilometres (12 square miles).",
         reason="same figure in other units"),
    Case("Russia used four different types of missiles.",
         reason="counts types, not items"),
    Case("Ukraine freed 200 more people than last year.",
         reason="comparison, not a count"),
    Case("The fleet still has 229 Kalibr missiles left.", reason="inventory, not an event"),
    Case("By then Russia was down to 90 Kalibr and 40 Kh-101 missiles remaining.",
         reason="inventory, not an event"),
    Case("The army still has some 900,000 shells in its depots.",
         reason="inventory, not an event"),
    # shells with no verb of sending, asking or firing
    Case("Europe has beaten its rival to a million shells.", reason="no event for shell"),
    Case("Its guns fire five times as many shells.", reason="counts times"),
    Case("The plant makes 250,000 shells a month.", reason="no event for shell"),
    Case("The blast shattered hundreds of apartment windows.", reason="counts windows"),
    Case("Prosecutors opened 300 cases against soldiers who refused to fight.",
         reason="counts cases"),
    Case("In 2023-2024 the front barely moved.", reason="year"),
    Case("Air defences failed to stop four drones.", reason="negated"),
    Case("One of the soldiers in the video says he was hit.",
         reason="one of several, not a count"),
    Case("Getting one of these systems running is costly.",
         reason="one of several, not a count"),
    # FACTS.md: an agreement to hand over or swap is a plan
    Case("They agreed that Russia will transfer the bodies of 6,000 soldiers.",
         reason="agreed handover, a plan"),
    Case("The sides agreed to exchange 1,000 prisoners of war each.",
         reason="agreed handover, a plan"),
    Case("The bodies of 6,000 soldiers are to be handed over next week.",
         reason="agreed handover, a plan"),
    Case("Some 500 prisoners will be exchanged, officials said.",
         reason="agreed handover, a plan"),
    Case("The total broke the previous record by nearly 700.", reason="margin, not a count"),
    Case("Each launcher can hold up to four missiles.", reason="hypothetical or plan"),
    Case("Fifteen missiles rained down on the city.", reason="hits and impacts are not facts"),
    Case("Two drones used by the army to attack the city crashed in a field.",
         reason="hits and impacts are not facts"),
    Case("Seven missiles destroyed the substation.", reason="hits and impacts are not facts"),
    Case("The blockade is endangering the lives of millions of people.", reason=None),
    Case("Prosecutors opened 30 criminal cases over looting.", reason=None),
    Case("At the elevators – almost 40,000 tonnes of grain were damaged.",
         reason="counts tonnes"),
    Case("Germany will supply modern Leopard 2 battle tanks.",
         reason="model or unit designation"),
    # a verb inside a compound ("shoot-down") is not the figure's
    Case("The air force reported a shoot-down rate of 85% for 120 drones.",
         reason="no event for drone"),
    Case("Debris fell on a house on Mira Street, No. 45.", reason="id or phone number"),
]

KNOWN_MISSES = [
    # "all of them" referring back to a stated count (FACTS.md)
    Case("Russia sent 40 drones toward the city and all of them were destroyed.",
         [F("drones_launched", 40), F("drones_downed", 40)]),
    # one's own drones lost at a rate ("losing") read as destroyed
    Case("The army is losing 40-45 reconnaissance drones per day.",
         [F("drones_lost", 40)]),
    # an aside between dashes cuts the list from its verb
    Case("Russia fired 81 missiles, including six Kinzhal missiles – which cannot be "
         "intercepted – and eight drones.",
         [F("missiles_launched", 81), F("missiles_launched", 6), F("drones_launched", 8)]),
    # "hit and destroyed": the hit rejects the figure
    Case("Five launchers were hit and completely destroyed.",
         [F("equipment_destroyed", 5)]),
    # a toll's second figure far from the toll word
    Case("Casualty figures rose, hitting over 35,000 in July alone, and escalating to "
         "38,130 by September.",
         [F("casualties", 35000), F("casualties", 38130)]),
]
