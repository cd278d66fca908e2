"""world.lua as Python data: the actors, the map, the starting alignments, ties and forces of the
Sahel/Libya scenarios (as of about 20 July 2024), W.claims' ties, and world.lua's after_ambush changes.

The map's travel distances (shortest path over the links, great-circle where no path exists) are
computed once at import: the map is the same in every run. Everything else is plain data that
GhadamesModel.__init__ turns into its arrays; the comments of world.lua give the sources of the values.
"""

import math

# ---------------------------------------------------------------------------------------------
# Agents, in declaration order: (id, name, kind, effectiveness, patron, resources)
# ---------------------------------------------------------------------------------------------
AGENTS = [
    ("russia", "Russian Federation", "state", 0.05, None,
     {"strength": 1150000, "funds": 110000, "legitimacy": 0.5}),
    ("wagner", "Wagner Group (Mali contingent, turning into Africa Corps)", "pmc", 0.06, "russia",
     {"strength": 1500, "funds": 250, "legitimacy": 0.2}),
    ("mali", "Malian transitional government (junta of Assimi Goita)", "state", 0.05, None,
     {"strength": 40000, "funds": 900, "legitimacy": 0.55}),
    ("fama", "Malian Armed Forces (FAMa)", "military", 0.035, "mali",
     {"strength": 40000, "funds": 0, "legitimacy": 0.6}),
    ("niger", "Niger (CNSP junta of Abdourahamane Tiani)", "state", 0.035, None,
     {"strength": 33000, "funds": 300, "legitimacy": 0.5}),
    ("algeria", "Algeria (the article's 'ruling junta': Tebboune government and ANP)", "state", 0.06, None,
     {"strength": 130000, "funds": 21600, "legitimacy": 0.7}),
    ("ukraine", "Ukraine", "state", 0.05, None,
     {"strength": 900000, "funds": 44000, "legitimacy": 0.75}),
    ("hur", "Ukraine's military intelligence (HUR; spokesman Andrii Yusov)", "intel_service", 0.05, "ukraine",
     {"strength": 5000, "funds": 500, "legitimacy": 0.5}),
    ("csp", "CSP-DPA (Tuareg separatist coalition)", "armed_group", 0.03, None,
     {"strength": 3000, "funds": 20, "legitimacy": 0.4}),
    ("jnim", "JNIM (Iyad ag Ghali's al-Qaeda affiliate)", "armed_group", 0.05, None,
     {"strength": 6000, "funds": 50, "legitimacy": 0.15}),
    ("lna", "Libyan National Army (Field Marshal Khalifa Haftar)", "military", 0.045, None,
     {"strength": 25000, "funds": 2000, "legitimacy": 0.35}),
    ("gnu", "Government of National Unity (Tripoli, Abdul Hamid Dbeibah)", "state", 0.04, None,
     {"strength": 20000, "funds": 3000, "legitimacy": 0.5}),
    ("dicko", "Imam Mahmoud Dicko", "figure", 0.05, None,
     {"strength": 0, "funds": 1, "legitimacy": 0.6}),
]
AGENT_IDS = [a[0] for a in AGENTS]
AGENT_INDEX = {a: i for i, a in enumerate(AGENT_IDS)}

# ---------------------------------------------------------------------------------------------
# Regions: (id, name, country, lat, lon)
# ---------------------------------------------------------------------------------------------
REGIONS = [
    ("tinzaouaten", "Tinzaouaten (Kidal region, Algerian border)", "mali", 19.9486, 2.9678),
    ("tinzaouaten_outskirts", "Outskirts of Tinzaouaten (the column's position, 26-27 July 2024)", "mali",
     19.88, 2.88),
    ("kidal", "Kidal", "mali", 18.4411, 1.4078),
    ("gao", "Gao", "mali", 16.2717, -0.0447),
    ("bamako", "Bamako", "mali", 12.6392, -8.0029),
    ("niamey", "Niamey", "niger", 13.5116, 2.1254),
    ("bordj_badji_mokhtar", "Bordj Badji Mokhtar", "algeria", 21.3290, 0.9510),
    ("tamanrasset", "Tamanrasset", "algeria", 22.7850, 5.5228),
    ("algiers", "Algiers", "algeria", 36.7538, 3.0588),
    ("ouargla", "Ouargla (HQ of the 4th Military Region)", "algeria", 31.9493, 5.3250),
    ("debdeb", "Debdeb", "algeria", 29.9675, 9.4239),
    ("crossing", "Ghadames-Debdeb border crossing", None, 30.0500, 9.4600),
    ("ghadames", "Ghadames", "gnu", 30.1337, 9.5007),
    ("derj", "Derj (junction ~100 km east of Ghadames)", "gnu", 30.1500, 10.4400),
    ("tripoli", "Tripoli", "gnu", 32.8872, 13.1913),
    ("sabha", "Sabha", "lna", 27.0377, 14.4283),
    ("benghazi", "Benghazi", "lna", 32.1167, 20.0667),
    ("moscow", "Moscow", "russia", 55.7558, 37.6173),
    ("kyiv", "Kyiv", "ukraine", 50.4501, 30.5234),
]
REGION_IDS = [r[0] for r in REGIONS]
REGION_INDEX = {r: i for i, r in enumerate(REGION_IDS)}

