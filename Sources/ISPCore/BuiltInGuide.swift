extension Guide {
    /// The seven start-up steps of USAID's "User Guide to Intersectoral Partnering", part V.
    /// Questions are quoted exactly; prompts of steps 5 and 7, which have no question list, are derived.
    public static let builtIn = Guide(
        id: "usaid-isp-startup",
        edition: "1",
        title: "Start-up of an Intersectoral Partnership",
        source: "USAID, User Guide to Intersectoral Partnering, Part V: Start-up of an Intersectoral "
            + "Partnership (US government work, last updated 12 February 2001).",
        phases: [
            Phase(id: "preparing", title: "Preparing the Ground", steps: [step1, step2, step3]),
            Phase(id: "directions", title: "Setting Directions", steps: [step4, step5]),
            Phase(id: "results", title: "Achieving Results", steps: [step6, step7]),
        ]
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
                critical: true),
            Prompt(id: "s1.q2", text: "How are these stakeholders affected by the problem?"),
            Prompt(id: "s1.q3", text: "To what extent are resources from different stakeholders required?"),
            Prompt(
                id: "s1.q4",
                text: "What skills, human and/or material resources does each sector have that could help "
                    + "address the problem?"),
        ]
    )

    private static let step2 = Step(
        id: "s2",
        title: "Identify Realities and Partners",
        guidance: """
            Judge how developed each sector is: a partnership is only as strong as the sectors in it, and \
            sometimes one sector must first help another to grow. Find the allies already working together \
            in each sector (coalitions, chambers of commerce, federations, civil society networks); their \
            number and quality show the potential for working across sectors.
            """,
        prompts: [
            Prompt(
                id: "s2.q1",
                text: "Are there actors in each sector who have the organizational capacity to become involved "
                    + "in a partnership?"),
            Prompt(id: "s2.q2", text: "Do all the key stakeholders have effective organizations?"),
            Prompt(
                id: "s2.q3",
                text: "What are the key organizations and who are the key players in each sector?",
                critical: true),
        ]
    )

    private static let step3 = Step(
        id: "s3",
        title: "Understand the Potential for Working Together, Anticipate Problems",
        guidance: """
            Future partners often have not worked together and may distrust one another. Interview people \
            in the organisations you identified about their histories, attitudes and networks, and test the \
            vision ("Could you imagine working with X on this?"). Weigh each sector's typical strengths and \
            hindrances, since different missions and cultures are the usual source of trouble.
            """,
        prompts: [
            Prompt(id: "s3.q1", text: "What is the history of the issue and relations among stakeholders?"),
            Prompt(id: "s3.q2", text: "How much tension must be overcome to make cooperation possible?"),
            Prompt(id: "s3.q3", text: "What present or potential coalitions exist among key actors?"),
            Prompt(
                id: "s3.q4",
                text: "To what extent is the issue so widely perceived as a crisis that otherwise reluctant "
                    + "parties might be willing to try something new?"),
            Prompt(id: "s3.q5", text: "Which stakeholders are ready for collaboration? Which are not?"),
            Prompt(id: "s3.q6", text: "What are the impediments to strategic partnering?"),
        ]
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
                critical: true),
            Prompt(
                id: "s4.q2", text: "Where?",
                hint: "For an initial meeting, it is best to identify some neutral ground, most often a rented "
                    + "facility."),
            Prompt(
                id: "s4.q3", text: "Who moderates?",
                hint: "Find someone who allows participants to raise issues without replicating past "
                    + "unproductive discussions."),
            Prompt(
                id: "s4.q4", text: "What to discuss?",
                hint: "An agenda for the first meeting might simply focus upon two things: personal and "
                    + "organizational introductions and a sharing of viewpoints about the key issues."),
        ]
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
                hint: "Joint investigation of the issue, building visions and developing leadership through "
                    + "meetings, brainstorming sessions, task forces, committees and conferences foster it.",
                derived: true),
            Prompt(
                id: "s5.d2",
                text: "Have the partners agreed a definition of the problems and concerns of the stakeholders?",
                hint: "Successful problem definition identifies the intersection of the interests of the "
                    + "three sectors.",
                derived: true, critical: true),
            Prompt(
                id: "s5.d3",
                text: "Are all of the stakeholders included in defining the problem in a meaningful way?",
                derived: true),
            Prompt(
                id: "s5.d4",
                text: "Do the parties share an understanding of the nature of the problem and ideas about "
                    + "possible solutions?",
                derived: true),
        ]
    )

    private static let step6 = Step(
        id: "s6",
        title: "Develop an Action Plan",
        guidance: """
            Joint forums turn shared ideas into an action plan, often a series of small steps that build \
            relationships and make larger ones possible. Keep the ground rules in view: the right to say no, \
            honesty, accountability, and a commitment to the other parties' perspectives as well as your own.
            """,
        prompts: [
            Prompt(
                id: "s6.q1", text: "How should action strategies be implemented?",
                hint: "Implementation can bring back old tensions and new actors; open lines of communication "
                    + "and clear rules of the game are vital. Note the actions and who owns each.",
                critical: true),
            Prompt(
                id: "s6.q2",
                text: "How can stakeholders implement detailed plans in ways that respect their particular "
                    + "interests?"),
            Prompt(
                id: "s6.q3",
                text: "Who will mediate the inevitable tensions and conflicts that arise when new actors come "
                    + "into the picture?"),
            Prompt(
                id: "s6.q4",
                text: "What kinds of capacity-building activities are necessary for different actors to carry "
                    + "out their parts of the process effectively?"),
            Prompt(
                id: "s6.q5", text: "How will resource sharing take place?",
                hint: "Partners need to discuss resource sharing continuously."),
        ]
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
                derived: true, critical: true),
            Prompt(
                id: "s7.d2",
                text: "What new resources and wider participation would continuing or expanding the "
                    + "partnership need?",
                derived: true),
            Prompt(
                id: "s7.d3",
                text: "Could the partnership be scaled up, or other organisations be involved whose interests "
                    + "it serves?",
                derived: true),
            Prompt(
                id: "s7.d4",
                text: "What linkages exist to external partners, national institutions or wider networks?",
                derived: true),
            Prompt(
                id: "s7.d5",
                text: "How far does the partnership rely on local resources rather than outside support?",
                derived: true),
        ]
    )
}
