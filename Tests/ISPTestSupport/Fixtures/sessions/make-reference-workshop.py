#!/usr/bin/env python3
"""Writes v3/v3-reference-workshop.isp.json: the reference session of the hand-out (issue 18).

A session file of format 3 answered under edition 3 of the built-in guide. Seven participants, a register of
twelve, ten actions, every worksheet field of edition 3 written, every question rated by
every voice, a consensus on most questions and a handful of divergent ones. Run it from this folder; the file it
writes is committed, so the tests do not run it.
"""
import json

participants = [
    ("ana", "Ana Núñez", "Municipio de Cochabamba", "government"),
    ("jorge", "Jorge Quispe", "Ministerio de Medio Ambiente y Agua", "government"),
    ("bea", "Beatriz Rojas", "Banco Sol", "business"),
    ("carlos", "Carlos Vargas", "Embotelladora Andina", "business"),
    ("grace", "Grace Achieng", "Red de Mujeres por el Agua", "civil-society"),
    ("luis", "Luis Mamani", "Comité de Regantes del Valle", "civil-society"),
    ("ingrid", "Ingrid Holm", "Fondo Nórdico de Desarrollo", "donor"),
]

prompts = ["s1.q1", "s1.q2", "s1.q3", "s1.q4", "s2.q1", "s2.q2", "s2.q3",
           "s3.q1", "s3.q2", "s3.q3", "s3.q4", "s3.q5", "s3.q6",
           "s4.q1", "s4.q2", "s4.q3", "s4.q4", "s5.d1", "s5.d2", "s5.d3", "s5.d4",
           "s6.q1", "s6.q2", "s6.q3", "s6.q4", "s6.q5", "s7.d1", "s7.d2", "s7.d3", "s7.d6", "s7.d4", "s7.d5"]