# Links: (a, b, km or None for the great-circle distance)
LINKS = [
    ("kidal", "tinzaouaten_outskirts", None), ("tinzaouaten_outskirts", "tinzaouaten", None),
    ("kidal", "gao", None), ("gao", "bamako", 1200),
    ("gao", "niamey", None), ("kidal", "bordj_badji_mokhtar", None),
    ("tinzaouaten", "bordj_badji_mokhtar", None), ("tinzaouaten", "tamanrasset", None),
    ("tamanrasset", "algiers", 1950), ("bordj_badji_mokhtar", "algiers", None),
    ("tamanrasset", "ouargla", None), ("algiers", "ouargla", None), ("ouargla", "debdeb", None),
    ("debdeb", "crossing", None), ("crossing", "ghadames", None), ("ghadames", "derj", None),
    ("derj", "tripoli", None), ("derj", "sabha", None), ("sabha", "benghazi", None),
    ("tripoli", "benghazi", 1050),
]

EARTH_RADIUS_KM = 6371.0088


def great_circle_km(a, b):
    """Haversine distance between two regions (indices), as Region.greatCircleKm."""
    _, _, _, lat1, lon1 = REGIONS[a]
    _, _, _, lat2, lon2 = REGIONS[b]
    rad = math.pi / 180
    s_lat = math.sin((lat2 - lat1) * rad / 2)
    s_lon = math.sin((lon2 - lon1) * rad / 2)
    h = s_lat * s_lat + math.cos(lat1 * rad) * math.cos(lat2 * rad) * s_lon * s_lon
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _travel_table():
    """Floyd-Warshall over the links; great-circle distance where no path exists."""
    n = len(REGIONS)
    d = [[math.inf] * n for _ in range(n)]
    for i in range(n):
        d[i][i] = 0.0
    for a, b, km in LINKS:
        i, j = REGION_INDEX[a], REGION_INDEX[b]
        km = great_circle_km(i, j) if km is None else float(km)
        d[i][j] = min(d[i][j], km)
        d[j][i] = min(d[j][i], km)
    for k in range(n):
        for i in range(n):
            if d[i][k] == math.inf:
                continue
            for j in range(n):
                via = d[i][k] + d[k][j]
                if via < d[i][j]:
                    d[i][j] = via
    return [[d[i][j] if d[i][j] != math.inf else great_circle_km(i, j) for j in range(n)] for i in range(n)]


TRAVEL_KM = _travel_table()

