// SahelData: scenarios/sahel/world.lua written against SimCore — the agents, regions, links,
// starting alignments, ties, wars and forces of mid-July 2024 (the helpers W.* that ghadames.lua and
// border.lua use are in SahelWorld.swift and Ghadames.swift). Every value is the Lua file's; the
// declarations run in the Lua file's order, so agent, region, link, resource and tie-kind indices
// are the same as simrun's. The alleged ties (algeria->csp support, algeria->jnim shelter) are
// W.claims params, off by default (Ghadames.claims).
import SimCore

enum SahelData {
    /// sim.agent{...}: id, name, kind, patron, effectiveness (nil = the default), resources.
    /// Resources are declared in sorted key order (funds, legitimacy, strength), as simrun does.
    static let agents:
        [(
            id: String, name: String, kind: String, patron: String?, effectiveness: Double?,
            strength: Double, funds: Double, legitimacy: Double
        )] = [
            ("russia", "Russian Federation", "state", nil, 0.05, 1_150_000, 110_000, 0.5),
            (
                "wagner", "Wagner Group (Mali contingent, turning into Africa Corps)", "pmc", "russia", 0.06, 1500, 250,
                0.2
            ),
            ("mali", "Malian transitional government (junta of Assimi Goita)", "state", nil, nil, 40000, 900, 0.55),
            ("fama", "Malian Armed Forces (FAMa)", "military", "mali", 0.035, 40000, 0, 0.6),
            ("niger", "Niger (CNSP junta of Abdourahamane Tiani)", "state", nil, 0.035, 33000, 300, 0.5),
            (
                "algeria", "Algeria (the article's 'ruling junta': Tebboune government and ANP)", "state", nil, 0.06,
                130_000, 21600, 0.7
            ),
            ("ukraine", "Ukraine", "state", nil, nil, 900_000, 44000, 0.75),
            (
                "hur", "Ukraine's military intelligence (HUR; spokesman Andrii Yusov)", "intel_service", "ukraine", nil,
                5000, 500, 0.5
            ),
            ("csp", "CSP-DPA (Tuareg separatist coalition)", "armed_group", nil, 0.03, 3000, 20, 0.4),
            ("jnim", "JNIM (Iyad ag Ghali's al-Qaeda affiliate)", "armed_group", nil, 0.05, 6000, 50, 0.15),
            ("lna", "Libyan National Army (Field Marshal Khalifa Haftar)", "military", nil, 0.045, 25000, 2000, 0.35),
            (
                "gnu", "Government of National Unity (Tripoli, Abdul Hamid Dbeibah)", "state", nil, 0.04, 20000, 3000,
                0.5
            ),
            ("dicko", "Imam Mahmoud Dicko", "figure", nil, nil, 0, 1, 0.6),
        ]

    /// region(id, name, country, lat, lon).
    static let regions: [(id: String, name: String, country: String?, lat: Double, lon: Double)] = [
        ("tinzaouaten", "Tinzaouaten (Kidal region, Algerian border)", "mali", 19.9486, 2.9678),
        (
            "tinzaouaten_outskirts", "Outskirts of Tinzaouaten (the column's position, 26-27 July 2024)", "mali",
            19.88, 2.88
        ),
        ("kidal", "Kidal", "mali", 18.4411, 1.4078),
        ("gao", "Gao", "mali", 16.2717, -0.0447),
        ("bamako", "Bamako", "mali", 12.6392, -8.0029),
        ("niamey", "Niamey", "niger", 13.5116, 2.1254),
        ("bordj_badji_mokhtar", "Bordj Badji Mokhtar", "algeria", 21.3290, 0.9510),
        ("tamanrasset", "Tamanrasset", "algeria", 22.7850, 5.5228),
        ("algiers", "Algiers", "algeria", 36.7538, 3.0588),
        ("ouargla", "Ouargla (HQ of the 4th Military Region)", "algeria", 31.9493, 5.3250),
        ("debdeb", "Debdeb", "algeria", 29.9675, 9.4239),
        ("crossing", "Ghadames-Debdeb border crossing", nil, 30.0500, 9.4600),
        ("ghadames", "Ghadames", "gnu", 30.1337, 9.5007),
        ("derj", "Derj (junction ~100 km east of Ghadames)", "gnu", 30.1500, 10.4400),
        ("tripoli", "Tripoli", "gnu", 32.8872, 13.1913),
        ("sabha", "Sabha", "lna", 27.0377, 14.4283),
        ("benghazi", "Benghazi", "lna", 32.1167, 20.0667),
        ("moscow", "Moscow", "russia", 55.7558, 37.6173),
        ("kyiv", "Kyiv", "ukraine", 50.4501, 30.5234),
    ]

