extension Guide {
    /// The seven start-up steps of USAID's "User Guide to Intersectoral Partnering", part V.
    /// Questions and hints are quoted exactly; prompts of steps 5 and 7, which have no question list, are derived.
    /// Each prompt says how to read the scale for it (ours). Edition 2 split s7.d3 in two (s7.d6) and restored
    /// the hints of s4.q3, s6.q1 and s6.q5 to the guide's words. Edition 3 words the 0 of s2.q2 and s5.d4 as a stage
    /// (Don't know is never a 0), quotes the guide exactly in step 3's and step 6's guidance, and adds the
    /// worksheet fields for the guide's decisions that had only a rating: each sector's resources and development,
    /// an interview log, the donor's and other stakeholders' acceptance of the convener, the parties' history, the
    /// summary of viewpoints, a new organisation, the mediator, capacity building, each partner's contribution, and
    /// the arrangements and future of the partnership.
    public static let builtIn = Guide(
        id: "usaid-isp-startup",
        edition: "3",
        title: "Start-up of an Intersectoral Partnership",
        source: "USAID, User Guide to Intersectoral Partnering, Part V: Start-up of an Intersectoral "
            + "Partnership (US government work, last updated 12 February 2001).",
        phases: [
            Phase(id: "preparing", title: "Preparing the Ground", steps: [step1, step2, step3]),
            Phase(id: "directions", title: "Setting Directions", steps: [step4, step5]),
            Phase(id: "results", title: "Achieving Results", steps: [step6, step7]),
        ],
        language: "en"
    )

    private static let step1 = Step(
        id: "s1",
        title: "Identify the Goals and Aims",
        guidance: """
            Brainstorm and write down what each sector (government, business, civil society) has at stake \
            in the issue. Clarify the vision of the partnership before anyone argues about resources, \
            personalities or history. The partner that instigates the partnership, sometimes a donor, \
            usually starts this step.
            """,
        prompts: [
            Prompt(
                id: "s1.q1",
                text: "What is the nature of the problem that an ISP might solve, and why is it necessary to "
                    + "bring together actors from different sectors to solve it?",
                scale: "0: the problem is not yet described · 4: all partners describe it alike and agree why "
                    + "every sector is needed",
                critical: true),
            Prompt(
                id: "s1.q2", text: "How are these stakeholders affected by the problem?",
                scale: "0: nobody has asked · 4: each stakeholder's stake is written down and "
                    + "recognised by the others"),
            Prompt(
                id: "s1.q3", text: "To what extent are resources from different stakeholders required?",
                scale: "0: not yet considered · 4: the partners know and agree which resources each must bring"),
            Prompt(
                id: "s1.q4",
                text: "What skills, human and/or material resources does each sector have that could help "
                    + "address the problem?",
                scale: "0: not yet listed · 4: each sector's skills and resources are listed "
                    + "and accepted by the others"),
        ],
        worksheet: .step1
    )

    private static let step2 = Step(
        id: "s2",
        title: "Identify Realities and Partners",
        guidance: """
            Judge how developed each sector is: the success of a partnership is related to it, and sometimes \
            one sector must first help another to grow; donors can strengthen all three. Find the allies \
            already working together in each sector (coalitions, joint ventures, chambers of commerce, \
            federations); their number and quality indicate the potential for working across sectors.
            """,
        prompts: [
            Prompt(
                id: "s2.q1",
                text: "Are there actors in each sector who have the organizational capacity to become involved "
                    + "in a partnership?",
                scale: "0: not yet looked for · 4: capable actors are known in every sector and willing to take part",
                asksFinding: true),
            Prompt(
                id: "s2.q2", text: "Do all the key stakeholders have effective organizations?",
                scale: "0: not yet looked at · 4: every key stakeholder is known to be organised well enough to "
                    + "take part",
                asksFinding: true),
            Prompt(
                id: "s2.q3",
                text: "What are the key organizations and who are the key players in each sector?",
                scale: "0: not yet identified · 4: the key organisations and players of every sector are named and "
                    + "agreed",
                critical: true),
        ],
        worksheet: .step2
    )