# ---------------------------------------------------------------------------------------------
# Starting alignments, in world.lua's order: (a, b, value, mutual)
# ---------------------------------------------------------------------------------------------
B, O = True, False  # both (mutual) / one way
ALIGNMENTS = [
    # Russia and its partners
    ("russia", "wagner", 0.8, O), ("wagner", "russia", 0.7, O), ("russia", "mali", 0.75, B),
    ("russia", "niger", 0.6, B), ("russia", "fama", 0.6, B), ("russia", "algeria", 0.55, O),
    ("algeria", "russia", 0.5, O), ("russia", "lna", 0.6, B), ("russia", "gnu", 0.0, O),
    ("gnu", "russia", -0.15, O), ("russia", "ukraine", -0.95, B), ("russia", "hur", -0.95, O),
    ("hur", "russia", -1.0, O), ("russia", "csp", -0.7, O), ("csp", "russia", -0.8, O),
    ("russia", "jnim", -0.8, B), ("russia", "dicko", -0.3, O), ("dicko", "russia", -0.2, O),
    # Wagner in Mali
    ("wagner", "mali", 0.65, B), ("wagner", "fama", 0.6, O), ("fama", "wagner", 0.5, O),
    ("wagner", "csp", -0.9, B), ("wagner", "jnim", -0.9, B), ("wagner", "algeria", -0.1, O),
    ("algeria", "wagner", -0.4, O), ("wagner", "ukraine", -0.9, B), ("wagner", "hur", -0.9, B),
    ("wagner", "lna", 0.5, B),
    # Mali, FAMa, Niger (AES)
    ("mali", "fama", 0.9, B), ("mali", "niger", 0.9, B), ("fama", "niger", 0.7, B),
    ("niger", "wagner", 0.4, B), ("mali", "algeria", -0.45, O), ("algeria", "mali", -0.2, O),
    ("fama", "algeria", -0.3, O), ("niger", "algeria", -0.2, O), ("algeria", "niger", 0.1, O),
    ("mali", "ukraine", -0.3, O), ("ukraine", "mali", 0.0, O), ("niger", "ukraine", -0.15, O),
    ("ukraine", "niger", 0.0, O), ("mali", "csp", -0.9, B), ("fama", "csp", -0.9, B),
    ("mali", "jnim", -0.9, B), ("fama", "jnim", -0.9, B), ("niger", "jnim", -0.85, B),
    ("niger", "csp", -0.4, O), ("csp", "niger", -0.3, O), ("mali", "dicko", -0.45, O),
    ("dicko", "mali", -0.3, O), ("mali", "lna", 0.1, O), ("mali", "hur", -0.3, O),
    ("hur", "mali", -0.3, O), ("hur", "fama", -0.4, O), ("fama", "hur", -0.4, O),
    ("fama", "ukraine", -0.3, O), ("ukraine", "fama", 0.0, O), ("niger", "hur", -0.2, O),
    ("hur", "niger", -0.1, O),
    # Algeria's web
    ("algeria", "csp", 0.35, O), ("csp", "algeria", 0.45, O), ("algeria", "jnim", -0.6, O),
    ("jnim", "algeria", -0.3, O), ("algeria", "dicko", 0.4, O), ("dicko", "algeria", 0.5, O),
    ("algeria", "gnu", 0.5, B), ("algeria", "lna", -0.35, O), ("lna", "algeria", -0.3, O),
    ("algeria", "ukraine", 0.0, O), ("ukraine", "algeria", 0.1, O), ("algeria", "hur", 0.0, O),
    # Ukraine, HUR and the northern coalition
    ("ukraine", "hur", 0.9, B), ("hur", "csp", 0.5, O), ("csp", "hur", 0.45, O),
    ("ukraine", "csp", 0.2, O), ("csp", "ukraine", 0.3, O), ("hur", "jnim", 0.05, O),
    ("jnim", "hur", 0.0, O), ("ukraine", "jnim", -0.4, O), ("jnim", "ukraine", 0.0, O),
    ("csp", "jnim", 0.3, B), ("dicko", "jnim", 0.1, O), ("dicko", "csp", 0.1, O),
    # Libya
    ("lna", "gnu", -0.4, B), ("lna", "mali", 0.1, O), ("ukraine", "gnu", 0.1, O),
    ("ukraine", "lna", -0.2, B), ("hur", "lna", -0.3, O), ("gnu", "wagner", -0.6, B),
    ("csp", "lna", 0.0, B),
]