    /// sim.link(a, b, km): km nil = great-circle distance.
    static let links: [(a: String, b: String, km: Double?)] = [
        ("kidal", "tinzaouaten_outskirts", nil),
        ("tinzaouaten_outskirts", "tinzaouaten", nil),
        ("kidal", "gao", nil),
        ("gao", "bamako", 1200),
        ("gao", "niamey", nil),
        ("kidal", "bordj_badji_mokhtar", nil),
        ("tinzaouaten", "bordj_badji_mokhtar", nil),
        ("tinzaouaten", "tamanrasset", nil),
        ("tamanrasset", "algiers", 1950),
        ("bordj_badji_mokhtar", "algiers", nil),
        ("tamanrasset", "ouargla", nil),
        ("algiers", "ouargla", nil),
        ("ouargla", "debdeb", nil),
        ("debdeb", "crossing", nil),
        ("crossing", "ghadames", nil),
        ("ghadames", "derj", nil),
        ("derj", "tripoli", nil),
        ("derj", "sabha", nil),
        ("sabha", "benghazi", nil),
        ("tripoli", "benghazi", 1050),
    ]

    /// one(a, b, v) / both(a, b, v): sim.align(a, b, v[, {mutual = true}]).
    static let alignments: [(a: String, b: String, value: Double, mutual: Bool)] = [
        ("russia", "wagner", 0.8, false),  // patron; Wagner under MoD/GRU control since the 2023 mutiny
        ("wagner", "russia", 0.7, false),  // loyal but resentful since Prigozhin's death (Aug 2023)
        ("russia", "mali", 0.75, true),  // Bamako's main partner since 2021; it invited Wagner
        ("russia", "niger", 0.6, true),  // Africa Corps instructors in Niamey since April 2024
        ("russia", "fama", 0.6, true),  // Russian arms, helicopters and trainers for the Malian army
        ("russia", "algeria", 0.55, false),  // "traditional ally" (article); 2023 deepened strategic partnership
        ("algeria", "russia", 0.5, false),  // friendly but uneasy with Wagner on its southern border
        ("russia", "lna", 0.6, true),  // Moscow backs Haftar (Yevkurov visits 2023-24, bases in the east)
        ("russia", "gnu", 0.0, false),  // Russia keeps lines to Tripoli (embassy reopening 2023-24)
        ("gnu", "russia", -0.15, false),  // Tripoli wary of Russian forces with Haftar
        ("russia", "ukraine", -0.95, true),  // at war since February 2022
        ("russia", "hur", -0.95, false),  // HUR runs operations against Russia
        ("hur", "russia", -1.0, false),  // idem
        ("russia", "csp", -0.7, false),  // separatists fight Moscow's client and its contractors
        ("csp", "russia", -0.8, false),  // Wagner led the Kidal offensive of November 2023
        ("russia", "jnim", -0.8, true),  // jihadists fight Wagner and the juntas
        ("russia", "dicko", -0.3, false),  // Dicko is seen in Bamako and Moscow as close to Algiers
        ("dicko", "russia", -0.2, false),  // critical of the junta's foreign backers
        ("wagner", "mali", 0.65, true),  // contracted by the junta since late 2021
        ("wagner", "fama", 0.6, false),  // joint operations (Kidal 2023), frictions over command
        ("fama", "wagner", 0.5, false),  // idem
        ("wagner", "csp", -0.9, true),  // direct enemies since the 2023 offensive in the north
        ("wagner", "jnim", -0.9, true),  // direct enemies (Moura 2022, constant ambushes)
        ("wagner", "algeria", -0.1, false),  // suspects Algiers of sheltering CSP leaders
        ("algeria", "wagner", -0.4, false),  // Algiers opposes foreign mercenaries on its border
        ("wagner", "ukraine", -0.9, true),  // Wagner fought at Bakhmut
        ("wagner", "hur", -0.9, true),  // idem
        ("wagner", "lna", 0.5, true),  // Wagner fought beside the LNA since 2019
        ("mali", "fama", 0.9, true),  // the junta is the army's own leadership
        ("mali", "niger", 0.9, true),  // AES mutual-defence charter (2023), confederation 6 July 2024
        ("fama", "niger", 0.7, true),  // brothers in arms of the AES
        ("niger", "wagner", 0.4, true),  // Russia's contractors serve the whole AES; Niamey welcomes them
        ("mali", "algeria", -0.45, false),  // Bamako ended the Algiers Accord (Jan 2024), ambassadors recalled Dec 2023
        ("algeria", "mali", -0.2, false),  // Algiers resents the end of its mediation but stays restrained
        ("fama", "algeria", -0.3, false),  // army blames Algerian sanctuary for the rebels
        ("niger", "algeria", -0.2, false),  // article: Niger decries Algeria's ties; Niamey rejected its 2023 mediation
        ("algeria", "niger", 0.1, false),  // Algiers courts Niamey (gas pipeline, migration)
        ("mali", "ukraine", -0.3, false),  // Mali voted against the UNGA Ukraine resolution of Feb 2023
        ("ukraine", "mali", 0.0, false),  // Kyiv had no quarrel with Bamako before the ambush
        ("niger", "ukraine", -0.15, false),  // the junta follows Moscow's line, no quarrel with Kyiv
        ("ukraine", "niger", 0.0, false),  // idem
        ("mali", "csp", -0.9, true),  // war resumed in 2023, Kidal taken in November 2023
        ("fama", "csp", -0.9, true),  // idem
        ("mali", "jnim", -0.9, true),  // JNIM is the junta's main enemy
        ("fama", "jnim", -0.9, true),  // idem
        ("niger", "jnim", -0.85, true),  // JNIM attacks in Tillaberi
        ("niger", "csp", -0.4, false),  // AES solidarity with Bamako against separatists
        ("csp", "niger", -0.3, false),  // idem
        ("mali", "dicko", -0.45, false),  // junta dissolved Dicko's CMAS (Mar 2024); he is seen as Algiers' man
        ("dicko", "mali", -0.3, false),  // Dicko criticises the junta's transition
        ("mali", "lna", 0.1, false),  // fellow Russian clients, little contact
        ("mali", "hur", -0.3, false),  // Ukraine's intelligence already suspected of helping the north
        ("hur", "mali", -0.3, false),  // Bamako hosts Russia's contractors
        ("hur", "fama", -0.4, false),  // idem, fights beside Wagner
        ("fama", "hur", -0.4, false),  // the army shares the junta's suspicion
        ("fama", "ukraine", -0.3, false),  // follows Bamako's line on the war
        ("ukraine", "fama", 0.0, false),  // no quarrel before the ambush
        ("niger", "hur", -0.2, false),  // Niamey follows Moscow's line
        ("hur", "niger", -0.1, false),  // a Russian partner, but no target
        ("algeria", "csp", 0.35, false),  // host of the Algiers Accord signatories; received them Dec 2023
        ("csp", "algeria", 0.45, false),  // Algeria is their rear base and interlocutor
        ("algeria", "jnim", -0.6, false),  // officially an enemy (In Amenas 2013); Bamako alleges tolerance
        ("jnim", "algeria", -0.3, false),  // jihadists avoid provoking Algiers
        ("algeria", "dicko", 0.4, false),  // Tebboune received Dicko in Algiers in December 2023
        ("dicko", "algeria", 0.5, false),  // idem
        ("algeria", "gnu", 0.5, true),  // Algiers backs the Tripoli government and the UN process
        ("algeria", "lna", -0.35, false),  // Haftar threatened in 2018 to "move the war to Algeria"
        ("lna", "algeria", -0.3, false),  // Haftar sees Algiers as Tripoli's backer
        ("algeria", "ukraine", 0.0, false),  // neutral: abstains at the UN, close to Moscow
        ("ukraine", "algeria", 0.1, false),  // Kyiv courts neutral Algiers
        ("algeria", "hur", 0.0, false),  // no known relation
        ("ukraine", "hur", 0.9, true),  // HUR is Ukraine's own service
        ("hur", "csp", 0.5, false),  // Yusov: the rebels "received the necessary information" (article)
        ("csp", "hur", 0.45, false),  // welcome help against Wagner
        ("ukraine", "csp", 0.2, false),  // official Kyiv keeps its distance
        ("csp", "ukraine", 0.3, false),  // enemy of their enemy
        ("hur", "jnim", 0.05, false),  // article says "rebels and jihadists"; no sign of direct ties
        ("jnim", "hur", 0.0, false),  // none known
        ("ukraine", "jnim", -0.4, false),  // Kyiv condemns al-Qaeda; its help went to the separatists
        ("jnim", "ukraine", 0.0, false),  // indifferent
        ("csp", "jnim", 0.3, true),  // tactical coordination at Tinzaouaten; rivals otherwise
        ("dicko", "jnim", 0.1, false),  // Dicko has argued for talks with the jihadists
        ("dicko", "csp", 0.1, false),  // favours negotiation with the north
        ("lna", "gnu", -0.4, true),  // 2020 ceasefire holds, deep hostility; Aug 2024 standoff
        ("lna", "mali", 0.1, false),  // fellow Russian clients
        ("ukraine", "gnu", 0.1, false),  // Kyiv courts Tripoli against Wagner in Libya
        ("ukraine", "lna", -0.2, true),  // Haftar is Moscow's client; Kyiv is Moscow's enemy
        ("hur", "lna", -0.3, false),  // idem, and the LNA hosts Russian forces
        ("gnu", "wagner", -0.6, true),  // Wagner spearheaded Haftar's 2019-20 assault on Tripoli
        ("csp", "lna", 0.0, true),  // no relation (listed so that it has a baseline)
    ]

