-- scenarios/sahel/world.lua
--
-- The actors and the map shared by the Sahel/Libya scenarios (tinzaouaten.lua, ghadames.lua,
-- russia_response.lua). It declares agents, regions, links, starting alignments, ties and forces
-- as of just before the Tinzaouaten fighting (about 20 July 2024). It does not call sim.scenario
-- nor sim.dynamics: each scenario does that itself. strain.lua starts from this world in April 2024:
-- nothing public records a change of these relations between April and July besides the AES
-- confederation of 6 July 2024, which formalised an alliance that already held.
--
-- Seed article: seeds/000_897de2a47dc8da2c.txt ("Cracks Appearing in Algiers-Moscow Relations
-- following Ukraine's Support to Tuareg Separatists in Mali", early August 2024). Where a value
-- is not in the article it rests on well-known public facts of mid-2024, and the comment says so.
--
-- Units used throughout:
--   strength   personnel under arms in the whole organisation (not only what is on this map);
--              deployed forces (sim.deploy) are men on the ground in a region.
--   funds      yearly defence/security budget in USD millions for states; estimated yearly
--              revenue in USD millions for non-state groups.
--   legitimacy 0..1, standing at home and abroad (a rough judgement, used by policies).
--
-- Claims of the article are tagged [A#] where they are modelled (# is the number of the claim in
-- scenarios/README.md's table). What the scenarios add beyond the article says so, with its source.
-- Allegations are params, off by default (W.claims below): the article reports them as accusations.
--
-- Returns a table W of ids and small helpers (see the end of the file).

local W = {}

---------------------------------------------------------------------------------------------
-- Agents
---------------------------------------------------------------------------------------------

sim.agent{ id = "russia", name = "Russian Federation", short = "Russia", kind = "state",  -- [A1] Russia / Moscow
  effectiveness = 0.05,            -- default: regular troops (Africa Corps) with air support
  resources = {
    strength = 1150000,            -- active armed forces, IISS-order estimate for 2024
    funds = 110000,                -- 2024 defence budget ~ USD 110 bn
    legitimacy = 0.5,              -- strong with Sahel juntas and Haftar, pariah in the West
  } }

-- [A9] "the Wagner group" / the "Russian military group"
sim.agent{ id = "wagner", name = "Wagner Group (Mali contingent, turning into Africa Corps)", short = "Wagner",
  kind = "pmc", patron = "russia",
  effectiveness = 0.06,            -- experienced assault troops, drones and helicopters
  resources = {
    strength = 1500,               -- commonly cited 1,000-2,000 contractors in Mali in 2024
    funds = 250,                   -- ~USD 10.8 m/month from Bamako (2021 reports) plus gold
    legitimacy = 0.2,              -- accused of massacres (Moura 2022); weak standing abroad
  } }

-- [A11] the Mali government, the junta that took power in 2020 (Goita: beyond the article, public fact)
sim.agent{ id = "mali", name = "Malian transitional government (junta of Assimi Goita)", short = "Mali junta",
  kind = "state",
  resources = {
    strength = 40000,              -- FAMa personnel, held by the state (the field force is `fama`)
    funds = 900,                   -- defence ~ a fifth of a ~USD 4-5 bn budget
    legitimacy = 0.55,             -- popular at home for sovereignty line, isolated regionally
  } }

-- FAMa is modelled as its own agent of kind "military" (a state's regular army, not a non-state
-- armed group) with patron mali: the junta (`mali`) is the diplomatic actor that cuts ties and
-- signs contracts; `fama` is the force in the field that fights beside Wagner, loses men and
-- feels grievance. This mirrors the russia/wagner split.
sim.agent{ id = "fama", name = "Malian Armed Forces (FAMa)", short = "FAMa", kind = "military", patron = "mali",  -- [A10]
  effectiveness = 0.035,           -- less effective than Wagner or the ambushers in the desert
  resources = {
    strength = 40000,              -- ~40,000 personnel
    funds = 0,                     -- paid through `mali`
    legitimacy = 0.6,              -- the national army is broadly supported in the south
  } }

sim.agent{ id = "niger", name = "Niger (CNSP junta of Abdourahamane Tiani)", short = "Niger junta", kind = "state",  -- [A12]
  effectiveness = 0.035,
  resources = {
    strength = 33000,              -- Forces Armees Nigeriennes, order of 30,000+
    funds = 300,                   -- small defence budget, cut off from Western aid since 2023
    legitimacy = 0.5,              -- coup of July 2023; AES confederation with Mali since 6 July 2024
  } }

-- [A2] The article's "ruling junta in Algeria" / "Algerian rulers": the name keeps its framing; the
-- agent is the state (President Tebboune and the army, the ANP, whose chief of staff Chanegriha is
-- the regime's other pillar: beyond the article, public fact).
sim.agent{ id = "algeria", name = "Algeria (the article's 'ruling junta': Tebboune government and ANP)", short = "Algeria", kind = "state",
  effectiveness = 0.06,            -- large, well-equipped army (mostly Russian materiel)
  resources = {
    strength = 130000,             -- active ANP personnel, order of 130,000
    funds = 21600,                 -- record 2024 defence budget ~ USD 21.6 bn
    legitimacy = 0.7,              -- regional heavyweight, mediator of the 2015 Algiers Accord
  } }

sim.agent{ id = "ukraine", name = "Ukraine", kind = "state",  -- [A3]
  resources = {
    strength = 900000,             -- armed forces at war, order of 900,000
    funds = 44000,                 -- 2024 defence spending, order of USD 40+ bn
    legitimacy = 0.75,             -- victim of invasion, broad Western support
  } }

-- [A4] Ukraine's military intelligence. [A5] Its spokesman Andrii Yusov speaks for it: he is not an
-- actor of his own, so he is in the name and in the acknowledgement event (by = "Andrii Yusov").
sim.agent{ id = "hur", name = "Ukraine's military intelligence (HUR; spokesman Andrii Yusov)", short = "HUR",
  kind = "intel_service", patron = "ukraine",
  resources = {
    strength = 5000,               -- order of magnitude; includes special units
    funds = 500,                   -- not public; a guess for an active foreign service
    legitimacy = 0.5,              -- acts abroad against Russian interests; contested in Africa
  } }

-- [A6] the "Tuareg separatists" (CSP-DPA: the coalition's name, beyond the article, public fact)
sim.agent{ id = "csp", name = "CSP-DPA (Tuareg separatist coalition)", short = "CSP-DPA", kind = "armed_group",
  effectiveness = 0.03,            -- light pickups; the ambushes' punch is scripted in tinzaouaten.lua
  resources = {
    strength = 3000,               -- several thousand fighters across the former CMA movements
    funds = 20,                    -- taxes on trade and trafficking, diaspora; a guess
    legitimacy = 0.4,              -- strong among northern Tuareg, none in Bamako
  } }

-- [A7] JNIM, "linked to al-Qaeda jihadi groups"; [A8] Iyad ag Ghali leads it: the article names him
-- only as JNIM's leader, so he is in the name.
sim.agent{ id = "jnim", name = "JNIM (Iyad ag Ghali's al-Qaeda affiliate)", short = "JNIM", kind = "armed_group",
  effectiveness = 0.05,            -- heavy weapons, drones and suicide bombers (article)
  resources = {
    strength = 6000,               -- commonly estimated several thousand fighters Sahel-wide
    funds = 50,                    -- ransoms, zakat, taxes on mines; estimates tens of USD m
    legitimacy = 0.15,             -- designated terrorist group; local roots in places
  } }

-- The LNA is a de facto army of the eastern authorities (House of Representatives / Hammad
-- government), not internationally recognised; that government is not a separate actor here, so
-- the LNA carries it and has no patron. Kind "military" like fama.
-- [A15] [A50] Field Marshal Khalifa Haftar, commander of the LNA
sim.agent{ id = "lna", name = "Libyan National Army (Field Marshal Khalifa Haftar)", short = "LNA", kind = "military",
  effectiveness = 0.045,
  resources = {
    strength = 25000,              -- order of 25,000 core troops plus auxiliaries
    funds = 2000,                  -- eastern budget allocations; a guess of the order
    legitimacy = 0.35,             -- controls the east and the south, not recognised
  } }

-- Beyond the article: Tripoli's government, whose forces hold Ghadames (public fact; the article does
-- not name it). Without it the LNA's road to the crossing would be empty.
sim.agent{ id = "gnu", name = "Government of National Unity (Tripoli, Abdul Hamid Dbeibah)", short = "GNU (Tripoli)",
  kind = "state",
  effectiveness = 0.04,            -- coalition of Tripoli brigades
  resources = {
    strength = 20000,              -- aligned brigades, order of 20,000
    funds = 3000,                  -- defence and interior allocations; a guess of the order
    legitimacy = 0.5,              -- UN-recognised government, contested at home
  } }

-- [A14] Imam Mahmoud Dicko, one of the "radical political figures" Mali and Niger accuse Algiers of
-- keeping ties with. The article gives him no act of his own: he is a figure with no force, whose
-- part is his ties to Algiers and Bamako's grievance about them (and Bogdanov's message, strain.lua).
sim.agent{ id = "dicko", name = "Imam Mahmoud Dicko", short = "Imam Dicko", kind = "figure",
  resources = {
    strength = 0,                  -- no armed force
    funds = 1,                     -- donations; negligible
    legitimacy = 0.6,              -- influential cleric; led the 2020 protests against IBK
  } }

W.agents = { "russia", "wagner", "mali", "fama", "niger", "algeria", "ukraine", "hur",
             "csp", "jnim", "lna", "gnu", "dicko" }

---------------------------------------------------------------------------------------------
-- Regions (real coordinates, decimal degrees). `country` is the agent whose state holds it.
---------------------------------------------------------------------------------------------

local function region(id, name, country, lat, lon)
  sim.region{ id = id, name = name, country = country, lat = lat, lon = lon }
end

-- Mali
region("tinzaouaten", "Tinzaouaten (Kidal region, Algerian border)", "mali", 19.9486, 2.9678)  -- [A16]
-- [A23] Where the column waited for reinforcements after retreating from Tinzaouaten, and was
-- ambushed (26-27 July 2024): the battle's reported location is "the outskirts of Tinzaouaten".
-- The position is approximate (about 12 km south-west of the town, on the track to Kidal).
region("tinzaouaten_outskirts", "Outskirts of Tinzaouaten (the column's position, 26-27 July 2024)", "mali", 19.88, 2.88)
region("kidal", "Kidal", "mali", 18.4411, 1.4078)                   -- [A17] northern Mali
region("gao", "Gao", "mali", 16.2717, -0.0447)
region("bamako", "Bamako", "mali", 12.6392, -8.0029)
-- Niger
region("niamey", "Niamey", "niger", 13.5116, 2.1254)
-- Algeria
-- [A21] Algeria's borders with the Sahel: its posts facing Tinzaouaten and Kidal
region("bordj_badji_mokhtar", "Bordj Badji Mokhtar", "algeria", 21.3290, 0.9510)
region("tamanrasset", "Tamanrasset", "algeria", 22.7850, 5.5228)
region("algiers", "Algiers", "algeria", 36.7538, 3.0588)  -- [A18] where Bogdanov delivered the warning
region("ouargla", "Ouargla (HQ of the 4th Military Region)", "algeria", 31.9493, 5.3250)
region("debdeb", "Debdeb", "algeria", 29.9675, 9.4239)
-- The border post between Ghadames and Debdeb, about 20 km from Ghadames; on the line itself,
-- so no country: both sides can stand there.
region("crossing", "Ghadames-Debdeb border crossing", nil, 30.0500, 9.4600)  -- [A19] "Ghadames-Dabdab"
-- Libya. `country` is the authority that controls the place de facto (whose forces would defend
-- it), because the model is about forces: Ghadames, Derj and Tripoli are held by Tripoli-aligned
-- forces, so gnu; Sabha and Benghazi are held by the LNA, so lna (although the GNU is the
-- internationally recognised government of all Libya).
region("ghadames", "Ghadames", "gnu", 30.1337, 9.5007)
region("derj", "Derj (junction ~100 km east of Ghadames)", "gnu", 30.1500, 10.4400)
region("tripoli", "Tripoli", "gnu", 32.8872, 13.1913)
region("sabha", "Sabha", "lna", 27.0377, 14.4283)  -- [A20] the south-west the LNA moves troops to
region("benghazi", "Benghazi", "lna", 32.1167, 20.0667)
-- Capitals far from the theatre (no links: only diplomacy happens there)
region("moscow", "Moscow", "russia", 55.7558, 37.6173)
region("kyiv", "Kyiv", "ukraine", 50.4501, 30.5234)

W.regions = { "tinzaouaten", "tinzaouaten_outskirts", "kidal", "gao", "bamako", "niamey", "bordj_badji_mokhtar",
  "tamanrasset", "algiers", "ouargla", "debdeb", "crossing", "ghadames", "derj", "tripoli",
  "sabha", "benghazi", "moscow", "kyiv" }

---------------------------------------------------------------------------------------------
-- Links: road or desert-track corridors. Distance = great-circle unless a road length is known.
---------------------------------------------------------------------------------------------

sim.link("kidal", "tinzaouaten_outskirts")    -- desert track via Abeibara
sim.link("tinzaouaten_outskirts", "tinzaouaten")
sim.link("kidal", "gao")                      -- RN18 track Kidal-Anefis-Gao
sim.link("gao", "bamako", 1200)               -- RN15/RN16 via Mopti and Segou, ~1,200 km by road
sim.link("gao", "niamey")                     -- RN17 via Ansongo and Ayorou
sim.link("kidal", "bordj_badji_mokhtar")      -- track via Tessalit and Aguelhok
sim.link("tinzaouaten", "bordj_badji_mokhtar")-- border track
sim.link("tinzaouaten", "tamanrasset")        -- Algerian track from Tin Zaouatine to Tamanrasset
sim.link("tamanrasset", "algiers", 1950)      -- Trans-Saharan N1, ~1,950 km by road
sim.link("bordj_badji_mokhtar", "algiers")    -- N6 via Reggane and Adrar
sim.link("tamanrasset", "ouargla")            -- N1 then N49 north
sim.link("algiers", "ouargla")                -- N1/N46 via Ghardaia
sim.link("ouargla", "debdeb")                 -- N3/N53 via Hassi Messaoud
sim.link("debdeb", "crossing")                -- the road to the border post
sim.link("crossing", "ghadames")              -- ~20 km from the post to Ghadames
sim.link("ghadames", "derj")                  -- road, ~100 km
sim.link("derj", "tripoli")                   -- via Nalut and the Nafusa mountains
sim.link("derj", "sabha")                     -- desert road via Ash Shwayrif / Brak
sim.link("sabha", "benghazi")                 -- via Jufra
sim.link("tripoli", "benghazi", 1050)         -- coastal road, ~1,050 km

---------------------------------------------------------------------------------------------
-- Starting alignments (directed: how A stands toward B, in [-1, 1]). Pairs not listed are 0.
---------------------------------------------------------------------------------------------

local function both(a, b, v) sim.align(a, b, v, { mutual = true }) end
local function one(a, b, v) sim.align(a, b, v) end

-- Russia and its partners
one("russia", "wagner", 0.8)   -- patron; Wagner under MoD/GRU control since the 2023 mutiny
one("wagner", "russia", 0.7)   -- loyal but resentful since Prigozhin's death (Aug 2023)
both("russia", "mali", 0.75)   -- Bamako's main partner since 2021; it invited Wagner
both("russia", "niger", 0.6)   -- Africa Corps instructors in Niamey since April 2024
both("russia", "fama", 0.6)    -- Russian arms, helicopters and trainers for the Malian army
one("russia", "algeria", 0.55) -- [A38] "traditional ally" (article); 2023 deepened strategic partnership
one("algeria", "russia", 0.5)  -- friendly but uneasy with Wagner on its southern border
both("russia", "lna", 0.6)     -- Moscow backs Haftar (Yevkurov visits 2023-24, bases in the east)
one("russia", "gnu", 0.0)      -- Russia keeps lines to Tripoli (embassy reopening 2023-24)
one("gnu", "russia", -0.15)    -- Tripoli wary of Russian forces with Haftar
both("russia", "ukraine", -0.95) -- at war since February 2022
one("russia", "hur", -0.95)    -- HUR runs operations against Russia
one("hur", "russia", -1.0)     -- idem
one("russia", "csp", -0.7)     -- separatists fight Moscow's client and its contractors
one("csp", "russia", -0.8)     -- Wagner led the Kidal offensive of November 2023
both("russia", "jnim", -0.8)   -- jihadists fight Wagner and the juntas
one("russia", "dicko", -0.3)   -- Dicko is seen in Bamako and Moscow as close to Algiers
one("dicko", "russia", -0.2)   -- critical of the junta's foreign backers

-- Wagner in Mali
both("wagner", "mali", 0.65)   -- [A40] contracted by the junta since late 2021 (it "requested help from Wagner")
one("wagner", "fama", 0.6)     -- joint operations (Kidal 2023), frictions over command
one("fama", "wagner", 0.5)     -- idem
both("wagner", "csp", -0.9)    -- direct enemies since the 2023 offensive in the north
both("wagner", "jnim", -0.9)   -- direct enemies (Moura 2022, constant ambushes)
one("wagner", "algeria", -0.1) -- suspects Algiers of sheltering CSP leaders
one("algeria", "wagner", -0.4) -- Algiers opposes foreign mercenaries on its border
both("wagner", "ukraine", -0.9) -- Wagner fought at Bakhmut
both("wagner", "hur", -0.9)    -- idem
both("wagner", "lna", 0.5)     -- Wagner fought beside the LNA since 2019

-- Mali, FAMa, Niger (AES)
both("mali", "fama", 0.9)      -- the junta is the army's own leadership
both("mali", "niger", 0.9)     -- AES mutual-defence charter (2023), confederation 6 July 2024
both("fama", "niger", 0.7)     -- brothers in arms of the AES
both("niger", "wagner", 0.4)   -- Russia's contractors serve the whole AES; Niamey welcomes them
-- [A44] Mali and Niger "decry Algeria's complicity and ties with separatist movements" (article):
-- their attitude toward Algiers. Whether the complicity is real is a param (W.claims), not a tie.
one("mali", "algeria", -0.45)  -- Bamako ended the Algiers Accord (Jan 2024), ambassadors recalled Dec 2023
one("algeria", "mali", -0.2)   -- Algiers resents the end of its mediation but stays restrained
one("fama", "algeria", -0.3)   -- army blames Algerian sanctuary for the rebels
one("niger", "algeria", -0.2)  -- article: Niger decries Algeria's ties; Niamey rejected its 2023 mediation
one("algeria", "niger", 0.1)   -- Algiers courts Niamey (gas pipeline, migration)
one("mali", "ukraine", -0.3)   -- Mali voted against the UNGA Ukraine resolution of Feb 2023
one("ukraine", "mali", 0.0)    -- Kyiv had no quarrel with Bamako before the ambush
one("niger", "ukraine", -0.15) -- the junta follows Moscow's line, no quarrel with Kyiv
one("ukraine", "niger", 0.0)   -- idem
both("mali", "csp", -0.9)      -- war resumed in 2023, Kidal taken in November 2023
both("fama", "csp", -0.9)      -- idem
both("mali", "jnim", -0.9)     -- JNIM is the junta's main enemy
both("fama", "jnim", -0.9)     -- idem
both("niger", "jnim", -0.85)   -- JNIM attacks in Tillaberi
one("niger", "csp", -0.4)      -- AES solidarity with Bamako against separatists
one("csp", "niger", -0.3)      -- idem
one("mali", "dicko", -0.45)    -- [A46] junta dissolved Dicko's CMAS (Mar 2024); he is seen as Algiers' man
one("dicko", "mali", -0.3)     -- Dicko criticises the junta's transition
one("mali", "lna", 0.1)        -- fellow Russian clients, little contact
one("mali", "hur", -0.3)       -- Ukraine's intelligence already suspected of helping the north
one("hur", "mali", -0.3)       -- Bamako hosts Russia's contractors
one("hur", "fama", -0.4)       -- idem, fights beside Wagner
one("fama", "hur", -0.4)       -- the army shares the junta's suspicion
one("fama", "ukraine", -0.3)   -- follows Bamako's line on the war
one("ukraine", "fama", 0.0)    -- no quarrel before the ambush
one("niger", "hur", -0.2)      -- Niamey follows Moscow's line
one("hur", "niger", -0.1)      -- a Russian partner, but no target

-- Algeria's web (the ties Mali and Niger decry, article)
one("algeria", "csp", 0.35)    -- host of the Algiers Accord signatories; received them Dec 2023
one("csp", "algeria", 0.45)    -- Algeria is their rear base and interlocutor
one("algeria", "jnim", -0.6)   -- officially an enemy (In Amenas 2013); Bamako alleges tolerance
one("jnim", "algeria", -0.3)   -- jihadists avoid provoking Algiers
one("algeria", "dicko", 0.4)   -- Tebboune received Dicko in Algiers in December 2023
one("dicko", "algeria", 0.5)   -- idem
both("algeria", "gnu", 0.5)    -- Algiers backs the Tripoli government and the UN process
one("algeria", "lna", -0.35)   -- Haftar threatened in 2018 to "move the war to Algeria"
one("lna", "algeria", -0.3)    -- Haftar sees Algiers as Tripoli's backer
one("algeria", "ukraine", 0.0) -- neutral: abstains at the UN, close to Moscow
one("ukraine", "algeria", 0.1) -- Kyiv courts neutral Algiers
one("algeria", "hur", 0.0)     -- no known relation

-- Ukraine, HUR and the northern coalition
both("ukraine", "hur", 0.9)    -- HUR is Ukraine's own service
one("hur", "csp", 0.5)         -- Yusov: the rebels "received the necessary information" (article)
one("csp", "hur", 0.45)        -- welcome help against Wagner
one("ukraine", "csp", 0.2)     -- official Kyiv keeps its distance
one("csp", "ukraine", 0.3)     -- enemy of their enemy
one("hur", "jnim", 0.05)       -- no known direct ties; W.claims raises it when HUR's help reached JNIM [A29]
one("jnim", "hur", 0.0)        -- none known
one("ukraine", "jnim", -0.4)   -- Kyiv condemns al-Qaeda; its help went to the separatists
one("jnim", "ukraine", 0.0)    -- indifferent
both("csp", "jnim", 0.3)       -- tactical coordination at Tinzaouaten; rivals otherwise
one("dicko", "jnim", 0.1)      -- Dicko has argued for talks with the jihadists
one("dicko", "csp", 0.1)       -- favours negotiation with the north

-- Libya
both("lna", "gnu", -0.4)       -- 2020 ceasefire holds, deep hostility; Aug 2024 standoff
one("lna", "mali", 0.1)        -- fellow Russian clients
one("ukraine", "gnu", 0.1)     -- Kyiv courts Tripoli against Wagner in Libya
both("ukraine", "lna", -0.2)   -- Haftar is Moscow's client; Kyiv is Moscow's enemy
one("hur", "lna", -0.3)        -- idem, and the LNA hosts Russian forces
both("gnu", "wagner", -0.6)    -- Wagner spearheaded Haftar's 2019-20 assault on Tripoli
both("csp", "lna", 0.0)        -- no relation (listed so that it has a baseline)

---------------------------------------------------------------------------------------------
-- Ties as of just before the ambush (July 2024)
---------------------------------------------------------------------------------------------

local function tie(a, b, kind, mutual)
  if mutual then sim.tie(a, b, kind, { mutual = true }) else sim.tie(a, b, kind) end
end

-- Russia
tie("russia", "wagner", "support")           -- patron: pay, air transport, MoD control
tie("russia", "mali", "arms_supply")         -- helicopters, aircraft and arms since 2021
tie("russia", "mali", "diplomatic", true)    -- embassies
tie("russia", "niger", "support")            -- Africa Corps instructors and air defence, April 2024
tie("russia", "niger", "diplomatic", true)   -- embassies
tie("russia", "algeria", "diplomatic", true) -- embassies; 2023 strategic partnership
tie("russia", "algeria", "arms_supply")      -- Algeria is a top buyer of Russian arms
-- [A37] the "military and intelligence cooperation" the article says Algiers did not honour
tie("russia", "algeria", "intel_sharing", true)
tie("russia", "lna", "support")              -- Africa Corps logistics through eastern Libya, arms
tie("russia", "gnu", "diplomatic", true)     -- embassy in Tripoli
-- Wagner and Mali
tie("wagner", "fama", "support")             -- combat support under contract
tie("mali", "wagner", "contract")            -- [A40] Bamako pays Wagner (custom kind: no blame effect)
tie("mali", "fama", "support")               -- the state arms and pays its army
tie("mali", "niger", "diplomatic", true)     -- AES
tie("mali", "niger", "support", true)        -- AES mutual-defence pact (Liptako-Gourma charter)
tie("mali", "niger", "intel_sharing", true)  -- AES
tie("wagner", "lna", "support")              -- Wagner's presence beside the LNA since 2019
-- Ukraine: diplomatic ties with Mali and Niger still stand before the ambush
tie("ukraine", "mali", "diplomatic", true)
tie("ukraine", "niger", "diplomatic", true)
tie("ukraine", "algeria", "diplomatic", true)
tie("ukraine", "hur", "support")             -- HUR is a state service
-- [A28] HUR's help to the CSP existed before the ambush but was secret: it is a custom kind that
-- the built-in blame ignores; the scenarios turn it into a public `support` tie when Yusov speaks.
-- Its help to JNIM [A29] is a claim of the article, a param of W.claims.
tie("hur", "csp", "covert_support")
-- Algeria's ties that Mali and Niger decry (article) and that are public fact. The alleged ones
-- (support to the CSP, shelter to JNIM) are params of W.claims, off by default.
tie("algeria", "csp", "diplomatic")          -- [A44] hosts CSP delegations (December 2023)
tie("algeria", "dicko", "diplomatic")        -- [A46] received Dicko in Algiers (Dec 2023)
tie("algeria", "mali", "diplomatic", true)   -- strained but not broken
tie("algeria", "niger", "diplomatic", true)
tie("algeria", "gnu", "diplomatic", true)    -- Algiers backs Tripoli
tie("csp", "jnim", "coordination", true)     -- tactical coordination at Tinzaouaten (custom kind)

---------------------------------------------------------------------------------------------
-- Wars as of July 2024. Built-in combat fights only between agents at war (docs/dynamics.md);
-- hostility alone, or a grievance, does not start one until it has lasted `war_days` both ways.
---------------------------------------------------------------------------------------------

W.wars = {
  { "russia", "ukraine" },   -- full-scale invasion since February 2022
  { "russia", "hur" },       -- HUR's operations against Russia
  { "wagner", "ukraine" },   -- Wagner fought at Bakhmut (2022-23)
  { "wagner", "hur" },
  { "wagner", "csp" },       -- the northern offensive since August 2023, Kidal taken in November 2023
  { "wagner", "jnim" },      -- Moura (2022), constant ambushes since
  -- [A41] Mali "has been fighting various insurgencies in the north ... for more than a decade":
  -- the Tuareg rebellion and the jihadists since 2012. The wars stand from the start; what the
  -- decade did to forces is in the strengths below (a force worn down, not a history of it).
  { "fama", "csp", "the northern insurgency since 2012" },  -- the 2015 accord's ceasefire broke down in August 2023
  { "fama", "jnim", "the northern insurgency since 2012" },
  { "mali", "csp", "the northern insurgency since 2012" },
  { "mali", "jnim", "the northern insurgency since 2012" },
  { "niger", "jnim" },       -- JNIM attacks in Tillaberi
}
for _, w in ipairs(W.wars) do sim.war(w[1], w[2], { cause = w[3] or "at war before the run" }) end

---------------------------------------------------------------------------------------------
-- Forces deployed, July 2024 (men; rough public estimates)
---------------------------------------------------------------------------------------------

-- Mali
sim.deploy("wagner", "kidal", 500)      -- main northern base since Kidal was taken (Nov 2023)
sim.deploy("wagner", "gao", 350)        -- base at Gao airport (ex-Barkhane)
sim.deploy("wagner", "bamako", 650)     -- HQ near Bamako airport / Kati; total ~1,500
sim.deploy("fama", "kidal", 1500)       -- garrison of Kidal
sim.deploy("fama", "gao", 3000)         -- Gao, the main northern hub
sim.deploy("fama", "bamako", 6000)      -- capital garrison and Kati
sim.deploy("csp", "tinzaouaten", 500)   -- CSP fighters concentrated on the Algerian border after losing Kidal
sim.deploy("jnim", "tinzaouaten", 150)  -- JNIM unit in the area (Tinzaouaten once hosted its HQ), joined the ambush
-- Niger
sim.deploy("niger", "niamey", 5000)     -- capital garrison
sim.deploy("russia", "niamey", 100)     -- Africa Corps instructors, arrived April 2024
-- Algeria
sim.deploy("algeria", "bordj_badji_mokhtar", 3000) -- southern border units of the 6th Military Region
sim.deploy("algeria", "tamanrasset", 8000)         -- HQ of the 6th Military Region
sim.deploy("algeria", "algiers", 20000)            -- central reserve (part of the 1st Military Region)
sim.deploy("algeria", "ouargla", 6000)             -- HQ of the 4th Military Region (Libyan border)
sim.deploy("algeria", "debdeb", 1000)              -- border garrison and border guards at Debdeb
-- Libya
sim.deploy("lna", "benghazi", 8000)     -- LNA heartland
sim.deploy("lna", "sabha", 4000)        -- Fezzan units incl. Tariq bin Ziyad brigade detachments
sim.deploy("russia", "sabha", 300)      -- Africa Corps at Brak al-Shati / Tamanhint near Sabha
sim.deploy("russia", "benghazi", 700)   -- Africa Corps at al-Khadim / Benina (Libya total ~1,800)
sim.deploy("gnu", "tripoli", 8000)      -- Tripoli brigades aligned with Dbeibah
sim.deploy("gnu", "ghadames", 300)      -- local security units and border guards in Ghadames

---------------------------------------------------------------------------------------------
-- Helpers for the scenarios
---------------------------------------------------------------------------------------------

-- Total deployed strength of an agent (sum over regions).
function W.total(agent)
  return sim.strength(agent)
end

-- Strength of an agent in one region (0 when absent).
function W.at(agent, region_id)
  return sim.strength(agent, region_id)
end

function W.has(list, x)
  for _, v in ipairs(list) do if v == x then return true end end
  return false
end

function W.clamp(x, lo, hi)
  if x < lo then return lo elseif x > hi then return hi else return x end
end

-- Hostile in attitude (either side at or below `hostility`); whether they fight is sim.at_war.
function W.hostile(a, b, hostility)
  hostility = hostility or sim.dynamics().hostility
  return sim.alignment(a, b) <= hostility or sim.alignment(b, a) <= hostility
end

-- sim.move with bookkeeping: never asks for more than is there nor less than a force can be
-- (min_force, at least one man), returns the days (or nil when nothing moved) and remembers the
-- strength in transit (sim.forces may not count it).
W.moving = {}
function W.move(agent, from, to, strength)
  local have = W.at(agent, from)
  strength = math.min(strength or have, have)
  if strength < math.max(1, sim.dynamics().min_force) then return nil end
  local days = sim.move(agent, from, to, strength)
  W.moving[#W.moving + 1] = { agent = agent, strength = strength, eta = sim.tick() + math.max(1, math.ceil(days)) }
  return days
end

-- Strength of an agent still on the road (moves made through W.move).
function W.in_transit(agent)
  local s, now = 0, sim.tick()
  for _, m in ipairs(W.moving) do
    if m.agent == agent and m.eta > now then s = s + m.strength end
  end
  return s
end

-- Who holds a region: the agent with the largest force there (of at least `min`, default 5: token
-- forces do not count); "contested" while any force of at least `min` hostile to that agent is
-- present (at war with it, or hostile in attitude either way); "nobody" when nobody is there.
-- Allies do not contest: Wagner with FAMa beside it holds a town only once the CSP and JNIM are
-- gone (the rule used to compare the largest force with the second only, an ally here, and called
-- a town held while the battle for it went on).
function W.holder(region_id, min)
  min = min or 5
  local best, best_s = nil, 0
  for _, a in ipairs(W.agents) do
    local s = W.at(a, region_id)
    if s >= min and s > best_s then best, best_s = a, s end
  end
  if not best then return "nobody" end
  for _, a in ipairs(W.agents) do
    if a ~= best and W.at(a, region_id) >= min and (sim.at_war(best, a) or W.hostile(best, a)) then
      return "contested"
    end
  end
  return best
end

---------------------------------------------------------------------------------------------
-- Contested claims, as params (setup). The article reports accusations and characterisations
-- [A52] ("according to press reports", "some analysts", what Mali and Niger "decry"): none is a
-- hard fact here. Every scenario calls W.claims(), so each can be switched in every scenario.
---------------------------------------------------------------------------------------------

function W.claims()
  local c = {}
  -- [A35] [A44] Algiers' alleged support of the separatists: alleged by Bamako and Niamey, and by
  -- Moscow per the article; Algiers denies any. Off by default: with it, the built-in blame turns
  -- Wagner's and FAMa's losses into grievance toward Algiers through the support tie.
  c.algeria_complicity = sim.param("algeria_complicity", false, {
    doc = "The alleged algeria->csp support tie (as Bamako, Niamey and Moscow allege, Algiers denies): true makes the built-in blame reach Algiers through it; off by default, an accusation, not a fact" })
  -- [A45] Algiers' alleged tolerance of Iyad ag Ghali's JNIM (Bamako's accusation; Algeria fought
  -- the jihadists, In Amenas 2013). Off by default; on, a support tie that carries blame.
  c.algeria_shelters_jnim = sim.param("algeria_shelters_jnim", false, {
    doc = "The alleged algeria->jnim shelter (Bamako's accusation) as a support tie; off by default" })
  -- [A29] The article: Yusov acknowledged "the support provided to Tuareg rebels and jihadists".
  -- Yusov's own words (29 July 2024) named the rebels, who "received the necessary information";
  -- Bamako's statement of 4 August accused Kyiv of backing "terrorist groups". On by default, as
  -- the article has it; false = the help went to the CSP alone.
  c.hur_helped_jnim = sim.param("hur_helped_jnim", true, {
    doc = "HUR's help reached JNIM as well as the CSP (the article: 'Tuareg rebels and jihadists'); false = the CSP alone (Yusov's words)" })
  -- [A35] What Algeria knew: whether its intelligence knew of HUR's help to the rebels before the
  -- ambush. Nothing public settles it; drawn once per run. Moscow's grievance does not depend on
  -- it (Moscow assumes Algiers knew), Algiers' resentment of the accusation does. Drawn by the
  -- first hook of the run, not here: a setup that draws nothing is the same in every run of a
  -- batch, which then sets up once (docs/scenario-api.md, "Setup"). It is still the run's first
  -- draw, so each seed draws what it drew when setup did it (a run of no steps draws it for its outcome).
  local p_knew = sim.param("algeria_knew", 0.5, { min = 0.0, max = 1.0,
    doc = "Chance that Algerian intelligence knew of HUR's help to the rebels before the ambush (drawn once per run; unknown, hence 0.5)" })
  function c.draw_knew()
    if c.knew == nil then c.knew = sim.chance(p_knew) end
    return c.knew
  end
  sim.at(0, c.draw_knew)
  if c.algeria_complicity then sim.tie("algeria", "csp", "support") end
  if c.algeria_shelters_jnim then sim.tie("algeria", "jnim", "support") end
  if c.hur_helped_jnim then
    sim.tie("hur", "jnim", "covert_support")
    sim.align("hur", "jnim", 0.25)    -- help through the coalition, not an alliance
    sim.align("jnim", "hur", 0.15)
  end
  W.c = c
  return c
end

---------------------------------------------------------------------------------------------
-- The diplomatic aftermath, shared by every scenario
---------------------------------------------------------------------------------------------

-- Mali or Niger cutting diplomatic ties with Ukraine [A31] [A32] (4 and 6 August 2024).
W.cut_on = {}   -- state -> tick of its cut
function W.cut_with_ukraine(state)
  if sim.tied(state, "ukraine", "diplomatic") then
    sim.cut(state, "ukraine", "diplomatic", { mutual = true })
    sim.shift("ukraine", state, -0.2)       -- Kyiv calls the decision short-sighted
    W.cut_on[state] = sim.tick()
    sim.log(state .. " cuts diplomatic ties with Ukraine")
    return true
  end
  return false
end

-- Days from date a to date b ("YYYY-MM-DD"), by the Gregorian calendar.
local function day_number(d)
  local y, m, dd = d:match("^(%d+)-(%d+)-(%d+)$")
  y, m, dd = tonumber(y), tonumber(m), tonumber(dd)
  if m <= 2 then y, m = y - 1, m + 12 end
  return 365 * y + y // 4 - y // 100 + y // 400 + (153 * (m - 3) + 2) // 5 + dd
end
function W.days_between(a, b) return day_number(b) - day_number(a) end

-- The tick of a date in this run (one day per tick, as in every Sahel scenario).
function W.tick_of(date) return sim.tick() + W.days_between(sim.date(), date) end

-- Whether `state` cut its ties with Kyiv on `date`, give or take a day (the decision and its
-- announcement can fall on either side of midnight).
function W.cut_on_date(state, date)
  local t = W.cut_on[state]
  return t ~= nil and math.abs(t - W.tick_of(date)) <= 1
end

-- Yusov's statement [A30]: HUR's covert help becomes public support, to the CSP and, when it went
-- there too (W.claims), to JNIM.
function W.acknowledge_hur()
  if sim.tied("hur", "csp", "covert_support") then sim.cut("hur", "csp", "covert_support") end
  sim.tie("hur", "csp", "support")
  sim.tie("hur", "csp", "intel_sharing")  -- "the necessary information" (Yusov)
  if sim.tied("hur", "jnim", "covert_support") then
    sim.cut("hur", "jnim", "covert_support")
    sim.tie("hur", "jnim", "support")
  end
end

-- Moscow's reckoning with Algiers after the ambush: Algeria's silence as its own mechanism.
-- [A35] Moscow is angry with Algiers "for failing to tip it off" over HUR's support: the grievance
-- is a silence, not complicity, and it needs no support tie. With the intelligence cooperation in
-- force, the silence is [A37] Algeria "not honoring its military and intelligence cooperation",
-- an event. [A36] Moscow holds Algiers "accountable for the death of Wagner members and Malian
-- allies": the anger grows with the dead. [A34] Russia is "reportedly angry with Algeria".
-- o.warned: Algiers did tip Moscow off (then there is no grievance, and cooperation is credited);
-- o.knew: Algiers really knew (Moscow assumes it did; Algiers resents an accusation of what it did
-- not know twice as much); o.blame: the size of the anger; o.dead: Wagner and FAMa men lost.
W.MOSCOW_BLAME = 0.2
W.silence = { warned = false, breach = false, reckoned = false }
function W.reckoning(o)
  local blame = o.blame or W.MOSCOW_BLAME
  W.silence.reckoned = true
  W.silence.warned = o.warned and true or false
  if o.warned then
    sim.shift("russia", "algeria", 0.25 * blame)   -- the cooperation worked
    sim.emit("warning_honoured", { agents = { "russia", "algeria" } })
    sim.log("Moscow credits Algiers with the warning")
    return
  end
  if sim.tied("algeria", "russia", "intel_sharing") then
    W.silence.breach = true
    sim.emit("cooperation_breach", { agents = { "algeria", "russia" },
      reason = "did not tip Moscow off about Ukraine's support to the rebels", knew = o.knew and true or false })
  end
  -- [A27] [A36] The dead of Wagner and of its Malian allies weigh: 200 is the ~80 + ~120 lost.
  local weight = W.clamp((o.dead or 200) / 200, 0.5, 1.5)
  sim.shift("russia", "algeria", -blame * weight)
  sim.shift("algeria", "russia", -(o.knew and 0.25 or 0.5) * blame)
  sim.emit("blame", { agents = { "russia", "algeria" }, reason = "failed to tip it off", dead = o.dead or 200 })
  sim.log("Moscow blames Algiers for failing to tip it off")
end

-- State of the world a few days after the ambush, for scenarios that start after it (about
-- 1 August 2024): the column's losses, the grievances, Yusov's statement (29 July) already made.
-- The grievances are shifts, as they would be on day 0: decay pulls them back toward the
-- pre-ambush baselines set above, as it does in tinzaouaten.lua. Moscow's anger at Algiers'
-- silence was reported on 31 July; a run that starts on 1 August has it on its first day (the
-- record: Algiers had not warned). With schedule_cuts, Mali's (4 Aug) and Niger's (6 Aug) breaks
-- with Kyiv are scheduled by date.
W.ambush_losses = { wagner = 80, fama = 120 }  -- CSP claims (2 Aug 2024): 84 Wagner, 47 FAMa killed; plus wounded/captured
function W.after_ambush(opts)
  opts = opts or {}
  -- The column came from Kidal. The grievances are the explicit shifts below, so no `by`.
  sim.loss("wagner", "kidal", W.ambush_losses.wagner, { cause = "Tinzaouaten ambush" })
  sim.loss("fama", "kidal", W.ambush_losses.fama, { cause = "Tinzaouaten ambush" })
  sim.loss("csp", "tinzaouaten", 25, { cause = "Tinzaouaten ambush" })  -- CSP admitted a few dozen losses
  sim.shift("wagner", "csp", -0.1)          -- revenge
  sim.shift("wagner", "algeria", -0.3)      -- ambush next to the Algerian border
  sim.shift("fama", "algeria", -0.2)
  sim.shift("mali", "ukraine", -0.4)        -- Yusov's statement (29 July)
  sim.shift("niger", "ukraine", -0.4)
  sim.shift("mali", "algeria", -0.1)
  sim.shift("russia", "ukraine", -0.05)
  W.acknowledge_hur()
  sim.at(0, function()
    W.reckoning{ warned = false, knew = W.c and W.c.knew, dead = W.ambush_losses.wagner + W.ambush_losses.fama }
  end)
  if opts.schedule_cuts then
    sim.at("2024-08-04", function() W.cut_with_ukraine("mali") end)
    sim.at("2024-08-06", function() W.cut_with_ukraine("niger") end)
  end
end

---------------------------------------------------------------------------------------------
-- The record: trackers the scenarios' sim.observed facts read at the end of a run
---------------------------------------------------------------------------------------------

-- Russia-Algeria relations over the run: the lowest russia->algeria seen, and whether either side
-- cut diplomatic ties. A rupture is either.
W.relations = { low = 1.0, cut = false }
function W.track_relations()
  local function look()
    local a = sim.alignment("russia", "algeria")
    if a < W.relations.low then W.relations.low = a end
  end
  sim.on("tick", look)
  sim.on("tie_cut", function(ev)
    if ev.data.kind == "diplomatic" and W.has(ev.agents, "russia") and W.has(ev.agents, "algeria") then
      W.relations.cut = true
    end
  end)
end
function W.no_rupture(rupture_at)
  local low = math.min(W.relations.low, sim.alignment("russia", "algeria"))
  return low >= rupture_at and not W.relations.cut
end

return W