    private static let step3 = Step(
        id: "s3",
        title: "Understand the Potential for Working Together, Anticipate Problems",
        guidance: """
            Future partners often have not worked together and may distrust one another. Interview people \
            in the organisations you identified about their histories, attitudes and networks, and test the \
            vision: "Could you imagine working with ‘X' to solve that problem or take advantage of this \
            opportunity?" Weigh each sector's typical strengths and hindrances, since different missions and \
            cultures are the usual source of trouble.
            """,
        prompts: [
            Prompt(
                id: "s3.q1", text: "What is the history of the issue and relations among stakeholders?",
                scale: "0: not yet explored · 4: the partners know the history and relations and "
                    + "speak of them openly",
                asksFinding: true),
            Prompt(
                id: "s3.q2", text: "How much tension must be overcome to make cooperation possible?",
                scale: "0: the tensions have not been looked at · 4: the partners know them, agree how much there is "
                    + "and how to overcome it (a high rating is not low tension)",
                asksFinding: true),
            Prompt(
                id: "s3.q3", text: "What present or potential coalitions exist among key actors?",
                scale: "0: not yet mapped · 4: present and potential coalitions are mapped and agreed",
                asksFinding: true),
            Prompt(
                id: "s3.q4",
                text: "To what extent is the issue so widely perceived as a crisis that otherwise reluctant "
                    + "parties might be willing to try something new?",
                scale: "0: not yet assessed · 4: the partners know and agree how widely the issue is "
                    + "seen as a crisis",
                asksFinding: true),
            Prompt(
                id: "s3.q5", text: "Which stakeholders are ready for collaboration? Which are not?",
                scale: "0: not yet assessed · 4: each stakeholder's readiness is known and agreed",
                asksFinding: true),
            Prompt(
                id: "s3.q6", text: "What are the impediments to strategic partnering?",
                scale: "0: not yet considered · 4: the impediments are named and the partners agree on them",
                asksFinding: true),
        ],
        worksheet: .step3
    )

    private static let step4 = Step(
        id: "s4",
        title: "Convene Partners and Define Problems",
        guidance: """
            Plan how to bring the sectors' representatives together as equal partners, all of them involved. \
            The first meeting is exploratory: its aim is enough trust and commitment to meet again. Where \
            the partners have no history together, who convenes, where and what is discussed matter all \
            the more. Partners may start to consider whether a new organisation should carry the partnership.
            """,
        prompts: [
            Prompt(
                id: "s4.q1", text: "Who convenes?",
                hint: "It is important to identify an individual or organization that is well regarded by all "
                    + "parties to call the meeting.",
                hintQuoted: true,
                scale: "0: no convener in view · 4: a convener accepted by every sector has called the meeting",
                critical: true),
            Prompt(
                id: "s4.q2", text: "Where?",
                hint: "For an initial meeting, it is best to identify some neutral ground, most often a rented "
                    + "facility.",
                hintQuoted: true,
                scale: "0: no venue yet · 4: a neutral venue accepted by all is arranged"),
            Prompt(
                id: "s4.q3", text: "Who moderates?",
                hint: "When choosing a moderator for the initial meeting, find someone who allows participants to "
                    + "raise issues without replicating past unproductive discussions.",
                hintQuoted: true,
                scale: "0: no moderator yet · 4: a moderator every party accepts is engaged"),
            Prompt(
                id: "s4.q4", text: "What to discuss?",
                hint: "An agenda for the first meeting might simply focus upon two things: personal and "
                    + "organizational introductions and a sharing of viewpoints about the key issues.",
                hintQuoted: true,
                scale: "0: no agenda yet · 4: an agenda every party has agreed"),
        ],
        worksheet: .step4
    )

    private static let step5 = Step(
        id: "s5",
        title: "Set Directions",
        guidance: """
            Partnerships bring new energy to old problems when the parties share an understanding of the \
            problem and of possible solutions. In this phase every partner commits to two things: a climate \
            of hope and willingness to work together, and a definition of the problems that meets the \
            interests of all three sectors and includes all stakeholders.
            """,
        prompts: [
            Prompt(
                id: "s5.d1",
                text: "Has each partner committed to a climate of hope and a willingness to work together?",
                hint: "Joint investigation of the issue, building visions, and developing leadership through forums "
                    + "such as meetings, brainstorming sessions, task forces, committees, and conferences will "
                    + "foster this climate.",
                hintQuoted: true,
                scale: "0: no shared commitment yet · 4: every partner has committed, and it shows in joint work",
                derived: true),
            Prompt(
                id: "s5.d2",
                text: "Have the partners agreed a definition of the problems and concerns of the stakeholders?",
                hint: "Successful problem definition involves identifying the intersection of the interests of "
                    + "the three sectoral players and including all of the stakeholders in a meaningful way.",
                hintQuoted: true,
                scale: "0: no shared definition · 4: a definition at the meeting point of all three sectors' "
                    + "interests, agreed and written",
                derived: true, critical: true),
            Prompt(
                id: "s5.d3",
                text: "Are all of the stakeholders included in defining the problem in a meaningful way?",
                scale: "0: stakeholders are left out · 4: every stakeholder took part in defining the problem",
                derived: true),
            Prompt(
                id: "s5.d4",
                text: "Do the parties share an understanding of the nature of the problem and ideas about "
                    + "possible solutions?",
                scale: "0: the parties' views have not yet been compared · 4: one shared understanding of the problem "
                    + "and of possible solutions",
                derived: true),
        ],
        worksheet: .step5
    )