    /// tie(a, b, kind, mutual).
    static let ties: [(a: String, b: String, kind: String, mutual: Bool)] = [
        ("russia", "wagner", "support", false),
        ("russia", "mali", "arms_supply", false),
        ("russia", "mali", "diplomatic", true),
        ("russia", "niger", "support", false),
        ("russia", "niger", "diplomatic", true),
        ("russia", "algeria", "diplomatic", true),
        ("russia", "algeria", "arms_supply", false),
        ("russia", "algeria", "intel_sharing", true),
        ("russia", "lna", "support", false),
        ("russia", "gnu", "diplomatic", true),
        ("wagner", "fama", "support", false),
        ("mali", "wagner", "contract", false),
        ("mali", "fama", "support", false),
        ("mali", "niger", "diplomatic", true),
        ("mali", "niger", "support", true),
        ("mali", "niger", "intel_sharing", true),
        ("wagner", "lna", "support", false),
        ("ukraine", "mali", "diplomatic", true),
        ("ukraine", "niger", "diplomatic", true),
        ("ukraine", "algeria", "diplomatic", true),
        ("ukraine", "hur", "support", false),
        ("hur", "csp", "covert_support", false),
        ("algeria", "csp", "diplomatic", false),
        ("algeria", "dicko", "diplomatic", false),
        ("algeria", "mali", "diplomatic", true),
        ("algeria", "niger", "diplomatic", true),
        ("algeria", "gnu", "diplomatic", true),
        ("csp", "jnim", "coordination", true),
    ]