# The ratings of the seven voices, in the order above; a consensus where the room agreed on one.
ratings = {
    "s1.q1": [3, 3, 3, 3, 3, 3, 3], "s1.q2": [3, 2, 3, 3, 3, 3, 3], "s1.q3": [2, 2, 3, 3, 2, 2, 3],
    "s1.q4": [3, 3, 3, 2, 3, 3, 3], "s2.q1": [3, 3, 3, 3, 2, 3, 3], "s2.q2": [3, 3, 3, 4, 1, 1, 2],
    "s2.q3": [3, 3, 3, 3, 3, 3, 3], "s3.q1": [2, 2, 2, 3, 2, 2, 2], "s3.q2": [3, 3, 3, 3, 1, 1, 2],
    "s3.q3": [2, 2, 2, 2, 2, 3, 2], "s3.q4": [2, 2, 3, 2, 2, 2, 2], "s3.q5": [3, 3, 2, 3, 3, 3, 3],
    "s3.q6": [2, 2, 2, 2, 2, 2, 3], "s4.q1": [4, 4, 2, 2, 3, 3, 3], "s4.q2": [3, 3, 3, 3, 3, 3, 3],
    "s4.q3": [3, 3, 3, 3, 3, 2, 3], "s4.q4": [3, 3, 3, 3, 3, 3, 3], "s5.d1": [3, 3, 3, 3, 3, 3, 2],
    "s5.d2": [3, 3, 2, 3, 3, 3, 3], "s5.d3": [2, 2, 2, 2, 2, 2, 2], "s5.d4": [3, 2, 3, 3, 3, 3, 3],
    "s6.q1": [2, 2, 2, 2, 2, 3, 2], "s6.q2": [3, 3, 3, 3, 1, 2, 3], "s6.q3": [2, 2, 2, 2, 2, 2, 2],
    "s6.q4": [2, 3, 2, 2, 2, 2, 2], "s6.q5": [1, 1, 3, 3, 1, 1, 4], "s7.d1": [2, 2, 2, 2, 2, 2, 2],
    "s7.d2": [1, 2, 2, 2, 2, 2, 2], "s7.d3": [2, 2, 2, 2, 2, 2, 1], "s7.d6": [2, 2, 2, 2, 2, 2, 2],
    "s7.d4": [1, 1, 1, 2, 1, 1, 1], "s7.d5": [2, 2, 2, 2, 2, 2, 2],
}
# What some voices said, by question and participant.
voice_notes = {
    "s2.q2": {"carlos": "The chamber of commerce speaks for every bottler in the valley.",
              "grace": "Our network has no paid staff; it meets when volunteers can.",
              "luis": "The irrigators' committee has no legal status yet."},
    "s3.q2": {"ana": "The municipality has worked with the bank before.",
              "grace": "After the 2019 tariff protests many families do not trust the municipality.",
              "luis": "The farmers remember the wells that were closed without warning."},
    "s4.q1": {"ana": "The municipality is the natural convener.",
              "bea": "A convener from government may look partisan before the elections.",
              "carlos": "We would rather the university convened."},
    "s6.q2": {"grace": "Women's groups were left out of the agenda again.",
              "luis": "The irrigators' water rights must be on the table."},
    "s6.q5": {"ana": "The municipal budget for 2027 is not approved.",
              "bea": "The bank can lend at a reduced rate for meters.",
              "ingrid": "The fund can match local money one to one for two years.",
              "luis": "The committee can give labour, not money."},
}
# The consensus the room recorded, with its reason where it gave one.
consensus = {
    "s1.q1": (3, ""), "s1.q2": (3, ""), "s1.q4": (3, ""), "s2.q1": (3, ""), "s2.q3": (3, ""),
    "s2.q2": (2, "Government and business are organised; the community groups are not yet, so the middle."),
    "s3.q1": (2, ""), "s3.q3": (2, ""), "s3.q4": (2, ""), "s3.q5": (3, ""), "s3.q6": (2, ""),
    "s3.q2": (2, ""),
    "s4.q1": (3, "The municipality convenes together with the university, which both business members accept."),
    "s4.q2": (3, ""), "s4.q3": (3, ""), "s4.q4": (3, ""), "s5.d1": (3, ""), "s5.d2": (3, ""), "s5.d3": (2, ""),
    "s5.d4": (3, ""), "s6.q1": (2, ""), "s6.q3": (2, ""), "s6.q4": (2, ""), "s7.d1": (2, ""), "s7.d2": (2, ""),
}
group_notes = {
    "s1.q1": "Everyone names the same problem: the valley's wells run dry from August.",
    "s4.q2": "The university's hall in Tiquipaya, which no party owns.",
}

answers = {}
for prompt in prompts:
    voices = {}
    for (pid, _, _, _), rating in zip(participants, ratings[prompt]):
        voices[pid] = {"rating": str(rating), "note": voice_notes.get(prompt, {}).get(pid, "")}
    answer = {"voices": voices, "notes": group_notes.get(prompt, ""), "reason": ""}
    if prompt in consensus:
        rating, reason = consensus[prompt]
        answer["rating"] = str(rating)
        answer["reason"] = reason
    answers[prompt] = answer