    private static let step6 = Step(
        id: "s6",
        title: "Develop an Action Plan",
        guidance: """
            Joint forums turn shared ideas into an action plan, often a series of small steps that build \
            relationships and make larger ones possible. Keep the ground rules in view: the right to say no, \
            honesty, accountability, and "a commitment to help address other parties' perspectives as well as \
            one's own".
            """,
        prompts: [
            Prompt(
                id: "s6.q1", text: "How should action strategies be implemented?",
                hint: "Open lines of communication are vital; as are clearly defined rules of the game that "
                    + "facilitate communication, reduce transaction costs, and protect empowerment.",
                hintQuoted: true,
                scale: "0: no plan for carrying out the actions · 4: an agreed plan with owners, open communication "
                    + "and clear rules",
                critical: true),
            Prompt(
                id: "s6.q2",
                text: "How can stakeholders implement detailed plans in ways that respect their particular "
                    + "interests?",
                scale: "0: not discussed · 4: plans agreed in ways every stakeholder sees as "
                    + "respecting its interests"),
            Prompt(
                id: "s6.q3",
                text: "Who will mediate the inevitable tensions and conflicts that arise when new actors come "
                    + "into the picture?",
                scale: "0: nobody is named · 4: a mediator or a way of mediating that all accept is in place"),
            Prompt(
                id: "s6.q4",
                text: "What kinds of capacity-building activities are necessary for different actors to carry "
                    + "out their parts of the process effectively?",
                scale: "0: not considered · 4: the needs are agreed and the activities planned or under way"),
            Prompt(
                id: "s6.q5", text: "How will resource sharing take place?",
                hint: "Partners need to discuss resource sharing continuously in order to ensure that the issue "
                    + "remains well understood from the outset.",
                hintQuoted: true,
                scale: "0: not discussed · 4: an agreed way of sharing resources, discussed regularly"),
        ],
        worksheet: .step6
    )

    private static let step7 = Step(
        id: "s7",
        title: "Institutionalize and/or Expand Successful ISPs",
        guidance: """
            The toughest step. Lasting partnerships generate the human, social, material and financial \
            capital to sustain or expand themselves, and keep going after outside resources are withdrawn. \
            Growth may mean new resources, wider participation, scaling up, and links to national \
            institutions and wider networks; outside dependency threatens it, local resources protect it.
            """,
        prompts: [
            Prompt(
                id: "s7.d1",
                text: "How will the partnership continue after outside resources have been withdrawn or "
                    + "reallocated?",
                scale: "0: no plan · 4: agreed and funded arrangements to go on without outside support",
                derived: true, critical: true),
            Prompt(
                id: "s7.d2",
                text: "What new resources and wider participation would continuing or expanding the "
                    + "partnership need?",
                scale: "0: not considered · 4: the needs are known and the resources and partners are being secured",
                derived: true),
            Prompt(
                id: "s7.d3",
                text: "Could the partnership, or the agency that implements it, be scaled up?",
                scale: "0: not considered · 4: a way of scaling up is agreed by the partners",
                derived: true),
            Prompt(
                id: "s7.d6",
                text: "Could other organisations be involved whose interests a successful partnership would serve?",
                scale: "0: not considered · 4: such organisations are identified and being involved",
                derived: true),
            Prompt(
                id: "s7.d4",
                text: "What linkages exist to external partners, national institutions or wider networks?",
                scale: "0: none · 4: lasting links to national institutions and wider networks",
                derived: true),
            Prompt(
                id: "s7.d5",
                text: "How far does the partnership rely on local resources rather than outside support?",
                scale: "0: it depends entirely on outside support · 4: it runs on local resources",
                derived: true),
        ],
        worksheet: .step7
    )
}
