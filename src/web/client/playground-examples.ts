/**
 * The example queries the playground opens with, one tab each. The browser tests run them, so
 * an example that stops matching the schema fails a test.
 */
export interface Example {
  title: string;
  query: string;
  variables?: string;
}

export const EXAMPLES: Example[] = [
  {
    title: 'Which policies drive industrial-Internet security firms?',
    query: `# Which policies drive firms of the industrial-Internet
# security sector (sub-sectors included)? \`via\` names the
# relationships that link each policy to the firms.
# Run it with the button or Ctrl-Enter. Other tabs: a
# timeline, a neighbourhood, an ad hoc Cypher question.
query PolicyDrivers {
  policyDrivers(sectorId: "industrial-internet-security") {
    policy {
      id
      name
      issuedLabel
    }
    sectors {
      id
      name
    }
    firms {
      id
      name
    }
    via
  }
}
`,
  },
  {
    title: 'Timeline 2014–2017',
    query: `# Dated facts from 2014 to 2017, in order: policies
# issued and taking effect, bodies established, events.
query Timeline2014to2017 {
  timeline(from: "2014-01-01", to: "2017-12-31") {
    dateLabel
    kind
    label
    entity {
      id
      type
      name
    }
  }
}
`,
  },
  {
    title: 'Neighbourhood of the Cybersecurity Law',
    query: `# What surrounds the Cybersecurity Law, as the graph
# stood at the end of 2018 (see the variables below).
query Neighbourhood($id: ID!, $asOf: Date) {
  neighborhood(id: $id, depth: 1, asOf: $asOf) {
    nodes {
      id
      type
      label
      date
      precision
    }
    edges {
      source
      target
      type
    }
  }
}
`,
    variables: `{
  "id": "cybersecurity-law",
  "asOf": "2018-12-31"
}
`,
  },
  {
    title: 'Ad hoc Cypher (read-only)',
    query: `# Read-only Cypher for questions the schema does not cover:
# which agencies issued the most policies?
query CypherQuestion {
  cypher(
    query: "MATCH (p:Policy)-[:ISSUED_BY]->(a:Agency) RETURN a.name AS agency, count(p) AS policies ORDER BY policies DESC, agency LIMIT 10"
  ) {
    columns
    rows
    rowCount
    truncated
  }
}
`,
  },
];