register_rows = [
    ("r01", "Municipio de Cochabamba", "government", "ready", "Ana Núñez, water department",
     "Runs the municipal water service", "Asociación de Municipios", "Convener with the university"),
    ("r02", "Ministerio de Medio Ambiente y Agua", "government", "ready", "Jorge Quispe",
     "Sets water policy and licenses wells", "National water council", "Can fast-track well permits"),
    ("r03", "Gobernación de Cochabamba", "government", "not-yet", "Director of planning",
     "Regional budget for infrastructure", "", "Not at the first meeting"),
    ("r04", "Banco Sol", "business", "ready", "Beatriz Rojas", "Micro-loans for household meters",
     "Cámara de Comercio", "Offers a reduced rate"),
    ("r05", "Embotelladora Andina", "business", "ready", "Carlos Vargas", "Largest industrial water user",
     "Cámara de Industria", "Wants a neutral convener"),
    ("r06", "Cámara de Comercio de Cochabamba", "business", "unknown", "Its president",
     "Speaks for the valley's firms", "Federation of chambers", ""),
    ("r07", "Red de Mujeres por el Agua", "civil-society", "ready", "Grace Achieng",
     "Women who carry water in the southern districts", "Foro Social del Agua", "Volunteers only"),
    ("r08", "Comité de Regantes del Valle", "civil-society", "ready", "Luis Mamani",
     "Farmers' irrigation rights", "Federación de Regantes", "No legal status yet"),
    ("r09", "Universidad Mayor de San Simón", "civil-society", "ready", "Dean of engineering",
     "Hydrology research; neutral venue", "Network of Andean universities", "Co-convener"),
    ("r10", "Junta Vecinal Zona Sur", "civil-society", "not-yet", "Neighbourhood president",
     "Households without a connection", "", "To be invited"),
    ("r11", "Fondo Nórdico de Desarrollo", "donor", "ready", "Ingrid Holm", "Matching funds for two years",
     "Donor coordination group", ""),
    ("r12", "Radio Comunitaria Tunari", "other", "unknown", "Station manager", "Reaches the rural districts",
     "", "Could report on the meetings"),
]
register = [{"id": r[0], "organisation": r[1], "sector": r[2], "readiness": r[3], "people": r[4],
             "role": r[5], "alliances": r[6], "notes": r[7]} for r in register_rows]
names = {r[0]: r[1] for r in register_rows}


def ref(row_id):
    return {"id": row_id, "name": names[row_id]}


actions = [
    ("a01", "Send the record of the first meeting to every participant", "r01", "Ana Núñez", "2026-11-30",
     "done", "Staff time", "s6.q1"),
    ("a02", "Invite the Gobernación and the Junta Vecinal Zona Sur", "r01", "Ana Núñez", "2026-11-30",
     "planned", "", "s6.q2"),
    ("a03", "Map the wells that run dry and the households they serve", "r09", "Dean of engineering",
     "2027-02-15", "in-progress", "Two students", "s6.q1"),
    ("a04", "Draft the terms for a shared water fund", "r11", "Ingrid Holm", "2027-01-31", "planned",
     "Legal advice", "s6.q5"),
    ("a05", "Propose a reduced-rate loan for household meters", "r04", "Beatriz Rojas", "2027-01-20",
     "planned", "", "s6.q5"),
    ("a06", "Register the irrigators' committee as an association", "r08", "Luis Mamani", "",
     "planned", "Notary fees", "s6.q4"),
    ("a07", "Agree how disputes between members are mediated", None, "", "2027-02-28", "planned", "",
     "s6.q3"),
    ("a08", "Train five volunteers of the women's network in facilitation", "r07", "Grace Achieng",
     "2027-03-31", "planned", "Trainer from the university", "s6.q4"),
    ("a09", "Publish the tariff data of the last five years", "r02", "Jorge Quispe", "2027-01-15",
     "in-progress", "", "s6.q2"),
    ("a10", "Set the date and agenda of the second meeting", "r01", "", "2027-01-10", "planned", "",
     "s6.q1"),
]
action_rows = []
for aid, text, org, person, due, status, resources, question in actions:
    row = {"id": aid, "action": text, "ownerPerson": person, "status": status, "resources": resources,
           "question": question}
    if org:
        row["ownerOrganisation"] = ref(org)
    if due:
        row["due"] = due
    action_rows.append(row)

traits = {}
for index, item in enumerate(["gov-laws", "gov-environment", "gov-accountability", "gov-inertia",
                              "gov-micro-management", "gov-exhaustion", "gov-bureaucracy", "bus-production",
                              "bus-expertise", "bus-market", "bus-distrust", "bus-externalities",
                              "bus-transparency", "bus-short-term", "civ-voluntaristic", "civ-flexible",
                              "civ-underfunding", "civ-process", "civ-parochialism", "civ-management"]):
    traits[item] = {"mark": ["applies", "does-not-apply", "not-discussed"][index % 3]}