# Ties as of July 2024: (from, to, kind, mutual)
TIES = [
    ("russia", "wagner", "support", O), ("russia", "mali", "arms_supply", O),
    ("russia", "mali", "diplomatic", B), ("russia", "niger", "support", O),
    ("russia", "niger", "diplomatic", B), ("russia", "algeria", "diplomatic", B),
    ("russia", "algeria", "arms_supply", O), ("russia", "algeria", "intel_sharing", B),
    ("russia", "lna", "support", O), ("russia", "gnu", "diplomatic", B),
    ("wagner", "fama", "support", O), ("mali", "wagner", "contract", O),
    ("mali", "fama", "support", O), ("mali", "niger", "diplomatic", B),
    ("mali", "niger", "support", B), ("mali", "niger", "intel_sharing", B),
    ("wagner", "lna", "support", O),
    ("ukraine", "mali", "diplomatic", B), ("ukraine", "niger", "diplomatic", B),
    ("ukraine", "algeria", "diplomatic", B), ("ukraine", "hur", "support", O),
    ("hur", "csp", "covert_support", O),
    ("algeria", "csp", "diplomatic", O), ("algeria", "dicko", "diplomatic", O),
    ("algeria", "mali", "diplomatic", B), ("algeria", "niger", "diplomatic", B),
    ("algeria", "gnu", "diplomatic", B), ("csp", "jnim", "coordination", B),
]

# Wars as of July 2024 (W.wars, each made with sim.war in setup): (a, b, cause)
_BEFORE, _NORTH = "at war before the run", "the northern insurgency since 2012"
WARS = [
    ("russia", "ukraine", _BEFORE), ("russia", "hur", _BEFORE), ("wagner", "ukraine", _BEFORE),
    ("wagner", "hur", _BEFORE), ("wagner", "csp", _BEFORE), ("wagner", "jnim", _BEFORE),
    ("fama", "csp", _NORTH), ("fama", "jnim", _NORTH), ("mali", "csp", _NORTH), ("mali", "jnim", _NORTH),
    ("niger", "jnim", _BEFORE),
]

# W.claims: the contested claims as params. The alleged ties are made only when their param is on;
# HUR's help to JNIM (on by default) is a covert_support tie with these alignments (sim.align).
CLAIM_TIES = {"algeria_complicity": ("algeria", "csp", "support"),
              "algeria_shelters_jnim": ("algeria", "jnim", "support")}
HUR_JNIM_ALIGNMENTS = [("hur", "jnim", 0.25), ("jnim", "hur", 0.15)]

# Forces deployed, July 2024: (agent, region, men)
FORCES = [
    ("wagner", "kidal", 500), ("wagner", "gao", 350), ("wagner", "bamako", 650),
    ("fama", "kidal", 1500), ("fama", "gao", 3000), ("fama", "bamako", 6000),
    ("csp", "tinzaouaten", 500), ("jnim", "tinzaouaten", 150),
    ("niger", "niamey", 5000), ("russia", "niamey", 100),
    ("algeria", "bordj_badji_mokhtar", 3000), ("algeria", "tamanrasset", 8000),
    ("algeria", "algiers", 20000), ("algeria", "ouargla", 6000), ("algeria", "debdeb", 1000),
    ("lna", "benghazi", 8000), ("lna", "sabha", 4000),
    ("russia", "sabha", 300), ("russia", "benghazi", 700),
    ("gnu", "tripoli", 8000), ("gnu", "ghadames", 300),
]

# world.lua's after_ambush (about 1 August 2024): losses (sim.loss, no `by`) and alignment shifts
# made in setup; the shifts leave the baselines where sim.align put them. Moscow's anger at Algiers'
# silence is W.reckoning, a sim.at hook of tick 0 (GhadamesModel.reckoning).
AMBUSH_LOSSES = [("wagner", "kidal", 80), ("fama", "kidal", 120), ("csp", "tinzaouaten", 25)]
AMBUSH_SHIFTS = [
    ("wagner", "csp", -0.1), ("wagner", "algeria", -0.3), ("fama", "algeria", -0.2),
    ("mali", "ukraine", -0.4), ("niger", "ukraine", -0.4), ("mali", "algeria", -0.1),
    ("russia", "ukraine", -0.05),
]
MOSCOW_BLAME = 0.2                    # W.MOSCOW_BLAME
AMBUSH_DEAD = 80 + 120                # W.ambush_losses.wagner + .fama
# Mali's (4 Aug) and Niger's (6 Aug) breaks with Kyiv, scheduled by date
SCHEDULED_CUTS = [("2024-08-04", "mali"), ("2024-08-06", "niger")]
START_DATE = "2024-08-01"

# The agents W.holder looks at, in W.agents order (declaration order)
HOLDER_AGENTS = list(range(len(AGENT_IDS)))