    /// W.wars: the pairs at war as of July 2024, each made with sim.war(a, b, {cause = ...}): its own
    /// cause, or "at war before the run".
    static let wars: [(a: String, b: String, cause: String)] = {
        let before = "at war before the run", north = "the northern insurgency since 2012"
        return [
            ("russia", "ukraine", before),
            ("russia", "hur", before),
            ("wagner", "ukraine", before),
            ("wagner", "hur", before),
            ("wagner", "csp", before),
            ("wagner", "jnim", before),
            ("fama", "csp", north),
            ("fama", "jnim", north),
            ("mali", "csp", north),
            ("mali", "jnim", north),
            ("niger", "jnim", before),
        ]
    }()

    /// sim.deploy(agent, region, strength), July 2024.
    static let deployments: [(agent: String, region: String, strength: Double)] = [
        ("wagner", "kidal", 500),
        ("wagner", "gao", 350),
        ("wagner", "bamako", 650),
        ("fama", "kidal", 1500),
        ("fama", "gao", 3000),
        ("fama", "bamako", 6000),
        ("csp", "tinzaouaten", 500),
        ("jnim", "tinzaouaten", 150),
        ("niger", "niamey", 5000),
        ("russia", "niamey", 100),
        ("algeria", "bordj_badji_mokhtar", 3000),
        ("algeria", "tamanrasset", 8000),
        ("algeria", "algiers", 20000),
        ("algeria", "ouargla", 6000),
        ("algeria", "debdeb", 1000),
        ("lna", "benghazi", 8000),
        ("lna", "sabha", 4000),
        ("russia", "sabha", 300),
        ("russia", "benghazi", 700),
        ("gnu", "tripoli", 8000),
        ("gnu", "ghadames", 300),
    ]

    /// W.ambush_losses.
    static let ambushLosses = (wagner: 80.0, fama: 120.0)
}