traits["gov-bureaucracy"]["note"] = "Permits take eight months."
traits["civ-underfunding"]["note"] = "The women's network has no budget."

records = {
    "s1": {
        "stakes": {
            "government": "Keep the municipal water service running and avoid new protests.",
            "business": "A reliable supply for production, and customers who can pay.",
            "civil-society": "Water for the families of the southern districts and for irrigation.",
            "donor": "A programme the valley keeps going after the fund's two years.",
        },
        "resources": {
            "government": "Water licences, the municipal pipe network and its engineers.",
            "business": "Loans for household meters; the bottler's laboratory for water quality.",
            "civil-society": "Volunteers in every southern district; the irrigators' knowledge of the wells.",
            "donor": "Matching funds for two years and advice on shared funds.",
        },
        "goals": [{"id": "g1", "goal": "Every household in the southern districts has water all year"},
                  {"id": "g2", "goal": "The valley's wells are used no faster than they refill"},
                  {"id": "g3", "goal": "Farmers and the city agree on the water each may take"}],
        "vision": "A valley where city and farms share water fairly, every year.",
    },
    "s2": {
        "register": register,
        "development": {"government": "well-developed", "business": "developing", "civil-society": "weak"},
        "support": [{"id": "sup1", "supporter": ref("r09"), "supported": ref("r08"),
                     "how": "Legal advice to register the committee"},
                    {"id": "sup2", "supporter": ref("r11"), "supported": ref("r07"),
                     "how": "A small grant for the network's meetings"}],
    },
    "s3": {
        "traits": traits,
        "impediments": [{"id": "i1", "impediment": "Distrust since the 2019 tariff protests"},
                        {"id": "i2", "impediment": "Elections in 2027"},
                        {"id": "i3", "impediment": "No shared data on the wells"}],
        "interviews": [
            {"id": "int1", "interviewee": ref("r05"), "date": "2026-10-05", "interviewer": "Rosa Méndez",
             "wouldWorkWith": "The university and the irrigators, not the municipality alone",
             "history": "Drilled its own wells in 2015", "attitudes": "Wary of new tariffs",
             "networks": "Cámara de Industria"},
            {"id": "int2", "interviewee": ref("r08"), "date": "2026-10-08", "interviewer": "Grace Achieng",
             "wouldWorkWith": "Anyone who respects the water rights", "history": "Lost two wells in 2019",
             "attitudes": "Distrusts the bottler", "networks": "Federación de Regantes"},
            {"id": "int3", "interviewee": ref("r03"), "date": "2026-10-12", "interviewer": "Ana Núñez",
             "wouldWorkWith": "The municipality and the ministry", "history": "Funds the regional pipes",
             "attitudes": "Busy with the elections", "networks": "Regional assembly"},
        ],
    },
    "s4": {
        "convener": ref("r01"),
        "acceptance": {"government": "yes", "business": "no", "civil-society": "yes", "donor": "yes"},
        "stakeholderAcceptance": [{"id": "sa1", "stakeholder": ref("r06"), "accepts": "yes"},
                                  {"id": "sa2", "stakeholder": ref("r03"), "accepts": "not-asked"}],
        "history": "some",
        "viewpoints": "Government sees a supply problem, business a problem of price and reliability, the "
                      "community groups a problem of fairness between the city and the farms.",
        "newOrganisation": "yes",
        "organisationForm": "An association of the three sectors' members, hosted by the university",
        "venue": "Universidad Mayor de San Simón, Tiquipaya campus hall",
        "neutral": "yes",
        "moderator": "Rosa Méndez",
        "firstMeeting": "2026-11-24",
        "agenda": "Introductions; each sector's view of the water shortage; what a partnership could do first.",
        "outcome": "yes",
    },
    "s5": {
        "problem": "From August to November the valley's wells run dry: 40,000 people in the southern districts "
                   "get water twice a week, and farmers and the bottler compete for what is left.",
        "vision": "By 2030 every household in the valley has water every day, and the wells are used no "
                  "faster than the rain refills them.",
        "commitments": {r[0]: {"name": r[1], "value": v} for r, v in zip(register_rows, [
            "committed", "committed", "undecided", "committed", "committed", "undecided", "committed",
            "committed", "committed", "undecided", "committed", "undecided"])},
    },
    "s6": {
        "groundRules": [
            {"id": "rule-say-no", "rule": "The right to say no", "agreed": "agreed"},
            {"id": "rule-honesty", "rule": "Honesty", "agreed": "agreed"},
            {"id": "rule-accountability", "rule": "Accountability", "agreed": "agreed"},
            {"id": "rule-perspectives", "rule": "A commitment to help address other parties' perspectives as "
             "well as one's own", "agreed": "agreed"},
            {"id": "rule-press", "rule": "Nobody speaks to the press for the partnership without the others",
             "agreed": "not-agreed"},
        ],
        "actions": action_rows,
        "mediator": ref("r09"),
        "capacityBuilding": [
            {"id": "cb1", "actor": ref("r08"), "need": "Legal status and bookkeeping", "due": "2027-03-31",
             "status": "in-progress"},
            {"id": "cb2", "actor": ref("r07"), "need": "Facilitation skills for five volunteers",
             "due": "2027-03-31", "status": "planned"},
        ],
        "contributions": [
            {"id": "c1", "partner": ref("r01"), "contribution": "Staff time and the pipe network's data"},
            {"id": "c2", "partner": ref("r04"), "contribution": "Meter loans at a reduced rate"},
            {"id": "c3", "partner": ref("r11"), "contribution": "Matching funds for two years"},
            {"id": "c4", "partner": ref("r08"), "contribution": "Labour for the well survey"},
        ],
    },
    "s7": {
        "resources": [{"id": "res1", "resource": "Municipal water budget", "source": "local"},
                      {"id": "res2", "resource": "Matching fund for two years", "source": "outside"},
                      {"id": "res3", "resource": "Members' fees", "source": "local"}],
        "linkages": [{"id": "l1", "linkage": "National water council"},
                     {"id": "l2", "linkage": "Network of Andean universities"}],
        "expansion": [{"id": "e1", "idea": "Bring the neighbouring valley of Sacaba in"},
                      {"id": "e2", "idea": "Sanitation once supply is secured"}],
        "agreement": "A memorandum of understanding signed by every member",
        "structure": "A board of two members per sector that meets every quarter",
        "host": ref("r09"),
        "future": "continue",
        "futureNote": "Continue, and bring in the Gobernación before the matching funds end.",
    },
}

session = {
    "format": "isp-wizard-session", "schemaVersion": 3,
    "partnershipID": "0b7e4a52-9c1d-4f3e-8a6b-2d5c7e9f1a30", "participantID": "3d6f8a1c-5e2b-4a7d-9c0e-1f4b6d8a2c57",
    "round": 1, "mode": "workshop",
    "guide": {"id": "usaid-isp-startup", "edition": "3"},
    "partnership": {"name": "Agua para el Valle", "focalIssue": "Water for the southern districts of Cochabamba"},
    "facilitator": "Rosa Méndez", "organisation": "",
    "createdAt": "2026-11-24T09:00:00Z", "updatedAt": "2026-11-24T17:45:00Z",
    "participants": [{"id": p[0], "name": p[1], "organisation": p[2], "sector": p[3]} for p in participants],
    "answers": answers, "records": records,
    "position": {"screen": "summary"},
}

with open("v3/v3-reference-workshop.isp.json", "w", encoding="utf-8") as out:
    json.dump(session, out, ensure_ascii=False, indent=2, sort_keys=True)
    out.write("\n")
